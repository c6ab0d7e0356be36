# language.md §2.6.1: a defined function name is constant: assigning to it is "const is not a modifiable lvalue"
function g(): count { return 1; }
function h(): count { return 2; }
event bro_init()
	{
	g = h;
	}
