"""Shared fixtures: the spaCy pipeline and lexicon load once per test session."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from paths import CORPUS, SEEDS

# Tests never read or fill the user's extraction cache; theirs is removed at the end.
os.environ["CLAIMREC_CACHE_DIR"] = tempfile.mkdtemp(prefix="claimrec-test-cache-")


from claimrec.lexicon import Lexicon, load_lexicon
from claimrec.models import Graph


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove this session's extraction cache: nothing is left in the temp folder."""
    shutil.rmtree(os.environ["CLAIMREC_CACHE_DIR"], ignore_errors=True)


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
