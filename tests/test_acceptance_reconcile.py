"""Acceptance tests for reconciliation, on invented one-sentence articles built as models:
what an analyst must be told about a story, whatever the extractor's wording."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import claim, count, document, entity, exact

from claimrec.lexicon import Lexicon
from claimrec.models import Claim, CountValue, Evidence, Fact, GraphDocument, Modality, TimeRef
from claimrec.reconcile import reconcile
from claimrec.render.explain import explanation

D = dt.date
POLICE = "ent:varn-police"
HOSPITAL = "ent:saint-odile-hospital"
UNION = "ent:textile-workers-union"
AGENCY = "ent:kestovan-news-agency"
COAST_GUARD = "ent:coast-guard"
ENTITIES = [
    entity(POLICE, "Varn police"),
    entity(HOSPITAL, "Saint Odile hospital"),
    entity(UNION, "textile workers' union"),
    entity(AGENCY, "Kestovan News Agency"),
    entity(COAST_GUARD, "coast guard"),
    entity("ent:ilse-marek", "Ilse Marek", "PERSON"),
]
MON, TUE, THU = D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 6)


def docs(*ids: str, day: dt.date = MON) -> list[GraphDocument]:
    return [document(i, day) for i in ids]


def said(sentence: str, quote: str) -> Evidence:
    start = sentence.index(quote)
    return Evidence(start=start, end=start + len(quote), quote=quote, sentence=sentence)


def toll(
    cid: str,
    value: CountValue,
    doc: str,
    source: str | None,
    sentence: str = "",
    *,
    modality: Modality = "asserted",
) -> Claim:
    c = claim(cid, value, doc=doc, source=source, predicate="killed", subject=None)
    update: dict[str, object] = {"modality": modality}
    if sentence:
        update["evidence"] = said(sentence, _quote(sentence))
    return c.model_copy(update=update)


def _quote(sentence: str) -> str:
    words = sentence.split()
    at = next(i for i, w in enumerate(words) if any(ch.isdigit() for ch in w))
    return " ".join(words[at : at + 2])


def only(claims: list[Claim], documents: list[GraphDocument], lexicon: Lexicon) -> Fact:
    result = reconcile(claims, documents=documents, entities=ENTITIES, lexicon=lexicon)
    assert len(result.facts) == 1, [f.key for f in result.facts]
    return result.facts[0]


def people(n: int) -> CountValue:
    return exact(n, unit="people")


def test_three_articles_on_one_fire_give_one_conflict(lexicon: Lexicon) -> None:
    fact = only(
        [
            toll("c1", people(12), "a", POLICE, "Police said 12 workers were killed."),
            toll("c2", people(17), "b", HOSPITAL, "The hospital said 17 people died."),
            toll(
                "c3",
                count(20, None, unit="people"),
                "c",
                UNION,
                "The union said at least 20 workers were killed.",
            ),
        ],
        docs("a", "b", "c"),
        lexicon,
    )
    assert fact.status == "conflict"
    assert "agree" not in explanation(fact, {}).lower()


def test_exceeded_and_a_figure_above_it_are_consistent(lexicon: Lexicon) -> None:
    fact = only(
        [
            toll("c1", count(3_000, None, unit="people"), "a", POLICE),
            toll("c2", people(3_200), "b", HOSPITAL),
        ],
        docs("a", "b"),
        lexicon,
    )
    assert fact.status == "consistent"
    assert "agree" not in explanation(fact, {}).lower()


def test_a_rising_toll_from_one_agency_is_updated(lexicon: Lexicon) -> None:
    fact = only(
        [
            toll("c1", people(12), "tue", AGENCY),
            toll("c2", count(20, None, unit="people"), "thu", AGENCY),
        ],
        [document("tue", TUE), document("thu", THU)],
        lexicon,
    )
    assert fact.status == "updated"
    text = explanation(fact, {AGENCY: "the agency"})
    assert "from 12 (Tue 4 Mar 2025, the agency) to at least 20 (Thu 6 Mar 2025" in text


def test_a_rising_toll_from_independent_sources_on_later_days_is_updated(
    lexicon: Lexicon,
) -> None:
    fact = only(
        [toll("c1", people(12), "tue", POLICE), toll("c2", people(20), "thu", UNION)],
        [document("tue", TUE), document("thu", THU)],
        lexicon,
    )
    assert fact.status == "updated"


def test_a_tie_gives_no_consensus(lexicon: Lexicon) -> None:
    fact = only(
        [toll("c1", people(9), "a", POLICE), toll("c2", people(14), "b", HOSPITAL)],
        docs("a", "b"),
        lexicon,
    )
    assert (fact.status, fact.consensus, fact.no_consensus) == ("conflict", None, "tie")


def test_six_outlets_quoting_one_agency_are_one_voice(lexicon: Lexicon) -> None:
    outlets = [f"outlet-{k}" for k in range(6)]
    claims = [toll(f"c{k}", people(40), doc, AGENCY) for k, doc in enumerate(outlets)]
    claims += [toll("p1", people(25), "police", POLICE), toll("h1", people(31), "hosp", HOSPITAL)]
    fact = only(claims, docs(*outlets, "police", "hosp"), lexicon)
    assert fact.status == "conflict"
    assert fact.independent_sources == 3
    assert fact.consensus is None and fact.no_consensus == "no_majority"


def test_copies_of_one_article_count_once(lexicon: Lexicon) -> None:
    documents = [document("orig", MON)] + [
        document(f"copy-{k}", MON, copy_of="orig") for k in range(3)
    ]
    claims = [toll("c0", people(40), "orig", None)]
    claims += [toll(f"c{k + 1}", people(40), f"copy-{k}", None) for k in range(3)]
    fact = only(claims, documents, lexicon)
    assert fact.independent_sources == 1


def test_a_withdrawn_figure_is_superseded_and_never_the_consensus(lexicon: Lexicon) -> None:
    claims = [
        toll(
            "c1",
            people(53),
            "mon-a",
            COAST_GUARD,
            "Divers had recovered 53 bodies, the coast guard said.",
        ),
        toll("c2", people(53), "mon-b", AGENCY, "The agency put the number of bodies at 53."),
        toll("c3", people(52), "mon-c", POLICE, "Police said 52 bodies had been brought ashore."),
        toll(
            "c4",
            people(53),
            "mon-d",
            COAST_GUARD,
            "The coast guard withdrew the tally of 53 bodies: one had been entered twice.",
        ),
    ]
    fact = only(claims, docs("mon-a", "mon-b", "mon-c", "mon-d"), lexicon)
    roles = {v.label: v.role for v in fact.values}
    assert roles == {"52": "stated", "53": "superseded"}
    assert fact.status == "updated"
    assert fact.consensus is None
    assert "withdrawn" in explanation(fact, {}).lower()


def test_a_first_contingent_is_not_compared_with_the_total(lexicon: Lexicon) -> None:
    first = claim("c1", exact(1_500), doc="a", source=AGENCY).model_copy(
        update={"evidence": said("The first contingent of 1,500 troops landed.", "1,500 troops")}
    )
    total = claim("c2", exact(6_000), doc="b", source=POLICE)
    result = reconcile([first, total], documents=docs("a", "b"), entities=ENTITIES, lexicon=lexicon)
    assert len(result.facts) == 2
    assert {f.key.scope for f in result.facts} == {"part", None}
    assert {f.status for f in result.facts} == {"single"}


def test_might_have_takes_part(lexicon: Lexicon) -> None:
    """A "might have been" estimate is about the same moment: it joins the toll, hedged."""
    sentence = "As many as 40 people might have been killed, the mayor said."
    fact = only(
        [
            toll("c1", people(12), "a", POLICE),
            toll(
                "c2", count(None, 40, unit="people"), "b", HOSPITAL, sentence, modality="possible"
            ),
        ],
        docs("a", "b"),
        lexicon,
    )
    assert {v.label: v.role for v in fact.values}["up to 40"] == "hedged"
    assert fact.status == "consistent"


def test_could_rise_is_a_question_of_its_own(lexicon: Lexicon) -> None:
    """ "could rise to 40" speaks for a later moment of a running toll: its own question
    (scope ``projection``), compared with nothing that has happened."""
    sentence = "The toll could rise to 40 people, the mayor said."
    result = reconcile(
        [
            toll("c1", people(12), "a", POLICE),
            toll(
                "c2", count(None, 40, unit="people"), "b", HOSPITAL, sentence, modality="possible"
            ),
        ],
        documents=docs("a", "b"),
        entities=ENTITIES,
        lexicon=lexicon,
    )
    by_scope = {f.key.scope: f for f in result.facts}
    assert set(by_scope) == {None, "projection"}
    assert by_scope["projection"].values[0].role == "projection"
    assert all(f.status == "single" for f in result.facts)


def test_a_hedged_clash_is_a_conflict_marked_hedged(lexicon: Lexicon) -> None:
    fact = only(
        [
            toll("c1", people(1_000), "a", POLICE),
            toll(
                "c2",
                people(4_000),
                "b",
                HOSPITAL,
                "As many as 4,000 people might have been killed.",
                modality="possible",
            ),
        ],
        docs("a", "b"),
        lexicon,
    )
    assert fact.status == "conflict"
    assert [r.hedged for r in fact.reasons if r.kind == "clash"] == [True]


def test_a_falling_toll_without_a_stated_correction_is_flagged(lexicon: Lexicon) -> None:
    fact = only(
        [toll("c1", people(30), "tue", POLICE), toll("c2", people(20), "thu", UNION)],
        [document("tue", TUE), document("thu", THU)],
        lexicon,
    )
    assert fact.status == "conflict"
    assert [r.kind for r in fact.reasons if r.kind == "unstated_change"] == ["unstated_change"]


def test_a_falling_toll_that_says_it_corrects_is_updated(lexicon: Lexicon) -> None:
    fact = only(
        [
            toll("c1", people(30), "tue", POLICE),
            toll("c2", people(20), "thu", UNION, "The union revised the toll to 20 workers."),
        ],
        [document("tue", TUE), document("thu", THU)],
        lexicon,
    )
    assert fact.status == "updated"


def test_a_window_of_days_makes_nearby_days_one_moment(lexicon: Lexicon) -> None:
    claims = [toll("c1", people(12), "tue", POLICE), toll("c2", people(17), "thu", HOSPITAL)]
    documents = [document("tue", TUE), document("thu", THU)]
    same_day = reconcile(claims, documents=documents, entities=ENTITIES, lexicon=lexicon)
    three_days = reconcile(
        claims, documents=documents, entities=ENTITIES, lexicon=lexicon, window_days=3
    )
    assert (same_day.facts[0].status, three_days.facts[0].status) == ("updated", "conflict")


def test_facts_never_cross_stories(lexicon: Lexicon) -> None:
    documents = [
        document("floods/a", MON).model_copy(update={"story": "floods"}),
        document("quake/b", MON).model_copy(update={"story": "quake"}),
    ]
    claims = [toll("c1", people(12), "floods/a", POLICE), toll("c2", people(300), "quake/b", UNION)]
    result = reconcile(claims, documents=documents, entities=ENTITIES, lexicon=lexicon)
    assert sorted(str(f.key.story) for f in result.facts) == ["floods", "quake"]


def test_a_figure_reported_earlier_in_the_day_is_no_rival(lexicon: Lexicon) -> None:
    fact = only(
        [
            toll(
                "c1",
                count(64, None, unit="people"),
                "a",
                COAST_GUARD,
                "At least 64 people lost their lives, the coast guard said.",
            ),
            toll(
                "c2",
                people(41),
                "b",
                None,
                "A report earlier in the day had put the number of dead at 41.",
            ),
        ],
        docs("a", "b"),
        lexicon,
    )
    assert fact.status != "conflict"


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said 480 people had died in the March 3 earthquake.",
        "Officials said 480 people have died since Monday's earthquake.",
    ],
)
def test_a_running_total_dated_by_its_event_speaks_for_its_report(
    sentence: str, lexicon: Lexicon
) -> None:
    """The date names the quake, not the count: 480 reported on Wednesday is Wednesday's
    figure, so a higher figure on Thursday is an update, not a clash with Monday's."""
    text = "March 3" if "March 3" in sentence else "Monday"
    stated = toll("c1", people(480), "wed", AGENCY, sentence).model_copy(
        update={"time": TimeRef(text=text, start=MON, end=MON), "as_of": MON}
    )
    later = toll("c2", people(700), "thu", POLICE)
    fact = only([stated, later], [document("wed", D(2025, 3, 5)), document("thu", THU)], lexicon)
    assert fact.status == "updated"
    assert {v.label: v.as_of for v in fact.values}["480"] == [D(2025, 3, 5)]


