# values.md §5.5 orphaned field; language.md §4.7 case without break; §3.2 unknown identifier stops parsing
type myrec: record { a: string; b: count; };
event bro_init() {
  local r: myrec = [$a="test", $b=42, $wtf=1.0sec];
  local x: count = 5;
  switch ( x ) { case 1: print 1; }
  print TESTFAILURE;
}
