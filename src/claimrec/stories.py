"""Stories: which documents report on the same events, so facts never mix two stories.

Three ways to tell (docs/graph.md, ``--stories``):

- ``folders`` (the default): the folder is the story. A document at the top of the
  folder given belongs to the main story (labelled ``None``); one in a subfolder
  belongs to the story named by its first subfolder (``floods/a`` -> ``floods``).
  A flat folder is one story, a folder of subfolders one story per subfolder.
- ``one``: every document is the main story.
- ``auto``: for feeds that mix stories, documents are clustered by the names they
  share (below).

Clustering (``auto``): a folder may hold several stories (a quake and a flood both
have death tolls). Two documents belong to one story when they share at least ``MIN_SHARED``
named entities (people, organisations, places); stories are the connected
components of that relation. To stay linear in the corpus, each document is
compared only with the ``NEIGHBOURS`` documents before it in each of its
entities' posting lists, never with all others.

The largest story is labelled ``None``, so a single-story corpus (the usual
case) has no story in its fact keys, and adding a stray article from another
story does not rename the main story's facts. Another story is labelled by its
first document id, which adding a later article does not change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from claimrec.unionfind import find, union

StoryMode = Literal["folders", "auto", "one"]

MIN_SHARED = 2
NEIGHBOURS = 25
STORY_KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC", "GROUP"})


def story_of(
    doc_ids: Sequence[str],
    *,
    mode: StoryMode,
    doc_entities: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, str | None]:
    """Document id -> story label (None for the main story), by ``mode``."""
    if mode == "one":
        return {doc: None for doc in doc_ids}
    if mode == "folders":
        return {doc: folder_story(doc) for doc in doc_ids}
    found = clustered_stories(doc_entities or {})
    return {doc: found.get(doc) for doc in doc_ids}


def folder_story(doc_id: str) -> str | None:
    """The first subfolder of a document id, or None for a document at the top."""
    head, sep, _ = doc_id.partition("/")
    return head if sep else None


def clustered_stories(doc_entities: Mapping[str, Iterable[str]]) -> dict[str, str | None]:
    """Document id -> story label (None for the main story) by shared names."""
    sets = {doc: frozenset(ents) for doc, ents in sorted(doc_entities.items())}
    parent = {doc: doc for doc in sets}
    postings: dict[str, list[str]] = defaultdict(list)
    for doc, ents in sets.items():
        for entity in sorted(ents):
            for other in postings[entity][-NEIGHBOURS:]:
                if len(ents & sets[other]) >= MIN_SHARED:
                    union(parent, doc, other)
            postings[entity].append(doc)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in sets:
        groups[find(parent, doc)].append(doc)
    return _labels(list(groups.values()))


def _labels(groups: list[list[str]]) -> dict[str, str | None]:
    groups.sort(key=lambda g: (-len(g), min(g)))
    out: dict[str, str | None] = {doc: None for doc in groups[0]} if groups else {}
    for group in groups[1:]:
        label = min(group)
        for doc in group:
            out[doc] = label
    return out
