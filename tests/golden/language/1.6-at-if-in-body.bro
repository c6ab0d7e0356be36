# language.md §1.6/§4.14: @if/@ifndef between statements inside a body are resolved at parse time
const verbose = F;
event bro_init()
	{
	print "start";
@if ( verbose )
	print "verbose";
@else
	print "quiet";
@endif
@ifndef ( undefined_thing )
	print "ifndef";
@endif
	}
