"""The old (pre-Broker) communication system and persistent state
(bifs/core-3.md §1.4, §8), as Bro 2.6 behaves with no peers and without
enable_communication(): most calls report success and do nothing.  The
start-up refusal of the deprecated calls: checker/expressions.py notes
each call of one (OLD_COMM_CALLS) and interp.py refuses to run."""
from __future__ import annotations

import os
import struct
import time
import weakref

from ..errors import NoValue
from ..runtime.values import RecordVal, make_port
from .netutil import c_string, fs, global_value, make_record, runtime_error, runtime_info
from .registry import builtin

# Bro's serialization format version, written in every file header (§8)
FORMAT_VERSION = 26


class _CommState:
    def __init__(self):
        self.local_peer = None
        self.suspended = 0
        self.captures = {}          # "events"/"state" -> open file object


_states: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _state(ctx) -> _CommState:
    st = _states.get(ctx.interp)
    if st is None:
        st = _states[ctx.interp] = _CommState()
    return st


def _header() -> bytes:
    return b"BRST" + struct.pack(">HI", FORMAT_VERSION, int(time.time()) & 0xFFFFFFFF)


def _state_dir(ctx) -> str:
    return global_value(ctx, "state_dir", b".state").decode("latin-1")


def _make_dir(path: str) -> None:
    try:
        os.makedirs(fs(path), mode=0o700, exist_ok=True)
    except OSError:
        pass


@builtin("function enable_communication(): any &deprecated")
def enable_communication(ctx):
    # Bro would fork its communication child here and keep the main loop
    # running; broscript has no old-style peers, so this is all it does.
    raise NoValue


@builtin("function checkpoint_state(): bool")
def checkpoint_state(ctx):
    """Writes <state_dir>/state.bst through <state_dir>/.tmp (§8).  broscript
    keeps no &persistent values, so the file holds only the header."""
    d = _state_dir(ctx)
    tmp = os.path.join(d, ".tmp")
    _make_dir(d)
    _make_dir(tmp)
    try:
        with open(fs(os.path.join(tmp, "state.bst")), "wb") as fh:
            fh.write(_header())
        os.replace(fs(os.path.join(tmp, "state.bst")), fs(os.path.join(d, "state.bst")))
    except OSError:
        pass
    return True


@builtin("function rescan_state(): bool")
def rescan_state(ctx):
    d = _state_dir(ctx)
    for name in ("config.bst", "state.bst"):
        try:
            os.unlink(fs(os.path.join(d, name)))
        except OSError:
            pass
    return True


def _capture(ctx, which, filename):
    st = _state(ctx)
    old = st.captures.pop(which, None)
    if old is not None:
        old.close()
    name = c_string(ctx, filename)
    try:
        fd = os.open(fs(name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        fh = os.fdopen(fd, "wb")
        fh.write(_header())
        fh.flush()
    except OSError as ex:
        runtime_error(ctx, f"can't open file {name} for writing: {ex.strerror}")
        return False
    st.captures[which] = fh
    return True


@builtin("function capture_events(filename: string): bool")
def capture_events(ctx, filename):
    return _capture(ctx, "events", filename)


@builtin("function capture_state_updates(filename: string): bool")
def capture_state_updates(ctx, filename):
    return _capture(ctx, "state", filename)


@builtin("function connect(ip: addr, zone_id: string, p: port, our_class: string, retry: interval, ssl: bool): count &deprecated")
def connect(ctx, ip, zone_id, p, our_class, retry, ssl):
    return 1            # the success flag read as a peer id (§8)


@builtin("function disconnect(p: event_peer): bool &deprecated")
def disconnect(ctx, p):
    return True


@builtin("function request_remote_events(p: event_peer, handlers: pattern): bool &deprecated")
def request_remote_events(ctx, p, handlers):
    return True


@builtin("function request_remote_sync(p: event_peer, auth: bool): bool &deprecated")
def request_remote_sync(ctx, p, auth):
    return True


@builtin("function request_remote_logs(p: event_peer): bool &deprecated")
def request_remote_logs(ctx, p):
    return True


@builtin("function set_accept_state(p: event_peer, accept: bool): bool &deprecated")
def set_accept_state(ctx, p, accept):
    return True


@builtin("function set_compression_level(p: event_peer, level: count): bool &deprecated")
def set_compression_level(ctx, p, level):
    return True


@builtin("function listen(ip: addr, p: port, ssl: bool, ipv6: bool, zone_id: string, retry_interval: interval): bool &deprecated")
def listen(ctx, ip, p, ssl, ipv6, zone_id, retry_interval):
    return True


@builtin("function send_state(p: event_peer): bool")
def send_state(ctx, p):
    runtime_info(ctx, "Sending state...")
    # Bro's persistence serializer leaves a header-only file named "(null)"
    # in the state directory (§8 send_state)
    d = _state_dir(ctx)
    _make_dir(d)
    try:
        with open(fs(os.path.join(d, "(null)")), "wb") as fh:
            fh.write(_header())
    except OSError:
        pass
    return True


@builtin("function send_id(p: event_peer, id: string): bool &deprecated")
def send_id(ctx, p, id):
    name = c_string(ctx, id)
    if name not in ctx.interp.globals:
        runtime_error(ctx, f"send_id: no global id {name}")
        return False
    return True


@builtin("function terminate_communication(): bool &deprecated")
def terminate_communication(ctx):
    h = ctx.interp.event_handler("remote_log")
    if h is not None and h.bodies:
        # LogInfo from the parent process (RemoteSerializer's Log levels)
        ctx.rt.queue_event("remote_log", [1, 2, b"terminating..."])
    return False


@builtin("function complete_handshake(p: event_peer): bool &deprecated")
def complete_handshake(ctx, p):
    return True


@builtin("function send_ping(p: event_peer, seq: count): bool &deprecated")
def send_ping(ctx, p, seq):
    return True


@builtin("function send_current_packet(p: event_peer): bool &deprecated")
def send_current_packet(ctx, p):
    return False        # no current packet in a script-only run


def _local_peer(ctx) -> RecordVal:
    """The one shared record (§1.4): changes to it are seen by later calls."""
    st = _state(ctx)
    if st.local_peer is None:
        st.local_peer = make_record(
            ctx, "event_peer", id=0, host=(0xFFFF << 32) | 0x7F000001,
            p=make_port(0, "unknown"), is_local=True,
            descr=global_value(ctx, "peer_description", b"bro"))
    return st.local_peer


@builtin("function get_event_peer(): event_peer &deprecated")
def get_event_peer(ctx):
    if ctx.rt.remote:
        runtime_error(ctx, "get_event_peer() does not support Broker events")
    return _local_peer(ctx)


@builtin("function get_local_event_peer(): event_peer &deprecated")
def get_local_event_peer(ctx):
    return _local_peer(ctx)


@builtin("function send_capture_filter(p: event_peer, s: string): bool &deprecated")
def send_capture_filter(ctx, p, s):
    return True


@builtin("function suspend_processing(): any")
def suspend_processing(ctx):
    st = _state(ctx)
    if st.suspended == 0:
        runtime_info(ctx, "processing suspended")
    st.suspended += 1
    raise NoValue


@builtin("function continue_processing(): any")
def continue_processing(ctx):
    st = _state(ctx)
    if st.suspended == 1:
        runtime_info(ctx, "processing continued")
    st.suspended -= 1
    raise NoValue


@builtin("function suspend_state_updates(): any &deprecated")
def suspend_state_updates(ctx):
    raise NoValue


@builtin("function resume_state_updates(): any &deprecated")
def resume_state_updates(ctx):
    raise NoValue
