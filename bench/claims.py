"""Synthetic claims for timing the reconcile stage alone, without spaCy.

What a big news folder gives reconcile: a few thousand questions (fact keys) asked
by a few thousand documents in a dozen stories, answered very unevenly (a Zipf
law: the main troop count of the main story gathers thousands of claims, most
questions a handful), by a few hundred named sources and many unattributed
sentences. Each question has a handful of competing figures; each claim states
one of them with a hedge (exact, "about", "at least", "up to", a range, or a vague
"dozens"), a modality, sometimes a time, and evidence. Location and date claims are
mixed in. Everything is a function of the seed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from claimrec.models import (
    Claim,
    CountValue,
    DateValue,
    Entity,
    Evidence,
    GraphDocument,
    LocationValue,
    TimeRef,
)

DEFAULT_SEED = 20250601

# predicate -> (family, units it counts, typical size of the figure)
COUNT_PREDICATES: dict[str, tuple[str, tuple[str, ...], int]] = {
    "deployed": ("deployment", ("troops", "officers"), 10_000),
    "training": ("deployment", ("troops",), 5_000),
    "stationed": ("deployment", ("troops",), 8_000),
    "killed": ("killed", ("people", "civilians", "troops", "children"), 400),
    "injured": ("injured", ("people", "civilians", "troops"), 1_200),
    "missing": ("missing", ("people",), 150),
    "arrested": ("arrested", ("protesters", "people", "detainees"), 120),
    "captured": ("captured", ("prisoners", "troops"), 60),
    "evacuated": ("evacuated", ("people", "evacuees"), 30_000),
    "displaced": ("displaced", ("people", "refugees"), 45_000),
    "protested": ("protest", ("protesters", "people"), 20_000),
    "rescued": ("rescued", ("survivors", "people"), 80),
}
LOCATION_PREDICATES = ("deployed", "stationed", "training")
DATE_PREDICATES = ("signed", "struck", "protested")  # two one-off events, one recurring
MODALITIES = (("asserted", 0.75), ("reported", 0.12), ("expected", 0.05), ("possible", 0.04))
START = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class Question:
    """One fact key to be: a type, subject, predicate family, unit, scope and story."""

    type: str
    subject: str
    predicates: tuple[str, ...]
    unit: str | None
    location: str | None  # a region (narrows a count) or None
    story: str | None
    figures: tuple[int, ...]  # the competing figures the sources give


@dataclass(frozen=True)
class Workload:
    claims: list[Claim]
    documents: list[GraphDocument]
    entities: list[Entity]
    country_level: frozenset[str]
    story_of: dict[str, str | None]
    questions: int


def _round2(value: float) -> int:
    """Two significant figures, as reported figures usually are."""
    n = max(1, int(value))
    magnitude = 10 ** max(0, len(str(n)) - 2)
    return max(1, round(n / magnitude) * magnitude)


def _weighted(rng: random.Random, cumulative: list[float]) -> int:
    return min(bisect_left(cumulative, rng.random() * cumulative[-1]), len(cumulative) - 1)


def _entity(eid: str, name: str, kind: str) -> Entity:
    return Entity(id=eid, name=name, type=kind, aliases=[name], mentions=1)


def _count_value(rng: random.Random, figure: int, unit: str) -> tuple[CountValue, str]:
    """A figure as a source states it, and the quoted words."""
    roll = rng.random()
    if roll < 0.45:
        return CountValue(low=figure, high=figure, unit=unit), f"{figure:,} {unit}"
    if roll < 0.65:
        return (
            CountValue(low=figure, high=figure, approximate=True, unit=unit),
            f"about {figure:,} {unit}",
        )
    if roll < 0.77:
        return CountValue(low=figure, high=None, unit=unit), f"at least {figure:,} {unit}"
    if roll < 0.87:
        return CountValue(low=None, high=figure, unit=unit), f"up to {figure:,} {unit}"
    if roll < 0.95:
        high = _round2(figure * rng.uniform(1.1, 1.4))
        return CountValue(low=figure, high=high, unit=unit), f"{figure:,} to {high:,} {unit}"
    low = 10 ** max(1, len(str(figure)) - 1)
    return (
        CountValue(low=low, high=low * 10, approximate=True, unit=unit, vague=True),
        f"several thousand {unit}" if low >= 1000 else f"dozens of {unit}",
    )


def _evidence(quote: str, speaker: str, tail: str) -> Evidence:
    sentence = f"{speaker} said {quote} {tail}."
    start = len(speaker) + len(" said ")
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def workload(
    n: int = 100_000,
    *,
    seed: int = DEFAULT_SEED,
    documents: int = 2_500,
    sources: int = 300,
    questions: int = 3_000,
    stories: int = 12,
) -> Workload:
    """``n`` claims over ``questions`` fact keys, ``documents`` documents and ``sources``
    named sources, with everything reconcile needs alongside."""
    rng = random.Random(f"claimrec-bench-claims:{seed}")

    countries = [f"ent:country-{k:02d}" for k in range(40)]
    regions = [f"ent:region-{k:03d}" for k in range(160)]
    orgs = [f"ent:org-{k:02d}" for k in range(80)]
    people = [f"ent:person-{k:03d}" for k in range(sources)]
    entities = (
        [_entity(e, e.split(":")[1].replace("-", " ").title(), "GPE") for e in countries]
        + [_entity(e, e.split(":")[1].replace("-", " ").title(), "LOC") for e in regions]
        + [_entity(e, e.split(":")[1].replace("-", " ").title(), "ORG") for e in orgs]
        + [_entity(e, e.split(":")[1].replace("-", " ").title(), "PERSON") for e in people]
    )
    entities.sort(key=lambda e: e.id)
    names = {e.id: e.name for e in entities}
    subjects = countries + orgs

    # Documents, a few of them wire copies of an earlier one, spread over stories:
    # the main story (None) holds about half of them.
    docs: list[GraphDocument] = []
    story_of: dict[str, str | None] = {}
    labels: list[str | None] = [None] + [f"d{k:05d}" for k in range(1, stories)]
    story_weights = list(accumulate([float(stories)] + [1.0] * (stories - 1)))
    by_story: dict[str | None, list[str]] = {label: [] for label in labels}
    for k in range(documents):
        doc_id = f"d{k:05d}"
        label = labels[_weighted(rng, story_weights)] if k >= stories else labels[k]
        copy_of = None
        if k > 0 and rng.random() < 0.03 and by_story[label]:
            copy_of = rng.choice(by_story[label])
        published = START + dt.timedelta(days=rng.randrange(730)) if rng.random() < 0.8 else None
        docs.append(
            GraphDocument(
                id=doc_id, path=f"{doc_id}.txt", published=published, copy_of=copy_of, claims=0
            )
        )
        story_of[doc_id] = label
        by_story[label].append(doc_id)

    # Questions: unique fact keys.
    families: dict[str, list[str]] = {}
    for predicate, (family, _, _) in COUNT_PREDICATES.items():
        families.setdefault(family, []).append(predicate)
    seen: set[tuple] = set()
    qs: list[Question] = []
    while len(qs) < questions:
        story = labels[_weighted(rng, story_weights)]
        subject = rng.choice(subjects)
        roll = rng.random()
        if roll < 0.85:
            family = rng.choice(sorted(families))
            preds = tuple(families[family])
            _, units, size = COUNT_PREDICATES[preds[0]]
            unit = rng.choice(units)
            location = rng.choice(regions) if rng.random() < 0.4 else None
            base = size * rng.uniform(0.3, 3.0)
            figures = tuple(
                sorted({_round2(base * rng.uniform(0.7, 1.4)) for _ in range(rng.randint(1, 8))})
            )
            q = Question("count", subject, preds, unit, location, story, figures)
            key: tuple = ("count", subject, family, unit, location, story)
        elif roll < 0.93:
            q = Question("location", subject, LOCATION_PREDICATES, None, None, story, ())
            key = ("location", subject, story)
        else:
            predicate = rng.choice(DATE_PREDICATES)
            q = Question("date", subject, (predicate,), None, None, story, ())
            key = ("date", subject, predicate, story)
        if key in seen or not by_story[story]:
            continue
        seen.add(key)
        qs.append(q)

    question_weights = list(accumulate(1.0 / (k + 1) ** 0.8 for k in range(len(qs))))
    source_weights = list(accumulate(1.0 / (k + 1) ** 0.7 for k in range(len(people))))
    modality_weights = list(accumulate(w for _, w in MODALITIES))

    claims: list[Claim] = []
    for i in range(n):
        q = qs[_weighted(rng, question_weights)]
        doc = rng.choice(by_story[q.story])
        predicate = rng.choice(q.predicates)
        source = people[_weighted(rng, source_weights)] if rng.random() < 0.65 else None
        if rng.random() < 0.04:
            modality = "negated"
        else:
            modality = MODALITIES[_weighted(rng, modality_weights)][0]
        time = None
        if rng.random() < 0.1:
            start = START + dt.timedelta(days=rng.randrange(700))
            end = start + dt.timedelta(days=rng.choice((0, 6, 30)))
            time = TimeRef(text=f"{start:%B %-d}", start=start, end=end)
        location: str | None
        if q.type == "count":
            value, quote = _count_value(rng, rng.choice(q.figures), q.unit or "people")
            location = q.location or (rng.choice(countries) if rng.random() < 0.2 else None)
            tail = f"were {predicate}"
        elif q.type == "location":
            location = rng.choice(regions[:40] if rng.random() < 0.7 else regions)
            value = LocationValue(entity=location)
            quote = names[location]
            tail = f"is where the troops were {predicate}"
        else:
            location = None
            day = START + dt.timedelta(days=rng.choice((100, 101, 130, 400)))
            value = DateValue(text=f"{day:%B %-d, %Y}", start=day, end=day, granularity="day")
            quote = value.text
            tail = f"was when it was {predicate}"
        speaker = names[source] if source else "Officials"
        claims.append(
            Claim(
                id="clm:" + hashlib.sha1(f"{doc}\x1f{i}".encode()).hexdigest()[:16],
                doc=doc,
                type=q.type,
                subject=q.subject,
                predicate=predicate,
                value=value,
                location=location,
                time=time,
                source=source,
                source_text=speaker if source else None,
                modality=modality,
                confidence=rng.choice((0.9, 0.8, 0.7, 0.6)),
                evidence=_evidence(quote, speaker, tail),
            )
        )
    claims.sort(key=lambda c: c.id)
    return Workload(
        claims=claims,
        documents=docs,
        entities=entities,
        country_level=frozenset(countries),
        story_of=story_of,
        questions=len(qs),
    )
