"""The read stage: find the articles under the PATHs given and turn each into a ``Document``.

Everything later in the pipeline quotes character offsets into ``Document.body``, so this
module's one job is to produce that body exactly as docs/graph.md defines it: decoded (a UTF-8
byte-order mark dropped), line endings normalized as Python's text mode does, front matter
removed, nothing else changed. Files that cannot give such a body become a
``SkippedDocument`` with a reason instead of stopping the run; only a PATH the user typed
that is missing, of the wrong kind, or holds no articles at all raises ``InputError``.

The stage is pure: no printing, no logging, no module state. Anything odd but usable
travels as a ``DocumentWarning`` on the ``Document``, and a file that is skipped carries a
``SkipReason``: codes and facts, worded by ``render/notes.py``.

Rules beyond docs/graph.md, chosen here:

* Formats: ``.txt`` and ``.md`` are read as they are (with optional front matter);
  ``.html``/``.htm`` pages give their article text and ``.jsonl`` files one document per
  line (see ``formats.py``). A JSON Lines record's id is the file's id, ``#`` and the
  record's ``id`` or line number; its ``path`` is the file's path, ``:`` and the line.
* Walking: every article file (suffix compared case-insensitively) under a folder,
  recursively. Names starting with ``.`` (hidden folders and files: ``.git``, editor
  backups, macOS ``._x.txt`` resource forks) are not articles and are not visited, except
  a PATH given explicitly. Symlinked folders are followed, but every folder is entered
  once (keyed on ``st_dev``/``st_ino``) and real paths are walked before symlinked ones,
  so a symlink loop terminates and a folder reached both ways keeps its real ids.
* A file reached twice (the same PATH given twice, a file inside a folder also given, a
  symlink to a file already found) is read once: the earliest PATH wins, and within it a
  route through no symlink wins.
* ids are unique. When an id is already taken, the later file is renamed and gets a
  warning saying so. Documents claim ids before skipped files, earlier PATHs before
  later ones, then in (id, path) order. A clash between two PATHs prefixes the later
  file's id and path with the name of the folder it was found in (``b/x`` for ``b/x.txt``
  after ``a/x.txt``); a clash inside one PATH (``x.md`` next to ``x.txt``) makes the later
  file's id its path with extension (``x.txt``). If that is taken too, ``~2``, ``~3`` …
  is appended.
* Files over ``MAX_BYTES`` are skipped from their size alone, without being read.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import yaml

from claimrec.datelined import dateline_date
from claimrec.errors import InputError
from claimrec.formats import (
    KNOWN_KEYS,
    Article,
    html_article,
    jsonl_records,
    metadata,
    value_kind,
)
from claimrec.models import Corpus, Document, DocumentWarning, SkipCode, SkippedDocument, SkipReason

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (about 10x faster than the pure-Python one, with
the same safe subset of YAML), else PyYAML's own."""

MAX_BYTES = 64 * 1024 * 1024
"""Largest file read (64 MiB): far above any article (a 50 MB file is still read), low
enough that a stray database dump or video renamed ``.txt`` cannot exhaust memory."""

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIX = ".jsonl"
KINDS = ".txt, .md, .html/.htm or .jsonl"

CONTROL_SHARE_LIMIT = 0.10
"""Share of control characters above which decoded text is treated as binary. Articles
have next to none; binary formats without NUL bytes are far above this."""

CONTROL_SAMPLE_CHARS = 65_536
"""Control characters are counted in this many leading characters: binary shows at once,
and a 50 MB article should not be scanned twice."""


class _FrontMatterLoader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader without YAML's timestamp type: dates arrive as text and are read
    by ``formats.parse_date``, so an impossible date ("2025-13-45") costs that field only,
    not the whole header (PyYAML raises on it)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
}

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE first: its byte-order mark starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FALLBACK_CODECS = ("cp1252", "latin-1")  # latin-1 decodes any byte, so the chain ends here
UTF16_ZERO_SHARE = 0.9
"""Share of NUL high bytes above which a file with NUL bytes and no byte-order mark is
read as UTF-16: English text in UTF-16 has a NUL in every other byte, binary formats
have them scattered."""
_FENCE = "---"
_CLOSING_FENCE = re.compile(r"^---$", re.MULTILINE)  # re treats only "\n" as a line break
# C0 controls except tab, newline, form feed (carriage returns are normalized away
# before counting), plus DEL and the C1 range.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# What ``surrogateescape`` turns undecodable bytes into, and any other non-ASCII text.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII_TEXT = re.compile("[^\x00-\x7f\udc80-\udcff]")


