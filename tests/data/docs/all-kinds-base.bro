##! Types and a constant that all-kinds.bro extends and redefines.

module Base;

export {
	## Colours of things.
	type Color: enum {
		## The colour of the sky.
		BLUE,
		RED, ##< Like a rose.
	};

	## A thing with a name.
	type Thing: record {
		## What to call it.
		name: string;
	};

	## Replaced by the comments of the declaration that completes it.
	type Later: record {};

	## How many things there may be.
	const max_things = 10 &redef;
}
