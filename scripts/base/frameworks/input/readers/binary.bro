##! Options of the binary input reader.

module InputBinary;

export {
	## How many bytes one chunk holds.
	const chunk_size = 1024 &redef;
}
