# language.md §1.5 / scan.l: tcp/udp port numbers above 65535 and icmp/unknown ones above 255 are "bad port number - <literal>"
event bro_init()
	{
	print 65536/tcp;
	print 99999/udp;
	print 256/icmp;
	print 65535/tcp, 255/icmp;
	}
