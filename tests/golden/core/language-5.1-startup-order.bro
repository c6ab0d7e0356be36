# language.md §5.1: top-level statements run before bro_init; the worked example's output
event bro_init() { print "init"; event e(); }
event e() { print "e"; }
{}
print "top";
event e();
