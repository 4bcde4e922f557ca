"""Dated lists: the items of one list are parallel, one event's figure per day.

A day-by-day list ("- **May 3:** 27 captives walked free.", "- **May 4:** 19 captives.",
"- **May 5:** 19 again.") states each day's figure of one kind of event, and an item
whose leading figure has no verb of its own leaves that verb to its siblings (the
list's parallel structure) and, when it names no noun either, its noun to the item
before it (noun ellipsis: "19 [captives] again"). Only leading figures are read so: the
other figures of an item have their own roles ("against 45 prisoners").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from claimrec.lexicon import Lexicon
from claimrec.models import CountValue, RawClaim

_ITEM = re.compile(r"[ \t]*(?:[-*\u2022+]|\d{1,2}[.)])[ \t]+")


@dataclass(frozen=True, slots=True)
class Verbless:
    """A figure whose measure came from no verb or measure noun of its own (only its
    counted noun's default, or nothing); ``bare``: it has no counted noun either."""

    start: int
    bare: bool


def parallel_items(
    claims: Sequence[RawClaim],
    verbless: dict[int, Verbless],
    *,
    body: str,
    dated: frozenset[int],
    lexicon: Lexicon,
) -> list[RawClaim]:
    """``claims`` with each dated list's verbless leading figures given the measure the
    list's other leading figures share (a strict majority, two at least), and a bare one
    the noun of the item before. ``dated``: line offsets of items whose label is a date."""
    leading = _leading(claims, body, dated)
    out = list(claims)
    for items in _lists(body, leading):
        said = Counter(
            out[k].predicate
            for k in items
            if out[k].evidence.start not in verbless and out[k].measure != "other"
        )
        if not said:
            continue
        (predicate, n), *_ = said.most_common(1)
        if n < 2 or 2 * n <= sum(said.values()):
            continue
        before: RawClaim | None = None
        for k in items:
            claim = out[k]
            found = verbless.get(claim.evidence.start)
            if found is not None:
                out[k] = _parallel(claim, predicate, before if found.bare else None, lexicon)
            before = out[k]
    return out


def _parallel(
    claim: RawClaim, predicate: str, before: RawClaim | None, lexicon: Lexicon
) -> RawClaim:
    update: dict[str, object] = {"predicate": predicate, "measure": lexicon.measure_of(predicate)}
    if before is not None and isinstance(claim.value, CountValue):
        unit = before.value.unit if isinstance(before.value, CountValue) else None
        update["counted"] = before.counted
        if unit is not None:
            update["value"] = claim.value.model_copy(update={"unit": unit})
    return claim.model_copy(update=update)


def _leading(claims: Sequence[RawClaim], body: str, dated: frozenset[int]) -> dict[int, int]:
    """Line offset of each dated item -> the index of its first count claim."""
    first: dict[int, int] = {}
    for k, claim in enumerate(claims):
        if claim.type != "count":
            continue
        line = body.rfind("\n", 0, claim.evidence.start) + 1
        if line in dated and (
            line not in first or claims[first[line]].evidence.start > claim.evidence.start
        ):
            first[line] = k
    return first


def _lists(body: str, leading: dict[int, int]) -> list[list[int]]:
    """The leading figures of each run of list items (blank lines between items allowed),
    in order; a line of anything else ends a list."""
    runs: list[list[int]] = []
    current: list[int] = []
    offset = 0
    for line in body.split("\n"):
        if _ITEM.match(line):
            if offset in leading:
                current.append(leading[offset])
        elif line.strip():
            if current:
                runs.append(current)
            current = []
        offset += len(line) + 1
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]
