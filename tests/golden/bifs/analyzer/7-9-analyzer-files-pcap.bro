# bifs/strings-reporter-misc.md §7, §8, §9, §11: analyzer tags and names, file analysis lookups and FileExtract::__set_limit without files, pcap filters without packet sources
@ifndef ( Analyzer::Tag )
module Analyzer;
export { type Tag: enum { ANALYZER_HTTP, ANALYZER_PIA_TCP }; }
module Files;
export { type Tag: enum { ANALYZER_MD5, ANALYZER_EXTRACT }; }
module GLOBAL;
@endif
@ifndef ( PcapFilterID )
type PcapFilterID: enum { None };
@endif

event bro_init()
	{
	print Analyzer::__name(Analyzer::ANALYZER_PIA_TCP), Analyzer::__tag("http"), Analyzer::__tag("HTTP"), Analyzer::__tag("no-such-analyzer");
	print Analyzer::__name(Analyzer::__tag("no-such-analyzer"));
	print Analyzer::__enable_analyzer(Analyzer::ANALYZER_HTTP), Analyzer::__disable_analyzer(Analyzer::ANALYZER_HTTP), Analyzer::__enable_analyzer(Analyzer::__tag("x"));
	print Analyzer::__register_for_port(Analyzer::ANALYZER_HTTP, 8080/tcp), Analyzer::__register_for_port(Analyzer::__tag("x"), 53/udp);
	print Analyzer::__register_for_port(Analyzer::ANALYZER_HTTP, 3/icmp);
	print Analyzer::__schedule_analyzer(1.2.3.4, 5.6.7.8, 80/tcp, Analyzer::ANALYZER_HTTP, 1 min);
	Analyzer::__disable_all_analyzers();
	print Files::__analyzer_name(Files::ANALYZER_MD5), Files::__analyzer_name(Files::ANALYZER_EXTRACT);
	print Files::__set_timeout_interval("FakNcS1Jfe01uljb3", 1 min), Files::__enable_reassembly("FakNcS1Jfe01uljb3"), Files::__disable_reassembly("FakNcS1Jfe01uljb3");
	print Files::__set_reassembly_buffer("FakNcS1Jfe01uljb3", 10), Files::__stop("FakNcS1Jfe01uljb3"), Files::__file_exists("asdf");
	print Files::__add_analyzer("asdf", Files::ANALYZER_MD5, [$x=1]), Files::__remove_analyzer("asdf", Files::ANALYZER_MD5, [$x=1]);
	set_file_handle("h");
	print FileExtract::__set_limit("asdf", [$x=1], 10);
	print "after lookup";
	print Pcap::precompile_pcap_filter(None, "tcp port 80"), Pcap::install_pcap_filter(None), Pcap::error();
	}
