# The two commands that matter: `make serve` and `make test`. Each sets up what it needs.
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
export NO_MKDOCS_2_WARNING = 1

.PHONY: serve build test check markdown browser golden clean

serve: $(VENV)/.site  ## set up and serve the dossier at http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve

build: $(VENV)/.site  ## build the online site into site/
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.site  ## the editor's report: errors, dropped boilerplate, unknown names
	$(PY) -m generator check

markdown: $(VENV)/.site  ## write the generated Markdown to build/markdown/ for inspection
	$(PY) -m generator build

test: $(VENV)/.dev browser  ## set up and run every test, browser tests included
	$(PY) -m pytest

golden: $(VENV)/.dev  ## regenerate the golden files after a deliberate change; review the diff
	$(PY) -m tests.golden

browser:  ## Chromium for the browser tests, from Debian's packages
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

$(VENV)/.site: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf site build dist
