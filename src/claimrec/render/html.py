"""The HTML report: one self-contained page to compare figures by eye.

``render_html(graph)`` returns the page as a string: inline CSS, inline SVG and a little
inline JavaScript; nothing is fetched (the only links that leave the page are the
articles' own ``url``). It reads with JavaScript off and prints; scripts only add the
filters. Sections:

* **Overview**: the stories compared, facts counted by status, the conflicts ordered by
  how much they matter (independent voices, then spread of the values), each linking to
  its block.
* **Facts**: one block per fact whose values differ: an interval chart (one row per
  independent voice), a timeline for ``updated`` facts, the reasons in plain words, and
  each value with its sources, documents and the quoted sentence, figure highlighted.
* **Sources**: every source with all its claims, the facts they fall in, and whether it
  was in a conflict.
* **Documents**: each article's text with its claims highlighted in place.

Output is deterministic (sorted by stable keys, no timestamps), so the page of a graph
is pinned by a golden file.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from html import escape
from importlib import resources

from claimrec.models import (
    Claim,
    CountValue,
    DateValue,
    Entity,
    Fact,
    FactValue,
    Graph,
    GraphDocument,
    Reason,
)
from claimrec.render.charts import SVG_DEFS, Band, Mark, Point, Row, interval_chart, timeline_chart
from claimrec.render.notes import skip_text, warning_text
from claimrec.render.report import question
from claimrec.values import count_label, label

STATUSES = ("conflict", "updated", "consistent", "single")
HEDGED = frozenset({"expected", "possible", "negated"})
MAIN_STORY = "main"
UNATTRIBUTED = "none"
OPEN_DOCUMENTS = 12  # up to this many documents, the document view starts unfolded
FULL_TEXT_BUDGET = 4_000_000  # characters of article text shown in full; past it, excerpts
LONG_EXPLANATION = 320  # characters; a longer explanation folds
SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def render_html(graph: Graph, *, title: str = "claimrec report") -> str:
    """The whole report page of ``graph``."""
    page = _Page(graph)
    body = "".join(
        [
            page.header(title),
            page.filters(),
            page.overview(),
            page.fact_blocks(),
            page.sources(),
            page.documents(),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_asset('report.css')}</style></head>"
        f"<body>{SVG_DEFS}{body}<script>{_asset('report.js')}</script></body></html>\n"
    )


# ------------------------------------------------------------------------ anchors


def anchor(kind: str, ident: str) -> str:
    """An HTML id for a graph id: readable when the id is plain, with a short hash when
    characters had to be replaced, so two different ids never share an anchor."""
    bare = ident.split(":", 1)[1] if ident.startswith(("fact:", "clm:", "ent:")) else ident
    slug = re.sub(r"[^A-Za-z0-9_-]", "-", bare)
    if slug != bare:
        slug += "-" + hashlib.sha1(ident.encode()).hexdigest()[:6]
    return f"{kind}-{slug}"


def _tokens(items: Iterable[str]) -> str:
    return " ".join(sorted(set(items)))


# --------------------------------------------------------------------------- page


class _Page:
    """Lookups over one graph, and one method per section of the page."""

    def sort_name(self, entity: str) -> str:
        """An entity's name folded for sorting (the id itself when it names nothing)."""
        name: str = self.names.get(entity, entity)
        return name.casefold()

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.names: dict[str, str] = {e.id: e.name for e in graph.entities}
        self.entities: dict[str, Entity] = {e.id: e for e in graph.entities}
        self.docs: dict[str, GraphDocument] = {d.id: d for d in graph.documents}
        self.claims: dict[str, Claim] = {c.id: c for c in graph.claims}
        self.fact_of: dict[str, Fact] = {}
        for fact in graph.facts:
            for cid in fact.claims:
                self.fact_of[cid] = fact
        self.story_of_fact = {f.id: self._story(f) for f in graph.facts}
        self.story_names: dict[str, str] = {}
        for fact in graph.facts:
            name = question(fact.key, self.names).story or "main story"
            self.story_names.setdefault(self.story_of_fact[fact.id], name)
        self.blocks = sorted(
            (f for f in graph.facts if len(f.values) > 1),
            key=lambda f: (_status_rank(f.status), *self._importance(f), f.id),
        )
        self.has_block = {f.id for f in self.blocks}
        text = sum(len(d.body or "") for d in graph.documents)
        self.excerpts = text > FULL_TEXT_BUDGET  # show paragraphs with claims, not whole bodies
        self.superseded = _claims_of_reasons(graph.facts, "superseded")
        self.hedged = _claims_of_reasons(graph.facts, "hedged")

    # ----------------------------------------------------------------- helpers

    @staticmethod
    def _story(fact: Fact) -> str:
        return re.sub(r"\s+", "-", fact.key.story) if fact.key.story else MAIN_STORY

    def voice(self, claim: Claim) -> str:
        """One key per independent voice, as reconcile counts them: a named source, else
        the document (a near-copy counts as the document it copies)."""
        entity = self.entities.get(claim.source or "")
        if entity is not None and entity.type != "ANON":
            return entity.id
        doc = self.docs.get(claim.doc)
        return "doc:" + (doc.copy_of or doc.id if doc is not None else claim.doc)

    def voice_name(self, key: str, claim: Claim) -> tuple[str, str | None]:
        """The row label of a voice, and a detail line (what stands behind it)."""
        if not key.startswith("doc:"):
            return self.names.get(key, key), None
        doc = self.docs.get(key[4:])
        where = self.doc_name(doc, key[4:])
        who = self.names.get(claim.source, claim.source_text) if claim.source else None
        return where, (who or "unattributed")

    @staticmethod
    def doc_name(doc: GraphDocument | None, doc_id: str) -> str:
        if doc is None:
            return doc_id
        return doc.outlet or doc.title or doc.id

    def source_name(self, claim: Claim) -> str:
        if claim.source is None:
            return "unattributed"
        return self.names.get(claim.source, claim.source_text or claim.source)

    def question_text(self, fact: Fact) -> str:
        return question(fact.key, self.names).text

    def _importance(self, fact: Fact) -> tuple[int, float]:
        """Sort key: more independent voices first, then a wider relative spread."""
        voices = {self.voice(self.claims[c]) for c in fact.claims if c in self.claims}
        bounds = [
            float(b)
            for v in fact.values
            if isinstance(v.value, CountValue)
            for b in (v.value.low, v.value.high)
            if b is not None
        ]
        spread = (max(bounds) - min(bounds)) / max(max(bounds), 1.0) if bounds else 0.0
        return (-len(voices), -round(spread, 6))

    def filter_attrs(
        self, statuses: Iterable[str], stories: Iterable[str], sources: Iterable[str]
    ) -> str:
        return (
            f' data-status="{escape(_tokens(statuses))}" data-story="{escape(_tokens(stories))}"'
            f' data-sources="{escape(_tokens(sources))}"'
        )

    def fact_attrs(self, fact: Fact) -> str:
        return self.filter_attrs(
            [fact.status], [self.story_of_fact[fact.id]], self.fact_sources(fact)
        )

    def fact_sources(self, fact: Fact) -> list[str]:
        return [self.claims[c].source or UNATTRIBUTED for c in fact.claims if c in self.claims]

    def doc_link(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        return f'<a href="#{anchor("doc", doc_id)}">{escape(self.doc_name(doc, doc_id))}</a>'

    def value_label(self, value: FactValue) -> str:
        if isinstance(value.value, CountValue | DateValue):
            return value.label
        return label(value.value, entity_names=self.names)

    # ----------------------------------------------------------------- header

    def header(self, title: str) -> str:
        docs = [d for d in self.graph.documents if d.skipped is None]
        counts = self.status_counts()
        line = (
            f"{len(docs)} documents, {len(self.graph.claims)} claims in "
            f"{len(self.graph.facts)} facts: {counts['conflict']} in conflict, "
            f"{counts['updated']} updated, {counts['consistent']} consistent, "
            f"{counts['single']} single."
        )
        return (
            f'<header><h1>{escape(title)}</h1><p class="summary">{escape(line)}</p>'
            '<nav><a href="#overview">Overview</a> <a href="#facts">Facts</a> '
            '<a href="#sources">Sources</a> <a href="#documents">Documents</a></nav></header>'
        )

    def status_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for fact in self.graph.facts:
            counts[fact.status] = counts.get(fact.status, 0) + 1
        return counts

    def filters(self) -> str:
        """The filter form: hidden until the script runs, since it does nothing without it."""
        statuses = "".join(f'<option value="{s}">{s}</option>' for s in STATUSES)
        stories = "".join(
            f'<option value="{escape(k)}">{escape(v)}</option>'
            for k, v in sorted(self.story_names.items(), key=lambda kv: (kv[1].casefold(), kv[0]))
        )
        sources = sorted(
            {source for c in self.graph.claims if (source := c.source)},
            key=lambda s: (self.sort_name(s), s),
        )
        source_options = "".join(
            f'<option value="{escape(s)}">{escape(self.names.get(s, s))}</option>' for s in sources
        )
        return (
            '<form id="filters" class="filters" hidden>'
            '<label>Status <select name="status"><option value="">all</option>'
            f"{statuses}</select></label>"
            '<label>Story <select name="story"><option value="">all</option>'
            f"{stories}</select></label>"
            '<label>Source <select name="source"><option value="">all</option>'
            f'<option value="{UNATTRIBUTED}">unattributed</option>{source_options}</select></label>'
            '<output name="shown"></output></form>'
        )

    # --------------------------------------------------------------- overview

    def overview(self) -> str:
        out = ['<section id="overview"><h2>Overview</h2>']
        out.append(self.stories_table())
        counts = self.status_counts()
        out.append(
            '<table class="counts"><caption>Facts by status</caption><tr>'
            + "".join(f'<th><span class="badge {s}">{s}</span></th>' for s in STATUSES)
            + "</tr><tr>"
            + "".join(f"<td>{counts[s]}</td>" for s in STATUSES)
            + "</tr></table>"
        )
        conflicts = [f for f in self.blocks if f.status == "conflict"]
        others = [f for f in self.blocks if f.status != "conflict"]
        out.append("<h3>Conflicts, by how much they matter</h3>")
        out.append(self.fact_list(conflicts) if conflicts else '<p class="ok">No conflicts.</p>')
        if others:
            out.append("<h3>Other facts whose values differ</h3>")
            out.append(self.fact_list(others))
        out.append("</section>")
        return "".join(out)

    def stories_table(self) -> str:
        docs_of: dict[str, set[str]] = defaultdict(set)
        facts_of: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.graph.facts:
            story = self.story_of_fact[fact.id]
            facts_of[story].append(fact)
            docs_of[story].update(self.claims[c].doc for c in fact.claims if c in self.claims)
        rows = "".join(
            f"<tr><td>{escape(self.story_names[k])}</td><td>{len(docs_of[k])}</td>"
            f"<td>{len(facts_of[k])}</td>"
            f"<td>{sum(1 for f in facts_of[k] if f.status == 'conflict')}</td></tr>"
            for k in sorted(self.story_names, key=lambda k: (self.story_names[k].casefold(), k))
        )
        return (
            '<table class="stories"><caption>Stories compared</caption>'
            "<tr><th>story</th><th>documents</th><th>facts</th><th>conflicts</th></tr>"
            f"{rows}</table>"
        )

    def fact_list(self, facts: Sequence[Fact]) -> str:
        items = []
        for fact in facts:
            voices = len({self.voice(self.claims[c]) for c in fact.claims if c in self.claims})
            values = " · ".join(self.value_label(v) for v in fact.values)
            attrs = self.fact_attrs(fact)
            items.append(
                f"<li{attrs}>"
                f'<a href="#{anchor("fact", fact.id)}">{escape(self.question_text(fact))}</a> '
                f'<span class="badge {fact.status}">{fact.status}</span> '
                f'<span class="muted">{voices} voice{"s" if voices != 1 else ""}: '
                f"{escape(values)}</span></li>"
            )
        return f'<ol class="facts">{"".join(items)}</ol>'

    # ------------------------------------------------------------------ facts

    def fact_blocks(self) -> str:
        out = ['<section id="facts"><h2>Facts whose values differ</h2>']
        if not self.blocks:
            out.append('<p class="ok">Every fact has a single value.</p>')
        out += [self.fact_block(f) for f in self.blocks]
        out.append("</section>")
        return "".join(out)

    def fact_block(self, fact: Fact) -> str:
        text = self.question_text(fact)
        attrs = self.fact_attrs(fact)
        out = [
            f'<article class="fact filterable" id="{anchor("fact", fact.id)}"{attrs}>',
            f'<h3><span class="badge {fact.status}">{fact.status}</span> {escape(text)} '
            f'<a class="permalink" href="#{anchor("fact", fact.id)}" '
            'title="link to this fact">#</a></h3>',
            _explanation(fact.explanation),
        ]
        if fact.key.type in ("count", "date"):
            out.append(
                interval_chart(
                    self.rows(fact),
                    consensus=self.band(fact),
                    dates=fact.key.type == "date",
                    caption=text,
                )
            )
        if fact.status == "updated" and fact.key.type == "count":
            out.append(timeline_chart(self.points(fact), caption=f"{text} over time"))
        if fact.reasons:
            out.append('<ul class="reasons">')
            out += [f"<li>{escape(self.reason_text(r))}</li>" for r in fact.reasons]
            out.append("</ul>")
        out.append('<ol class="values">')
        out += [self.value_item(v) for v in fact.values]
        out.append("</ol></article>")
        return "".join(out)

    def bounds(self, claim: Claim) -> tuple[float | None, float | None, bool]:
        """A claim's value on the chart's scale: counts as numbers, dates as day numbers."""
        value = claim.value
        if isinstance(value, CountValue):
            low = float(value.low) if value.low is not None else None
            high = float(value.high) if value.high is not None else None
            return low, high, value.approximate
        if isinstance(value, DateValue):
            start = float(value.start.toordinal()) if value.start else None
            end = float(value.end.toordinal()) if value.end else start
            return start, end, False
        return None, None, False

    def rows(self, fact: Fact) -> list[Row]:
        """One row per independent voice, the values it gives in value order."""
        order = {cid: i for i, v in enumerate(fact.values) for cid in v.claims}
        by_voice: dict[str, list[Claim]] = defaultdict(list)
        for cid in fact.claims:
            if cid in self.claims:
                claim = self.claims[cid]
                by_voice[self.voice(claim)].append(claim)
        rows = []
        for key, claims in by_voice.items():
            claims.sort(key=lambda c: (order.get(c.id, len(order)), c.id))
            name, detail = self.voice_name(key, claims[0])
            marks: dict[str, Mark] = {}
            for claim in claims:
                low, high, approx = self.bounds(claim)
                text = self.claim_label(claim)
                mark = Mark(
                    low=low,
                    high=high,
                    label=f"{text} ({claim.modality})" if claim.modality != "asserted" else text,
                    approximate=approx,
                    hedged=claim.modality in HEDGED or claim.id in self.hedged,
                    superseded=claim.id in self.superseded,
                )
                marks.setdefault(f"{text}|{claim.modality}|{mark.superseded}", mark)
            rows.append(Row(voice=name, detail=detail, marks=list(marks.values())))
        return sorted(rows, key=_row_order)

    def band(self, fact: Fact) -> Band | None:
        value = fact.consensus
        if value is None:
            return None
        low = float(value.low) if value.low is not None else None
        high = float(value.high) if value.high is not None else None
        return Band(low=low, high=high, label=count_label(value))

    def points(self, fact: Fact) -> list[Point]:
        points = []
        for cid in fact.claims:
            claim = self.claims.get(cid)
            if claim is None or claim.as_of is None:
                continue
            low, high, _ = self.bounds(claim)
            points.append(
                Point(
                    day=claim.as_of,
                    low=low,
                    high=high,
                    label=self.claim_label(claim),
                    voice=self.voice_name(self.voice(claim), claim)[0],
                    hedged=claim.modality in HEDGED or claim.id in self.hedged,
                    superseded=claim.id in self.superseded,
                )
            )
        return points

    def claim_label(self, claim: Claim) -> str:
        return label(claim.value, entity_names=self.names)

    def reason_text(self, reason: Reason) -> str:
        """A structured reason in plain words, from its fields alone."""
        values = " and ".join(reason.values) if reason.values else "the values"
        lead = {
            "clash": f"{values} cannot both be true for the same time",
            "update": f"the figure moved over time: {' → '.join(reason.values) or 'updated'}",
            "revision": f"a source revised its figure: {' → '.join(reason.values) or 'revised'}",
            "superseded": f"{values} was superseded by a later figure",
            "hedged": f"{values} is hedged, so it does not clash with firm figures",
            "projection": f"{values} is a forecast, not a tally of events so far",
            "compatible": f"{values} can all be true at once",
            "multi_valued": "several values can hold at once here",
        }.get(reason.kind, f"{reason.kind.replace('_', ' ')}: {values}")
        parts = [lead]
        if reason.sources:
            parts.append("according to " + ", ".join(self.names.get(s, s) for s in reason.sources))
        if reason.dates:
            parts.append("on " + ", ".join(d.isoformat() for d in reason.dates))
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + "."

    def value_item(self, value: FactValue) -> str:
        sources = [
            f'<a href="#{anchor("src", s)}">{escape(self.names.get(s, s))}</a>'
            for s in sorted(set(value.sources), key=lambda s: (self.sort_name(s), s))
        ]
        quotes = sorted(
            (self.claims[c] for c in value.claims if c in self.claims), key=lambda c: (c.doc, c.id)
        )
        return (
            f'<li class="value"><strong class="vlabel">{escape(self.value_label(value))}</strong>'
            f' <span class="muted">from {", ".join(sources) or "unattributed claims"}</span>'
            + "".join(self.quote(c) for c in quotes)
            + "</li>"
        )

    def quote(self, claim: Claim) -> str:
        """The claim's sentence, its figure highlighted, and where it comes from."""
        doc = self.docs.get(claim.doc)
        cite = [f"<b>{escape(self.source_name(claim))}</b>"]
        if claim.modality != "asserted":
            cite.append(f'<span class="modality">{claim.modality}</span>')
        cite.append(self.doc_link(claim.doc))
        if doc is not None:
            if doc.title and doc.title != self.doc_name(doc, doc.id):
                cite.append(f"<i>{escape(doc.title)}</i>")
            if doc.published:
                cite.append(f"<time>{doc.published.isoformat()}</time>")
            if doc.url and SAFE_URL.match(doc.url):
                cite.append(f'<a class="ext" href="{escape(doc.url)}" rel="noopener">article</a>')
        cite.append(f'<a href="#{anchor("clm", claim.id)}">in the text</a>')
        return (
            f'<blockquote class="quote">{_highlight(claim.evidence.sentence, claim.evidence.quote)}'
            f"<footer>{' · '.join(cite)}</footer></blockquote>"
        )

    # ---------------------------------------------------------------- sources

    def sources(self) -> str:
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.graph.claims:
            by_source[claim.source or UNATTRIBUTED].append(claim)
        keys = sorted(
            by_source,
            key=lambda s: (s == UNATTRIBUTED, self.sort_name(s), s),
        )
        out = ['<section id="sources"><h2>Sources</h2>']
        out += [self.source_block(k, by_source[k]) for k in keys]
        out.append("</section>")
        return "".join(out)

    def source_block(self, key: str, claims: list[Claim]) -> str:
        facts = [self.fact_of[c.id] for c in claims if c.id in self.fact_of]
        in_conflict = any(f.status == "conflict" for f in facts)
        entity = self.entities.get(key)
        name = "Unattributed claims" if key == UNATTRIBUTED else self.names.get(key, key)
        about = ""
        if entity is not None:
            others = [a for a in entity.aliases if a != entity.name]
            about = f' <span class="muted">{escape(entity.type)}'
            about += f"; also {escape(', '.join(others))}" if others else ""
            about += "</span>"
        badge = ' <span class="badge conflict">in a conflict</span>' if in_conflict else ""
        attrs = self.filter_attrs(
            [f.status for f in facts], [self.story_of_fact[f.id] for f in facts], [key]
        )
        rows = "".join(self.source_row(c) for c in sorted(claims, key=lambda c: (c.doc, c.id)))
        return (
            f'<section class="source filterable" id="{anchor("src", key)}"{attrs}>'
            f"<h3>{escape(name)}{about}{badge}</h3>"
            '<table class="claims"><tr><th>value</th><th>what</th><th>fact</th>'
            f"<th>document</th></tr>{rows}</table></section>"
        )

    def source_row(self, claim: Claim) -> str:
        fact = self.fact_of.get(claim.id)
        if fact is None:
            fact_cell = "—"
        else:
            text = escape(self.question_text(fact))
            link = (
                f'<a href="#{anchor("fact", fact.id)}">{text}</a>'
                if fact.id in self.has_block
                else text
            )
            fact_cell = f'{link} <span class="badge {fact.status}">{fact.status}</span>'
        what = claim.measure if claim.type == "count" and claim.measure != "other" else claim.type
        modality = f" ({claim.modality})" if claim.modality != "asserted" else ""
        return (
            f'<tr><td><a href="#{anchor("clm", claim.id)}">{escape(self.claim_label(claim))}</a>'
            f"{modality}</td><td>{escape(what)}: {escape(claim.predicate.replace('_', ' '))}</td>"
            f"<td>{fact_cell}</td><td>{self.doc_link(claim.doc)}</td></tr>"
        )

    # -------------------------------------------------------------- documents

    def documents(self) -> str:
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.graph.claims:
            by_doc[claim.doc].append(claim)
        docs = [d for d in self.graph.documents if d.skipped is None]
        unfold = len(docs) <= OPEN_DOCUMENTS
        out = ['<section id="documents"><h2>Documents</h2>']
        if self.excerpts:
            out.append(
                '<p class="muted">A large corpus: each article shows only the paragraphs '
                "that hold its claims; […] marks what was left out.</p>"
            )
        out += [self.document(d, by_doc.get(d.id, []), unfold) for d in docs]
        skipped = [
            f"{d.path}: {skip_text(d.skipped)}"
            for d in self.graph.documents
            if d.skipped is not None
        ]
        warned = [f"{d.path}: {warning_text(w)}" for d in docs for w in d.warnings]
        lists = (("Skipped", "skipped", skipped), ("Read with warnings", "warned", warned))
        for title, css, lines in lists:
            if lines:
                out.append(f'<h3>{title}</h3><ul class="{css}">')
                out += [f"<li>{escape(line)}</li>" for line in lines]
                out.append("</ul>")
        out.append("</section>")
        return "".join(out)

    def document(self, doc: GraphDocument, claims: list[Claim], unfold: bool) -> str:
        about = [escape(x) for x in (doc.outlet, doc.title) if x]
        if doc.published:
            about.append(doc.published.isoformat())
        if doc.url and SAFE_URL.match(doc.url):
            about.append(f'<a class="ext" href="{escape(doc.url)}" rel="noopener">article</a>')
        if doc.copy_of:
            about.append(f"copy of {self.doc_link(doc.copy_of)}")
        sources = [c.source or UNATTRIBUTED for c in claims]
        facts = [self.fact_of[c.id] for c in claims if c.id in self.fact_of]
        attrs = self.filter_attrs(
            [f.status for f in facts], [self.story_of_fact[f.id] for f in facts], sources
        )
        summary = (
            f'<summary><b>{escape(doc.id)}</b> <span class="muted">{" · ".join(about)} · '
            f"{len(claims)} claim{'s' if len(claims) != 1 else ''}</span></summary>"
        )
        return (
            f'<details class="doc" id="{anchor("doc", doc.id)}"{attrs}{" open" if unfold else ""}>'
            f"{summary}{self.document_text(doc, claims)}</details>"
        )

    def document_text(self, doc: GraphDocument, claims: list[Claim]) -> str:
        """The body with each claim's span marked in place; claims whose span cannot be
        found in the body (an older graph without bodies) are listed after it."""
        body = doc.body or ""
        placed, lost = _place(body, claims)
        regions = _excerpts(body, placed) if self.excerpts else [(0, len(body))]
        out = []
        for number, (first, last) in enumerate(regions):
            if self.excerpts and (number or first):
                out.append('<span class="gap"> […]\n\n</span>')
            at = first
            for start, end, group in placed:
                if start < first or end > last:
                    continue
                out.append(escape(body[at:start]))
                tags = "".join(self.tag(c) for c in group)
                kind = group[0].type
                out.append(f'<mark class="ent {kind}">{escape(body[start:end])}{tags}</mark>')
                at = end
            out.append(escape(body[at:last]))
        if self.excerpts and regions and regions[-1][1] < len(body.rstrip()):
            out.append('<span class="gap"> […]</span>')
        text = f'<div class="text">{"".join(out)}</div>' if body else ""
        if lost:
            note = "text not in the graph" if not body else "not found in the text"
            text += f'<p class="muted">Claims {note}:</p><ul class="lost">'
            text += "".join(
                f"<li>{self.tag(c)} <q>{escape(c.evidence.quote)}</q></li>" for c in lost
            )
            text += "</ul>"
        return text

    def tag(self, claim: Claim) -> str:
        what = claim.measure if claim.type == "count" else claim.type
        parts = [what, self.claim_label(claim), self.source_name(claim), claim.modality]
        return (
            f'<span class="tag" id="{anchor("clm", claim.id)}" data-claim="{escape(claim.id)}">'
            f"{escape(' · '.join(parts))}</span>"
        )


def _status_rank(status: str) -> int:
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def _claims_of_reasons(facts: Iterable[Fact], kind: str) -> set[str]:
    """The claims that reasons of ``kind`` name: by claim id, or else by value label."""
    out: set[str] = set()
    for fact in facts:
        for reason in fact.reasons:
            if reason.kind != kind:
                continue
            out.update(reason.claims)
            if not reason.claims:
                named = set(reason.values)
                out.update(c for v in fact.values if v.label in named for c in v.claims)
    return out


def _row_order(row: Row) -> tuple:
    """Rows low to high by their first value (open-bottom values first), so the chart
    reads as a ladder; ties by name."""
    mark = row.marks[0] if row.marks else None
    low = mark.low if mark and mark.low is not None else float("-inf")
    high = mark.high if mark and mark.high is not None else float("inf")
    return (low, high, row.voice.casefold(), row.voice, row.detail or "")


def _explanation(text: str) -> str:
    """The fact's explanation; a long one (dozens of values) folds after its start, so the
    chart stays near the heading."""
    if len(text) <= LONG_EXPLANATION:
        return f'<p class="explanation">{escape(text)}</p>'
    cut = text.rfind(" ", 0, LONG_EXPLANATION)
    return (
        f'<details class="explanation"><summary>{escape(text[:cut])} …</summary>'
        f"<p>{escape(text)}</p></details>"
    )


def _place(
    body: str, claims: Sequence[Claim]
) -> tuple[list[tuple[int, int, list[Claim]]], list[Claim]]:
    """Claims grouped by the span they mark, overlapping spans merged into one, in text
    order; and the claims whose evidence does not match the body."""
    spans: list[tuple[int, int, Claim]] = []
    lost: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (c.evidence.start, c.evidence.end, c.id)):
        ev = claim.evidence
        if body and 0 <= ev.start < ev.end <= len(body) and body[ev.start : ev.end] == ev.quote:
            spans.append((ev.start, ev.end, claim))
        else:
            lost.append(claim)
    merged: list[tuple[int, int, list[Claim]]] = []
    for start, end, claim in spans:
        if merged and start < merged[-1][1]:
            first, last, group = merged[-1]
            merged[-1] = (first, max(last, end), [*group, claim])
        else:
            merged.append((start, end, [claim]))
    return merged, lost


