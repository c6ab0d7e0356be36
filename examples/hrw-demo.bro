##! Rendezvous (highest random weight) hashing, written in plain Bro:
##! which of five sites owns each key, and what moves when a site leaves.

type Site: record {
	id: count;
	name: string;
};

global sites: vector of Site = vector(
	[$id=fnv1a32("site-a"), $name="site-a"],
	[$id=fnv1a32("site-b"), $name="site-b"],
	[$id=fnv1a32("site-c"), $name="site-c"],
	[$id=fnv1a32("site-d"), $name="site-d"],
	[$id=fnv1a32("site-e"), $name="site-e"]
);

## The owner of a key: the site with the highest weight (ties: larger id).
function owner(key: any, skip: string): string
	{
	local digest = fnv1a32(key);
	local best_weight = -1;
	local best_id = 0;
	local best = "";

	for ( i in sites )
		{
		local s = sites[i];
		if ( s$name == skip )
			next;
		local w = hrw_weight(digest, s$id);
		if ( w > best_weight || (w == best_weight && s$id > best_id) )
			{
			best_weight = w;
			best_id = s$id;
			best = s$name;
			}
		}

	return best;
	}

event bro_init()
	{
	local keys = vector("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
	                    "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil");
	local moved = 0;

	for ( i in keys )
		{
		local before = owner(keys[i], "");
		local after = owner(keys[i], "site-c");
		print fmt("%-8s -> %s%s", keys[i], before,
		          before == after ? "" : fmt("  (site-c down: -> %s)", after));
		if ( before != after )
			++moved;
		}

	print fmt("%d of %d keys move when site-c leaves", moved, |keys|);
	}
