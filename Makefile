# Two commands on a fresh machine:
#   make serve   installs everything and serves the app on SQLite at http://127.0.0.1:8000
#   make test    installs everything and runs the whole suite on SQLite and on PostgreSQL
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# Local secret, made once and kept out of git; production sets SECRET_KEY in the environment.
SECRET_FILE := .secret_key
export SECRET_KEY ?= $(shell [ -f $(SECRET_FILE) ] || python3 -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_FILE); cat $(SECRET_FILE))

# PostgreSQL for the second run of the suite: the machine's cluster, a role of our own.
PG_VERSION ?= 15
PG_USER := maturity
PG_URL := postgres://$(PG_USER):$(PG_USER)@127.0.0.1:5432/$(PG_USER)

APT_RUNTIME := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 nginx
APT_TEST := chromium chromium-driver poppler-utils postgresql redis-server

.PHONY: help serve install test ci lint check migrations-check test-sqlite test-postgres postgres \
        redis test-redis mutation \
        system-packages system-packages-test messages stylesheet lighthouse clean

help:
	@echo "make serve   install everything and serve the app on http://$(HOST):$(PORT) (SQLite)"
	@echo "make test    install everything and run the whole suite (SQLite, PostgreSQL, Chromium)"

# The production stack (see deploy/): nginx in front, gunicorn behind it, the report worker.
serve: install
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) serve --listen $(HOST):$(PORT)

install: system-packages $(VENV)/.installed node_modules/.installed stylesheet messages

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The pages' one stylesheet, from npm packages (Bootstrap's SCSS, sass, PurgeCSS): rebuilt when a
# template, the product's CSS or the Python code (widget classes) changes, since PurgeCSS keeps only
# the selectors they name. crispy-bootstrap5's form templates are read from the virtualenv.
STYLESHEET := build/css/site.css
STYLESHEET_SOURCES := $(wildcard frontend/* static/css/*.css static/js/*.js) \
	$(shell find templates assessment -name '*.html' -o -name '*.py' -not -path '*/migrations/*')
CRISPY_TEMPLATES = $(shell $(PY) -c "import crispy_bootstrap5, os; print(os.path.join(os.path.dirname(crispy_bootstrap5.__file__), 'templates'))")

stylesheet: $(STYLESHEET)

$(STYLESHEET): node_modules/.installed $(VENV)/.installed $(STYLESHEET_SOURCES)
	node frontend/build-css.mjs $(CRISPY_TEMPLATES)

messages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

# Debian packages, installed only when missing (root on these machines; otherwise say what to do).
system-packages:
	@missing=$$(for p in $(APT_RUNTIME); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install: $$missing"; exit 1; fi; fi

system-packages-test:
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install: $$missing"; exit 1; fi; fi

postgres: system-packages-test
	@if ! pg_lsclusters -h | awk '$$1 == "$(PG_VERSION)" && $$2 == "main" {print $$4}' | grep -q online; then \
	  pg_ctlcluster --skip-systemctl-redirect $(PG_VERSION) main start; fi
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
	@su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = '$(PG_USER)'\"" | grep -q 1 || \
	  su postgres -c "psql -qc \"CREATE ROLE $(PG_USER) LOGIN CREATEDB PASSWORD '$(PG_USER)'\""
	@su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = '$(PG_USER)'\"" | grep -q 1 || \
	  su postgres -c "createdb -O $(PG_USER) $(PG_USER)"

# Redis for the shared-cache tests: a private instance on its own port, nothing written to disk.
REDIS_PORT ?= 6390
REDIS_URL_TEST := redis://127.0.0.1:$(REDIS_PORT)/0

redis: system-packages-test
	@redis-cli -p $(REDIS_PORT) ping >/dev/null 2>&1 || \
	  redis-server --port $(REDIS_PORT) --bind 127.0.0.1 --save '' --appendonly no --daemonize yes
	@for i in $$(seq 1 30); do redis-cli -p $(REDIS_PORT) ping >/dev/null 2>&1 && break; sleep 0.2; done

test-redis: install redis
	REDIS_URL=$(REDIS_URL_TEST) $(PY) -m pytest tests/test_shared_cache.py tests/workshops/test_throttling.py tests/workshops/test_participants.py -k "shared or codes or guessing or lock or tap"

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

migrations-check: check

test-sqlite: install system-packages-test
	$(PY) -m pytest

test-postgres: install postgres
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser"
	@# Last, as it stops and restarts the cluster: an outage answered with 503, then recovery.
	DATABASE_URL=$(PG_URL) OUTAGE_TEST=1 PG_VERSION=$(PG_VERSION) $(PY) -m pytest tests/test_outage.py

test: lint check test-sqlite test-redis test-postgres

# Mutation testing of the rules, a run of its own (about five minutes on two cores), not part of
# `make test`: mutmut on the domain and the benchmark rules, then the questionnaire's points (data,
# which mutmut cannot mutate); each prints its score, and the surviving mutants are listed.
mutation: install
	$(VENV)/bin/pip install --quiet -e '.[test,mutation]'
	rm -rf mutants
	CI=true $(VENV)/bin/mutmut run --max-children 2
	$(PY) -m tests.mutation.score
	$(PY) -m tests.mutation.questionnaire_points --jobs 2

# Lighthouse (npm) in Debian's headless Chromium against the served pages, phone and desktop: the
# four category scores and the layout shift per page. A measurement, not a test (about 3 minutes).
lighthouse: install
	$(PY) -m tests.bench.lighthouse

ci: test

clean:
	rm -rf $(VENV) node_modules build staticfiles .pytest_cache .ruff_cache
