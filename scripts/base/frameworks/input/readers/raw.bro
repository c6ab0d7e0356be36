##! Options and events of the raw input reader.

module InputRaw;

export {
	## What ends a record.
	const record_separator = "\n" &redef;

	## Raised when a command run by the reader has ended.
	global process_finished: event(name: string, source:string, exit_code:count, signal_exit:bool);
}
