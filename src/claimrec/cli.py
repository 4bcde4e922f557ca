"""The command line: parse arguments, call the library, render. Nothing else.

Every ``ClaimrecError`` becomes one line on stderr and exit code 2; tracebacks
appear only with ``--debug``.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

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
from typer.core import TyperGroup

from claimrec import __version__
from claimrec.cache import default_cache_dir
from claimrec.errors import ClaimrecError
from claimrec.models import Graph
from claimrec.pipeline import build as build_graph
from claimrec.render.notes import skip_text, warning_text
from claimrec.render.report import ReportFilter
from claimrec.store import graph_json, load_graph, write_atomic


class ClaimrecGroup(TyperGroup):
    """Click's usage errors (unknown option, missing argument, bad choice) as one
    ``claimrec: error:`` line and exit 2, like every other user mistake, instead of
    click's boxed multi-line message."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except click.exceptions.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
            return _exit(2, standalone_mode)
        except click.ClickException as exc:
            typer.echo(f"claimrec: error: {usage_error_line(exc)}", err=True)
            return _exit(exc.exit_code, standalone_mode)
        except click.Abort:
            typer.echo("claimrec: aborted", err=True)
            return _exit(1, standalone_mode)
        code = result if isinstance(result, int) else 0
        return _exit(code, standalone_mode)


def _exit(code: int, standalone_mode: bool) -> int:
    if standalone_mode:
        sys.exit(code)
    return code


def usage_error_line(exc: click.ClickException) -> str:
    """click's message on one line, lower-cased first word, with where to find help."""
    message = " ".join(exc.format_message().split()).rstrip(".")
    message = message[:1].lower() + message[1:]
    context = getattr(exc, "ctx", None)
    if context is not None:
        message += f" (see '{context.command_path} --help')"
    return message


app = typer.Typer(
    name="claimrec",
    cls=ClaimrecGroup,
    help="Claim-level fact reconciliation for news: where do the sources disagree?",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    suggest_commands=False,  # click suggests already; typer's would repeat it
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


class DiffFormat(StrEnum):
    """diff has no HTML rendering."""

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


class ProgressMode(StrEnum):
    auto = "auto"
    lines = "lines"
    none = "none"


def _progress_lines(done: int, total: int) -> None:
    typer.echo(f"claimrec: extracted {done}/{total} documents", err=True)


class StoriesOption(StrEnum):
    folders = "folders"
    auto = "auto"
    one = "one"


class EntitiesOption(StrEnum):
    all = "all"
    claims = "claims"


@contextmanager
def build_progress(mode: ProgressMode) -> Iterator[Callable[[int, int], None] | None]:
    """Extraction progress on stderr: ``auto`` a bar when stderr is a terminal (else
    nothing), ``lines`` one plain line per batch of documents (for logs), ``none``."""
    console = Console(stderr=True)
    if mode == ProgressMode.lines:
        yield _progress_lines
        return
    if mode == ProgressMode.none or not console.is_terminal:
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


JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction.")
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Extraction cache folder (default: ~/.cache/claimrec)."),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")
]
ProgressOption = Annotated[
    ProgressMode,
    typer.Option(
        "--progress",
        help="auto: a bar when stderr is a terminal; lines: a line per batch (logs); none.",
    ),
]


@app.command()
def build(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Article files or folders (.txt, .md, .html/.htm, .jsonl), read recursively."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the graph JSON here (default: stdout; with --report: "
            "NAME.graph.json in the current folder, NAME from the first PATH).",
        ),
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
    jobs: JobsOption = 1,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    progress: ProgressOption = ProgressMode.auto,
    entities: Annotated[
        EntitiesOption,
        typer.Option(
            "--entities",
            help="all: every name in the text; claims: only names near claims (faster).",
        ),
    ] = EntitiesOption.all,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the HTML report (one self-contained file) here."),
    ] = None,
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
    if report and output is None:
        output = default_graph_file(paths[0])
    try:
        graph = _build(
            paths,
            config=config,
            model=model,
            jobs=jobs,
            cache_dir=cache_dir,
            no_cache=no_cache,
            entities=entities,
            progress=progress,
            stories=stories,
            window=window,
            warn=False,
        )
        _write(graph_json(graph), output)
        if html is not None:
            from claimrec.render.html import render_html

            write_atomic(html, render_html(graph))
    except ClaimrecError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        typer.echo("claimrec: interrupted; no output was written", err=True)
        raise typer.Exit(code=130) from None
    _warn_documents(graph)
    if report:
        typer.echo(f"claimrec: graph written to {output}", err=True)
        _print_report(graph, Format.text)