def _excerpts(body: str, placed: Sequence[tuple[int, int, list[Claim]]]) -> list[tuple[int, int]]:
    """The paragraphs (blank-line separated) that hold a marked span, as ``(start, end)``
    offsets in text order, widened where a span crosses a paragraph break."""
    paragraphs, at = [], 0
    for block in body.split("\n\n"):
        paragraphs.append((at, at + len(block)))
        at += len(block) + 2
    regions: list[tuple[int, int]] = []
    for start, end, _ in placed:
        first = next(p[0] for p in paragraphs if p[1] >= start)
        last = next(p[1] for p in paragraphs if p[1] >= end)
        if regions and first <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], last))
        else:
            regions.append((first, last))
    return regions


def _highlight(sentence: str, quote: str) -> str:
    """The sentence, escaped, with the quoted figure in a ``<mark>``."""
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return escape(sentence)
    end = at + len(quote)
    return f"{escape(sentence[:at])}<mark>{escape(sentence[at:end])}</mark>{escape(sentence[end:])}"


# -------------------------------------------------------------------- style, script


@functools.cache
def _asset(name: str) -> str:
    """A packaged stylesheet or script, inlined so the page needs nothing else."""
    return resources.files("claimrec").joinpath("data", name).read_text(encoding="utf-8")
