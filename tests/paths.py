"""Where the test data lives."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
CORPUS = FIXTURES / "corpus"
GOLDENS = ROOT / "tests" / "goldens"
