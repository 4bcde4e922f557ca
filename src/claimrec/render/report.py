"""The contradiction report: where do the sources disagree, who says what, and in which words.

Compute, then render. ``report_model`` is a pure function from a ``Graph`` to a small,
frozen ``Report`` (names resolved, quotes located, everything sorted by a stable key);
the renderers only lay that model out:

* ``render_text(report, console)`` writes a rich terminal report to the console given
  (colour and emphasis when the console is a terminal, plain text otherwise; rich
  honours ``NO_COLOR``). ``TextReport`` is the renderable behind it.
* ``render_markdown(report)`` returns Markdown for pull-request comments and CI summaries.
* ``render_json(report)`` returns the conflicts and the summary as canonical JSON.
* ``render_report(graph, format=..., console=...)`` is what the CLI calls.

The stories compared come first; then conflicts in full, most important first; then
facts updated over time, as timelines; then facts whose values several independent
sources give and can all be true ("consistent", never called agreement when the values
differ), one line each; with ``--all`` the facts stated once; then a one-line summary.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from typing import Literal

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.text import Text

from claimrec.models import (
    ClaimType,
    CountValue,
    Fact,
    FactKey,
    FactValue,
    Graph,
    GraphDocument,
    LocationValue,
    Modality,
    Reason,
    Record,
)
from claimrec.render.blocks import Indented, md
from claimrec.render.explain import timeline, voice_name
from claimrec.values import count_interval, count_label, label

ReportFormat = Literal["text", "markdown", "json"]
FORMATS: tuple[ReportFormat, ...] = ("text", "markdown", "json")

# ------------------------------------------------------------------------- model


class DocumentRef(Record):
    """A document as a reader needs to find it: its id, and outlet/title/date when known."""

    id: str
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None


class Quote(Record):
    """One claim behind a value: who said it, where, and the sentence it stands in."""

    claim: str
    doc: DocumentRef
    source: str | None = None  # entity name; None when the claim is unattributed
    modality: Modality = "asserted"
    quote: str
    sentence: str
    quote_start: int | None = None  # where ``quote`` starts in ``sentence``, if it is there


class ValueReport(Record):
    """One distinct value of a fact, with the sources, documents and quotes behind it."""

    label: str
    sources: tuple[str, ...]  # entity names
    unattributed: int = 0  # claims behind the value that name no source
    documents: tuple[str, ...]
    quotes: tuple[Quote, ...]


class Question(Record):
    """What a fact answers, in words: "Kestova — deployment: how many troops?"."""

    text: str
    type: ClaimType
    subject: str | None = None
    predicate: str
    unit: str | None = None
    place: str | None = None
    story: str | None = None  # which story the fact belongs to, when not the main one


class Consensus(Record):
    """The value most independent sources allow (counts only), and why."""

    label: str | None = None
    value: CountValue | None = None
    note: str | None = None


class ConflictReport(Record):
    fact: str
    question: Question
    values: tuple[ValueReport, ...]
    explanation: str
    consensus: Consensus
    revisions: tuple[str, ...] = ()
    independent_sources: int = 0
    spread: float = 0.0  # how far apart the clashing figures are, relative to the larger


class UpdateReport(Record):
    """A fact whose values differ only over time, as a timeline."""

    fact: str
    question: Question
    steps: tuple[str, ...]
    independent_sources: int


class SingleReport(Record):
    """A fact stated by one claim (shown with ``--all``)."""

    fact: str
    question: Question
    value: str
    source: str | None = None


class StoryRef(Record):
    """A story the report compared facts within."""

    label: str | None  # None: the main story
    name: str
    documents: int


class ReportFilter(Record):
    """Which facts a report shows: one fact id, facts a source speaks in, one story; and
    whether single-claim facts are listed too (``all``)."""

    fact: str | None = None
    source: str | None = None
    story: str | None = None
    all: bool = False


class AgreementReport(Record):
    """A consistent fact with more than one independent source, in brief."""

    fact: str
    question: Question
    values: tuple[str, ...]
    independent_sources: int


class Summary(Record):
    documents: int  # documents read (not skipped)
    skipped: int
    claims: int
    facts: int
    conflicts: int
    consistent: int
    single: int
    updated: int = 0


class Report(Record):
    conflicts: tuple[ConflictReport, ...]
    agreements: tuple[AgreementReport, ...]
    summary: Summary
    updates: tuple[UpdateReport, ...] = ()
    singles: tuple[SingleReport, ...] = ()
    stories: tuple[StoryRef, ...] = ()


# ----------------------------------------------------------------------- compute


def report_model(graph: Graph, *, filters: ReportFilter | None = None) -> Report:
    """The report of ``graph``: conflicts (most important first), facts updated over time,
    multi-source agreements, with ``filters.all`` single-claim facts, and counts."""
    filters = filters or ReportFilter()
    names = {e.id: e.name for e in graph.entities}
    documents = {d.id: d for d in graph.documents}
    claims = {c.id: c for c in graph.claims}
    facts = [f for f in sorted(graph.facts, key=lambda f: f.id) if _wanted(f, filters, names)]

    def name(entity_id: str) -> str:
        return names.get(entity_id, entity_id)

    def quote(claim_id: str) -> Quote | None:
        claim = claims.get(claim_id)
        if claim is None:
            return None
        sentence = claim.evidence.sentence.strip()
        found = sentence.find(claim.evidence.quote) if claim.evidence.quote else -1
        return Quote(
            claim=claim.id,
            doc=_document_ref(claim.doc, documents.get(claim.doc)),
            source=name(claim.source) if claim.source else None,
            modality=claim.modality,
            quote=claim.evidence.quote,
            sentence=sentence,
            quote_start=found if found >= 0 else None,
        )

    def value_report(value: FactValue) -> ValueReport:
        quotes = [q for q in map(quote, value.claims) if q is not None]
        quotes.sort(key=lambda q: (q.doc.id, q.claim))
        return ValueReport(
            label=_value_label(value, names),
            sources=tuple(_unique_sorted(name(s) for s in value.sources)),
            unattributed=sum(1 for q in quotes if q.source is None),
            documents=tuple(sorted(set(value.documents))),
            quotes=tuple(quotes),
        )

    conflicts = sorted(
        (
            ConflictReport(
                fact=fact.id,
                question=question(fact.key, names),
                values=tuple(value_report(v) for v in fact.values),
                explanation=fact.explanation,
                consensus=_consensus(fact),
                revisions=tuple(_revision(r, names) for r in fact.reasons if r.kind == "revision"),
                independent_sources=fact.independent_sources,
                spread=_spread(fact),
            )
            for fact in facts
            if fact.status == "conflict"
        ),
        key=lambda c: (-c.independent_sources, -c.spread, c.fact),
    )
    updates = tuple(
        UpdateReport(
            fact=fact.id,
            question=question(fact.key, names),
            steps=tuple(timeline(fact, names)),
            independent_sources=fact.independent_sources,
        )
        for fact in facts
        if fact.status == "updated"
    )
    agreements = tuple(
        AgreementReport(
            fact=fact.id,
            question=question(fact.key, names),
            values=tuple(_value_label(v, names) for v in fact.values),
            independent_sources=fact.independent_sources,
        )
        for fact in facts
        if fact.status == "consistent" and fact.independent_sources > 1
    )
    shown = {u.fact for u in updates} | {a.fact for a in agreements}
    singles = tuple(
        SingleReport(
            fact=fact.id,
            question=question(fact.key, names),
            value=_value_label(fact.values[0], names),
            source=name(fact.values[0].sources[0]) if fact.values[0].sources else None,
        )
        for fact in facts
        if filters.all and fact.status != "conflict" and fact.id not in shown and fact.values
    )
    skipped = sum(1 for d in graph.documents if d.skipped is not None)
    summary = Summary(
        documents=len(graph.documents) - skipped,
        skipped=skipped,
        claims=len(graph.claims),
        facts=len(graph.facts),
        conflicts=sum(1 for f in graph.facts if f.status == "conflict"),
        consistent=sum(1 for f in graph.facts if f.status == "consistent"),
        single=sum(1 for f in graph.facts if f.status == "single"),
        updated=sum(1 for f in graph.facts if f.status == "updated"),
    )
    return Report(
        conflicts=tuple(conflicts),
        agreements=agreements,
        summary=summary,
        updates=updates,
        singles=singles,
        stories=_stories(graph, names),
    )


def _wanted(fact: Fact, filters: ReportFilter, names: dict[str, str]) -> bool:
    """Whether ``fact`` passes the report's filters (ids exact; names case-insensitive)."""
    if filters.fact is not None and filters.fact not in (fact.id, fact.id.removeprefix("fact:")):
        return False
    if filters.story is not None:
        label = fact.key.story
        shown = _story_name(label, names) if label else MAIN_STORY
        if filters.story.casefold() not in {str(label).casefold(), shown.casefold()}:
            return False
    if filters.source is not None:
        wanted = filters.source.casefold()
        voices = {s for v in fact.values for s in (*v.sources, *v.voices)}
        if not any(wanted in voice_name(s, names).casefold() for s in voices):
            return False
    return True


