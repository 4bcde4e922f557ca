"""Running the CLI in-process, and the shape every user-facing error must have."""

from __future__ import annotations

from typer.testing import CliRunner

from claimrec.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def one_error_line(result, *, contains: str) -> str:
    """Exit 2, nothing on stdout, one ``claimrec: error:`` line on stderr, no traceback."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimrec: error: ")
    assert contains in lines[0], lines[0]
    assert "Traceback" not in result.output
    return lines[0]
