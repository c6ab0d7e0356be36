# values.md §4.1/§4.3: a scalar with a vector of bool warns at parse time; a deciding scalar (F for &&, T for ||) is repeated to the vector's length, otherwise the result is the vector operand itself
event bro_init()
	{
	local a = vector(T, F, T);
	print F && a, T || a;
	local same = T && a;
	same[0] = F;
	print a;
	local other = a || F;
	other[1] = T;
	print a;
	}
