##! Defines an interface for managing pools of cluster nodes.  Pools are
##! a useful way to distribute work or data among nodes within a cluster.

@load ./main
@load base/utils/hash_hrw

# A note on the "##" comments in this file: broscript's documentation
# generator turns them into this script's reference page, which must come
# out identical to Bro 2.6's (zeekygen.md).  So "##" appears only right
# above the declarations that page documents, with their exact text, and
# above the Pool record (whose page entry belongs to the prelude, where
# Cluster::Pool is first declared).  Every other comment uses "#": a
# stray "##" would attach itself to the next declaration.

module Cluster;

export {
	## Store state of a cluster within the context of a work pool.
	type PoolNode: record {
		## The node name (e.g. "manager").
		name: string;
		## An alias of *name* used to prevent hashing collisions when creating
		## *site_id*.
		alias: string;
		## A 32-bit unique identifier for the pool node, derived from name/alias.
		site_id: count;
		## Whether the node is currently alive and can receive work.
		alive: bool &default = F;
	};

	## A pool specification.
	type PoolSpec: record {
		## A topic string that can be used to reach all nodes within a pool.
		topic: string &default = "";
		## The type of nodes that are contained within the pool.
		node_type: Cluster::NodeType &default = Cluster::PROXY;
		## The maximum number of nodes that may belong to the pool.
		## If not set, then all available nodes will be added to the pool,
		## else the cluster framework will automatically limit the pool
		## membership according to the threshhold.
		max_nodes: count &optional;
		## Whether the pool requires exclusive access to nodes.  If true,
		## then *max_nodes* nodes will not be assigned to any other pool.
		## When using this flag, *max_nodes* must also be set.
		exclusive: bool &default = F;
	};

	type PoolNodeTable: table[string] of PoolNode;
	type RoundRobinTable: table[string] of int;

	## A pool used for distributing data/work among a set of cluster nodes.
	type Pool: record {
		## The specification the pool was registered with.
		spec: PoolSpec &default = PoolSpec();
		## The pool's members, indexed by node name.
		nodes: PoolNodeTable &default = PoolNodeTable();
		## The pool's members in the order they were assigned; the order
		## that :bro:see:`Cluster::rr_topic` walks.
		node_list: vector of PoolNode &default = vector();
		## The members that are alive and reachable from this node, as
		## sites for :bro:see:`Cluster::hrw_topic`.
		hrw_pool: HashHRW::Pool &default = HashHRW::Pool();
		## For each round-robin key, the index into *node_list* where the
		## next :bro:see:`Cluster::rr_topic` call starts looking.
		rr_key_seq: RoundRobinTable &default = RoundRobinTable();
		## The number of members that are alive.
		alive_count: count &default = 0;
	};

	## The specification for :bro:see:`Cluster::proxy_pool`.
	global proxy_pool_spec: PoolSpec =
		PoolSpec($topic = "bro/cluster/pool/proxy",
		         $node_type = Cluster::PROXY) &redef;

	## The specification for :bro:see:`Cluster::worker_pool`.
	global worker_pool_spec: PoolSpec =
		PoolSpec($topic = "bro/cluster/pool/worker",
		         $node_type = Cluster::WORKER) &redef;

	## The specification for :bro:see:`Cluster::logger_pool`.
	global logger_pool_spec: PoolSpec =
		PoolSpec($topic = "bro/cluster/pool/logger",
		         $node_type = Cluster::LOGGER) &redef;

	## A pool containing all the proxy nodes of a cluster.
	## The pool's node membership/availability is automatically
	## maintained by the cluster framework.
	global proxy_pool: Pool;

	## A pool containing all the worker nodes of a cluster.
	## The pool's node membership/availability is automatically
	## maintained by the cluster framework.
	global worker_pool: Pool;

	## A pool containing all the logger nodes of a cluster.
	## The pool's node membership/availability is automatically
	## maintained by the cluster framework.
	global logger_pool: Pool;

	## Registers and initializes a pool.
	global register_pool: function(spec: PoolSpec): Pool;

	## Retrieve the topic associated with the node mapped via Rendezvous hash
	## of an arbitrary key.
	##
	## pool: the pool of nodes to consider.
	##
	## key: data used for input to the hashing function that will uniformly
	##      distribute keys among available nodes.
	##
	## Returns: a topic string associated with a cluster node that is alive
	##          or an empty string if nothing is alive.
	global hrw_topic: function(pool: Pool, key: any): string;

	## Retrieve the topic associated with the node in a round-robin fashion.
	##
	## pool: the pool of nodes to consider.
	##
	## key: an arbitrary string to identify the purpose for which you're
	##      requesting the topic.  e.g. consider using a name-spaced key
	##      like "Intel::cluster_rr_key" if you need to guarantee that
	##      a group of messages get distributed in a well-defined pattern
	##      without other messages being interleaved within the round-robin.
	##      Usually sharing the default key is fine for load-balancing
	##      purposes.
	##
	## Returns: a topic string associated with a cluster node that is alive,
	##          or an empty string if nothing is alive.
	global rr_topic: function(pool: Pool, key: string &default=""): string;

	## Distributes log message topics among logger nodes via round-robin.
	## This will be automatically assigned to :bro:see:`Broker::log_topic`
	## if :bro:see:`Cluster::enable_round_robin_logging` is enabled.
	## If no logger nodes are active, then this will return the value
	## of :bro:see:`Broker::default_log_topic`.
	global rr_log_topic: function(id: Log::ID, path: string): string;
}

