# language.md §2.3/§6.2: an option must be initialised; assigning to an option at runtime is an error
option testbool: bool;
option testopt = 1;
event bro_init()
	{
	testopt = 2;
	}
