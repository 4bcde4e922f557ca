"""The whole build as one library call: read -> extract -> normalize -> reconcile -> graph.

The CLI calls ``build``; tests and other programs can too. Nothing here prints:
progress goes to an optional callback and problems travel as exceptions (user
mistakes) or as warnings inside the graph (odd documents).

Extraction is a pure map over documents, so it is done in chunks: cached
documents are read back, the rest are parsed together (``nlp.pipe`` fills its
batches) in this process or, with ``jobs > 1``, in worker processes that each load
the pipeline once. Chunks come back in document order, so every ``jobs`` value
gives the same graph. Only one chunk of parsed Docs is alive per process at a time.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.language import Language

from claimrec.cache import ExtractionCache
from claimrec.extract import extract_documents
from claimrec.formats import html_version
from claimrec.graph import build_graph
from claimrec.lexicon import Lexicon, load_lexicon
from claimrec.models import Corpus, Document, DocumentWarning, Extraction, Graph
from claimrec.nlp import installed_label, load_model, model_label
from claimrec.read import read_corpus
from claimrec.stories import StoryMode

Progress = Callable[[int, int], None]
EntitiesMode = Literal["all", "claims"]

CHUNK_DOCS = 32
MAX_DOCUMENT_CHARS = 200_000
"""Characters of one document that are processed: about 30,000 words, far beyond any news
article, and about 15 seconds of parsing. The rest of a longer document (a scraped dump)
is left out, cut at a word boundary, with a warning on the document."""


def build(
    paths: Sequence[Path],
    *,
    config: Path | None = None,
    model: str | None = None,
    jobs: int = 1,
    cache_dir: Path | None = None,
    entities: EntitiesMode = "all",
    progress: Progress | None = None,
    stories: StoryMode = "folders",
    window_days: int = 0,
) -> Graph:
    """The claim graph of every article under ``paths``."""
    lexicon = load_lexicon(config)
    corpus = limit_documents(read_corpus(paths))
    label = (installed_label(model) if cache_dir is not None else None) or model_label(
        load_model(model)
    )
    cache = None
    if cache_dir is not None:
        cache = ExtractionCache(
            cache_dir,
            lexicon=lexicon.digest,
            model=label,
            options=f"entities={entities};max={MAX_DOCUMENT_CHARS};html={html_version()}",
        )
    extractions = extract_corpus(
        corpus,
        lexicon=lexicon,
        jobs=jobs,
        cache=cache,
        entities=entities,
        model=model,
        config=config,
        progress=progress,
    )
    return build_graph(
        corpus,
        extractions,
        lexicon=lexicon,
        model=label,
        stories=stories,
        window_days=window_days,
    )


def limit_documents(corpus: Corpus) -> Corpus:
    """Documents longer than ``MAX_DOCUMENT_CHARS`` keep only their beginning, with a warning;
    offsets into the body stay valid because the kept part is a prefix."""
    documents = tuple(_limited(d) for d in corpus.documents)
    return corpus.model_copy(update={"documents": documents})


def _limited(document: Document) -> Document:
    size = len(document.body)
    if size <= MAX_DOCUMENT_CHARS:
        return document
    cut = document.body.rfind(" ", MAX_DOCUMENT_CHARS // 2, MAX_DOCUMENT_CHARS)
    cut = cut if cut > 0 else MAX_DOCUMENT_CHARS
    note = DocumentWarning(code="truncated", size=size, kept=cut)
    return document.model_copy(
        update={"body": document.body[:cut], "warnings": (*document.warnings, note)}
    )


def extract_corpus(
    corpus: Corpus,
    *,
    lexicon: Lexicon,
    nlp: Language | None = None,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    entities: EntitiesMode = "all",
    model: str | None = None,
    config: Path | None = None,
    progress: Progress | None = None,
) -> list[Extraction]:
    """Per-document extraction in document order, from the cache where possible. The
    pipeline (``nlp``, else ``load_model(model)``) is loaded only if something is left."""
    documents = list(corpus.documents)
    found: dict[str, Extraction] = {}
    if cache is not None:
        for document in documents:
            hit = cache.get(document)
            if hit is not None:
                found[document.id] = hit
    todo = [d for d in documents if d.id not in found]
    done = len(found)
    if progress is not None:
        progress(done, len(documents))
    chunks = [todo[i : i + CHUNK_DOCS] for i in range(0, len(todo), CHUNK_DOCS)]
    if not chunks:
        return [found[d.id] for d in documents]
    pipeline = nlp if nlp is not None else load_model(model)
    for chunk, results in zip(
        chunks, _run(chunks, pipeline, lexicon, jobs, entities, model, config), strict=True
    ):
        for document, extraction in zip(chunk, results, strict=True):
            found[document.id] = extraction
            if cache is not None:
                cache.put(document, extraction)
        done += len(chunk)
        if progress is not None:
            progress(done, len(documents))
    return [found[d.id] for d in documents]


def _run(
    chunks: list[list[Document]],
    nlp: Language,
    lexicon: Lexicon,
    jobs: int,
    entities: EntitiesMode,
    model: str | None,
    config: Path | None,
) -> Iterator[list[Extraction]]:
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield extract_documents(chunk, nlp=nlp, lexicon=lexicon, entities=entities)
        return
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_worker_init, initargs=(model, config)
    ) as pool:
        yield from pool.map(_worker_extract, chunks, [entities] * len(chunks))


@dataclass
class _Worker:
    """Per worker process: the pipeline and lexicon, loaded once by ``_worker_init``."""

    nlp: Language
    lexicon: Lexicon


_worker: list[_Worker] = []


def _worker_init(model: str | None, config: Path | None) -> None:
    _worker[:] = [_Worker(load_model(model), load_lexicon(config))]
    gc.freeze()  # the worker's pipeline and lexicon live as long as it: not for the collector


def _worker_extract(chunk: list[Document], entities: EntitiesMode) -> list[Extraction]:
    (worker,) = _worker
    return extract_documents(chunk, nlp=worker.nlp, lexicon=worker.lexicon, entities=entities)
