# probabilistic-broker.md §5 Broker::make_event: the snapshot record, each check in order with its result, Broker::Data arguments used as is; Broker::publish without peers runs make_event first and returns T
@load base/frameworks/broker
global ping: event(s: string, n: count);
global anyev: event(a: any);
type R: record { a: count; };
function f(): count { return 1; }
event bro_init()
	{
	print Broker::make_event(ping, "my-message", 1);
	print Broker::make_event();
	print Broker::make_event(f);
	print Broker::make_event(ping, "x");
	print Broker::make_event(ping, "x", -1);
	print Broker::make_event(anyev, Broker::data(5));
	print Broker::make_event(anyev, R($a=7));
	print Broker::make_event(anyev, string_vec);
	print Broker::publish("t", ping, 1, 2);
	print Broker::publish("t", Broker::make_event(ping, "y", 2));
	}
