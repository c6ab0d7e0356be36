##! Broker's data and data store API (bifs/probabilistic-broker.md §3-§4):
##! the query and backend types, and script wrappers around the
##! ``Broker::__*`` builtins of data.bif and store.bif.  The wrappers add
##! nothing but the defaults of their parameters.

@load ./main
@load base/bif/data.bif

module Broker;

export {
	## The default interval after which a clone tries again to find its
	## master.
	const default_clone_resync_interval = 10sec &redef;

	## The default time after which a clone without a master counts as
	## stale (its queries are not answered).
	const default_clone_stale_interval = 5min &redef;

	## The default time a clone without a master keeps the writes sent to
	## it before it drops them.
	const default_clone_mutation_buffer_interval = 2min &redef;

	## Whether a store query succeeded.
	type QueryStatus: enum {
		SUCCESS,
		FAILURE,
	};

	## The answer to a store query.
	type QueryResult: record {
		## Whether the query succeeded.
		status: Broker::QueryStatus;
		## The value found (unset on failure).
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
		## The database file; empty means <store name>.sqlite.
		path: string &default = "";
	};

	## Options of the RocksDB backend.
	type RocksDBOptions: record {
		## The database directory; empty means <store name>.rocksdb.
		path: string &default = "";
	};

	## Options of all backends.
	type BackendOptions: record {
		## For SQLITE stores.
		sqlite: SQLiteOptions &default = SQLiteOptions();
		## For ROCKSDB stores.
		rocksdb: RocksDBOptions &default = RocksDBOptions();
	};

	global data: function(d: any): Data;
	global data_type: function(d: Data): DataType;
	global set_create: function(): Data;
	global set_clear: function(s: Data): bool;
	global set_size: function(s: Data): count;
	global set_contains: function(s: Data, key: any): bool;
	global set_insert: function(s: Data, key: any): bool;
	global set_remove: function(s: Data, key: any): bool;
	global set_iterator: function(s: Data): opaque of Broker::SetIterator;
	global set_iterator_last: function(it: opaque of Broker::SetIterator): bool;
	global set_iterator_next: function(it: opaque of Broker::SetIterator): bool;
	global set_iterator_value: function(it: opaque of Broker::SetIterator): Data;
	global table_create: function(): Data;
	global table_clear: function(t: Data): bool;
	global table_size: function(t: Data): count;
	global table_contains: function(t: Data, key: any): bool;
	global table_insert: function(t: Data, key: any, val: any): Data;
	global table_remove: function(t: Data, key: any): Data;
	global table_lookup: function(t: Data, key: any): Data;
	global table_iterator: function(t: Data): opaque of Broker::TableIterator;
	global table_iterator_last: function(it: opaque of Broker::TableIterator): bool;
	global table_iterator_next: function(it: opaque of Broker::TableIterator): bool;
	global table_iterator_value: function(it: opaque of Broker::TableIterator): TableItem;
	global vector_create: function(): Data;
	global vector_clear: function(v: Data): bool;
	global vector_size: function(v: Data): count;
	global vector_insert: function(v: Data, idx: count, d: any): bool;
	global vector_replace: function(v: Data, idx: count, d: any): Data;
	global vector_remove: function(v: Data, idx: count): Data;
	global vector_lookup: function(v: Data, idx: count): Data;
	global vector_iterator: function(v: Data): opaque of Broker::VectorIterator;
	global vector_iterator_last: function(it: opaque of Broker::VectorIterator): bool;
	global vector_iterator_next: function(it: opaque of Broker::VectorIterator): bool;
	global vector_iterator_value: function(it: opaque of Broker::VectorIterator): Data;
	global record_create: function(sz: count): Data;
	global record_size: function(r: Data): count;
	global record_assign: function(r: Data, idx: count, d: any): bool;
	global record_lookup: function(r: Data, idx: count): Data;
	global record_iterator: function(r: Data): opaque of Broker::RecordIterator;
	global record_iterator_last: function(it: opaque of Broker::RecordIterator): bool;
	global record_iterator_next: function(it: opaque of Broker::RecordIterator): bool;
	global record_iterator_value: function(it: opaque of Broker::RecordIterator): Data;
	global create_master: function(name: string, b: BackendType &default = MEMORY, options: BackendOptions &default = BackendOptions()): opaque of Broker::Store;
	global create_clone: function(name: string, resync_interval: interval &default = default_clone_resync_interval, stale_interval: interval &default = default_clone_stale_interval, mutation_buffer_interval: interval &default = default_clone_mutation_buffer_interval): opaque of Broker::Store;
	global is_closed: function(h: opaque of Broker::Store): bool;
	global close: function(h: opaque of Broker::Store): bool;
	global store_name: function(h: opaque of Broker::Store): string;
	global exists: function(h: opaque of Broker::Store, k: any): QueryResult;
	global get: function(h: opaque of Broker::Store, k: any): QueryResult;
	global put_unique: function(h: opaque of Broker::Store, k: any, v: any, e: interval &default=0sec): QueryResult;
	global get_index_from_value: function(h: opaque of Broker::Store, k: any, i: any): QueryResult;
	global keys: function(h: opaque of Broker::Store): QueryResult;
	global put: function(h: opaque of Broker::Store, k: any, v: any, e: interval &default=0sec): bool;
	global erase: function(h: opaque of Broker::Store, k: any): bool;
	global increment: function(h: opaque of Broker::Store, k: any, a: any &default = 1, e: interval &default=0sec): bool;
	global decrement: function(h: opaque of Broker::Store, k: any, a: any &default = 1, e: interval &default=0sec): bool;
	global append: function(h: opaque of Broker::Store, k: any, s: string, e: interval &default=0sec): bool;
	global insert_into_set: function(h: opaque of Broker::Store, k: any, i: any, e: interval &default=0sec): bool;
	global insert_into_table: function(h: opaque of Broker::Store, k: any, i: any, v: any, e: interval &default=0sec): bool;
	global remove_from: function(h: opaque of Broker::Store, k: any, i: any, e: interval &default=0sec): bool;
	global push: function(h: opaque of Broker::Store, k: any, v: any, e: interval &default=0sec): bool;
	global pop: function(h: opaque of Broker::Store, k: any, e: interval &default=0sec): bool;
	global clear: function(h: opaque of Broker::Store): bool;
}

