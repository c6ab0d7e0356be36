# values.md §6.4: to_count/to_int/to_double; a leading '-' wraps in to_count; to_int never errors; double_to_count rounds half to even
print to_count("42"), to_count("-5"), to_int("-12"), to_int("12abc"), to_int("abc"), to_double("1.5"), to_double("1e3");
print int_to_count(+5), double_to_count(3.14), double_to_count(3.9), double_to_count(2.5), double_to_count(3.5);
print interval_to_double(1min), time_to_double(double_to_time(2.5)), double_to_interval(90.0), double_to_time(3.0);
