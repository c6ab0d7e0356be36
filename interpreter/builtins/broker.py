"""Broker builtins for a lone Bro process (cluster.md §5): a node that is not
part of a simulated cluster has no peers, so publishing goes nowhere."""
from __future__ import annotations

import os

from .registry import builtin


@builtin("function Broker::__node_id(): string")
def node_id(ctx):
    # a hex host hash, '#', the process id (cluster.md §5)
    interp = ctx.interp
    nid = getattr(interp, "broker_node_id", None)
    if nid is None:
        nid = interp.broker_node_id = f"{abs(hash(os.uname().nodename)) & 0xFFFFFFFF:08X}#{os.getpid()}".encode()
    return nid


@builtin("function Broker::__subscribe(topic_prefix: string): bool")
def subscribe(ctx, topic_prefix):
    subs = ctx.interp.__dict__.setdefault("broker_subscriptions", [])
    if topic_prefix not in subs:
        subs.append(topic_prefix)
    return True


@builtin("function Broker::__unsubscribe(topic_prefix: string): bool")
def unsubscribe(ctx, topic_prefix):
    subs = ctx.interp.__dict__.setdefault("broker_subscriptions", [])
    if topic_prefix in subs:
        subs.remove(topic_prefix)
    return True


@builtin("function Broker::__listen(a: string, p: port): port")
def listen(ctx, a, p):
    return p


@builtin("function Broker::__peer(a: string, p: port, retry: interval): bool")
def peer(ctx, a, p, retry):
    return True


@builtin("function Broker::publish(topic: string, ...): bool")
def publish(ctx, topic, args):
    # no peers: the message is dropped
    return True
