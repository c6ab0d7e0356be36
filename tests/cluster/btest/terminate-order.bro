# ARGS: --simulate all
# cluster.md §4.8: worker-1 calls terminate() from a timer, after the
# cluster is up.  terminate() returns T until the final shutdown phase;
# net_done runs with bro_is_terminating() still F; in bro_done it is T and
# terminate() gives F.  What worker-1 publishes in bro_done still reaches
# its peers (the manager and both proxies), before they see peer_lost and
# then node_down (G5: the user's peer_lost handler first).  worker-2 is not
# peered with worker-1 and sees nothing.  The rest shut down together at
# the end, with no node_down (§6.3 c).
redef exit_only_after_terminate = T;

global bye: event(from: string);
global quit: event();

event bro_init()
	{
	if ( Cluster::node == "worker-1" )
		schedule 5sec { quit() };
	}

event quit()
	{
	print fmt("quit: terminate()=%s, again %s", terminate(), terminate());
	}

event net_done(t: time)
	{
	if ( Cluster::node == "worker-1" )
		print fmt("net_done: bro_is_terminating()=%s", bro_is_terminating());
	}

event bye(from: string)
	{
	print fmt("bye from %s, remote=%s", from, is_remote_event());
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	print fmt("peer_lost: %s", msg);
	}

event Cluster::node_down(name: string, id: string)
	{
	print fmt("node_down: %s", name);
	}

event bro_done()
	{
	if ( Cluster::node == "worker-1" )
		{
		print fmt("bro_done: terminate()=%s, bro_is_terminating()=%s", terminate(), bro_is_terminating());
		Broker::publish(Cluster::manager_topic, bye, Cluster::node);
		Broker::publish(Cluster::proxy_topic, bye, Cluster::node);
		}
	else
		print fmt("bro_done %s", Cluster::node);
	}
