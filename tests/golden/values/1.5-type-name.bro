# values.md §1.5: type_name strings for atomic, container, record, function and event types
type R: record { c: count; s: string; };
type E: enum { ONE };
event e() { }
function f(aa: int, bb: int): bool { return T; }
function g() { }
function h(): any { return 1; }
global c: counter = 1;
global tt: table[string] of table[addr, port] of string;
global vt: vector of table[count] of string;
print type_name("s"), type_name(1), type_name(-1), type_name(1.0), type_name(T), type_name(double_to_time(1.0));
print type_name(1sec), type_name(/x/), type_name(1/tcp), type_name(1.2.3.4), type_name(1.0.0.0/8), type_name(ONE);
print type_name(vector(1)), type_name(set(1)), type_name(set([80/tcp, "a"])), type_name(table([1] = "a"));
print type_name(tt), type_name(vt);
print type_name([$c=1, $s="x"]), type_name(R($c=1, $s="x"));
print type_name(f), type_name(g), type_name(h), type_name(e), type_name(c);
