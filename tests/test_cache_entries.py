"""Extraction cache entries: written whole (through a renamed temporary file), read back
equal, and a cache that cannot be written is only skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import extraction

from claimrec.cache import ExtractionCache
from claimrec.models import Document


def _document(doc_id: str, body: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", sha256=f"{hash(body) & 0xFFFF:x}", body=body)


def _cache(folder: Path) -> ExtractionCache:
    return ExtractionCache(folder, lexicon="lex", model="model", options="")


@pytest.mark.parametrize("count", [1, 3])
def test_entries_read_back_equal_and_leave_no_temporary_file(tmp_path: Path, count: int) -> None:
    cache = _cache(tmp_path / "cache")
    docs = [_document(f"d{i}", f"Mayor Ilse Varn spoke in Oskerby ({i}).") for i in range(count)]
    entries = [extraction(d.id, ("Ilse Varn", "PERSON"), ("Oskerby", "GPE")) for d in docs]
    for document, entry in zip(docs, entries, strict=True):
        cache.put(document, entry)
        cache.put(document, entry)  # writing an entry again replaces it
    assert [cache.get(d) for d in docs] == entries
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert len(files) == count
    assert all(p.suffix == ".json" and not p.name.startswith(".") for p in files)


def test_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    cache = _cache(blocker)
    document = _document("d", "Nothing to see in Oskerby.")
    cache.put(document, extraction("d"))
    assert cache.get(document) is None
