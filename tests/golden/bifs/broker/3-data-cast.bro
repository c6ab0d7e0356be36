# probabilistic-broker.md §3 "Broker data -> Bro value": as/is conversions (records by position, subnet, time, interval printing as a double, count is not int) and the invalid-cast error
@load base/frameworks/broker
type R1: record { s: string; };
type R2: record { c: count; r1: R1; };
type R3: record { a: string; b: count; };
event bro_init()
	{
	local d = Broker::data(42);
	print d as count;
	print d is count, d is int, d is double;
	print Broker::data(R2($c=123, $r1=R1($s="xyz"))) as R2;
	print Broker::data(192.168.1.1/16) as subnet;
	print Broker::data(double_to_time(42)) as time;
	print Broker::data(3min) as interval;
	print Broker::data(set(5)) as set[count];
	print Broker::data(vector("x", "y")) as vector of string;
	local cr = Broker::record_create(2);
	Broker::record_assign(cr, 0, "hi");
	print cr as R3;
	print Broker::table_lookup(Broker::data(table(["hi"] = 42)), "hi") as count;
	print d as Broker::Data;
	local x = Broker::data("a") as count;
	print "not printed";
	}

event bro_init() &priority=-1
	{
	local e = Broker::Data();
	print e is count;
	local y = e as count;
	}
