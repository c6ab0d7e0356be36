# language.md §4.3: if/else; a dangling else binds to the nearest if
function f(a: bool, b: bool): string
	{
	local r = "none";
	if ( a )
		if ( b )
			r = "a and b";
		else
			r = "a not b";
	return r;
	}
print f(T, T), f(T, F), f(F, T);
