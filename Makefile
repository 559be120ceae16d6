# Set-up and the two entry points of the README. Everything the project needs
# is installed from its own files into .venv (no hand-installed state).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
NG := $(VENV)/bin/noticegraph
OUT ?= out

.PHONY: setup demo test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

# The main job: the bundled corpus into the store (validated), the province
# comparisons from the store, the graph as TriG and the portal JSON-LD.
demo: setup
	$(NG) build corpus --store $(OUT)/store
	$(NG) extract corpus --format trig -o $(OUT)/corpus.trig --quiet
	$(NG) export --jsonld $(OUT)/jsonld --store $(OUT)/store
	@for q in compare_outage_length compare_open_channels compare_early_payments; do \
		echo "== $$q"; $(NG) query $$q --store $(OUT)/store; done

# The test suite; pytest's exit code 5 (no test collected) is a failure.
test: setup
	$(PY) -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: setup
	$(PY) bench/extract_speed.py

clean:
	rm -rf $(OUT) build *.egg-info
