# Exchange Portal: every set-up step lives here, so a fresh machine needs only
# `make run` or `make test`. Each step is skipped when its inputs did not change.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
APT_PACKAGES_RUN := gettext fonts-noto-cjk
# LibreOffice opens the exported workbooks in tests (tests/*/test_*libreoffice.py).
APT_PACKAGES_TEST := $(APT_PACKAGES_RUN) chromium libreoffice-calc-nogui
# wrk drives the load benchmark (bench/load.py).
APT_PACKAGES_BENCH := wrk

# Python packages are installed by uv from the lock files (every transitive pin; `make lock`
# writes them from requirements.txt and requirements-dev.txt). uv itself is pinned and
# installed into the virtualenv by its pip, so a machine needs nothing but python3.
# uv reads no pip configuration: it installs from PyPI unless UV_DEFAULT_INDEX says otherwise.
# `make run INSTALLER=pip` installs the same lock files with pip instead (slower).
UV_VERSION := 0.13.8
UV := $(BIN)/uv
UV_STAMP := $(VENV)/.uv-$(UV_VERSION)
INSTALLER ?= uv
ifeq ($(INSTALLER),pip)
INSTALL := $(BIN)/pip install --quiet -r
INSTALLER_READY := $(BIN)/python
else
INSTALL := $(UV) pip install --quiet --python $(BIN)/python -r
INSTALLER_READY := $(UV_STAMP)
endif
LOCK_FLAGS := --quiet --universal --python-version 3.11 --custom-compile-command "make lock"

# Compiled translations: one msgfmt per changed .po (what compilemessages runs, without Django).
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po */locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test check deps deps-dev deploy-assets lock system-deps-run system-deps-test system-deps-bench services messages worker beat bench bench-setup screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(UV_STAMP): | $(BIN)/python
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	rm -f $(VENV)/.uv-*
	touch $@

$(VENV)/.installed: requirements.lock requirements.txt | $(INSTALLER_READY)
	@$(BIN)/python scripts/check_lock.py
	$(INSTALL) requirements.lock
	touch $@

# Test and check tools (pytest, Playwright, ruff, import-linter, pre-commit): never in `make run`.
$(VENV)/.installed-dev: requirements.lock requirements-dev.lock requirements.txt requirements-dev.txt | $(INSTALLER_READY)
	@$(BIN)/python scripts/check_lock.py
	$(INSTALL) requirements-dev.lock
	touch $@ $(VENV)/.installed

# Re-resolve the lock files after editing requirements*.txt (UV_LOCK_ARGS=--upgrade for newer
# versions of everything); the dev lock is constrained to the runtime lock's versions.
lock: $(UV_STAMP)
	$(UV) pip compile requirements.txt -o requirements.lock $(LOCK_FLAGS) $(UV_LOCK_ARGS)
	$(UV) pip compile requirements-dev.txt -c requirements.lock -o requirements-dev.lock $(LOCK_FLAGS) $(UV_LOCK_ARGS)

node_modules/.installed: package.json package-lock.json
	npm install --no-audit --no-fund --silent
	touch $@

%.mo: %.po
	msgfmt --check-format -o $@ $<

messages: $(MO_FILES)

deps: $(VENV)/.installed node_modules/.installed messages

deps-dev: $(VENV)/.installed-dev deps

# What a deploy builds before the web processes start (README, Production): the npm packages
# (Bootstrap), the compiled translations (`messages`, msgfmt as compilemessages runs it) and the
# collected, hashed and compressed static files; then the check that every file a template
# names was collected (exchange_portal E010/E011), so a deploy that missed one stops here
# instead of answering 500 on every page.
deploy-assets: deps
	STATIC_FROM_APPS=0 $(BIN)/python manage.py collectstatic --noinput -v0
	STATIC_FROM_APPS=0 $(BIN)/python manage.py check --deploy --tag staticfiles --fail-level ERROR

system-deps-run:
	@APT_PACKAGES="$(APT_PACKAGES_RUN)" scripts/apt_install.sh

system-deps-test:
	@APT_PACKAGES="$(APT_PACKAGES_TEST)" scripts/apt_install.sh

system-deps-bench:
	@APT_PACKAGES="$(APT_PACKAGES_BENCH)" scripts/apt_install.sh

services:
	@scripts/ensure_services.sh

# Migrations, demo data (and with real services collected static files), each only when its
# inputs changed; then runserver (embedded default) or gunicorn, worker and beat (scripts/run.sh).
run: system-deps-run deps
	@PORT=$(PORT) scripts/run.sh

# The quick checks, before any test: lint, format, and the layer contracts of the apps.
check: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The suite runs in TEST_WORKERS pytest-xdist processes (the two cores of this machine and of CI), a test
# file at a time each, with a database, a Celery queue and files of its own (exchange_portal/settings_test.py).
# TEST_WORKERS=0 runs it in this one process.
TEST_WORKERS ?= 2
test: system-deps-test deps-dev check services
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

bench: system-deps-bench deps-dev services
	$(BIN)/python bench/export_roster.py
	$(BIN)/python bench/notifications.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/account_probing.py
	$(BIN)/python bench/admin_changelist.py
	$(BIN)/python bench/registration_form.py
	$(BIN)/python bench/registration_storm.py

# Full-page PNGs of the main pages per language and width, for a person to read (not committed):
# var/screenshots/<language>/<width>/<page>.png (bench/screenshots.py; SCREENSHOT_ARGS to narrow).
screenshots: deps-dev
	$(BIN)/python bench/screenshots.py $(SCREENSHOT_ARGS)

# Cold and warm `make run` from a fresh clone of the current commit (bench/setup.sh).
bench-setup:
	bench/setup.sh

worker: deps
	$(BIN)/celery -A exchange_portal worker -l info

beat: deps
	$(BIN)/celery -A exchange_portal beat -l info

clean:
	rm -rf $(VENV) node_modules staticfiles var/stamps
