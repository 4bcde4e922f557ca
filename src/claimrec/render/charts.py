"""Inline SVG charts for the HTML report: an interval chart per fact, a timeline for updates.

Compute, then draw. ``interval_rows`` and ``timeline_points`` turn a fact's claims into
small frozen records (one ``Row`` per independent voice, one ``Point`` per dated claim);
``interval_chart`` and ``timeline_chart`` lay them out as SVG/HTML strings.

The interval chart is an HTML grid, one row per voice: the voice's name in an HTML cell
(so long names wrap) and an SVG track whose x coordinates are percentages (so the track
stretches to any width without distorting the marks). Exact values are points, ranges
bars, open bounds lines with an arrow to the edge of the track, "about" a softened band
around the mark; hedged values are hollow and dashed, superseded ones greyed; the
consensus is a shaded band behind every row. Arrowheads are SVG markers defined once per
page (``SVG_DEFS``), so every chart refers to the same two ids.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from html import escape

from claimrec.models import Record

TRACK_LEFT, TRACK_RIGHT = 4.0, 96.0  # percent of the track width given to the scale
APPROX_SPREAD = 0.05  # "about N" is drawn as a band of N ± 5%
ROW_HEIGHT = 24

LEGEND = (
    "dot: exact · bar: range · arrow: open bound (at least / up to) · soft band: about · "
    "hollow dashed: hedged · faded: superseded · green band: consensus"
)

SVG_DEFS = (
    '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>'
    '<marker id="arrow-r" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>'
    "</defs></svg>"
)


class Mark(Record):
    """One value as one voice states it: bounds on the chart's scale, ``None`` where open."""

    low: float | None
    high: float | None
    label: str
    approximate: bool = False
    hedged: bool = False
    superseded: bool = False


class Row(Record):
    """One independent voice and the values it gives."""

    voice: str
    detail: str | None = None
    marks: list[Mark]


class Band(Record):
    """The consensus range on the chart's scale; ``None`` where open."""

    low: float | None
    high: float | None
    label: str


class Point(Record):
    """A dated claim for the timeline of an updated fact."""

    day: dt.date
    low: float | None
    high: float | None
    label: str
    voice: str
    hedged: bool = False
    superseded: bool = False


# ------------------------------------------------------------------------- scales


