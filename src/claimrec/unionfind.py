"""A disjoint-set forest over hashable, ordered keys: the root of a set is its smallest key,
so merges come out the same whatever order they are made in."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def find(parent: dict[K, K], node: K) -> K:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def union(parent: dict[K, K], a: K, b: K) -> None:
    ra, rb = find(parent, a), find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)  # type: ignore[type-var,call-overload]
