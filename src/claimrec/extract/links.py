"""What the text itself says about names, read from the body around NER's mentions.

- An acronym defined beside its long form ("State Emergency Service (SES)", glued as
  "Service(SES)", or "SES (State Emergency Service)") gives both names and an alias link,
  even when NER missed the long form or fused the two.
- Two multi-word names of one organisation given side by side, in brackets or after a
  slash ("Médecins du Lac / Doctors of the Lake"), are an alias link.
- A person named with a title ("Mr Halloran", "Interior Minister Sanna Toivel") is
  mentioned with the title, so the titled form is one of the entity's aliases; a name
  NER found inside the title ("Interior") is dropped.
- A surname of a person named in full recurs alone ("Halloran opened an inquiry"): each
  recurrence NER missed is a mention of that person.
- A person tied to an organisation by a role ("X, a spokesperson for Y", "Y spokesman X",
  "X of Y") gives an affiliation link; the two stay apart.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from claimrec.entities import acronym_readings
from claimrec.lexicon import Lexicon
from claimrec.models import Mention, MentionLink

_DEFINED = re.compile(r"\(([A-Z][A-Z0-9&]{1,9})\)")
_EXPANDED = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,9}) \(([^()\n]{3,120})\)")
_WORD = re.compile(r"[^\s()\[\]{},;:!?\"“”—–]+")
_STOP = re.compile(r"[.;:!?\n—–\"“”()]")
_NAME_WORD = re.compile(r"[A-Z][\w.'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“”]\s+|\n\s*)$")
_CALENDAR = frozenset(n for n in [*calendar.month_name, *calendar.day_name] if n)
BODIES = frozenset({"ORG", "GPE", "GROUP"})
MAX_GAP = 80  # characters between a person and an organisation tied by a role
LONG_FORM_SLACK = 4  # words a long form may have beyond one per letter ("of", "the", ...)


def linked_mentions(
    body: str, mentions: list[Mention], lexicon: Lexicon
) -> tuple[list[Mention], list[MentionLink]]:
    """``mentions`` refined from the body, plus the links the text states between them."""
    defined, aliases = _definitions(body, lexicon)
    mentions = [_trim_glued(m) for m in mentions] + defined
    renamed, renamings = _renamings(body, mentions, lexicon)
    mentions += renamed
    aliases += renamings
    affiliations = list(_affiliations(body, mentions, lexicon))
    titled = {m: _titled(body, m, lexicon) for m in mentions}
    titles = [(t.start, m.start) for m, t in titled.items() if t.start < m.start]
    # "Interior" in "Interior Minister Sanna Toivel" is part of a title, not an organisation
    inside = {m for m in mentions if any(a <= m.start and m.end <= b for a, b in titles)}
    mentions = [titled[m] for m in mentions if m not in inside]
    affiliations = [
        link.model_copy(update={"a": titled.get(link.a, link.a), "b": titled.get(link.b, link.b)})
        for link in affiliations
        if link.b not in inside
    ]
    mentions += list(_surnames(body, mentions, lexicon))
    return mentions, aliases + affiliations


# ------------------------------------------------------------------ acronyms


def _definitions(body: str, lexicon: Lexicon) -> tuple[list[Mention], list[MentionLink]]:
    mentions: list[Mention] = []
    links: list[MentionLink] = []
    for match in _DEFINED.finditer(body):
        long = _long_form(body, match.start(), match.group(1), lexicon)
        if long is not None:
            short = Mention(text=match.group(1), kind="ORG", start=match.start(1), end=match.end(1))
            mentions += [long, short]
            links.append(MentionLink(kind="alias", a=long, b=short))
    for match in _EXPANDED.finditer(body):
        words = _WORD.findall(match.group(2))
        if match.group(1) in acronym_readings(words, lexicon) and words[0][:1].isupper():
            long = Mention(
                text=match.group(2).strip(), kind="ORG", start=match.start(2), end=match.end(2)
            )
            short = Mention(text=match.group(1), kind="ORG", start=match.start(1), end=match.end(1))
            mentions += [long, short]
            links.append(MentionLink(kind="alias", a=long, b=short))
    return mentions, links


def _long_form(body: str, end: int, acronym: str, lexicon: Lexicon) -> Mention | None:
    """The fewest words right before ``end``, in the same clause, that ``acronym`` abbreviates."""
    start = max(0, end - 200)
    stops = list(_STOP.finditer(body, start, end))
    if stops:
        start = stops[-1].end()
    words = list(_WORD.finditer(body, start, end))
    most = len(acronym) + LONG_FORM_SLACK
    for k in range(len(acronym), min(len(words), most) + 1):
        chosen = words[-k:]
        if not chosen[0].group(0)[:1].isupper():
            continue
        if acronym in acronym_readings([w.group(0) for w in chosen], lexicon):
            first, last = chosen[0].start(), chosen[-1].end()
            return Mention(
                text=" ".join(body[first:last].split()), kind="ORG", start=first, end=last
            )
    return None


def _renamings(
    body: str, mentions: list[Mention], lexicon: Lexicon
) -> tuple[list[Mention], list[MentionLink]]:
    """An organisation's name given with another beside it, in brackets or after a
    slash ("Médecins du Lac / Doctors of the Lake"): a translation or a
    former name. One side must be an organisation the document names, and both names of
    two words or more, so "Kestrel/Ardent" (two companies) is no renaming."""
    known = {m.text.removeprefix("the ").removeprefix("The ") for m in mentions if m.kind == "ORG"}
    found: list[Mention] = []
    links: list[MentionLink] = []
    for match in _renamed(lexicon).finditer(body):
        if match.group(2) == "(" and body[match.end() : match.end() + 1] != ")":
            continue
        first = _known_tail(match.group(1), known)
        second = match.group(3)
        if first is None and second not in known:
            continue
        first = first or match.group(1)
        start = match.end(1) - len(first)
        a = Mention(text=first, kind="ORG", start=start, end=match.end(1))
        b = Mention(text=second, kind="ORG", start=match.start(3), end=match.end(3))
        found += [a, b]
        links.append(MentionLink(kind="alias", a=a, b=b))
    return found, links


def _renamed(lexicon: Lexicon) -> re.Pattern[str]:
    """Two names, each capitalised words joined by the small words names keep ("of the")."""
    return _renamed_pattern(tuple(lexicon.merging.acronym_skip))


@lru_cache(maxsize=8)
def _renamed_pattern(acronym_skip: tuple[str, ...]) -> re.Pattern[str]:
    """``_renamed``'s pattern, built once per lexicon, not per document."""
    small = "|".join(re.escape(w) for w in acronym_skip if w.islower())
    word = r"[A-Z][\w'’.-]*"
    name = rf"{word}(?:[ \t]+(?:(?:{small})[ \t]+){{0,2}}{word})+"
    return re.compile(rf"({name})([ \t]+/[ \t]+|[ \t]+\()({name})")


