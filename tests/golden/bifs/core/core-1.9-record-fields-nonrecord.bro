# bifs/core-1.md §9 record_fields: a non-record is a fatal Val::CONVERTER error (exit 1) naming a run-time value's location as <no location>
@ifndef ( record_field_table )
type record_field: record { type_name: string; log: bool; value: any &optional; default_val: any &optional; };
type record_field_table: table[string] of record_field;
@endif

event bro_init()
	{
	local n = 3 + 4;
	print record_fields(n);
	print "not reached";
	}
