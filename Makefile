# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv as needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATASET := datasets/thurrock-childrens-services-scrutiny
SOURCES ?= ../shared/seeds

.PHONY: demo test install dev schemas extract clean bench fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

# Show the validation report of the bundled dataset (errors found, exit 1, do not stop here: publish
# then refuses and says why), publish every format to out/ and list what was written.
# `make demo PUBLISH_FLAGS=--allow-errors` publishes even so, with the report in out/.
demo: install
	$(BIN)/scrutiny-data validate $(DATASET) || [ $$? -eq 1 ]
	$(BIN)/scrutiny-data publish $(DATASET) --out out $(PUBLISH_FLAGS)

test: dev
	$(BIN)/python -m pytest -q

# Time scrutiny-data validate against pandera, frictionless and pyarrow's CSV read on ~1M attendance rows
# (plus ~1M kpi and complaint rows); `make bench BENCH_FLAGS="--scale 10"` also validates ten times that.
BENCH_ROWS ?= 1000000
bench: install
	$(BIN)/python benchmarks/run.py --rows $(BENCH_ROWS) --out benchmarks/results.json $(BENCH_FLAGS)

# A longer hunt with the loader fuzz tests than `make test` runs (40 examples each there).
FUZZ_EXAMPLES ?= 2000
fuzz: dev
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/robustness/test_fuzz.py

schemas: install
	$(BIN)/scrutiny-data schema --write

extract: install
	$(BIN)/scrutiny-data extract $(SOURCES) --out $(DATASET)

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
