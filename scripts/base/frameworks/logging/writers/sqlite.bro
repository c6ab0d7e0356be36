##! Options of the SQLite log writer.

module LogSQLite;

export {
	## The separator of set and vector elements.
	const set_separator = Log::set_separator &redef;

	## What an unset field is written as.
	const unset_field = Log::unset_field &redef;

	## What an empty set, vector or string is written as.
	const empty_field = Log::empty_field &redef;
}
