"""Normalize: merge entity mentions from all documents into entities.

A mention's name is first cleaned by rule (titles, possessives, "the", quote
marks, hyphens), then mapped through the lexicon (aliases such as "U.S.",
nationality adjectives to their country, synonyms in descriptive names so
"spy agency" and "intelligence agency" agree). Names with the same key are one
entity ("ministry of the environment" keys as "environment ministry"). Then these merges,
each guarded against false friends, every "exactly one fits" counted over sets
already merged:
- names the text itself ties: an acronym defined beside its long form, a name given
  with its translation (alias links from extraction, ``extract/links.py``);
- person names whose tokens, without particles ("al-", a lowercase "van") and with
  common respellings ("x"/"ks", "ou"/"u"), are nearly equal one by one
  ("Mohammed"/"Muhammad", "Yunus"/"Younous"), found in bulk with rapidfuzz; a name
  with middle names or a patronymic dropped joins the one longer name;
- other names nearly equal as a whole *and* token by token, so "North Kestova"
  and "South Kestova" (one token apart entirely) stay apart;
- an acronym joins the one long name in the corpus it abbreviates ("KRA");
- a proper name that ends exactly one longer one joins it ("Grey Heron");
- a lone surname or given name joins the one full name in the same document
  that contains it ("Toivel" -> "Sanna Toivel"), else the one in the corpus;
  if two full names share it, it joins neither;
- a generic short form ("the coast guard", "the agency", "French transport ministry")
  joins the one organisation of its document it fits (by its ending or its head's
  class, from the lexicon); when none there fits, the one in the corpus.
Anonymous speakers ("a senior official") are never merged across documents. A person
the text ties to an organisation by a role keeps their own entity, with the
organisation's id as ``affiliation``.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from claimrec.lexicon import Lexicon
from claimrec.models import Entity, Extraction, Mention
from claimrec.unionfind import find, union

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"})
_EDGE = re.compile(r"^[\s\"'(\[\-:,.]+|[\s\"')\]\-:,]+$")
_POSSESSIVE = re.compile(r"'s?$")
_SLUG = re.compile(r"[^a-z0-9]+")

_MISSING = object()
SKELETON_MIN_RATIO = 75  # Mohammed/Muhammad 75 merge; Brendan/Brandon 71, Hassan/Hussein 61 not
Node = tuple[str, str]  # (scope, key): scope is "" for corpus-wide names, a doc id otherwise


class EntityTable:
    """The merged entities, a lookup from (document, mention) to entity id, and which
    entities are countries or parts of countries named by the country."""

    def __init__(
        self,
        entities: list[Entity],
        ids: dict[tuple[str, str, str], str],
        country_level: frozenset[str] = frozenset(),
    ) -> None:
        self.entities = entities
        self._ids = ids
        self.country_level = country_level

    def doc_entities(self, kinds: frozenset[str]) -> dict[str, set[str]]:
        """Document id -> ids of the entities of ``kinds`` mentioned in it."""
        types = {e.id: e.type for e in self.entities}
        out: dict[str, set[str]] = {}
        for (doc, _, _), entity_id in self._ids.items():
            found = out.setdefault(doc, set())
            if types.get(entity_id) in kinds:
                found.add(entity_id)
        return out

    def id_of(self, doc: str, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        return self._ids.get((doc, mention.kind, mention.text))


@functools.lru_cache(maxsize=65_536)  # pure; the same mentions recur across the corpus
def clean(text: str) -> str:
    """Surface form with typographic quotes, edge punctuation and possessive removed."""
    s = " ".join(text.translate(_QUOTES).split())
    s = _EDGE.sub("", s)
    if s.count("(") == s.count(")") + 1 and text.rstrip().endswith(")"):
        s += ")"  # "Workers' Federation (WF)" keeps the bracket it closes
    if s.lower().startswith("the "):
        s = s[4:]
    return _POSSESSIVE.sub("", s).strip()


class _Namer:
    """Turns a mention into (display name, kind, merge key) using the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.directions = {d.lower() for d in lexicon.directions}
        self.heads = {h.lower() for h in lexicon.location_heads}
        words = lexicon.merging
        self.kinds = frozenset(words.short_form_heads).union(*words.short_form_classes.values())
        self.voices = frozenset(words.state_voices)
        self.legal_forms = frozenset(words.legal_forms)
        self._names: dict[tuple[str, str], tuple[str, str]] = {}

    def name(self, mention: Mention) -> tuple[str, str]:
        """(display name, kind) of a mention; memoized, as the same names recur throughout."""
        key = (mention.text, mention.kind)
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = self._name(mention)
        return found

    def _name(self, mention: Mention) -> tuple[str, str]:
        text = clean(mention.text)
        kind: str = mention.kind
        if kind == "PERSON":
            text = self._strip_titles(_before_possessive(text))
        elif kind == "NORP":
            country = self.lex.demonym_index.get(text.lower())
            if country is not None:
                text, kind = country, "GPE"
        elif kind == "LOC":
            text = self._place_core(text)
        elif kind in {"GROUP", "ORG", "ANON"}:
            country = self._state_voice(text)
            if country is not None:
                text, kind = country, "GPE"
            elif kind != "ANON":
                text = self._descriptive(_short_name(_without_definition(text), self.kinds))
                text = self._without_legal_form(text)
        text = self.lex.alias_index.get(text.lower(), text)
        if kind in {"GPE", "LOC"} and text.lower() in self.lex.country_set:
            kind = "GPE"
        return text, kind

    def _without_legal_form(self, text: str) -> str:
        """A company's name without the legal form that ends its registered name
        ("Kestrel Mining PLC", "Kestrel Mining, Ltd." -> "Kestrel Mining"): the news names
        it without."""
        words = text.split()
        if len(words) >= 3 and words[-1].lower() in self.legal_forms:
            return " ".join(words[:-1]).rstrip(",")
        return text

    def _state_voice(self, text: str) -> str | None:
        """The country a nationality adjective speaks for as a source: alone ("according to
        a Ruritanian statement" leaves "Ruritanian") or before a state's collective voice
        ("Ruritanian officials"); "Ruritanian nurse" is a person, not the state."""
        words = text.split()
        if not words or (len(words) == 2 and words[1].lower() not in self.voices):
            return None
        if len(words) > 2:
            return None
        return self.lex.demonym_index.get(words[0].lower())

    def _strip_titles(self, text: str) -> str:
        """Leading titles, longest first ("Interior Minister", "Lt. Gen."), and trailing
        honours ("CBE"), with the punctuation that set them off."""
        tokens = text.split()
        titles = self.lex.title_set
        longest = max((len(t.split()) for t in titles), default=1)
        stripped = True
        while stripped and len(tokens) > 1:
            stripped = False
            for size in range(min(longest, len(tokens) - 1), 0, -1):
                if " ".join(tokens[:size]).lower().rstrip(",") in titles:
                    tokens = tokens[size:]
                    stripped = True
                    break
        while len(tokens) > 1 and tokens[-1].lower().strip(",.") in titles:
            tokens.pop()
        return " ".join(tokens).rstrip(",;")

    def _place_core(self, text: str) -> str:
        """The named core of a place phrase, or the phrase when its core is a whole country."""
        if text.lower() in self.lex.country_set or text.lower() in self.lex.alias_index:
            return text
        core_text = self.core(text)
        if not core_text or self.country_level(text):
            return text
        return core_text

    def core(self, text: str) -> str:
        """A place phrase without its owner's possessive, lowercase directions and place
        nouns: the proper name it is about. A capitalised direction is part of a name
        ("North Kestova"); a place noun is dropped when lowercase or last ("Marren Province")."""
        rest = (re.sub(r"^[^']+'s? ", "", text) if "'" in text else text).split()
        last = len(rest) - 1
        words = [
            w
            for k, w in enumerate(rest)
            if not (w.islower() and w in self.directions)
            and not (w.lower() in self.heads and (w.islower() or k == last))
        ]
        return " ".join(words)

    def country_level(self, text: str) -> bool:
        """Whether a place is named by its country ("eastern X", "X's far east"): a part of a
        country named by the country, not a narrower named place."""
        clean_text = clean(text)
        words = [
            w
            for w in clean_text.replace("'s ", " ").split()
            if w.lower() not in self.directions and w.lower() not in self.heads
        ]
        core = " ".join(words).lower()
        return core in self.lex.country_set or core in self.lex.demonym_index or not core

    def _descriptive(self, text: str) -> str:
        """A descriptive name in canonical form: "<Country>'s" first, synonyms replaced."""
        low = text.lower()
        for demonym in sorted(self.lex.demonyms, key=len, reverse=True):
            if low.startswith(demonym.lower() + " "):
                text = f"{self.lex.demonyms[demonym]}'s {text[len(demonym) + 1 :]}"
                break
        for word, canonical in sorted(self.lex.synonyms.items(), key=lambda kv: -len(kv[0])):
            text = re.sub(rf"\b{re.escape(word)}\b", canonical, text, flags=re.IGNORECASE)
        return text


