# A record field given as `$f()={ ... }` infers its yield from its first return; a return of a void call leaves it without one, so it fits a `function()` field (policy/frameworks/packet-filter/shunt.bro).
type Plugin: record {
	func: function();
};

function shunt()
	{
	print "shunt";
	}

event bro_init()
	{
	local p = Plugin($func()={ return shunt(); });
	p$func();
	}
