# language.md §4.7: several labels per case, default wherever placed, fallthrough, no match without default does nothing
function f(n: count): string
	{
	local r = "";
	switch ( n ) {
	default:
		r += "default";
		break;
	case 1, 2:
		r += "one-or-two";
		break;
	case 3:
		r += "three,";
		fallthrough;
	case 4:
		r += "four";
		break;
	}
	return r;
	}
function g(n: count): string
	{
	switch n {
	case 1:
		return "one";
	}
	return "no match";
	}
print f(2), f(3), f(4), f(9);
print g(1), g(5);
