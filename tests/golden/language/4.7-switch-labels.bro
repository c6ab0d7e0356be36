# language.md §4.7: case labels may be literals, const names, enum constants and unary +/- of constants
const LIMIT = 10;
type Color: enum { RED, GREEN };
function num(i: int): string
	{
	switch ( i ) {
	case -1:
		return "minus one";
	case +5:
		return "five";
	}
	return "other";
	}
function col(c: Color): string
	{
	switch ( c ) {
	case RED:
		return "red";
	case GREEN:
		return "green";
	}
	return "?";
	}
function lim(n: count): string
	{
	switch ( n ) {
	case LIMIT:
		return "limit";
	default:
		return "not limit";
	}
	}
print num(-1), num(+5), num(+0), col(GREEN), lim(10), lim(3);
