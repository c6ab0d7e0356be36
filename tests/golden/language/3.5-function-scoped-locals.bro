# language.md §3.5: locals are function-scoped: a local declared inside an if body is visible after it
function f(flag: bool): string
	{
	if ( flag )
		{
		local inner = "set inside if";
		}
	return inner;
	}
print f(T);
print f(F);
print "end";
