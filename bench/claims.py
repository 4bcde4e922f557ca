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

from claimrec.lexicon import Lexicon
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


def uniform_workload(
    n: int = 100_000,
    *,
    seed: int = DEFAULT_SEED,
    documents: int = 2_500,
    sources: int = 300,
    questions: int = 3_000,
    stories: int = 12,
) -> Workload:
    """The first synthetic workload, kept as a second bench line: ``n`` claims over
    ``questions`` fact keys, ``documents`` documents and ``sources`` named sources. Every
    count's measure is ``other`` and every sentence has one shape (the claim's offset
    within it never changes), so it exercises little of reconcile; ``workload`` is the
    realistic one."""
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


# ------------------------------------------------------------------ the realistic workload

SYLLABLES = ("ka", "lo", "ve", "dra", "min", "tor", "sel", "ba", "rio", "nes", "ul", "gar")
FILLERS = (
    "",
    "",
    "",
    "On the ground, ",
    "Late on the second day, ",
    "As the search went on, ",
    "By nightfall, ",
    "In a brief statement, ",
)
QUIET = (  # sentences with no claim, between the claims of an article
    "The area remained tense.",
    "Roads into the district were closed for most of the day.",
    "Aid groups called for calm and for access to the worst-hit streets.",
    "Witnesses described long queues outside the main clinic.",
    "Talks between the two sides were due to resume later in the week.",
)
LINKED_MEASURES = (("deaths", "injured"), ("deaths", "missing"), ("arrested", "injured"))


@dataclass(frozen=True)
class _Ask:
    """One question of the realistic workload: a measure asked of a scope in a story."""

    type: str
    story: str | None
    predicate: str
    measure: str
    unit: str | None
    subject: str | None
    location: str | None
    figures: tuple[int, ...]
    cumulative: bool


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).title()


