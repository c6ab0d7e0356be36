# Helpers shared by the cluster pool tests; each test loads it with
# "@load ../pool-show".  Run on its own it defines functions and prints
# nothing.
@load base/frameworks/cluster/pools

# "[name alias site_id up|down, ...] alive_count=N", members in node_list
# order (the order rr_topic walks).
function pool_members(pool: Cluster::Pool): string
	{
	local s = "";

	for ( i in pool$node_list )
		{
		local pn = pool$node_list[i];

		if ( i > 0 )
			s += ", ";

		s += fmt("%s %s %s %s", pn$name, pn$alias, pn$site_id, pn$alive ? "up" : "down");
		}

	return fmt("[%s] alive_count=%s", s, pool$alive_count);
	}

# The node a node topic reaches, or "" (two quote characters) for "".
function node_of(topic: string): string
	{
	if ( topic == "" )
		return "\"\"";

	for ( name in Cluster::nodes )
		if ( Cluster::node_topic(name) == topic )
			return name;

	return topic;
	}

# n successive rr_topic results for one key, as node names.
function rr_seq(pool: Cluster::Pool, key: string, n: count): string
	{
	local s = "";
	local i = 0;

	while ( i < n )
		{
		if ( i > 0 )
			s += " ";

		s += node_of(Cluster::rr_topic(pool, key));
		++i;
		}

	return s;
	}

# One line per key: "  hrw_topic(<label>, <key>) = <topic>".
function show_hrw_counts(label: string, pool: Cluster::Pool, keys: vector of count)
	{
	for ( i in keys )
		print fmt("  hrw_topic(%s, %s) = \"%s\"", label, keys[i],
		          Cluster::hrw_topic(pool, keys[i]));
	}

function show_hrw_strings(label: string, pool: Cluster::Pool, keys: vector of string)
	{
	for ( i in keys )
		print fmt("  hrw_topic(%s, \"%s\") = \"%s\"", label, keys[i],
		          Cluster::hrw_topic(pool, keys[i]));
	}
