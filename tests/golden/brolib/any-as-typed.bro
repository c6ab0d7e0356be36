# Bro's same_type() lets `any` match every type (base/utils/json.bro): an any goes to a string parameter, a set[bool] local takes a set[count], its loop variable keeps the real type, and a table of any shows its real values.
function show(v: any): string
	{
	local tn = type_name(v);
	switch ( tn )
		{
		case "string":
			return cat("string:", to_upper(v));
		case "bool":
			local b: bool = v;
			return b ? "yes" : "no";
		default:
			break;
		}
	if ( /^set/ in tn )
		{
		local parts: vector of string = vector();
		local sa: set[bool] = v;
		for ( sv in sa )
			parts += cat(type_name(sv), "=", sv);
		return join_string_vec(parts, ",");
		}
	if ( /^table/ in tn )
		{
		local tparts: vector of string = vector();
		local ta: table[bool] of any = v;
		for ( ti in ta )
			tparts += cat(type_name(ti), ":", ti, "->", type_name(ta[ti]), ":", ta[ti]);
		return join_string_vec(tparts, ",");
		}
	return tn;
	}

event bro_init()
	{
	print show("abc");
	print show(T);
	print show(set(5));
	print show(set("x"));
	print show(table([3] = "three"));
	print show(1.5);
	}
