# bifs/core-1.md §9 record_type_to_vector: an unknown name is Bro's internal error, then abort (exit 134)
event bro_init()
	{
	local v = record_type_to_vector("nosuchtype");
	}
