# language.md §1.8: '$f(params) = { body }' in a record constructor stores an anonymous function in the field
type R: record { f: function(a: count): count; };
global r: R = [$f(a: count) = { return a + 1; }];
print r$f(2);
