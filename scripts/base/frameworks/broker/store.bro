##! Broker data stores and data values: the types that the data.bif and
##! store.bif builtins use (bifs/probabilistic-broker.md).

@load ./main
@load base/bif/data.bif

module Broker;

export {
	## How often a clone tries to reach its master again.
	const default_clone_resync_interval = 10sec &redef;

	## How long a clone without its master keeps answering queries.
	const default_clone_stale_interval = 5min &redef;

	## How long a clone without its master buffers its changes.
	const default_clone_mutation_buffer_interval = 2min &redef;

	## Whether a store query succeeded.
	type QueryStatus: enum {
		SUCCESS,
		FAILURE,
	};

	## A store query's answer.
	type QueryResult: record {
		status: Broker::QueryStatus;
		result: Broker::Data;
	};

	## The storage backend of a data store.
	type BackendType: enum {
		## In memory.
		MEMORY,
		## In an SQLite database.
		SQLITE,
		## In a RocksDB database.
		ROCKSDB,
	};

	## Options of the SQLite backend.
	type SQLiteOptions: record {
		path: string &default = "";
	};

	## Options of the RocksDB backend.
	type RocksDBOptions: record {
		path: string &default = "";
	};

	## Options of every backend.
	type BackendOptions: record {
		sqlite: SQLiteOptions &default = SQLiteOptions();
		rocksdb: RocksDBOptions &default = RocksDBOptions();
	};
}

@load base/bif/store.bif
