##! The writer that writes nothing, for testing the logging framework.

module LogNone;

export {
	## Whether the writer prints what it is given, for debugging.
	const debug = F &redef;
}

function default_rotation_postprocessor_func(info: Log::RotationInfo) : bool
	{
	return T;
	}

redef Log::default_rotation_postprocessors += { [Log::WRITER_NONE] = default_rotation_postprocessor_func };