# --------------------------------------------------------------------------
# Private state and helpers (not exported).

# Every pool register_pool has created, in registration order until the
# membership assignment sorts it by topic (cluster.md §2.3 step 1).  It
# holds the same records as the *_pool globals: membership, alive flags
# and round-robin positions are shared.
global registered_pools: vector of Pool = vector();

# Per node type that pools can hold: the nodes still available to pools,
# and the rotating start index shared by that type's non-exclusive pools.
type PoolEligibilityTracking: record {
	eligible_nodes: vector of NamedNode;
	next_idx: count &default = 0;
	excluded: count &default = 0;
};

global pool_eligibility: table[NodeType] of PoolEligibilityTracking = table();

# The site ids of a pool's members, alive or not, that a new member's site
# id must differ from.  The assignment keeps this set up to date as it adds
# members: looking through every member for each new one made a cluster's
# boot cubic in its size (issue 12).  Defined at the end of the file.
global pool_site_ids: function(pool: Pool): set[count];

# Adds node *name* to a pool, its site id to *taken* (pool_site_ids).  The
# site id is the fnv1a32 hash of the alias "<name>.0", or of "<name>.1",
# "<name>.2", ... if the earlier aliases' hashes are in *taken*.  The local
# node starts alive; every other node is marked alive by node_up.  Returns F
# if the node is already there.
function init_pool_node(pool: Pool, name: string, taken: set[count]): bool
	{
	if ( name in pool$nodes )
		return F;

	local c = 0;
	local alias = fmt("%s.%s", name, c);
	local site_id = fnv1a32(alias);

	while ( site_id in taken )
		{
		++c;
		alias = fmt("%s.%s", name, c);
		site_id = fnv1a32(alias);
		}

	local pn = PoolNode($name = name, $alias = alias, $site_id = site_id,
	                    $alive = (name == Cluster::node));

	pool$nodes[name] = pn;
	pool$node_list[|pool$node_list|] = pn;
	add taken[site_id];

	if ( pn$alive )
		pool$alive_count += 1;

	# The HRW sites are only ever filled by mark_pool_node_alive, so a
	# node is never a site of its own pools (cluster.md §2.10).
	return T;
	}

# Marks a member alive and makes it an HRW site.  Returns F if *name* is
# not a member.
function mark_pool_node_alive(pool: Pool, name: string): bool
	{
	if ( name !in pool$nodes )
		return F;

	local pn = pool$nodes[name];

	if ( ! pn$alive )
		{
		pn$alive = T;
		pool$alive_count += 1;
		}

	HashHRW::add_site(pool$hrw_pool, HashHRW::Site($id = pn$site_id, $user_data = pn));
	return T;
	}

# Marks a member dead and removes its HRW site.  Returns F if *name* is not
# a member.
function mark_pool_node_dead(pool: Pool, name: string): bool
	{
	if ( name !in pool$nodes )
		return F;

	local pn = pool$nodes[name];

	if ( pn$alive )
		{
		pn$alive = F;
		pool$alive_count -= 1;
		}

	HashHRW::rem_site(pool$hrw_pool, HashHRW::Site($id = pn$site_id, $user_data = pn));
	return T;
	}

function pool_sorter(a: Pool, b: Pool): int
	{
	return strcmp(a$spec$topic, b$spec$topic);
	}

# Gives an exclusive pool the first max_nodes nodes still eligible for its
# type and takes them out of every later pool's reach.  The shared cursor
# does not move.
function assign_exclusive_pool(pool: Pool)
	{
	local pet = pool_eligibility[pool$spec$node_type];
	local eligible = pet$eligible_nodes;
	local taken = pool$spec$max_nodes;
	local remaining: vector of NamedNode = vector();
	local site_ids = pool_site_ids(pool);

	for ( i in eligible )
		{
		if ( i < taken )
			init_pool_node(pool, eligible[i]$name, site_ids);
		else
			remaining[|remaining|] = eligible[i];
		}

	pet$eligible_nodes = remaining;
	}

# Gives a non-exclusive pool up to max_nodes (default: all) of the eligible
# nodes of its type, starting at the type's shared cursor and wrapping
# around, so consecutive pools of a type start where the previous stopped.
function assign_shared_pool(pool: Pool)
	{
	local pet = pool_eligibility[pool$spec$node_type];
	local n = |pet$eligible_nodes|;

	if ( pool$spec?$max_nodes && pool$spec$max_nodes < n )
		n = pool$spec$max_nodes;

	local assigned = 0;
	local site_ids = pool_site_ids(pool);

	while ( assigned < n )
		{
		init_pool_node(pool, pet$eligible_nodes[pet$next_idx]$name, site_ids);
		++assigned;
		pet$next_idx += 1;

		if ( pet$next_idx == |pet$eligible_nodes| )
			pet$next_idx = 0;
		}
	}

