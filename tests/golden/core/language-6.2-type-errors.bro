const foo = 1;
type MyRec: record { a: string; };
global gda: table[count] of string;
global gda2: table[string] of string;
event bro_init() {
  foo = 2;
  local r: MyRec = [$a=0];
  gda = gda2;
}