MAIN_STORY = "main"


def _stories(graph: Graph, names: dict[str, str]) -> tuple[StoryRef, ...]:
    counts: dict[str | None, int] = {}
    for d in graph.documents:
        if d.skipped is None:
            counts[d.story] = counts.get(d.story, 0) + 1
    return tuple(
        StoryRef(
            label=label,
            name=_story_name(label, names) if label else MAIN_STORY,
            documents=n,
        )
        for label, n in sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))
    )


def _spread(fact: Fact) -> float:
    """How far apart a conflict's stated figures are: the gap between the highest lower
    bound and the lowest upper bound, relative to the former (0 when none is a count)."""
    spans = [
        count_interval(v.value)
        for v in fact.values
        if isinstance(v.value, CountValue) and v.role in ("stated", "hedged")
    ]
    lows = [lo for lo, _ in spans if lo != float("-inf")]
    highs = [hi for _, hi in spans if hi != float("inf")]
    if not lows or not highs or max(lows) <= 0:
        return 0.0
    return round(max(0.0, (max(lows) - min(highs)) / max(lows)), 3)


def question(key: FactKey, entity_names: dict[str, str]) -> Question:
    """The question a fact key stands for, with entity ids resolved to names:
    "Kestova — deployment in Marren: how many troops?"."""
    subject = entity_names.get(key.subject, key.subject) if key.subject else None
    place = entity_names.get(key.location, key.location) if key.location else None
    story = _story_name(key.story, entity_names) if key.story else None
    predicate = key.predicate.replace("_", " ")
    what = f"{predicate} in {place}" if place else predicate
    if key.type == "count":
        counted = key.unit or (key.measure if key.measure not in (None, "other") else None)
        ask = (
            f"how many ({counted})?"
            if counted and not key.unit
            else (f"how many {counted}?" if counted else "how many?")
        )
    elif key.type == "date":
        ask = "when?"
    else:
        ask = "where?"
    text = f"{subject} — {what}: {ask}" if subject else f"{what[:1].upper()}{what[1:]}: {ask}"
    if story:
        text = f"[{story}] {text}"
    return Question(
        text=text,
        type=key.type,
        subject=subject,
        predicate=predicate,
        unit=key.unit,
        place=place,
        story=story,
    )


