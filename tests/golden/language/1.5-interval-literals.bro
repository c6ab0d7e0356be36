# language.md §1.5: interval literal = number, optional blanks/tabs, unit day/hr/min/sec/msec/usec with optional plural s
print 1min, 2 hrs, 0.5sec, 3usecs, 1day, 1.2e2 secs;
print 2.5day, 10	msecs, 1hr, 5 mins;
print type_name(1sec), type_name(2 days);
