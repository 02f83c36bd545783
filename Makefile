# The two commands of the README:
#   make run   – set up everything and serve the platform with demo data on http://127.0.0.1:5000
#   make test  – set up everything and run the whole test suite
# Other targets: make test-fast (no browser or slow tests), make test-pg (suite against PostgreSQL, SURVEY_TEST_DATABASE_URL), make bench, make lint.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000
AXE_VERSION := 4.14.1
# pytest-xdist with one worker more than the cores: a worker spends part of its time waiting for a browser or
# a server it started (the 2-worker run kept 2 cores 70 % busy, 8:00 min; 3 workers 7:33). A test file stays on
# one worker, and the files are handed out longest first (tests/conftest.py, longest_files_first).
# PARALLEL= runs serially.
PARALLEL ?= -n $(shell expr $$(nproc) + 1) --dist loadfile --no-loadscope-reorder
# tests marked exclusive (they restart a server every worker shares) run afterwards in one process; on a
# database where none applies, pytest collects nothing (exit code 5), which is no failure

.PHONY: run test test-fast test-pg setup setup-test catalogs database system-deps browser-deps lint bench

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.app-installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/.app-installed
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

catalogs: $(VENV)/.app-installed
	$(FLASK) translate compile >/dev/null

setup: $(VENV)/.app-installed catalogs system-deps

database: setup
	$(FLASK) db upgrade
	$(FLASK) demo load

# the demo's accounts are printed once the server answers, below its start-up lines; links the platform hands
# out (a poll's QR code, an invitation's address) point at the address it serves on, unless SURVEY_BASE_URL says
# otherwise
run: setup
	$(FLASK) db upgrade
	$(FLASK) demo load --save $(VENV)/demo-accounts.txt
	$(FLASK) demo show-when-up http://$(HOST):$(PORT) $(VENV)/demo-accounts.txt & \
	SURVEY_BASE_URL="$${SURVEY_BASE_URL:-http://$(HOST):$(PORT)}" SURVEY_JOBS_EMBEDDED=1 \
	  exec $(FLASK) run --host $(HOST) --port $(PORT)

# Debian packages, installed with apt-get when missing (root needed for that, as on CI). The platform's PDFs
# (WeasyPrint) need Pango, HarfBuzz and fonts: DejaVu for Latin, Cyrillic, Arabic and Farsi, Abyssinica SIL for the
# Ge'ez script of Tigrinya (DejaVu has none: a letter's Tigrinya line would print as boxes); the suite needs Debian's Chromium for the browser tests (never
# a downloaded browser), redis-server for the tests of production's job queue and throttle, and poppler-utils
# (pdftotext, pdfinfo) to read the PDFs back as a reader would.
RUN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 libglib2.0-0 \
  fonts-dejavu-core fonts-sil-abyssinica
TEST_PACKAGES := chromium redis-server poppler-utils
define install-missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian's $$(echo $$missing) ($(2))"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $$missing >/dev/null; \
	fi
endef

system-deps:
	$(call install-missing,$(RUN_PACKAGES),for the PDFs)

# and axe-core from the npm registry
browser-deps: system-deps
	$(call install-missing,$(TEST_PACKAGES),for the tests)
	@test -f .cache/axe/axe.min.js || { mkdir -p .cache/axe && cd .cache/axe && \
	  npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
	  tar -xzf axe-core-$(AXE_VERSION).tgz --strip-components=1 package/axe.min.js package/LICENSE && \
	  rm axe-core-$(AXE_VERSION).tgz; }

setup-test: $(VENV)/.dev-installed catalogs browser-deps
	$(BIN)/python -c "from analysis.privacy.scrub import warm_cache; warm_cache()"

test: setup-test
	$(BIN)/pytest -q $(PARALLEL) -m "not exclusive"
	$(BIN)/pytest -q -m "exclusive" || test $$? -eq 5

# everything but the browser and slow tests: the quick check while working
test-fast: $(VENV)/.dev-installed catalogs
	$(BIN)/pytest -q $(PARALLEL) -m "not browser and not slow and not exclusive"

test-pg: setup-test
	@test -n "$$SURVEY_TEST_DATABASE_URL" || { echo "Set SURVEY_TEST_DATABASE_URL to a PostgreSQL database"; exit 2; }
	$(BIN)/pytest -q $(PARALLEL) -m "not browser and not exclusive"
	$(BIN)/pytest -q -m "exclusive and not browser" || test $$? -eq 5

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check survey forms analysis tests bench
	$(BIN)/ruff format --check .

bench: $(VENV)/.dev-installed catalogs
	$(BIN)/python -m bench