# --------------------------------------------------------------------------
# Exported functions.

function register_pool(spec: PoolSpec): Pool
	{
	local rval = Pool($spec = spec);
	registered_pools[|registered_pools|] = rval;
	return rval;
	}

function hrw_topic(pool: Pool, key: any): string
	{
	if ( |pool$hrw_pool$sites| == 0 )
		return "";

	local site = HashHRW::get_site(pool$hrw_pool, key);
	local pn = site$user_data as PoolNode;
	return node_topic_prefix + pn$name;
	}

function rr_topic(pool: Pool, key: string): string
	{
	if ( key !in pool$rr_key_seq )
		pool$rr_key_seq[key] = 0;

	local next_idx = pool$rr_key_seq[key];
	local start = next_idx;
	local rval = "";

	# Also true for a pool without members: "" and the position stays 0.
	if ( next_idx >= |pool$node_list| )
		return rval;

	while ( T )
		{
		local pn = pool$node_list[next_idx];

		++next_idx;

		if ( next_idx == |pool$node_list| )
			next_idx = 0;

		if ( pn$alive )
			{
			rval = node_topic_prefix + pn$name;
			break;
			}

		if ( next_idx == start )
			# Nobody is alive: the position ends where it started.
			break;
		}

	pool$rr_key_seq[key] = next_idx;
	return rval;
	}

function rr_log_topic(id: Log::ID, path: string): string
	{
	local rval = rr_topic(logger_pool, "Cluster::rr_log_topic");

	if ( rval != "" )
		return rval;

	return Broker::default_log_topic(id, path);
	}

# --------------------------------------------------------------------------
# Event handlers.

event Cluster::node_up(name: string, id: string) &priority=10
	{
	for ( i in registered_pools )
		{
		local pool = registered_pools[i];

		if ( name in pool$nodes )
			mark_pool_node_alive(pool, name);
		}
	}

event Cluster::node_down(name: string, id: string) &priority=10
	{
	for ( i in registered_pools )
		{
		local pool = registered_pools[i];

		if ( name in pool$nodes )
			mark_pool_node_dead(pool, name);
		}
	}

# The default pools.  User pools must be registered before priority -5
# (the default priority 0 is fine); later ones never get members.
event bro_init()
	{
	worker_pool = register_pool(worker_pool_spec);
	proxy_pool = register_pool(proxy_pool_spec);
	logger_pool = register_pool(logger_pool_spec);
	}

# Membership, computed once, the same way on every node (cluster.md §2.3).
event bro_init() &priority=-5
	{
	if ( ! Cluster::is_enabled() )
		return;

	# Sorted in place: setup-connections.bro and the node_up/node_down
	# handlers see this order too.  (Bro's sort is stable up to 16
	# elements, so pools with equal topics keep their registration order.)
	sort(registered_pools, pool_sorter);

	# Only these three node types can have pools; the capacity check
	# below goes through them in this order.
	local pool_types = vector(WORKER, PROXY, LOGGER);

	for ( i in pool_types )
		pool_eligibility[pool_types[i]] = PoolEligibilityTracking(
			$eligible_nodes = nodes_with_type(pool_types[i]));

	# A manager that receives logs is also a logger: the first manager by
	# name goes after the real loggers, if there are any.
	if ( manager_is_logger )
		{
		local managers = nodes_with_type(MANAGER);

		if ( |managers| > 0 )
			{
			local loggers = pool_eligibility[LOGGER]$eligible_nodes;
			loggers[|loggers|] = managers[0];
			}
		}

	for ( i in registered_pools )
		{
		local pool = registered_pools[i];

		if ( pool$spec$node_type !in pool_eligibility )
			Reporter::fatal(fmt("invalid pool node type: %s", pool$spec$node_type));

		if ( ! pool$spec$exclusive )
			next;

		if ( ! pool$spec?$max_nodes )
			Reporter::fatal("Cluster::PoolSpec 'max_nodes' field must be set when using the 'exclusive' flag");

		pool_eligibility[pool$spec$node_type]$excluded += pool$spec$max_nodes;
		}

	for ( i in pool_types )
		{
		local pet = pool_eligibility[pool_types[i]];

		if ( pet$excluded <= |pet$eligible_nodes| )
			next;

		# One line: the call's location is what the fatal error shows.
		local msg = fmt("not enough %s nodes to satisfy pool exclusivity requirements: need %d nodes", pool_types[i], pet$excluded);
		Reporter::fatal(msg);
		}

	# Exclusive pools first, whatever their topics.
	for ( i in registered_pools )
		if ( registered_pools[i]$spec$exclusive )
			assign_exclusive_pool(registered_pools[i]);

	for ( i in registered_pools )
		if ( ! registered_pools[i]$spec$exclusive )
			assign_shared_pool(registered_pools[i]);
	}

function pool_site_ids(pool: Pool): set[count]
	{
	local rval: set[count] = set();

	for ( member in pool$nodes )
		add rval[pool$nodes[member]$site_id];

	return rval;
	}