class _Skip(Exception):
    """Raised inside ``read_document`` to turn a file into a ``SkippedDocument``."""

    def __init__(self, reason: SkipReason) -> None:
        super().__init__(reason.code)
        self.reason = reason

    @classmethod
    def because(cls, code: SkipCode, **facts: str | int) -> _Skip:
        """Skip for this reason, with the facts its words need (``models.NOTE_NEEDS``)."""
        return cls(SkipReason.model_validate({"code": code, **facts}))


class _Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: tuple[DocumentWarning, ...] = ()


class _Found(NamedTuple):
    """A file found under one PATH, before it is read."""

    path: Path
    root: Path  # the folder ids are relative to
    order: int  # which PATH, in command-line order
    prefix: str  # that PATH's folder name, used to rename on id clashes
    via_symlink: bool


class _Unlistable(NamedTuple):
    """A subfolder whose listing failed (e.g. permission denied)."""

    folder: Path
    error: OSError


class _Result(NamedTuple):
    item: Document | SkippedDocument
    order: int
    prefix: str


# --------------------------------------------------------------------------- corpus


def read_corpus(paths: Sequence[Path]) -> Corpus:
    """Read every article under ``paths`` (files or folders) into a sorted ``Corpus``.

    Raises ``InputError`` for a PATH that does not exist, a file PATH that is not
    ``.txt``/``.md``, an unreadable folder PATH, or when no ``.txt``/``.md`` file is found
    under any PATH: those are the user's to fix. A single bad file never raises; it is
    returned in ``Corpus.skipped``. See the module docstring for how clashing ids are
    renamed (the later PATH's file gets its folder name as prefix, plus a warning).
    """
    if not paths:
        raise InputError(f"no PATH given (give a folder of articles: {KINDS})")
    found: list[_Found] = []
    unreadable: list[_Result] = []
    for index, given in enumerate(paths):
        files, folders = _discover(Path(given), index)
        found.extend(files)
        unreadable.extend(folders)
    if not found:
        names = ", ".join(repr(str(given)) for given in paths)
        hint = f" ({len(unreadable)} folder(s) could not be read)" if unreadable else ""
        raise InputError(f"no articles ({KINDS}) under {names}{hint}")
    results = [
        _Result(document, item.order, item.prefix)
        for item in _unique_files(found)
        for document in read_file(item.path, root=item.root)
    ]
    named = _assign_unique_ids(results + unreadable)
    documents = [item for item in named if isinstance(item, Document)]
    skipped = [item for item in named if isinstance(item, SkippedDocument)]
    return Corpus(
        documents=tuple(sorted(documents, key=_corpus_order)),
        skipped=tuple(sorted(skipped, key=_corpus_order)),
    )


def _corpus_order(item: Document | SkippedDocument) -> tuple[str, str]:
    """Corpus order: by id, then path, so output is independent of the file system."""
    return item.id, item.path


def _discover(given: Path, index: int) -> tuple[list[_Found], list[_Result]]:
    """Check one command-line PATH and list the article files it stands for."""
    try:
        info = given.stat()
    except FileNotFoundError:
        if given.is_symlink():
            raise InputError(f"broken symlink: {str(given)!r} points to nothing") from None
        raise InputError(
            f"no such file or folder: {str(given)!r} (give a folder of articles: {KINDS})"
        ) from None
    except OSError as error:
        raise InputError(f"cannot read {str(given)!r}: {_os_reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        return _discover_folder(given, index)
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"not a file or folder: {str(given)!r} (give a folder of articles: {KINDS})"
        )
    if _is_article_name(given.name):
        prefix = Path(os.path.abspath(given)).parent.name or "root"
        return [_Found(given, given.parent, index, prefix, _via_symlink(given))], []
    raise InputError(f"not an article file: {str(given)!r} (give {KINDS} files or folders of them)")


def _discover_folder(root: Path, index: int) -> tuple[list[_Found], list[_Result]]:
    """List the articles under a folder PATH, and subfolders that could not be listed."""
    prefix = Path(os.path.abspath(root)).name or "root"
    found: list[_Found] = []
    unreadable: list[_Result] = []
    for entry in _walk(root):
        if isinstance(entry, _Unlistable):
            unreadable.append(_Result(_unreadable_folder(entry, root), index, prefix))
        else:
            found.append(_Found(entry, root, index, prefix, _via_symlink(entry)))
    return found, unreadable


def _via_symlink(path: Path) -> bool:
    return os.path.realpath(path) != os.path.abspath(path)


