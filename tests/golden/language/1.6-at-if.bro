# language.md §1.6: @if evaluates an expression at parse time (earlier globals, earlier functions); @else branch
const debug = T;
function two(): count { return 2; }
@if ( debug && two() == 2 )
print "if-branch";
@else
print "else-branch";
@endif
@if ( 1 + 1 == 3 )
print "wrong";
@else
print "right";
@endif
