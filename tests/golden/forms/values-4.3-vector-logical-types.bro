# values.md §4.3: && and || need bool operands, looking through vectors to their element type
global v = vector(1, 2);
global w = vector(T, F);
print v && w;
print w || 3;