def org_head(name: str) -> str:
    """An organisation name's head noun, lowercased: the word before its first "of"/"for"
    ("Ministry of Health" -> ministry), else the last ("Marren City Police" -> police)."""
    tokens = key_of(clean(name)).split()
    if not tokens:
        return ""
    for i, token in enumerate(tokens[1:], start=1):
        if token in {"of", "for"}:
            return tokens[i - 1]
    return tokens[-1]


def _without_definition(text: str) -> str:
    """A long name without the acronym defined after it ("Ruritanian Workers' Federation
    (RWF)", its bracket cut by the span): the acronym is one of its aliases, not its name."""
    match = _DEFINITION.search(text)
    return text[: match.start()] if match and match.start() > 0 else text


def _short_name(text: str, kinds: frozenset[str]) -> str:
    """An acronym followed by lowercase kind nouns ("the RWF union") is the acronym: the
    nouns say what it is, not which."""
    first, _, rest = text.partition(" ")
    words = rest.split()
    if _ACRONYM.match(first.replace(".", "")) and words and all(w in kinds for w in words):
        return first
    return text


def _before_possessive(text: str) -> str:
    """A person's name ends at a possessive: "Lindqvist's Recovery Plan" is about Lindqvist."""
    head, sep, _ = text.partition("'s ")
    return head if sep else text


