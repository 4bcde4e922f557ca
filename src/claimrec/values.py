"""Claim values as intervals: how they read, and when two of them can both be true.

A count value is an interval of integers. "About X" stands for X within a
relative tolerance (``APPROX_TOLERANCE``, 5% by default: "about 2,000" is
1,900 to 2,100), because a person who writes "about 2,000" would not be
contradicted by 2,050 but would be by 2,200. Open sides stay open. Two values
are compatible exactly when their (widened) intervals overlap; on a line,
intervals that overlap pairwise share a point, so pairwise checks suffice.
"""

from __future__ import annotations

import datetime as dt

from claimrec.models import CountValue, DateValue, LocationValue

APPROX_TOLERANCE = 0.05


def count_interval(
    value: CountValue, *, tolerance: float = APPROX_TOLERANCE
) -> tuple[float, float]:
    low = float("-inf") if value.low is None else float(value.low)
    high = float("inf") if value.high is None else float(value.high)
    if value.approximate:
        if value.low is not None:
            low = value.low * (1 - tolerance)
        if value.high is not None:
            high = value.high * (1 + tolerance)
    return low, high


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def compatible(
    a: CountValue | DateValue | LocationValue,
    b: CountValue | DateValue | LocationValue,
    *,
    tolerance: float = APPROX_TOLERANCE,
) -> bool:
    """Whether two values of one fact can both hold."""
    if isinstance(a, CountValue) and isinstance(b, CountValue):
        return overlaps(
            count_interval(a, tolerance=tolerance), count_interval(b, tolerance=tolerance)
        )
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return dates_compatible(a.start, a.end, b.start, b.end)
    return True


def dates_compatible(
    a_start: dt.date | None, a_end: dt.date | None, b_start: dt.date | None, b_end: dt.date | None
) -> bool:
    """Unresolved dates contradict nothing: we cannot tell."""
    if None in (a_start, a_end, b_start, b_end):
        return True
    return a_start <= b_end and b_start <= a_end  # type: ignore[operator]


def label(
    value: CountValue | DateValue | LocationValue, *, entity_names: dict[str, str] | None = None
) -> str:
    """How a person would write the value: "at least 4,000", "about 2,000", "4,000-5,000"."""
    if isinstance(value, CountValue):
        return count_label(value)
    if isinstance(value, DateValue):
        if value.start and value.end and value.start != value.end:
            return f"{value.text} ({value.start.isoformat()}..{value.end.isoformat()})"
        if value.start:
            return f"{value.text} ({value.start.isoformat()})"
        return value.text
    names = entity_names or {}
    return names.get(value.entity, value.entity)


def count_label(value: CountValue) -> str:
    low, high = value.low, value.high
    approx = "about " if value.approximate else ""
    if low is not None and high is not None:
        if low == high:
            return f"{approx}{low:,}"
        return f"{approx}{low:,}-{high:,}"
    if low is not None:
        return f"at least {low:,}"
    if high is not None:
        return f"{'nearly' if value.approximate else 'up to'} {high:,}"
    return "unknown"


def value_key(value: CountValue | DateValue | LocationValue) -> tuple:
    """Sort and identity key of a value (distinct values of a fact)."""
    if isinstance(value, CountValue):
        return (
            "count",
            value.low if value.low is not None else -1,
            value.high if value.high is not None else -1,
            value.approximate,
            value.unit,
        )
    if isinstance(value, DateValue):
        return ("date", str(value.start), str(value.end), value.text.lower())
    return ("location", value.entity)
