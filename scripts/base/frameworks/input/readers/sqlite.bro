##! Options of the SQLite input reader.

module InputSQLite;

export {
	## The separator of set and vector elements.
	const set_separator = Input::set_separator &redef;

	## What stands for an unset field.
	const unset_field = Input::unset_field &redef;

	## What stands for an empty field.
	const empty_field = Input::empty_field &redef;
}
