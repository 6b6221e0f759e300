# Two commands for a newcomer: `make run` and `make test` (README, quick start).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck check install migrate seed msg clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	$(BIN)/python -m bot db upgrade

seed: migrate
	$(BIN)/python -m bot scheduler import scheduler/examples/usti.yml

run: seed
	$(BIN)/python -m bot run

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

check: test lint typecheck

msg: $(STAMP)
	$(BIN)/python -m bot i18n generate

bench: $(STAMP)
	$(BIN)/python bench/nlu.py
	$(BIN)/python bench/scheduler.py
	$(BIN)/python bench/broadcast.py
	$(BIN)/python bench/channels.py
	$(BIN)/python bench/graph_client.py
	$(BIN)/python bench/inbox.py
	$(BIN)/python bench/inbox_adds.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