def _unreadable_folder(entry: _Unlistable, root: Path) -> SkippedDocument:
    """Record a subfolder that could not be listed, so missing articles do not go unnoticed."""
    rel = entry.folder.relative_to(root).as_posix()
    reason = SkipReason(code="unreadable_folder", detail=_os_reason(entry.error))
    return SkippedDocument(id=rel, path=rel + "/", reason=reason)


def _walk(root: Path) -> Iterator[Path | _Unlistable]:
    """Yield article paths under ``root``, and each subfolder that could not be listed.

    Real subfolders are walked before symlinked ones and each folder is entered once, so
    a symlink loop terminates, nothing is found twice through a link, and a folder
    reached both directly and through a link gets ids from its real path. Broken
    symlinks with an article suffix are yielded too: ``read_document`` skips them with
    a reason.
    """
    visited: set[tuple[int, int]] = set()
    real: list[Path] = [root]
    linked: list[Path] = []
    while real or linked:
        folder = real.pop() if real else linked.pop(linked.index(min(linked)))
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if folder == root:
                raise InputError(f"cannot read folder {str(root)!r}: {_os_reason(error)}") from None
            yield _Unlistable(folder, error)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _entry_is_dir(entry):
                (linked if entry.is_symlink() else real).append(Path(entry.path))
            elif _is_article_name(entry.name):
                yield Path(entry.path)


def _entry_is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether an entry is a folder (following symlinks); a dangling or looping link is not."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_article_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def _unique_files(found: list[_Found]) -> list[_Found]:
    """Drop second routes to the same file: earliest PATH first, then routes without links."""
    chosen: dict[str, _Found] = {}
    for item in sorted(found, key=lambda f: (f.order, f.via_symlink, f.path.as_posix())):
        chosen.setdefault(os.path.realpath(item.path), item)
    return list(chosen.values())


def _assign_unique_ids(results: list[_Result]) -> list[Document | SkippedDocument]:
    """Give every document a unique id, renaming later clashes (rules in the module doc)."""
    owners: dict[str, int] = {}
    named: list[Document | SkippedDocument] = []
    order = sorted(
        results,
        key=lambda r: (r.order, isinstance(r.item, SkippedDocument), r.item.id, r.item.path),
    )
    for result in order:
        item = result.item
        if item.id in owners:
            item = _rename(result, same_path=owners[item.id] == result.order, taken=owners)
        owners[item.id] = result.order
        named.append(item)
    return named


def _rename(
    result: _Result, *, same_path: bool, taken: dict[str, int]
) -> Document | SkippedDocument:
    """Rename a document whose id is taken, and say so in its warnings."""
    item = result.item
    if same_path:
        base, path = item.path, item.path
    else:
        base, path = f"{result.prefix}/{item.id}", f"{result.prefix}/{item.path}"
    new_id, n = base, 2
    while new_id in taken:
        new_id, n = f"{base}~{n}", n + 1
    if isinstance(item, SkippedDocument):
        return item.model_copy(update={"id": new_id, "path": path})
    warning = DocumentWarning(code="id_taken", value=item.id, renamed_to=new_id)
    return item.model_copy(
        update={"id": new_id, "path": path, "warnings": (*item.warnings, warning)}
    )


# ------------------------------------------------------------------------- document


def read_file(path: Path, *, root: Path) -> list[Document | SkippedDocument]:
    """The documents of one article file: one, or one per line of a ``.jsonl`` file.
    Never raises for a bad file or line; those come back as ``SkippedDocument``s."""
    if path.suffix.lower() == JSONL_SUFFIX:
        return read_jsonl(path, root=root)
    return [read_document(path, root=root)]


def read_document(path: Path, *, root: Path) -> Document | SkippedDocument:
    """Read one article file; never raises for a bad file, returns a ``SkippedDocument``.

    ``root`` is the folder given on the command line (for a file given directly, its
    parent): ``id`` and ``path`` are relative to it and '/'-separated, ``id`` without the
    extension. ``path`` must lie under ``root``. A ``.jsonl`` file holds many documents:
    use ``read_file``.
    """
    rel = path.relative_to(root)
    doc_id, doc_path = rel.with_suffix("").as_posix(), rel.as_posix()
    try:
        raw, decoded, text = _read_text(path)
        if path.suffix.lower() in HTML_SUFFIXES:
            article = _page(text)
        else:
            meta, body, meta_warnings = split_front_matter(text)
            article = Article(body=body, meta=meta, warnings=tuple(meta_warnings))
        if article.body.isspace() or not article.body:
            raise _Skip.because("no_body")
    except _Skip as skip:
        return SkippedDocument(id=doc_id, path=doc_path, reason=skip.reason)
    return _document(
        article,
        id=doc_id,
        path=doc_path,
        encoding=decoded.encoding,
        raw=raw,
        warnings=decoded.warnings,
    )


