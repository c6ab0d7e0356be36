# probabilistic-broker.md §4 "When answers arrive": without the main loop no answer is ever processed; each pending query's when runs its timeout body at shutdown, before bro_done
@load base/frameworks/broker
global h: opaque of Broker::Store;

event bro_init()
	{
	h = Broker::create_master("s");
	Broker::put(h, "k", 1);
	when ( local r = Broker::get(h, "k") ) { print "answered", r; }
	timeout 1sec { print "timeout 1"; }
	when ( local r2 = Broker::keys(h) ) { print "answered", r2; }
	timeout 5sec { print "timeout 2", Broker::store_name(h); }
	print "end of bro_init";
	}

event bro_done()
	{
	print "bro_done";
	}
