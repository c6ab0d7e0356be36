# bifs/core-2.md §2: to_int (strtoll, no error), to_count (strict strtoull), to_double (strict strtod), int/double_to_count, enum_to_int
type E: enum { A, B, C };
type E2: enum { AV = 0xA };

event bro_init()
	{
	print to_int("1"), to_int("-1"), to_int("4294967296"), to_int("not an int"), to_int(" 12abc"), to_int("0x10"), to_int(""), to_int("+7");
	print to_int("99999999999999999999"), to_int("-99999999999999999999");
	print to_count("7"), to_count("-5"), to_count("9223372036854775808"), to_count(" 7"), to_count("+5"), to_count("18446744073709551616");
	print to_count("");
	print to_count("not a count");
	print to_count("7 ");
	print to_count("0x10");
	print to_double("3.14"), to_double("-3.14"), to_double("0"), to_double(".5"), to_double("5."), to_double("+.5e1"), to_double("0x1p3");
	print to_double("inf"), to_double("-Infinity"), to_double("NaN"), to_double("1e400");
	print to_double("NotADouble");
	print to_double("3.14 ");
	print to_double("1,5");
	print int_to_count(2), int_to_count(-2);
	print double_to_count(3.14), double_to_count(3.9), double_to_count(2.5), double_to_count(3.5), double_to_count(0.5);
	print double_to_count(-3.14);
	print double_to_count(-1.0);
	print enum_to_int(A), enum_to_int(B), enum_to_int(C), enum_to_int(AV);
	print enum_to_int(5);
	print interval_to_double(1usec), interval_to_double(1sec), interval_to_double(-1min), interval_to_double(1hrs), interval_to_double(1day);
	print double_to_time(1234563.14), double_to_time(-1234563.14), double_to_time(0.0), time_to_double(double_to_time(2.5));
	print double_to_interval(1234563.14), double_to_interval(-1234563.14), type_name(double_to_interval(1.0));
	}
