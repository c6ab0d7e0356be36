# language.md §2.3: ++ and += on a const are also "const is not a modifiable lvalue"
const foo = 1;
event bro_init()
	{
	++foo;
	foo += 3;
	}
