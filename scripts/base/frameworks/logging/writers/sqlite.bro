##! Options of the SQLite log writer (bifs/logging-input.md §1.10).

module LogSQLite;

export {
	## Between the elements of a set or vector.
	const set_separator = Log::set_separator &redef;

	## A field without a value (unset fields are NULL in the table).
	const unset_field = Log::unset_field &redef;

	## An empty set or vector.
	const empty_field = Log::empty_field &redef;
}
