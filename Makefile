# Two commands for a fresh machine: `make book` and `make test`.
# Both create .venv when it is missing and install everything into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BOOK_FLAGS := -W -n --keep-going
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: book test serve install clean lab notebooks

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . $(BOOK_FLAGS)

test: $(STAMP)
	$(BIN)/python -m pytest

serve: book
	@echo "Serving _build/html on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python -m http.server --bind $(HOST) --directory _build/html $(PORT)

clean:
	rm -rf _build

# JupyterLab for filling in the self-assessment notebooks on your own computer.
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --notebook-dir=notebooks

# Maintainers: re-run the notebooks on the example data and store their outputs
# (nbval in `make test` then proves the stored outputs are still true).
notebooks: $(STAMP)
	cd notebooks && HWC_SELFCHECK_EXAMPLE_ONLY=1 ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.store_widget_state=False *.ipynb
	rm -f notebooks/my-development-plan.html
