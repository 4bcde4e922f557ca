"""The whole build as one library call: read -> extract -> normalize -> reconcile -> graph.

The CLI calls ``build``; tests and other programs can too. Nothing here prints:
progress goes to an optional callback and problems travel as exceptions
(user mistakes) or as warnings inside the graph (odd documents).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from claimrec.extract import extract_document
from claimrec.graph import build_graph
from claimrec.lexicon import Lexicon, load_lexicon
from claimrec.models import Corpus, Extraction, Graph
from claimrec.nlp import load_model, model_label
from claimrec.read import read_corpus

Progress = Callable[[int, int], None]


def build(
    paths: Sequence[Path],
    *,
    config: Path | None = None,
    model: str | None = None,
    progress: Progress | None = None,
) -> Graph:
    """The claim graph of every article under ``paths``."""
    lexicon = load_lexicon(config)
    corpus = read_corpus(paths)
    nlp = load_model(model)
    extractions = extract_corpus(corpus, nlp=nlp, lexicon=lexicon, progress=progress)
    return build_graph(corpus, extractions, lexicon=lexicon, model=model_label(nlp))


def extract_corpus(
    corpus: Corpus, *, nlp, lexicon: Lexicon, progress: Progress | None = None
) -> list[Extraction]:
    """Per-document extraction, a pure map in document order."""
    out: list[Extraction] = []
    total = len(corpus.documents)
    for done, document in enumerate(corpus.documents, start=1):
        out.append(extract_document(document, nlp=nlp, lexicon=lexicon))
        if progress is not None:
            progress(done, total)
    return out
