# language.md §2.4.1/§3.6: enumerators of a module print qualified; unqualified inside the module, qualified outside
module Cluster2;
export {
	type NodeType: enum { NONE, PROXY, WORKER };
	global kind: function(): NodeType;
}
function kind(): NodeType { return PROXY; }
module GLOBAL;
print Cluster2::PROXY, Cluster2::kind(), |Cluster2::WORKER|;
