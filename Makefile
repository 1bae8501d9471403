# Exchange Portal: every set-up step lives here, so a fresh machine needs only
# `make run` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
APT_PACKAGES_RUN := gettext fonts-noto-cjk
APT_PACKAGES_TEST := $(APT_PACKAGES_RUN) chromium

.PHONY: run test check deps deps-dev system-deps-run system-deps-test services messages static worker beat bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# Test and check tools (pytest, Playwright, ruff, import-linter, pre-commit): never in `make run`.
$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

deps: $(VENV)/.installed node_modules/.installed messages

deps-dev: $(VENV)/.installed-dev deps

messages: $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

system-deps-run:
	@APT_PACKAGES="$(APT_PACKAGES_RUN)" scripts/apt_install.sh

system-deps-test:
	@APT_PACKAGES="$(APT_PACKAGES_TEST)" scripts/apt_install.sh

services:
	@scripts/ensure_services.sh

run: system-deps-run deps
	@if [ -n "$$DATABASE_URL" ]; then scripts/ensure_services.sh && $(BIN)/python scripts/ensure_database.py; fi
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	@echo "Admin: http://127.0.0.1:$(PORT)/admin/   Site: http://127.0.0.1:$(PORT)/"
	@if [ -n "$$DATABASE_URL" ] && [ -n "$$REDIS_URL$$CELERY_BROKER_URL" ]; then \
		echo "PostgreSQL and Redis configured: starting web, Celery worker and beat (Procfile)"; \
		PORT=$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile.dev; \
	else \
		echo "No DATABASE_URL/REDIS_URL: SQLite, tasks run in-process"; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT); \
	fi

# The quick checks, before any test: lint, format, and the layer contracts of the apps.
check: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: system-deps-test deps-dev check services
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: deps-dev services
	$(BIN)/python bench/export_roster.py
	$(BIN)/python bench/notifications.py
	$(BIN)/python bench/load.py

worker: deps
	$(BIN)/celery -A exchange_portal worker -l info

beat: deps
	$(BIN)/celery -A exchange_portal beat -l info

clean:
	rm -rf $(VENV) node_modules staticfiles
