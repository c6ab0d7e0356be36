# probabilistic-broker.md §3 "Unconvertible argument" and iterator ends, §4 store argument errors: builtin errors at the user's call, with each builtin's stated result
@load base/frameworks/broker
event bro_init()
	{
	local t = Broker::table_create();
	print Broker::table_insert(t, string_vec, 1);
	print Broker::table_insert(t, 1, string_vec);
	print Broker::table_size(t);
	local v = Broker::vector_create();
	print Broker::vector_insert(v, 5, "end");
	print Broker::vector_insert(v, 0, string_vec);
	print Broker::vector_replace(v, 0, string_vec);
	print Broker::vector_replace(v, 3, "x");
	print v;
	local r = Broker::record_create(1);
	print Broker::record_assign(r, 1, string_vec);
	print Broker::record_assign(r, 0, string_vec);
	local ti = Broker::table_iterator(t);
	print Broker::table_iterator_last(ti), Broker::table_iterator_next(ti);
	print Broker::table_iterator_value(ti);
	local vi = Broker::vector_iterator(v);
	print Broker::vector_iterator_next(vi), Broker::vector_iterator_next(vi);
	print Broker::vector_iterator_value(vi);
	local ri = Broker::record_iterator(r);
	print Broker::record_iterator_value(ri);
	Broker::record_iterator_next(ri);
	print Broker::record_iterator_value(ri);
	local h = Broker::create_master("m");
	print Broker::put(h, string_vec, 1), Broker::put(h, 1, string_vec);
	print Broker::increment(h, "k", string_vec);
	print Broker::insert_into_table(h, "k", 1, string_vec);
	}