@functools.lru_cache(maxsize=65_536)  # pure; asked twice per mention by _Merger.roles
def key_of(name: str) -> str:
    return " ".join(_SLUG.sub(" ", name.lower()).split())


def initials(words: list[str]) -> str:
    """The first letters of ``words``, accents dropped and uppercased ("Médecins" -> "M")."""
    out = []
    for word in words:
        letters = [c for c in unicodedata.normalize("NFKD", word) if c.isalnum()]
        if letters:
            out.append(letters[0].upper())
    return "".join(out)


@dataclass(frozen=True)
class _Occurrence:
    """One mention in one document, named and keyed. ``short`` marks a name that is
    resolved within its document first: a lone person name or a generic short form."""

    doc: str
    mention: Mention
    name: str
    kind: str
    node: Node
    short: bool


class _Keys:
    """Merge keys and the name shapes the merges test: person cores, generic short forms,
    heads and acronym readings of organisation names."""

    def __init__(self, lexicon: Lexicon) -> None:
        words = lexicon.merging
        self.lex = lexicon
        self.particles = frozenset(words.name_particles)
        self.skip = frozenset(words.acronym_skip)
        self.heads = frozenset(words.short_form_heads)
        self.classes = {k: frozenset(v) | {k} for k, v in words.short_form_classes.items()}
        table = words.transliterations
        self._variants = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
        self._table = table
        self._cache: dict[tuple[str, str, str], Any] = {}
        self.titles = frozenset(key_of(t) for t in lexicon.titles)
        self.organisation_heads = frozenset(lexicon.attribution.organization_heads)

    def key(self, name: str, kind: str) -> str:
        return self._memo("key", name, kind, self._key)

    def generic(self, name: str, kind: str) -> bool:
        return self._memo("generic", name, kind, self._generic)

    def qualified(self, name: str, kind: str) -> str | None:
        return self._memo("qualified", name, kind, self._qualified)

    def core(self, name: str) -> list[str]:
        return self._memo("core", name, "", lambda n, _: self._core(n))

    def _memo(self, what: str, name: str, kind: str, compute: Callable[[str, str], Any]) -> Any:
        """Names recur throughout a corpus: each shape is computed once per name."""
        found = self._cache.get((what, name, kind), _MISSING)
        if found is _MISSING:
            found = self._cache[(what, name, kind)] = compute(name, kind)
        return found

    def role(self, name: str, kind: str) -> str | None:
        """The title a lowercase "the minister" is ("minister"), else None: it names the one
        person of its document named with that title."""
        if kind not in ORGANISATIONS or name != name.lower():
            return None
        key = key_of(name)
        return key if key in self.titles else None

    def _key(self, name: str, kind: str) -> str:
        """The merge key: a slug, with "ministry of (the) environment" read as "environment
        ministry" so the two word orders of one organisation agree."""
        key = key_of(name)
        if kind in {"ORG", "GROUP"}:
            tokens = key.split()
            # "X's Office of Y" orders its name as "Office of Y" does, so the two can meet
            owner = tokens[:2] if len(tokens) > 4 and tokens[1] == "s" and "'s " in name else []
            tokens = tokens[len(owner) :]
            if len(tokens) > 2 and tokens[0] in self.heads and tokens[1] == "of":
                rest = tokens[3:] if tokens[2] == "the" else tokens[2:]
                if 1 <= len(rest) <= 2:
                    key = " ".join([*owner, *rest, tokens[0]])
        return key

    def _core(self, name: str) -> list[str]:
        """A person's name as merge tokens: without particles ("al-" or a lowercase "bin",
        "van", "de"; a capitalised "Ben" or "Van" standing alone is a name), each token
        respelled the one way transliterations agree on ("Younous"/"Yunus" -> "iunus")."""
        parts: list[tuple[str, bool]] = []
        for word in name.split():
            pieces = [p for p in re.split(r"[-‐‑]", word) if p]
            for i, piece in enumerate(pieces):
                attached = i == 0 and len(pieces) > 1
                particle = piece.lower() in self.particles and (piece.islower() or attached)
                parts += [(t, particle) for t in key_of(piece).split()]
        tokens = [t for t, particle in parts if not particle] or [t for t, _ in parts]
        return [self.respell(t) for t in tokens]

    def respell(self, token: str) -> str:
        if not self._table:
            return token
        return self._variants.sub(lambda m: self._table[m.group(0)], token)

    def _generic(self, name: str, kind: str) -> bool:
        """A lowercase descriptive name whose head is an organisation noun ("the coast
        guard", "Police" opening a sentence): it names whichever body its document means."""
        if kind not in {"ORG", "GROUP"} or not name or name[1:] != name[1:].lower():
            return False
        tokens = self.key(name, kind).split()
        return bool(tokens) and tokens[-1] in self.heads

    def _qualified(self, name: str, kind: str) -> str | None:
        """The key of the generic short form inside "<Country>'s <short form>" ("France's
        transport ministry", as "French transport ministry" is named), else None."""
        owner, sep, rest = name.partition("'s ")
        if not sep or owner.lower() not in self.lex.country_set or not self.generic(rest, kind):
            return None
        return self.key(rest, kind)

    def head(self, tokens: list[str]) -> str:
        """An organisation's head noun: the word before its first "of"/"for", else the last."""
        for i, token in enumerate(tokens[1:], start=1):
            if token in {"of", "for"}:
                return tokens[i - 1]
        return tokens[-1]

    def fits(self, short: list[str], full: list[str]) -> bool:
        """Whether a generic short form can name an organisation: the full name ends with it
        ("fire brigade" / "Marren Fire Brigade") or its head is of the short form's class
        ("the agency" / "... Health Organization")."""
        if len(full) <= len(short) and full != short:
            return False
        if full[-len(short) :] == short and full != short:
            return True
        return self.head(full) in self.classes.get(short[-1], frozenset({short[-1]}))

    def unqualified(self, name: str) -> str | None:
        """An organisation's name without a leading country ("US Bureau of Tide Safety" ->
        "Bureau of Tide Safety"), the form the rest of the world writes it in."""
        first, _, rest = name.partition(" ")
        if len(rest.split()) < 2 or not rest[:1].isupper():
            return None
        if first.lower() in self.lex.country_set or first.lower() in self.lex.alias_index:
            return rest
        return None

    def without_place(self, key: str, places: set[str]) -> str | None:
        """The key of an organisation's name without the place it closes on after "of"
        ("defence office of the republic of velka" -> "defence office"), when it is
        a state by its formal name or one of ``places``; None for any other name."""
        tokens = key.split()
        forms = sorted((f.split() for f in self.lex.merging.state_forms), key=len, reverse=True)
        for i in range(2, len(tokens) - 1):
            if tokens[i] != "of":
                continue
            tail = tokens[i + 1 :]
            tail = tail[1:] if tail[0] == "the" else tail
            form = next((f for f in forms if tail[: len(f) + 1] == [*f, "of"]), None)
            place = " ".join(tail[len(form) + 1 :] if form else tail)
            if place and (form is not None or place in places):
                return self.key(" ".join(tokens[:i]), "ORG")
        return None

    def readings(self, name: str) -> set[str]:
        return acronym_readings(re.split(r"[\s\-/]+", name.replace("'s ", " ")), self.lex)


