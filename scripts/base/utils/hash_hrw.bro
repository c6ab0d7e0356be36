##! Rendezvous hashing, also known as highest random weight (HRW) hashing:
##! every key is owned by the site that gives it the highest weight, so
##! adding or removing a site only moves the keys that site owns or wins.
##! The cluster framework's pools use it (see
##! :bro:see:`Cluster::hrw_topic`).

module HashHRW;

export {
	## A participant in HRW hashing.
	type Site: record {
		## The site's identifier.  Weights are computed from its low
		## 32 bits, so ids should fit in 32 bits and be distinct.
		id: count;
		## Anything the user wants to find again through the site.
		user_data: any &optional;
	};

	## Sites indexed by their id.
	type SiteTable: table[count] of Site;

	## A set of sites over which keys are distributed.
	type Pool: record {
		## The pool's sites, indexed by id.
		sites: SiteTable &default = SiteTable();
	};

	## Adds a site to a pool.  A site whose id is already present is
	## not added and does not replace the existing one.
	##
	## pool: the pool to change.
	##
	## site: the site to add.
	##
	## Returns: T if the site was added, F if its id was already in the pool.
	global add_site: function(pool: Pool, site: Site): bool;

	## Removes the site with the same id as *site* from a pool.
	##
	## pool: the pool to change.
	##
	## site: the site to remove (only its id is used).
	##
	## Returns: T if a site was removed, F if the id was not in the pool.
	global rem_site: function(pool: Pool, site: Site): bool;

	## Returns the site that owns a key: the one with the largest
	## :bro:see:`hrw_weight` of the key's :bro:see:`fnv1a32` digest and
	## the site id.  Equal weights go to the larger site id, so the result
	## does not depend on table order.  The pool must not be empty.
	##
	## pool: the pool of sites.
	##
	## key: any value; it is hashed by its binary description.
	##
	## Returns: the winning site.
	global get_site: function(pool: Pool, key: any): Site;
}

function add_site(pool: Pool, site: Site): bool
	{
	if ( site$id in pool$sites )
		return F;

	pool$sites[site$id] = site;
	return T;
	}

function rem_site(pool: Pool, site: Site): bool
	{
	if ( site$id !in pool$sites )
		return F;

	delete pool$sites[site$id];
	return T;
	}

function get_site(pool: Pool, key: any): Site
	{
	local digest = fnv1a32(key);
	# Weights are never negative, so the first site always beats this.
	# On an empty pool the final lookup of id 0 fails (a run-time error);
	# Cluster::hrw_topic checks for that case first.
	local best_weight = -1;
	local best_id = 0;

	for ( site_id in pool$sites )
		{
		local weight = hrw_weight(digest, site_id);

		if ( weight > best_weight ||
		     (weight == best_weight && site_id > best_id) )
			{
			best_weight = weight;
			best_id = site_id;
			}
		}

	return pool$sites[best_id];
	}
