# The cluster framework.  Its pieces are chosen at parse time (cluster.md
# §0): pools and the API are always there; the layout, the connection
# setup and the node-type configuration only on a cluster node, that is
# when Cluster::node (the environment variable CLUSTER_NODE) is not empty.
@load ./main
@load ./pools
@load base/frameworks/broker

@if ( Cluster::is_enabled() )

# peer_description belongs to Bro's init-bare.bro; the redef has no effect
# that matters here, so it is only made if the prelude has it.
@ifdef ( peer_description )
redef peer_description = Cluster::node;
@endif

@if ( Cluster::enable_round_robin_logging )
redef Broker::log_topic = Cluster::rr_log_topic;
@endif

# The layout: a script named cluster-layout somewhere on the script path
# (BROPATH), holding "redef Cluster::nodes = { ... };" and maybe
# "redef Cluster::manager_is_logger = F;".  It is required.
@load cluster-layout

@if ( Cluster::node in Cluster::nodes )

@load ./setup-connections

@if ( Cluster::nodes[Cluster::node]$node_type == Cluster::MANAGER )
@load ./nodes/manager
# A manager that receives logs is configured as a logger as well.
@if ( Cluster::manager_is_logger )
@load ./nodes/logger
@endif
@endif

@if ( Cluster::nodes[Cluster::node]$node_type == Cluster::LOGGER )
@load ./nodes/logger
@endif

@if ( Cluster::nodes[Cluster::node]$node_type == Cluster::PROXY )
@load ./nodes/proxy
@endif

@if ( Cluster::nodes[Cluster::node]$node_type == Cluster::WORKER )
@load ./nodes/worker
@endif

@endif
@endif
