##! A rotation postprocessor that copies rotated files elsewhere with sftp.

module Log;

export {
	## Copies a rotated file to every destination configured for its
	## writer and path, then removes it.
	global sftp_postprocessor: function(info: Log::RotationInfo): bool;

	## Where to copy to.
	type SFTPDestination: record {
		user: string;
		host: string;
		host_port: count &default=22;
		path: string;
	};

	## The destinations per writer and path.
	global sftp_destinations: table[Writer, string] of set[SFTPDestination];

	## The date format of the copied files' names.
	const sftp_rotation_date_format = "%Y-%m-%d-%H-%M-%S" &redef;
}

function sftp_postprocessor(info: Log::RotationInfo): bool
	{
	if ( reading_traces() || [info$writer, info$path] !in sftp_destinations )
		return T;
	local cmd = "";
	for ( d in sftp_destinations[info$writer, info$path] )
		cmd += fmt("echo put %s %s | sftp -P %d -b - %s@%s;", info$fname,
		           fmt("%s/%s.%s.log", d$path, info$path,
		               strftime(Log::sftp_rotation_date_format, info$open)),
		           d$host_port, d$user, d$host);
	system(cmd + fmt("/bin/rm %s", info$fname));
	return T;
	}
