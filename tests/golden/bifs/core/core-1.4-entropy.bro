# bifs/core-1.md §4: find_entropy (Walker's ent), entropy handles: finish again changes only serial_correlation, copy clones, empty input is IEEE nan
@ifndef ( entropy_test_result )
type entropy_test_result: record {
	entropy: double;
	chi_square: double;
	mean: double;
	monte_carlo_pi: double;
	serial_correlation: double;
};
@endif

event bro_init()
	{
	local a = "dh3Hie02uh^s#Sdf9L3frd243h$d78r2G4cM6*Q05d(7rh46f!0|4-f";
	local b = "0011000aaabbbbcccc000011111000000000aaaabbbbcccc0000000";
	print find_entropy(a);
	print find_entropy(b);
	print find_entropy("");
	local h = entropy_test_init();
	print type_name(h), h;
	print entropy_test_add(h, "0011000aaabbbbcccc000011111");
	print entropy_test_add(h, "000000000aaaabbbbcccc0000000");
	local c = copy(h);
	print entropy_test_finish(h);
	print entropy_test_finish(h);
	print entropy_test_finish(c);
	}
