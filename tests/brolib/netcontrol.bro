# Bro 2.6's netcontrol framework standalone with its debug plugin, in the shape of Bro's btests scripts/base/frameworks/netcontrol/{basic,...}: NetControl::init activates the plugin, drop_address and whitelist_address at init_done, the plugin's messages, rule_added, netcontrol.log and netcontrol_drop.log.
@load base/frameworks/netcontrol

event bro_init() &priority=-10
	{
	# the timestamps are the run's network time: leave them out
	for ( id in set(NetControl::LOG, NetControl::DROP) )
		{
		local f = Log::get_filter(id, "default");
		f$exclude = set("ts");
		Log::add_filter(id, f);
		}
	}

event NetControl::init()
	{
	local netcontrol_debug = NetControl::create_debug(T);
	NetControl::activate(netcontrol_debug, 0);
	}

event NetControl::init_done()
	{
	print "init done";
	local id = NetControl::drop_address(1.2.3.4, 15sec, "Hi there");
	print "rule", id;
	NetControl::whitelist_address(1.2.3.5, 15sec);
	}

event NetControl::rule_added(r: NetControl::Rule, p: NetControl::PluginState, msg: string)
	{
	print "rule added", r$id, r$ty, r$entity$ip;
	}
