# values.md §1.2/§2.13: records print as [f=v, ...]; unset fields show <uninitialized>; nested records inline
type Foo: record { foo: count; quux: count &default=9876; };
type Bar: record { bar: count; foo: Foo; opt: string &optional; };
global b: Bar = [$bar=4321, $foo=[$foo=1234]];
print b;
print [$a=1, $b="x y"];
