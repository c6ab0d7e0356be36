# values.md §2.4/§4.1: interval arithmetic results are intervals (unit words); interval / interval is a double; |iv| is a double
print 1min + 30sec, 2 * 1hr, 1hr * 2, 1hr / 2, -(5sec), 1hr / 30min, 1.5 * 1min;
print double_to_time(10.0) - double_to_time(4.0), type_name(1hr / 30min), |-5sec|, type_name(|-5sec|);
