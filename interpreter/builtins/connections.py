"""Connection, packet and analyzer builtins (bifs/core-3.md §2, §5, §9).

broscript runs scripts only: no packet is ever processed and the session
table is empty, so these give what Bro 2.6 gives in such a run.  Only
dump_packet does real work: it writes pcap files."""
from __future__ import annotations

import os
import struct
import weakref

from ..runtime.describe import describe
from ..runtime.files import open_disk
from ..runtime.values import TableVal, make_port
from .netutil import c_string, fs, global_value, make_record, runtime_error
from .registry import builtin


@builtin("function connection_exists(c: conn_id): bool")
def connection_exists(ctx, c):
    return False


def _zero_conn_id(ctx):
    return make_record(ctx, "conn_id", orig_h=0xFFFF << 32, orig_p=make_port(0, "udp"),
                       resp_h=0xFFFF << 32, resp_p=make_port(0, "udp"))


@builtin("function lookup_connection(cid: conn_id): connection")
def lookup_connection(ctx, cid):
    """Always the error and Bro's dummy record (§2 lookup_connection)."""
    cid_t = ctx.interp.globals["conn_id"].type
    ctx.builtin_error("connection ID not a known connection",
                      describe(cid_t, cid).decode("latin-1"))
    conn_t = ctx.interp.globals["connection"].type
    ep_t = conn_t.field("orig").type
    service_t = conn_t.field("service").type
    return make_record(
        ctx, conn_t, id=_zero_conn_id(ctx),
        orig=make_record(ctx, ep_t, size=0, state=0),
        resp=make_record(ctx, ep_t, size=0, state=0),
        start_time=ctx.rt.network_time, duration=0.0,
        service=TableVal(service_t), history=b"")


@builtin("function dump_current_packet(file_name: string): bool")
def dump_current_packet(ctx, file_name):
    # no current packet in a script-only run: F at once, no file (§2)
    return False


@builtin("function get_current_packet(): pcap_packet")
def get_current_packet(ctx):
    return make_record(ctx, "pcap_packet", ts_sec=0, ts_usec=0, caplen=0, len=0,
                       data=b"", link_type=ctx.interp.globals["LINK_UNKNOWN"].value)


@builtin("function get_current_packet_header(): raw_pkt_hdr")
def get_current_packet_header(ctx):
    return make_record(ctx, "raw_pkt_hdr")


# ------------------------------------------------------------ pcap dumping

class _Dumper:
    """Bro's one extra dump file, shared by dump_packet and
    dump_current_packet (§2 dump_packet)."""

    def __init__(self, name, now):
        self.name = name
        self.stream = None
        self.failed = False
        self.open_time = now


_dumpers: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

# the header's link type is always Ethernet; sizes of the link headers the
# packet parser checks for a truncated_link_header weird
_DLT_EN10MB = 1
_LINK_HDR = {0: 4, 1: 14}


def _dumper(ctx, name: str) -> _Dumper:
    d = _dumpers.get(ctx.interp)
    if d is not None and d.name == name:
        return d
    if d is not None and d.stream is not None:
        d.stream.close()
    d = _dumpers[ctx.interp] = _Dumper(name, ctx.rt.network_time)
    path = fs(name)
    try:
        exists = os.path.getsize(path) > 0
    except OSError:
        exists = False
    try:
        d.stream = open_disk(path, True)
    except OSError:
        d.failed = True
        return d
    if not exists:
        snaplen = global_value(ctx, "Pcap::snaplen", 9216)
        d.stream.write(struct.pack("=IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, _DLT_EN10MB))
    return d


def close_dumper(ctx, name: str):
    """rotate_file_by_name closes the extra dump file first when it is the
    file named (§6): its open time, or None when it is not."""
    d = _dumpers.get(ctx.interp)
    if d is None or d.name != name:
        return None
    if d.stream is not None:
        d.stream.close()
    del _dumpers[ctx.interp]
    return d.open_time


@builtin("function dump_packet(pkt: pcap_packet, file_name: string): bool")
def dump_packet(ctx, pkt, file_name):
    name = c_string(ctx, file_name)
    d = _dumper(ctx, name)
    if d.failed:
        return False
    rt = pkt.rtype
    get = lambda f: pkt.vals[rt.index[f]]           # noqa: E731
    caplen, data = get("caplen"), get("data")
    link = get("link_type")
    need = _LINK_HDR.get(link.num if link else -1)
    if need is not None and caplen < need:
        h = ctx.interp.event_handler("net_weird")
        if h is not None and h.bodies:
            ctx.rt.queue_event("net_weird", [b"truncated_link_header"])
    body = data[:caplen].ljust(caplen, b"\0")
    rec = struct.pack("=IIII", get("ts_sec") & 0xFFFFFFFF, get("ts_usec") & 0xFFFFFFFF,
                      caplen & 0xFFFFFFFF, get("len") & 0xFFFFFFFF)
    return d.stream.write(rec + body)


# ------------------------------------------------------------ analyzers (§5)

@builtin("function disable_analyzer(cid: conn_id, aid: count, err_if_no_conn: bool &default=T): bool")
def disable_analyzer(ctx, cid, aid, err_if_no_conn):
    # printed whatever err_if_no_conn says (§5 disable_analyzer)
    runtime_error(ctx, "cannot find connection")
    return False


@builtin("function skip_further_processing(cid: conn_id): bool")
def skip_further_processing(ctx, cid):
    return False


@builtin("function set_record_packets(cid: conn_id, do_record: bool): bool")
def set_record_packets(ctx, cid, do_record):
    return False


@builtin("function set_inactivity_timeout(cid: conn_id, t: interval): interval")
def set_inactivity_timeout(ctx, cid, t):
    return 0.0          # a plain interval: prints as a double (§1.1)


@builtin("function match_signatures(c: connection, pattern_type: int, s: string, bol: bool, "
         "eol: bool, from_orig: bool, clear: bool): bool")
def match_signatures(ctx, c, pattern_type, s, bol, eol, from_orig, clear):
    # Bro 2.6 crashes here: a script-made connection record has no
    # connection behind it (§9).  We report that and go on.
    ctx.builtin_error("connection record has no connection in the event engine")
    return False
