# language.md §1.6/§6.2: a local in an @if gives "referencing a local name in @if" then "invalid expression in @if"; exit 1
function foo(x: count): bool { return T; }
event bro_init()
	{
	local xyz = 1;
@if ( F && foo(xyz) )
	print "never";
@endif
	}
