# The workbook's commands. Each bootstraps .venv on first use (and again when pyproject.toml
# changes), so a fresh clone needs nothing installed by hand but Python 3.10+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JOBS   ?=
ARGS   ?=

.PHONY: run test lab bench samples check clean browser screenshots

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -c "from salesnb.kernel import ensure_kernel; print('kernel:', ensure_kernel())"
	@touch $(STAMP)

## run: every notebook over every sample company -> reports/<company>/*.ipynb|html, reports/summary.html
run: $(STAMP)
	$(BIN)/salesnb run --out reports $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

## browser: headless Chromium for the browser tests (Debian's chromium and chromium-driver; as root)
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
	  echo "note: no Chromium here (apt-get install chromium chromium-driver): the browser tests are skipped"

## test: ruff, then library tests, notebooks under papermill, and nbval over notebooks/ and exercises/
test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -n 2 --dist loadscope $(ARGS)

## lab: open JupyterLab on the workbook
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=.

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	@touch $(BENCH_STAMP)

## bench: every benchmark script, printing its figures
bench: $(BENCH_STAMP)
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

## samples: regenerate data/samples from the seeded generator
samples: $(STAMP)
	$(BIN)/salesnb samples

## check: validate company datasets, e.g. make check ARGS=path/to/company
check: $(STAMP)
	$(BIN)/salesnb check $(or $(ARGS),data/samples/*/)

## screenshots: every report of reports/ as a PNG in screenshots/ (make run first)
screenshots: $(STAMP) browser
	$(BIN)/python tests/browser.py reports

clean:
	rm -rf reports screenshots .pytest_cache .hypothesis
