# bifs/strings-reporter-misc.md §10, §1.4: conn_id helpers in a run without packets: not-found results, get_contents_file's error and stderr file
@ifndef ( conn_id )
type conn_id: record { orig_h: addr; orig_p: port; resp_h: addr; resp_p: port; } &log;
@endif
global id: conn_id = [$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=80/tcp];

event bro_init()
	{
	print set_current_conn_bytes_threshold(id, 100, T), set_current_conn_packets_threshold(id, 100, F);
	print get_current_conn_bytes_threshold(id, T), get_current_conn_packets_threshold(id, F);
	print set_login_state(id, 1), get_orig_seq(id), get_resp_seq(id);
	local f = get_contents_file(id, 1);
	print "file", f;
	print set_contents_file(id, 3, f);
	}
