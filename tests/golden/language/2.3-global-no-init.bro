# language.md §2.3: a global with a type only: a scalar has no value, an aggregate starts empty (record: defaults)
type R: record { a: count &optional; b: count &default=2; };
global n: count;
global t: table[count] of string;
global v: vector of string;
global r: R;
event bro_init()
	{
	print |t|, |v|, r;
	print n;
	print "end";
	}
