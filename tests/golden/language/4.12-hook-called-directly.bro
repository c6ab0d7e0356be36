# language.md §4.12/§6.2: calling a hook like a function is an error; as a statement it also warns "expression value ignored"
hook myhook(n: count) { print n; }
event bro_init()
	{
	myhook(3);
	}