def _story_name(story: str, entity_names: dict[str, str]) -> str:
    """Stories are labelled by an entity id without its ``ent:`` prefix (maybe with a
    ``-2`` suffix when two stories share it): show the entity's name where there is one."""
    base, _, suffix = story.rpartition("-")
    for entity_id, extra in ((f"ent:{story}", ""), (f"ent:{base}", f" ({suffix})")):
        if entity_id in entity_names and (not extra or suffix.isdigit()):
            return entity_names[entity_id] + extra
    return story


def _value_label(value: FactValue, entity_names: dict[str, str]) -> str:
    if isinstance(value.value, LocationValue):
        return label(value.value, entity_names=entity_names)
    return value.label


def _consensus(fact: Fact) -> Consensus:
    value = fact.consensus
    return Consensus(
        label=count_label(value) if value is not None else None,
        value=value,
        note=_consensus_note(fact),
    )


def _consensus_note(fact: Fact) -> str | None:
    """Why there is a consensus, or why not, from the fact's counts of voices."""
    n, of = fact.consensus_support, fact.consensus_voices
    if fact.consensus is not None:
        return (
            f"{n} of {of} independent sources in the latest window allow "
            f"{count_label(fact.consensus)}, a strict majority."
        )
    if fact.no_consensus == "tie":
        return f"No consensus: a tie, {n} of {of} independent sources at most agree."
    if fact.no_consensus == "no_majority":
        return f"No consensus: at most {n} of {of} independent sources agree, no majority."
    if fact.no_consensus == "no_values":
        return "No consensus: no stated figure in the latest window."
    return None


