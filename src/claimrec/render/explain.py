"""Words for a fact's status: reconcile computes ``reasons``, this module speaks.

``explanation`` (docs/graph.md) is one sentence a person can read, made here from the fact's
structured reasons and called by graph assembly, so the JSON carries it while reconcile
stays free of prose. The report uses the same functions. Different values are never
called agreement: "consistent" facts with several values say the values can all hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from claimrec.models import CountValue, Fact, FactValue, Reason
from claimrec.values import count_interval

MAX_NAMES = 3
MAX_STEPS = 4


def voice_name(voice: str, names: Mapping[str, str]) -> str:
    """A voice id as a person reads it: the entity's name, or "an article (doc id)"."""
    if voice.startswith("doc:"):
        return f"article {voice[4:]}"
    return names.get(voice, voice)


def day(date: dt.date) -> str:
    """ "Tue 4 Mar 2025": a weekday helps a reader follow a timeline."""
    return date.strftime("%a %-d %b %Y")


def explanation(fact: Fact, names: Mapping[str, str]) -> str:
    """One sentence: why the fact has its status."""
    if fact.status == "single":
        return f"One claim: {value_with_voices(fact.values[0], names)}."
    if fact.status == "conflict":
        return _conflict(fact, names)
    if fact.status == "updated":
        return _updated(fact, names)
    return _consistent(fact, names)


def value_with_voices(value: FactValue, names: Mapping[str, str]) -> str:
    """ "5,000 (Kestova's agency; 2 articles)": who, and in how many articles."""
    shown = sorted(voice_name(v, names) for v in value.voices)
    extra = len(shown) - MAX_NAMES
    shown = shown[:MAX_NAMES] + ([f"{extra} more"] if extra > 0 else [])
    docs = len(value.documents)
    return f"{value.label} ({', '.join(shown)}; {docs} article{'s' if docs != 1 else ''})"


def step(reason: Reason, names: Mapping[str, str]) -> str:
    """ "from 12 (Tue 1 Oct 2024, police) to at least 20 (Thu 3 Oct 2024, union)"."""
    ends = []
    for i, value in enumerate(reason.values[:2]):
        when = day(reason.dates[i]) + ", " if i < len(reason.dates) else ""
        who = voice_name(reason.sources[i], names) if i < len(reason.sources) else "?"
        ends.append(f"{value} ({when}{who})")
    return f"from {ends[0]} to {ends[1]}" if len(ends) == 2 else ", ".join(ends)


def clash(reason: Reason, names: Mapping[str, str]) -> str:
    """ "12 (police) vs 17 (hospital) on Tue 1 Oct 2024"."""
    sides = [
        f"{value} ({voice_name(source, names)})"
        for value, source in zip(reason.values, reason.sources, strict=False)
    ]
    dates = sorted(set(reason.dates))
    when = f" on {day(dates[0])}" if len(dates) == 1 else ""
    if len(dates) == 2:
        when = f" ({day(dates[0])} and {day(dates[1])})"
    hedge = " (one of them hedged: 'might have')" if reason.hedged else ""
    return " vs ".join(sides) + when + hedge


def _conflict(fact: Fact, names: Mapping[str, str]) -> str:
    clashes = [r for r in fact.reasons if r.kind == "clash"]
    changes = [r for r in fact.reasons if r.kind == "unstated_change"]
    parts = []
    if clashes:
        parts.append(
            "Independent sources give figures that cannot both be true at the same time: "
            + "; ".join(clash(r, names) for r in clashes[:MAX_STEPS])
        )
    if changes:
        parts.append(
            "a running total fell without the later source saying it corrects the earlier: "
            + "; ".join(step(r, names) for r in changes[:MAX_STEPS])
        )
    return "; ".join(parts) + "." + _set_aside(fact)


def _updated(fact: Fact, names: Mapping[str, str]) -> str:
    steps = timeline(fact, names)[-MAX_STEPS:]
    text = f"Values differ only over time: the figure {', then '.join(steps)}." if steps else ""
    return (text or "Values differ only over time.") + _set_aside(fact)


def _consistent(fact: Fact, names: Mapping[str, str]) -> str:
    voices = fact.independent_sources
    who = f"{voices} independent source{'s' if voices != 1 else ''}"
    live = [v for v in fact.values if v.role in ("stated", "hedged")]
    if fact.multi_valued:
        what = (
            "Parts of a total"
            if any(r.kind == "part" for r in fact.reasons)
            else ("Places" if fact.key.type == "location" else "Dates of a recurring event")
        )
        labels = ", ".join(v.label for v in fact.values)
        return f"{what} are not exclusive; {who} give {labels}."
    if len(live) <= 1:
        labels = ", ".join(v.label for v in live) or "no asserted value"
        return f"{who.capitalize()} give {labels}." + _set_aside(fact)
    labels = ", ".join(v.label for v in live)
    return f"The values {labels} can all be true at once; {who}." + _set_aside(fact)


def _set_aside(fact: Fact) -> str:
    """Every value the comparison left out, and why, so no value goes unmentioned."""
    notes = []
    for reason in fact.reasons:
        if reason.kind == "superseded":
            notes.append(f" Withdrawn by its source, not compared: {', '.join(reason.values)}.")
        elif reason.kind == "projection":
            notes.append(f" Projections, not compared: {', '.join(reason.values)}.")
    unasserted = [v.label for v in fact.values if v.role == "not_asserted"]
    if unasserted:
        notes.append(f" Denied or too vague to compare: {', '.join(unasserted)}.")
    return "".join(notes)


def timeline(fact: Fact, names: Mapping[str, str]) -> list[str]:
    """An updated fact's steps in date order: "rose from 12 (Tue 4 Mar 2025, police) to
    at least 20 (Thu 6 Mar 2025, union)"; a source's own change reads "revised"."""
    spans = {v.label: _span(v) for v in fact.values}
    steps = [r for r in fact.reasons if r.kind in ("update", "revision") and len(r.values) == 2]
    steps.sort(key=lambda r: (r.dates[-1] if r.dates else dt.date.max, r.kind, r.claims))
    out = []
    for reason in steps:
        a, b = (spans.get(v) for v in reason.values)
        verb = "changed"
        if a is not None and b is not None:
            verb = "rose" if b[0] > a[1] else "fell" if b[1] < a[0] else "changed"
        if reason.kind == "revision":
            verb = {"rose": "revised up", "fell": "revised down"}.get(verb, "revised")
        out.append(f"{verb} {step(reason, names)}")
    return out


def _span(value: FactValue) -> tuple[float, float] | None:
    return count_interval(value.value) if isinstance(value.value, CountValue) else None