def default_graph_file(path: Path) -> Path:
    """Where ``build --report`` puts the graph when no ``-o`` is given (stdout holds the
    report): ``NAME.graph.json`` in the current folder, NAME the first PATH's name
    (``seeds/`` -> ``seeds.graph.json``, ``.`` -> the current folder's name)."""
    name = Path(os.path.abspath(path)).stem or "claimrec"
    return Path(f"{name}.graph.json")


def _build(
    paths: list[Path],
    *,
    config: Path | None,
    model: str | None,
    jobs: int,
    cache_dir: Path | None,
    no_cache: bool,
    progress: ProgressMode = ProgressMode.auto,
    entities: EntitiesOption = EntitiesOption.all,
    stories: StoriesOption = StoriesOption.folders,
    window: int = 0,
    warn: bool = True,
) -> Graph:
    """The build both ``build`` and ``diff`` run: cache, workers, a progress bar on a
    terminal, and (with ``warn``) the skipped files and warnings on stderr."""
    cache = None if no_cache else (cache_dir or default_cache_dir())
    with build_progress(progress) as report_progress:
        graph = build_graph(
            paths,
            config=config,
            model=model,
            jobs=jobs,
            cache_dir=cache,
            entities=entities.value,
            progress=report_progress,
            stories=stories.value,  # type: ignore[arg-type]
            window_days=window,
        )
    if warn:
        _warn_documents(graph)
    return graph


MAX_WARNINGS = 20


def _warn_documents(graph: Graph) -> None:
    """One stderr line per skipped document and per document warning, so nothing is lost
    silently; the same facts are in the graph's ``documents``."""
    lines = [
        f"claimrec: skipped {d.path}: {skip_text(d.skipped)}"
        for d in graph.documents
        if d.skipped is not None
    ]
    lines += [
        f"claimrec: warning: {d.path}: {warning_text(w)}"
        for d in graph.documents
        for w in d.warnings
    ]
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
        Format, typer.Option("--format", help="text, markdown, json or html.")
    ] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the report to this file (default: stdout)."),
    ] = None,
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
    """Print the contradiction report of a claim graph (html: one self-contained page)."""
    from claimrec.store import parse_graph

    try:
        if graph_file == "-":
            graph = parse_graph(sys.stdin.read(), name="<stdin>")
        else:
            graph = load_graph(Path(graph_file))
        filters = ReportFilter(fact=fact, source=source, story=story, all=all_facts)
        if format == Format.html and filters != ReportFilter():
            raise ClaimrecError(
                "the HTML report always holds every fact, with filters of its own; "
                "drop --fact/--source/--story/--all or use another --format"
            )
        if format == Format.html or output is not None:
            _write(_report_text(graph, format, filters), output)
            return
    except ClaimrecError as exc:
        raise _fail(exc) from None
    _print_report(graph, format, filters)


def _report_text(graph: Graph, format: Format, filters: ReportFilter | None = None) -> str:
    """The report as one string, for a file: HTML, or the other formats as a pipe gets them."""
    if format == Format.html:
        from claimrec.render.html import render_html

        return render_html(graph)
    from io import StringIO

    from claimrec.render.report import render_report

    out = StringIO()
    render_report(
        graph,
        format=format.value,
        console=Console(file=out, no_color=True, width=100),
        filters=filters,
    )
    return out.getvalue()


