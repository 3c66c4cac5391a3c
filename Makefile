# Two commands for a fresh machine: `make book` and `make test`.
# Both create .venv when it is missing and install everything into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BOOK_FLAGS := -W -n --keep-going
HOST ?= 127.0.0.1
PORT ?= 8000
SITE_CHECKERS := tests/npm/node_modules/.installed

.PHONY: book test test-js serve install clean lab notebooks chromium java benchmark mutation pdf

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . $(BOOK_FLAGS)

test: $(STAMP) chromium java $(SITE_CHECKERS)
	$(BIN)/python -m pytest

# The browser scripts' rules in Node alone (make test runs them too, via tests/site/test_scripts.py).
test-js: $(STAMP)
	node --test tests/js/*.test.js

# The whole book as one PDF, _build/pdf/hwc-selfcheck.pdf: a single-page build printed by the
# Chromium the browser tests use. Not part of `make book`, which needs no browser. To offer it on
# the site, build the site after it with HWC_PDF=_build/pdf/hwc-selfcheck.pdf (see pages.yml).
pdf: $(STAMP) chromium
	$(BIN)/jupyter-book build . --builder singlehtml $(BOOK_FLAGS)
	$(BIN)/python -m hwc_selfcheck.site.pdf _build/singlehtml _build/pdf/hwc-selfcheck.pdf

# Browser tests drive Debian's chromium with Playwright (Playwright's own browser
# download cannot work here). Installed with apt when missing and run as root;
# otherwise this says how to get one, and the browser tests skip (they fail in CI).
chromium:
	@if [ -n "$$HWC_CHROMIUM" ] || command -v chromium >/dev/null 2>&1 \
	    || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "No Chromium found: browser tests will be skipped. Get one with 'sudo apt-get install chromium'"; \
	  echo "(Debian/Ubuntu), or set HWC_CHROMIUM=/path/to/chromium."; \
	fi

# Site checkers from the npm registry, pinned by tests/npm/package-lock.json:
# pa11y (HTML_CodeSniffer, driven with Debian's chromium, so no browser
# download) and the W3C Nu HTML checker (vnu.jar, run with the system's Java;
# --ignore-scripts skips its download of a Java of its own).
$(SITE_CHECKERS): tests/npm/package.json tests/npm/package-lock.json
	cd tests/npm && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Java for the Nu HTML checker: installed with apt when missing and run as root,
# like chromium; otherwise that test is skipped (it fails in CI).
java:
	@if command -v java >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Java (default-jre-headless) for the HTML checker..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
	  echo "No Java found: the HTML checker's test will be skipped. Get one with 'sudo apt-get install default-jre-headless'."; \
	fi

serve: book
	@echo "Serving _build/html on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python -m http.server --bind $(HOST) --directory _build/html $(PORT)

clean:
	rm -rf _build

# JupyterLab for filling in the self-assessment notebooks on your own computer.
# JupyterLab refuses to start as root unless told to (containers and some
# shared machines run everything as root), so root gets --allow-root.
# LAB_ARGS adds JupyterLab options, e.g. LAB_ARGS="--port=8890 --no-browser".
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --notebook-dir=notebooks $(LAB_ARGS) \
	  $$(if [ "$$(id -u)" = 0 ]; then echo --allow-root; fi)

# Maintainers: re-run the notebooks on the example data and store their outputs
# (nbval in `make test` then proves the stored outputs are still true). They run
# as copies in a temporary folder, so the reports they save never land beside
# (or over) a person's own files in notebooks/; only the .ipynb files come back.
notebooks: $(STAMP)
	@scratch=$$(mktemp -d) && cp notebooks/*.ipynb "$$scratch"/ \
	  && (cd "$$scratch" && HWC_SELFCHECK_EXAMPLE_ONLY=1 "$(CURDIR)/$(BIN)/jupyter" nbconvert --to notebook --execute \
	      --inplace --ExecutePreprocessor.store_widget_state=False *.ipynb) \
	  && cp "$$scratch"/*.ipynb notebooks/; status=$$?; rm -rf "$$scratch"; exit $$status

# Measure the site against its budgets: page weight and requests, Lighthouse
# (installed from the npm registry into benchmarks/node_modules), build times.
benchmark: $(STAMP) chromium
	$(BIN)/python benchmarks/site_benchmark.py

# Maintainers: mutation testing of the rules modules, each against its own tests
# (tests/mutation.py; minutes, so not part of `make test`). MODULES=tiers limits
# it to modules whose path contains a word. See "Mutation testing" in CONTRIBUTING.md.
MUTATION_STAMP := $(VENV)/.mutation-installed
$(MUTATION_STAMP): tests/requirements-mutation.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r tests/requirements-mutation.txt
	@touch $(MUTATION_STAMP)

mutation: $(MUTATION_STAMP)
	$(BIN)/python tests/mutation.py $(MODULES)
