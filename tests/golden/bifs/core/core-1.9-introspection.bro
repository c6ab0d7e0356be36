# bifs/core-1.md §9: lookup_ID, global_ids, record_fields, record_type_to_vector, type_name of ids, and the host/run answers of a script-only run
@ifndef ( script_id )
type script_id: record { type_name: string; exported: bool; constant: bool; enum_constant: bool; option_value: bool; redefinable: bool; value: any &optional; };
type id_table: table[string] of script_id;
type record_field: record { type_name: string; log: bool; value: any &optional; default_val: any &optional; };
type record_field_table: table[string] of record_field;
@endif
module M;
export { global x = 1 &redef; }
module GLOBAL;
type myrecord: record { ct: count; str1: string; };
type r: record { a: count; b: string &default="Foo"; c: double &optional; d: string &log; };
type color: enum { RED, GREEN };
global a = "bro test";
global unset_g: count;
const k = 3;
option o = T;

event bro_init()
	{
	local b = "local";
	print lookup_ID("a"), lookup_ID(""), lookup_ID("xyz"), lookup_ID("b");
	print lookup_ID("myrecord"), lookup_ID("RED"), lookup_ID("unset_g"), lookup_ID("M::x"), lookup_ID("GLOBAL::a");
	print type_name(lookup_ID("bro_init"));
	local g = global_ids();
	print g["bro_init"]$type_name, g["a"], g["M::x"];
	print g["k"]$constant, g["o"]$option_value, g["RED"]$enum_constant, g["RED"]?$value, g["myrecord"]$type_name;
	print g["unset_g"]?$value, g["strcmp"]$exported;
	print record_type_to_vector("myrecord");
	local x: r = [$a=42, $d="Bar"];
	local t = record_fields(x);
	print t["a"];
	print t["b"];
	print t["c"], t["c"]?$value;
	print t["d"];
	print bro_version(), current_analyzer(), reading_traces(), reading_live_traffic();
	print getpid() > 0, gethostname() != "";
	print is_local_interface(127.0.0.1), is_local_interface(1.2.3.4), is_local_interface([2607::a:b:c:d]), is_local_interface([::1]);
	}
