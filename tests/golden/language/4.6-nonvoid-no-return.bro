# language.md §4.6: a non-void function that ends without returning a value warns (no location); the caller's statement is skipped
function f(n: count): count
	{
	if ( n > 0 )
		return n;
	}
print f(1);
print f(0);
print "end";
