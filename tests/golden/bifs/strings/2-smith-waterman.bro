# bifs/strings-reporter-misc.md §2 str_smith_waterman: result shape, single and multiple variants, tie order of the final sort
@ifndef ( sw_params )
type sw_params: record { min_strlen: count &default = 3; sw_variant: count &default = 0; };
type sw_align: record { str: string; index: count; };
type sw_align_vec: vector of sw_align;
type sw_substring: record { str: string; aligns: sw_align_vec; new: bool; };
type sw_substring_vec: vector of sw_substring;
@endif

function show(s1: string, s2: string, p: sw_params)
	{
	local v = str_smith_waterman(s1, s2, p);
	print fmt("%s / %s: %d", s1, s2, |v|);
	for ( i in v )
		if ( i > 0 )
			print fmt("tok %d: %s (%d/%d, %s)", i, v[i]$str, v[i]$aligns[1]$index, v[i]$aligns[2]$index, v[i]$new);
	}

event bro_init()
	{
	print str_smith_waterman("AAAabcefghij", "lmnopAAAqrst", [$min_strlen=2]);
	print str_smith_waterman("abcdefgh", "ijklmnop", [$min_strlen=2]);
	show("abcAAAefghij", "lmnopAAAqrst", [$min_strlen=2]);
	show("abcefghijAAA", "lmnopAAAqrst", [$min_strlen=2]);
	show("xxxAAAyyy", "AAAaAAAbAAA", [$min_strlen=2, $sw_variant=1]);
	show("AAAaAAAbAAA", "xxxAAAyyy", [$min_strlen=2, $sw_variant=1]);
	show("xxCDyABzCDyABzz", "ABCD", [$min_strlen=2, $sw_variant=1]);
	show("ABCD", "xxCDyABzCDyABzz", [$min_strlen=2, $sw_variant=1]);
	show("Cache-control: no-cache^M^JAccept:", "Accept-: deflate^M^JAccept-: Accept-", [$min_strlen=6, $sw_variant=1]);
	show("xxAAxxAAxx", "yyyyyAAyyyyy", [$min_strlen=2, $sw_variant=1]);
	show("ab", "abc", []);
	}
