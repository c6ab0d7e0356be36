# language.md §4.7: type switch: the first case whose type fits; several types per case; 'as' binds the cast value
function f(v: any): string
	{
	switch ( v ) {
	case type string as s:
		return "string " + s;
	case type count as c:
		return fmt("count %d", c + 1);
	case type bool, type addr:
		return "bool or addr";
	default:
		return "other";
	}
	}
print f("x"), f(41), f(T), f(1.2.3.4), f(1.5);