def _known_tail(text: str, known: set[str]) -> str | None:
    """The longest run of ``text``'s last words that is a known name, if any."""
    words = text.split()
    for k in range(len(words), 1, -1):
        tail = " ".join(words[-k:])
        if tail in known:
            return tail
    return None


def _trim_glued(mention: Mention) -> Mention:
    """NER fuses a glued definition ("Service(SES"): keep the name before the bracket."""
    head, bracket, _ = mention.text.partition("(")
    if not bracket or ")" in mention.text or not head.strip():
        return mention
    text = head.rstrip()
    return mention.model_copy(update={"text": text, "end": mention.start + len(text)})


# ------------------------------------------------------------------ people


def _titled(body: str, mention: Mention, lexicon: Lexicon) -> Mention:
    """A person's mention with the capitalised titles right before it ("Dr", "Interior
    Minister"), so "Mr Halloran" is one of the person's aliases."""
    if mention.kind != "PERSON":
        return mention
    start = mention.start
    while (title := _title_before(body, start, lexicon)) is not None:
        start = title
    if start == mention.start:
        return mention
    text = " ".join(body[start : mention.end].split())
    return mention.model_copy(update={"text": text, "start": start})


def _title_before(body: str, end: int, lexicon: Lexicon) -> int | None:
    """Where the longest title of up to three capitalised words right before ``end`` starts."""
    words = list(re.finditer(r"[A-Z][\w.'-]*", body[max(0, end - 60) : end]))
    offset = max(0, end - 60)
    for k in range(min(3, len(words)), 0, -1):
        first = words[-k]
        span = body[offset + first.start() : end]
        if not span.endswith((" ", "\t")) or "\n" in span:
            continue
        if " ".join(span.split()).lower() in lexicon.title_set and all(
            re.fullmatch(r"[ \t]+", body[offset + x.end() : offset + y.start()])
            for x, y in pairwise(words[-k:])
        ):
            return offset + first.start()
    return None


