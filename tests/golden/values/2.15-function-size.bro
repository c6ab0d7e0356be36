# values.md §2.15/§4.6: |f| of a function is its number of parameters
function f(a: count, b: string, c: bool) { }
function g() { }
print |f|, |g|;
