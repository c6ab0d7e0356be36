##! This is a test script.
##! With some summary comments.

# bifs/strings-reporter-misc.md §6: ## comments of identifiers and record fields, ##! of a script; unknown names give ""

## Hello world.  This is an option.
## With some more description here.
## And here.
## Maybe just one more.
const myvar = 7 &redef;

## My record.
type myrecord: record {
	aaa: count;	##< The first field.
	## The second field.
	bbb: string;	##< Done w/ bbb.
};

event bro_init()
	{
	print get_identifier_comments("myvar");
	print get_identifier_comments("myrecord");
	print get_record_field_comments("myrecord$aaa");
	print get_record_field_comments("myrecord$bbb");
	print |get_identifier_comments("nope")|, |get_record_field_comments("myrecord$")|, |get_record_field_comments("nope$aaa")|, |get_record_field_comments("myrecord")|;
	print get_script_comments("6-comments.bro");
	print |get_script_comments("./6-comments.bro")|, |get_package_readme("nope")|;
	}
