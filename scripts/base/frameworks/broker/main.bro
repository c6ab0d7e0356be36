##! The part of Bro's Broker framework that the cluster framework needs:
##! the endpoint and peer records carried by the peering events, the
##! peering events themselves, the listen/connect options, the log topic
##! options, and script wrappers around the communication builtins
##! (``Broker::__node_id``, ``Broker::__subscribe``, ``Broker::__listen``,
##! ``Broker::__peer``).
##!
##! ``Broker::publish`` and ``Broker::make_event`` are builtins, declared
##! by the messaging.bif stub this script loads once the ``Broker::Data``/
##! ``Broker::Event`` records their signatures use are declared.

@load base/frameworks/logging

module Broker;

export {
	## The port that :bro:see:`Broker::listen` and :bro:see:`Broker::peer`
	## use when none is given.
	const default_port = 9999/tcp &redef;

	## The address to listen on; empty means all addresses.  Taken from
	## the environment variable ``BRO_DEFAULT_LISTEN_ADDRESS``.
	const default_listen_address = getenv("BRO_DEFAULT_LISTEN_ADDRESS") &redef;

	## How long to wait before trying again to listen on a port that is
	## in use.
	const default_listen_retry = 30sec &redef;

	## How long to wait between attempts to connect to a peer.
	const default_connect_retry = 30sec &redef;

	## The prefix of the topics that log entries are sent to.
	const default_log_topic_prefix = "bro/logs/" &redef;

	## Whether a node passes on the messages it receives to its other
	## peers whose subscriptions match (never back to the sender).  With
	## the default F a message travels one hop.
	const forward_messages = F &redef;

	## Network-level information about an endpoint.
	type NetworkInfo: record {
		## The address or host name of the endpoint.
		address: string &log;
		## The port the endpoint listens on, or connected to.
		bound_port: port &log;
	};

	## An endpoint, as reported by the peering events.
	type EndpointInfo: record {
		## The endpoint's unique identifier (its
		## :bro:see:`Broker::node_id`).
		id: string;
		## Where the endpoint is reachable, if known.
		network: NetworkInfo &optional;
	};

	## Why a Broker operation failed (the same values as comm.bif's).
	type ErrorCode: enum {
		UNSPECIFIED = 1,
		PEER_INCOMPATIBLE = 2,
		PEER_INVALID = 3,
		PEER_UNAVAILABLE = 4,
		PEER_TIMEOUT = 5,
		MASTER_EXISTS = 6,
		NO_SUCH_MASTER = 7,
		NO_SUCH_KEY = 8,
		REQUEST_TIMEOUT = 9,
		TYPE_CLASH = 10,
		INVALID_DATA = 11,
		BACKEND_FAILURE = 12,
		STALE_DATA = 13,
		CAF_ERROR = 100,
	};

	## The state of a peering.
	type PeerStatus: enum {
		## Being set up.
		INITIALIZING,
		## Connecting to the peer.
		CONNECTING,
		## Connected, handshake not yet finished.
		CONNECTED,
		## Peered: messages flow.
		PEERED,
		## The connection was lost.
		DISCONNECTED,
		## Trying to connect again.
		RECONNECTING,
	};

	## A peer and the state of the peering with it.
	type PeerInfo: record {
		## The peer.
		peer: EndpointInfo;
		## The peering's state.
		status: PeerStatus;
	};

	## The result of ``Broker::peers()``.
	type PeerInfos: vector of PeerInfo;

	## A value as Broker carries it; an unset *data* is Broker's nil.
	type Data: record {
		data: opaque of Broker::Data &optional;
	};

	## A sequence of Broker values.
	type DataVector: vector of Broker::Data;

	## An event with its arguments, as :bro:see:`Broker::make_event` makes it.
	type Event: record {
		name: string &optional;
		args: DataVector;
	};

	## A key and its value in a Broker table.
	type TableItem : record {
		key: Broker::Data;
		val: Broker::Data;
	};

	## Raised on both ends when a peering has been established.
	##
	## endpoint: the other end.
	##
	## msg: "received handshake from remote core" on the side that
	##      called :bro:see:`Broker::peer`, "handshake successful" on
	##      the side that accepted.
	global peer_added: event(endpoint: EndpointInfo, msg: string);

	## Raised on the side that removed a peering with ``Broker::unpeer``.
	##
	## endpoint: the other end.
	##
	## msg: "removed peering".
	global peer_removed: event(endpoint: EndpointInfo, msg: string);

	## Raised when an established peer went away (it terminated, crashed,
	## or removed the peering).
	##
	## endpoint: the other end.
	##
	## msg: "lost remote peer".
	global peer_lost: event(endpoint: EndpointInfo, msg: string);

	## Returns this endpoint's unique identifier.
	global node_id: function(): string;

	## Stops peering with a remote endpoint; the other side sees
	## :bro:see:`Broker::peer_lost`, this one
	## :bro:see:`Broker::peer_removed`.
	##
	## a: the address given to :bro:see:`Broker::peer`.
	##
	## p: the port given to :bro:see:`Broker::peer`.
	##
	## Returns: T if there was such a peering.
	global unpeer: function(a: string, p: port): bool;

	## Returns the current peerings.
	global peers: function(): PeerInfos;

	## Stops receiving the topics that start with *topic_prefix*.
	##
	## topic_prefix: a prefix given to :bro:see:`Broker::subscribe`.
	##
	## Returns: T.
	global unsubscribe: function(topic_prefix: string): bool;

	## Passes on messages whose topic starts with *topic_prefix* (and
	## subscribes to it).
	##
	## topic_prefix: a byte prefix of the topics to pass on.
	##
	## Returns: T.
	global forward: function(topic_prefix: string): bool;

	## Sends the log entries written so far.
	##
	## Returns: the number of log streams flushed.
	global flush_logs: function(): count;

	## Publishes the value of a global identifier.
	##
	## topic: the topic to publish to.
	##
	## id: the identifier's name.
	##
	## Returns: T.
	global publish_id: function(topic: string, id: string): bool;

	## Publishes event *ev* to *topic* whenever it is raised on this node,
	## before its local handlers run.  Events received from peers are not
	## published again.
	##
	## topic: the topic to publish to.
	##
	## ev: the event.
	##
	## Returns: T, or F if *ev* is not an event.
	global auto_publish: function(topic: string, ev: any): bool;

	## Undoes :bro:see:`Broker::auto_publish`.
	##
	## topic: the topic given to :bro:see:`Broker::auto_publish`.
	##
	## ev: the event given to :bro:see:`Broker::auto_publish`.
	##
	## Returns: T, or F if *ev* is not an event.
	global auto_unpublish: function(topic: string, ev: any): bool;

	## Subscribes to every topic that starts with *topic_prefix*.
	##
	## topic_prefix: a byte prefix of the topics to receive.
	##
	## Returns: T.
	global subscribe: function(topic_prefix: string): bool;

	## Listens for incoming peerings.
	##
	## a: the address to listen on; empty means all addresses.
	##
	## p: the TCP port to listen on.
	##
	## retry: how long to wait before trying again if the port is in use.
	##
	## Returns: the bound port, or 0/tcp on failure.
	global listen: function(a: string &default = default_listen_address,
	                        p: port &default = default_port,
	                        retry: interval &default = default_listen_retry): port;

	## Starts peering with a remote endpoint.  The peering completes
	## later; :bro:see:`Broker::peer_added` reports it.
	##
	## a: the address of the remote endpoint.
	##
	## p: its TCP port.
	##
	## retry: how long to wait between connection attempts.
	##
	## Returns: T if the request was accepted.
	global peer: function(a: string, p: port &default = default_port,
	                      retry: interval &default = default_connect_retry): bool;

	## The topic of a log stream's entries when no other topic is chosen:
	## :bro:see:`Broker::default_log_topic_prefix` followed by the stream
	## id, e.g. "bro/logs/Conn::LOG".
	##
	## id: the stream.
	##
	## path: the log path (not used).
	##
	## Returns: the topic.
	global default_log_topic: function(id: Log::ID, path: string): string;
}

