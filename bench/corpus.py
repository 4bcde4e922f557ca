"""A deterministic synthetic corpus for the benchmark.

Articles are recombined from the sentences of the project's own articles
(``fixtures/corpus/**`` and ``seeds/``), so the extractor meets the kind of text it
is built for: counts with hedges and ranges, attributions, places, dates. Each
article takes most of its sentences from one source story and the rest from any,
then varies them:

* numbers: every figure in a sentence is scaled by one random factor (so ranges stay
  ordered) and rounded like the original (10,000 stays round, 43,218 stays precise);
  years, dates, URLs, phone numbers, percentages and money are left alone;
* hedges: "about", "at least", "up to" ... before a figure are swapped for another
  hedge or dropped;
* names and places: the invented people and towns of the fixtures are replaced,
  consistently within one article, from small pools, so entities recur across
  articles as they do in a real news folder.

About 60% of the articles start with YAML front matter (title, outlet, url and, for most,
a ``published`` date) and are written as ``.md``; the rest are bare ``.txt``.

Article ``i`` depends only on ``(seed, i)``: the same seed gives a byte-identical folder,
and the first 2,000 articles of an 8,000-article corpus are the 2,000-article corpus.

    python bench/corpus.py OUT_DIR -n 2000 [--seed 20250601]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "fixtures" / "corpus", ROOT / "seeds")
DEFAULT_SEED = 20250601
# Short news briefs: 10,000 full-length articles cannot be parsed even once by the baseline
# within make bench's 10-minute budget on a 2-core machine.
MIN_SENTENCES, MAX_SENTENCES = 3, 6

# --------------------------------------------------------------------------- pools

FIRST_NAMES = {
    # fixture first name -> replaced from FIRST_POOL
    "Radu",
    "Ilyas",
    "Samir",
    "Mohammed",
    "Muhammad",
    "Vera",
    "Goran",
    "Daniel",
    "Elena",
    "Alina",
    "Petra",
    "Anton",
}
SURNAMES = {
    "Petrescu",
    "Korda",
    "Nassar",
    "Haddad",
    "Ilic",
    "Vukic",
    "Marsh",
    "Voss",
    "Lindqvist",
    "Reszke",
}
PLACES = {
    "Volsk",
    "Sarov",
    "Ulmen",
    "Oskel",
    "Marren",
    "Selvan",
    "Veloria",
    "Drenov",
    "Korvath",
    "Qaroun",
    "Ain Tarif",
}

FIRST_POOL = (
    "Adrian",
    "Yasmin",
    "Bogdan",
    "Carmen",
    "Dmitri",
    "Dalia",
    "Emil",
    "Farah",
    "Olga",
    "Ivan",
    "Jana",
    "Karim",
    "Lena",
    "Tibor",
    "Ljuba",
    "Omar",
    "Oksana",
    "Radek",
    "Rania",
    "Stefan",
    "Tamara",
    "Bruno",
    "Yusuf",
    "Zofia",
    "Luca",
    "Agnes",
    "Matej",
    "Vesna",
)
SURNAME_POOL = (
    "Andrescu",
    "Balan",
    "Cerny",
    "Dragan",
    "Esposito",
    "Farkas",
    "Gashi",
    "Horvat",
    "Ionescu",
    "Jovanovic",
    "Kovac",
    "Lazar",
    "Mansour",
    "Novak",
    "Obradovic",
    "Popa",
    "Qureshi",
    "Radic",
    "Salem",
    "Tomescu",
    "Ursu",
    "Vidal",
    "Wojcik",
    "Yilmaz",
    "Zoric",
    "Hadzic",
    "Karimi",
    "Molnar",
    "Nemeth",
    "Sorensen",
)
PLACE_POOL = (
    "Aldova",
    "Brennik",
    "Carsk",
    "Dunmore",
    "Elsk",
    "Falvo",
    "Grevna",
    "Holmvik",
    "Istra",
    "Jorvik",
    "Kalma",
    "Lorsk",
    "Mavrin",
    "Norvel",
    "Ostrava",
    "Pelmar",
    "Rudna",
    "Savik",
    "Tarnow",
    "Ulvik",
    "Varna",
    "Zelbor",
    "Bryn Tallis",
    "Port Ardan",
)
OUTLETS = (
    "Fenwick Bulletin",
    "Kestova Post",
    "Northern Ledger",
    "Gulf Tribune",
    "Daily Sentinel",
    "Ridge Observer",
    "Lusvania Daily",
    "The Capital Observer",
    "The Coastal Herald",
    "Postline",
    "Evening Record",
    "Quayside Ledger",
    "Valley Post",
    "River Radio",
)

HEDGES = (
    "",
    "",
    "",
    "about",
    "approximately",
    "around",
    "some",
    "an estimated",
    "roughly",
    "at least",
    "more than",
    "over",
    "up to",
    "as many as",
    "fewer than",
    "nearly",
    "almost",
    "close to",
)
_HEDGE_RE = re.compile(
    r"\b(an estimated|approximately|as many as|at least|more than|fewer than|close to|"
    r"roughly|around|nearly|almost|about|up to|some|over)\s+(?=\d)",
    re.IGNORECASE,
)
# A figure that stands alone: not part of a date, URL, model name, phone number, money
# or percentage.
_NUMBER_RE = re.compile(r"(?<![\w$€£/.:\-–])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%/:\-]|[.,]\d)")
_ABBREVIATIONS = frozenset(
    {"lt", "gen", "col", "maj", "sgt", "capt", "mr", "mrs", "ms", "dr", "st", "no", "vs", "u.s"}
)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z0-9])")
_FENCE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Pools:
    """Sentences of each source story, in a fixed order."""

    stories: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def everything(self) -> tuple[str, ...]:
        return tuple(s for _, sentences in self.stories for s in sentences)


def _body(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _FENCE.sub("", text, count=1)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; abbreviations ("Lt. Gen.") do not end a sentence."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start() + 1]
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        out.append(paragraph[start : match.end()].strip())
        start = match.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def _usable(sentence: str) -> bool:
    return len(sentence.split()) >= 5 and sentence.rstrip("\"”’'").endswith((".", "!", "?"))


def load_pools(sources: Sequence[Path] = SOURCES) -> Pools:
    """Every usable sentence of the source articles, grouped by story (the folder)."""
    stories: dict[str, list[str]] = {}
    for source in sources:
        for path in sorted(source.rglob("*")):
            if path.suffix.lower() not in {".txt", ".md"} or not path.is_file():
                continue
            story = path.parent.name
            body = _body(path.read_text(encoding="utf-8"))
            for paragraph in re.split(r"\n+", body):
                stories.setdefault(story, []).extend(
                    s for s in split_sentences(paragraph.strip()) if _usable(s)
                )
    if not stories:
        raise SystemExit(f"no source sentences under {', '.join(map(str, sources))}")
    return Pools(tuple((name, tuple(s)) for name, s in sorted(stories.items())))


# --------------------------------------------------------------------------- variation


def _round_like(original: str, value: float) -> int:
    digits = original.replace(",", "")
    n = int(digits)
    if n < 10:
        return max(1, round(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    significant = max(1, len(digits) - zeros)
    magnitude = 10 ** max(0, math.floor(math.log10(max(value, 1))) + 1 - significant)
    return max(1, round(value / magnitude) * magnitude)


def _format_like(original: str, n: int) -> str:
    if "," in original or n >= 10_000:
        return f"{n:,}"
    return str(n)


def _is_year(text: str) -> bool:
    return len(text) == 4 and "," not in text and 1900 <= int(text) <= 2100


def vary_numbers(sentence: str, rng: random.Random) -> str:
    """Scale every free-standing figure by one factor and swap the hedges before them."""
    factor = rng.uniform(0.55, 1.6)

    def number(match: re.Match[str]) -> str:
        text = match.group(1)
        preceding = sentence[max(0, match.start() - 8) : match.start()].lower()
        if _is_year(text) or preceding.endswith(("article ", "no. ", "route ")):
            return text
        return _format_like(text, _round_like(text, int(text.replace(",", "")) * factor))

    def hedge(match: re.Match[str]) -> str:
        new = rng.choice(HEDGES)
        if not new:
            return ""
        if match.group(1)[0].isupper():
            new = new[0].upper() + new[1:]
        return new + " "

    sentence = _HEDGE_RE.sub(hedge, sentence)
    sentence = _NUMBER_RE.sub(number, sentence)
    if sentence and sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    return sentence


def _names_re() -> re.Pattern[str]:
    words = sorted(FIRST_NAMES | SURNAMES | PLACES, key=lambda w: (-len(w), w))
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


_NAMES_RE = _names_re()


def _cast(rng: random.Random) -> dict[str, str]:
    """This article's replacement for every fixture name and place."""
    cast: dict[str, str] = {}
    for original in sorted(FIRST_NAMES):
        cast[original] = rng.choice(FIRST_POOL)
    cast["Muhammad"] = cast["Mohammed"]  # one person, two spellings
    for original in sorted(SURNAMES):
        cast[original] = rng.choice(SURNAME_POOL)
    for original in sorted(PLACES):
        cast[original] = rng.choice(PLACE_POOL)
    return cast