@load base/bif/store.bif

function data(d: any): Data
	{
	return __data(d);
	}

function data_type(d: Data): DataType
	{
	return __data_type(d);
	}

function set_create(): Data
	{
	return __set_create();
	}

function set_clear(s: Data): bool
	{
	return __set_clear(s);
	}

function set_size(s: Data): count
	{
	return __set_size(s);
	}

function set_contains(s: Data, key: any): bool
	{
	return __set_contains(s, key);
	}

function set_insert(s: Data, key: any): bool
	{
	return __set_insert(s, key);
	}

function set_remove(s: Data, key: any): bool
	{
	return __set_remove(s, key);
	}

function set_iterator(s: Data): opaque of Broker::SetIterator
	{
	return __set_iterator(s);
	}

function set_iterator_last(it: opaque of Broker::SetIterator): bool
	{
	return __set_iterator_last(it);
	}

function set_iterator_next(it: opaque of Broker::SetIterator): bool
	{
	return __set_iterator_next(it);
	}

function set_iterator_value(it: opaque of Broker::SetIterator): Data
	{
	return __set_iterator_value(it);
	}

function table_create(): Data
	{
	return __table_create();
	}

function table_clear(t: Data): bool
	{
	return __table_clear(t);
	}

function table_size(t: Data): count
	{
	return __table_size(t);
	}

function table_contains(t: Data, key: any): bool
	{
	return __table_contains(t, key);
	}

function table_insert(t: Data, key: any, val: any): Data
	{
	return __table_insert(t, key, val);
	}

function table_remove(t: Data, key: any): Data
	{
	return __table_remove(t, key);
	}

function table_lookup(t: Data, key: any): Data
	{
	return __table_lookup(t, key);
	}

function table_iterator(t: Data): opaque of Broker::TableIterator
	{
	return __table_iterator(t);
	}

function table_iterator_last(it: opaque of Broker::TableIterator): bool
	{
	return __table_iterator_last(it);
	}

function table_iterator_next(it: opaque of Broker::TableIterator): bool
	{
	return __table_iterator_next(it);
	}

function table_iterator_value(it: opaque of Broker::TableIterator): TableItem
	{
	return __table_iterator_value(it);
	}

function vector_create(): Data
	{
	return __vector_create();
	}

function vector_clear(v: Data): bool
	{
	return __vector_clear(v);
	}

function vector_size(v: Data): count
	{
	return __vector_size(v);
	}

function vector_insert(v: Data, idx: count, d: any): bool
	{
	return __vector_insert(v, idx, d);
	}

