# language.md §2.5/§6.2: a redef record field without &optional or &default is an error; nothing runs
type Foo: record { a: count; }; redef record Foo += { c: count; };
print "never";
