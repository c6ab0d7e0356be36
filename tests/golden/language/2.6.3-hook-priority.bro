# language.md §2.6.3/§4.12: hook bodies run by descending &priority; a break stops the remaining bodies and gives F
hook h() &priority=1 { print "h1"; }
hook h() &priority=2 { print "h2"; }
hook h() { print "h0a"; break; }
hook h() { print "h0b"; }
hook h() &priority=-1 { print "h-1"; }
print hook h();
