# language.md §4.7: switch on a string value
function f(s: string): count
	{
	switch ( s ) {
	case "a", "b":
		return 1;
	case "c":
		return 2;
	}
	return 0;
	}
print f("b"), f("c"), f("z");
