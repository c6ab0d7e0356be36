# language.md §5.4: a sweep looks at table_incremental_step entries and comes back table_expire_delay later until it has walked the whole table, then table_expire_interval later
redef exit_only_after_terminate = T;
redef table_expire_interval = 1.25sec;
redef table_expire_delay = 0.25sec;
redef table_incremental_step = 1;
global t: set[count] &create_expire=2sec;
event tick(n: count)
	{
	print fmt("tick %d: %d entries", n, |t|);
	if ( n < 12 )
		schedule 0.25sec { tick(n + 1) };
	else
		terminate();
	}
event bro_init()
	{
	add t[1];
	add t[2];
	add t[3];
	schedule 0.125sec { tick(1) };
	}
