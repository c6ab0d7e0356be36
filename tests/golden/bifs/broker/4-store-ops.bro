# probabilistic-broker.md §4 "Modification semantics" and queries (the broker.store.ops facts), with the main loop running so that answers arrive (bodies run in issue order)
@load base/frameworks/broker
redef exit_only_after_terminate = T;
global h: opaque of Broker::Store;

event done()
	{
	when ( local r = Broker::keys(h) ) { print "keys after clear", r; terminate(); }
	timeout 1sec { print "timeout"; }
	}

event bro_init()
	{
	h = Broker::create_master("master");
	Broker::put(h, "one", 110);
	Broker::put(h, "two", 220);
	Broker::put(h, "three", 330);
	Broker::put(h, "four", 440);
	Broker::put(h, set("x", "y"), 1);
	Broker::put(h, "str", "foo");
	Broker::put(h, "vec", vector(1, 2, 3));
	Broker::put(h, "set", set("A", "B"));
	Broker::put(h, "table", table(["a"] = 1, ["b"] = 2));
	Broker::increment(h, "two");
	Broker::increment(h, "two", 9);
	Broker::decrement(h, "three");
	Broker::decrement(h, "three", 9);
	Broker::append(h, "str", "bar");
	Broker::insert_into_set(h, "set", "C");
	Broker::remove_from(h, "set", 2);
	Broker::insert_into_table(h, "table", "c", 3);
	Broker::remove_from(h, "table", "b");
	Broker::push(h, "vec", 4);
	Broker::push(h, "vec", 5);
	Broker::pop(h, "vec");
	Broker::erase(h, "four");
	Broker::increment(h, "new", -2);
	Broker::decrement(h, "missing");
	when ( local r1 = Broker::keys(h) ) { print "keys", r1; } timeout 1sec { print "timeout"; }
	when ( local r2 = Broker::get(h, "two") ) { print "two", r2; } timeout 1sec { print "timeout"; }
	when ( local r3 = Broker::get(h, "three") ) { print "three", r3; } timeout 1sec { print "timeout"; }
	when ( local r4 = Broker::get(h, "str") ) { print "str", r4; } timeout 1sec { print "timeout"; }
	when ( local r5 = Broker::get(h, "set") ) { print "set", r5; } timeout 1sec { print "timeout"; }
	when ( local r6 = Broker::get(h, "table") ) { print "table", r6; } timeout 1sec { print "timeout"; }
	when ( local r7 = Broker::get(h, "vec") ) { print "vec", r7; } timeout 1sec { print "timeout"; }
	when ( local r8 = Broker::get(h, "four") ) { print "four", r8; } timeout 1sec { print "timeout"; }
	when ( local r9 = Broker::get(h, "new") ) { print "new", r9; } timeout 1sec { print "timeout"; }
	when ( local ra = Broker::exists(h, "one") ) { print "exists one", ra; } timeout 1sec { print "timeout"; }
	when ( local rb = Broker::exists(h, "nope") ) { print "exists nope", rb; } timeout 1sec { print "timeout"; }
	when ( local rc = Broker::get_index_from_value(h, "vec", 1) ) { print "vec[1]", rc; } timeout 1sec { print "timeout"; }
	when ( local rd = Broker::get_index_from_value(h, "set", "A") ) { print "set[A]", rd; } timeout 1sec { print "timeout"; }
	when ( local re = Broker::get_index_from_value(h, "table", "a") ) { print "table[a]", re; } timeout 1sec { print "timeout"; }
	when ( local rf = Broker::get_index_from_value(h, "table", "X") ) { print "table[X]", rf; } timeout 1sec { print "timeout"; }
	when ( local rg = Broker::get_index_from_value(h, "one", 5) ) { print "one[5]", rg; } timeout 1sec { print "timeout"; }
	when ( local rh = Broker::put_unique(h, "one", 1) ) { print "put_unique one", rh; } timeout 1sec { print "timeout"; }
	when ( local ri = Broker::put_unique(h, "five", 5) ) { print "put_unique five", ri; } timeout 1sec { print "timeout"; }
	when ( local rj = Broker::get(h, "five") ) { print "five", rj; } timeout 1sec { print "timeout"; }
	Broker::clear(h);
	schedule 2sec { done() };
	}
