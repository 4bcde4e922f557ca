"""The per-document extraction cache: rebuild only what changed.

An entry is one document's ``Extraction`` as JSON, stored under a key that hashes
everything the extraction depends on: the document's id and raw bytes (front matter
included), the lexicon, the spaCy pipeline, claimrec's version and the processing
options. Change any of them and the key changes, so a stale entry is never read; a
changed lexicon invalidates every entry at once. Entries are written atomically; an
unreadable or invalid entry is treated as missing, never as an error.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from pydantic import ValidationError

from claimrec import __version__
from claimrec.models import Document, Extraction

ENV_VAR = "CLAIMREC_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$CLAIMREC_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimrec``, else ``~/.cache/claimrec``."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimrec"


@functools.cache
def code_digest() -> str:
    """Hash of claimrec's own source files: a changed extractor never reads an entry written
    by an older one, even when the version number was not bumped (a development checkout,
    an editable install)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    def __init__(self, folder: Path, *, lexicon: str, model: str, options: str) -> None:
        self.folder = folder
        self.salt = f"{__version__}\x1f{code_digest()}\x1f{model}\x1f{lexicon}\x1f{options}"
        self._folders: set[Path] = set()  # entry folders known to exist

    def key(self, document: Document) -> str:
        blob = f"{self.salt}\x1f{document.id}\x1f{document.sha256}".encode()
        return hashlib.sha256(blob).hexdigest()

    def _path(self, document: Document) -> Path:
        key = self.key(document)
        return self.folder / key[:2] / f"{key}.json"

    def get(self, document: Document) -> Extraction | None:
        try:
            return Extraction.model_validate_json(self._path(document).read_bytes())
        except (OSError, ValidationError, ValueError):
            return None

    def put(self, document: Document, extraction: Extraction) -> None:
        path = self._path(document)
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            _write_entry(path, extraction.model_dump_json())
        except OSError:
            pass  # a cache that cannot be written only costs time, never correctness


def _write_entry(path: Path, text: str) -> None:
    """Write an entry through a temporary file renamed over it, so a reader never sees a
    part. Unlike ``store.write_atomic`` it skips the folder check, random name and
    permission copying, which an entry needs not and which cost ~2% of a cold build."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
