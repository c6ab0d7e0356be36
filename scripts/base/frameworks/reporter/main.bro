##! The reporter framework (bifs/strings-reporter-misc.md §3.1): every
##! message that raises a reporter_info, reporter_warning or reporter_error
##! event is also written to reporter.log, as well as printed on stderr.

module Reporter;

export {
	redef enum Log::ID += { LOG };

	## One line of reporter.log.
	type Info: record {
		## The event's time: network time, 0.0 before any packet.
		ts: time &log;
		## INFO, WARNING or ERROR, after the event that carried it.
		level: Level &log;
		## The message without its location.
		message: string &log;
		## Where the message was reported, if known.
		location: string &log &optional;
	};
}

event bro_init() &priority=5
	{
	Log::create_stream(Reporter::LOG, [$columns=Info, $path="reporter"]);
	}

# low priority: a script's own handlers see the event first
event reporter_info(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=INFO, $message=msg, $location=location]);
	}

event reporter_warning(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=WARNING, $message=msg, $location=location]);
	}

event reporter_error(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=ERROR, $message=msg, $location=location]);
	}
