"""The build as a whole: parallel and cached builds give the same bytes as a plain one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import CORPUS, SEEDS

from claimrec.cache import ExtractionCache
from claimrec.extract.paragraphs import plan
from claimrec.models import Graph
from claimrec.pipeline import build
from claimrec.render.notes import warning_text
from claimrec.store import graph_json


@pytest.fixture(scope="module")
def corpus_json(corpus_graph: Graph) -> str:
    return graph_json(corpus_graph)


def test_two_jobs_give_identical_bytes(corpus_json: str) -> None:
    assert graph_json(build([CORPUS], jobs=2)) == corpus_json


def test_cold_and_warm_cache_give_identical_bytes(tmp_path: Path, corpus_json: str) -> None:
    cache = tmp_path / "cache"
    assert graph_json(build([CORPUS], cache_dir=cache)) == corpus_json
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == len(list(CORPUS.rglob("*.*")))
    assert graph_json(build([CORPUS], cache_dir=cache, jobs=2)) == corpus_json


def test_warm_build_reads_the_cache(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    build([SEEDS], cache_dir=cache)
    calls: list[int] = []
    import claimrec.pipeline as pipeline

    original = pipeline.extract_documents
    monkeypatch.setattr(
        pipeline,
        "extract_documents",
        lambda docs, **kw: calls.append(len(docs)) or original(docs, **kw),
    )
    build([SEEDS], cache_dir=cache)
    assert calls == []


def test_only_changed_documents_are_extracted_again(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cache = tmp_path / "cache"
    build([corpus], cache_dir=cache)
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text() + "\nOfficials said 40 soldiers were killed.\n")
    import claimrec.pipeline as pipeline

    seen: list[str] = []
    original = pipeline.extract_documents
    monkeypatch.setattr(
        pipeline,
        "extract_documents",
        lambda docs, **kw: seen.extend(d.id for d in docs) or original(docs, **kw),
    )
    warm = build([corpus], cache_dir=cache)
    assert seen == [changed.stem]
    assert graph_json(warm) == graph_json(build([corpus]))


def test_a_changed_lexicon_invalidates_the_cache(tmp_path: Path, lexicon) -> None:
    from claimrec.lexicon import load_lexicon
    from claimrec.read import read_corpus

    config = tmp_path / "extra.yaml"
    config.write_text("units:\n  robot: {class: robots}\n")
    document = read_corpus([SEEDS]).documents[0]
    plain = ExtractionCache(tmp_path, lexicon=lexicon.digest, model="m", options="o")
    extended = ExtractionCache(
        tmp_path, lexicon=load_lexicon(config).digest, model="m", options="o"
    )
    assert plain.key(document) != extended.key(document)


def test_corrupt_cache_entries_are_ignored(tmp_path: Path, seeds_graph: Graph) -> None:
    cache = tmp_path / "cache"
    build([SEEDS], cache_dir=cache)
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json")
    assert graph_json(build([SEEDS], cache_dir=cache)) == graph_json(seeds_graph)


def test_prefilter_parses_claim_sentences_and_their_predecessors(lexicon) -> None:
    body = (
        "Maria Lindqvist visited the region. The toll rose to 300 people. "
        "The weather was calm. She said 40 people were hurt.\nA quiet line."
    )
    pieces = plan(body, lexicon)
    parsed = " ".join(p.text for p in pieces if p.parse)
    assert "The toll rose to 300" in parsed and "She said 40" in parsed
    assert "Maria Lindqvist visited" in parsed  # the toll sentence names no speaker
    assert "The weather was calm" not in parsed  # "She said" names its own
    assert "A quiet line" not in parsed
    for piece in pieces:
        assert body[piece.start : piece.start + len(piece.text)] == piece.text
    assert all(p.parse for p in plan(body, lexicon, entities="claims"))


def test_long_documents_are_cut_with_a_warning(tmp_path: Path, nlp, monkeypatch) -> None:
    import claimrec.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_DOCUMENT_CHARS", 2_000)
    (tmp_path / "long.txt").write_text("Officials said 12 people were hurt. " + "x " * 5_000)
    graph = build([tmp_path])
    (document,) = graph.documents
    (warning,) = document.warnings
    assert warning.code == "truncated" and warning.size == 10_036
    assert 1_990 <= (warning.kept or 0) <= 2_000
    assert "only the first 1,99" in warning_text(warning) or "first 2,000" in warning_text(warning)
    assert [c.evidence.quote for c in graph.claims if c.type == "count"] == ["12 people"]


def test_model_label_without_loading_matches_the_loaded_pipeline(nlp) -> None:
    from claimrec.nlp import installed_label, model_label

    assert installed_label() == model_label(nlp)


def test_fully_cached_build_does_not_load_the_pipeline(tmp_path: Path, monkeypatch) -> None:
    import claimrec.pipeline as pipeline

    cache = tmp_path / "cache"
    first = build([SEEDS], cache_dir=cache)
    monkeypatch.setattr(pipeline, "load_model", lambda *a, **k: pytest.fail("pipeline loaded"))
    assert graph_json(build([SEEDS], cache_dir=cache)) == graph_json(first)
