# logging-input.md §2.9.4, §2.8: in STREAM mode the benchmark reader sends more entries at each heartbeat, the number growing by InputBenchmark::factor and addfactor, announced by lines_changed, each heartbeat's entries followed by HeartbeatDone
redef exit_only_after_terminate = T;
redef InputBenchmark::addfactor = 1;

type Row: record {
	i: int;
};

global n = 0;
global beats = 0;

event row(description: Input::EventDescription, tpe: Input::Event, i: int)
	{
	++n;
	}

event lines_changed(newlines: count, changetime: time)
	{
	print "lines_changed", newlines, n;
	}

event HeartbeatDone()
	{
	print "HeartbeatDone", n;
	n = 0;
	if ( ++beats == 2 )
		terminate();
	}

event bro_init()
	{
	Input::add_event([$source="2", $reader=Input::READER_BENCHMARK, $mode=Input::STREAM,
	                  $name="bench", $fields=Row, $ev=row, $want_record=F]);
	}
