# ARGS: --simulate all
# bifs/probabilistic-broker.md §4 "Expiry": a key put with an expiry is gone
# once that much time has passed on Broker's clock; a later operation with
# expiry 0 clears the expiry, and a negative one removes the key at once.
redef exit_only_after_terminate = T;

global h: opaque of Broker::Store;
global check: event();

event bro_init()
	{
	if ( Cluster::node != "manager-1" )
		return;
	h = Broker::create_master("exp");
	Broker::put(h, "short", 1, 1sec);
	Broker::put(h, "kept", 2, 1sec);
	Broker::increment(h, "kept", 1);
	Broker::put(h, "long", 3, 1hr);
	Broker::put(h, "gone", 4);
	Broker::put(h, "gone", 4, -1sec);
	schedule 3sec { check() };
	}

event check()
	{
	when ( local r = Broker::keys(h) )
		{
		print "keys", r;
		terminate();
		}
	timeout 1sec { print "timeout"; }
	}

event Cluster::node_down(name: string, id: string)
	{
	terminate();
	}
