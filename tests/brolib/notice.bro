# Bro 2.6's notice framework standalone, in the shape of Bro's btests scripts/base/frameworks/notice/{suppression,default-policy-order,...}: NOTICE(), notice.log, a policy hook moving a notice to notice_alarm.log, suppression by identifier (begin_suppression is an event, so it applies from the next event on).
@load base/frameworks/notice

redef enum Notice::Type += { Test_Notice, Alarm_Notice };

event bro_init() &priority=-10
	{
	# the timestamps are the run's network time: leave them out
	for ( id in set(Notice::LOG, Notice::ALARM_LOG) )
		{
		local f = Log::get_filter(id, "default");
		f$exclude = set("ts");
		Log::add_filter(id, f);
		}
	}

hook Notice::policy(n: Notice::Info)
	{
	if ( n$note == Alarm_Notice )
		{
		delete n$actions[Notice::ACTION_LOG];
		add n$actions[Notice::ACTION_ALARM];
		}
	}

event later()
	{
	print "later", Notice::is_being_suppressed([$note=Test_Notice, $msg="probe", $identifier="static"]);
	NOTICE([$note=Test_Notice, $msg="again", $identifier="static"]);
	NOTICE([$note=Test_Notice, $msg="other id", $identifier="other"]);
	}

event Notice::suppressed(n: Notice::Info)
	{
	print "suppressed", n$note, n$msg;
	}

event bro_init() &priority=-20
	{
	NOTICE([$note=Test_Notice, $msg="first", $identifier="static"]);
	NOTICE([$note=Test_Notice, $msg="with src", $sub="sub", $src=1.2.3.4, $p=80/tcp]);
	NOTICE([$note=Alarm_Notice, $msg="alarm", $n=3]);
	print "now", Notice::is_being_suppressed([$note=Test_Notice, $msg="probe", $identifier="static"]);
	event later();
	}