def _revision(reason: Reason, names: dict[str, str]) -> str:
    """ "Anna Berg revised 4,000 (2025-01-01) to 5,000 (2025-02-01)"."""
    who = voice_name(reason.sources[0], names) if reason.sources else "A source"
    ends = [
        f"{value} ({reason.dates[i].isoformat()})" if i < len(reason.dates) else value
        for i, value in enumerate(reason.values[:2])
    ]
    return f"{who} revised {' to '.join(ends)}"


def _document_ref(doc_id: str, document: GraphDocument | None) -> DocumentRef:
    if document is None:
        return DocumentRef(id=doc_id)
    return DocumentRef(
        id=doc_id, outlet=document.outlet, title=document.title, published=document.published
    )


def _unique_sorted(items: Iterable[str]) -> list[str]:
    return sorted(set(items), key=lambda s: (s.casefold(), s))


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def summary_line(summary: Summary) -> str:
    """One line of counts, the same in every format."""
    return (
        f"Read {_plural(summary.documents, 'document')} ({summary.skipped} skipped): "
        f"{_plural(summary.claims, 'claim')} in {_plural(summary.facts, 'fact')} — "
        f"{_plural(summary.conflicts, 'conflict')}, {summary.updated} updated, "
        f"{summary.consistent} consistent, {summary.single} single."
    )


def _document_text(doc: DocumentRef) -> str:
    """The document's id, then outlet, date and title where known:
    'floods/03_harlow (Harlow Post, 2025-03-18: "River bursts its banks")'."""
    about = ", ".join(
        part for part in (doc.outlet, doc.published.isoformat() if doc.published else None) if part
    )
    if doc.title:
        about = f'{about}: "{doc.title}"' if about else f'"{doc.title}"'
    return f"{doc.id} ({about})" if about else doc.id


def _who(quote: Quote) -> str:
    who = quote.source or "unattributed"
    return who if quote.modality == "asserted" else f"{who}, {quote.modality}"


def _who_all(value: ValueReport) -> list[str]:
    """The sources of a value, then how many of its claims are unattributed."""
    if not value.sources:
        return ["unattributed"]
    if value.unattributed:
        return [*value.sources, f"{value.unattributed} unattributed"]
    return list(value.sources)


NO_CONFLICTS = "No conflicts: no fact has values that cannot all be true."

# -------------------------------------------------------------------------- text

STYLES = {
    "title": "bold",
    "conflict": "bold red",
    "fact_id": "dim",
    "value": "bold",
    "source": "cyan",
    "document": "dim",
    "quote": "bold underline",
    "label": "bold",
    "agree": "green",
    "gutter": "dim",
    "rule": "dim",
    "ok": "bold green",
    "summary": "bold",
}


class TextReport:
    """The report as a rich renderable: yields its blocks, never prints."""

    def __init__(self, report: Report) -> None:
        if not isinstance(report, Report):
            raise TypeError(f"TextReport needs a Report (from report_model), got {type(report)}")
        self.report = report

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Indented(Group(*self._blocks()), 0)

    def _blocks(self) -> Iterable[RenderableType]:
        report = self.report
        title = f"Contradiction report: {_plural(len(report.conflicts), 'conflict')}"
        yield Rule(Text(title, style=STYLES["title"]), characters="=", style=STYLES["rule"])
        if report.stories:
            yield Text(stories_line(report.stories), style=STYLES["document"])
        if not report.conflicts:
            yield Text()
            yield Text(NO_CONFLICTS, style=STYLES["ok"])
        for conflict in report.conflicts:
            yield Text()
            yield from _conflict_text(conflict)
        if report.updates:
            yield Text()
            yield Rule(
                Text(
                    f"Updated over time: {_plural(len(report.updates), 'fact')}",
                    style=STYLES["title"],
                ),
                characters="-",
                style=STYLES["rule"],
            )
            for update in report.updates:
                yield Indented(_update_text(update), 2, marker=("↗", STYLES["agree"]))
        if report.agreements:
            count = _plural(len(report.agreements), "fact")
            yield Text()
            yield Rule(
                Text(f"Consistent across independent sources: {count}", style=STYLES["title"]),
                characters="-",
                style=STYLES["rule"],
            )
            for agreement in report.agreements:
                yield Indented(_agreement_text(agreement), 2, marker=("✓", STYLES["agree"]))
        if report.singles:
            yield Text()
            yield Rule(
                Text(f"Stated once: {_plural(len(report.singles), 'fact')}", style=STYLES["title"]),
                characters="-",
                style=STYLES["rule"],
            )
            for single in report.singles:
                yield Indented(_single_text(single), 2, marker=("·", ""))
        yield Text()
        yield Text(summary_line(report.summary), style=STYLES["summary"])