@pytest.mark.parametrize(
    ("affiliation", "one_voice"),
    [
        (UNION, True),  # entity resolution read "Ilse Marek, a spokesperson for the union"
        (None, False),  # nothing in the text tied her to it
    ],
)
def test_an_organisation_and_its_spokesperson_are_one_voice(
    affiliation: str | None, one_voice: bool, lexicon: Lexicon
) -> None:
    union = toll("c1", people(25), "a", UNION, "The textile workers' union said 25 died.")
    person = toll("c2", people(25), "b", "ent:ilse-marek", "Ilse Marek said 25 died.")
    marek = entity("ent:ilse-marek", "Ilse Marek", "PERSON").model_copy(
        update={"affiliation": affiliation}
    )
    entities = [e for e in ENTITIES if e.id != marek.id] + [marek]
    result = reconcile(
        [union, person], documents=docs("a", "b"), entities=entities, lexicon=lexicon
    )
    (fact,) = result.facts
    assert (fact.independent_sources == 1) is one_voice


def test_a_role_word_in_the_sentence_ties_no_one(lexicon: Lexicon) -> None:
    """A minister disputing the union's count keeps her own voice: a role word and an
    organisation merely sharing a sentence are no affiliation."""
    union = toll("c1", people(25), "a", UNION, "The textile workers' union said 25 died.")
    person = toll(
        "c2",
        people(25),
        "b",
        "ent:ilse-marek",
        "The minister Ilse Marek said 25 died, disputing the textile workers' union.",
    )
    fact = only([union, person], docs("a", "b"), lexicon)
    assert fact.independent_sources == 2


