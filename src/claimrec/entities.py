"""Normalize: merge entity mentions from all documents into entities.

A mention's name is first cleaned by rule (titles, possessives, "the", quote
marks, hyphens), then mapped through the lexicon (aliases such as "U.S.",
nationality adjectives to their country, synonyms in descriptive names so
"spy agency" and "intelligence agency" agree, as the lexicon says). Names with the same key are one
entity. Then three merges, each guarded against false friends:
- a lone surname or given name joins the one full name in the same document
  that contains it ("Whitlock" -> "Dana Whitlock"); if two full names share it,
  it joins neither;
- person names with equal token counts whose every token is nearly equal
  (transliterations: "Mohammed"/"Muhammad"), found in bulk with rapidfuzz;
- other names nearly equal as a whole *and* token by token, so "North Kestova"
  and "South Kestova" (one token apart entirely) stay apart.
Anonymous speakers ("a senior official") are never merged across documents.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from claimrec.lexicon import Lexicon
from claimrec.models import Entity, Extraction, Mention
from claimrec.unionfind import find, union

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"})
_EDGE = re.compile(r"^[\s\"'(\[\-:,.]+|[\s\"')\]\-:,]+$")
_POSSESSIVE = re.compile(r"'s?$")
_SLUG = re.compile(r"[^a-z0-9]+")

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


def clean(text: str) -> str:
    """Surface form with typographic quotes, edge punctuation and possessive removed."""
    s = " ".join(text.translate(_QUOTES).split())
    s = _EDGE.sub("", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return _POSSESSIVE.sub("", s).strip()


class _Namer:
    """Turns a mention into (display name, kind, merge key) using the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.directions = {d.lower() for d in lexicon.directions}
        self.heads = {h.lower() for h in lexicon.location_heads}
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
        elif kind in {"GROUP", "ORG"}:
            text = self._descriptive(text)
        text = self.lex.alias_index.get(text.lower(), text)
        if kind in {"GPE", "LOC"} and text.lower() in self.lex.country_set:
            kind = "GPE"
        return text, kind

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


def _before_possessive(text: str) -> str:
    """A person's name ends at a possessive: "Whitlock's Recovery Plan" is about Whitlock."""
    head, sep, _ = text.partition("'s ")
    return head if sep else text


def key_of(name: str) -> str:
    return " ".join(_SLUG.sub(" ", name.lower()).split())


def entity_table(extractions: Iterable[Extraction], lexicon: Lexicon) -> EntityTable:
    """Merge every mention of every extraction into entities (deterministic)."""
    namer = _Namer(lexicon)
    occurrences: list[tuple[str, Mention, str, str, Node]] = []
    for extraction in extractions:
        named = [(m, *namer.name(m)) for m in _all_mentions(extraction)]
        surnames = _person_tokens(named)
        for mention, name, kind in named:
            key = key_of(name)
            if not key:
                continue
            if kind in {"ORG", "GROUP"} and key in surnames:
                kind = "PERSON"  # NER often tags a lone surname as an organisation
            scope = extraction.doc if kind == "ANON" or _lone_person(kind, key) else ""
            occurrences.append((extraction.doc, mention, name, kind, (scope, key)))
    parent = _merge([o[4] for o in occurrences], occurrences, lexicon)
    table = _build(occurrences, parent)
    table.country_level = frozenset(
        e.id for e in table.entities if e.type in {"GPE", "LOC"} and namer.country_level(e.name)
    )
    return table


def _all_mentions(extraction: Extraction) -> Iterable[Mention]:
    yield from extraction.mentions
    for claim in extraction.claims:
        for mention in (claim.subject, claim.source, claim.location):
            if mention is not None:
                yield mention


def _person_tokens(named: list[tuple[Mention, str, str]]) -> set[str]:
    """Surnames (last tokens) of the multi-word person names in one document."""
    tokens: set[str] = set()
    for _, name, kind in named:
        key = key_of(name)
        if kind == "PERSON" and " " in key:
            tokens.add(key.split()[-1])
    return tokens


def _lone_person(kind: str, key: str) -> bool:
    return kind == "PERSON" and " " not in key


# ------------------------------------------------------------------ union-find


def _merge(nodes: list[Node], occurrences: list, lexicon: Lexicon) -> dict[Node, Node]:
    parent: dict[Node, Node] = {n: n for n in sorted(set(nodes))}
    kinds: dict[Node, Counter[str]] = defaultdict(Counter)
    for _, _, _, kind, node in occurrences:
        kinds[node][kind] += 1
    _resolve_lone_names(parent, occurrences)
    _fuzzy(parent, kinds, lexicon)
    return parent


