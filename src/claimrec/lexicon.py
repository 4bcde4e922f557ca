"""The lexicon: all domain knowledge, loaded from packaged YAML and user ``--config`` files.

Code reads words from here and never names a country, person or number. Loading
validates the merged mapping into a frozen ``Lexicon``, so a misspelt key in a
user's file is reported with the file name instead of being silently ignored.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from claimrec.errors import ConfigError


class LexiconPart(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Unit(LexiconPart):
    """A counted noun: what class of thing it counts, and the claim it makes by itself."""

    cls: str = Field(alias="class")
    military_class: str | None = None
    default_predicate: str | None = None


class Predicate(LexiconPart):
    family: str
    measure: str | None = None  # what a count under this predicate counts (one of `measures`)
    locative: bool = False
    cumulative: bool = False
    subject_nouns: bool = False
    once: bool = False  # a one-off event: its date facts can conflict
    verbs: list[str] = []
    place_verbs: list[str] = []
    nouns: list[str] = []
    phrases: list[str] = []


class Measure(LexiconPart):
    """A noun that stands for a count ("toll", "crowd") and the claim its number makes."""

    predicate: str
    unit: str


class Combined(LexiconPart):
    of: list[str]
    name: str


class Hedges(LexiconPart):
    min: list[str] = []
    max: list[str] = []
    approx_max: list[str] = []
    approx: list[str] = []


class Attribution(LexiconPart):
    verbs: list[str]
    prepositions: list[str]
    report_nouns: list[str]
    anonymous_heads: list[str]
    organization_heads: list[str]
    empty_sources: list[str]
    figure_preps: list[str] = []
    agent_nouns: list[str] = []
    agent_suffixes: list[str] = []
    plural_agent_suffixes: list[str] = []
    table_source_headers: list[str] = []
    release_markers: list[str] = []
    carry_sentences: int = 1


class ModalityWords(LexiconPart):
    words: list[str] = []
    phrases: list[str] = []


class Modality(LexiconPart):
    negated: ModalityWords
    possible: ModalityWords
    expected: ModalityWords
    reported: ModalityWords


class Prefilter(LexiconPart):
    """Words that make a sentence worth parsing (digits always do)."""

    number_words: list[str] = []
    date_words: list[str] = []
    event_forms: list[str] = []
    speech_forms: list[str] = []


class Lexicon(LexiconPart):
    """The validated, merged lexicon. Lookup tables are derived once and cached."""

    units: dict[str, Unit]
    military_context: list[str]
    demonym_unit_class: str = "people"
    max_count: int = 10_000_000_000
    hedges: Hedges
    approx_suffixes: list[str] = []
    measures: list[str] = ["other"]
    predicates: dict[str, Predicate]
    combined_predicates: list[Combined] = []
    measure_nouns: dict[str, Measure] = {}
    copula_predicate: str | None = None
    presence_verbs: list[str] = ["be"]
    location_preps: list[str]
    location_heads: list[str]
    directions: list[str]
    attribution: Attribution
    modality: Modality
    titles: list[str]
    synonyms: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    person_token_similarity: int = 85
    name_similarity: int = 92
    demonyms: dict[str, str]
    countries: list[str] = []
    prefilter: Prefilter = Prefilter()

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    @model_validator(mode="after")
    def _known_measures(self) -> Lexicon:
        """A predicate's measure must be one of ``measures``: the set stays closed."""
        for name, entry in self.predicates.items():
            if entry.measure is not None and entry.measure not in self.measures:
                raise ValueError(
                    f"predicates.{name}.measure {entry.measure!r} is not listed in measures"
                )
        return self

    @cached_property
    def digest(self) -> str:
        """Content hash: caches and graphs record which lexicon produced them."""
        blob = json.dumps(self.model_dump(by_alias=True), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def measure_of(self, predicate: str) -> str:
        """The measure a count under ``predicate`` states; ``other`` when the lexicon says
        nothing more than that people were counted."""
        entry = self.predicates.get(predicate)
        return entry.measure if entry is not None and entry.measure else "other"

    @cached_property
    def verb_predicates(self) -> dict[str, str]:
        return _index((name, p.verbs) for name, p in self.predicates.items())

    @cached_property
    def noun_predicates(self) -> dict[str, str]:
        return _index((name, p.nouns) for name, p in self.predicates.items())

    @cached_property
    def place_verb_predicates(self) -> dict[str, str]:
        return _index((name, p.place_verbs) for name, p in self.predicates.items())

    @cached_property
    def phrase_predicates(self) -> dict[str, str]:
        """Verb + particle or object ("take part", "turn out") -> predicate."""
        return _index((name, p.phrases) for name, p in self.predicates.items())

    @cached_property
    def hedge_kinds(self) -> dict[tuple[str, ...], str]:
        """Hedge phrase as a lowercase token tuple -> its kind, for longest-match lookup."""
        table: dict[tuple[str, ...], str] = {}
        for kind in ("min", "max", "approx_max", "approx"):
            for phrase in getattr(self.hedges, kind):
                table.setdefault(tuple(phrase.lower().split()), kind)
        return table

    @cached_property
    def demonym_index(self) -> dict[str, str]:
        """Lowercase nationality word (singular and plural) -> country name."""
        index: dict[str, str] = {}
        for word, country in self.demonyms.items():
            low = word.lower()
            index[low] = country
            index[low + "s"] = country
        return index

    @cached_property
    def country_set(self) -> frozenset[str]:
        names = set(self.countries) | set(self.demonyms.values())
        for canonical, alts in self.aliases.items():
            if canonical in names:
                names.update(alts)
        return frozenset(n.lower() for n in names)

    @cached_property
    def alias_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for canonical, alts in self.aliases.items():
            for alt in [canonical, *alts]:
                index[alt.lower()] = canonical
        return index

    @cached_property
    def title_set(self) -> frozenset[str]:
        return frozenset(t.lower() for t in self.titles)

    @cached_property
    def attribution_verbs(self) -> frozenset[str]:
        return frozenset(self.attribution.verbs)


def _index(pairs: Any) -> dict[str, str]:
    """First listed predicate wins for a trigger word that appears twice."""
    out: dict[str, str] = {}
    for name, words in pairs:
        for word in words:
            out.setdefault(word.lower(), name)
    return out


def default_data() -> dict[str, Any]:
    text = resources.files("claimrec").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def merge(
    base: dict[str, Any], extra: dict[str, Any], *, replace: frozenset[str]
) -> dict[str, Any]:
    """Mappings merge key by key, lists extend without duplicates; ``replace`` names top-level
    sections taken from ``extra`` as they are."""
    out = dict(base)
    for key, value in extra.items():
        if key in replace or key not in out:
            out[key] = value
        elif isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = merge(out[key], value, replace=frozenset())
        elif isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def load_lexicon(config: Path | None = None) -> Lexicon:
    """The packaged lexicon, extended by ``config`` when given."""
    data = default_data()
    if config is not None:
        extra = _read_config(config)
        replace = frozenset(extra.pop("replace", None) or [])
        data = merge(data, extra, replace=replace)
    try:
        return Lexicon.model_validate(data)
    except ValidationError as exc:
        where = f"config file '{config}'" if config else "packaged lexicon"
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"{where}: {first['msg'].lower()} at '{loc}' (see the packaged lexicon.yaml for the "
            "expected keys)"
        ) from None


def _read_config(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file not found: '{path}'") from None
    except IsADirectoryError:
        raise ConfigError(f"config '{path}' is a folder; give a YAML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file '{path}': {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(
            f"config file '{path}' is not valid YAML{where}: fix the syntax"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"config file '{path}' must be a YAML mapping of lexicon sections")
    return data
