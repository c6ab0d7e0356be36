"""Broker builtins (cluster.md §4.6, §5), named as Bro 2.6's comm.bif and
messaging.bif name them, so that Bro's own broker/main.bro can wrap them
as ours does.  They act on the process's endpoint (cluster/endpoint.py):
a lone one, or a node of a simulated cluster."""
from __future__ import annotations

from ..cluster.endpoint import Endpoint, event_message, lone_endpoint, make_event_record
from ..cluster.data import Unconvertible, to_data
from ..runtime.values import UNSET, FuncVal, RecordVal, VectorVal, make_port, port_proto
from .registry import builtin


def _ep(ctx):
    return ctx.rt.endpoint or lone_endpoint(ctx.interp)


@builtin("function Broker::__node_id(): string")
def node_id(ctx):
    return _ep(ctx).id.encode()


@builtin("function Broker::__subscribe(topic_prefix: string): bool")
def subscribe(ctx, topic_prefix):
    _ep(ctx).subscribe(topic_prefix)
    return True


@builtin("function Broker::__unsubscribe(topic_prefix: string): bool")
def unsubscribe(ctx, topic_prefix):
    # drops the prefix from the forward list too (§5 Broker::__unsubscribe)
    ep = _ep(ctx)
    if topic_prefix in ep.forwards:
        ep.forwards.remove(topic_prefix)
    ep.unsubscribe(topic_prefix)
    return True


@builtin("function Broker::__forward(topic_prefix: string): bool")
def forward(ctx, topic_prefix):
    # F when this exact prefix is already forwarded (§5 Broker::__forward)
    ep = _ep(ctx)
    if topic_prefix in ep.forwards:
        return False
    ep.forward(topic_prefix)
    return True


@builtin("function Broker::__listen(a: string, p: port): port")
def listen(ctx, a, p):
    if port_proto(p) != "tcp":
        ctx.builtin_error("listen port must use tcp")
        return make_port(0, "unknown")
    _ep(ctx).listen(a.decode("latin-1"), p)
    return p


@builtin("function Broker::__peer(a: string, p: port, retry: interval): bool")
def peer(ctx, a, p, retry):
    if port_proto(p) != "tcp":
        ctx.builtin_error("remote connection port must use tcp")
        return False
    _ep(ctx).peer(a.decode("latin-1"), p, retry)
    return True


@builtin("function Broker::__unpeer(a: string, p: port): bool")
def unpeer(ctx, a, p):
    # T at once; the peering is dropped asynchronously (§5 Broker::__unpeer)
    if port_proto(p) != "tcp":
        ctx.builtin_error("remote connection port must use tcp")
        return False
    _ep(ctx).unpeer(a.decode("latin-1"), p)
    return True


@builtin("function Broker::__peers(): PeerInfos", lazy=True)
def peers(ctx):
    """The current peerings, each PEERED (cluster.md §5)."""
    ep = _ep(ctx)
    g = ctx.interp.globals
    pi_t = g["Broker::PeerInfo"].type
    status = g["Broker::PEERED"].value
    out = VectorVal(g["Broker::PeerInfos"].type)
    for other in ep.links:
        info = ep.sim.info_about(ep, other) if ep.sim is not None else (other.id, "<unknown>", 0)
        out.items.append(RecordVal(pi_t, [ep.endpoint_info(*info), status]))
    return out


@builtin("function Broker::__flush_logs(): count")
def flush_logs(ctx):
    return 0


@builtin("function Broker::__publish_id(topic: string, id: string): bool")
def publish_id(ctx, topic, id):
    # bifs/probabilistic-broker.md §5 Broker::__publish_id: no checks at
    # all without peers
    ep = _ep(ctx)
    if ep.peer_count == 0 or ep.sim is None:
        return True
    name = id.decode("latin-1")
    gid = ctx.interp.globals.get(name)
    if gid is None or gid.value is UNSET or gid.kind == "type":
        return False
    try:
        data = to_data(gid.type, gid.value)
    except Unconvertible:
        ctx.builtin_error(f"Failed to publish ID with unsupported type: {name} ({gid.type.kind})")
        return False
    ep.publish(topic, ("id", name, data))
    return True


@builtin("function Broker::make_event(...): Broker::Event")
def make_event(ctx, args):
    return make_event_record(ctx.interp, event_message(ctx, args))


@builtin("function Broker::publish(topic: string, ...): bool")
def publish(ctx, topic, args):
    ep = _ep(ctx)
    # make_event runs first, with its messages, peers or not (§5 Broker::publish)
    message = event_message(ctx, args)
    if ep.peer_count == 0 or ep.sim is None:
        # nobody to send to: dropped, even an invalid event (cluster.md §4.6)
        return True
    if message[0] is None:
        return False
    ep.publish(topic, message)
    return True


def _auto(ctx, topic, ev, register, what="Broker::auto_publish"):
    v = ev.value
    if not isinstance(v, FuncVal) or v.ftype.flavor != "event":
        ctx.builtin_error(f"{what} must operate on an event")
        return False
    register(_ep(ctx), topic, v)
    return True


@builtin("function Broker::__auto_publish(topic: string, ev: any): bool")
def auto_publish(ctx, topic, ev):
    return _auto(ctx, topic, ev, Endpoint.register_auto)


@builtin("function Broker::__auto_unpublish(topic: string, ev: any): bool")
def auto_unpublish(ctx, topic, ev):
    return _auto(ctx, topic, ev, Endpoint.unregister_auto, "Broker::auto_event_stop")


@builtin("function is_remote_event(): bool")
def is_remote_event(ctx):
    return ctx.rt.remote


@builtin("function bro_is_terminating(): bool")
def bro_is_terminating(ctx):
    return ctx.rt.terminating


def _publish_via(ctx, helper, pool, key, args):
    """Cluster::publish_hrw / publish_rr: the script's own topic choice,
    then an ordinary publish (cluster.md §4.6)."""
    fn = ctx.interp.globals.get(helper)
    if fn is None or not isinstance(fn.value, FuncVal):
        ctx.rt.reporter.error(f"{helper} is not defined (load base/frameworks/cluster)", ctx.loc)
        return False
    topic = ctx.call(fn.value, [pool, key])
    if not topic:
        return False
    return publish(ctx, topic, args)


@builtin("function Cluster::publish_hrw(pool: Pool, key: any, ...): bool")
def publish_hrw(ctx, pool, key, args):
    return _publish_via(ctx, "Cluster::hrw_topic", pool, key, args)


@builtin("function Cluster::publish_rr(pool: Pool, key: string, ...): bool")
def publish_rr(ctx, pool, key, args):
    return _publish_via(ctx, "Cluster::rr_topic", pool, key, args)
