# logging-input.md §2.9.3: the binary reader sends the file in chunks of InputBinary::chunk_size bytes, one string each, then end_of_data; a table stream keeps one entry per distinct chunk
redef exit_only_after_terminate = T;
redef InputBinary::chunk_size = 4;

type Chunk: record {
	s: string;
};

global chunks: set[string] = set();
global ends = 0;

event chunk(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	print description$name, tpe, |s|, s;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	if ( name == "table" )
		print |chunks|, "0123" in chunks, "c|\xff" in chunks;
	if ( ++ends == 2 )
		terminate();
	}

event bro_init()
	{
	Input::add_event([$source="binary.dat", $reader=Input::READER_BINARY, $name="chunks",
	                  $fields=Chunk, $ev=chunk, $want_record=F]);
	Input::add_table([$source="binary.dat", $reader=Input::READER_BINARY, $name="table",
	                  $idx=Chunk, $destination=chunks]);
	}
