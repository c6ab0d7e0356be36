# language.md §6.1/§6.2: a grammar error reports 'syntax error, at or near "<token>"' and stops parsing at once
const c = 1;
event bro_init()
	{
	print 1 + ;
	c = 2;
	}
