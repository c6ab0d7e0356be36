"""stats.bif (bifs/strings-reporter-misc.md §5): each call a new record.
broscript reads no packets, so the packet, connection, reassembly, gap,
file and signature counters are those of Bro's packet-free run: 0."""
from __future__ import annotations

import resource
import time

from ..runtime.values import Interval, TableVal
from .recordvals import result_type
from .registry import builtin
from .reporter import weird_state

_STARTED = time.time()          # the process's start, as Bro takes it at start-up


def _zeros(ctx, **vals):
    """A record of the result type: every count field 0 but those given."""
    t = result_type(ctx)
    from ..runtime.values import RecordVal
    return RecordVal(t, [vals.get(f.name, 0) for f in t.fields])


@builtin("function get_net_stats(): NetStats", lazy=True)
def get_net_stats(ctx):
    return _zeros(ctx)


@builtin("function get_conn_stats(): ConnStats", lazy=True)
def get_conn_stats(ctx):
    return _zeros(ctx)


@builtin("function get_proc_stats(): ProcStats", lazy=True)
def get_proc_stats(ctx):
    ru = resource.getrusage(resource.RUSAGE_SELF)
    m32 = 0xFFFFFFFF
    # Bro stores a count 0 in `debug` (a release build) though the field
    # is a bool (§5); ours is the bool F
    return _zeros(ctx, debug=False, start_time=float(int(_STARTED * 1e6)) / 1e6,
                  real_time=Interval(time.time() - _STARTED),
                  user_time=Interval(ru.ru_utime), system_time=Interval(ru.ru_stime),
                  mem=(ru.ru_maxrss * 1024) & m32, minor_faults=ru.ru_minflt & m32,
                  major_faults=ru.ru_majflt & m32, num_swap=ru.ru_nswap & m32,
                  blocking_input=ru.ru_inblock & m32, blocking_output=ru.ru_oublock & m32,
                  num_context=ru.ru_nivcsw & m32)


@builtin("function get_event_stats(): EventStats", lazy=True)
def get_event_stats(ctx):
    return _zeros(ctx, queued=ctx.rt.events_queued, dispatched=ctx.rt.events_dispatched)


@builtin("function get_reassembler_stats(): ReassemblerStats", lazy=True)
def get_reassembler_stats(ctx):
    return _zeros(ctx)


@builtin("function get_dns_stats(): DNSStats", lazy=True)
def get_dns_stats(ctx):
    return _zeros(ctx)


@builtin("function get_timer_stats(): TimerStats", lazy=True)
def get_timer_stats(ctx):
    rt = ctx.rt
    return _zeros(ctx, current=len(rt.timers), max=rt.timers_max, cumulative=rt.timers_total)


@builtin("function get_file_analysis_stats(): FileAnalysisStats", lazy=True)
def get_file_analysis_stats(ctx):
    return _zeros(ctx)


@builtin("function get_thread_stats(): ThreadStats", lazy=True)
def get_thread_stats(ctx):
    return _zeros(ctx)


@builtin("function get_gap_stats(): GapStats", lazy=True)
def get_gap_stats(ctx):
    return _zeros(ctx)


@builtin("function get_matcher_stats(): MatcherStats", lazy=True)
def get_matcher_stats(ctx):
    return _zeros(ctx)


@builtin("function get_broker_stats(): BrokerStats", lazy=True)
def get_broker_stats(ctx):
    return _zeros(ctx)


@builtin("function get_reporter_stats(): ReporterStats", lazy=True)
def get_reporter_stats(ctx):
    st = weird_state(ctx)
    t = result_type(ctx)
    by_type = TableVal(t.field("weirds_by_type").type)
    for name, n in st.by_type.items():
        by_type.data[name] = [[name], n]
    return _zeros(ctx, weirds=st.total, weirds_by_type=by_type)
