# Bro's TableVal::ExpandAndInit in { } initialisers: a set among a set's elements adds its members, a list or a set in an index position stands for each member (base/frameworks/tunnels, base/protocols/conn/inactivity.bro, ftp/utils-commands.bro).
const ayiya_ports = { 5072/udp };
const gtp_ports = { 2152/udp, 2123/udp };
global likely: set[port] = { 22/tcp } &redef;
redef likely += { ayiya_ports, gtp_ports };

global timeouts: table[port] of interval = {
	[[21/tcp, 22/tcp, 23/tcp]] = 1 hrs,
	[80/tcp] = 2 hrs,
};

global codes: set[string, count] = {
	["USER", [230, 331, 332]],
	["QUIT", 221],
};

event bro_init()
	{
	print |likely|, 5072/udp in likely, 2123/udp in likely, 22/tcp in likely;
	print |timeouts|, timeouts[22/tcp], timeouts[80/tcp];
	print |codes|, ["USER", 331] in codes, ["QUIT", 221] in codes, ["QUIT", 230] in codes;
	}
