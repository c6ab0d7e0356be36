# values.md §5.3: assigning or appending through a 'vector of any' parameter changes the caller's vector
function assign(v: vector of any) { v[|v|] = |v|; }
function append(v: vector of any) { v += |v|; }
event bro_init()
	{
	local v: vector of count;
	v[|v|] = |v|;
	v[|v|] = |v|;
	assign(v);
	append(v);
	print v;
	}