def _resolve_lone_names(parent: dict[Node, Node], occurrences: list) -> None:
    """A lone name joins the single full name in its document containing it; otherwise it
    joins the corpus-wide node of the same lone name."""
    full_by_doc: dict[str, set[str]] = defaultdict(set)
    for doc, _, _, kind, (scope, key) in occurrences:
        if kind == "PERSON" and not scope:
            full_by_doc[doc].add(key)
    everywhere = sorted(set().union(*full_by_doc.values())) if full_by_doc else []
    for doc, _, _, kind, node in occurrences:
        scope, key = node
        if kind != "PERSON" or not scope or scope != doc:
            continue
        matches = [full for full in sorted(full_by_doc[doc]) if key in full.split()]
        if not matches:
            matches = [full for full in everywhere if key in full.split()]
        if len(matches) == 1:
            union(parent, node, ("", matches[0]))
        else:
            parent.setdefault(("", key), ("", key))
            union(parent, node, ("", key))


def _fuzzy(parent: dict[Node, Node], kinds: dict[Node, Counter[str]], lexicon: Lexicon) -> None:
    """Bulk near-duplicate names with rapidfuzz, verified token by token."""
    global_nodes = sorted(
        n
        for n in parent
        if not n[0]
        and kinds.get(n, Counter()).most_common(1)
        and kinds[n].most_common(1)[0][0] != "ANON"
    )
    if len(global_nodes) < 2:
        return
    keys = [n[1] for n in global_nodes]
    scores = process.cdist(
        keys,
        keys,
        scorer=fuzz.ratio,
        score_cutoff=min(lexicon.person_token_similarity, lexicon.name_similarity),
        workers=1,
    )
    for i, j in zip(*scores.nonzero(), strict=True):
        if i >= j:
            continue
        a, b = global_nodes[i], global_nodes[j]
        kind_a, kind_b = kinds[a].most_common(1)[0][0], kinds[b].most_common(1)[0][0]
        if _same_name(keys[i], keys[j], kind_a, kind_b, float(scores[i, j]), lexicon):
            union(parent, a, b)


def _same_name(a: str, b: str, kind_a: str, kind_b: str, score: float, lexicon: Lexicon) -> bool:
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or (kind_a == "PERSON") != (kind_b == "PERSON"):
        return False
    threshold = lexicon.person_token_similarity
    if kind_a != "PERSON" and score < lexicon.name_similarity:
        return False
    return all(_same_token(x, y, threshold) for x, y in zip(ta, tb, strict=True))


def _same_token(x: str, y: str, threshold: int) -> bool:
    """Equal, nearly equal, or the same consonants in the same order: transliterations
    differ mostly in vowels ("Mohammed"/"Muhammad", "Volodymir"/"Volodymyr")."""
    if x == y:
        return True
    if x[0] != y[0] or x + "a" == y or y + "a" == x:  # Daniel/Daniela are two people
        return False
    ratio = fuzz.ratio(x, y)
    if ratio >= threshold:
        return True
    sx, sy = _skeleton(x), _skeleton(y)
    return ratio >= SKELETON_MIN_RATIO and len(sx) >= 3 and sx == sy


def _skeleton(token: str) -> str:
    consonants = [c for c in token if c not in "aeiouy"]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


# ------------------------------------------------------------------ entities


def _build(occurrences: list, parent: dict[Node, Node]) -> EntityTable:
    groups: dict[Node, list] = defaultdict(list)
    for occ in occurrences:
        groups[find(parent, occ[4])].append(occ)
    entities: list[Entity] = []
    ids: dict[tuple[str, str, str], str] = {}
    used: set[str] = set()
    for root in sorted(groups):
        members = groups[root]
        name = _canonical(members)
        kind = Counter(m[3] for m in members).most_common(1)[0][0]
        entity_id = _entity_id(name, kind, root, used)
        aliases = sorted({name} | {clean(m[1].text) for m in members} | {m[2] for m in members})
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=kind,
                aliases=aliases,
                mentions=len({(m[0], m[1].start, m[1].end) for m in members}),
            )
        )
        for doc, mention, *_ in members:
            ids[(doc, mention.kind, mention.text)] = entity_id
    entities.sort(key=lambda e: e.id)
    return EntityTable(entities, ids)


def _canonical(members: list) -> str:
    """The most frequent normalized name, preferring fuller names on ties."""
    counts = Counter(m[2] for m in members)
    return max(counts, key=lambda n: (len(n.split()) > 1, counts[n], len(n), n))


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
