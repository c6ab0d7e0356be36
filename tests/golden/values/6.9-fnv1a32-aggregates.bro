# hashing.md §8/§4.7-4.9: fnv1a32 of vectors (holes keep separators), one-element sets/tables, records and any
type Site: record { id: count; user_data: any &optional; };
global hv: vector of count = vector();
global ev: vector of count = vector();
global x: any = 5;
hv[2] = 5;
print fnv1a32(vector(1, 2, 3)), fnv1a32(vector("a", "b")), fnv1a32(hv), fnv1a32(ev);
print fnv1a32(set("one")), fnv1a32(set(["a", 1])), fnv1a32(table(["a"] = 1));
print fnv1a32(Site($id=0, $user_data="alice")), fnv1a32(Site($id=3)), fnv1a32(x);
