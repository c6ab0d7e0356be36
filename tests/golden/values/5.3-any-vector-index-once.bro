# values.md §5.3: indexing a `vector of any` that holds a typed vector evaluates the vector once
function make(): vector of any
	{
	print "make() called";
	local v: vector of count = vector(1, 2, 3);
	return v;
	}

event bro_init()
	{
	print make()[1];
	}
