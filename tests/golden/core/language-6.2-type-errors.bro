# language.md §6.2: const assignment, record field type clash + bad record initializer, table type clash; exit 1, nothing runs
const foo = 1;
type MyRec: record { a: string; };
global gda: table[count] of string;
global gda2: table[string] of string;
event bro_init() {
  foo = 2;
  local r: MyRec = [$a=0];
  gda = gda2;
}
