"""Tests for ``claimrec.stories``: which documents form one story."""

from __future__ import annotations

import pytest

from claimrec.stories import folder_story, story_of


@pytest.mark.parametrize(
    ("doc_id", "story"),
    [
        ("000_article", None),
        ("floods/a", "floods"),
        ("floods/day2/b", "floods"),
        ("feed#3", None),
        ("quake/feed#3", "quake"),
    ],
)
def test_folder_story(doc_id: str, story: str | None) -> None:
    assert folder_story(doc_id) == story


def test_one_story_for_everything() -> None:
    assert story_of(["floods/a", "quake/b"], mode="one") == {"floods/a": None, "quake/b": None}


def test_auto_clusters_by_shared_names() -> None:
    shared = {"a": {"ent:x", "ent:y"}, "b": {"ent:x", "ent:y"}, "c": {"ent:z", "ent:w"}}
    found = story_of(["a", "b", "c"], mode="auto", doc_entities=shared)
    assert found["a"] == found["b"] != found["c"]
