# bifs/strings-reporter-misc.md §3.1: reporter lines on stderr; reporter_* events only from bro_init on, none inside their handlers
event reporter_info(t: time, msg: string, location: string)
	{
	print "reporter_info", fmt("%.6f", t), msg, location;
	Reporter::info("inside the handler");
	}

event reporter_warning(t: time, msg: string, location: string)
	{
	print "reporter_warning", msg, location;
	}

event reporter_error(t: time, msg: string, location: string)
	{
	print "reporter_error", msg, location;
	}

event bro_init()
	{
	print Reporter::info("init test-info");
	Reporter::warning("init test-warning");
	Reporter::error("init test-error");
	print "end of bro_init";
	}

print Reporter::info("pre test-info");
Reporter::warning("pre test-warning");
Reporter::error(
	"pre test-error");
Reporter::info("two\x00parts");
