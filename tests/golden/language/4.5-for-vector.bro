# language.md §4.5: for over a vector iterates the indices in order, skipping holes; the index variable is an int
event bro_init()
	{
	local v: vector of string;
	v[0] = "a";
	v[2] = "c";
	v[3] = "d";
	for ( i in v )
		print i, v[i], type_name(i);
	}
