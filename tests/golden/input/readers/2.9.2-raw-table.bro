# logging-input.md §2.9.2, §2.5.2: raw lines are streamed entries, so a table stream adds each line to its set (an empty line too) and its end marker still raises end_of_data
redef exit_only_after_terminate = T;

type Idx: record {
	s: string;
};

global lines: set[string] = set();

event Input::end_of_data(name: string, source: string)
	{
	print name, |lines|, "first line" in lines, "" in lines, "no newline at the end" in lines;
	terminate();
	}

event bro_init()
	{
	Input::add_table([$source="raw.dat", $reader=Input::READER_RAW, $name="lines",
	                  $idx=Idx, $destination=lines]);
	print |lines|;
	}
