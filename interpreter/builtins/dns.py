"""Asynchronous DNS lookups (bifs/core-3.md §1.3, §3): lookup_addr,
lookup_hostname, lookup_hostname_txt.  They answer only inside a `when`
condition (runtime/triggers.py).

* Fake mode (BRO_DNS_FAKE set in the interpreter's environment, to anything):
  Bro's made-up answers, given at once.
* Real mode: the query goes to the system resolver on a daemon thread, so
  the event loop never waits for it.  As in Bro, answers are taken in only
  by a main loop (`Triggers`' owner calling `take_dns_answers`); a plain
  script run has none, so its `when` bodies never run and a `timeout`
  block runs at shutdown.
"""
from __future__ import annotations

import hashlib
import threading

from ..runtime.addrs import addr_to_str
from ..runtime.triggers import MISSING, WhenPending
from ..runtime.values import TableVal, addr_from_v4
from .registry import builtin

# Bro's DNS_Mgr answers on time-out (§1.3 "Real mode")
TIMEOUT_TEXT = b"<???>"
TXT_MAX = 287


def _fake(ctx) -> bool:
    return ctx.rt.triggers.dns_fake


def _set_type(ctx):
    return ctx.interp.globals["addr_set"].type


def _addr_set(ctx, addrs) -> TableVal:
    t = TableVal(_set_type(ctx))
    for a in addrs:
        t.data[a] = [[a], None]
    return t


def _start(ctx, name, arg, fake_answer, resolve):
    """The common steps of the three lookups: the when-condition check, the
    cached answer, else start the query and abandon the condition."""
    triggers = ctx.rt.triggers
    t = triggers.current
    if t is None:
        ctx.builtin_error(f"{name}() can only be called inside a when-condition")
        return b"<error>"
    v = triggers.cached(ctx.desc)
    if v is not MISSING:
        return v
    call = ctx.desc
    if _fake(ctx):
        triggers.answer(t, call, fake_answer())
    else:
        _resolve_in_background(ctx, t, call, arg, resolve)
    raise WhenPending


# ------------------------------------------------------------ real mode

_answers_lock = threading.Lock()


def _resolve_in_background(ctx, trigger, call, arg, resolve):
    rt = ctx.rt
    box = getattr(rt, "dns_answers", None)
    if box is None:
        box = rt.dns_answers = []

    def work():
        value = resolve(arg)
        with _answers_lock:
            box.append((trigger, call, value))
    threading.Thread(target=work, daemon=True, name="broscript-dns").start()


def take_dns_answers(rt) -> None:
    """Hand the answers that arrived to their triggers: what Bro's main loop
    does (path C of language.md §5.3)."""
    box = getattr(rt, "dns_answers", None)
    if not box:
        return
    with _answers_lock:
        got, box[:] = list(box), []
    for trigger, call, value in got:
        rt.triggers.answer(trigger, call, value() if callable(value) else value)


def _reverse(a: int):
    import socket
    try:
        return socket.gethostbyaddr(addr_to_str(a))[0].encode("latin-1")
    except (OSError, UnicodeError):
        return TIMEOUT_TEXT


def _forward(host: bytes):
    import socket
    try:
        infos = socket.getaddrinfo(host.decode("latin-1"), None)
    except (OSError, UnicodeError):
        infos = []
    addrs = []
    for family, _, _, _, sockaddr in infos:
        if family == socket.AF_INET:
            a = addr_from_v4(int.from_bytes(socket.inet_aton(sockaddr[0]), "big"))
        elif family == socket.AF_INET6:
            a = int.from_bytes(socket.inet_pton(socket.AF_INET6, sockaddr[0].split("%")[0]), "big")
        else:
            continue
        if a not in addrs:
            addrs.append(a)
    # no answer: Bro's timeout set {0.0.0.0}; the set is made on the main
    # thread (the addr_set type belongs to the interpreter)
    return addrs or [addr_from_v4(0)]


def _txt(host: bytes):
    # the standard library has no TXT query: Bro's timeout answer
    return TIMEOUT_TEXT


# ------------------------------------------------------------ host name literals

def hostname_literal(interp, name: str, set_type) -> TableVal:
    """The value of a host name literal (`www.example.com`), resolved while
    the script is read (language.md §1.5): in fake mode the one address
    made of the name's MD5 digest (§1.3); otherwise the A and AAAA answers
    of the system resolver, waited for as Bro's DNS_Mgr::LookupHost waits,
    and an empty set when there are none."""
    host = name.encode("latin-1")
    if interp.runtime.triggers.dns_fake:
        addrs = [int.from_bytes(hashlib.md5(host).digest(), "big")]
    else:
        addrs = [a for a in _forward(host) if a != addr_from_v4(0)]
    t = TableVal(set_type)
    for a in addrs:
        t.data[a] = [[a], None]
    return t


# ------------------------------------------------------------ the builtins

@builtin("function lookup_addr(host: addr): string")
def lookup_addr(ctx, host):
    return _start(ctx, "lookup_addr", host,
                  lambda: b"fake_addr_lookup_result_" + addr_to_str(host).encode("ascii"),
                  _reverse)


@builtin("function lookup_hostname_txt(host: string): string")
def lookup_hostname_txt(ctx, host):
    return _start(ctx, "lookup_hostname_txt", host,
                  lambda: (b"fake_text_lookup_result_" + host)[:TXT_MAX], _txt)


@builtin("function lookup_hostname(host: string): addr_set")
def lookup_hostname(ctx, host):
    def fake():
        # one IPv6 address made of the name's MD5 digest (§1.3 fake mode)
        return _addr_set(ctx, [int.from_bytes(hashlib.md5(host).digest(), "big")])

    def real(h):
        addrs = _forward(h)
        return lambda: _addr_set(ctx, addrs)
    return _start(ctx, "lookup_hostname", host, fake, real)
