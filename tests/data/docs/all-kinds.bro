##! A script with every kind of identifier broxygen documents, for the
##! golden test of ``broscript --doc`` (zeekygen.md).
##!
##!     An indented summary line.

@load ./all-kinds-base
@load ./pkg

module Example;

export {
	## Whether to be loud.  Set at run time.
	option loud = F;

	## How long to wait, e.g. two minutes.
	option wait_time: interval = 2min;

	## Well-known ports
	## of the service.
	const ports: set[port] = { 80/tcp } &redef;

	## Names for hosts; unknown hosts get "unknown".
	const host_names: table[addr] of string = {
		[127.0.0.1] = "localhost",
	} &default="unknown" &redef;

	const retries = 3 &redef; ##< How often to retry.

	## The answer.
	const answer = 42;

	## Pi, roughly.
	const pi: double = 3.14159;

	## A greeting with a tab in it.
	const greeting = "hi\tthere";

	## The colour used when none is given.
	const default_color = Base::BLUE &redef;

	## Counts of things seen, by name.
	global counts: table[string] of count &default=0;

	## Some names
	##
	## More text after a blank line.
	global names: vector of string = vector("a", "b");

	global bare_count: count;

	## The last thing seen.
	global last_thing: Base::Thing;

	## The thing to compare with.
	global reference_thing = Base::Thing($name="ref") &redef;

	## The colour right now (enum-typed: never listed).
	global current_color: Base::Color;

	## A connection-like record.
	type Info: record {
		## When it happened.
		ts: time &log;
		## Who did it; the second line
		## of its comment.
		uid: string &optional;
		tags: set[string] &default=set();
		## A callback.
		##
		## n: the count.
		##
		## Returns: whether to go on.
		cb: function(n: count): bool &optional;
		weights: table[string] of double &optional; ##< Weights by name.
	};

	## The last info seen.
	global last_info: Info;

	## A set of name and number.
	type NameSet: set[string, count];

	## A vector of infos.
	type InfoVec: vector of Info;

	## Levels of alarm, out of order.
	type Level: enum {
		## The lowest.
		LOW = 1,
		HIGH = 10, ##< The highest.
		MEDIUM = 5,
	};

	## Completes Base::Later, which stays all-kinds-base.bro's.
	type Base::Later: record {
		## A field from all-kinds.bro.
		n: count;
	};

	## Raised when something happens.
	##
	## what: what it was.
	##
	## n: how often.
	global happened: event(what: string, n: count);

	## A hook to veto an info.
	##
	## i: the info.
	global veto: hook(i: Info);

	## Adds one.
	##
	## x: the number.
	##
	## Returns: the number plus one.
	global add_one: function(x: count, step: count &default=1): count;

	## Logs a line; returns nothing.
	global note: function(msg: string);
}

## Not exported, so not on the page.
global hidden = 1;

## Not exported either.
function helper(): string
	{
	return "x";
	}

function add_one(x: count, step: count): count
	{
	return x + step;
	}

## A comment before the body is added to the declaration's.
function note(msg: string)
	{
	}

event happened(what: string, n: count)
	{
	}

event undeclared_event()
	{
	}

## Redefinition of the limit.  Raised to twenty.
redef Base::max_things = 20;

## More colours.
redef enum Base::Color += {
	## Green.
	GREEN,
};

## Things get a size.
redef record Base::Thing += {
	## Its size.
	size: count &default=1;
};

module GLOBAL;

## A global variable outside any module: public.
global visible = T;

## Shouts a string: a function with a body and no declaration.
##
## s: what to shout.
function shout(s: string): string
	{
	return to_upper(s);
	}
