# The two hello errors of main.bro (cluster.md §4.5), reported on stderr
# while the node keeps running: a hello from a name that is not in the
# layout, and a second hello from a known node with a different Broker id
# (no second node_up, but the id is overwritten).
@load base/frameworks/cluster/main
redef Cluster::node = "manager";
@load base/frameworks/cluster

global step2: event();

event Cluster::node_up(name: string, id: string)
	{
	print fmt("node_up %s %s", name, id);
	}

event bro_init() &priority=-20
	{
	event Cluster::hello("intruder", "X1");
	event Cluster::hello("proxy-1", "P1");
	event Cluster::hello("proxy-1", "P1-other");
	event step2();
	}

event step2()
	{
	print fmt("proxy-1 id=%s, intruder known: %s", Cluster::nodes["proxy-1"]$id,
	          "intruder" in Cluster::nodes);
	terminate();
	}
