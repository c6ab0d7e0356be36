# probabilistic-broker.md §5 Broker::__forward (F when already forwarded), __unsubscribe/__subscribe (T always), __auto_publish/__auto_unpublish on a non-event, publish without peers, peers() without peers
@load base/frameworks/broker
global ping: event(s: string);
function f(): count { return 1; }
event bro_init()
	{
	print Broker::__forward("a/b"), Broker::__forward("a/b"), Broker::__unsubscribe("a/b"), Broker::__forward("a/b");
	print Broker::__subscribe("x"), Broker::__subscribe("x"), Broker::__unsubscribe("nope");
	print Broker::__auto_publish("t", f);
	print Broker::__auto_unpublish("t", f);
	print Broker::__auto_publish("t", ping), Broker::__auto_unpublish("t", ping), Broker::__auto_unpublish("t", ping);
	print Broker::publish("t", ping, "hi");
	print Broker::__peers();
	print Broker::__flush_logs();
	print Broker::__publish_id("t", "nothing");
	}
