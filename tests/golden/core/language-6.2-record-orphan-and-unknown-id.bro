type myrec: record { a: string; b: count; };
event bro_init() {
  local r: myrec = [$a="test", $b=42, $wtf=1.0sec];
  local x: count = 5;
  switch ( x ) { case 1: print 1; }
  print TESTFAILURE;
}
