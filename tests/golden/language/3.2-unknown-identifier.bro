# language.md §3.2/§6.1: an unknown identifier stops parsing at once (later errors are not reported); exit 1
const c = 1;
event bro_init()
	{
	print TESTFAILURE;
	c = 2;
	}
