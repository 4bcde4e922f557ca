"""Shared fixtures: the spaCy pipeline and lexicon load once per test session."""

from __future__ import annotations

import pytest
from paths import CORPUS, SEEDS

from claimrec.lexicon import Lexicon, load_lexicon
from claimrec.models import Graph


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def nlp():
    from claimrec.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds_graph(nlp) -> Graph:
    from claimrec.pipeline import build

    return build([SEEDS])


@pytest.fixture(scope="session")
def corpus_graph(nlp) -> Graph:
    from claimrec.pipeline import build

    return build([CORPUS])
