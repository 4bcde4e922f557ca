"""Graph files on disk: deterministic JSON out, validated graphs in, never a half-written file."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from claimrec.errors import GraphFileError, OutputError
from claimrec.models import READABLE_VERSIONS, Graph

SUPPORTED_VERSIONS = READABLE_VERSIONS


def graph_json(graph: Graph) -> str:
    """Canonical JSON: keys in the models' field order, sorted lists, fixed indent, UTF-8
    text, trailing newline. Pydantic's serializer writes it about ten times faster than
    ``json.dumps`` with an indent, and is as deterministic."""
    return graph.model_dump_json(indent=1) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through ``replacing``: never a half-written file."""
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` for the block to fill; it replaces ``path`` (with
    the replaced file's permissions) when the block succeeds and is removed when it fails,
    so readers see the old file or the new one, never a part. Any writer (JSON, HTML, a
    SQLite database) goes through here."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        problem = (
            f"'{folder}' is a file, not a folder"
            if folder.exists()
            else f"folder '{folder}' does not exist (create it first)"
        )
        raise OutputError(f"cannot write '{path}': {problem}")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"cannot write '{path}': cannot create a file in folder '{folder}' "
            f"({(exc.strerror or str(exc)).lower()}); choose a writable folder"
        ) from None
    tmp = Path(name)
    try:
        os.fchmod(fd, _file_mode(path))
        os.close(fd)
        yield tmp
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write '{path}': {exc.strerror or exc}") from None
        raise


def _file_mode(path: Path) -> int:
    """The permissions ``path`` should get: those of the file it replaces, else what the
    umask gives a new file (``mkstemp`` alone would leave every output private, 0600)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def load_graph(path: Path) -> Graph:
    """A claim graph from ``path``, or a ``GraphFileError`` saying what is wrong with it."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark from an editor is fine
    except FileNotFoundError:
        raise GraphFileError(f"graph file not found: '{path}'") from None
    except IsADirectoryError:
        raise GraphFileError(
            f"'{path}' is a folder, not a graph file (run `claimrec build` first)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphFileError(f"cannot read graph file '{path}': {exc}") from None
    return parse_graph(text, name=str(path))


def parse_graph(text: str, *, name: str = "-") -> Graph:
    """A claim graph from JSON text (``name`` says where it came from in errors)."""
    path = name
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GraphFileError(
            f"'{path}' is not valid JSON (line {exc.lineno}: {exc.msg}); was the file truncated?"
        ) from None
    except RecursionError:
        raise GraphFileError(
            f"'{path}' is not a claim graph (JSON nested too deeply to read); "
            "give a file written by `claimrec build`"
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data or "claims" not in data:
        raise GraphFileError(
            f"'{path}' is JSON but not a claim graph (no schema_version/claims); "
            "give a file written by `claimrec build`"
        )
    version = data.get("schema_version")
    if version not in SUPPORTED_VERSIONS:
        raise GraphFileError(
            f"'{path}' has schema_version {version!r}; this claimrec reads "
            f"{', '.join(sorted(SUPPORTED_VERSIONS))} (rebuild the graph)"
        )
    try:
        return Graph.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise GraphFileError(
            f"'{path}' is not a valid claim graph: {first['msg'].lower()} at '{loc}'"
        ) from None
