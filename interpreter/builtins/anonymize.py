"""Address anonymization builtins (bifs/core-3.md §9).  In Bro 2.6 the
anonymizers are never initialized: preserve_* are no-ops and
anonymize_addr keeps IPv4 addresses as they are."""
from __future__ import annotations

from ..errors import NoValue
from ..runtime.values import addr_is_v4
from .netutil import global_value
from .registry import builtin


@builtin("function preserve_prefix(a: addr, width: count): any")
def preserve_prefix(ctx, a, width):
    raise NoValue       # returns nothing (§1.1)


@builtin("function preserve_subnet(a: subnet): any")
def preserve_subnet(ctx, a):
    raise NoValue


_CLASS_GLOBALS = {"ORIG_ADDR": ("orig_addr_anonymization", "preserve_orig_addr"),
                  "RESP_ADDR": ("resp_addr_anonymization", "preserve_resp_addr"),
                  "OTHER_ADDR": ("other_addr_anonymization", "preserve_other_addr")}


@builtin("function anonymize_addr(a: addr, cl: IPAddrAnonymizationClass): addr")
def anonymize_addr(ctx, a, cl):
    if not addr_is_v4(a):
        ctx.builtin_error("anonymize_addr() not supported for IPv6 addresses")
        raise NoValue
    method_name, preserve_name = _CLASS_GLOBALS.get(cl.name, (None, None))
    preserve = global_value(ctx, preserve_name) if preserve_name else None
    kept = preserve is not None and hasattr(preserve, "data") and a in preserve.data
    method = global_value(ctx, method_name, 0) if method_name else 0
    if method and not kept:
        # Bro aborts here (internal error); we report it in Bro's words and
        # go on with the address unchanged
        msg = "IP anonymizer not initialized" if 1 <= method <= 4 else \
            "invalid IP anonymization method"
        ctx.rt.reporter.write(f"internal error: {msg}")
    h = ctx.interp.event_handler("anonymization_mapping")
    if h is not None and h.bodies:
        ctx.rt.queue_event("anonymization_mapping", [a, a])
    return a