def read_jsonl(path: Path, *, root: Path) -> list[Document | SkippedDocument]:
    """One document per line of a JSON Lines file (``formats.jsonl_records``); a line that
    is not an article is skipped with its line number, and the rest are read."""
    rel = path.relative_to(root)
    file_id, file_path = rel.with_suffix("").as_posix(), rel.as_posix()
    try:
        _, decoded, text = _read_text(path)
    except _Skip as skip:
        return [SkippedDocument(id=file_id, path=file_path, reason=skip.reason)]
    out: list[Document | SkippedDocument] = []
    for record in jsonl_records(text):
        doc_id, doc_path = f"{file_id}#{record.key}", f"{file_path}:{record.line}"
        if record.article is None:
            reason = record.reason or SkipReason(code="no_text_field")  # formats sets one
            out.append(SkippedDocument(id=doc_id, path=doc_path, reason=reason))
            continue
        out.append(
            _document(
                record.article,
                id=doc_id,
                path=doc_path,
                encoding=decoded.encoding,
                raw=record.raw.encode("utf-8", errors="surrogatepass"),
                warnings=decoded.warnings,
            )
        )
    if not out:
        reason = SkipReason(code="no_records")
        out.append(SkippedDocument(id=file_id, path=file_path, reason=reason))
    return out


def _read_text(path: Path) -> tuple[bytes, _Decoded, str]:
    """The file's bytes, how they decoded, and the checked, newline-normalized text."""
    raw = _read_bytes(path)
    decoded = _decode(raw)
    text = normalize_newlines(decoded.text)
    _check_text(text)
    return raw, decoded, text


def _page(text: str) -> Article:
    article = html_article(text)
    if article is None:
        raise _Skip.because("no_article_text")
    return article


def _document(
    article: Article,
    *,
    id: str,
    path: str,
    encoding: str,
    raw: bytes,
    warnings: tuple[DocumentWarning, ...],
) -> Document:
    meta = dict(article.meta)
    if meta.get("published") is None:
        # no date in the metadata: the article's own dateline states it, when it has one
        meta["published"] = dateline_date(article.body)
    return Document.model_validate(
        {
            **meta,
            "id": id,
            "path": path,
            "encoding": encoding,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "body": article.body,
            "warnings": (*warnings, *article.warnings),
        }
    )


def _read_bytes(path: Path) -> bytes:
    """The file's raw bytes, or ``_Skip`` if it is missing, special, too large or unreadable.

    The size is checked before reading so an oversized file is never loaded; reading
    stops one byte past the limit in case the file grew in between.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise _Skip.because("broken_symlink") from None
        raise _Skip.because("missing") from None
    except OSError as error:
        raise _Skip.because("unreadable", detail=_os_reason(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise _Skip.because("not_regular_file")  # a FIFO would block, a device never ends
    if info.st_size > MAX_BYTES:
        raise _Skip.because("too_large", size=info.st_size, limit=MAX_BYTES)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _Skip.because("unreadable", detail=_os_reason(error)) from None
    if len(raw) > MAX_BYTES:
        raise _Skip.because("too_large", size=len(raw), limit=MAX_BYTES)
    if not raw:
        raise _Skip.because("empty")
    return raw


def _os_reason(error: OSError) -> str:
    """A short lower-case cause ("permission denied") for reasons and messages."""
    return (error.strerror or type(error).__name__).lower()


def _decode(raw: bytes) -> _Decoded:
    """Decode as docs/graph.md says: BOM-marked UTF-16/32, else UTF-8, else cp1252, else latin-1.

    NUL bytes outside UTF-16/32 mean binary (no text encoding an article would use
    produces them), unless every other byte is NUL: UTF-16 saved without a byte-order
    mark. UTF-8 with a few stray bytes (a name pasted from a cp1252 page) keeps its UTF-8
    and reads only the stray bytes as cp1252, when the valid non-ASCII UTF-8 characters
    are at least as many as the stray bytes; otherwise the whole file is cp1252.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return _Decoded(raw[len(bom) :].decode(codec), codec)
            except UnicodeDecodeError:
                raise _Skip.because("undecodable", encoding=codec) from None
    if b"\x00" in raw:
        utf16 = _bomless_utf16(raw)
        if utf16 is None:
            raise _Skip.because("binary_nul")
        return utf16
    has_bom = raw.startswith(codecs.BOM_UTF8)
    data = raw[len(codecs.BOM_UTF8) :] if has_bom else raw
    try:
        return _Decoded(data.decode("utf-8"), "utf-8-sig" if has_bom else "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_stray_bytes(data)
    if mixed is not None:
        return mixed
    for codec in _FALLBACK_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return _Decoded(text, codec, (DocumentWarning(code="not_utf8", encoding=codec),))
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _bomless_utf16(raw: bytes) -> _Decoded | None:
    """UTF-16 without a byte-order mark, or None: the high byte of nearly every character
    is NUL (Latin-script text) and no low byte is."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if high.count(0) >= UTF16_ZERO_SHARE * len(high) and 0 not in low:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            warning = DocumentWarning(code="no_byte_order_mark", encoding=codec)
            return _Decoded(text, codec, (warning,))
    return None


def _utf8_with_stray_bytes(data: bytes) -> _Decoded | None:
    """UTF-8 whose few invalid bytes are read as cp1252 (latin-1 where cp1252 has no
    character), or None when the file is not mostly UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(text))
    if len(_NON_ASCII_TEXT.findall(text)) < stray:
        return None
    text = _ESCAPED_BYTE.sub(lambda m: _byte_as_cp1252(ord(m.group()) - 0xDC00), text)
    note = DocumentWarning(code="stray_bytes", count=stray, encoding="cp1252")
    return _Decoded(text, "utf-8+cp1252", (note,))


