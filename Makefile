# The README's two commands: `make run` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
PORT ?= 8765
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench bench-breaks bench-camera bench-server clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,server]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/unknot serve --open --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -n auto --cov

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/exports.py

bench-breaks: $(STAMP)
	$(BIN)/python bench/breaks.py

bench-camera: $(STAMP)
	$(BIN)/python bench/camera.py

# Server mode under load on the local PostgreSQL (.ci/postgres.sh); ARGS=--reuse keeps the seeded database.
bench-server: $(STAMP)
	$(BIN)/python bench/server.py $(ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis .coverage .coverage.*
