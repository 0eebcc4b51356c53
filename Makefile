# Champions: `make run` starts the portal, `make test` checks everything. Both work on a fresh
# machine with nothing but python3 (3.11+): the virtual environment is created here.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
STAMP := $(VENV)/.installed
PORT ?= 8000
# The environment's DJANGO_SETTINGS_MODULE beats pytest.ini, so name the test settings here.
PYTEST_ARGS ?= -n 2 -q --ds=champions.config.settings.test
export DJANGO_SETTINGS_MODULE ?= champions.config.settings.base
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: run install setup demo worker web test lint fmt check bench bench-grievances load translations openapi clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(UV) pip sync --quiet --python $(BIN)/python requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Migrate and load reference + demo data (every step is idempotent).
setup: install
	champions setup

## Start the web server (granian) and the task worker at http://127.0.0.1:$(PORT).
run: setup
	@scripts/serve $(PORT)

web: install
	granian --interface wsgi --host 127.0.0.1 --port $(PORT) champions.config.wsgi:application

worker: install
	champions db_worker

lint: install
	ruff check .
	ruff format --check .
	PYTHONPATH=src lint-imports --no-cache
	python scripts/check_import_cycles.py
	python scripts/check_sizes.py
	mypy
	DJANGO_SETTINGS_MODULE=champions.config.settings.test champions makemigrations --check --dry-run
	SECRET_KEY=check-deploy-$$(printf '%050d' 0) DATABASE_URL=sqlite:///var/check.sqlite3 \
	  PRIVACY_OFFICER_EMAIL=privacy@check-deploy.invalid \
	  DJANGO_SETTINGS_MODULE=champions.config.settings.production champions check --deploy --fail-level WARNING
	python scripts/translations.py check
	python scripts/check_templates.py

fmt: install
	ruff format .
	ruff check --fix .

## Lint, then the whole suite on SQLite, and again on PostgreSQL when DATABASE_URL is set.
test: install
	scripts/ensure-system-packages
	$(MAKE) --no-print-directory lint
	env -u DATABASE_URL pytest $(PYTEST_ARGS)
	@if [ -n "$$DATABASE_URL" ]; then echo "--- again on PostgreSQL"; pytest $(PYTEST_ARGS); fi

openapi: install
	python scripts/openapi_snapshot.py

translations: install
	python scripts/translations.py update

bench: setup
	python scripts/bench.py
	python scripts/bench_grievances.py
	python scripts/bench_triage.py
	python scripts/bench_assistant.py
	python scripts/bench_network.py
	python scripts/bench_insights.py

## 1M grievances on PostgreSQL, lodging and queue timings, the SLA sweep, and django-helpdesk.
bench-grievances: setup
	python scripts/bench_grievances.py

## A bounded Locust run on loopback (LOAD_USERS=50, LOAD_TIME=60s): owners, officers, visitors,
## assistant questions; p95 per endpoint in var/load/result_stats.csv. Not for a shared CI run.
load: setup
	scripts/load/run

clean:
	rm -rf $(VENV) var
