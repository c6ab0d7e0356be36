# language.md §6.2 (language.record-bad-ctor2, record-type-checking) / Expr.cc RecordConstructorExpr, RecordCoerceExpr: a non-field element, an orphaned field, a clashing field (placed at the value's type too), only the first missing field
type R: record { a: count; b: string; c: count &optional; };
event bro_init()
	{
	local x = record([$a=1]);
	local r1: R = [$a=1, $b="x", $d=2];
	local r2: R = [$c=1];
	local r3: R = [$a="x", $b="y"];
	}
