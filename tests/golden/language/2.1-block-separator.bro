# language.md §2.1: an empty block {} separates the declarations from a first statement that starts with 'event'
event foo(n: count) { print "foo", n; }
{}
event foo(1);
print "top";
