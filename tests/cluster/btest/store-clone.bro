# ARGS: --simulate all
# bifs/probabilistic-broker.md §4: a master lives on the manager; a clone of
# the same name on a worker peered with it reads the master's data and its
# writes reach the master.
redef exit_only_after_terminate = T;

global h: opaque of Broker::Store;
global worker_done: event(name: string);
global done_count = 0;

event bro_init()
	{
	Broker::auto_publish(Cluster::manager_topic, worker_done);
	if ( Cluster::node == "manager-1" )
		{
		h = Broker::create_master("shared");
		Broker::put(h, "k", 42);
		}
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::local_node_type() != Cluster::WORKER || name != "manager-1" )
		return;
	h = Broker::create_clone("shared");
	print Broker::store_name(h), Broker::is_closed(h);
	when ( local r = Broker::get(h, "k") )
		{
		print "clone get", r;
		Broker::put(h, Cluster::node, 1);
		event worker_done(Cluster::node);
		}
	timeout 5sec { print "clone timeout"; }
	}

event worker_done(name: string)
	{
	if ( ++done_count < 2 )
		return;
	when ( local r = Broker::keys(h) )
		{
		print "master keys", r;
		terminate();
		}
	timeout 5sec { print "master timeout"; }
	}

event Cluster::node_down(name: string, id: string)
	{
	terminate();
	}
