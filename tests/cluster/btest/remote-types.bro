# ARGS: --simulate all
# cluster.md §4.6-§4.7: arguments are checked against the event's type when
# an event is made, and converted to the receiver's declared types when it
# arrives.  Here the manager and the proxies declare the events differently
# (parse-time @if on Cluster::node): a count cannot become an int, a
# message with the wrong number of arguments is dropped with a warning, an
# event the receiver does not know is dropped silently, and a record
# arrives as a fresh copy of the receiver's own record type.
type Info: record {
	name: string;
	n: count &optional;
	tags: set[string];
};

global info: event(i: Info, v: vector of count, t: table[string] of count);

@if ( Cluster::node == "manager-1" )

global ping: event(n: count);
global pong: event(a: count);
global only_here: event();
global proxies_up = 0;

event Cluster::node_up(name: string, id: string)
	{
	if ( name !in Cluster::proxy_pool$nodes || ++proxies_up < 2 )
		return;

	local e = Broker::make_event(ping);
	print fmt("make_event with too few arguments: name set=%s", e?$name);
	e = Broker::make_event(ping, -1);
	print fmt("make_event with an int for a count: name set=%s", e?$name);
	print fmt("publish of the failed event: %s", Broker::publish(Cluster::proxy_topic, e));
	e = Broker::make_event(ping, 1);
	print fmt("make_event(ping, 1): name=%s, %s args", e$name, |e$args|);
	print fmt("publish: %s", Broker::publish(Cluster::proxy_topic, e));
	Broker::publish(Cluster::proxy_topic, pong, 2);
	Broker::publish(Cluster::proxy_topic, only_here);

	local rec = Info($name = "r", $tags = set("a"));
	local tab: table[string] of count = { ["x"] = 1 };
	local vec = vector(1, 2, 3);
	Broker::publish(Cluster::proxy_topic, info, rec, vec, tab);
	# the message is a snapshot: changing the values now changes nothing
	rec$name = "changed";
	tab["x"] = 99;
	vec[0] = 99;
	}

@else

global ping: event(n: int);
global pong: event(a: count, b: count);

event ping(n: int)
	{
	print "ping arrived";
	}

event pong(a: count, b: count)
	{
	print "pong arrived";
	}

event info(i: Info, v: vector of count, t: table[string] of count)
	{
	print fmt("info %s %s, remote=%s", i, v, is_remote_event());
	print fmt("t[x]=%s |t|=%s", t["x"], |t|);
	}

@endif