@app.command()
def export(
    graph_file: Annotated[Path, typer.Argument(help="A graph JSON written by `claimrec build`.")],
    sqlite: Annotated[
        Path | None,
        typer.Option("--sqlite", help="Write a SQLite database here (open it with `datasette`)."),
    ] = None,
    csv: Annotated[
        Path | None, typer.Option("--csv", help="Write one CSV file per table into this folder.")
    ] = None,
) -> None:
    """Write the graph as tables (documents, entities, claims, facts, fact_values, edges)."""
    from claimrec.export import write_csv, write_sqlite

    if sqlite is None and csv is None:
        raise _fail(ClaimrecError("nothing to export: give --sqlite FILE and/or --csv DIR"))
    try:
        graph = load_graph(graph_file)
        results = []
        if sqlite is not None:
            results.append((sqlite, write_sqlite(graph, sqlite)))
        if csv is not None:
            results.append((csv, write_csv(graph, csv)))
    except ClaimrecError as exc:
        raise _fail(exc) from None
    for target, result in results:
        rows = ", ".join(f"{n} {name}" for name, n in result.counts.items())
        typer.echo(f"claimrec: wrote {target}: {rows}", err=True)
        if result.dangling:
            typer.echo(
                f"claimrec: warning: {result.dangling} references to ids missing from the "
                "graph were written as empty",
                err=True,
            )


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim graph."""
    typer.echo(json.dumps(Graph.model_json_schema(), indent=1, sort_keys=True))


@app.command()
def lexicon(
    show: Annotated[
        bool,
        typer.Option("--show", help="Print where the packaged lexicon.yaml is (the default)."),
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Check this YAML lexicon against the packaged one."),
    ] = None,
) -> None:
    """Where the packaged lexicon is (the file to copy keys from for --config), and
    whether a --config file is valid."""
    from claimrec.lexicon import load_lexicon, packaged_path

    if show or config is None:
        typer.echo(packaged_path())
    if config is not None:
        try:
            load_lexicon(config)
        except ClaimrecError as exc:
            raise _fail(exc) from None
        typer.echo(f"claimrec: {config} is a valid lexicon extension", err=True)


class FailOn(StrEnum):
    new_conflicts = "new-conflicts"
    changed_conflicts = "changed-conflicts"
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
        DiffFormat, typer.Option("--format", help="text, markdown or json.")
    ] = DiffFormat.text,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 on new-conflicts (a conflict not in OLD), changed-conflicts (also a "
            "conflict that gained or lost a value), any-change, or none.",
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
    jobs: JobsOption = 1,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    progress: ProgressOption = ProgressMode.auto,
) -> None:
    """Compare two claim graphs: documents, claims, facts and conflicts that changed.

    Exit 0 unless --fail-on is met (1); unusable input exits 2."""
    from claimrec.diff import diff_graphs, fails
    from claimrec.render.diff import render_json, render_markdown, render_text

    try:
        graphs = [
            _build(
                [path],
                config=config,
                model=model,
                jobs=jobs,
                cache_dir=cache_dir,
                no_cache=no_cache,
                progress=progress,
            )
            if path.is_dir()
            else load_graph(path)
            for path in (old, new)
        ]
    except ClaimrecError as exc:
        raise _fail(exc) from None
    changes = diff_graphs(graphs[0], graphs[1])
    if format == DiffFormat.text:
        from rich.console import Console

        render_text(changes, Console(highlight=False))
    else:
        sys.stdout.write(
            render_markdown(changes) if format == DiffFormat.markdown else render_json(changes)
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
    # Everything imported so far (spaCy, thinc, pydantic schemas) lives as long as the
    # process: the collector need not walk it again on every full collection (~5% of a
    # cold build), and young objects are collected in larger batches (~1.5% more; parsing
    # makes many short-lived objects, few cycles). Only this process's entry point does
    # it, never the library.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("claimrec: interrupted; no output was written\n")
        sys.exit(130)
