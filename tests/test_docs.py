"""The graph contract for users (docs/graph.md) names every field the graph can hold, so a
field added to the models without a word for users fails here (sqlite-utils' habit)."""

from __future__ import annotations

import re
from typing import get_args

import pytest
from paths import ROOT
from pydantic import BaseModel

from claimrec.models import (
    Claim,
    DocumentWarning,
    Entity,
    Evidence,
    Fact,
    FactKey,
    FactValue,
    Graph,
    GraphDocument,
    Reason,
    SkipCode,
    SkipReason,
    WarningCode,
)

DOC = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
# Names in code spans, alone (`as_of`) or listed (`{start, end, quote, sentence}`).
DOCUMENTED = {w for span in re.findall(r"`([^`]+)`", DOC) for w in re.findall(r"[a-z_0-9]+", span)}
MODELS: list[type[BaseModel]] = [
    Graph,
    GraphDocument,
    Entity,
    Claim,
    Evidence,
    Fact,
    FactKey,
    FactValue,
    Reason,
    DocumentWarning,
    SkipReason,
]


@pytest.mark.parametrize(
    ("model", "field"),
    [(m, f) for m in MODELS for f, info in m.model_fields.items() if not info.exclude],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_every_graph_field_is_documented(model: type[BaseModel], field: str) -> None:
    assert field in DOCUMENTED, f"docs/graph.md does not name {model.__name__}.{field}"


@pytest.mark.parametrize("code", sorted({*get_args(WarningCode), *get_args(SkipCode)}))
def test_every_document_note_code_is_documented(code: str) -> None:
    assert f"| `{code}` |" in DOC, f"docs/graph.md has no row for the note code {code!r}"
