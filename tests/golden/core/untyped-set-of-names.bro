# checker: an untyped `{ ... }` of plain names is a set of their type, as Bro's init_type() gives it (found running Bro's init-default; it was an internal error)
type E: enum { A, B, C };
const s = { A, B };
global t = { C };
print |s|, A in s, C in s, |t|, C in t;
