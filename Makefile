# Élan: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_STAMP := $(VENV)/.installed
NPM_STAMP := pwa/node_modules/.installed
PWA_DIST := pwa/dist/index.html
CHROMIUM := /usr/bin/chromium

.PHONY: run test test-python test-pwa bench lint schema install pwa chromium clean

run: install pwa
	$(PY) -m server serve

test: install pwa chromium
	$(MAKE) --no-print-directory test-pwa
	$(MAKE) --no-print-directory test-python

test-python:
	$(PY) -m pytest -q

test-pwa:
	cd pwa && npm test --silent

install: $(PIP_STAMP) $(NPM_STAMP)

$(PIP_STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

$(NPM_STAMP): pwa/package.json pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

pwa: $(PWA_DIST)

$(PWA_DIST): $(NPM_STAMP) $(shell find pwa/src pwa/sw pwa/public pwa/index.html pwa/vite.config.ts -type f 2>/dev/null)
	cd pwa && npm run build --silent

# Chromium, and dbus-daemon for the notification tray the push tap test gives it
chromium:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x /usr/bin/dbus-daemon ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian's chromium and dbus-daemon for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium dbus-daemon >/dev/null; \
	  else \
	    echo "The browser tests need Debian's Chromium at $(CHROMIUM) and dbus-daemon."; \
	    echo "Install them with: sudo apt-get install chromium dbus-daemon"; exit 1; \
	  fi; \
	fi

bench: install
	$(PY) -m bench

lint: install
	$(VENV)/bin/ruff check server schema tests bench
	$(VENV)/bin/mypy server schema
	cd pwa && npx tsc --noEmit

# the SDL, then the PWA's typed documents from it (pwa/src/graphql/*.generated.ts)
schema: install
	$(PY) -m schema
	cd pwa && npm run codegen --silent

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist
