# Bro 2.6's base/utils/queue, site, thresholds, urls, hash_hrw and json, as Bro's btests scripts/base/utils/{queue,site,thresholds,urls,hash_hrw,json} use them (hash_hrw outcomes: spec hash-vectors.json get_site).
@load base/utils/queue
@load base/utils/site
@load base/utils/thresholds
@load base/utils/urls
@load base/utils/hash_hrw
@load base/utils/json

redef Site::local_nets += { 10.0.0.0/8 };

type Rec: record {
	c: count &optional;
	s: string &log;
};

event bro_init()
	{
	local q = Queue::init([$max_len=2]);
	Queue::put(q, 1);
	Queue::put(q, 2);
	Queue::put(q, 3);
	print Queue::len(q), Queue::peek(q);
	local qv: vector of count = vector();
	Queue::get_vector(q, qv);
	print qv, Queue::get(q), Queue::len(q);

	print Site::is_local_addr(10.2.3.4), Site::is_local_addr(1.2.3.4);
	print Site::is_private_addr(192.168.1.1), Site::is_private_addr(8.8.8.8);

	local tc = new_track_count();
	tc$n = 30;
	print default_check_threshold(tc), tc$index, default_check_threshold(tc), tc$index;

	print find_all_urls("see http://bro.org/x ok");
	print find_all_urls_without_scheme("see http://bro.org/x");
	local u = decompose_uri("https://user@www.example.com:8080/path/to/file.php?a=1");
	print u$scheme, u$netlocation, u$portnum, u$path, u$file_name, u$file_base, u$file_ext, u$params["a"];
	print decompose_uri("/just/a/path");

	local pool: HashHRW::Pool;
	for ( i in vector(0, 1, 2, 3, 4) )
		if ( i != 2 )
			HashHRW::add_site(pool, HashHRW::Site($id=i));
	print HashHRW::get_site(pool, "one")$id, HashHRW::get_site(pool, "two")$id,
	      HashHRW::get_site(pool, "five")$id, HashHRW::get_site(pool, 1)$id, HashHRW::get_site(pool, 2)$id;

	print to_json(T), to_json(123), to_json(-999), to_json(3.14), to_json("a\"b");
	print to_json(65535/tcp), to_json(1.2.3.4), to_json(192.0.0.0/8), to_json(-12hr);
	print to_json(Rec($c=1, $s="test"), T), to_json(vector(2, 1)), to_json(set(5)), to_json(table([1] = "x"));
	}
