##! Options of the benchmark input reader, which makes up its data.

module InputBenchmark;

export {
	## How much the number of lines grows per heartbeat.
	const factor = 1.0 &redef;

	## Over how many heartbeats the lines are spread.
	const spread = 0 &redef;

	## The spread as a share of the lines.
	const autospread = 0.0 &redef;

	## Lines added per heartbeat.
	const addfactor = 0 &redef;

	## The number of lines from which on no spread is done.
	const stopspreadat = 0 &redef;

	## Seconds between the spread lines.
	const timedspread = 0.0 &redef;
}