def _names(rng: random.Random, count: int, parts: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        name = _name(rng, parts)
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def _counts_by_measure(lexicon: Lexicon) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Each measure of the lexicon's closed set with its predicates and the nouns that
    count it (a noun whose default predicate is the predicate, else a people noun)."""
    nouns: dict[str | None, list[str]] = {}
    for noun, entry in lexicon.units.items():
        if noun.isalpha() and not noun.endswith("s"):
            nouns.setdefault(entry.default_predicate, []).append(noun)
    people = ("people", "person", "civilian", "resident", "worker")
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for predicate, entry in lexicon.predicates.items():
        if entry.measure is None or entry.measure not in lexicon.measures or entry.once:
            continue
        own = tuple(nouns.get(predicate, ())[:3])
        units = own + people[: 2 + len(own) % 3] if entry.measure != "force" else ("troop",)
        out.setdefault(entry.measure, []).append((predicate, units))
    return out


def _ask_figures(rng: random.Random, size: float) -> tuple[int, ...]:
    base = size * rng.lognormvariate(0, 1.0)
    count = rng.choice((1, 1, 2, 2, 3, 4, 6))
    return tuple(sorted({_round2(base * rng.uniform(0.75, 1.35)) for _ in range(count)}))


def _plural(noun: str) -> str:
    return {"person": "people", "people": "people", "man": "men", "woman": "women"}.get(
        noun, noun + "s"
    )


def _hedged(rng: random.Random, figure: int, noun: str) -> tuple[CountValue, str]:
    """A figure as a source states it, counting ``noun`` (a lemma), and the quoted words."""
    value, quote = _count_value(rng, figure, _plural(noun))
    return value, quote


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _time(rng: random.Random, published: dt.date | None) -> TimeRef | None:
    roll = rng.random()
    if published is None or roll > 0.22:
        return None
    if roll < 0.12:
        day = published - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3)))
        return TimeRef(text=f"on {day:%A}", start=day, end=day)
    if roll < 0.17:
        start = published - dt.timedelta(days=rng.randrange(2, 30))
        return TimeRef(text=f"since {start:%B %-d}", start=start, end=published)
    day = published - dt.timedelta(days=rng.randrange(400, 4000))
    return TimeRef(
        text=f"in {day.year}", start=dt.date(day.year, 1, 1), end=dt.date(day.year, 12, 31)
    )


class _Article:
    """A body being written sentence by sentence, so evidence offsets are real offsets;
    paragraphs of one to three sentences, as news is written."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str) -> int:
        if self.parts:
            gap = "\n\n" if self.rng.random() < 0.5 else " "
            self.parts.append(gap)
            self.length += len(gap)
        at = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return at

    def text(self) -> str:
        return "".join(self.parts)


def workload(
    n: int = 100_000,
    *,
    seed: int = DEFAULT_SEED,
    documents: int = 8_000,
    sources: int = 400,
    questions: int = 6_000,
    stories: int = 12,
) -> Workload:
    """``n`` claims as a news folder of ``documents`` articles would give them: counts of
    every measure in the lexicon's closed set (with the nouns and predicates the lexicon
    gives it), a place, a subject or neither in the key, competing and growing figures,
    hedges, parts, rates, projections, running totals, several counts in one sentence,
    dated and undated claims (``as_of`` the stated day, else the article's), named and
    unnamed sources, location and date claims, each at its real offset in an article body
    that also holds sentences with no claim. Facts are Zipf-sized within each story (the
    main toll of the main story is told by most of its articles, most questions by a
    handful). Everything is a function of the seed."""
    from claimrec.lexicon import load_lexicon

    lexicon = load_lexicon()
    rng = random.Random(f"claimrec-bench-news:{seed}")
    taken: set[str] = set()
    countries = [(f"ent:gpe-{k:02d}", name) for k, name in enumerate(_names(rng, 30, 2, taken))]
    regions = [(f"ent:loc-{k:03d}", name) for k, name in enumerate(_names(rng, 150, 3, taken))]
    orgs = [
        (f"ent:org-{k:02d}", f"{name} Agency") for k, name in enumerate(_names(rng, 60, 3, taken))
    ]
    people = [
        (f"ent:per-{k:03d}", f"{a} {b}")
        for k, (a, b) in enumerate(
            zip(_names(rng, sources, 3, taken), _names(rng, sources, 4, taken), strict=True)
        )
    ]
    entities = sorted(
        [_entity(e, name, "GPE") for e, name in countries]
        + [_entity(e, name, "LOC") for e, name in regions]
        + [_entity(e, name, "ORG") for e, name in orgs]
        + [_entity(e, name, "PERSON") for e, name in people],
        key=lambda e: e.id,
    )
    names = {e.id: e.name for e in entities}
    by_measure = _counts_by_measure(lexicon)
    measures = sorted(by_measure)
    cumulative = frozenset(lexicon.reconcile.cumulative_measures)
    agent_owns = frozenset(lexicon.reconcile.agent_owns)
    once = [p for p, e in lexicon.predicates.items() if e.once]

    labels: list[str | None] = [None] + [f"s{k:02d}" for k in range(1, stories)]
    home = {label: countries[k % len(countries)][0] for k, label in enumerate(labels)}
    asks: dict[str | None, list[_Ask]] = {label: [] for label in labels}
    seen: set[tuple[object, ...]] = set()
    story_weights = list(accumulate([float(stories)] + [1.0] * (stories - 1)))
    while sum(len(v) for v in asks.values()) < questions:
        story = labels[_weighted(rng, story_weights)]
        roll = rng.random()
        if roll < 0.88:
            measure = rng.choice(measures)
            predicate, units = rng.choice(by_measure[measure])
            unit = rng.choice(units)
            subject = rng.choice(orgs)[0] if measure in agent_owns and rng.random() < 0.7 else None
            location = rng.choice(regions)[0] if rng.random() < 0.35 else None
            size = 10 ** rng.uniform(1, 4.5)
            ask = _Ask(
                "count",
                story,
                predicate,
                measure,
                unit,
                subject,
                location,
                _ask_figures(rng, size),
                measure in cumulative,
            )
        else:
            kind = "location" if roll < 0.95 else "date"
            predicate = (
                rng.choice(once) if rng.random() < 0.6 else rng.choice(sorted(lexicon.predicates))
            )
            ask = _Ask(kind, story, predicate, "other", None, None, None, (), False)
        key = (ask.type, story, ask.measure, ask.predicate, ask.unit, ask.subject, ask.location)
        if key not in seen:
            seen.add(key)
            asks[story].append(ask)
    ask_weights = {
        label: list(accumulate(1.0 / (k + 1) ** 1.05 for k in range(len(found))))
        for label, found in asks.items()
    }
    source_weights = list(accumulate(1.0 / (k + 1) ** 0.8 for k in range(len(people) + len(orgs))))
    voices = [e for e, _ in people] + [e for e, _ in orgs]
    modality_weights = list(accumulate(w for _, w in MODALITIES))

    docs: list[GraphDocument] = []
    story_of: dict[str, str | None] = {}
    claims: list[Claim] = []
    per_doc = max(1, n // documents)
    for k in range(documents):
        doc_id = f"d{k:05d}"
        story = labels[k] if k < stories else labels[_weighted(rng, story_weights)]
        if not asks[story]:
            story = None
        published = START + dt.timedelta(days=rng.randrange(60)) if rng.random() < 0.9 else None
        article = _Article(rng)
        wanted = (
            n - len(claims) if k == documents - 1 else max(1, int(rng.expovariate(1 / per_doc)))
        )
        made = 0
        while made < wanted and len(claims) < n:
            if rng.random() < 0.3:
                article.add(rng.choice(QUIET))
            ask = asks[story][_weighted(rng, ask_weights[story])]
            made += _sentence(
                rng,
                claims,
                article,
                doc_id,
                ask,
                asks[story],
                published,
                speaker=voices[_weighted(rng, source_weights)] if rng.random() < 0.7 else None,
                names=names,
                regions=regions,
                home=home[story],
                lexicon=lexicon,
                modality=MODALITIES[_weighted(rng, modality_weights)][0]
                if rng.random() > 0.04
                else "negated",
            )
        docs.append(
            GraphDocument(
                id=doc_id,
                path=f"{doc_id}.txt",
                published=published,
                claims=made,
                body=article.text(),
            )
        )
        story_of[doc_id] = story
    claims.sort(key=lambda c: c.id)
    return Workload(
        claims=claims,
        documents=docs,
        entities=entities,
        country_level=frozenset(e for e, _ in countries),
        story_of=story_of,
        questions=sum(len(v) for v in asks.values()),
    )


def _figure(rng: random.Random, ask: _Ask, published: dt.date | None) -> int:
    """One of the question's competing figures; a running total grows with the days."""
    figure = rng.choice(ask.figures)
    if ask.cumulative and published is not None:
        figure = _round2(figure * (1 + (published - START).days / 30))
    return figure


def _sentence(
    rng: random.Random,
    claims: list[Claim],
    article: _Article,
    doc: str,
    ask: _Ask,
    story_asks: list[_Ask],
    published: dt.date | None,
    *,
    speaker: str | None,
    names: dict[str, str],
    regions: list[tuple[str, str]],
    home: str,
    lexicon: Lexicon,
    modality: str,
) -> int:
    """Write one sentence holding one or two claims of ``ask`` into the article; return how
    many claims it added."""
    who = names[speaker] if speaker else rng.choice(("officials", "local media", "a spokesperson"))
    time = _time(rng, published)
    when = f" {time.text}" if time else ""
    lead = rng.choice(FILLERS)
    if ask.type != "count":
        return _event_sentence(
            rng,
            claims,
            article,
            doc,
            ask,
            published,
            speaker,
            who,
            lead,
            names=names,
            regions=regions,
            home=home,
        )
    place = ask.location or (home if rng.random() < 0.15 else None)
    where = names[place] if place else rng.choice(regions)[1]
    verb = ask.predicate.replace("_", " ")
    value, quote = _hedged(rng, _figure(rng, ask, published), ask.unit or "people")
    shape = rng.random()
    second: tuple[_Ask, CountValue, str] | None = None
    if shape < 0.12:
        other = [
            a
            for a in story_asks[:40]
            if a.type == "count"
            and a.location == ask.location
            and (ask.measure, a.measure) in LINKED_MEASURES
        ]
        if other:
            link = rng.choice(other)
            v2, q2 = _hedged(rng, _figure(rng, link, published), link.unit or "people")
            second = (link, v2, q2)
    if second is not None:
        link, v2, q2 = second
        verb2 = link.predicate.replace("_", " ")
        text = f"{lead}{quote} were {verb} and {q2} {verb2}{when}, {who} said."
    elif shape < 0.40:
        text = f"{lead}{_upper(who)} said {quote} were {verb}{when}."
    elif shape < 0.55:
        text = f"In {where}, {quote} were {verb}{when}, {who} said."
    elif shape < 0.65:
        text = f"{lead}{_upper(quote)} were {verb} in {where}{when}, according to {who}."
    elif shape < 0.72:
        text = f"The number {verb} rose to {quote}{when}, {who} said."
    elif shape < 0.77:
        text = f"Another {quote} were {verb}{when}, {who} said."
    elif shape < 0.81:
        text = f"{_upper(who)} said {quote} were being {verb} a day."
    elif shape < 0.85:
        text = f"{_upper(who)} said {quote} could be {verb} by next month."
        modality = "expected"
    elif shape < 0.90:
        text = f"{lead}{_upper(quote)} have been {verb} so far, {who} said."
    elif shape < 0.94:
        text = f"Of those, {quote} were {verb}{when}."
    else:
        text = f"{lead}{_upper(who)} told reporters {quote} had been {verb} there{when}."
    at = article.add(text)
    added = [(ask, value, quote)] + ([second] if second else [])
    for a, v, q in added:
        offset = text.find(q)
        claims.append(
            _claim(
                rng,
                doc,
                a,
                v,
                q,
                text,
                at + offset,
                time=time,
                published=published,
                speaker=speaker,
                who=who,
                modality=modality,
                location=a.location or (place if text.startswith("In ") else None),
            )
        )
    return len(added)


def _event_sentence(
    rng: random.Random,
    claims: list[Claim],
    article: _Article,
    doc: str,
    ask: _Ask,
    published: dt.date | None,
    speaker: str | None,
    who: str,
    lead: str,
    *,
    names: dict[str, str],
    regions: list[tuple[str, str]],
    home: str,
) -> int:
    """A place or a date of an event: "It struck near X", "X signed it on 3 March"."""
    verb = ask.predicate.replace("_", " ")
    if ask.type == "location":
        place = rng.choice(regions[:20])[0] if rng.random() < 0.7 else rng.choice(regions)[0]
        quote = names[place]
        text = f"{lead}It {verb} near {quote}, {who} said."
        value: LocationValue | DateValue = LocationValue(entity=place)
        location: str | None = place
        word, prep = None, None
    else:
        base = START + dt.timedelta(days=rng.choice((3, 4, 20, 41)))
        quote = f"{base:%B %-d}"
        text = f"{lead}{_upper(who)} said it {verb} on {quote}."
        value = DateValue(text=quote, start=base, end=base, granularity="day")
        location, word, prep = None, verb.split()[0], "on"
    at = article.add(text)
    start = at + text.find(quote)
    claims.append(
        Claim(
            id=_claim_id(doc, start),
            doc=doc,
            type=ask.type,
            subject=None,
            predicate=ask.predicate,
            value=value,
            location=location,
            as_of=published,
            source=speaker,
            source_text=who if speaker else None,
            confidence=rng.choice((0.9, 0.8, 0.7)),
            evidence=Evidence(start=start, end=start + len(quote), quote=quote, sentence=text),
            dated_word=word,
            dated_prep=prep,
        )
    )
    return 1


def _claim_id(doc: str, start: int) -> str:
    return "clm:" + hashlib.sha1(f"{doc}\x1f{start}".encode()).hexdigest()[:16]


def _claim(
    rng: random.Random,
    doc: str,
    ask: _Ask,
    value: CountValue,
    quote: str,
    sentence: str,
    start: int,
    *,
    time: TimeRef | None,
    published: dt.date | None,
    speaker: str | None,
    who: str,
    modality: str,
    location: str | None,
) -> Claim:
    return Claim(
        id=_claim_id(doc, start),
        doc=doc,
        type="count",
        subject=ask.subject,
        predicate=ask.predicate,
        measure=ask.measure,
        value=value,
        counted=ask.unit,
        location=location,
        time=time,
        as_of=time.start if time is not None and time.start == time.end else published,
        source=speaker,
        source_text=who if speaker else None,
        modality=modality,
        confidence=rng.choice((0.9, 0.8, 0.7, 0.6)),
        evidence=Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence),
    )
