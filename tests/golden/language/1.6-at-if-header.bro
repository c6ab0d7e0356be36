# language.md §1.6: @if/@else may sit between a function header and its body, choosing the header
@if ( T )
function f(a: count): count
@else
function f(a: string): count
@endif
	{ return a + 1; }
print f(41);