def acronym_readings(words: list[str], lexicon: Lexicon) -> set[str]:
    """The acronyms a long name (as words) can have: initials of its content words or of
    all its words, with or without a leading country ("US ..."), whole or before a last
    "and" conjunct ("Bureau of Tide Safety and Training" -> BTS)."""
    words = [w for w in words if w]
    variants = [words]
    if words and (
        words[0].lower() in lexicon.country_set or words[0].lower() in lexicon.alias_index
    ):
        variants.append(words[1:])
    for variant in list(variants):
        lowered = [w.lower() for w in variant]
        if "and" in lowered[1:]:
            variants.append(variant[: len(lowered) - 1 - lowered[::-1].index("and")])
    skip = set(lexicon.merging.acronym_skip)
    out = set()
    for variant in variants:
        out |= {initials(variant), initials([w for w in variant if w.lower() not in skip])}
    return {r for r in out if len(r) >= 2}


def entity_table(extractions: Iterable[Extraction], lexicon: Lexicon) -> EntityTable:
    """Merge every mention of every extraction into entities (deterministic)."""
    namer, keys = _Namer(lexicon), _Keys(lexicon)
    extractions = list(extractions)
    occurrences = [o for e in extractions for o in _occurrences(e, namer, keys)]
    merger = _Merger(occurrences, keys)
    for extraction in extractions:
        for link in extraction.links:
            if link.kind == "alias":
                merger.link(extraction.doc, link.a, link.b)
    merger.people()
    merger.names()
    merger.acronyms()
    merger.tails()
    merger.located()
    merger.lone_names()
    merger.roles()
    merger.short_forms()
    merger.generic_tails()
    table = _build(occurrences, merger.parent, keys)
    _affiliate(table, extractions)
    table.country_level = frozenset(
        e.id for e in table.entities if e.type in {"GPE", "LOC"} and namer.country_level(e.name)
    )
    return table


