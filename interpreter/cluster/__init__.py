"""Bro clusters in one process: the Broker endpoint of a node, the
simulation of a whole cluster (cluster.md §6), layouts, and the Python API.

    from broscript.cluster import Cluster

The API's names are imported when first asked for: every run imports this
package for its Broker endpoint (builtins/broker.py), and only a Python
program driving a cluster needs the rest (PEP 562).
"""
__all__ = ["Cluster", "NodeHandle", "BroValue", "BroScriptError"]


def __getattr__(name):
    if name in ("Cluster", "NodeHandle", "BroScriptError"):
        from . import api
        return getattr(api, name)
    if name == "BroValue":
        from .values_py import BroValue
        return BroValue
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
