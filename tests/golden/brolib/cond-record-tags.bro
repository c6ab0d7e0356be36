# Bro 2.6's CondExpr compares only the type tags of its two alternatives (base/frameworks/intel/main.bro picks a DataStore or a MinDataStore record); the result has the first alternative's type.
type Full: record {
	hosts: table[addr] of string;
};

type Min: record {
	hosts: set[addr];
};

global full: Full = [$hosts=table([1.2.3.4] = "x")];
global min: Min = [$hosts=set(5.6.7.8)];

function has(a: addr, use_full: bool): bool
	{
	local ds = use_full ? full : min;
	return a in ds$hosts;
	}

event bro_init()
	{
	print has(1.2.3.4, T), has(5.6.7.8, T), has(5.6.7.8, F), has(1.2.3.4, F);
	}
