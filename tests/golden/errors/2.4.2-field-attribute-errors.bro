# language.md §2.4.2 / Attr.cc CheckAttr: a field &default of another type (check_and_promote_expr complains, then the value and the type) and &log on a type that cannot be logged (the attributes so far described)
type R: record {
	a: count &default="x";
	b: table[count] of string &log;
	c: string &default=1;
	d: count &default=1 &log;
	e: set[count] &log;
	f: vector of set[count] &log;
};
