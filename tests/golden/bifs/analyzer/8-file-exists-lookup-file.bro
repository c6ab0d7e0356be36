# bifs/strings-reporter-misc.md §8: without files, file_exists is F and lookup_file reports the unknown id and yields no value
event bro_init()
	{
	print Files::file_exists("asdf"), Files::__file_exists("asdf");
	print Files::lookup_file("asdf");
	print "after";
	}
