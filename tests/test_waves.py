"""Counts in stories that spread over sites and waves (``claimrec.waves``): whose people a
count names, a "place" that is a number of places, a figure added to a total, and a dated
table of increments. Invented unions, mills and figures throughout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import claim, document, entity, exact, fact_id, story_graph, time_ref

from claimrec.models import Claim, Evidence
from claimrec.voices import Voices
from claimrec.waves import increment_rows, is_added, names_several_places, repeated_figures

# ------------------------------------------------------------------ end to end

TOGETHER = [
    pytest.param(
        [
            "About 3,000 workers are on strike, the KWU said on Monday.",
            "Nearly 7,400 KWU members were on strike by Friday, the labour ministry said.",
        ],
        "About 3,000",
        "Nearly 7,400",
        True,
        id="the union that counts the strikers names its own members: no narrower",
    ),
    pytest.param(
        [
            "About 3,000 workers are on strike, the labour ministry said on Monday.",
            "Some 900 KWU members are on strike, the ministry said on Monday.",
        ],
        "About 3,000",
        "Some 900",
        False,
        id="an organisation that is no voice of the count names a group of its own",
    ),
    pytest.param(
        [
            "About 3,000 workers are on strike, the Kestrel Union said on Monday.",
            "Nearly 7,400 members were on strike at 29 depots in nine regions by Friday, the "
            "Kestrel Union said.",
        ],
        "About 3,000",
        "Nearly 7,400",
        True,
        id="a count at a number of sites is no one site's",
    ),
    pytest.param(
        [
            "About 3,000 workers are on strike, the Kestrel Union said on Monday.",
            "The three depots add about 1,300 drivers to the walkout, the union said on Friday.",
        ],
        "About 3,000",
        "about 1,300",
        False,
        id="a figure added to the strike is an increment, not the total",
    ),
]


@pytest.mark.parametrize(("articles", "a", "b", "same"), TOGETHER)
def test_which_question(tmp_path: Path, articles: list[str], a: str, b: str, same: bool) -> None:
    graph = story_graph(tmp_path, *articles)
    assert (fact_id(graph, a) == fact_id(graph, b)) is same


WAVES = (
    "How the walkout grew:\n\n"
    "| Date | Site | Workers called out |\n|---|---|---|\n"
    "| 3 March | Dorvan mill | 4,000 |\n"
    "| 10 March | Selk depots | 1,500 |\n"
    "| 17 March | Brenik mill | 2,200 |\n"
)
TOTALS = (
    "The toll so far:\n\n"
    "| Date | Dead |\n|---|---|\n"
    "| 3 March | 40 |\n"
    "| 10 March | 150 |\n"
    "| 17 March | 220 |\n"
)


def test_rows_of_increments_are_each_their_own_question(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, WAVES)
    facts = {fact_id(graph, q) for q in ("4,000", "1,500", "2,200")}
    assert len(facts) == 3


def test_rows_of_a_running_total_are_one_question(tmp_path: Path) -> None:
    graph = story_graph(tmp_path, TOTALS)
    facts = {fact_id(graph, q) for q in ("40", "150", "220")}
    assert len(facts) == 1


# ------------------------------------------------------------------ the rules alone


def _evidence(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


ADDED = [
    ("The three depots add about 1,300 drivers to the walkout.", "about 1,300 drivers", True),
    ("The union added 600 workers to the walkout on Friday.", "600 workers", True),
    ("She added 40 people had died in the fire.", "40 people", False),
    ("Officials added that 40 people were hurt.", "40 people", False),
    ("About 3,000 workers went on strike.", "About 3,000 workers", False),
]


@pytest.mark.parametrize(("sentence", "quote", "added"), ADDED)
def test_is_added(lexicon, sentence: str, quote: str, added: bool) -> None:
    assert is_added(_evidence(sentence, quote), lexicon.reconcile.adds_to) is added


@pytest.mark.parametrize(
    ("name", "several"),
    [("44 facilities", True), ("three districts", True), ("Dorvan mill", False), ("Selk", False)],
)
def test_names_several_places(lexicon, name: str, several: bool) -> None:
    words = frozenset(lexicon.prefilter.number_words)
    assert names_several_places(name, words) is several


def _row(cid: str, n: int, day: dt.date) -> Claim:
    row = f"| {day:%d %B} | {n:,} |"
    made = claim(
        cid, exact(n, unit="workers"), subject=None, predicate="counted", time=time_ref(day, day)
    )
    quote = f"{n:,}"
    start = row.index(quote)
    return made.model_copy(
        update={
            "evidence": Evidence(start=start, end=start + len(quote), quote=quote, sentence=row)
        }
    )


DAYS = [dt.date(2025, 3, d) for d in (3, 10, 17, 24)]


@pytest.mark.parametrize(
    ("values", "increments"),
    [
        ((4000, 1500, 2200, 900), {"r1", "r2", "r3"}),  # falls: waves, all but the first
        ((4000, 5500, 7700, 9000), set()),  # only rises: a running total
        ((4000, 1500), set()),  # too few rows to tell
    ],
)
def test_increment_rows(values: tuple[int, ...], increments: set[str]) -> None:
    rows = [_row(f"r{i}", n, DAYS[i]) for i, n in enumerate(values)]
    assert set(increment_rows(rows)) == increments


@pytest.mark.parametrize(
    ("unit", "parent", "same"),
    [
        ("Kestrel Union Local 7", "Kestrel Union", True),
        ("Kestrel Union Communications Department", "Kestrel Union", True),
        ("Kestrelton Council", "Kestrel Union", False),
        ("Kestrel Union", "Kestrel Union Local 7", False),
    ],
)
def test_a_unit_of_an_organisation_speaks_with_its_voice(
    unit: str, parent: str, same: bool
) -> None:
    entities = [entity("ent:unit", unit), entity("ent:parent", parent)]
    voices = Voices(documents=[document("a")], entities=entities)
    said = claim("c", exact(10), source="ent:unit")
    assert (voices.voice(said) == "ent:parent") is same


# ------------------------------------------------------------------ extraction


def _count(nlp, lexicon, text: str, quote: str):
    from builders import count_claims

    return next(c for c in count_claims(nlp, lexicon, text) if c.evidence.quote.startswith(quote))


@pytest.mark.parametrize(
    ("text", "quote", "measure"),
    [
        pytest.param(
            "Velcor said it had sent home 300 workers at the Selk mill.",
            "300",
            "laid_off",
            marks=pytest.mark.xfail(
                strict=True,
                reason="'send home' is laid off from work but discharged from hospital; the "
                "lexicon has no way yet to pick the sense by the people's class, so 'send' "
                "reads as deploying a force",
            ),
        ),
        ("The ministry said it had sent 300 soldiers to the border.", "300", "force"),
    ],
)
def test_sent_home_from_work(nlp, lexicon, text: str, quote: str, measure: str) -> None:
    assert lexicon.measure_of(_count(nlp, lexicon, text, quote).predicate) == measure


@pytest.mark.parametrize(
    ("text", "quote", "place"),
    [
        pytest.param(
            "Harnell has laid off 2,140, including the 620 sent home at Pradley Assembly on "
            "Monday and 310 at its Tolla Forge and Brem Axle plants.",
            "310",
            "Brem Axle plants",
            marks=pytest.mark.xfail(
                strict=True,
                reason="coordinated named sites before a common noun ('at its X Forge and Y "
                "Axle plants') parsed with the second site a conjunct of the first: no place",
            ),
        ),
        (
            "Harnell has laid off 2,140, including the 620 sent home at Pradley Assembly on "
            "Monday and 310 at its Tolla Forge and Brem Axle plants.",
            "620",
            "Pradley Assembly",
        ),
        ("Some 400 troops in Selm were sent to the border.", "Some 400", "Selm"),
    ],
)
def test_a_place_right_after_a_figure_is_its_own(
    nlp, lexicon, text: str, quote: str, place: str | None
) -> None:
    found = _count(nlp, lexicon, text, quote).location
    assert (found.text if found else None) == place


@pytest.mark.parametrize(
    ("header", "measure"),
    [("Workers called out", "strike"), ("Workers walked out", "strike"), ("Workers", "other")],
)
def test_a_header_of_taking_part(tmp_path: Path, header: str, measure: str) -> None:
    table = f"| Date | {header} |\n|---|---|\n| 3 March | 4,000 |\n"
    graph = story_graph(tmp_path, "How the walkout grew:\n\n" + table)
    counts = [c for c in graph.claims if c.type == "count" and c.evidence.quote == "4,000"]
    assert [c.measure for c in counts] == [measure]


# ------------------------------------------------------------------ repeated figures


def _said(cid: str, n: int, predicate: str, *, doc: str = "a") -> Claim:
    return claim(cid, exact(n, unit="workers"), doc=doc, subject=None, predicate=predicate)


@pytest.mark.parametrize(
    ("claims", "repeats"),
    [
        ([_said("m", 8700, "struck_work"), _said("b", 8700, "hear")], {"b": "m"}),
        ([_said("m", 8700, "struck_work"), _said("b", 8700, "hear", doc="z")], {}),
        ([_said("m", 8700, "struck_work"), _said("b", 8600, "hear")], {}),
        ([_said("m", 8700, "struck_work"), _said("b", 8700, "resided")], {}),  # a known verb
        (
            [_said("m", 12, "killed"), _said("n", 12, "arrested"), _said("b", 12, "hear")],
            {},  # the article states it for two measures: which one is not said
        ),
    ],
)
def test_repeated_figures(lexicon, claims: list[Claim], repeats: dict[str, str]) -> None:
    found = repeated_figures(claims, named=frozenset(lexicon.predicates))
    assert {k: v.id for k, v in found.items()} == repeats


def test_a_release_repeating_its_figure_asks_one_question(tmp_path: Path) -> None:
    graph = story_graph(
        tmp_path,
        "Shortly after dawn, 3,100 KWU members at the Brenik depot walked off the job to join "
        "the walkout, the union said. \"Velcor will see 3,100 drivers at its gates each day,\" "
        "said Ana Kovet.",
    )
    assert fact_id(graph, "3,100 KWU members") == fact_id(graph, "3,100 drivers")