def test_a_count_stated_for_a_city_is_not_compared_with_the_national_one(
    lexicon: Lexicon,
) -> None:
    lusk = entity("ent:lusk", "Lusk", "GPE")

    def crowd(cid: str, n: int, doc: str, source: str, sentence: str) -> Claim:
        c = claim(cid, people(n), doc=doc, source=source, predicate="protested", subject=None)
        quote = next(q for q in (f"{n:,} people", f"{n:,} marchers", f"{n:,}") if q in sentence)
        return c.model_copy(update={"evidence": said(sentence, quote)})

    claims = [
        crowd(
            "c1", 90_000, "a", AGENCY, "Some 90,000 people marched nationwide, the ministry said."
        ),
        crowd("c2", 8_000, "b", POLICE, "In Lusk, police counted 8,000 marchers."),
        crowd(
            "c3",
            6_000,
            "c",
            UNION,
            "A research firm that counts the Lusk march put the crowd at 6,000.",
        ),
        crowd("c4", 7_500, "d", HOSPITAL, "Organisers said 7,500 people marched in Lusk."),
    ]
    result = reconcile(
        claims, documents=docs("a", "b", "c", "d"), entities=[*ENTITIES, lusk], lexicon=lexicon
    )
    by_place = {f.key.location: sorted(f.claims) for f in result.facts}
    assert by_place == {None: ["c1"], "ent:lusk": ["c2", "c3", "c4"]}
