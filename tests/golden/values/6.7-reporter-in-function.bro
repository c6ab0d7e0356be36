# values.md §6.7: the Reporter location is the line of the Reporter call itself, also inside a called function
function warn(s: string)
	{
	Reporter::warning(s);
	}
event bro_init()
	{
	warn("first");
	Reporter::info("second");
	}
