# language.md §2.4: enumerators count up from 0 (trailing comma allowed) or take explicit count values
type Color: enum { RED, GREEN, BLUE, };
type Code: enum { OK = 1, BAD = 10 };
print RED, BLUE, |RED|, |BLUE|, enum_to_int(GREEN);
print OK, |BAD|, type_name(BAD), RED == RED, RED != GREEN;
