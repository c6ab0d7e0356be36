# bifs/strings-reporter-misc.md §3.1: an expression error raises reporter_error with " [<expr>]" appended to msg; a missing return value raises reporter_warning
event reporter_error(t: time, msg: string, location: string)
	{
	print "reporter_error", fmt("%.6f", t), msg, location;
	}

event reporter_warning(t: time, msg: string, location: string)
	{
	print "reporter_warning", msg, |location|;
	}

function div(x: count, y: count): count
	{
	return x / y;
	}

event bro_init()
	{
	print div(6, 0);
	print "next";
	}
