# values.md §4.3 with §4.1: && and || on vectors of bool work element-wise (holes stay holes); a vector with a scalar is deprecated; different lengths are a run-time error that skips the statement (values.md §7)
function g(): bool { print "g called"; return T; }
event bro_init()
	{
	local a = vector(T, F, T, F);
	local b = vector(T, T, F, F);
	print a && b, a || b;
	print type_name(a && b), type_name(a || b);
	local h: vector of bool = vector(T);
	h[2] = T;
	local k = vector(F, T, F);
	print h && k, h || k;
	print F && g(), T || g();
	local short = vector(T);
	print short && b;
	print "continues";
	}
event bro_init() &priority=-1
	{
	print "next handler";
	}
