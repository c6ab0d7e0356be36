##! Options of the None log writer, which writes nothing
##! (bifs/logging-input.md §1.10).

module LogNone;

export {
	## Print what each writer is created with.
	const debug = F &redef;
}
