# Bro 2.6's sumstats on demand, in the shape of Bro's btest scripts/base/frameworks/sumstats/on-demand: SumStats::request_key is an asynchronous function (return when) that a when statement waits for.
@load base/frameworks/sumstats

event on_demand()
	{
	when ( local result = SumStats::request_key("test", [$host=1.2.3.4]) )
		{
		print "Complete SumStat request";
		print fmt("    Host: %s -> %.0f", 1.2.3.4, result["test.reducer"]$sum);
		}
	}

event bro_init() &priority=5
	{
	local r1: SumStats::Reducer = [$stream="test.reducer", $apply=set(SumStats::SUM)];
	SumStats::create([$name="test", $epoch=1hr, $reducers=set(r1)]);
	SumStats::observe("test.reducer", [$host=1.2.3.4], [$num=42]);
	SumStats::observe("test.reducer", [$host=1.2.3.4], [$num=7]);
	event on_demand();
	}