def _occurrences(extraction: Extraction, namer: _Namer, keys: _Keys) -> Iterator[_Occurrence]:
    named = [(m, *namer.name(m)) for m in _all_mentions(extraction)]
    surnames = _person_tokens(named, keys)
    for mention, name, kind in named:
        key = keys.key(name, kind)
        if not key:
            continue
        core = keys.core(name)
        if kind in {"ORG", "GROUP"} and len(core) == 1 and core[0] in surnames:
            kind = "PERSON"  # NER often tags a lone surname as an organisation
        short = (
            (kind == "PERSON" and len(core) == 1)
            or keys.generic(name, kind)
            or keys.qualified(name, kind) is not None
            or keys.role(name, kind) is not None
        )
        scope = extraction.doc if kind == "ANON" or short else ""
        yield _Occurrence(extraction.doc, mention, name, kind, (scope, key), short)


def _all_mentions(extraction: Extraction) -> Iterable[Mention]:
    yield from extraction.mentions
    for claim in extraction.claims:
        for mention in (claim.subject, claim.source, claim.location):
            if mention is not None:
                yield mention
    for link in extraction.links:
        yield link.a
        yield link.b


def _person_tokens(named: list[tuple[Mention, str, str]], keys: _Keys) -> set[str]:
    """Surnames (last core tokens) of the multi-word person names in one document."""
    tokens: set[str] = set()
    for _, name, kind in named:
        core = keys.core(name)
        if kind == "PERSON" and len(core) > 1:
            tokens.add(core[-1])
    return tokens


# ------------------------------------------------------------------ union-find


