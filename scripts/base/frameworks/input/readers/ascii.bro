##! Options of the ASCII input reader.

module InputAscii;

export {
	## The field separator.
	const separator = Input::separator &redef;

	## The separator of set and vector elements.
	const set_separator = Input::set_separator &redef;

	## What stands for an empty field.
	const empty_field = Input::empty_field &redef;

	## What stands for an unset field.
	const unset_field = Input::unset_field &redef;

	## Whether an invalid line stops the stream rather than being skipped.
	const fail_on_invalid_lines = F &redef;

	## Whether a missing or unreadable file stops the stream.
	const fail_on_file_problem = F &redef;
}
