"""Bro's internal packet filter (bifs/core-3.md §7): drop rules keyed by
source or destination prefix.  A script-only run has no packets, so the
rules are only kept; nothing is drawn from the random generator at install
time, so rand() sequences do not change."""
from __future__ import annotations

import weakref

from ..runtime.values import Subnet
from .registry import builtin

RAND_MAX = 2147483647


class _Rules:
    def __init__(self):
        self.src: dict = {}
        self.dst: dict = {}


_rules: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _table(ctx, side):
    r = _rules.get(ctx.interp)
    if r is None:
        r = _rules[ctx.interp] = _Rules()
    return r.src if side == "src" else r.dst


def _rule(tcp_flags, prob):
    # prob * RAND_MAX kept as a 32-bit int, unclamped (§7)
    p = prob * RAND_MAX
    p = int(p) if p == p and abs(p) < 2 ** 63 else 0
    p &= 0xFFFFFFFF
    return (tcp_flags, p - (1 << 32) if p >= 1 << 31 else p)


def _addr_key(a: int) -> Subnet:
    # an address is a key of width 128, the same as its IPv4 /32 (§7)
    return Subnet(a, 128)


def _install(ctx, side, key, tcp_flags, prob):
    _table(ctx, side)[key] = _rule(tcp_flags, prob)
    return True


def _uninstall(ctx, side, key):
    return _table(ctx, side).pop(key, None) is not None


@builtin("function install_src_addr_filter(ip: addr, tcp_flags: count, prob: double): bool")
def install_src_addr_filter(ctx, ip, tcp_flags, prob):
    return _install(ctx, "src", _addr_key(ip), tcp_flags, prob)


@builtin("function install_src_net_filter(snet: subnet, tcp_flags: count, prob: double): bool")
def install_src_net_filter(ctx, snet, tcp_flags, prob):
    return _install(ctx, "src", snet, tcp_flags, prob)


@builtin("function uninstall_src_addr_filter(ip: addr): bool")
def uninstall_src_addr_filter(ctx, ip):
    return _uninstall(ctx, "src", _addr_key(ip))


@builtin("function uninstall_src_net_filter(snet: subnet): bool")
def uninstall_src_net_filter(ctx, snet):
    return _uninstall(ctx, "src", snet)


@builtin("function install_dst_addr_filter(ip: addr, tcp_flags: count, prob: double): bool")
def install_dst_addr_filter(ctx, ip, tcp_flags, prob):
    return _install(ctx, "dst", _addr_key(ip), tcp_flags, prob)


@builtin("function install_dst_net_filter(snet: subnet, tcp_flags: count, prob: double): bool")
def install_dst_net_filter(ctx, snet, tcp_flags, prob):
    return _install(ctx, "dst", snet, tcp_flags, prob)


@builtin("function uninstall_dst_addr_filter(ip: addr): bool")
def uninstall_dst_addr_filter(ctx, ip):
    return _uninstall(ctx, "dst", _addr_key(ip))


@builtin("function uninstall_dst_net_filter(snet: subnet): bool")
def uninstall_dst_net_filter(ctx, snet):
    return _uninstall(ctx, "dst", snet)