class Scale:
    """A linear map from values to percentages of the track, with nice ticks."""

    def __init__(self, values: Sequence[float], *, floor: float | None = 0.0) -> None:
        if not values:
            raise ValueError("a scale needs at least one value")
        lo, hi = min(values), max(values)
        if lo == hi:
            pad = max(abs(lo) * 0.1, 1.0)
            lo, hi = lo - pad, hi + pad
        else:
            pad = (hi - lo) * 0.08
            lo, hi = lo - pad, hi + pad
        if floor is not None and min(values) >= floor:
            lo = max(lo, floor)
        self.lo, self.hi = lo, hi

    def pos(self, value: float) -> float:
        """Where ``value`` sits, in percent of the track width."""
        share = (value - self.lo) / (self.hi - self.lo)
        return TRACK_LEFT + share * (TRACK_RIGHT - TRACK_LEFT)

    def clamp(self, value: float) -> float:
        return min(max(self.pos(value), 0.0), 100.0)

    def ticks(self, count: int = 5) -> list[float]:
        return nice_ticks(self.lo, self.hi, count)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) inside ``[lo, hi]``."""
    raw = (hi - lo) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    ticks: list[float] = []
    value = first
    while value <= hi + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _pct(value: float) -> str:
    return f"{value:.2f}%"


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1 or value == 0 else f"{value:.2g}"


def _day(value: float) -> str:
    return dt.date.fromordinal(round(value)).isoformat()


# ------------------------------------------------------------------ interval chart


def interval_chart(
    rows: Sequence[Row],
    *,
    consensus: Band | None = None,
    dates: bool = False,
    caption: str = "",
) -> str:
    """An interval chart: one grid row per voice and an axis row; empty string when no
    value has a finite bound to place."""
    finite = [b for row in rows for m in row.marks for b in (m.low, m.high) if b is not None]
    finite += [  # room for the soft band of "about" values
        b * (1 + side * APPROX_SPREAD)
        for row in rows
        for m in row.marks
        if m.approximate
        for side, b in ((-1, m.low), (1, m.high))
        if b is not None
    ]
    if not finite:
        return ""
    if consensus is not None:
        finite += [b for b in (consensus.low, consensus.high) if b is not None]
    scale = Scale(finite, floor=None if dates else 0.0)
    fmt: Callable[[float], str] = _day if dates else _number
    out = [f'<figure class="chart" aria-label="{escape(caption)}">']
    for row in rows:
        detail = f'<small class="detail">{escape(row.detail)}</small>' if row.detail else ""
        out.append(
            f'<div class="crow" data-voice="{escape(row.voice)}">'
            f'<div class="voice">{escape(row.voice)}{detail}</div>'
            f'<svg class="track" width="100%" height="{ROW_HEIGHT}" role="img" '
            f'aria-label="{escape(row.voice)}: {escape("; ".join(m.label for m in row.marks))}">'
            f"{_consensus_band(scale, consensus)}"
            f"{''.join(_mark(scale, m) for m in row.marks)}</svg></div>"
        )
    out.append(_axis_row(scale, fmt, consensus))
    out.append(f'<figcaption class="legend">{LEGEND}</figcaption></figure>')
    return "".join(out)


def _consensus_band(scale: Scale, consensus: Band | None) -> str:
    if consensus is None:
        return ""
    x1 = scale.clamp(consensus.low) if consensus.low is not None else 0.0
    x2 = scale.clamp(consensus.high) if consensus.high is not None else 100.0
    width = max(x2 - x1, 0.6)
    return (
        f'<rect class="consensus" x="{_pct(x1 - (0.3 if x2 == x1 else 0))}" y="0" '
        f'width="{_pct(width)}" height="{ROW_HEIGHT}"/>'
    )


def _classes(mark: Mark, shape: str) -> str:
    names = ["mark", shape]
    names += [n for n, on in (("approx", mark.approximate), ("hedged", mark.hedged)) if on]
    if mark.superseded:
        names.append("superseded")
    return " ".join(names)


def _mark(scale: Scale, mark: Mark) -> str:
    """One value: a point, a bar, or a line with an arrow to the open side."""
    mid = ROW_HEIGHT // 2
    title = f"<title>{escape(mark.label)}</title>"
    low, high = mark.low, mark.high
    if low is None and high is None:  # "earlier this year", "dozens": nothing to place
        return (
            f'<text class="unplaced" x="{_pct(TRACK_LEFT)}" y="{mid + 4}">'
            f"{escape(mark.label)}: no figure to place</text>"
        )
    band = _approx_band(scale, mark) if mark.approximate else ""
    if low is not None and high is not None and low == high:
        return (
            f'{band}<circle class="{_classes(mark, "exact")}" cx="{_pct(scale.pos(low))}" '
            f'cy="{mid}" r="5">{title}</circle>'
        )
    if low is not None and high is not None:
        x1, x2 = scale.pos(low), scale.pos(high)
        return (
            f'{band}<rect class="{_classes(mark, "range")}" x="{_pct(x1)}" y="{mid - 5}" '
            f'width="{_pct(max(x2 - x1, 0.5))}" height="10" rx="3">{title}</rect>'
        )
    if low is not None:  # "at least": from the bound to the right edge
        x = scale.pos(low)
        return (
            f'{band}<g class="{_classes(mark, "open-high")}">{title}'
            f'<line x1="{_pct(x)}" y1="{mid}" x2="{_pct(99.0)}" y2="{mid}" '
            f'marker-end="url(#arrow-r)"/>'
            f'<line class="bound" x1="{_pct(x)}" y1="{mid - 6}" x2="{_pct(x)}" y2="{mid + 6}"/>'
            "</g>"
        )
    x = scale.pos(high)  # type: ignore[arg-type]  # "up to": from the left edge to the bound
    return (
        f'{band}<g class="{_classes(mark, "open-low")}">{title}'
        f'<line x1="{_pct(x)}" y1="{mid}" x2="{_pct(1.0)}" y2="{mid}" '
        f'marker-end="url(#arrow-r)"/>'
        f'<line class="bound" x1="{_pct(x)}" y1="{mid - 6}" x2="{_pct(x)}" y2="{mid + 6}"/>'
        "</g>"
    )


def _approx_band(scale: Scale, mark: Mark) -> str:
    """A soft band around an "about" value: ± ``APPROX_SPREAD`` of each stated bound."""
    low = mark.low if mark.low is not None else mark.high
    high = mark.high if mark.high is not None else mark.low
    if low is None or high is None:
        return ""
    x1 = scale.clamp(low - abs(low) * APPROX_SPREAD)
    x2 = scale.clamp(high + abs(high) * APPROX_SPREAD)
    return (
        f'<rect class="approx-band" x="{_pct(x1)}" y="{ROW_HEIGHT // 2 - 8}" '
        f'width="{_pct(max(x2 - x1, 0.5))}" height="16" rx="8"/>'
    )


def _axis_row(scale: Scale, fmt: Callable[[float], str], consensus: Band | None) -> str:
    ticks = scale.ticks(4 if fmt is _day else 5)
    parts = [f'<line class="axis" x1="{_pct(TRACK_LEFT)}" y1="4" x2="{_pct(TRACK_RIGHT)}" y2="4"/>']
    for tick in ticks:
        x = scale.pos(tick)
        anchor = "start" if x < 10 else "end" if x > 90 else "middle"
        parts.append(
            f'<line class="tick" x1="{_pct(x)}" y1="1" x2="{_pct(x)}" y2="8"/>'
            f'<text x="{_pct(x)}" y="22" text-anchor="{anchor}">{escape(fmt(tick))}</text>'
        )
    legend = (
        f'<span class="legend-consensus">consensus: {escape(consensus.label)}</span>'
        if consensus is not None
        else ""
    )
    return (
        f'<div class="crow axis"><div class="voice">{legend}</div>'
        f'<svg class="track" width="100%" height="28" aria-hidden="true">{"".join(parts)}</svg>'
        "</div>"
    )


# ------------------------------------------------------------------------ timeline

TL_WIDTH, TL_HEIGHT = 640, 220
TL_LEFT, TL_RIGHT, TL_TOP, TL_BOTTOM = 70, 620, 14, 180


def timeline_chart(points: Sequence[Point], *, caption: str = "") -> str:
    """A timeline for an updated fact: x = the day a claim speaks for, y = its value; a
    line joins the days in order so a rising toll reads at a glance. Empty when fewer
    than two points have a day and a finite bound."""
    placed = [p for p in points if p.low is not None or p.high is not None]
    if len({p.day for p in placed}) < 2:
        return ""
    days = [p.day.toordinal() for p in placed]
    values = [b for p in placed for b in (p.low, p.high) if b is not None]
    x_scale, y_scale = Scale(days, floor=None), Scale(values)

    def x(day: dt.date) -> float:
        share = (x_scale.pos(day.toordinal()) - TRACK_LEFT) / (TRACK_RIGHT - TRACK_LEFT)
        return TL_LEFT + share * (TL_RIGHT - TL_LEFT)

    def y(value: float) -> float:
        share = (y_scale.pos(value) - TRACK_LEFT) / (TRACK_RIGHT - TRACK_LEFT)
        return TL_BOTTOM - share * (TL_BOTTOM - TL_TOP)

    out = [
        f'<figure class="timeline"><svg viewBox="0 0 {TL_WIDTH} {TL_HEIGHT}" width="100%" '
        f'role="img" aria-label="{escape(caption)}">',
        f'<line class="axis" x1="{TL_LEFT}" y1="{TL_BOTTOM}" x2="{TL_RIGHT}" y2="{TL_BOTTOM}"/>',
        f'<line class="axis" x1="{TL_LEFT}" y1="{TL_TOP}" x2="{TL_LEFT}" y2="{TL_BOTTOM}"/>',
    ]
    for tick in y_scale.ticks(4):
        out.append(
            f'<line class="grid" x1="{TL_LEFT}" y1="{y(tick):.1f}" x2="{TL_RIGHT}" '
            f'y2="{y(tick):.1f}"/><text x="{TL_LEFT - 6}" y="{y(tick) + 4:.1f}" '
            f'text-anchor="end">{escape(_number(tick))}</text>'
        )
    for day in sorted({p.day for p in placed}):
        out.append(
            f'<text x="{x(day):.1f}" y="{TL_BOTTOM + 18}" text-anchor="middle">'
            f"{day.isoformat()}</text>"
        )
    trend = sorted(
        ((p.day, _middle(p)) for p in placed if not p.superseded and not p.hedged),
        key=lambda t: t[0],
    )
    if len(trend) >= 2:
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in trend)
        out.append(f'<polyline class="trend" points="{coords}"/>')
    for point in sorted(placed, key=lambda p: (p.day, p.voice, p.label)):
        out.append(_timeline_mark(point, x(point.day), y))
    out.append("</svg></figure>")
    return "".join(out)


def _middle(point: Point) -> float:
    bounds = [b for b in (point.low, point.high) if b is not None]
    return sum(bounds) / len(bounds)


def _timeline_mark(point: Point, cx: float, y: Callable[[float], float]) -> str:
    names = ["tmark"] + [n for n, on in (("hedged", point.hedged),) if on]
    if point.superseded:
        names.append("superseded")
    cls = " ".join(names)
    about = f"{point.day.isoformat()}: {point.label} ({point.voice})"
    title = f"<title>{escape(about)}</title>"
    low, high = point.low, point.high
    if low is not None and high is not None and low == high:
        return f'<circle class="{cls}" cx="{cx:.1f}" cy="{y(low):.1f}" r="5">{title}</circle>'
    top = f"{y(high):.1f}" if high is not None else str(TL_TOP)
    bottom = f"{y(low):.1f}" if low is not None else str(TL_BOTTOM)
    arrow = ' marker-end="url(#arrow-r)"' if low is None or high is None else ""
    start, end = (top, bottom) if low is None else (bottom, top)
    return (
        f'<g class="{cls} span">{title}<line x1="{cx:.1f}" y1="{start}" x2="{cx:.1f}" '
        f'y2="{end}"{arrow}/></g>'
    )
