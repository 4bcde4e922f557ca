"""Placeholder report renderer (replaced by the full report)."""

from __future__ import annotations

from claimrec.models import Graph


def render_report(graph: Graph, *, format: str = "text") -> None:
    for fact in graph.facts:
        if fact.status == "conflict":
            print(fact.explanation)
