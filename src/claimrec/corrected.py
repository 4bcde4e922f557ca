"""Figures a correction note withdraws.

A correction note tells what an earlier report said and, in the very next sentence, rules
that figure out: "A previous edition of the story put the dead at 30. That figure was
wrong." / "Correction: a report on Monday put the crowd at 9,000. The correct number
was 6,000." The figure the note repeats is no claim of the article's: it is the wrong
figure, withdrawn (role ``superseded``), and never a rival of the right one. A note whose
next sentence rules nothing out ("... counted 90 arrests. The group now says
...") leaves its figures as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from claimrec.cues import in_correction_note, rules_out
from claimrec.lexicon import ReconcileWords
from claimrec.models import Claim, Evidence

_PARAGRAPH_END = re.compile(r"[ \t]*\n[ \t]*\n")
_NEXT_SENTENCE = re.compile(r"\s*(\S.*?[.!?])(?=[\"'’”)]*(?:\s|$))", re.DOTALL)


def corrected_figures(
    counts: Sequence[Claim], bodies: Mapping[str, str], cues: ReconcileWords
) -> frozenset[str]:
    """Ids of the counts a correction note withdraws (see the module docstring)."""
    out: set[str] = set()
    ruled: dict[tuple[str, str], bool] = {}
    for claim in counts:
        sentence = claim.evidence.sentence
        if not in_correction_note(sentence, cues):
            continue  # the common case
        key = (claim.doc, sentence)
        if key not in ruled:
            following = next_sentence(bodies.get(claim.doc, ""), claim.evidence)
            ruled[key] = following is not None and rules_out(following, cues)
        if ruled[key]:
            out.add(claim.id)
    return frozenset(out)


def next_sentence(body: str, evidence: Evidence) -> str | None:
    """The sentence after the evidence's sentence in the same paragraph, or None (the
    paragraph ends there, or the sentence cannot be found in the body)."""
    sentence = evidence.sentence
    start = body.find(sentence, max(0, evidence.start - len(sentence)))
    if start < 0 or start > evidence.start:
        return None
    rest = body[start + len(sentence) :]
    if _PARAGRAPH_END.match(rest):
        return None
    paragraph = _PARAGRAPH_END.split(rest, maxsplit=1)[0]
    found = _NEXT_SENTENCE.match(paragraph)
    return found.group(1) if found else None
