# ARGS: --simulate all
# bifs/probabilistic-broker.md §5 Broker::__publish_id: with peers, an unknown
# id gives F; a known one is sent, and the subscribed receiver replaces its
# global of that name with the converted value (even a const), raising no
# event.  An event published after it arrives after it.
redef exit_only_after_terminate = T;

const limit = 5 &redef;
global tags: set[string] = set("a");

@if ( Cluster::node == "manager-1" )
redef limit = 9;
@endif

global check: event();

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node != "manager-1" || name != "worker-1" )
		return;
	add tags["b"];
	print Broker::publish_id(Cluster::node_topic("worker-1"), "nosuch");
	print Broker::publish_id(Cluster::node_topic("worker-1"), "limit");
	print Broker::publish_id(Cluster::node_topic("worker-1"), "tags");
	Broker::publish(Cluster::node_topic("worker-1"), check);
	}

event check()
	{
	print "limit", limit, |tags|;
	terminate();
	}

event Cluster::node_down(name: string, id: string)
	{
	if ( Cluster::node != "manager-1" || name == "worker-1" )
		terminate();
	}
