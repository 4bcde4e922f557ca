"""The command line: parse arguments, call the library, render. Nothing else.

Every ``ClaimrecError`` becomes one line on stderr and exit code 2; tracebacks
appear only with ``--debug``.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimrec import __version__
from claimrec.errors import ClaimrecError
from claimrec.models import Graph
from claimrec.pipeline import build as build_graph
from claimrec.store import graph_json, load_graph, write_atomic

app = typer.Typer(
    name="claimrec",
    help="Claim-level fact reconciliation for news: where do the sources disagree?",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


_debug = False


def _fail(exc: ClaimrecError) -> typer.Exit:
    if _debug:
        raise exc
    typer.echo(f"claimrec: error: {exc}", err=True)
    return typer.Exit(code=2)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    global _debug
    _debug = debug
    if version:
        typer.echo(f"claimrec {__version__}")
        raise typer.Exit()


@app.command()
def build(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (.txt, .md), read recursively.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the graph JSON here (default: stdout)."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="YAML lexicon that extends the packaged one.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="spaCy pipeline name or path (default: en_core_web_sm)."),
    ] = None,
    report: Annotated[
        bool, typer.Option("--report", help="Print the contradiction report after building.")
    ] = False,
) -> None:
    """Build the claim graph of a folder of articles."""
    try:
        graph = build_graph(paths, config=config, model=model)
        text = graph_json(graph)
        if output is not None or not report:
            _write(text, output)
    except ClaimrecError as exc:
        raise _fail(exc) from None
    if report:
        _print_report(graph, Format.text)


@app.command()
def report(
    graph_file: Annotated[Path, typer.Argument(help="A graph JSON written by `claimrec build`.")],
    format: Annotated[
        Format, typer.Option("--format", help="text, markdown or json.")
    ] = Format.text,
) -> None:
    """Print the contradiction report of a claim graph."""
    try:
        graph = load_graph(graph_file)
    except ClaimrecError as exc:
        raise _fail(exc) from None
    _print_report(graph, format)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim graph."""
    typer.echo(json.dumps(Graph.model_json_schema(), indent=1, sort_keys=True))


def _print_report(graph: Graph, format: Format) -> None:
    from claimrec.render.report import render_report

    render_report(graph, format=format.value)


def main() -> None:
    app()
