# ARGS: -b --simulate all
# cluster.md §4.6: with Broker::forward_messages, a node passes what it
# receives on to its other peers whose subscriptions match, never back to
# the sender; Broker::forward(prefix) makes the manager relay "test/" topics
# without raising them itself.  The workers are not peered with each other,
# so worker-10 gets worker-1's message only through the manager.  A topic
# nobody forwards still travels one hop.
@load base/frameworks/cluster

redef Broker::forward_messages = T;

global relayed: event(from: string);
global direct: event(from: string);

event bro_init()
	{
	if ( Cluster::node == "manager" )
		Broker::forward("test/");
	else
		Broker::subscribe("test/");
	}

event relayed(from: string)
	{
	print fmt("%s: relayed from %s, remote=%s", Cluster::node, from, is_remote_event());
	}

event direct(from: string)
	{
	print fmt("%s: direct from %s", Cluster::node, from);
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node == "worker-1" && name == "manager" )
		{
		Broker::publish("test/a", relayed, Cluster::node);
		Broker::publish(Cluster::manager_topic, direct, Cluster::node);
		}
	}
