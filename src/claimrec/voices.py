"""Voices: which claims come from one independent source, so agreement and conflict are
counted per voice, never per article.

- A named source is a voice; an organisation and the people who speak for it (its
  spokesperson, its officials) are one voice. The link comes from the entity's
  ``affiliation`` when entity resolution provides one, else from the claim's own
  sentence: a person named with a role word and an organisation ("X, a spokesperson
  for Y", "Y's director X").
- An outlet quoting an agency speaks with the agency's voice: the claim's source is
  the agency, and every outlet quoting it adds no voice.
- An unattributed claim, an anonymous one, or one attributed to the outlet itself,
  speaks with its document's voice; wire copies and reprints (``copy_of``) share the
  voice of the document they copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimrec.lexicon import ReconcileWords
from claimrec.models import Claim, Entity, GraphDocument

SPEAKER_TYPES = frozenset({"PERSON"})
BODY_TYPES = frozenset({"ORG", "GROUP"})
MIN_ALIAS = 3


class Voices:
    """Claim -> voice id: an entity id, or ``doc:<id>`` for a document speaking for itself."""

    def __init__(
        self,
        claims: Sequence[Claim],
        *,
        documents: Sequence[GraphDocument],
        entities: Sequence[Entity],
        cues: ReconcileWords,
    ) -> None:
        self.entity = {e.id: e for e in entities}
        self.copy_of = {d.id: (d.copy_of or d.id) for d in documents}
        self.outlet = {d.id: d.outlet.lower() for d in documents if d.outlet}
        self._known: dict[tuple[str | None, str], str] = {}
        self.speaks_for = _affiliations(claims, self.entity, _word_pattern(cues.voice_roles))

    def voice(self, claim: Claim) -> str:
        key = (claim.source, claim.doc)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._voice(claim)
        return found

    def _voice(self, claim: Claim) -> str:
        entity = self.entity.get(claim.source or "")
        if entity is None or entity.type == "ANON" or self._is_outlet(claim, entity):
            return f"doc:{self.copy_of.get(claim.doc, claim.doc)}"
        return self.speaks_for.get(entity.id, entity.id)

    def _is_outlet(self, claim: Claim, entity: Entity) -> bool:
        outlet = self.outlet.get(claim.doc)
        return outlet is not None and any(a.lower() == outlet for a in entity.aliases)


def _affiliations(
    claims: Sequence[Claim], entity: dict[str, Entity], roles: re.Pattern[str] | None
) -> dict[str, str]:
    """Person id -> the organisation they speak for."""
    out: dict[str, str] = {}
    for e in entity.values():
        linked = getattr(e, "affiliation", None)  # set by entity resolution when it knows
        if isinstance(linked, str) and linked in entity and linked != e.id:
            out[e.id] = linked
    bodies = [e for e in entity.values() if e.type in BODY_TYPES]
    pattern = _alias_pattern(bodies)
    if pattern is None or roles is None:
        return out
    by_alias = {a.lower(): e.id for e in bodies for a in e.aliases if len(a) >= MIN_ALIAS}
    for claim in claims:
        person = entity.get(claim.source or "")
        if person is None or person.type not in SPEAKER_TYPES or person.id in out:
            continue
        sentence = claim.evidence.sentence
        if roles.search(sentence) is None:
            continue
        found = pattern.search(sentence)
        if found is not None:
            out[person.id] = by_alias[found.group(0).lower()]
    return out


def _word_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """One regex that finds any of ``phrases`` as whole words, in any case."""
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _alias_pattern(bodies: Sequence[Entity]) -> re.Pattern[str] | None:
    aliases = sorted(
        {a for e in bodies for a in e.aliases if len(a) >= MIN_ALIAS}, key=lambda a: (-len(a), a)
    )
    if not aliases:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b", re.IGNORECASE)
