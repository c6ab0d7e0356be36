# bifs/core-3.md §2, §5: a script-only run has no connections and no current packet: the dummy connection of lookup_connection, zeroed packet records, F results

event bro_init()
	{
	local c: conn_id = [$orig_h=1.2.3.4, $orig_p=80/tcp, $resp_h=5.6.7.8, $resp_p=80/tcp];
	print connection_exists(c);
	local x = lookup_connection(c);
	print x$id;
	print x$orig;
	print x$resp;
	print x$start_time == network_time(), x$duration, x$history, x?$uid, x$orig?$flow_label;
	print x$service;
	print get_current_packet();
	print get_current_packet_header();
	print dump_current_packet("core-3.2-no-packets.pcap"), file_size("core-3.2-no-packets.pcap");
	print disable_analyzer(c, 3);
	print disable_analyzer(c, 3, F);
	print skip_further_processing(c), set_record_packets(c, T), set_inactivity_timeout(c, 5sec);
	}
