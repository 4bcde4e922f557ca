"""Grouping on stories the rules were not written for: counts of two kinds of people
coordinated in one phrase ("286 passengers and 11 crew") each count a group of their own,
never the whole the story counts elsewhere; people taken in on one past day ("on Sunday
we admitted 80") are that day's intake, not the running intake since some day; a tally of
excess deaths is a question apart from the death toll; survivors a hospital treats are
its intake, survivors pulled out were rescued; people a vessel carries are aboard it; a correction
("withdrawn that figure; the correct number was 53") answers the corrected figure's
question."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import count_of, fact_id, story_graph

from claimrec.models import Graph


def together(graph: Graph, a: str, b: str) -> bool:
    return fact_id(graph, a) == fact_id(graph, b)


CASES = [
    pytest.param(
        [
            "The operator said its manifest listed 212 passengers and 9 crew.",
            "The coast guard said between 240 and 260 people were aboard the barge.",
        ],
        "212 passengers",
        "between 240 and 260",
        False,
        id="a kind coordinated with another kind is not the whole aboard",
    ),
    pytest.param(
        [
            "The operator said its manifest listed 212 passengers and 9 crew.",
            "A ticket audit later found that 215 passengers had been aboard the barge.",
        ],
        "212 passengers",
        "215",
        True,
        id="the same kind counted alone elsewhere asks the kind's question",
    ),
    pytest.param(
        ["The minister said 700 extra nurses and 90 army medics had been deployed to Talvor."],
        "700",
        "90",
        False,
        id="two kinds deployed in one phrase are two questions",
    ),
    pytest.param(
        [
            "The agency said 2,960 cases and 1,480 deaths had been recorded.",
            "The agency said the fever had killed 1,600 people by Friday.",
        ],
        "1,480",
        "1,600",
        True,
        id="nouns naming what happened are measures, not kinds of people",
    ),
    pytest.param(
        [
            "Velor sent 4,000 troops and 300 tanks to the border.",
            "Velor has sent 5,000 soldiers to the border, officials said.",
        ],
        "4,000",
        "5,000",
        True,
        id="a count of things beside people sets no kind apart",
    ),
    pytest.param(
        [
            "Officials said 40 people and 12 medics were hurt in the blast.",
            "Officials later said 55 people had been injured.",
        ],
        "40 people",
        "55 people",
        True,
        id="a generic noun beside a kind still asks the whole's question",
    ),
]


@pytest.mark.parametrize(("articles", "a", "b", "same"), CASES)
def test_coordinated_kinds(tmp_path: Path, articles: list[str], a: str, b: str, same: bool) -> None:
    graph = story_graph(tmp_path, *articles)
    assert together(graph, a, b) is same


INTAKE = [
    pytest.param(
        [
            "Clinics across Varmel have admitted 1,900 people with smoke injuries since 1 March.",
            '"On Sunday we admitted 80 people from the ward," said Dr Wenna Garrow.',
        ],
        "1,900",
        "80",
        False,
        id="one past day's intake is not the running intake",
    ),
    pytest.param(
        [
            "Clinics across Varmel have admitted 1,900 people with smoke injuries since 1 March.",
            "The agency said 2,400 people had been admitted to hospital since Sunday.",
        ],
        "1,900",
        "2,400",
        True,
        id="an intake since a day is the running intake",
    ),
    pytest.param(
        [
            "Clinics across Varmel have admitted 1,900 people with smoke injuries since 1 March.",
            "Clinics have admitted 2,400 people with smoke injuries, the agency said today.",
        ],
        "1,900",
        "2,400",
        True,
        id="an intake with no day of its own is the running intake",
    ),
]


INTAKE += [
    pytest.param(
        [
            "Corvin Hospital says it is treating 40 miners from the pit.",
            "The clinic said it was still treating 36 miners from the pit on Sunday.",
        ],
        "40",
        "36",
        True,
        id="those in care at a moment are no day's intake",
    ),
    pytest.param(
        [
            "Clinics across Varmel have admitted 1,900 people with smoke injuries.",
            "The agency on Sunday said clinics had admitted 1,700 people with smoke injuries.",
        ],
        "1,900",
        "1,700",
        True,
        id="a day of saying is no day's intake",
    ),
]


@pytest.mark.parametrize(("articles", "a", "b", "same"), INTAKE)
def test_day_intake(tmp_path: Path, articles: list[str], a: str, b: str, same: bool) -> None:
    graph = story_graph(tmp_path, *articles)
    assert together(graph, a, b) is same


TALLIES = [
    pytest.param(
        [
            "The health agency said 210 people had died in the cold snap.",
            "The statistics bureau counted 530 excess deaths over the same weeks.",
        ],
        "210",
        "530",
        False,
        id="excess deaths are a tally apart from the toll",
    ),
    pytest.param(
        [
            "The health agency said 210 people had died in the cold snap.\n\n"
            "| Source | Deaths |\n| --- | --- |\n| Health agency | 240 |\n"
            "| Statistics bureau (excess mortality) | 530 |"
        ],
        "210",
        "530",
        False,
        id="a table row labelled excess mortality is a tally apart",
    ),
    pytest.param(
        [
            "The health agency said 210 people had died in the cold snap.\n\n"
            "| Source | Deaths |\n| --- | --- |\n| Health agency | 240 |\n"
            "| Statistics bureau (excess mortality) | 530 |"
        ],
        "210",
        "240",
        True,
        id="the other rows of that table still count the toll",
    ),
    pytest.param(
        [
            "The agency said 210 people had died, far below the bureau's excess mortality.",
            "Doctors said 260 people had died in the cold snap.",
        ],
        "210",
        "260",
        True,
        id="the words elsewhere in the sentence do not set a figure apart",
    ),
]


@pytest.mark.parametrize(("articles", "a", "b", "same"), TALLIES)
def test_tallies_apart(tmp_path: Path, articles: list[str], a: str, b: str, same: bool) -> None:
    graph = story_graph(tmp_path, *articles)
    assert together(graph, a, b) is same


SURVIVORS = [
    pytest.param(
        "Clinics in Varmel are treating 40 survivors, the agency said.",
        "hospitalised",
        id="survivors a clinic treats are its intake",
    ),
    pytest.param(
        "Two hospitals have admitted 40 survivors of the crash.",
        "hospitalised",
        id="survivors admitted are its intake",
    ),
    pytest.param(
        "Fishing boats brought 40 survivors ashore overnight.",
        "survived",
        id="survivors brought ashore are still those who survived",
    ),
    pytest.param(
        "Divers pulled 40 survivors from the water by dawn.",
        "rescued",
        id="survivors pulled out were rescued",
    ),
    pytest.param(
        "Crews dug 40 survivors out of the rubble.",
        "rescued",
        id="survivors dug out were rescued",
    ),
    pytest.param(
        "Divers found 40 survivors in an air pocket.",
        "survived",
        id="survivors found are those who survived",
    ),
]


@pytest.mark.parametrize(("text", "measure"), SURVIVORS)
def test_survivors_taken_in(tmp_path: Path, text: str, measure: str) -> None:
    graph = story_graph(tmp_path, text)
    assert count_of(graph, "40").measure == measure


CARRIED = [
    pytest.param("A ferry carrying 40 people overturned on Lake Varno.", "aboard", id="vessel acl"),
    pytest.param("The bus carried 40 people, police said.", "aboard", id="vessel subject"),
    pytest.param("Volunteers carried 40 people out of the town.", "other", id="people carry"),
]


@pytest.mark.parametrize(("text", "measure"), CARRIED)
def test_carried_aboard(tmp_path: Path, text: str, measure: str) -> None:
    graph = story_graph(tmp_path, text)
    assert count_of(graph, "40").measure == measure


CORRECTIONS = [
    pytest.param(
        [
            "Clinics in Varmel are treating 71 survivors, the health office said.",
            "An earlier report said clinics in Varmel were treating 71 survivors. The office "
            "has since withdrawn that figure; the correct number was 52.",
        ],
        "71 survivors",
        "52",
        True,
        id="the correct number answers the withdrawn figure's question",
    ),
    pytest.param(
        [
            "Clinics in Varmel are treating 71 survivors, the health office said.",
            "An earlier report said clinics in Varmel were treating 71 survivors. The office "
            "says the correct number of survivors in intensive care was 12.",
        ],
        "71 survivors",
        "12",
        False,
        id="a figure that takes nothing back is its own question",
    ),
]


@pytest.mark.parametrize(("articles", "a", "b", "same"), CORRECTIONS)
def test_corrections(tmp_path: Path, articles: list[str], a: str, b: str, same: bool) -> None:
    graph = story_graph(tmp_path, *articles)
    assert together(graph, a, b) is same
