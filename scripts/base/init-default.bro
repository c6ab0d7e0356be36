# broscript's default library: what is loaded unless broscript runs in
# bare mode (-b), like Bro's base/init-default.bro.  It holds only what
# broscript provides so far.
@load base/utils/hash_hrw
@load base/frameworks/logging
@load base/frameworks/reporter
@load base/frameworks/broker
@load base/frameworks/control
@load base/frameworks/cluster
@load base/frameworks/config
