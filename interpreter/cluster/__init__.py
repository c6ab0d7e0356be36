"""Bro clusters in one process: the Broker endpoint of a node, the
simulation of a whole cluster (cluster.md §6), layouts, and the Python API.

    from broscript.cluster import Cluster
"""
from .api import BroScriptError, Cluster, NodeHandle
from .values_py import BroValue

__all__ = ["Cluster", "NodeHandle", "BroValue", "BroScriptError"]
