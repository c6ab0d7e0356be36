event bro_init() { print "init"; event e(); }
event e() { print "e"; }
{}
print "top";
event e();
