##! A rotation postprocessor that copies rotated files elsewhere with scp.

module Log;

export {
	## Copies a rotated file to every destination configured for its
	## writer and path, then removes it.
	global scp_postprocessor: function(info: Log::RotationInfo): bool;

	## Where to copy to.
	type SCPDestination: record {
		user: string;
		host: string;
		path: string;
	};

	## The destinations per writer and path.
	global scp_destinations: table[Writer, string] of set[SCPDestination];

	## The date format of the copied files' names.
	const scp_rotation_date_format = "%Y-%m-%d-%H-%M-%S" &redef;
}

function scp_postprocessor(info: Log::RotationInfo): bool
	{
	if ( reading_traces() || [info$writer, info$path] !in scp_destinations )
		return T;
	local cmd = "";
	for ( d in scp_destinations[info$writer, info$path] )
		cmd += fmt("scp %s %s@%s:%s;", info$fname, d$user, d$host,
		           fmt("%s/%s.%s.log", d$path, info$path,
		               strftime(Log::scp_rotation_date_format, info$open)));
	system(cmd + fmt("/bin/rm %s", info$fname));
	return T;
	}
