# Bro 2.6's software framework, in the shape of Bro's btests scripts/base/frameworks/software/{version-parsing,...}: Software::parse of known strings, cmp_versions, Software::found with asset_tracking = ALL_HOSTS logging a host's software once and again when its version changes.
@load base/frameworks/software

module Software;

redef asset_tracking = ALL_HOSTS;

event Software::register(info: Software::Info)
	{
	print "register", info$name, info$version$major, info$version$minor;
	}

global ts = double_to_time(1000000.0);

event bro_init() &priority=-10
	{
	local f = Log::get_filter(Software::LOG, "default");
	f$exclude = set("ts");
	Log::add_filter(Software::LOG, f);
	}

event bro_init() &priority=-20
	{
	local matched_software: table[string] of Software::Description = {
		["OpenSSH_4.4"] = [$name="OpenSSH", $version=[$major=4,$minor=4], $unparsed_version=""],
		["Apache/2.0.63 (Unix) mod_auth_kerb/5.1 mod_ssl/2.0.63 OpenSSL/0.9.7a mod_fastcgi/2.4.2"] = [$name="Apache", $version=[$major=2,$minor=0,$minor2=63,$addl="Unix"], $unparsed_version=""],
		["Wget/1.9+cvs-stable (Red Hat modified)"] = [$name="Wget", $version=[$major=1,$minor=9,$addl="+cvs"], $unparsed_version=""],
		["Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US) AppleWebKit/525.19 (KHTML, like Gecko) Chrome/1.0.154.36 Safari/525.19"] = [$name="Chrome", $version=[$major=1,$minor=0,$minor2=154,$minor3=36], $unparsed_version=""],
	};
	local sws = vector("OpenSSH_4.4", "Apache/2.0.63 (Unix) mod_auth_kerb/5.1 mod_ssl/2.0.63 OpenSSL/0.9.7a mod_fastcgi/2.4.2", "Wget/1.9+cvs-stable (Red Hat modified)", "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US) AppleWebKit/525.19 (KHTML, like Gecko) Chrome/1.0.154.36 Safari/525.19");
	for ( i in sws )
		{
		local sw = sws[i];
		local output = Software::parse(sw);
		local baseline = matched_software[sw];
		baseline$unparsed_version = sw;
		if ( cat(output) == cat(baseline) )
			print fmt("success on: %s", sw);
		else
			print fmt("failure on: %s -- %s", output, baseline);
		}
	print Software::cmp_versions([$major=1,$minor=2], [$major=1,$minor=3]), Software::cmp_versions([$major=2], [$major=1,$minor=9]);
	Software::found([$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=22/tcp], [$host=5.6.7.8, $host_p=22/tcp, $software_type=Software::UNKNOWN, $unparsed_version="OpenSSH_4.4"]);
	Software::found([$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=22/tcp], [$host=5.6.7.8, $host_p=22/tcp, $software_type=Software::UNKNOWN, $unparsed_version="OpenSSH_4.4"]);
	Software::found([$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=22/tcp], [$host=5.6.7.8, $host_p=22/tcp, $software_type=Software::UNKNOWN, $unparsed_version="OpenSSH_5.1"]);
	}
