# language.md §4.13 and bifs/core-3.md §1.3 step 6: return when delays a function called from a when condition; its body gives the call its value, and the outer when runs at the end of the next drain
global v = 0;
function wait_for(n: count): count
	{
	return when ( v >= n )
		{
		print "inner body", v;
		return v * 10;
		}
	}
event bump(n: count)
	{
	v = n;
	print "bump", n;
	}
event bro_init()
	{
	when ( local r = wait_for(2) )
		print "got", r;
	event bump(1);
	schedule 1sec { bump(2) };
	}
event bro_done() { print "done"; }
