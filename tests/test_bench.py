"""Smoke test of the benchmark's corpus generator (bench/corpus.py): deterministic, and
readable by claimrec. No timing here; `make bench` measures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from paths import ROOT

from claimrec.read import read_corpus


def _bench_corpus():
    path = ROOT / "bench" / "corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_corpus_is_deterministic_and_readable(tmp_path: Path) -> None:
    corpus = _bench_corpus()
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    corpus.write_corpus(first, 5, seed=7)
    corpus.write_corpus(second, 5, seed=7)
    corpus.write_corpus(other, 5, seed=8)

    assert _files(first) == _files(second)
    assert _files(first) != _files(other)
    assert len(_files(first)) == 5

    read = read_corpus([first])
    assert len(read.documents) == 5
    assert not read.skipped
    for document in read.documents:
        assert not document.body.startswith("---")
        assert not document.warnings


def test_touch_changes_one_percent_deterministically(tmp_path: Path) -> None:
    corpus = _bench_corpus()
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        corpus.write_corpus(folder, 5, seed=7)
    before = _files(a)
    changed_a = corpus.touch_corpus(a, 0.01, seed=7)
    changed_b = corpus.touch_corpus(b, 0.01, seed=7)
    assert [p.name for p in changed_a] == [p.name for p in changed_b]
    assert _files(a) == _files(b)
    after = _files(a)
    assert [name for name in before if before[name] != after[name]] == [changed_a[0].name]
    assert after[changed_a[0].name].startswith(before[changed_a[0].name].rstrip(b"\n"))
