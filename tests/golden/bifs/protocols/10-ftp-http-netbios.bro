# bifs/strings-reporter-misc.md §10: parse_ftp_port/eftp/pasv/epsv, fmt_ftp_port, unescape_URI, decode_netbios_name(_type)
@ifndef ( ftp_port )
type ftp_port: record { h: addr; p: port; valid: bool; };
@endif

event bro_init()
	{
	print parse_ftp_port("192,168,0,2,1,1"), parse_ftp_port(" 10, 0,0,1,0,21 trailing"), parse_ftp_port("1,2,3");
	print parse_ftp_port("256,0,0,1,1,1"), parse_ftp_port("1,2,3,4,1,256");
	print parse_eftp_port("|1|192.168.0.2|257|"), parse_eftp_port("|2|fe80::12|1234|"), parse_eftp_port("  ");
	print parse_eftp_port("|1|192.168.0.2|257"), parse_eftp_port("|1||99|"), parse_eftp_port("|x|1.2.3.4|5|");
	print parse_ftp_pasv("227 Entering Passive Mode (192,168,0,2,1,1)"), parse_ftp_pasv("PORT 1,2,3,4,0,80"), parse_ftp_pasv("ok 10,1,2,3,4,5"), parse_ftp_pasv("nothing");
	print parse_ftp_epsv("229 Entering Extended Passive Mode (|||1234|)"), parse_ftp_epsv("no paren");
	print fmt_ftp_port(192.168.0.2, 257/tcp), fmt_ftp_port(10.0.0.1, 65535/udp);
	print fmt_ftp_port([fe80::1], 21/tcp);
	print unescape_URI("a%20b%%41%u00AE"), unescape_URI("%u12AB"), unescape_URI("x%"), unescape_URI("x%4"), unescape_URI("%zz%41"), unescape_URI("%u12");
	print decode_netbios_name("ejfdebfeebfacacacacacacacacacaaa"), decode_netbios_name_type("ejfdebfeebfacacacacacacacacacaaa");
	print decode_netbios_name("fhepfcelehfcepfffacacacacacacabl"), decode_netbios_name_type("fhepfcelehfcepfffacacacacacacabl");
	print decode_netbios_name("abacfpfpenfdecfcepfhfdeffpfpacab"), decode_netbios_name_type("abacfpfpenfdecfcepfhfdeffpfpacab");
	print decode_netbios_name("enebfcfeejeocacacacacacacacacaad"), decode_netbios_name_type("enebfcfeejeocacacacacacacacacaad");
	print |decode_netbios_name("")|, decode_netbios_name("EB"), decode_netbios_name_type("enebfcfeejeocacacacacacacacacaPP");
	}
