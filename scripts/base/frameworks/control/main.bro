##! The part of Bro's control framework that the cluster framework loads:
##! declarations only.  Nothing in broscript's cluster scripts calls or
##! raises any of them (cluster.md §0); they exist so that scripts naming
##! them parse.

module Control;

export {
	## The topic prefix of control requests and responses.
	const topic_prefix = "bro/control" &redef;

	## The command this instance was asked to run, when it is a
	## controller.
	const cmd = "" &redef;

	## The argument of :bro:see:`Control::cmd`.
	const arg = "" &redef;

	## Asks a peer for the value of a global identifier.
	global id_value_request: event(id: string);

	## Answers :bro:see:`Control::id_value_request`.
	global id_value_response: event(id: string, val: string);

	## Asks a peer for its peering status.
	global peer_status_request: event();

	## Answers :bro:see:`Control::peer_status_request`.
	global peer_status_response: event(s: string);

	## Asks a peer for its network statistics.
	global net_stats_request: event();

	## Answers :bro:see:`Control::net_stats_request`.
	global net_stats_response: event(s: string);

	## Asks a peer to reload its configuration.
	global configuration_update_request: event();

	## Answers :bro:see:`Control::configuration_update_request`.
	global configuration_update_response: event();

	## Asks a peer to shut down.
	global shutdown_request: event();

	## Answers :bro:see:`Control::shutdown_request`.
	global shutdown_response: event();
}
