# ARGS: -b --simulate all
# cluster.md §1.5, §4.6: topics match by byte prefix, with no separator
# after a node name, so worker-1 (subscribed to "bro/cluster/node/worker-1")
# also gets what is meant for worker-10; the other way round it does not.
# A publisher never gets its own messages (G7), and a topic that is only a
# prefix of the subscriptions reaches nobody.
@load base/frameworks/cluster

global hi: event(what: string);
global workers_up = 0;

event hi(what: string)
	{
	print fmt("%s got hi %s", Cluster::node, what);
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node != "manager" || ++workers_up < 2 )
		return;

	Broker::publish(Cluster::node_topic("worker-10"), hi, "to worker-10");
	Broker::publish(Cluster::node_topic("worker-1"), hi, "to worker-1");
	Broker::publish(Cluster::worker_topic, hi, "to all workers");
	Broker::publish(Cluster::manager_topic, hi, "to the manager");
	Broker::publish(Cluster::node_topic_prefix, hi, "to the node prefix");
	}
