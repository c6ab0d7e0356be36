# Bro 2.6's sumstats framework standalone, in the shape of Bro's btest scripts/base/frameworks/sumstats/basic: reducers over one key, a threshold crossed while observing, and the epoch ending at shutdown (its timer fires then, language.md §5.3 Path B, where bro_is_terminating() makes non-cluster.bro report at once).
@load base/frameworks/sumstats

event bro_init() &priority=5
	{
	local r1: SumStats::Reducer = [$stream="test.metric", $apply=set(SumStats::SUM, SumStats::VARIANCE, SumStats::AVERAGE, SumStats::MAX, SumStats::MIN, SumStats::STD_DEV, SumStats::UNIQUE, SumStats::HLL_UNIQUE)];
	SumStats::create([$name="test",
	                  $epoch=3secs,
	                  $reducers=set(r1),
	                  $epoch_result(ts: time, key: SumStats::Key, result: SumStats::Result) =
	                  	{
	                  	local r = result["test.metric"];
	                  	print fmt("Host: %s - num:%d - sum:%.1f - var:%.1f - avg:%.1f - max:%.1f - min:%.1f - std_dev:%.1f - unique:%d - hllunique:%d", key$host, r$num, r$sum, r$variance, r$average, r$max, r$min, r$std_dev, r$unique, r$hll_unique);
	                  	},
	                  $epoch_finished(ts: time) = { print "epoch finished"; }
	                  ]);
	local r2: SumStats::Reducer = [$stream="thresh.metric", $apply=set(SumStats::SUM)];
	SumStats::create([$name="thresh",
	                  $epoch=1hr,
	                  $reducers=set(r2),
	                  $threshold=10.0,
	                  $threshold_val(key: SumStats::Key, result: SumStats::Result) = { return result["thresh.metric"]$sum; },
	                  $threshold_crossed(key: SumStats::Key, result: SumStats::Result) = { print "crossed", key$str, result["thresh.metric"]$sum; }
	                  ]);

	SumStats::observe("test.metric", [$host=1.2.3.4], [$num=5]);
	SumStats::observe("test.metric", [$host=1.2.3.4], [$num=22]);
	SumStats::observe("test.metric", [$host=1.2.3.4], [$num=94]);
	SumStats::observe("test.metric", [$host=1.2.3.4], [$num=50]);
	SumStats::observe("test.metric", [$host=1.2.3.4], [$num=50]);
	SumStats::observe("thresh.metric", [$str="k"], [$num=6]);
	print "observed 6";
	SumStats::observe("thresh.metric", [$str="k"], [$num=6]);
	print "observed 12";
	SumStats::observe("thresh.metric", [$str="k"], [$num=6]);
	}
event bro_done() { print "done"; }
