"""A place a headline names right before the story's event noun ("# Varden Hills fire –
live") is where the story's event is: a count stated for that place is the story's own
question, never a narrower one. A headline with no event noun, or naming another place,
makes no site. Invented articles, positive and negative."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import fact_id, story_graph

BODY = "About 940 people were evacuated from the {place} overnight, officials said."
OTHER = "Officials said 1,260 people had been evacuated by Friday."


@pytest.mark.parametrize(
    ("heading", "place", "same"),
    [
        pytest.param("# Varden Hills fire – live", "Varden Hills", True, id="site"),
        pytest.param("# Orla Forest fire – live", "Orla Forest", True, id="name read as a person"),
        pytest.param("# Varden Hills – live", "Varden Hills", False, id="no event noun"),
        pytest.param("# Ostrel fire – live", "Varden Hills", False, id="another place"),
    ],
)
def test_headline_site(tmp_path: Path, heading: str, place: str, same: bool) -> None:
    graph = story_graph(tmp_path, f"{heading}\n\n{BODY.format(place=place)}", OTHER)
    assert (fact_id(graph, "About 940 people") == fact_id(graph, "1,260 people")) is same
