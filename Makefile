# `make` installs from the lockfile, compiles and produces every fact sheet;
# `make test` runs the test suite. Both work on a fresh clone.
# `make bench` times builds of a generated corpus beside Pandoc (BENCH_SHEETS=50 make bench for a smaller one).
NODE_MODULES_STAMP := node_modules/.package-lock.json
TS_SOURCES := $(shell find src -name '*.ts' -o -name '*.cts' 2>/dev/null)

# Debian packages the tests read outputs back with (pdftotext, pdfinfo, qpdf, xmllint),
# the browser the live-preview tests drive (chromium), the Java that runs the
# Nu Html Checker (vnu.jar, from npm) over the web pages, and the LibreOffice that
# sets the Word documents without the template's fonts (soffice, no desktop parts; fc-list
# shows those fonts are not installed).
TEST_PACKAGES := poppler-utils qpdf libxml2-utils chromium default-jre-headless libreoffice-writer-nogui fontconfig

# Debian package the benchmark compares with.
BENCH_PACKAGES := pandoc
# Sheets per language in the benchmark's corpus; BENCH_JSON names where its results go.
BENCH_SHEETS ?= 200
BENCH_JSON ?=
# The corpus's languages, comma-separated (all the project's when empty): fr,en for the speed goals.
BENCH_LANGUAGES ?=

.PHONY: all install compile check build test test-deps bench bench-deps clean distclean

all: build

build: compile
	node bin/factsheet.js build

install: $(NODE_MODULES_STAMP)

# The HTML checker's package runs `java -version` when it installs: without performance
# data (JAVA_TOOL_OPTIONS), Java leaves nothing in /tmp (hsperfdata_<user>).
$(NODE_MODULES_STAMP): package-lock.json
	JAVA_TOOL_OPTIONS=-XX:-UsePerfData npm ci --no-audit --no-fund
	@touch $@

compile: dist/.stamp

dist/.stamp: $(NODE_MODULES_STAMP) tsconfig.json $(TS_SOURCES)
	rm -rf dist
	npx --no-install tsc -p tsconfig.json
	@touch $@

check: compile
	node bin/factsheet.js check

test: compile test-deps
	node test/run.mjs

test-deps:
	@if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null || ! command -v qpdf >/dev/null || ! command -v xmllint >/dev/null || ! command -v chromium >/dev/null || ! command -v java >/dev/null || ! command -v soffice >/dev/null || ! command -v fc-list >/dev/null; then \
	  echo "installing $(TEST_PACKAGES)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(TEST_PACKAGES) >/dev/null; \
	fi

bench: compile bench-deps
	node dist/bench/cli.js --sheets $(BENCH_SHEETS) $(if $(BENCH_LANGUAGES),--languages $(BENCH_LANGUAGES)) $(if $(BENCH_JSON),--json $(BENCH_JSON))

bench-deps:
	@if ! command -v pandoc >/dev/null; then \
	  echo "installing $(BENCH_PACKAGES)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(BENCH_PACKAGES) >/dev/null; \
	fi

clean:
	rm -rf dist out

distclean: clean
	rm -rf node_modules
