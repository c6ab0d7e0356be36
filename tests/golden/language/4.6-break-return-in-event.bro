# language.md §4.6: break outside a loop ends an event body; return ends only that body; other bodies still run
event e()
	{
	print "b1 start";
	break;
	print "b1 unreached";
	}
event e() { print "b2 start"; return; print "b2 unreached"; }
event e() { print "b3"; }
event bro_init() { event e(); }
