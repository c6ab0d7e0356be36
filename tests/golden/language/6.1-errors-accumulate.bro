# language.md §6.1: semantic errors are reported and parsing continues (several messages), then exit 1
const a = 1;
const b = 2;
event bro_init()
	{
	a = 3;
	b = 4;
	}
