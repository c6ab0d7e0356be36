# main.bro's handshake bookkeeping on the manager (cluster.md §4.5),
# driven by raising its events locally: Cluster::hello queues node_up
# (once per id), keeps the peer's Broker id in its layout record and
# counts workers; Broker::peer_lost of a known id clears it and queues
# node_down with the same id; a lost peer that never said hello is
# ignored; a later hello with a new id brings the node up again.
# The event chain stays within the depth Bro's shutdown drains (language.md
# §5.2/§5.3); terminate() ends it, as a real listening node would need.
@load base/frameworks/cluster/main
redef Cluster::node = "manager";
@load base/frameworks/cluster
@load ../pool-show

global step2: event();
global step3: event();
global step4: event();
global step5: event();
global step6: event();

event Cluster::node_up(name: string, id: string)
	{
	print fmt("node_up %s %s: worker_pool alive_count=%s, proxy_pool alive_count=%s",
	          name, id, Cluster::worker_pool$alive_count, Cluster::proxy_pool$alive_count);
	}

event Cluster::node_down(name: string, id: string)
	{
	print fmt("node_down %s %s: worker_pool alive_count=%s, worker_count=%s",
	          name, id, Cluster::worker_pool$alive_count, Cluster::worker_count);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	# Priority 0: after the framework's handler, before any node_down.
	print fmt("peer_lost %s (%s)", endpoint$id, msg);
	}

event bro_init() &priority=-20
	{
	print fmt("worker_count=%s", Cluster::worker_count);
	event Cluster::hello("proxy-1", "P1");
	event Cluster::hello("worker-1", "W1");
	event Cluster::hello("worker-2", "W2");
	# The same id again on the same connection: no second node_up.
	event Cluster::hello("proxy-1", "P1");
	event step2();
	}

event step2()
	{
	# The hellos ran, their node_up events are still queued.
	print fmt("worker_count=%s, proxy-1 id=%s, worker-2 id=%s", Cluster::worker_count,
	          Cluster::nodes["proxy-1"]$id, Cluster::nodes["worker-2"]$id);
	print fmt("worker_pool alive_count=%s", Cluster::worker_pool$alive_count);
	event step3();
	}

event step3()
	{
	print fmt("worker_pool %s", pool_members(Cluster::worker_pool));
	event Broker::peer_lost([$id="W1"], "lost remote peer");
	event Broker::peer_lost([$id="never-said-hello"], "lost remote peer");
	event step4();
	}

event step4()
	{
	print fmt("worker_count=%s, worker-1 has an id: %s", Cluster::worker_count,
	          Cluster::nodes["worker-1"]?$id);
	event step5();
	}

event step5()
	{
	# worker-1 comes back with a new Broker id.
	event Cluster::hello("worker-1", "W1b");
	event step6();
	}

event step6()
	{
	print fmt("worker_count=%s, worker-1 id=%s", Cluster::worker_count,
	          Cluster::nodes["worker-1"]$id);
	terminate();
	}
