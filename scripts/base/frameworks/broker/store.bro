##! The part of Bro's Broker data store API that the cluster framework
##! needs: only the backend kinds that name its store defaults
##! (:bro:see:`Cluster::default_backend`,
##! :bro:see:`Cluster::default_persistent_backend`).  Data stores
##! themselves are not provided.

module Broker;

export {
	## The storage backend of a data store.
	type BackendType: enum {
		## In memory.
		MEMORY,
		## In an SQLite database.
		SQLITE,
		## In a RocksDB database.
		ROCKSDB,
	};
}
