# language.md §2.6.1: hooks are values: a local holding a hook is invoked with the hook operator
hook myhook(n: count) { print "myhook", n; }
event bro_init()
	{
	local h = myhook;
	print hook h(1);
	}
