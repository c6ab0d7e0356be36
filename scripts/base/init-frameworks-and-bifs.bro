##! Loaded right after base/init-bare, also in bare mode (language.md §7):
##! the frameworks whose native side the core needs, then every generated
##! base/bif stub that init-bare and these frameworks have not loaded yet.

@load base/frameworks/logging
@load base/frameworks/broker
@load base/frameworks/input
@load base/frameworks/analyzer
@load base/frameworks/files

@load base/bif

@load base/bif/plugins
