# Set-up and the two entry points of the README. Everything the project needs
# is installed from its own files into .venv (no hand-installed state).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
NG := $(VENV)/bin/noticegraph
OUT ?= out
CHROMIUM := /usr/bin/chromium

.PHONY: setup demo test bench browser clean bytecode

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory bytecode
	touch $@

# An editable install leaves the project's own modules uncompiled, and with
# PYTHONDONTWRITEBYTECODE set every process compiles them again (~0.1 s of each
# start); a wheel install would have compiled them. Stale files are ignored by
# Python (it checks the source's time stamp), so this is only ever a saving.
bytecode:
	$(PY) -m compileall -q extractors noticegraph ontology flows > /dev/null

setup: $(VENV)/.installed

# The main job: the bundled corpus into the store (validated), the province
# comparisons from the store, the graph as TriG, the portal JSON-LD and the
# analyst report (HTML, CSV, PNG, review pages, calendars).
demo: setup
	$(NG) build corpus --store $(OUT)/store
	$(NG) extract corpus --format trig -o $(OUT)/corpus.trig --quiet
	$(NG) export --jsonld $(OUT)/jsonld --store $(OUT)/store
	$(NG) report --store $(OUT)/store --out $(OUT)/report
	@for q in compare_outage_length compare_open_channels compare_early_payments compare_event_windows; do \
		echo "== $$q"; $(NG) query $$q --store $(OUT)/store; done

# Debian's Chromium and a CJK font for the report's browser tests (Playwright
# drives this browser; `playwright install` is never run). Installed only when
# the browser is missing; root in CI, sudo otherwise.
browser: $(CHROMIUM)

$(CHROMIUM):
	@if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	$$sudo apt-get update -q && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk

# The test suite; pytest's exit code 5 (no test collected) is a failure.
test: setup browser
	$(PY) -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: setup bytecode
	$(PY) bench/extract_speed.py

clean:
	rm -rf $(OUT) build *.egg-info
