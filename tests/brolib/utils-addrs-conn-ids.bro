# Bro 2.6's base/utils/addrs, conn-ids and directions-and-hosts, as Bro's btests scripts/base/utils/{addrs,conn-ids,directions-and-hosts} use them.
@load base/utils/addrs
@load base/utils/conn-ids
@load base/utils/directions-and-hosts

redef Site::local_nets += { 10.0.0.0/8 };

event bro_init()
	{
	print is_valid_ip("1.2.3.4"), is_valid_ip("1.2.3.256"), is_valid_ip("2001:db8::1"), is_valid_ip("foo");
	print extract_ip_addresses("only 192.168.2.1 here");
	print addr_to_uri(1.2.3.4), addr_to_uri([2001:db8::1]);
	print normalize_mac("00:11:22:33:44:55"), normalize_mac("001122334455"), normalize_mac("xx") == "";
	local id: conn_id = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=5.6.7.8, $resp_p=80/tcp];
	print id_string(id);
	print reverse_id_string(id);
	print directed_id_string(id, T);
	print directed_id_string(id, F);
	local out: conn_id = [$orig_h=10.1.1.1, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=80/tcp];
	print id_matches_direction(out, OUTBOUND), id_matches_direction(out, INBOUND),
	      id_matches_direction(out, BIDIRECTIONAL), id_matches_direction(out, NO_DIRECTION);
	print addr_matches_host(10.1.1.1, LOCAL_HOSTS), addr_matches_host(10.1.1.1, REMOTE_HOSTS),
	      addr_matches_host(1.1.1.1, ALL_HOSTS), addr_matches_host(1.1.1.1, NO_HOSTS);
	}
