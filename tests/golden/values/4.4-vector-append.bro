# values.md §4.4/§5.3: v += e appends one element, converting an arithmetic value to the yield type
global v: vector of double = vector();
global w: vector of string = vector("a");
v += 1;
v += 2.5;
w += "b";
print v, w, |w|;
