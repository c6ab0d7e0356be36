# bifs/core-3.md §7: install_* always give T; uninstall_* give T only when a rule with exactly that key existed; an address is the same key as its IPv4 /32 subnet
print install_src_addr_filter(1.2.3.4, 2, 0.5), install_src_addr_filter(1.2.3.4, 0, 1.0);
print uninstall_src_addr_filter(1.2.3.4), uninstall_src_addr_filter(1.2.3.4);
print install_src_net_filter(10.0.0.0/8, 0, 100.0), uninstall_src_net_filter(10.0.0.0/16), uninstall_src_net_filter(10.0.0.0/8);
print install_dst_addr_filter(5.6.7.8, 2, 0.25), uninstall_dst_net_filter(5.6.7.8/32), uninstall_dst_addr_filter(5.6.7.8);
print install_dst_net_filter([2001:db8::]/32, 0, 0.5), uninstall_src_net_filter([2001:db8::]/32), uninstall_dst_net_filter([2001:db8::]/32);
print install_src_addr_filter([::1], 0, 0.0), uninstall_dst_addr_filter([::1]), uninstall_src_addr_filter([::1]);
