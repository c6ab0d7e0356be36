# bifs/core-3.md §2, §5: a script-only run has no connections and no current packet: the dummy connection of lookup_connection, zeroed packet records, F results
@ifndef ( conn_id )
type conn_id: record { orig_h: addr; orig_p: port; resp_h: addr; resp_p: port; } &log;
@endif
@ifndef ( connection )
type endpoint: record { size: count; state: count; num_pkts: count &optional;
	num_bytes_ip: count &optional; flow_label: count; l2_addr: string &optional; };
type connection: record { id: conn_id; orig: endpoint; resp: endpoint; start_time: time;
	duration: interval; service: set[string]; history: string; uid: string;
	tunnel: vector of count &optional; vlan: int &optional; inner_vlan: int &optional; };
@endif
@ifndef ( link_encap )
type link_encap: enum { LINK_ETHERNET, LINK_UNKNOWN };
@endif
@ifndef ( pcap_packet )
type pcap_packet: record { ts_sec: count; ts_usec: count; caplen: count; len: count;
	data: string; link_type: link_encap; };
@endif
@ifndef ( raw_pkt_hdr )
type l2_hdr: record { encap: link_encap; len: count; cap_len: count; };
type ip4_hdr: record { hl: count; };
type ip6_hdr: record { class: count; };
type tcp_hdr: record { sport: port; };
type udp_hdr: record { sport: port; };
type icmp_hdr: record { icmp_type: count; };
type raw_pkt_hdr: record { l2: l2_hdr; ip: ip4_hdr &optional; ip6: ip6_hdr &optional;
	tcp: tcp_hdr &optional; udp: udp_hdr &optional; icmp: icmp_hdr &optional; };
@endif

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
