"""The shared Markdown table reader: rows, header, rule and cell offsets."""

from __future__ import annotations

import pytest

from claimrec.extract.markdown_tables import Table, markdown_tables

Shape = tuple[list[str] | None, list[list[str]]]


def shape(table: Table) -> Shape:
    """A table as (header cell texts or None, data rows' cell texts)."""
    header = [c.text.text for c in table.header] if table.header is not None else None
    return header, [[c.text.text for c in row] for row in table.rows]


CASES: list[tuple[str, str, list[Shape]]] = [
    (
        "header and rule",
        "Tolls.\n\n| Town | Dead |\n|---|---|\n| Arvel | 12 |\n| Brisk | 3 |\n",
        [(["Town", "Dead"], [["Arvel", "12"], ["Brisk", "3"]])],
    ),
    (
        "aligned rule with spaces",
        "| Town | Dead |\n| :--- | ---: |\n| Arvel | 12 |",
        [(["Town", "Dead"], [["Arvel", "12"]])],
    ),
    (
        "no rule: every row is data",
        "| Arvel | 12 |\n| Brisk | 3 |\n",
        [(None, [["Arvel", "12"], ["Brisk", "3"]])],
    ),
    (
        "bold and code cells are trimmed of their markup",
        "| Group | Freed |\n|---|---|\n| **All** | **105** |\n| `Misc` | _7_ |",
        [(["Group", "Freed"], [["All", "105"], ["Misc", "7"]])],
    ),
    (
        "a pipe-less line ends a table",
        "| A | B |\n|---|---|\n| 1 | 2 |\nSome prose.\n| 3 | 4 |\n",
        [(["A", "B"], [["1", "2"]]), (None, [["3", "4"]])],
    ),
    (
        "a blank line ends a table",
        "| A |\n|---|\n| 1 |\n\n| B |\n|---|\n| 2 |",
        [(["A"], [["1"]]), (["B"], [["2"]])],
    ),
    (
        "a rule lower down heads a new table with the row above it",
        "| Caption |\n| A | B |\n|---|---|\n| 1 | 2 |",
        [(None, [["Caption"]]), (["A", "B"], [["1", "2"]])],
    ),
    (
        "indented rows; text after the last pipe is not a cell",
        "  | A | B |\n  |--|--|\n  | 1 | 2 | note",
        [(["A", "B"], [["1", "2"]])],
    ),
    (
        "a header with no rows is still a table",
        "| A | B |\n|---|---|\n",
        [(["A", "B"], [])],
    ),
    ("prose with a pipe inside is no table", "Arvel | Brisk, 12 dead.\n", []),
    ("a rule alone is no table", "|---|---|\n", []),
    ("a row of blanks is not a rule", "| A |\n|   |\n", [(None, [["A"], [""]])]),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_tables(body: str, expected: list[Shape]) -> None:
    assert [shape(t) for t in markdown_tables(body)] == expected


@pytest.mark.parametrize("body", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_cells_sit_at_their_body_offsets(body: str) -> None:
    for table in markdown_tables(body):
        for row in [table.header or (), *table.rows]:
            for cell in row:
                assert body[cell.raw.start : cell.raw.end] == cell.raw.text
                assert body[cell.text.start : cell.text.end] == cell.text.text
                assert cell.raw.start <= cell.text.start <= cell.text.end <= cell.raw.end
                assert body[cell.raw.start - 1] == "|" == body[cell.raw.end]


def test_raw_keeps_padding_and_markup() -> None:
    (table,) = markdown_tables("| A |\n|---|\n| **105** |")
    (cell,) = table.rows[0]
    assert (cell.raw.text, cell.text.text) == (" **105** ", "105")
