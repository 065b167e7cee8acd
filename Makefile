# Three commands: `make figures` (build the figures of the study in discourse.toml into
# figures/), `make check` (are the committed figures current? CI runs it) and `make test`.
# All set everything up on a fresh machine with only Python 3.11 and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: figures test check install clean benchmarks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

figures: $(STAMP)
	$(BIN)/discourse figures

check: $(STAMP)
	$(BIN)/discourse figures --check

test: $(STAMP)
	$(BIN)/python -m pytest -q

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
