# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv as needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATASET := datasets/thurrock-childrens-services-scrutiny
SOURCES ?= ../shared/seeds

.PHONY: demo test install dev schemas extract clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

demo: install
	$(BIN)/scrutiny-data info $(DATASET)

test: dev
	$(BIN)/python -m pytest -q

schemas: install
	$(BIN)/scrutiny-data schema --write

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
