##! Options of the ASCII log writer (bifs/logging-input.md §1.9.1).  A
##! filter's ``$config`` table overrides them per writer.

module LogAscii;

export {
	## Write to standard output instead of a file.
	const output_to_stdout = F &redef;

	## One JSON object per line instead of separated columns.
	const use_json = F &redef;

	## Compress the file with gzip at this level (0: none).
	const gzip_level = 0 &redef;

	## How JSON output writes times.
	const json_timestamps: JSON::TimestampFormat = JSON::TS_EPOCH &redef;

	## Write the ``#`` meta lines at the start and the end.
	const include_meta = T &redef;

	## What meta lines start with.
	const meta_prefix = "#" &redef;

	## Between columns.
	const separator = Log::separator &redef;

	## Between the elements of a set or vector.
	const set_separator = Log::set_separator &redef;

	## An empty string, set or vector.
	const empty_field = Log::empty_field &redef;

	## A field without a value.
	const unset_field = Log::unset_field &redef;
}