@load base/bif/comm.bif
@load base/bif/messaging.bif

module Broker;

function node_id(): string
	{
	return __node_id();
	}

function subscribe(topic_prefix: string): bool
	{
	return __subscribe(topic_prefix);
	}

function listen(a: string, p: port, retry: interval): port
	{
	# Bro schedules another attempt after *retry* when the port is busy.
	# broscript's listen never fails (cluster.md §5), so there is nothing
	# to retry.
	return __listen(a, p);
	}

function peer(a: string, p: port, retry: interval): bool
	{
	return __peer(a, p, retry);
	}

function unpeer(a: string, p: port): bool
	{
	return __unpeer(a, p);
	}

function peers(): PeerInfos
	{
	return __peers();
	}

function unsubscribe(topic_prefix: string): bool
	{
	return __unsubscribe(topic_prefix);
	}

function forward(topic_prefix: string): bool
	{
	return __forward(topic_prefix);
	}

function flush_logs(): count
	{
	return __flush_logs();
	}

function publish_id(topic: string, id: string): bool
	{
	return __publish_id(topic, id);
	}

function auto_publish(topic: string, ev: any): bool
	{
	return __auto_publish(topic, ev);
	}

function auto_unpublish(topic: string, ev: any): bool
	{
	return __auto_unpublish(topic, ev);
	}

function default_log_topic(id: Log::ID, path: string): string
	{
	return default_log_topic_prefix + cat(id);
	}

export {
	## The function that picks the topic a log entry is sent to.  The
	## cluster framework replaces it with
	## :bro:see:`Cluster::rr_log_topic` (see
	## :bro:see:`Cluster::enable_round_robin_logging`).
	const log_topic: function(id: Log::ID, path: string): string =
		default_log_topic &redef;
}
