# Bro 2.6's reporter framework, in the shape of Bro's btests scripts/base/frameworks/reporter/stderr: Reporter::info/warning/error and a runtime error print on stderr and go to reporter.log with their level and location (bifs/strings-reporter-misc.md §3.1).
@load base/frameworks/reporter

event bro_init() &priority=-10
	{
	local f = Log::get_filter(Reporter::LOG, "default");
	f$exclude = set("ts");
	Log::add_filter(Reporter::LOG, f);
	}

event bro_init() &priority=-20
	{
	Reporter::info("an info");
	Reporter::warning("a warning");
	Reporter::error("an error");
	local t: table[count] of count;
	print t[5];
	}
