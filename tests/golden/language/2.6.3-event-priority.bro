# language.md §2.6.3: bodies run in descending &priority (negative allowed); equal priorities in definition order
event e() &priority=-3 { print "p-3"; }
event e() { print "p0 first"; }
event e() &priority=10 { print "p10"; }
event e() { print "p0 second"; }
event e() &priority=5 { print "p5"; }
event bro_init() { event e(); }
