# language.md §1.7: 'as' and 'is' bind tightest: 1 + a as count = 1 + (a as count); -x as int = -(x as int)
global a: any = 5;
global x: any = +3;
print 1 + a as count, -x as int, a is count, 2 * a as count;
