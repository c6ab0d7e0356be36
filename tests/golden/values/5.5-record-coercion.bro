# values.md §5.5: a constructor is coerced to the record type: listed fields copied, defaults applied, optional fields unset, nested too
type Foo: record { foo: count; quux: count &default=9876; };
type Bar: record { bar: count; foo: Foo &default=[$foo=1234]; opt: string &optional; };
global b: Bar = [$bar=100];
global c: Bar = [$bar=1, $foo=[$foo=2, $quux=3]];
print b;
print c;
