# bifs/strings-reporter-misc.md §5: stats records of a packet-free run (zeros), event and timer counters, weird counters
@ifndef ( NetStats )
type NetStats: record { pkts_recvd: count &default=0; pkts_dropped: count &default=0; pkts_link: count &default=0; bytes_recvd: count &default=0; };
type ConnStats: record { total_conns: count; current_conns: count; current_conns_extern: count; sess_current_conns: count; num_packets: count; num_fragments: count; max_fragments: count; num_tcp_conns: count; max_tcp_conns: count; cumulative_tcp_conns: count; num_udp_conns: count; max_udp_conns: count; cumulative_udp_conns: count; num_icmp_conns: count; max_icmp_conns: count; cumulative_icmp_conns: count; killed_by_inactivity: count; };
type ProcStats: record { debug: bool; start_time: time; real_time: interval; user_time: interval; system_time: interval; mem: count; minor_faults: count; major_faults: count; num_swap: count; blocking_input: count; blocking_output: count; num_context: count; };
type EventStats: record { queued: count; dispatched: count; };
type ReassemblerStats: record { file_size: count; frag_size: count; tcp_size: count; unknown_size: count; };
type DNSStats: record { requests: count; successful: count; failed: count; pending: count; cached_hosts: count; cached_addresses: count; };
type TimerStats: record { current: count; max: count; cumulative: count; };
type FileAnalysisStats: record { current: count; max: count; cumulative: count; };
type ThreadStats: record { num_threads: count; };
type GapStats: record { ack_events: count; ack_bytes: count; gap_events: count; gap_bytes: count; };
type MatcherStats: record { matchers: count; nfa_states: count; dfa_states: count; computed: count; mem: count; hits: count; misses: count; };
type BrokerStats: record { num_peers: count; num_stores: count; num_pending_queries: count; num_events_incoming: count; num_events_outgoing: count; num_logs_incoming: count; num_logs_outgoing: count; num_ids_incoming: count; num_ids_outgoing: count; };
type ReporterStats: record { weirds: count; weirds_by_type: table[string] of count; };
@endif

event tick() { }

event bro_init()
	{
	print get_net_stats();
	print get_conn_stats();
	print get_reassembler_stats(), get_dns_stats(), get_file_analysis_stats();
	print get_gap_stats(), get_matcher_stats();
	print get_broker_stats();
	local e = get_event_stats();
	print e$queued >= 1, e$dispatched;
	local t1 = get_timer_stats();
	schedule 1 sec { tick() };
	local t2 = get_timer_stats();
	print t2$cumulative - t1$cumulative, t2$current - t1$current, t2$max >= t2$current;
	local p = get_proc_stats();
	print type_name(p$start_time), type_name(p$real_time), p$mem > 0;
	print get_reporter_stats();
	Reporter::net_weird("a");
	Reporter::net_weird("a");
	Reporter::flow_weird("b", 1.1.1.1, 2.2.2.2);
	local r = get_reporter_stats();
	print r$weirds, r$weirds_by_type["a"], r$weirds_by_type["b"], |r$weirds_by_type|;
	}

event bro_done()
	{
	print get_event_stats()$dispatched >= 2;
	}
