# bifs/strings-reporter-misc.md §3: net_weird/flow_weird print nothing, return T, raise their events as sampling permits; sampling getters/setters
global during_parse = Reporter::get_weird_sampling_threshold();
global n = 0;

event net_weird(name: string)
	{
	++n;
	print "net_weird", name, n;
	}

event flow_weird(name: string, src: addr, dst: addr)
	{
	print "flow_weird", name, src, dst;
	}

event bro_init()
	{
	print during_parse;
	print Reporter::get_weird_sampling_threshold(), Reporter::get_weird_sampling_rate(), Reporter::get_weird_sampling_duration(), |Reporter::get_weird_sampling_whitelist()|;
	print Reporter::set_weird_sampling_threshold(1), Reporter::set_weird_sampling_rate(0), Reporter::set_weird_sampling_duration(5 sec);
	print Reporter::get_weird_sampling_threshold(), Reporter::get_weird_sampling_rate(), Reporter::get_weird_sampling_duration();
	local i = 0;
	while ( ++i <= 5 )
		Reporter::net_weird("my_weird");
	Reporter::set_weird_sampling_rate(2);
	i = 0;
	while ( ++i <= 5 )
		Reporter::net_weird("other_weird");
	print Reporter::set_weird_sampling_whitelist(set("listed"));
	print Reporter::get_weird_sampling_whitelist();
	i = 0;
	while ( ++i <= 3 )
		Reporter::net_weird("listed");
	print Reporter::flow_weird("fw", 1.2.3.4, 5.6.7.8), Reporter::flow_weird("fw", 1.2.3.4, 5.6.7.8), Reporter::flow_weird("fw", 5.6.7.8, 1.2.3.4);
	print "done";
	}
