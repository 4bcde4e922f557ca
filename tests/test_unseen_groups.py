"""Grouping rules found on stories the rules were not written for: the whole a share is
taken of ("4,600 of the 5,200 miners") is its own question. Invented sentences, one
per row, positive and negative."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, fact_id, story_graph

from claimrec.cues import is_whole
from claimrec.lexicon import Lexicon
from claimrec.models import Evidence


def said(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


@pytest.mark.parametrize(
    ("sentence", "quote", "whole"),
    [
        ("The guild said 7,300 of the 9,100 weavers in Tarsk struck.", "9,100 weavers", True),
        ("It said 640 of its 800 drivers had walked out.", "800 drivers", True),
        ("The firm counts 2,150 absent, out of a staff it puts at 5,400.", "5,400", True),
        ("Some 310 nurses out of the roughly 900 employed there stayed home.", "roughly 900", True),
        ("The guild said 7,300 of the 9,100 weavers in Tarsk struck.", "7,300", False),
        (
            "Police made 40 arrests on the opening day of the dispute, and 55 on the second.",
            "55",
            False,
        ),
        pytest.param(
            "Police made 40 arrests during the opening day of the dispute and 55 the day after.",
            "55",
            False,
            marks=pytest.mark.xfail(
                strict=True,
                reason="'of the <event noun> and N': a whole-of marker whose noun counts no "
                "people still makes the next figure a whole when no comma splits the clause",
            ),
        ),
        ("The toll rose to 31, the mayor of the town said, then 44.", "44", False),
        ("Of the 9,100 weavers, most stayed home.", "9,100 weavers", False),
    ],
)
def test_whole(sentence: str, quote: str, whole: bool, lexicon: Lexicon) -> None:
    assert is_whole(said(sentence, quote), lexicon.reconcile) is whole


@pytest.mark.parametrize(
    ("articles", "a", "b", "same"),
    [
        pytest.param(
            [
                "The guild said 7,300 of the 9,100 workers were on strike.",
                "The mill owners said 3,000 workers were on strike.",
            ],
            "7,300",
            "3,000",
            True,
            id="the share is the count",
        ),
        pytest.param(
            [
                "The guild said 7,300 of the 9,100 workers were on strike.",
                "The mill owners said 3,000 workers were on strike.",
            ],
            "9,100",
            "3,000",
            False,
            id="the whole is the workforce, not the strike",
        ),
        pytest.param(
            ["Police said 14 people were injured, and 5 of the 14 injured were children."],
            "14 people",
            "14 injured",
            True,
            id="a whole named by the measure is the measure's own count",
        ),
        pytest.param(
            ["Rebels hold 60 hostages, and 9 of the 60 hostages are women."],
            "60 hostages",
            "9 of the 60",
            False,
            id="a share of the measure's own people is a part of it",
        ),
        pytest.param(
            [
                "The union said 33 workers were trapped after the roof fell at Dorsk.",
                "The firm said it had reached 30 of the 34 workers it lists as trapped.",
            ],
            "33 workers",
            "34 workers",
            True,
            id="a whole its own words measure is that measure's count",
        ),
        pytest.param(
            ["The firm says 300 are on strike, out of a staff it numbers at 2,000."],
            "300",
            "2,000",
            False,
            id="a bare whole the words before it name",
        ),
    ],
)
def test_whole_is_its_own_question(
    tmp_path: Path, articles: list[str], a: str, b: str, same: bool
) -> None:
    graph = story_graph(tmp_path, *articles)
    assert (fact_id(graph, a) == fact_id(graph, b)) is same


def test_workers_hurt_in_a_workers_story_stay_one_question(tmp_path: Path) -> None:
    graph = story_graph(
        tmp_path,
        "The union said 12 miners were injured in the collapse at the Dorsk pit.",
        "The company said 9 workers were injured.",
    )
    assert fact_id(graph, "12 miners") == fact_id(graph, "9 workers")


@pytest.mark.parametrize(
    ("sentence", "quote", "held"),
    [
        ("Rebels were holding 40 hostages in the hills.", "40 hostages", True),
        ("Some 75 prisoners remain in the camp.", "75 prisoners", True),
        ("Roughly 120 prisoners participated in the disturbance.", "120 prisoners", False),
        ("Some 60 inmates rioted on the top floor.", "60 inmates", False),
    ],
)
def test_captives_who_act_are_not_held(
    tmp_path: Path, sentence: str, quote: str, held: bool
) -> None:
    graph = story_graph(tmp_path, sentence)
    assert (count_of(graph, quote).measure == "held") is held


@pytest.mark.parametrize(
    ("sentence", "quote", "crowd"),
    [
        ("Some 5,000 protesters stormed the square in Tarsk.", "5,000 protesters", True),
        ("About 800 demonstrators fought with police in Tarsk.", "800 demonstrators", True),
    ],
)
def test_other_doers_keep_their_noun(
    tmp_path: Path, sentence: str, quote: str, crowd: bool
) -> None:
    graph = story_graph(tmp_path, sentence)
    assert (count_of(graph, quote).measure == "crowd") is crowd


@pytest.mark.parametrize(
    ("articles", "a", "b", "same"),
    [
        pytest.param(
            [
                "Wardens said roughly 120 prisoners participated in the disturbance.",
                "A charity said at least 300 inmates participated in the disturbance.",
            ],
            "120 prisoners",
            "300 inmates",
            True,
            id="two nouns of one kind of people: one question",
        ),
        pytest.param(
            ["The agency said 115 men and 20 women applied for the posts."],
            "115 men",
            "20 women",
            False,
            id="men and women are both people, yet two questions",
        ),
        pytest.param(
            ["The school said 12 girls and 9 boys applied for the places."],
            "12 girls",
            "9 boys",
            False,
            id="girls and boys are both children, yet two questions",
        ),
    ],
)
def test_nouns_of_one_kind(tmp_path: Path, articles: list[str], a: str, b: str, same: bool) -> None:
    graph = story_graph(tmp_path, *articles)
    assert (fact_id(graph, a) == fact_id(graph, b)) is same


@pytest.mark.parametrize(
    ("sentence", "quote", "strike"),
    [
        (
            "Over 9,000 workers stayed away from the docks as the stoppage got under way.",
            "9,000 workers",
            True,
        ),
        (
            "About 3,500 employees remained out on the third day of the strike.",
            "3,500 employees",
            True,
        ),
        ("Some 400 residents stayed away from the town hall meeting.", "400 residents", False),
        ("About 3,500 employees remained out of the office on Friday.", "3,500 employees", False),
    ],
)
def test_absence_in_a_strike_sentence_is_the_strike(
    tmp_path: Path, sentence: str, quote: str, strike: bool
) -> None:
    graph = story_graph(tmp_path, sentence)
    assert (count_of(graph, quote).measure == "strike") is strike


@pytest.mark.parametrize(
    ("sentence", "quote", "force"),
    [
        ("The army sent 3,000 troops to the border.", "3,000 troops", True),
        ("Officials said 95 inmates had been moved to other jails.", "95 inmates", False),
        ("The guards moved 60 prisoners to the east block.", "60 prisoners", False),
    ],
)
def test_captives_moved_are_no_force(
    tmp_path: Path, sentence: str, quote: str, force: bool
) -> None:
    graph = story_graph(tmp_path, sentence)
    assert (count_of(graph, quote).measure == "force") is force
