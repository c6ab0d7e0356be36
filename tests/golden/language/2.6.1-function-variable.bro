# language.md §2.6.1: a function-typed global without a body can be assigned named or anonymous functions at runtime
global op: function(a: count): count;
function double_it(a: count): count { return a * 2; }
op = double_it;
print op(4);
op = function(a: count): count { return a + 100; };
print op(4);
