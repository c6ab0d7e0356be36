# language.md §2.6.1: a definition matches its forward declaration by types; the definition's parameter names are used
global f: function(a: count, b: string): string;
function f(x: count, y: string): string { return fmt("%s-%d", y, x); }
print f(1, "z");
