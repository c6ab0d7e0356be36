# Bro's grammar lets the init class be empty before a { } initialiser (base/frameworks/software/main.bro's alternate_names): the same as `=`.
global alternate_names: table[string] of string {
	["Flash Player"] = "Flash",
} &default=function(a: string): string { return a; };

global ports: set[port] { 80/tcp };

event bro_init()
	{
	local v: vector of count { 3, 4 };
	print alternate_names["Flash Player"], alternate_names["Firefox"];
	print 80/tcp in ports, |ports|, v;
	}