def _byte_as_cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # the five bytes cp1252 leaves undefined: latin-1, a C1 control


def normalize_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``, exactly as Python's text mode does.

    Only these two: ``str.splitlines`` also breaks on form feed, NEL, U+2028 …, which
    text mode keeps, so offsets would drift from what a user sees.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str) -> None:
    """Skip text that is empty, blank, or binary that decoded without error."""
    if not text:
        raise _Skip.because("empty")
    if text.isspace():
        raise _Skip.because("whitespace_only")
    if "\x00" in text:
        raise _Skip.because("binary_nul")
    sample = text[:CONTROL_SAMPLE_CHARS]
    if len(_CONTROL.findall(sample)) > CONTROL_SHARE_LIMIT * len(sample):
        raise _Skip.because("binary_control")


# ----------------------------------------------------------------------- front matter


def split_front_matter(text: str) -> tuple[dict[str, object], str, list[DocumentWarning]]:
    """Split newline-normalized ``text`` into (meta, body, warnings) as docs/graph.md defines.

    Front matter exists only when the first line is exactly ``---``; it ends at the next
    line that is exactly ``---`` and the body starts right after that line, so evidence
    offsets count from there. ``meta`` holds only known keys with checked values
    (``title``/``outlet``/``url`` as ``str``, ``published`` as ``datetime.date``);
    everything doubtful becomes a warning instead of an error, because one odd header
    should not cost the article. A front matter that never closes is not front matter:
    the whole text, first ``---`` line included, is the body.
    """
    if text != _FENCE and not text.startswith(_FENCE + "\n"):
        return {}, text, []
    closing = _CLOSING_FENCE.search(text, len(_FENCE) + 1)
    if closing is None:
        return {}, text, [DocumentWarning(code="front_matter_unclosed")]
    body_start = min(closing.end() + 1, len(text))
    meta, warnings = _parse_front_matter(text[len(_FENCE) + 1 : closing.start()])
    return meta, text[body_start:], warnings


def _parse_front_matter(source: str) -> tuple[dict[str, object], list[DocumentWarning]]:
    """Parse the YAML between the fences into known, checked fields plus warnings."""
    try:
        data = yaml.load(source, Loader=_FrontMatterLoader)
    except yaml.YAMLError as error:
        return {}, [_yaml_problem(error)]
    except ValueError as error:
        return {}, [DocumentWarning(code="front_matter_invalid", detail=str(error))]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [DocumentWarning(code="front_matter_not_mapping", kind=value_kind(data))]
    warnings: list[DocumentWarning] = []
    unknown = sorted(str(key) for key in data if key not in KNOWN_KEYS)
    if unknown:
        warnings.append(DocumentWarning(code="unknown_keys", keys=tuple(unknown)))
    meta, field_warnings = metadata(data, where="front_matter")
    return meta, warnings + field_warnings


def _yaml_problem(error: yaml.YAMLError) -> DocumentWarning:
    """PyYAML's problem (one line of its multi-line message), with the line in the file."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem:
        mark = error.problem_mark
        # The front matter starts on line 2 of the file; marks are 0-based.
        line = mark.line + 2 if mark else None
        return DocumentWarning(code="front_matter_invalid", detail=error.problem, line=line)
    return DocumentWarning(code="front_matter_invalid", detail=str(error).splitlines()[0])
