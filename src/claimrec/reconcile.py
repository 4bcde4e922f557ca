"""Reconcile: group claims into facts, decide each fact's status, and explain it.

A fact is one question the sources answer. Claims are *blocked* on a key
(type, subject, predicate family, scope) in one dictionary pass, so grouping is
linear in the number of claims; comparisons happen only inside a fact, between
its distinct values. Scope is the unit counted and, for counts, a place narrower
than a country ("troops in X region" is a narrower question than "troops sent").

Status rules, in order:
- location facts are multi-valued (troops can be in two places at once), and so are the
  dates of events that recur (protests): never a conflict; only one-off events (the
  lexicon's ``once``) have a single date;
- projections ("could rise to 600"), denials and vague quantities ("several") state no
  value and so contradict nothing, though they stay in the fact;
- a later report from the *same* named source that changes its own figure is a
  revision: the earlier value is set aside and the change is listed;
- two values referring to different times do not conflict: explicit claim times
  that do not overlap, or, for cumulative tolls (deaths, arrests ...), a later
  article's figure that is not below an earlier one;
- otherwise two values conflict when their intervals (see ``values``) cannot both hold.
Independence: sources are named entities; an unattributed or anonymous claim
counts as its document; near-duplicate documents count once.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations, pairwise

from claimrec.lexicon import Lexicon
from claimrec.models import Claim, CountValue, Edge, Entity, Fact, FactKey, FactValue, GraphDocument
from claimrec.values import compatible, count_interval, label, value_key

NON_ASSERTING = frozenset({"possible", "negated"})
MAX_NAMES = 3


class _Index:
    """Lookups reconcile needs about documents and entities."""

    def __init__(
        self,
        documents: Sequence[GraphDocument],
        entities: Sequence[Entity],
        lexicon: Lexicon,
        country_level: frozenset[str],
        story_of: Mapping[str, str | None],
    ):
        self.story_of = story_of
        self.names = {e.id: e.name for e in entities}
        self.unattributed: set[str] = set()  # first claim ids of values with unattributed claims
        self.country_level = country_level
        self.published = {d.id: d.published for d in documents}
        self.copy_of = {d.id: (d.copy_of or d.id) for d in documents}
        self.entity = {e.id: e for e in entities}
        self.lexicon = lexicon

    def family(self, predicate: str) -> str:
        entry = self.lexicon.predicates.get(predicate)
        return entry.family if entry else predicate

    def once(self, predicate: str) -> bool:
        entry = self.lexicon.predicates.get(predicate)
        return bool(entry and entry.once)

    def cumulative(self, predicate: str) -> bool:
        entry = self.lexicon.predicates.get(predicate)
        return bool(entry and entry.cumulative)

    def scope(self, claim: Claim) -> str | None:
        if claim.type != "count" or claim.location is None:
            return None
        if claim.location in self.country_level or claim.location not in self.entity:
            return None
        return claim.location

    def independent_key(self, claim: Claim) -> str:
        """One key per independent voice: a named source, or else the (deduplicated) document."""
        entity = self.entity.get(claim.source or "")
        if entity is not None and entity.type != "ANON":
            return entity.id
        return f"doc:{self.copy_of.get(claim.doc, claim.doc)}"

    def source_name(self, claim: Claim) -> str:
        entity = self.entity.get(claim.source or "")
        if entity is not None:
            return entity.name
        return "unattributed"


KEY_FIELDS = ("type", "subject", "predicate", "location", "unit", "story")


def _block(claim: Claim, index: _Index) -> tuple:
    """The blocking key as a plain tuple: cheap to hash for every claim."""
    unit = claim.value.unit if isinstance(claim.value, CountValue) else None
    return (
        claim.type,
        claim.subject,
        index.family(claim.predicate),
        index.scope(claim),
        unit,
        index.story_of.get(claim.doc),
    )


def facts(
    claims: Sequence[Claim],
    *,
    documents: Sequence[GraphDocument],
    entities: Sequence[Entity],
    lexicon: Lexicon,
    country_level: frozenset[str] = frozenset(),
    story_of: Mapping[str, str | None] | None = None,
) -> tuple[list[Fact], list[Edge]]:
    """Facts (sorted by id) and the claim-to-claim edges between them. ``country_level``:
    place entities that name a whole country (or a part of it by the country's name),
    which do not narrow a count's scope; ``story_of``: document id -> story label."""
    index = _Index(documents, entities, lexicon, country_level, story_of or {})
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        blocks[_block(claim, index)].append(claim)
    out: list[Fact] = []
    edges: list[Edge] = []
    for block, members in blocks.items():
        key = FactKey(**dict(zip(KEY_FIELDS, block, strict=True)))
        fact, fact_edges = _fact(_key_id(key), key, sorted(members, key=lambda c: c.id), index)
        out.append(fact)
        edges.extend(fact_edges)
    out.sort(key=lambda f: f.id)
    return out, edges


def _key_id(key: FactKey) -> str:
    blob = json.dumps(key.model_dump(mode="json"), sort_keys=True)
    return "fact:" + hashlib.sha1(blob.encode()).hexdigest()[:12]


def _fact(
    fact_id: str, key: FactKey, claims: list[Claim], index: _Index
) -> tuple[Fact, list[Edge]]:
    values = _values(claims, index)
    voices = {index.independent_key(c) for c in claims}
    common = dict(
        id=fact_id,
        key=key,
        claims=[c.id for c in claims],
        values=values,
        independent_sources=len(voices),
    )
    if len(claims) == 1:
        return Fact(
            **common,
            status="single",
            explanation=f"One claim: {_value_with_sources(values[0], index)}.",
        ), []
    if key.type == "location" or (key.type == "date" and not index.once(claims[0].predicate)):
        what = "Places" if key.type == "location" else "Dates of a recurring event"
        names = ", ".join(v.label for v in values)
        return Fact(
            **common,
            status="consistent",
            multi_valued=True,
            explanation=f"{what} are not exclusive; {len(voices)} independent source(s) "
            f"give {names}.",
        ), _corroborations([c for c in claims if c.modality != "negated"], index)
    asserting = [c for c in claims if _asserts_value(c)]
    superseded, revisions = _revisions(asserting, index)
    live = [c for c in asserting if c.id not in superseded]
    clashes = _clashes(live, index)
    edges = _corroborations(live, index) + [
        Edge(source=a, target=b, kind="contradicts") for a, b in sorted(clashes)
    ]
    if clashes:
        consensus, note = _consensus(live, index)
        text = " vs ".join(
            _value_with_sources(v, index) for v in values if set(v.claims) & {c.id for c in live}
        )
        return Fact(
            **common,
            status="conflict",
            consensus=consensus,
            consensus_note=note,
            revisions=revisions,
            explanation=f"Sources disagree: {text}.",
        ), edges
    return Fact(
        **common,
        status="consistent",
        revisions=revisions,
        explanation=_consistent_text(values, voices, revisions),
    ), edges


def _asserts_value(claim: Claim) -> bool:
    """Whether a claim states a value that can contradict another: not a projection
    ("could rise to 600"), not a denial, not a vague quantity ("several", "dozens")."""
    if claim.modality in NON_ASSERTING:
        return False
    return not (isinstance(claim.value, CountValue) and claim.value.vague)


def _values(claims: list[Claim], index: _Index) -> list[FactValue]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[value_key(claim.value)].append(claim)
    names = index.names
    out = []
    for vk in sorted(groups):
        members = groups[vk]
        out.append(
            FactValue(
                value=members[0].value,
                label=label(members[0].value, entity_names=names),
                claims=[c.id for c in members],
                sources=sorted({c.source for c in members if c.source}),
                documents=sorted({c.doc for c in members}),
            )
        )
        if any(c.source is None for c in members):
            index.unattributed.add(out[-1].claims[0])
    return out


def _value_with_sources(value: FactValue, index: _Index) -> str:
    """ "5,000 (Kestova's intelligence agency; 2 articles)": who, and in how many articles."""
    names = sorted(index.entity[s].name for s in value.sources if s in index.entity)
    shown = names[:MAX_NAMES] + (
        [f"{len(names) - MAX_NAMES} more"] if len(names) > MAX_NAMES else []
    )
    if value.claims[0] in index.unattributed:
        shown.append("unattributed")
    docs = len(value.documents)
    return f"{value.label} ({', '.join(shown)}; {docs} article{'s' if docs != 1 else ''})"


def _revisions(claims: list[Claim], index: _Index) -> tuple[set[str], list[str]]:
    """Claims a later article by the same named source replaced with a different figure."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        entity = index.entity.get(claim.source or "")
        if entity is not None and entity.type != "ANON" and index.published.get(claim.doc):
            by_source[entity.id].append(claim)
    superseded: set[str] = set()
    notes: list[str] = []
    for source_id, own in sorted(by_source.items()):
        own.sort(key=lambda c: (index.published[c.doc], c.id))
        latest = own[-1]
        for claim in own[:-1]:
            same_day = index.published[claim.doc] == index.published[latest.doc]
            if not same_day and not compatible(claim.value, latest.value):
                superseded.add(claim.id)
                notes.append(
                    f"{index.entity[source_id].name} revised {label(claim.value)} "
                    f"({index.published[claim.doc]}) to {label(latest.value)} "
                    f"({index.published[latest.doc]})"
                )
    return superseded, notes


def _clashes(claims: list[Claim], index: _Index) -> set[tuple[str, str]]:
    """Pairs of claims that cannot both hold: for each distinct value, one pair with the
    nearest value entirely above it that clashes, so edges grow with the number of values,
    not its square.

    Two intervals are incompatible exactly when one lies entirely above the other, so
    scanning upward from each value finds every clash there is. Only then do the time and
    revision exceptions matter, and those depend on a claim's time and publication date
    alone, so each value is reduced to its distinct (time, date) signatures."""
    values: dict[tuple, dict[Signature, Claim]] = {}
    cumulative = bool(claims) and index.cumulative(claims[0].predicate)
    timed = cumulative or any(c.time is not None for c in claims)
    first: dict[tuple, Claim] = {}
    for claim in sorted(claims, key=lambda c: c.id):
        key = value_key(claim.value)
        first.setdefault(key, claim)
        values.setdefault(key, {}).setdefault(_signature(claim, index) if timed else NO_TIME, claim)
    keys = sorted(values)
    if not keys or not isinstance(first[keys[0]].value, CountValue):
        return _pairwise_clashes(keys, first, values, cumulative)
    spans = {k: count_interval(first[k].value) for k in keys}  # type: ignore[arg-type]
    by_low = sorted(keys, key=lambda k: (spans[k][0], k))
    lows = [spans[k][0] for k in by_low]
    pairs: set[tuple[str, str]] = set()
    for key in keys:
        start = bisect_right(lows, spans[key][1])
        for above in by_low[start:]:
            clash = _first_clash(
                values[key], values[above], cumulative, first[key].value, first[above].value
            )
            if clash is not None:
                pairs.add(tuple(sorted(clash)))  # type: ignore[arg-type]
                break
    return pairs


def _pairwise_clashes(
    keys: list[tuple], first: dict[tuple, Claim], values: dict[tuple, dict], cumulative: bool
) -> set[tuple[str, str]]:
    """Dates: compare the (few) distinct values pairwise."""
    pairs: set[tuple[str, str]] = set()
    for a, b in combinations(keys, 2):
        if compatible(first[a].value, first[b].value):
            continue
        clash = _first_clash(values[a], values[b], cumulative, first[a].value, first[b].value)
        if clash is not None:
            pairs.add(tuple(sorted(clash)))  # type: ignore[arg-type]
    return pairs


Signature = tuple  # (time start, time end, published)
NO_TIME: Signature = (None, None, None)


def _signature(claim: Claim, index: _Index) -> Signature:
    time = claim.time
    bounds = (time.start, time.end) if time and time.start and time.end else (None, None)
    return (*bounds, index.published.get(claim.doc))


def _first_clash(
    sig_a: dict[Signature, Claim],
    sig_b: dict[Signature, Claim],
    cumulative: bool,
    value_a: object,
    value_b: object,
) -> tuple[str, str] | None:
    for ka, a in sig_a.items():
        for kb, b in sig_b.items():
            if not _excused(ka, kb, cumulative, value_a, value_b):
                return a.id, b.id
    return None


def _excused(
    ka: Signature, kb: Signature, cumulative: bool, value_a: object, value_b: object
) -> bool:
    """Whether two incompatible values can both hold after all: their stated times do not
    overlap, or a running toll rose from an earlier article to a later one."""
    if None not in (ka[0], ka[1], kb[0], kb[1]) and (ka[1] < kb[0] or kb[1] < ka[0]):
        return True
    if not cumulative or not isinstance(value_a, CountValue) or not isinstance(value_b, CountValue):
        return False
    pa, pb = ka[2], kb[2]
    if pa is None or pb is None or pa == pb:
        return False
    early, late = (value_a, value_b) if pa < pb else (value_b, value_a)
    return count_interval(late)[1] >= count_interval(early)[0]


def _corroborations(claims: list[Claim], index: _Index) -> list[Edge]:
    """Independent voices stating the same value, chained in id order."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[value_key(claim.value)].append(claim)
    edges = []
    for members in groups.values():
        firsts: dict[str, Claim] = {}
        for claim in sorted(members, key=lambda c: c.id):
            firsts.setdefault(index.independent_key(claim), claim)
        chain = sorted(firsts.values(), key=lambda c: c.id)
        edges.extend(
            Edge(source=a.id, target=b.id, kind="corroborates") for a, b in pairwise(chain)
        )
    return edges


def _consensus(claims: list[Claim], index: _Index) -> tuple[CountValue | None, str | None]:
    """The interval most independent voices allow: the best-supported candidate point, then
    the intersection of the intervals that contain it."""
    counted = [c for c in claims if isinstance(c.value, CountValue)]
    if not counted:
        return None, None
    intervals = [(count_interval(c.value), index.independent_key(c)) for c in counted]  # type: ignore[arg-type]
    points = sorted({p for (lo, hi), _ in intervals for p in (lo, hi) if abs(p) != float("inf")})
    best, support = None, -1
    for point in points:
        voices = {v for (lo, hi), v in intervals if lo <= point <= hi}
        if len(voices) > support:
            best, support = point, len(voices)
    if best is None:
        return None, None
    holding = [c for c, ((lo, hi), _) in zip(counted, intervals, strict=True) if lo <= best <= hi]
    value = _stated_overlap(holding, best)
    note = (
        f"{support} of {len({v for _, v in intervals})} independent sources allow "
        f"{label(value)}; it is the value most of them can agree on."
    )
    return value, note


def _stated_overlap(claims: list[Claim], point: float) -> CountValue:
    """The overlap of the claims' stated bounds (not their tolerance-widened intervals), or
    the best-supported point itself when approximate figures only meet inside tolerance."""
    values = [c.value for c in claims if isinstance(c.value, CountValue)]
    lows = [v.low for v in values if v.low is not None]
    highs = [v.high for v in values if v.high is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    approximate = all(v.approximate for v in values)
    if low is not None and high is not None and low > high:
        low = high = round(point)
    return CountValue(low=low, high=high, approximate=approximate, unit=values[0].unit)


def _consistent_text(values: list[FactValue], voices: Iterable[str], revisions: list[str]) -> str:
    n = len(set(voices))
    labels = ", ".join(v.label for v in values)
    base = (
        f"All values agree ({labels}); {n} independent source{'s' if n != 1 else ''}."
        if len(values) > 1
        else f"{n} independent source{'s' if n != 1 else ''} give {labels}."
    )
    if revisions:
        base += " Revised: " + "; ".join(revisions) + "."
    return base
