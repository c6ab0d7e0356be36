# bifs/core-3.md §1.4: a call of an old communication function anywhere makes Bro refuse to start (after the parse-time deprecation warning) unless old_comm_usage_is_ok is T: nothing runs, exit status 1
function stop()
	{
	terminate_communication();
	}

event bro_init()
	{
	print "bro_init";
	}

print "top-level";
