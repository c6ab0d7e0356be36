# values.md §2.4: an interval made by double_to_interval prints as a double; arithmetic on it gives unit words again
print double_to_interval(1234563.14), double_to_interval(90.0), double_to_interval(90.0) + 0sec;
print fmt("%s", 3hr), type_name(double_to_interval(1.0));
