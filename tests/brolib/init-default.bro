# [init-default] Bro 2.6's whole base/init-default.bro loads unchanged and a user script runs as under Bro: top-level statements, bro_init, bro_done, no message, exit 0, and no log file (nothing is logged in a run without packets).
event bro_init()
	{
	print "init", Log::active_streams[Notice::LOG]$path, Log::active_streams[Software::LOG]$path;
	print Intel::LOG in Log::active_streams, NetControl::LOG in Log::active_streams, Reporter::LOG in Log::active_streams;
	}

event bro_done()
	{
	print "done";
	}

print "top";
