# values.md §2.4: unit words day/hr/min/sec/msec/usec, singular for +-1, pieces joined by single spaces; 0 is "0 secs"
print 0secs, 1sec, 1.5sec, 90sec, 3hr, 53usec;
print 2.5day, 3661sec, 1day + 1hr + 1min + 1sec, 0.25sec;
print 7.518828sec, 49710day + 6hr + 28min + 15sec;