def _surnames(body: str, mentions: list[Mention], lexicon: Lexicon) -> Iterator[Mention]:
    """Recurrences of a full name's surname that no mention covers: not a month or a day's
    name, and, when the surname is also a lowercase word of the text, not at a sentence's
    start."""
    taken = sorted((m.start, m.end) for m in mentions)
    surnames = {
        re.sub(r"['’]s?$", "", m.text.split()[-1])
        for m in mentions
        if m.kind == "PERSON" and len(m.text.split()) > 1
    }
    for surname in sorted(surnames):
        if (
            len(surname) < 3
            or not _NAME_WORD.fullmatch(surname)
            or surname.lower() in lexicon.title_set
            or surname in _CALENDAR  # "May" the month is no one's surname
        ):
            continue
        common = re.search(rf"(?<![\w-]){re.escape(surname.lower())}(?![\w-])", body)
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", body):
            if common and _SENTENCE_START.search(body, max(0, match.start() - 3), match.start()):
                continue  # "Hand grenades ...": a common word opening a sentence
            if not any(a < match.end() and match.start() < b for a, b in taken):
                yield Mention(text=surname, kind="PERSON", start=match.start(), end=match.end())


# ------------------------------------------------------------------ affiliations


_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


@lru_cache(maxsize=8)
def _affiliation_patterns(
    affiliation_roles: tuple[str, ...], function_words: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``_affiliations``' person-first and body-first patterns for a lexicon's words, built
    once per lexicon rather than per document (escaping and joining the words each time
    cost ~0.3% of a build); None without roles."""
    roles = "|".join(re.escape(r) for r in sorted(affiliation_roles, key=len, reverse=True))
    if not roles:
        return None
    role = rf"(?:{roles})"
    function = "|".join(re.escape(w) for w in function_words)
    words = (
        rf"(?:(?!(?:{function})\s)[\w'’-]+\s+){{0,3}}?" if function else r"(?:[\w'’-]+\s+){0,3}?"
    )
    person_first = re.compile(
        rf",\s+(?:(?:a|an|the)\s+)?{words}{role}\s+(?:for|of|at|with|from)\s+(?:the\s+)?",
        re.IGNORECASE,
    )
    body_first = re.compile(rf"(?:['’]s)?\s+{words}{role},?\s+", re.IGNORECASE)
    return person_first, body_first


def _affiliations(body: str, mentions: list[Mention], lexicon: Lexicon) -> Iterator[MentionLink]:
    """Person and organisation named next to each other with a role between them; the words
    before the role modify it ("foreign ministry spokesman"), so none is a function word
    ("who praised the rescue chief of ..." ties no one)."""
    patterns = _affiliation_patterns(
        tuple(lexicon.merging.affiliation_roles), tuple(lexicon.merging.function_words)
    )
    if patterns is None:
        return
    person_first, body_first = patterns
    of = _OF
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    for a, b in pairwise(ordered):
        between = body[a.end : b.start]
        if a.end > b.start or len(between) > MAX_GAP or "\n" in between:
            continue
        if a.kind == "PERSON" and b.kind in BODIES:
            if person_first.fullmatch(between) or (b.kind == "ORG" and of.fullmatch(between)):
                yield MentionLink(kind="affiliation", a=a, b=b)
        elif a.kind in BODIES and b.kind == "PERSON" and body_first.fullmatch(between):
            yield MentionLink(kind="affiliation", a=b, b=a)
