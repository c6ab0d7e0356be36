##! Options of the ASCII log writer (bifs/logging-input.md), and the
##! rotation step that renames a rotated file after its open time.

module LogAscii;

export {
	## Whether to write to standard output instead of files.
	const output_to_stdout = F &redef;

	## Whether to write JSON lines instead of tab-separated columns.
	const use_json = F &redef;

	## The gzip compression level of the files (0: none).
	const gzip_level = 0 &redef;

	## How JSON output writes times.
	const json_timestamps: JSON::TimestampFormat = JSON::TS_EPOCH &redef;

	## Whether the header and footer lines are written.
	const include_meta = T &redef;

	## What the header and footer lines start with.
	const meta_prefix = "#" &redef;

	## The column separator.
	const separator = Log::separator &redef;

	## The separator of set and vector elements.
	const set_separator = Log::set_separator &redef;

	## What an empty set, vector or string is written as.
	const empty_field = Log::empty_field &redef;

	## What an unset field is written as.
	const unset_field = Log::unset_field &redef;
}

# A rotated file is moved to PATH.OPEN-TIME.SUFFIX, the suffix being
# BRO_LOG_SUFFIX or "log", then the configured postprocessor command runs.
function default_rotation_postprocessor_func(info: Log::RotationInfo) : bool
	{
	local gz = info$fname[-3:] == ".gz" ? ".gz" : "";
	local suffix = getenv("BRO_LOG_SUFFIX");
	if ( suffix == "" )
		suffix = "log";
	local dst = fmt("%s.%s.%s%s", info$path, strftime(Log::default_rotation_date_format, info$open),
	                suffix, gz);
	system(fmt("/bin/mv %s %s", info$fname, dst));
	return Log::run_rotation_postprocessor_cmd(info, dst);
	}

redef Log::default_rotation_postprocessors += { [Log::WRITER_ASCII] = default_rotation_postprocessor_func };