def _conflict_text(conflict: ConflictReport) -> Iterable[RenderableType]:
    yield Text.assemble(
        ("CONFLICT ", STYLES["conflict"]),
        (conflict.question.text, STYLES["title"]),
        "  ",
        (conflict.fact, STYLES["fact_id"]),
    )
    body: list[RenderableType] = [Text(conflict.explanation)]
    for value in conflict.values:
        body += [Text(), Text(value.label, style=STYLES["value"])]
        body.append(Indented(_value_text(value), 2))
    consensus = conflict.consensus
    line = Text.assemble(("Consensus: ", STYLES["label"]), consensus.label or "none")
    if consensus.note:
        line.append(f" — {consensus.note}")
    body += [Text(), line]
    if conflict.revisions:
        body += [Text(), Text("Revisions:", style=STYLES["label"])]
        body += [Indented(Text(r), 2, marker=("-", "")) for r in conflict.revisions]
    yield Indented(Group(*body), 2)


def _value_text(value: ValueReport) -> RenderableType:
    parts: list[RenderableType] = []
    for quote in value.quotes:
        parts.append(
            Text.assemble(
                (_who(quote), STYLES["source"]),
                " · ",
                (_document_text(quote.doc), STYLES["document"]),
            )
        )
        parts.append(Indented(_sentence_text(quote), 2, gutter=("│", STYLES["gutter"])))
    if not parts:  # the claims are missing from the graph: still say who and where
        who = "; ".join(_who_all(value))
        parts.append(Text(f"{who} · {', '.join(value.documents)}"))
    return Group(*parts)


def _sentence_text(quote: Quote) -> Text:
    """The sentence, its quoted span emphasised."""
    text = Text(quote.sentence)
    if quote.quote_start is not None:
        text.stylize(STYLES["quote"], quote.quote_start, quote.quote_start + len(quote.quote))
    return text


def _update_text(update: UpdateReport) -> Text:
    steps = "; ".join(update.steps) or "values differ only over time"
    return Text.assemble((update.question.text, STYLES["label"]), " ", steps)


def _single_text(single: SingleReport) -> Text:
    who = f" ({single.source})" if single.source else " (unattributed)"
    return Text.assemble((single.question.text, STYLES["label"]), " ", single.value, (who, "dim"))


def stories_line(stories: tuple[StoryRef, ...]) -> str:
    """Which stories facts were compared within (facts never cross stories)."""
    if len(stories) == 1:
        return f"Stories compared: 1 (all {_plural(stories[0].documents, 'document')})."
    parts = ", ".join(f"{s.name} ({_plural(s.documents, 'document')})" for s in stories)
    return f"Stories compared: {len(stories)}, each on its own: {parts}."


def _agreement_text(agreement: AgreementReport) -> Text:
    sources = _plural(agreement.independent_sources, "independent source")
    return Text.assemble(
        (agreement.question.text, STYLES["label"]),
        " ",
        "; ".join(agreement.values),
        " ",
        (f"({sources})", "dim"),
    )


def render_text(report: Report, console: Console) -> None:
    """Write the report to ``console``: styled on a terminal, plain text anywhere else."""
    console.print(TextReport(report))


# ---------------------------------------------------------------------- markdown


_MD_BLOCK_START = re.compile(r"^(?:[#=+-]|\d+(?=[.)]))")


def _md_block(text: str) -> str:
    """Markdown at the start of a block: also stop it reading as a heading or a list."""
    match = _MD_BLOCK_START.match(text)
    if match is None:
        return text
    if match.group().isdigit():
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return f"\\{text}"


def _md_sentence(quote: Quote) -> str:
    """The quoted sentence with the quote in bold."""
    sentence, start = quote.sentence, quote.quote_start
    if start is None:
        return _md_block(md(sentence))
    end = start + len(quote.quote)
    marked = f"{md(sentence[:start])}**{md(sentence[start:end])}**{md(sentence[end:])}"
    return _md_block(marked)


