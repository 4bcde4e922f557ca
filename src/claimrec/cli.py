"""The command line: parse arguments, call the library, render. Nothing else.

Every ``ClaimrecError`` becomes one line on stderr and exit code 2; tracebacks
appear only with ``--debug``.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from claimrec import __version__
from claimrec.cache import default_cache_dir
from claimrec.errors import ClaimrecError
from claimrec.models import Graph
from claimrec.pipeline import build as build_graph
from claimrec.render.report import ReportFilter
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


def _fail(exc: ClaimrecError) -> typer.Exit:
    """One line on stderr and exit 2; with ``--debug``, the traceback instead."""
    context = click.get_current_context(silent=True)
    if context is not None and context.find_root().params.get("debug"):
        raise exc
    typer.echo(f"claimrec: error: {exc}", err=True)
    return typer.Exit(code=2)


class StoriesOption(StrEnum):
    folders = "folders"
    auto = "auto"
    one = "one"


class EntitiesOption(StrEnum):
    all = "all"
    claims = "claims"


@contextmanager
def build_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar with documents/s on stderr, only when stderr is a terminal."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("docs"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("extract", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"claimrec {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Claim-level fact reconciliation for news: where do the sources disagree?"""


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
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction.")
    ] = 1,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", help="Extraction cache folder (default: ~/.cache/claimrec)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")
    ] = False,
    entities: Annotated[
        EntitiesOption,
        typer.Option(
            "--entities",
            help="all: every name in the text; claims: only names near claims (faster).",
        ),
    ] = EntitiesOption.all,
    stories: Annotated[
        StoriesOption,
        typer.Option(
            "--stories",
            help="folders: one story per folder (default); auto: cluster mixed feeds; "
            "one: everything is one story.",
        ),
    ] = StoriesOption.folders,
    window: Annotated[
        int,
        typer.Option(
            "--window",
            min=0,
            help="Days apart two figures may be and still speak for the same moment "
            "(default 0: the same day).",
        ),
    ] = 0,
) -> None:
    """Build the claim graph of a folder of articles."""
    cache = None if no_cache else (cache_dir or default_cache_dir())
    try:
        with build_progress() as progress:
            graph = build_graph(
                paths,
                config=config,
                model=model,
                jobs=jobs,
                cache_dir=cache,
                entities=entities.value,
                progress=progress,
                stories=stories.value,  # type: ignore[arg-type]
                window_days=window,
            )
        text = graph_json(graph)
        if output is not None or not report:
            _write(text, output)
    except ClaimrecError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        typer.echo("claimrec: interrupted; no output was written", err=True)
        raise typer.Exit(code=130) from None
    _warn_documents(graph)
    if report:
        _print_report(graph, Format.text)


MAX_WARNINGS = 20


def _warn_documents(graph: Graph) -> None:
    """One stderr line per skipped document and per document warning, so nothing is lost
    silently; the same facts are in the graph's ``documents``."""
    lines = [f"claimrec: skipped {d.path}: {d.skipped}" for d in graph.documents if d.skipped]
    lines += [f"claimrec: warning: {d.path}: {w}" for d in graph.documents for w in d.warnings]
    for line in lines[:MAX_WARNINGS]:
        typer.echo(line, err=True)
    if len(lines) > MAX_WARNINGS:
        typer.echo(
            f"claimrec: ... and {len(lines) - MAX_WARNINGS} more (see documents[] in the graph)",
            err=True,
        )


@app.command()
def report(
    graph_file: Annotated[
        str,
        typer.Argument(help="A graph JSON written by `claimrec build`, or - for stdin."),
    ],
    format: Annotated[
        Format, typer.Option("--format", help="text, markdown or json.")
    ] = Format.text,
    fact: Annotated[
        str | None, typer.Option("--fact", help="Show only this fact (its id).")
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Show only facts this source speaks in (part of a name)."),
    ] = None,
    story: Annotated[
        str | None, typer.Option("--story", help="Show only facts of this story.")
    ] = None,
    all_facts: Annotated[
        bool, typer.Option("--all", help="Also list facts stated by a single claim.")
    ] = False,
) -> None:
    """Print the contradiction report of a claim graph."""
    from claimrec.store import parse_graph

    try:
        if graph_file == "-":
            graph = parse_graph(sys.stdin.read(), name="<stdin>")
        else:
            graph = load_graph(Path(graph_file))
    except ClaimrecError as exc:
        raise _fail(exc) from None
    filters = ReportFilter(fact=fact, source=source, story=story, all=all_facts)
    _print_report(graph, format, filters)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim graph."""
    typer.echo(json.dumps(Graph.model_json_schema(), indent=1, sort_keys=True))


class FailOn(StrEnum):
    new_conflicts = "new-conflicts"
    any_change = "any-change"
    none = "none"


@app.command()
def diff(
    old: Annotated[
        Path, typer.Argument(help="OLD snapshot: a graph JSON, or a folder of articles to build.")
    ],
    new: Annotated[
        Path, typer.Argument(help="NEW snapshot: a graph JSON, or a folder of articles to build.")
    ],
    format: Annotated[
        Format, typer.Option("--format", help="text, markdown or json.")
    ] = Format.text,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 on new-conflicts (a conflict not in OLD), any-change, or none.",
        ),
    ] = FailOn.new_conflicts,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="YAML lexicon for building folders (extends the packaged)."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="spaCy pipeline for building folders."),
    ] = None,
) -> None:
    """Compare two claim graphs: documents, claims, facts and conflicts that changed.

    Exit 0 unless --fail-on is met (1); unusable input exits 2."""
    from claimrec.diff import diff_graphs, fails
    from claimrec.render.diff import render_json, render_markdown, render_text

    try:
        graphs = [
            build_graph([path], config=config, model=model) if path.is_dir() else load_graph(path)
            for path in (old, new)
        ]
    except ClaimrecError as exc:
        raise _fail(exc) from None
    changes = diff_graphs(graphs[0], graphs[1])
    if format == Format.text:
        from rich.console import Console

        render_text(changes, Console(highlight=False))
    else:
        sys.stdout.write(
            render_markdown(changes) if format == Format.markdown else render_json(changes)
        )
    if fails(changes, on=fail_on.value):
        raise typer.Exit(code=1)


def _print_report(graph: Graph, format: Format, filters: ReportFilter | None = None) -> None:
    """The report on stdout: rich picks colours for a terminal (and honours NO_COLOR),
    plain text when piped, wrapped at the terminal's width up to 100 columns; markdown and
    json are written exactly as rendered."""
    from claimrec.render.report import render_report

    render_report(graph, format=format.value, filters=filters)


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """Entry point: SIGTERM unwinds like Ctrl-C, so no temporary output file is left behind."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("claimrec: interrupted; no output was written\n")
        sys.exit(130)
