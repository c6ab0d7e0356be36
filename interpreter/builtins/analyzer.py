"""analyzer.bif (bifs/strings-reporter-misc.md §7): the internals behind
base/frameworks/analyzer.  Their effects show only on traffic; what a
script sees is their results and messages."""
from __future__ import annotations

import weakref

from ..runtime.values import EnumVal, port_proto
from .recordvals import result_type
from .registry import builtin

_PREFIX = "Analyzer::ANALYZER_"

# per runtime: tag name -> enabled
_ENABLED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_PORTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def known(tag) -> bool:
    return tag.name is not None and tag.name in tag.etype.values


def _set(ctx, tag, on: bool) -> bool:
    if not known(tag):
        return False
    _ENABLED.setdefault(ctx.rt, {})[tag.name] = on
    return True


@builtin("function Analyzer::__enable_analyzer(id: Analyzer::Tag): bool", lazy=True)
def enable_analyzer(ctx, tag):
    return _set(ctx, tag, True)


@builtin("function Analyzer::__disable_analyzer(id: Analyzer::Tag): bool", lazy=True)
def disable_analyzer(ctx, tag):
    return _set(ctx, tag, False)


@builtin("function Analyzer::__disable_all_analyzers(): any")
def disable_all_analyzers(ctx):
    from ..errors import NoValue
    st = _ENABLED.setdefault(ctx.rt, {})
    gid = ctx.interp.globals.get("Analyzer::Tag")
    if gid is not None and gid.type is not None:
        for name in gid.type.values:
            st[name] = False
    raise NoValue               # no value: use it as a statement (§7)


@builtin("function Analyzer::__register_for_port(id: Analyzer::Tag, p: port): bool", lazy=True)
def register_for_port(ctx, tag, p):
    if not known(tag):
        return False
    if port_proto(p) not in ("tcp", "udp"):
        ctx.rt.reporter.write("internal warning: unsupported transport protocol in "
                              "analyzer::Manager::LookupPort")
        return False
    _PORTS.setdefault(ctx.rt, set()).add((tag.name, p))
    return True


@builtin("function Analyzer::__schedule_analyzer(orig: addr, resp: addr, resp_p: port, "
         "analyzer: Analyzer::Tag, tout: interval): bool", lazy=True)
def schedule_analyzer(ctx, orig, resp, resp_p, analyzer, tout):
    if ctx.rt.network_time == 0.0:
        ctx.rt.reporter.warning("cannot schedule analyzers before processing begins; ignored",
                                ctx.loc)
    return True


@builtin("function __name(atype: Analyzer::Tag): string", lazy=True, module="Analyzer")
def name(ctx, tag):
    if not known(tag):
        return b"<error>"
    return tag.name[len(_PREFIX):].encode("latin-1") if tag.name.startswith(_PREFIX) \
        else tag.name.encode("latin-1")


@builtin("function __tag(name: string): Analyzer::Tag", lazy=True, module="Analyzer")
def tag(ctx, name):
    et = result_type(ctx)
    want = _PREFIX + name.decode("latin-1").upper()
    for full, v in et.values.items():
        if full.upper() == want.upper():
            return v
    return EnumVal(et, None, 0)         # the unnamed value 0: prints <undefined>
