# language.md §5.6: an exception in a called function: it returns no value (warning if non-void); the caller's statement is skipped and the caller continues
type R: record { a: count &optional; };
function get(r: R): count { print "in get"; return r$a; }
function noret(r: R) { print r$a; print "unreached"; }
event bro_init()
	{
	local r: R;
	print get(r);
	noret(r);
	print "caller continues";
	}