def vary_names(sentence: str, cast: dict[str, str]) -> str:
    return _NAMES_RE.sub(lambda m: cast[m.group(1)], sentence)


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class Article:
    name: str  # file name, with extension
    text: str


def article(i: int, pools: Pools, seed: int = DEFAULT_SEED) -> Article:
    """Article number ``i``: a function of ``(seed, i)`` and the source sentences only."""
    rng = random.Random(f"claimrec-bench:{seed}:{i}")
    story, home = rng.choice(pools.stories)
    everything = pools.everything
    cast = _cast(rng)
    count = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
    used: set[str] = set()
    sentences: list[str] = []
    while len(sentences) < count:
        source = rng.choice(home if rng.random() < 0.75 else everything)
        if source in used:  # an article never repeats a sentence
            continue
        used.add(source)
        sentences.append(vary_names(vary_numbers(source, rng), cast))
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    body = "\n\n".join(paragraphs) + "\n"
    stem = f"a{i:05d}_{story}"
    if rng.random() < 0.6:
        words = re.sub(r"[^\w\s,'-]", "", paragraphs[0]).lstrip("- ").split()[:9]
        title = " ".join(words).rstrip(",")
        outlet = rng.choice(OUTLETS)
        slug = "-".join(w.lower() for w in words[:5])
        lines = [
            "---",
            f'title: "{title}"',
            f"outlet: {outlet}",
            f"url: https://example.org/{outlet.lower().replace(' ', '-')}/{i:05d}/{slug}",
        ]
        if rng.random() < 0.85:
            published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
            lines.append(f"published: {published.isoformat()}")
        lines.append("---")
        return Article(f"{stem}.md", "\n".join(lines) + "\n" + body)
    return Article(f"{stem}.txt", body)


