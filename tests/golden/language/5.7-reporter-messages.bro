# language.md §5.7 / values.md §6.7: Reporter::info/warning/error write to stderr with the call location, return T and continue
event bro_init()
	{
	print Reporter::info("an info");
	print Reporter::warning("a warning");
	print Reporter::error("an error");
	print "still running";
	}
