"""Voices: which claims come from one independent source, so agreement and conflict are
counted per voice, never per article.

- A named source is a voice; an organisation and the people who speak for it (its
  spokesperson, its officials) are one voice. The link is the entity's ``affiliation``,
  which entity resolution sets only where the text ties the two ("X, a spokesperson for
  Y", "Y spokesman X"); a role word and an organisation merely sharing a sentence tie
  no one, or a minister disputing an agency's count would lose her own voice.
- An outlet quoting an agency speaks with the agency's voice: the claim's source is
  the agency, and every outlet quoting it adds no voice.
- An unattributed claim, an anonymous one, or one attributed to the outlet itself,
  speaks with its document's voice; wire copies and reprints (``copy_of``) share the
  voice of the document they copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimrec.models import Claim, Entity, GraphDocument


class Voices:
    """Claim -> voice id: an entity id, or ``doc:<id>`` for a document speaking for itself."""

    def __init__(
        self,
        *,
        documents: Sequence[GraphDocument],
        entities: Sequence[Entity],
    ) -> None:
        self.entity = {e.id: e for e in entities}
        self.copy_of = {d.id: (d.copy_of or d.id) for d in documents}
        self.outlet = {d.id: d.outlet.lower() for d in documents if d.outlet}
        self._known: dict[tuple[str | None, str], str] = {}
        self.speaks_for = _affiliations(self.entity)

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


def _affiliations(entity: dict[str, Entity]) -> dict[str, str]:
    """Person id -> the organisation they speak for (``Entity.affiliation``); an
    organisation named as a unit of another (``_units``) -> that other."""
    stated = {
        e.id: e.affiliation
        for e in entity.values()
        if e.affiliation is not None and e.affiliation in entity and e.affiliation != e.id
    }
    return _units(entity) | stated


ORGANISATIONS = frozenset({"ORG", "GROUP"})


def _units(entity: dict[str, Entity]) -> dict[str, str]:
    """An organisation whose name is another organisation's name and more words ("X
    Branch 7", "X Communications Department", "X NEWS" of a release heading) is a unit of
    it, and speaks with its voice."""
    orgs = [e for e in entity.values() if e.type in ORGANISATIONS]
    named = {a.lower(): e.id for e in orgs for a in e.aliases if a[:1].isupper()}
    out: dict[str, str] = {}
    for unit in orgs:
        words = unit.name.split()
        for k in range(len(words) - 1, 0, -1):  # the longest name it opens with
            parent = named.get(" ".join(words[:k]).lower())
            if parent is not None and parent != unit.id:
                out[unit.id] = parent
                break
    return out
