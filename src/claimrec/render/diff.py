"""The diff of two claim graphs, laid out for a terminal, a pull request, or a program.

``claimrec.diff.diff_graphs`` computes a ``GraphDiff``; these functions only show it:

* ``render_text(diff, console)`` writes the diff to a rich console (styled on a
  terminal, plain text otherwise); ``TextDiff`` is the renderable behind it.
* ``render_markdown(diff)`` returns Markdown for a pull-request comment or
  ``$GITHUB_STEP_SUMMARY``.
* ``render_json(diff)`` returns the whole diff as canonical JSON (sorted keys, fixed
  indent), with the same sections.

Both human formats show, in order: a headline and a count line; notes on builds that
are not comparable; new, resolved and changed conflicts; documents; claims; facts
whose status changed. Empty sections are left out; an empty diff says so in one line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.text import Text

from claimrec.diff import (
    BuildNote,
    ClaimChange,
    ClaimEntry,
    ConflictChange,
    ConflictValue,
    GraphDiff,
)
from claimrec.models import GraphDocument, Status
from claimrec.render.blocks import Indented, md

NO_CHANGES = "No changes: the same documents, claims, facts and conflicts."
BUILT_WITH = {
    "model": "OLD was built with model {old}, NEW with {new}",
    "lexicon": "OLD and NEW were built with different lexicons (--config)",
    "version": "OLD was built by claimrec {old}, NEW by {new}",
}
COMES_FROM = {"model": "the model", "lexicon": "the lexicon", "version": "the build"}
STYLES = {
    "title": "bold",
    "heading": "bold underline",
    "count": "dim",
    "note": "yellow",
    "added": "green",
    "removed": "red",
    "changed": "yellow",
    "conflict": "bold red",
    "resolved": "bold green",
    "fact_id": "dim",
    "document": "cyan",
    "value": "bold",
    "quote": "bold",
    "old": "dim strike",
    "gutter": "dim",
}
MARKS = {"added": "+", "removed": "-", "changed": "~"}

# ------------------------------------------------------------------------ shared words


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def build_note(note: BuildNote) -> str:
    """Why OLD and NEW may differ for reasons other than the articles, in words."""
    built = BUILT_WITH[note.what].format(old=note.old, new=note.new)
    return f"{built}: some changes may come from {COMES_FROM[note.what]}, not the articles"


def headline(diff: GraphDiff) -> str:
    """ "1 new conflict", "no new conflicts" or "no changes"."""
    s = diff.summary
    if s.conflicts_new:
        return _plural(s.conflicts_new, "new conflict")
    return "no changes" if s.empty else "no new conflicts"


def count_line(diff: GraphDiff) -> str:
    """Every section's size on one line."""
    s = diff.summary
    return (
        f"documents: {s.documents_added} added, {s.documents_removed} removed · "
        f"claims: {s.claims_added} added, {s.claims_removed} removed, {s.claims_changed} changed"
        f" · facts: {s.facts_changed} changed status · "
        f"conflicts: {s.conflicts_new} new, {s.conflicts_resolved} resolved, "
        f"{s.conflicts_changed} changed"
    )


def _tag(change: ConflictChange, value: ConflictValue) -> str:
    """ "gained" or "lost" for a value a changed conflict gained or lost, else ""."""
    if value in change.gained:
        return "gained"
    return "lost" if value in change.lost else ""


def _status(status: Status | None) -> str:
    return status if status is not None else "absent"


