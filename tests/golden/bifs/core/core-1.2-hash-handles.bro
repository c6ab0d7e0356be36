# bifs/core-1.md §2: one-shot digests, incremental handles valid until finish, copy() clones, update after finish errs at the handle's location
global early = md5_hash_init();

event bro_init()
	{
	print md5_hash("one"), md5_hash("one", "two", "three"), md5_hash();
	print sha1_hash("one"), sha256_hash("one");
	print md5_hash(1);
	local h = md5_hash_init();
	print type_name(h), h;
	print md5_hash_update(h, "one"), md5_hash_update(h, "two");
	local c = copy(h);
	md5_hash_update(h, "three");
	print md5_hash_finish(h) == md5_hash("one", "two", "three");
	print md5_hash_finish(c), md5_hash_finish(h) == "";
	print md5_hash_update(h, "four");
	local s1 = sha1_hash_init();
	sha1_hash_update(s1, "one");
	print sha1_hash_finish(s1), type_name(s1);
	local s2 = sha256_hash_init();
	sha256_hash_update(s2, "one");
	sha256_hash_update(s2, "two");
	sha256_hash_update(s2, "three");
	print sha256_hash_finish(s2), type_name(s2);
	print sha256_hash_update(s2, ""), sha1_hash_update(s1, "x");
	md5_hash_finish(early);
	print md5_hash_update(early, "x");
	}
