# bifs/core-1.md §4: identify_data/file_magic by Bro's file-magic signatures: >= 10 printable bytes are text/plain, \x89PNG image/png, "" matches nothing
@ifndef ( mime_match )
type mime_match: record {
	strength: int;
	mime: string;
};
type mime_matches: vector of mime_match;
@endif

event bro_init()
	{
	print identify_data("This is a test", T);
	print identify_data("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00", T);
	print identify_data("");
	print identify_data("\x89PNG", F);
	print file_magic("\x89PNG");
	print file_magic("");
	}