def _who(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "unattributed"


def _source(entry: ClaimEntry) -> str:
    return entry.source_name or "unattributed"


def _what(entry: ClaimEntry) -> str:
    """The claim's kind: "protested (count)", with its subject and a hedged modality."""
    claim = entry.claim
    text = f"{claim.predicate} ({claim.type})"
    if entry.subject_name:
        text += f", {entry.subject_name}"
    return text


def _modality(change: ClaimChange) -> str | None:
    old, new = change.old.claim.modality, change.new.claim.modality
    if old != new:
        return f"{old} → {new}"
    return new if new != "asserted" else None


def _document_about(doc: GraphDocument) -> str:
    parts = [p for p in (doc.outlet, doc.published.isoformat() if doc.published else None) if p]
    about = ", ".join(parts)
    if doc.title:
        about = f"{about}: {doc.title}" if about else doc.title
    return about


# ------------------------------------------------------------------------------ text


class TextDiff:
    """The diff as a rich renderable: yields its blocks, never prints."""

    def __init__(self, diff: GraphDiff) -> None:
        if not isinstance(diff, GraphDiff):
            raise TypeError(f"TextDiff needs a GraphDiff (from diff_graphs), got {type(diff)}")
        self.diff = diff

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Group(*self._blocks())

    def _blocks(self) -> Iterable[RenderableType]:
        diff = self.diff
        style = STYLES["conflict"] if diff.summary.conflicts_new else STYLES["title"]
        yield Rule(Text(f"Claim graph diff: {headline(diff)}", style=style), characters="=")
        if diff.summary.empty:
            yield Text(NO_CHANGES)
        else:
            yield Text(count_line(diff), style=STYLES["count"])
        for note in diff.notes:
            words = f"Note: {build_note(note)}"
            yield Indented(Text(words, style=STYLES["note"]), 2, marker=("!", ""))
        sections = (
            ("New conflicts", _conflicts_text(diff.conflicts.new, "new")),
            ("Resolved conflicts", _conflicts_text(diff.conflicts.resolved, "resolved")),
            ("Conflicts whose values changed", _conflicts_text(diff.conflicts.changed, "changed")),
            ("Documents", _documents_text(diff)),
            ("Claims", _claims_text(diff)),
            ("Facts whose status changed", _facts_text(diff)),
        )
        for title, blocks in sections:
            body = list(blocks)
            if body:
                yield Text()
                yield Text(title, style=STYLES["heading"])
                yield from body


def _conflicts_text(changes: Sequence[ConflictChange], kind: str) -> Iterable[RenderableType]:
    for change in changes:
        mark = {"new": "✗", "resolved": "✓"}.get(kind, "~")
        style = {"new": "conflict", "resolved": "resolved"}.get(kind, "changed")
        yield Indented(
            Text.assemble((change.label, STYLES["value"]), "  ", (change.fact, STYLES["fact_id"])),
            4,
            marker=(mark, STYLES[style]),
        )
        body: list[RenderableType] = []
        if kind == "resolved":
            body.append(Text(f"Was: {', '.join(v.label for v in change.values)}."))
            body.append(Text(f"Now ({_status(change.new_status)}): {change.explanation}"))
        else:
            body.append(Text(change.explanation))
            for value in [*change.values, *change.lost]:
                body.append(_value_text(value, _tag(change, value)))
        yield Indented(Group(*body), 4)


def _value_text(value: ConflictValue, tag: str) -> Text:
    style = {"gained": STYLES["added"], "lost": STYLES["removed"]}.get(tag, "")
    text = Text.assemble(
        (value.label, STYLES["value"]),
        "  ",
        _who(value.source_names),
        " · ",
        (", ".join(value.documents), STYLES["document"]),
    )
    if tag:
        text.append(f"  ({tag})", style=style)
    return text


def _documents_text(diff: GraphDiff) -> Iterable[RenderableType]:
    rows = [("added", d) for d in diff.documents.added]
    rows += [("removed", d) for d in diff.documents.removed]
    for kind, doc in rows:
        text = Text.assemble((doc.id, STYLES["document"]))
        about = _document_about(doc)
        if about:
            text.append(f"  {about}")
        yield Indented(text, 4, marker=(MARKS[kind], STYLES[kind]))


def _claims_text(diff: GraphDiff) -> Iterable[RenderableType]:
    for kind, entries in (("added", diff.claims.added), ("removed", diff.claims.removed)):
        for entry in entries:
            head = Text.assemble(
                (entry.claim.doc, STYLES["document"]),
                "  ",
                _what(entry),
                "  ",
                (entry.label, STYLES["value"]),
                "  ",
                _source(entry),
            )
            if entry.claim.modality != "asserted":
                head.append(f" ({entry.claim.modality})")
            yield Indented(head, 4, marker=(MARKS[kind], STYLES[kind]))
            yield Indented(_sentence(entry), 6, gutter=("│", STYLES["gutter"]))
    for group in _by_sentence(diff.claims.changed):
        for change in group:
            yield _change_head(change)
        yield from _sentence_pair(group[0])


def _by_sentence(changes: Sequence[ClaimChange]) -> list[list[ClaimChange]]:
    """Changed claims grouped by their (document, old sentence, new sentence), in first-seen
    order, so an edited sentence with three figures is shown once, under its three claims."""
    groups: dict[tuple[str, str, str], list[ClaimChange]] = {}
    for change in changes:
        key = (change.doc, change.old.claim.evidence.sentence, change.new.claim.evidence.sentence)
        groups.setdefault(key, []).append(change)
    return list(groups.values())


def _change_head(change: ClaimChange) -> RenderableType:
    old, new = change.old, change.new
    value = new.label if old.label == new.label else f"{old.label} → {new.label}"
    source = _source(new) if _source(old) == _source(new) else f"{_source(old)} → {_source(new)}"
    head = Text.assemble(
        (change.doc, STYLES["document"]),
        "  ",
        _what(new),
        "  ",
        (value, STYLES["value"]),
        "  ",
        source,
    )
    modality = _modality(change)
    if modality:
        head.append(f" ({modality})")
    head.append(f"  [{', '.join(change.changed)}]", style=STYLES["changed"])
    return Indented(head, 4, marker=(MARKS["changed"], STYLES["changed"]))


def _sentence_pair(change: ClaimChange) -> Iterable[RenderableType]:
    """The edited sentence as ``-`` old / ``+`` new lines, readable without colour (pipes,
    CI logs); an unedited sentence once, under the usual gutter."""
    old, new = change.old, change.new
    if old.claim.evidence.sentence == new.claim.evidence.sentence:
        yield Indented(_sentence(new), 6, gutter=("│", STYLES["gutter"]))
        return
    was = Text(old.claim.evidence.sentence, style=STYLES["old"])
    yield Indented(was, 6, gutter=(MARKS["removed"], STYLES["removed"]))
    yield Indented(_sentence(new), 6, gutter=(MARKS["added"], STYLES["added"]))


def _sentence(entry: ClaimEntry) -> Text:
    sentence, quote = entry.claim.evidence.sentence, entry.claim.evidence.quote
    text = Text(sentence)
    start = sentence.find(quote) if quote else -1
    if start >= 0:
        text.stylize(STYLES["quote"], start, start + len(quote))
    return text


def _facts_text(diff: GraphDiff) -> Iterable[RenderableType]:
    for fact in diff.facts:
        style = STYLES["conflict"] if fact.new_status == "conflict" else ""
        yield Indented(
            Text.assemble(
                fact.label,
                "  ",
                (f"{_status(fact.old_status)} → {_status(fact.new_status)}", style),
                "  ",
                (fact.id, STYLES["fact_id"]),
            ),
            4,
            marker=("·", ""),
        )


def render_text(diff: GraphDiff, console: Console) -> None:
    """Write the diff to ``console``: styled on a terminal, plain text anywhere else."""
    console.print(TextDiff(diff))


# -------------------------------------------------------------------------- markdown


def _md_sentence(entry: ClaimEntry) -> str:
    sentence, quote = entry.claim.evidence.sentence, entry.claim.evidence.quote
    start = sentence.find(quote) if quote else -1
    if start < 0:
        return md(sentence)
    end = start + len(quote)
    return f"{md(sentence[:start])}**{md(sentence[start:end])}**{md(sentence[end:])}"


def render_markdown(diff: GraphDiff) -> str:
    """The diff as Markdown: a heading, a count line, then one table per section."""
    out = [f"## Claim graph diff: {headline(diff)}", ""]
    out += [NO_CHANGES if diff.summary.empty else count_line(diff), ""]
    for note in diff.notes:
        out += [f"> **Note:** {md(build_note(note))}", ""]
    out += _md_conflicts("New conflicts", diff.conflicts.new)
    out += _md_resolved(diff.conflicts.resolved)
    out += _md_conflicts("Conflicts whose values changed", diff.conflicts.changed)
    out += _md_documents(diff)
    out += _md_claims(diff)
    out += _md_facts(diff)
    return "\n".join(out)


def _md_conflicts(title: str, changes: Sequence[ConflictChange]) -> list[str]:
    if not changes:
        return []
    out = [f"### {title}", ""]
    for change in changes:
        out += [
            f"**{md(change.label)}** `{change.fact}` — {md(change.explanation)}",
            "",
            "| Value | Sources | Documents | |",
            "| --- | --- | --- | --- |",
        ]
        for value in [*change.values, *change.lost]:
            tag = _tag(change, value)
            label = f"~~{md(value.label)}~~" if tag == "lost" else md(value.label)
            documents = ", ".join(f"`{d}`" for d in value.documents)
            out.append(f"| {label} | {md(_who(value.source_names))} | {documents} | {tag} |")
        out.append("")
    return out


def _md_resolved(changes: Sequence[ConflictChange]) -> list[str]:
    if not changes:
        return []
    out = [
        "### Resolved conflicts",
        "",
        "| Fact | Values before | Now |",
        "| --- | --- | --- |",
    ]
    for change in changes:
        values = "; ".join(f"{md(v.label)} ({md(_who(v.source_names))})" for v in change.values)
        now = f"{_status(change.new_status)}: {md(change.explanation)}"
        out.append(f"| **{md(change.label)}** `{change.fact}` | {values} | {now} |")
    return [*out, ""]


def _md_documents(diff: GraphDiff) -> list[str]:
    rows = [("added", d) for d in diff.documents.added]
    rows += [("removed", d) for d in diff.documents.removed]
    if not rows:
        return []
    out = ["### Documents", "", "| | Document | About |", "| --- | --- | --- |"]
    for kind, doc in rows:
        out.append(f"| {kind} | `{doc.id}` | {md(_document_about(doc))} |")
    return [*out, ""]


def _md_claims(diff: GraphDiff) -> list[str]:
    claims = diff.claims
    if not (claims.added or claims.removed or claims.changed):
        return []
    out = [
        "### Claims",
        "",
        "| | Document | Claim | Value | Source | Sentence |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for kind, entries in (("added", claims.added), ("removed", claims.removed)):
        for entry in entries:
            what = _what(entry)
            if entry.claim.modality != "asserted":
                what += f" ({entry.claim.modality})"
            out.append(
                f"| {kind} | `{entry.claim.doc}` | {md(what)} | {md(entry.label)} "
                f"| {md(_source(entry))} | {_md_sentence(entry)} |"
            )
    for change in claims.changed:
        old, new = change.old, change.new
        value = md(new.label) if old.label == new.label else f"{md(old.label)} → {md(new.label)}"
        source = md(_source(new))
        if _source(old) != _source(new):
            source = f"{md(_source(old))} → {source}"
        what = _what(new)
        modality = _modality(change)
        if modality:
            what += f" ({modality})"
        sentence = _md_sentence(new)
        if old.claim.evidence.sentence != new.claim.evidence.sentence:
            sentence = f"~~{md(old.claim.evidence.sentence)}~~<br>{sentence}"
        out.append(
            f"| changed ({', '.join(change.changed)}) | `{change.doc}` | {md(what)} | {value} "
            f"| {source} | {sentence} |"
        )
    return [*out, ""]


def _md_facts(diff: GraphDiff) -> list[str]:
    if not diff.facts:
        return []
    out = ["### Facts whose status changed", "", "| Fact | Status | Now |", "| --- | --- | --- |"]
    for fact in diff.facts:
        status = f"{_status(fact.old_status)} → {_status(fact.new_status)}"
        if fact.new_status == "conflict":
            status = f"**{status}**"
        out.append(f"| {md(fact.label)} `{fact.id}` | {status} | {md(fact.explanation)} |")
    return [*out, ""]


# ------------------------------------------------------------------------------ json


def render_json(diff: GraphDiff) -> str:
    """The whole diff as canonical JSON: sorted keys, fixed indent, trailing newline."""
    return (
        json.dumps(diff.model_dump(mode="json"), sort_keys=True, indent=1, ensure_ascii=False)
        + "\n"
    )
