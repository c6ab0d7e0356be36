# language.md §6.2: a cast that can never succeed is "cast not supported" at parse time
event bro_init()
	{
	print "string" as count;
	}
