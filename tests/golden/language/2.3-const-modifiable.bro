# language.md §2.3/§6.2: assigning to a const is "const is not a modifiable lvalue" at parse time; nothing runs; exit 1
const foo = 1;
event bro_init()
	{
	print "never";
	foo = 2;
	}
