# bifs/core-3.md §1.4, §8: with old_comm_usage_is_ok and no peers the old communication calls report success (1 for connect) except terminate_communication, send_current_packet and send_id of an unknown name; the local peer record is shared; suspend/continue_processing count
redef old_comm_usage_is_ok = T;

event bro_init()
	{
	local p = get_local_event_peer();
	print p;
	print connect(1.2.3.4, "", 47757/tcp, "", 1 sec, F), disconnect(p);
	print listen(127.0.0.1, 47757/tcp, F, F, "", 1 sec);
	print request_remote_events(p, /x/), request_remote_sync(p, T), request_remote_logs(p);
	print set_accept_state(p, T), set_compression_level(p, 3);
	print complete_handshake(p), send_ping(p, 1);
	print send_capture_filter(p, "tcp"), send_current_packet(p), terminate_communication();
	print send_id(p, "no_such_global"), send_id(p, "peer_description");
	print is_remote_event();
	p$descr = "changed";
	print get_event_peer()$descr;
	suspend_state_updates();
	resume_state_updates();
	suspend_processing();
	suspend_processing();
	continue_processing();
	continue_processing();
	continue_processing();
	suspend_processing();
	suspend_processing();
	}
