##! The cluster framework's core: the node types, the layout of a cluster
##! (:bro:see:`Cluster::nodes`), which node this instance is
##! (:bro:see:`Cluster::node`), the well-known topics, and the handshake
##! that turns Broker peerings into :bro:see:`Cluster::node_up` and
##! :bro:see:`Cluster::node_down` events.

@load base/frameworks/logging
@load base/frameworks/control
@load base/frameworks/broker

module Cluster;

export {
	## The cluster log stream.
	redef enum Log::ID += { LOG };

	## Whether :bro:see:`Broker::log_topic` distributes log entries over
	## the logger nodes (:bro:see:`Cluster::rr_log_topic`).
	const enable_round_robin_logging = T &redef;

	## The topic that all logger nodes subscribe to.
	const logger_topic = "bro/cluster/logger" &redef;

	## The topic that all manager nodes subscribe to.
	const manager_topic = "bro/cluster/manager" &redef;

	## The topic that all proxy nodes subscribe to.
	const proxy_topic = "bro/cluster/proxy" &redef;

	## The topic that all worker nodes subscribe to.
	const worker_topic = "bro/cluster/worker" &redef;

	## The topic that all time machine nodes subscribe to.
	const time_machine_topic = "bro/cluster/time_machine" &redef;

	## The prefix of the topic that reaches one node by name (see
	## :bro:see:`Cluster::node_topic`) and, in Bro 2.6, also by Broker id
	## (see :bro:see:`Cluster::nodeid_topic`).
	const node_topic_prefix = "bro/cluster/node/" &redef;

	## Declared for topics by Broker id, but unused: Bro 2.6's
	## :bro:see:`Cluster::nodeid_topic` uses
	## :bro:see:`Cluster::node_topic_prefix`.
	const nodeid_topic_prefix = "bro/cluster/nodeid/" &redef;

	## The node that masters cluster data stores by default; empty means
	## the manager.  (Data stores are not provided by broscript.)
	const default_master_node = "" &redef;

	## The default backend of cluster data stores.
	const default_backend = Broker::MEMORY &redef;

	## The default backend of persistent cluster data stores.
	const default_persistent_backend = Broker::SQLITE &redef;

	## Where persistent cluster data stores keep their files by default.
	const default_store_dir = "" &redef;

	## An entry of the cluster log.
	type Info: record {
		## When it was written.
		ts: time &log;
		## The node that wrote it.
		node: string &log;
		## What happened.
		message: string &log;
	};

	## The role of a node in a cluster.
	type NodeType: enum {
		## Not part of a cluster.
		NONE,
		## A control client such as BroControl.
		CONTROL,
		## Receives and writes logs.
		LOGGER,
		## Coordinates the cluster (and receives logs when
		## :bro:see:`Cluster::manager_is_logger` is set).
		MANAGER,
		## Holds shared state and takes work off the manager.
		PROXY,
		## Analyzes traffic.
		WORKER,
		## A Time Machine node.
		TIME_MACHINE,
	};

	## A node of the cluster layout.
	type Node: record {
		## The node's role.
		node_type: NodeType;
		## The address the node listens on and that its peers connect to.
		ip: addr;
		## The IPv6 zone of *ip*, if any.
		zone_id: string &default = "";
		## The port the node listens on.
		p: port;
		## The interface a worker reads traffic from.
		interface: string &optional;
		## The name of the manager that this proxy or worker connects to.
		manager: string &optional;
		## The name of the time machine node that this node connects to.
		time_machine: string &optional;
		## The node's Broker id, set while this instance is peered with it
		## (after its :bro:see:`Cluster::hello`).
		id: string &optional;
	};

	## Whether this instance is a cluster node (:bro:see:`Cluster::node`
	## is not empty).
	##
	## Returns: T if it is.
	global is_enabled: function(): bool;

	## The role of this instance.
	##
	## Returns: the type of :bro:see:`Cluster::node` in the layout, or
	##          ``Cluster::NONE`` when the cluster is not enabled.
	global local_node_type: function(): NodeType;

	## The handshake two nodes exchange when they have peered.
	##
	## name: the sender's node name.
	##
	## id: the sender's Broker id.
	global hello: event(name: string, id: string);

	## Raised on this node when a peered layout node has said hello.
	##
	## name: the node's name.
	##
	## id: the node's Broker id.
	global node_up: event(name: string, id: string);

	## Raised on this node when a node that said hello is lost.
	##
	## name: the node's name.
	##
	## id: the node's Broker id (the one :bro:see:`Cluster::node_up` had).
	global node_down: event(name: string, id: string);

	## The cluster layout, indexed by node name.  Normally set by a
	## ``cluster-layout`` script.
	const nodes: table[string] of Node = {} &redef;

	## Whether the manager receives and writes logs.  BroControl sets this
	## to F when the layout has loggers.
	const manager_is_logger = T &redef;

	## This instance's node name; empty when it is not a cluster node.
	## Taken from the environment variable ``CLUSTER_NODE``.
	const node = getenv("CLUSTER_NODE") &redef;

	## How long to wait between attempts to connect to a peer node.
	const retry_interval = 1min &redef;

	## The number of worker nodes currently peered with this one.
	global worker_count: count = 0;

	## The topic that reaches one node by name.
	##
	## name: the node's name.
	##
	## Returns: :bro:see:`Cluster::node_topic_prefix` + *name*.
	global node_topic: function(name: string): string;

	## The topic that reaches one node by Broker id.
	##
	## id: the node's Broker id.
	##
	## Returns: :bro:see:`Cluster::node_topic_prefix` + *id* (sic: Bro 2.6
	##          does not use :bro:see:`Cluster::nodeid_topic_prefix`).
	global nodeid_topic: function(id: string): string;

	## Writes a message to the cluster log.
	##
	## msg: the message.
	global log: function(msg: string);
}