def render_markdown(report: Report) -> str:
    """The report as Markdown: a heading, a table and blockquotes per conflict."""
    out = [f"# Contradiction report: {_plural(len(report.conflicts), 'conflict')}", ""]
    if report.stories:
        out += [md(stories_line(report.stories)), ""]
    if not report.conflicts:
        out += [f"**{NO_CONFLICTS}**", ""]
    for conflict in report.conflicts:
        out += _conflict_markdown(conflict)
    if report.updates:
        out += [f"## Updated over time: {len(report.updates)}", ""]
        for update in report.updates:
            steps = "; ".join(md(s) for s in update.steps) or "values differ only over time"
            out.append(f"- **{md(update.question.text)}** {steps}")
        out.append("")
    if report.agreements:
        out += [f"## Consistent across independent sources: {len(report.agreements)}", ""]
        for agreement in report.agreements:
            sources = _plural(agreement.independent_sources, "independent source")
            values = "; ".join(md(v) for v in agreement.values)
            out.append(f"- **{md(agreement.question.text)}** {values} ({sources})")
        out.append("")
    if report.singles:
        out += [f"## Stated once: {len(report.singles)}", ""]
        for single in report.singles:
            who = md(single.source) if single.source else "unattributed"
            out.append(f"- **{md(single.question.text)}** {md(single.value)} ({who})")
        out.append("")
    out += ["---", "", summary_line(report.summary), ""]
    return "\n".join(out)


def _conflict_markdown(conflict: ConflictReport) -> list[str]:
    out = [
        f"## {md(conflict.question.text)}",
        "",
        f"`{conflict.fact}` — {md(conflict.explanation)}",
        "",
        "| Value | Sources | Documents |",
        "| --- | --- | --- |",
    ]
    for value in conflict.values:
        sources = "; ".join(md(s) for s in _who_all(value))
        documents = ", ".join(f"`{d}`" for d in value.documents)
        out.append(f"| {md(value.label)} | {sources} | {documents} |")
    out.append("")
    for value in conflict.values:
        out += [f"### {md(value.label)}", ""]
        for quote in value.quotes:
            out += [
                f"> {_md_sentence(quote)}",
                ">",
                f"> — {md(_who(quote))}, {_md_document(quote.doc)}",
                "",
            ]
    consensus = conflict.consensus
    line = f"**Consensus:** {md(consensus.label) if consensus.label else 'none'}"
    if consensus.note:
        line += f" — {md(consensus.note)}"
    out += [line, ""]
    if conflict.revisions:
        out += ["**Revisions:**", ""]
        out += [f"- {md(r)}" for r in conflict.revisions]
        out.append("")
    return out


def _md_document(doc: DocumentRef) -> str:
    about = ", ".join(
        md(part)
        for part in (doc.outlet, doc.published.isoformat() if doc.published else None)
        if part
    )
    if doc.title:
        title = f"*{md(doc.title)}*"
        about = f"{about}: {title}" if about else title
    return f"`{doc.id}` ({about})" if about else f"`{doc.id}`"


# -------------------------------------------------------------------------- json


def render_json(report: Report) -> str:
    """Every section of the report as canonical JSON (sorted keys, fixed indent)."""
    data = report.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------- api


MAX_WIDTH = 100


def report_console() -> Console:
    """A console on stdout that wraps at the terminal's width, at most ``MAX_WIDTH``
    columns (rich picks colours for a terminal and plain text when piped)."""
    console = Console(highlight=False)
    console.width = min(console.width, MAX_WIDTH)
    return console


def render_report(
    graph: Graph,
    *,
    format: ReportFormat | str = "text",
    console: Console | None = None,
    filters: ReportFilter | None = None,
) -> None:
    """Write the report of ``graph`` in ``format`` to ``console`` (default:
    ``report_console()``), showing the facts ``filters`` select."""
    if format not in FORMATS:
        raise ValueError(f"unknown report format {format!r}; expected one of {', '.join(FORMATS)}")
    console = console if console is not None else report_console()
    report = report_model(graph, filters=filters)
    if format == "text":
        render_text(report, console)
        return
    text = render_markdown(report) if format == "markdown" else render_json(report)
    console.file.write(text)
    console.file.flush()
