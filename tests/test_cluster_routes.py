"""An endpoint's publish routes (cluster/endpoint.py routes): the peers a
message goes to are exactly the linked peers subscribed to a byte prefix of
its topic, in link order (cluster.md §4.6, §6.3), whatever the cache and the
prefix index do, and through subscription and link changes."""
import random
from types import SimpleNamespace

from broscript.cluster.endpoint import Endpoint


def _endpoint(name):
    return Endpoint(SimpleNamespace(runtime=SimpleNamespace()), name.upper(), None, name)


def _expected(ep, topic):
    return tuple(p for p in ep.links if any(topic.startswith(s) for s in p.subscriptions))


def _link(a, b):
    a.links.append(b)
    b.links.append(a)
    a.links_changed()
    b.links_changed()


def _unlink(a, b):
    a.links.remove(b)
    b.links.remove(a)
    a.links_changed()
    b.links_changed()


def test_routes_match_every_prefix_in_link_order():
    hub = _endpoint("hub")
    peers = [_endpoint(f"p{i}") for i in range(6)]
    for p in reversed(peers):           # link order differs from name order
        _link(hub, p)
    peers[0].subscribe(b"bro/cluster/node/p0/")
    peers[1].subscribe(b"bro/cluster/")
    peers[2].subscribe(b"")             # every topic
    peers[3].subscribe(b"bro/cluster/node/p0/")
    peers[3].subscribe(b"bro/cluster/node/")      # two matching prefixes: once
    peers[4].subscribe(b"bro/logs/")
    topic = b"bro/cluster/node/p0/x"
    assert hub.routes(topic) == (peers[3], peers[2], peers[1], peers[0])
    assert hub.routes(b"bro/logs/Cluster::LOG") == (peers[4], peers[2])
    assert hub.routes(b"bro") == (peers[2],)
    # a subscription made after the first publish counts at the next
    peers[5].subscribe(b"bro/c")
    assert hub.routes(topic) == (peers[5], peers[3], peers[2], peers[1], peers[0])
    peers[2].unsubscribe(b"")
    assert hub.routes(b"bro") == ()
    _unlink(hub, peers[3])
    assert hub.routes(topic) == (peers[5], peers[1], peers[0])
    _link(hub, peers[3])                # linked again: now the last link
    assert hub.routes(topic) == (peers[5], peers[1], peers[0], peers[3])


def test_routes_agree_with_asking_every_peer():
    rng = random.Random(12)
    alphabet = b"ab/"
    eps = [_endpoint(f"n{i}") for i in range(8)]

    def word(n):
        return bytes(rng.choice(alphabet) for _ in range(n))
    for step in range(3000):
        a, b = rng.sample(eps, 2)
        r = rng.random()
        if r < 0.05:
            if b in a.links:
                _unlink(a, b)
            else:
                _link(a, b)
        elif r < 0.15:
            a.subscribe(word(rng.randrange(0, 4)))
        elif r < 0.2 and a.subscriptions:
            a.unsubscribe(rng.choice(a.subscriptions))
        else:
            topic = word(rng.randrange(0, 6))
            assert a.routes(topic) == _expected(a, topic), (step, topic)
