# language.md §1.6: a false branch is skipped as raw text: never lexed, @load not done, nested @if/@endif counted
@if ( F )
@load no-such-script-anywhere
this is ( not bro code at all "
@if ( T )
print "inner";
@endif
@else
print "else";
@endif
print "end";
