# values.md §1.2/§2.5: a time prints like a double (seconds since the epoch); time + interval is a time
print double_to_time(1342748947.655087), double_to_time(0.0), double_to_time(1.5);
print double_to_time(100.0) + 1min, type_name(double_to_time(1.0)), |double_to_time(5.0)|;