# A layout entry together with its name.
type NamedNode: record {
	name: string;
	node: Node;
};

# Broker ids of the workers peered with this node; their number is
# worker_count.
global active_worker_ids: set[string] = set();

function is_enabled(): bool
	{
	return node != "";
	}

function local_node_type(): NodeType
	{
	if ( ! is_enabled() )
		return NONE;

	return nodes[node]$node_type;
	}

function node_topic(name: string): string
	{
	return node_topic_prefix + name;
	}

function nodeid_topic(id: string): string
	{
	# Bro 2.6 uses node_topic_prefix here, not nodeid_topic_prefix, and
	# the hello handshake depends on it (cluster.md §1.5).
	return node_topic_prefix + id;
	}

function log(msg: string)
	{
	Log::write(Cluster::LOG, Info($ts = network_time(), $node = node, $message = msg));
	}

# The layout nodes of one type, sorted by name with strcmp (so "worker-10"
# comes before "worker-2").
function nodes_with_type(node_type: NodeType): vector of NamedNode
	{
	local names: vector of string = vector();

	for ( node_name in nodes )
		if ( nodes[node_name]$node_type == node_type )
			names[|names|] = node_name;

	sort(names, strcmp);

	local rval: vector of NamedNode = vector();

	for ( i in names )
		rval[|rval|] = NamedNode($name = names[i], $node = nodes[names[i]]);

	return rval;
	}

event bro_init() &priority=5
	{
	if ( node != "" && node !in nodes )
		{
		Reporter::error(fmt("'%s' is not a valid node in the Cluster::nodes configuration", node));
		terminate();
		}

	Log::create_stream(Cluster::LOG, [$columns = Info, $path = "cluster"]);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string) &priority=10
	{
	if ( ! is_enabled() )
		return;

	# Only the new peer subscribes to a prefix of its own id's topic, so
	# it alone receives this.
	Broker::publish(nodeid_topic(endpoint$id), Cluster::hello, node, Broker::node_id());
	}

event Cluster::hello(name: string, id: string) &priority=10
	{
	if ( name !in nodes )
		{
		Reporter::error(fmt("Got Cluster::hello msg from unexpected node: %s", name));
		return;
		}

	# The record inside the layout table itself: the id is kept there.
	local n = nodes[name];

	if ( n?$id )
		{
		if ( n$id != id )
			Reporter::error(fmt("Got Cluster::hello msg from duplicate node:%s", name));
		}
	else
		event Cluster::node_up(name, id);

	n$id = id;
	Cluster::log(fmt("got hello from %s (%s)", name, id));

	if ( n$node_type == WORKER )
		{
		add active_worker_ids[id];
		worker_count = |active_worker_ids|;
		}
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string) &priority=10
	{
	for ( node_name in nodes )
		{
		local n = nodes[node_name];

		if ( n?$id && n$id == endpoint$id )
			{
			Cluster::log(fmt("node down: %s", node_name));
			delete n$id;

			if ( n$node_type == WORKER )
				{
				delete active_worker_ids[endpoint$id];
				worker_count = |active_worker_ids|;
				}

			event Cluster::node_down(node_name, endpoint$id);
			break;
			}
		}
	}
