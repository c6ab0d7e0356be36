# ARGS: --simulate all
# cluster.md §4.4: the manager gets node_up for both proxies and both
# workers, a proxy for the manager and both workers, a worker for the
# manager and both proxies.  The non-managers tell the manager, through an
# auto-published event (§4.6), when they are fully connected; the manager
# stops once everybody is, and everybody else stops on its node_down.
redef exit_only_after_terminate = T;

global fully_connected: event();
global peer_count = 0;
global fully_connected_nodes = 0;

event fully_connected()
	{
	++fully_connected_nodes;

	if ( Cluster::node == "manager-1" )
		{
		if ( peer_count == 4 && fully_connected_nodes == 4 )
			terminate();
		}
	}

event bro_init()
	{
	Broker::auto_publish(Cluster::manager_topic, fully_connected);
	}

event Cluster::node_up(name: string, id: string)
	{
	print "Connected to a peer";
	++peer_count;

	if ( Cluster::node == "manager-1" )
		{
		if ( peer_count == 4 && fully_connected_nodes == 4 )
			terminate();
		}
	else
		{
		if ( peer_count == 3 )
			event fully_connected();
		}
	}

event Cluster::node_down(name: string, id: string)
	{
	terminate();
	}