class _Merger:
    """The union-find over merge nodes, and the merges, each guarded against false friends.
    Every "exactly one fits" counts distinct sets, so spelling variants already merged
    count once."""

    def __init__(self, occurrences: list[_Occurrence], keys: _Keys) -> None:
        self.keys = keys
        self.occurrences = occurrences
        self.parent: dict[Node, Node] = {n: n for n in sorted({o.node for o in occurrences})}
        self.kinds: dict[Node, Counter[str]] = defaultdict(Counter)
        self.names_of: dict[Node, Counter[str]] = defaultdict(Counter)
        self.by_mention: dict[tuple[str, str, str], Node] = {}
        self._names: dict[Node, str] = {}
        self._cores: dict[Node, list[str]] = {}
        for o in occurrences:
            self.kinds[o.node][o.kind] += 1
            self.names_of[o.node][o.name] += 1
            self.by_mention[(o.doc, o.mention.kind, o.mention.text)] = o.node

    def kind(self, node: Node) -> str:
        return self.kinds[node].most_common(1)[0][0]

    def name(self, node: Node) -> str:
        """The node's most frequent name (memoized: the merges ask often)."""
        if node not in self._names:
            counts = self.names_of[node]
            self._names[node] = max(counts, key=lambda n: (counts[n], n))
        return self._names[node]

    def core(self, node: Node) -> list[str]:
        if node not in self._cores:
            self._cores[node] = self.keys.core(self.name(node))
        return self._cores[node]

    def global_nodes(self, kinds: frozenset[str]) -> list[Node]:
        return [n for n in self.parent if not n[0] and n in self.kinds and self.kind(n) in kinds]

    def join_if_one(self, node: Node, candidates: Iterable[Node]) -> bool:
        """Join ``node`` to the one set among ``candidates``; none when they are several."""
        roots = {find(self.parent, c) for c in candidates}
        if find(self.parent, node) in roots or len(roots) != 1:
            return False
        union(self.parent, node, roots.pop())
        return True

    def link(self, doc: str, a: Mention, b: Mention) -> None:
        """Two names the text gives as one ("State Emergency Service (SES)")."""
        na = self.by_mention.get((doc, a.kind, a.text))
        nb = self.by_mention.get((doc, b.kind, b.text))
        if na is not None and nb is not None:
            union(self.parent, na, nb)

    def people(self) -> None:
        """Person names that are one spelling apart token by token (transliterations), or
        one name with middle names or patronymics dropped ("Ana Lucia Reyes" / "Ana Reyes")."""
        nodes = sorted(self.global_nodes(frozenset({"PERSON"})))
        cores = [self.core(n) for n in nodes]
        if len(nodes) >= 2:
            flat = [" ".join(c) for c in cores]
            scores = process.cdist(
                flat,
                flat,
                scorer=fuzz.ratio,
                score_cutoff=self.keys.lex.person_token_similarity,
                workers=1,
            )
            threshold = self.keys.lex.person_token_similarity
            for i, j in zip(*scores.nonzero(), strict=True):
                if (
                    i < j
                    and len(cores[i]) == len(cores[j])
                    and all(
                        _same_token(x, y, threshold)
                        for x, y in zip(cores[i], cores[j], strict=True)
                    )
                ):
                    union(self.parent, nodes[i], nodes[j])
        blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, core in enumerate(cores):
            if len(core) >= 2:
                blocks[(core[0], core[-1])].append(i)
        for members in blocks.values():
            for i in members:
                longer = [nodes[j] for j in members if _subsequence(cores[i], cores[j])]
                self.join_if_one(nodes[i], longer)

    def names(self) -> None:
        """Bulk near-duplicate organisation and place names, verified token by token."""
        nodes = sorted(self.global_nodes(frozenset(self.kinds_seen() - {"PERSON", "ANON"})))
        if len(nodes) < 2:
            return
        keys = [n[1] for n in nodes]
        lex = self.keys.lex
        scores = process.cdist(
            keys, keys, scorer=fuzz.ratio, score_cutoff=lex.name_similarity, workers=1
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            if i < j and _same_name(keys[i], keys[j], lex.person_token_similarity):
                union(self.parent, nodes[i], nodes[j])

    def kinds_seen(self) -> set[str]:
        return {k for counts in self.kinds.values() for k in counts}

    def acronyms(self) -> None:
        """An acronym joins the one long name in the corpus it abbreviates ("KRA")."""
        longs: dict[str, list[Node]] = defaultdict(list)
        for node in self.global_nodes(ORGANISATIONS):
            if len(node[1].split()) >= 2:
                for reading in self.keys.readings(self.name(node)):
                    longs[reading].append(node)
        not_acronyms = frozenset({"PERSON", "ANON"})
        for node in sorted(self.global_nodes(frozenset(self.kinds_seen() - not_acronyms))):
            letters = self.name(node).replace(".", "").replace("&", "")
            if _ACRONYM.match(letters):
                self.join_if_one(node, longs.get(letters, []))

    def tails(self) -> None:
        """A proper organisation name that is the end of one longer one ("Grey Heron")."""
        nodes = [
            n
            for n in self.global_nodes(ORGANISATIONS)
            if not self.keys.generic(self.name(n), self.kind(n))
        ]
        ends: dict[str, list[Node]] = defaultdict(list)
        for node in nodes:
            tokens = node[1].split()
            for k in range(1, len(tokens) - 1):
                ends[" ".join(tokens[k:])].append(node)
        for node in sorted(nodes):
            if len(node[1].split()) >= 2 and node[1] in ends:
                self.join_if_one(node, ends[node[1]])
        self._cut_names(nodes)

    def located(self) -> None:
        """An organisation named with its country after "of" ("Civil Defence Office of
        Velka", "WATER BOARD OF THE REPUBLIC OF VELKA" heading its own release) and
        the same name without it ("the Civil Defence Office") are one body, when what
        follows "of" is a state by its formal name or a place the corpus names, and no
        other country's office has that name; "Office of Water" is no place's."""
        places = {n[1] for n in self.global_nodes(frozenset({"GPE", "LOC"}))}
        places |= {key_of(c) for c in self.keys.lex.country_set}
        placed: dict[str, list[Node]] = defaultdict(list)
        for node in self.global_nodes(ORGANISATIONS):
            base = self.keys.without_place(node[1], places)
            if base is not None:
                placed[base].append(node)
        for node in sorted(self.global_nodes(ORGANISATIONS)):
            if node[1] in placed:
                self.join_if_one(node, placed[node[1]])

    def _cut_names(self, nodes: list[Node]) -> None:
        """A one-word organisation name that ends a longer one named in the same document
        ("Reefs" beside "Save Our Reefs": NER cut the name), or begins one whose name says
        no kind of body ("Kestrel" beside "Kestrel Motors": a company's short name, never
        "Selm" beside "Selm City Hospital"), joins it, when every document naming both
        points to the same longer name."""
        longer = {n for n in nodes if len(n[1].split()) >= 2}
        in_doc: dict[str, set[Node]] = defaultdict(set)
        for o in self.occurrences:
            if o.node in longer:
                in_doc[o.doc].add(o.node)
        fits: dict[Node, set[Node]] = defaultdict(set)
        for o in self.occurrences:
            word = o.node[1]
            if o.kind != "ORG" or o.node[0] or " " in word or o.node not in self.parent:
                continue
            if self.keys.generic(o.name, o.kind) or _ACRONYM.match(o.name):
                continue
            fits[o.node] |= {
                n
                for n in in_doc[o.doc]
                if n[1].split()[-1] == word or (n[1].split()[0] == word and self._opaque(n))
            }
        for node in sorted(fits):
            self.join_if_one(node, fits[node])

    def _opaque(self, node: Node) -> bool:
        """Whether an organisation's name says no kind of body ("Kestrel Motors"), by its
        head noun."""
        tokens = node[1].split()
        kinds = self.keys.heads.union(*self.keys.classes.values())
        return self.keys.head(tokens) not in kinds | self.keys.organisation_heads

    def lone_names(self) -> None:
        """A lone name joins the single full name in its document containing it (spelled the
        same, else respelled), else the single one in the corpus; otherwise it joins the
        corpus-wide node of the same name."""
        full_by_doc: dict[str, set[Node]] = defaultdict(set)
        exact: dict[str, dict[str, set[Node]]] = defaultdict(lambda: defaultdict(set))
        by_initial: dict[str, set[tuple[str, Node]]] = defaultdict(set)
        for o in self.occurrences:
            if o.kind == "PERSON" and not o.node[0]:
                full_by_doc[o.doc].add(o.node)
                for token in self.core(o.node):
                    exact[o.doc][token].add(o.node)
                    by_initial[token[:1]].add((token, o.node))
        threshold = self.keys.lex.person_token_similarity
        everywhere: dict[str, list[Node]] = {}

        def holders(token: str) -> list[Node]:
            if token not in everywhere:
                found = {n for t, n in by_initial[token[:1]] if _same_token(token, t, threshold)}
                everywhere[token] = sorted(found)
            return everywhere[token]

        for o in self._short_occurrences(lambda o: o.kind == "PERSON"):
            [token] = self.keys.core(o.name)[:1] or [""]
            local = sorted(exact[o.doc].get(token, ())) or [
                n
                for n in sorted(full_by_doc[o.doc])
                if any(_same_token(token, t, threshold) for t in self.core(n))
            ]
            self.resolve(o.node, local, functools.partial(holders, token), o.node[1])

    def roles(self) -> None:
        """ "The minister" joins the one person its document names with that title
        ("Interior Minister Sanna Toivel"); otherwise it stays a corpus-wide role."""
        titled: dict[str, set[tuple[str, Node]]] = defaultdict(set)
        for o in self.occurrences:
            written = key_of(clean(o.mention.text))
            name = key_of(o.name)
            if o.kind == "PERSON" and written != name and written.endswith(" " + name):
                titled[o.doc].add((written[: -len(name) - 1], o.node))
        for o in self._short_occurrences(lambda o: self.keys.role(o.name, o.kind) is not None):
            role = o.node[1]
            people = [n for t, n in titled[o.doc] if t == role or t.endswith(" " + role)]
            self.resolve(o.node, people, list, role)

    def short_forms(self) -> None:
        """A generic short form joins the one organisation of its document it fits; when
        none there fits, the one in the corpus ("police" in a story with one police force)."""
        keys_of: dict[Node, list[list[str]]] = defaultdict(list)
        for node in self.global_nodes(ORGANISATIONS):
            if not self.keys.generic(self.name(node), self.kind(node)):
                keys_of[find(self.parent, node)].append(node[1].split())
        roots_in: dict[str, set[Node]] = defaultdict(set)
        owners: dict[str, set[str]] = defaultdict(set)
        for o in self.occurrences:
            if not o.node[0] and o.kind in ORGANISATIONS:
                roots_in[o.doc].add(find(self.parent, o.node))
            if (bare := self.keys.qualified(o.name, o.kind)) is not None:
                owners[bare].add(o.node[1])
        corpus_fits: dict[tuple[str, ...], list[Node]] = {}

        def fitting(roots: Iterable[Node], short: tuple[str, ...]) -> list[Node]:
            return [r for r in roots if any(self.keys.fits(list(short), k) for k in keys_of[r])]

        def wider(short: tuple[str, ...]) -> list[Node]:
            if short not in corpus_fits:
                corpus_fits[short] = fitting(sorted(keys_of), short)
            return corpus_fits[short]

        for o in self._short_occurrences(
            lambda o: o.kind != "PERSON" and self.keys.role(o.name, o.kind) is None
        ):
            bare = self.keys.qualified(o.name, o.kind)
            short = tuple((bare or o.node[1]).split())
            # "France's transport ministry" is "transport ministry" unless another country's is
            # named
            corpus = bare if bare is not None and len(owners[bare]) == 1 else o.node[1]
            local = fitting(sorted(roots_in[o.doc]), short)
            self.resolve(o.node, local, functools.partial(wider, short), corpus)

    def generic_tails(self) -> None:
        """A generic short form left to itself joins the one longer generic form it ends
        ("the health authority" / "the provincial health authority"); it joins none of
        two ("police" / "border police", "city police")."""
        nodes = sorted(
            {
                find(self.parent, o.node)
                for o in self.occurrences
                if o.short and o.kind in ORGANISATIONS and self.keys.generic(o.name, o.kind)
            }
        )
        corpus = [n for n in nodes if not n[0]]
        for node in corpus:
            tail = " " + node[1]
            self.join_if_one(node, [n for n in corpus if n[1].endswith(tail)])

    def _short_occurrences(self, keep: Callable[[_Occurrence], bool]) -> Iterator[_Occurrence]:
        """One occurrence per document-scoped short node that ``keep`` accepts."""
        seen: set[Node] = set()
        for o in self.occurrences:
            if o.short and o.node[0] == o.doc and o.node not in seen and keep(o):
                seen.add(o.node)
                yield o

    def resolve(
        self, node: Node, local: list[Node], wider: Callable[[], list[Node]], corpus: str
    ) -> None:
        """Join the one ``local`` candidate; when there is none, the one ``wider`` one;
        otherwise the corpus-wide node of key ``corpus``."""
        if self.join_if_one(node, local) or (not local and self.join_if_one(node, wider())):
            return
        if find(self.parent, node)[0]:
            self._join_corpus(node, corpus)

    def _join_corpus(self, node: Node, key: str) -> None:
        """An unresolved short name joins the corpus-wide node of ``key``."""
        corpus = ("", key)
        self.parent.setdefault(corpus, corpus)
        union(self.parent, node, corpus)


ORGANISATIONS = frozenset({"ORG", "GROUP"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_DEFINITION = re.compile(r"\s*\(\s*[A-Z][A-Z0-9&.]{1,9}\s*\)?$")


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Whether ``long`` is ``short`` with more tokens in between."""
    if len(short) >= len(long):
        return False
    it = iter(long)
    return all(token in it for token in short)


def _same_name(a: str, b: str, threshold: int) -> bool:
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    return all(_same_token(x, y, threshold) for x, y in zip(ta, tb, strict=True))


def _same_token(x: str, y: str, threshold: int) -> bool:
    """Equal, nearly equal, or the same consonants in the same order: transliterations
    differ mostly in vowels ("Mohammed"/"Muhammad", "Sergei"/"Sergey")."""
    if x == y:
        return True
    if not x or not y or x[0] != y[0] or x + "a" == y or y + "a" == x:  # Paul/Paula
        return False
    ratio = fuzz.ratio(x, y)
    if ratio >= threshold:
        return True
    sx, sy = _skeleton(x), _skeleton(y)
    return ratio >= SKELETON_MIN_RATIO and len(sx) >= 3 and sx == sy


def _skeleton(token: str) -> str:
    """The first letter and the consonants after it, doubled ones once."""
    consonants = [token[0], *(c for c in token[1:] if c not in "aeiouy")]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


# ------------------------------------------------------------------ entities


def _build(occurrences: list[_Occurrence], parent: dict[Node, Node], keys: _Keys) -> EntityTable:
    groups: dict[Node, list[_Occurrence]] = defaultdict(list)
    for occ in occurrences:
        groups[find(parent, occ.node)].append(occ)
    entities: list[Entity] = []
    ids: dict[tuple[str, str, str], str] = {}
    used: set[str] = set()
    for root in sorted(groups):
        members = groups[root]
        name = _canonical(members)
        kind = Counter(m.kind for m in members).most_common(1)[0][0]
        entity_id = _entity_id(name, kind, root, used)
        names = {name} | {clean(m.mention.text) for m in members} | {m.name for m in members}
        if kind in ORGANISATIONS:
            names |= {u for n in names if (u := keys.unqualified(n)) is not None}
        aliases = sorted(names)
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=kind,
                aliases=aliases,
                mentions=len({(m.doc, m.mention.start, m.mention.end) for m in members}),
            )
        )
        for m in members:
            ids[(m.doc, m.mention.kind, m.mention.text)] = entity_id
    entities.sort(key=lambda e: e.id)
    return EntityTable(entities, ids)


def _canonical(members: list[_Occurrence]) -> str:
    """The most frequent normalized name, preferring proper names ("Marren City Police"
    over "police") written in mixed case (not a heading's "MARREN CITY POLICE"), and then
    fuller names on ties."""
    counts = Counter(m.name for m in members)
    return max(
        counts,
        key=lambda n: (n != n.lower(), n != n.upper(), len(n.split()) > 1, counts[n], len(n), n),
    )


def _affiliate(table: EntityTable, extractions: list[Extraction]) -> None:
    """Give each person the organisation the text most often ties them to; they stay two
    entities."""
    ties: dict[str, Counter[str]] = defaultdict(Counter)
    for extraction in extractions:
        for link in extraction.links:
            person = table.id_of(extraction.doc, link.a)
            body = table.id_of(extraction.doc, link.b)
            if link.kind == "affiliation" and person and body and person != body:
                ties[person][body] += 1
    types = {e.id: e.type for e in table.entities}
    table.entities = [
        e.model_copy(update={"affiliation": _most_often(ties[e.id])})
        if e.id in ties and types[e.id] == "PERSON"
        else e
        for e in table.entities
    ]


def _most_often(counts: Counter[str]) -> str:
    return min(counts, key=lambda k: (-counts[k], k))


def _entity_id(name: str, kind: str, root: Node, used: set[str]) -> str:
    slug = _SLUG.sub("-", name.lower()).strip("-") or "x"
    if kind == "ANON":
        slug = f"anon-{slug}-{hashlib.sha1(root[0].encode()).hexdigest()[:6]}"
    candidate = f"ent:{slug}"
    if candidate in used:
        candidate = f"ent:{slug}-{kind.lower()}"
    n = 2
    base = candidate
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    used.add(candidate)
    return candidate
