##! Options and events of the config input reader.

module InputConfig;

export {
	## The separator of set and vector elements.
	const set_separator = Input::set_separator &redef;

	## What stands for an empty field.
	const empty_field = "" &redef;

	## Whether a missing or unreadable file stops the stream.
	const fail_on_file_problem = F &redef;

	## Raised for every value the reader reads.
	global new_value: event(name: string, source: string, id: string, value: any);
}
