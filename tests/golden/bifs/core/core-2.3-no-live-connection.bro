# bifs/core-2.md §3, §6: decode_base64_conn and get_conn_transport_proto find no live connection in a run without packets
@ifndef ( conn_id )
type conn_id: record {
	orig_h: addr;
	orig_p: port;
	resp_h: addr;
	resp_p: port;
};
@endif

event bro_init()
	{
	local id: conn_id = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=5.6.7.8, $resp_p=80/tcp];
	print decode_base64_conn(id, "YnJv") == "";
	print get_conn_transport_proto(id);
	}
