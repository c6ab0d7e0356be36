# values.md §6.1: %e %f %g with width and precision for double, time and interval
global pi = 3.14159265;
print fmt("%10.2e", pi), fmt("%10.2f", pi), fmt("%10.2g", pi);
print fmt("%e", 310.0), fmt("%f", 310.0), fmt("%g", 310.0), fmt("%.3e", 310.0), fmt("%.7g", 310.0);
print fmt("%.1f", 90sec), fmt("%.2f", double_to_time(1.5));
