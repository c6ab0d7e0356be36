# Bro 2.6's intelligence framework standalone, in the shape of Bro's btests scripts/base/frameworks/intel/{match-subnet,...}: Intel::insert of an address, a domain and a subnet, Intel::seen matching each (a domain case-insensitively, an address by its subnet), Intel::match, and intel.log.
@load base/frameworks/intel

event bro_init() &priority=-10
	{
	local f = Log::get_filter(Intel::LOG, "default");
	f$exclude = set("ts");
	Log::add_filter(Intel::LOG, f);
	}

event bro_init() &priority=-20
	{
	Intel::insert([$indicator="1.2.3.4", $indicator_type=Intel::ADDR, $meta=[$source="source1", $desc="bad host"]]);
	Intel::insert([$indicator="evil.com", $indicator_type=Intel::DOMAIN, $meta=[$source="source1"]]);
	Intel::insert([$indicator="10.0.0.0/8", $indicator_type=Intel::SUBNET, $meta=[$source="source2"]]);
	event do_seen();
	}

event do_seen()
	{
	Intel::seen([$host=1.2.3.4, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="EVIL.com", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$host=10.1.2.3, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$host=5.5.5.5, $where=Intel::IN_ANYWHERE]);
	}

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	for ( item in items )
		print "match", s$indicator, item$indicator, item$meta$source;
	}
