"""Near-duplicate documents (wire copies, reprints), so they count once as sources.

Each document is reduced to a MinHash signature of its word 5-gram shingles;
signatures are bucketed by bands (locality-sensitive hashing), and only
documents sharing a bucket are compared, by estimated Jaccard similarity. The
cost is linear in the corpus, never all pairs. A document whose similarity to
an earlier one (in id order) reaches ``THRESHOLD`` is marked a copy of it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from claimrec.models import Document

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16
THRESHOLD = 0.8
_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20240601)
_A = _rng.integers(1, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)


def signature(text: str) -> np.ndarray | None:
    """MinHash signature of ``text``'s shingles; None for texts too short to compare."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE * 2:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") >> 3
            for s in sorted(shingles)
        ),
        dtype=np.uint64,
        count=len(shingles),
    )
    with np.errstate(over="ignore"):
        mixed = (hashes[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return mixed.min(axis=0)


def copies(documents: Sequence[Document]) -> dict[str, str]:
    """Document id -> id of the earlier document it nearly duplicates."""
    signatures = {d.id: signature(d.body) for d in sorted(documents, key=lambda d: d.id)}
    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    found: dict[str, str] = {}
    for doc_id, sig in signatures.items():
        if sig is None:
            continue
        candidates: set[str] = set()
        for band in range(BANDS):
            key = (band, sig[band * rows : (band + 1) * rows].tobytes())
            candidates.update(buckets[key])
            buckets[key].append(doc_id)
        for other in sorted(candidates):
            if float(np.mean(signatures[other] == sig)) >= THRESHOLD:  # type: ignore[operator]
                found[doc_id] = found.get(other, other)
                break
    return found