def write_corpus(
    folder: Path, n: int, *, seed: int = DEFAULT_SEED, pools: Pools | None = None
) -> list[Path]:
    """Write articles ``0 .. n-1`` into ``folder`` (created; must not hold other articles)."""
    pools = pools or load_pools()
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(n):
        item = article(i, pools, seed)
        path = folder / item.name
        path.write_bytes(item.text.encode("utf-8"))
        paths.append(path)
    return paths


def touch_corpus(folder: Path, fraction: float = 0.01, *, seed: int = DEFAULT_SEED) -> list[Path]:
    """Change ``fraction`` of the articles (at least one), chosen deterministically, by
    appending one sentence with a new figure. Returns the changed files, sorted."""
    files = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md"})
    if not files:
        raise ValueError(f"no articles in {folder}")
    rng = random.Random(f"claimrec-bench-touch:{seed}:{len(files)}")
    chosen = sorted(rng.sample(files, max(1, round(len(files) * fraction))))
    for k, path in enumerate(chosen):
        who = f"{rng.choice(FIRST_POOL)} {rng.choice(SURNAME_POOL)}"
        figure = 1_000 + 37 * k + rng.randrange(9_000)
        sentence = (
            f"{who}, a regional official, said {figure:,} more people had been evacuated "
            f"from {rng.choice(PLACE_POOL)} on Friday."
        )
        text = path.read_text(encoding="utf-8")
        path.write_bytes((text.rstrip("\n") + "\n\n" + sentence + "\n").encode("utf-8"))
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", type=int, default=200, help="number of articles (default 200)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    paths = write_corpus(args.folder, args.n, seed=args.seed)
    print(f"wrote {len(paths)} articles to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