function vector_replace(v: Data, idx: count, d: any): Data
	{
	return __vector_replace(v, idx, d);
	}

function vector_remove(v: Data, idx: count): Data
	{
	return __vector_remove(v, idx);
	}

function vector_lookup(v: Data, idx: count): Data
	{
	return __vector_lookup(v, idx);
	}

function vector_iterator(v: Data): opaque of Broker::VectorIterator
	{
	return __vector_iterator(v);
	}

function vector_iterator_last(it: opaque of Broker::VectorIterator): bool
	{
	return __vector_iterator_last(it);
	}

function vector_iterator_next(it: opaque of Broker::VectorIterator): bool
	{
	return __vector_iterator_next(it);
	}

function vector_iterator_value(it: opaque of Broker::VectorIterator): Data
	{
	return __vector_iterator_value(it);
	}

function record_create(sz: count): Data
	{
	return __record_create(sz);
	}

function record_size(r: Data): count
	{
	return __record_size(r);
	}

function record_assign(r: Data, idx: count, d: any): bool
	{
	return __record_assign(r, idx, d);
	}

function record_lookup(r: Data, idx: count): Data
	{
	return __record_lookup(r, idx);
	}

function record_iterator(r: Data): opaque of Broker::RecordIterator
	{
	return __record_iterator(r);
	}

function record_iterator_last(it: opaque of Broker::RecordIterator): bool
	{
	return __record_iterator_last(it);
	}

function record_iterator_next(it: opaque of Broker::RecordIterator): bool
	{
	return __record_iterator_next(it);
	}

function record_iterator_value(it: opaque of Broker::RecordIterator): Data
	{
	return __record_iterator_value(it);
	}

function create_master(name: string, b: BackendType, options: BackendOptions): opaque of Broker::Store
	{
	return __create_master(name, b, options);
	}

function create_clone(name: string, resync_interval: interval, stale_interval: interval, mutation_buffer_interval: interval): opaque of Broker::Store
	{
	return __create_clone(name, resync_interval, stale_interval, mutation_buffer_interval);
	}

function is_closed(h: opaque of Broker::Store): bool
	{
	return __is_closed(h);
	}

function close(h: opaque of Broker::Store): bool
	{
	return __close(h);
	}

function store_name(h: opaque of Broker::Store): string
	{
	return __store_name(h);
	}

function exists(h: opaque of Broker::Store, k: any): QueryResult
	{
	return __exists(h, k);
	}

function get(h: opaque of Broker::Store, k: any): QueryResult
	{
	return __get(h, k);
	}

function put_unique(h: opaque of Broker::Store, k: any, v: any, e: interval): QueryResult
	{
	return __put_unique(h, k, v, e);
	}

function get_index_from_value(h: opaque of Broker::Store, k: any, i: any): QueryResult
	{
	return __get_index_from_value(h, k, i);
	}

function keys(h: opaque of Broker::Store): QueryResult
	{
	return __keys(h);
	}

function put(h: opaque of Broker::Store, k: any, v: any, e: interval): bool
	{
	return __put(h, k, v, e);
	}

function erase(h: opaque of Broker::Store, k: any): bool
	{
	return __erase(h, k);
	}

function increment(h: opaque of Broker::Store, k: any, a: any, e: interval): bool
	{
	return __increment(h, k, a, e);
	}

function decrement(h: opaque of Broker::Store, k: any, a: any, e: interval): bool
	{
	return __decrement(h, k, a, e);
	}

function append(h: opaque of Broker::Store, k: any, s: string, e: interval): bool
	{
	return __append(h, k, s, e);
	}

function insert_into_set(h: opaque of Broker::Store, k: any, i: any, e: interval): bool
	{
	return __insert_into_set(h, k, i, e);
	}

function insert_into_table(h: opaque of Broker::Store, k: any, i: any, v: any, e: interval): bool
	{
	return __insert_into_table(h, k, i, v, e);
	}

function remove_from(h: opaque of Broker::Store, k: any, i: any, e: interval): bool
	{
	return __remove_from(h, k, i, e);
	}

function push(h: opaque of Broker::Store, k: any, v: any, e: interval): bool
	{
	return __push(h, k, v, e);
	}

function pop(h: opaque of Broker::Store, k: any, e: interval): bool
	{
	return __pop(h, k, e);
	}

function clear(h: opaque of Broker::Store): bool
	{
	return __clear(h);
	}
