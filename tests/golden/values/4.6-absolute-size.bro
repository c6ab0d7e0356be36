# values.md §4.6: |x| for every type and its result type
type R: record { a: count; b: string &optional; };
type E: enum { E0, E1, E2 };
global r: R = [$a=1];
global v: vector of count = vector();
global t = table([1] = "a");
v[4] = 1;
print |5|, |-5|, |-2.5|, |-5sec|, |T|, |F|, |"abc"|, |t|, |v|, |r|;
print |1.2.3.4|, |[::1]|, |10.0.0.0/24|, |80/tcp|, |E2|, |/x/|;
print type_name(|-5|), type_name(|-2.5|), type_name(|T|), type_name(|80/tcp|), type_name(|E2|), type_name(|10.0.0.0/24|);
