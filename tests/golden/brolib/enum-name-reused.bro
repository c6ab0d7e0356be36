# Bro's EnumType::CheckAndAddName: a name already an enum constant of another type in the same module joins the new type, but the identifier keeps its first type and value (NetControl::DROP in base/frameworks/netcontrol).
module M;

export {
	type RuleType: enum { DROP, MODIFY };
	type Action: enum { INFO, DROP, ADDED };
	type Rule: record { ty: RuleType; };
}

function is_drop(r: Rule): bool
	{
	return r$ty == DROP;
	}

event bro_init()
	{
	print is_drop([$ty=DROP]), is_drop([$ty=MODIFY]);
	print DROP, enum_to_int(DROP), enum_to_int(ADDED);
	local a: Action = ADDED;
	print a;
	}
