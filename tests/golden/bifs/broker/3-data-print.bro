# probabilistic-broker.md §3 "How a Broker::Data prints", Broker order, Bro value -> Broker data, the set/table/vector/record builtins and iterators; §4 store handle printing
@load base/frameworks/broker
type R: record { a: count; b: string &optional; c: int &default = -3; };
event bro_init()
	{
	print Broker::data(T), Broker::data(3.14), Broker::data(-1), Broker::data("hi");
	print Broker::data(1.2.3.4), Broker::data([2001:db8::1]), Broker::data(192.168.1.1/16), Broker::data(1947/tcp), Broker::data(7/unknown);
	print Broker::data(double_to_time(42)), Broker::data(3min), Broker::data(Broker::BOOL);
	print Broker::data(set(3, 1, 2)), Broker::data(table(["c"] = 3, ["a"] = 1));
	print Broker::data(R($a=1)), Broker::data(/foo/), Broker::data(vector(1, 2));
	print Broker::data_type(Broker::data(R($a=1))), Broker::data_type(Broker::data(bro_init));
	local s = Broker::set_create();
	print Broker::set_insert(s, "hi"), Broker::set_insert(s, "bye"), Broker::set_insert(s, "hi");
	print s, Broker::set_size(s), Broker::set_contains(s, "bye");
	local i = Broker::set_iterator(s);
	while ( ! Broker::set_iterator_last(i) )
		{
		print "|", Broker::set_iterator_value(i);
		Broker::set_iterator_next(i);
		}
	local t = Broker::table_create();
	print Broker::table_insert(t, "hi", 42), Broker::table_insert(t, "hi", 7);
	print Broker::table_iterator_value(Broker::table_iterator(t));
	local v = Broker::vector_create();
	Broker::vector_insert(v, 0, "hi");
	Broker::vector_insert(v, 1, "hello");
	Broker::vector_insert(v, 2, "greetings");
	Broker::vector_insert(v, 1, "salutations");
	print v, Broker::vector_replace(v, 2, "bah"), v;
	local r = Broker::record_create(3);
	print r, Broker::record_lookup(r, 0), Broker::vector_lookup(r, 1);
	}
event bro_init() &priority=-1
	{
	local h = Broker::create_master("test");
	print h, type_name(h), Broker::store_name(h), Broker::is_closed(h);
	Broker::put(h, "one", 110);
	Broker::put(h, "two", 220);
	Broker::increment(h, "two", 9);
	Broker::put(h, "set", set("A", "B"));
	Broker::insert_into_set(h, "set", "C");
	Broker::put(h, "vec", vector(1, 2, 3));
	Broker::push(h, "vec", 4);
	Broker::push(h, "vec", 5);
	Broker::pop(h, "vec");
	Broker::put(h, set("x", "y"), 1);
	Broker::put(h, "one", 110);
	print Broker::close(h), Broker::is_closed(h), Broker::close(h);
	print Broker::create_master("test"), Broker::create_clone("test");
	}
