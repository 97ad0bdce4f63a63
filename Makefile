# Who to Call: two commands for a fresh machine, `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0

.PHONY: serve build test test-tools status lighthouse bench bench-search clean

## serve: set up .venv, live preview of the whole site on http://127.0.0.1:8000 (rebuilds on every edit)
serve: $(VENV)/.build-deps
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: mkdocs build --strict (every language, cards, offline zip) into a fresh folder, then swap it for site/
build: $(VENV)/.build-deps
	$(PY) scripts/build.py

## test: the whole suite (translation status, build, HTML, browser, PDF checks); installs Chromium,
## Java, Node and fonts for the tests when missing (scripts/test_tools.py)
test: $(VENV)/.test-deps test-tools node_modules/.installed
	$(PY) scripts/translation_status.py
	$(PY) -m pytest

## status: translation status table
status: $(VENV)/.build-deps
	$(PY) scripts/translation_status.py

## lighthouse: Lighthouse scores table (needs network access to npm once)
lighthouse: build
	$(PY) scripts/lighthouse.py

## bench: full build vs. bare MkDocs build, one run, ratio and sizes
bench: $(VENV)/.test-deps
	$(PY) scripts/benchmark.py

## bench-search: search quality per language (tests/search_queries.yml in Chromium, online and offline): top-1, top-3
bench-search: $(VENV)/.test-deps
	$(PY) scripts/search_quality.py --misses

$(VENV)/.build-deps: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

test-tools: $(VENV)/.test-deps
	$(PY) scripts/test_tools.py

node_modules/.installed: package.json package-lock.json | test-tools
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

clean:
	rm -rf site .site-* $(VENV) node_modules .pytest_cache
