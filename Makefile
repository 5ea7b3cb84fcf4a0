# `make` installs from the lockfile, compiles and produces every fact sheet;
# `make test` runs the test suite. Both work on a fresh clone.
NODE_MODULES_STAMP := node_modules/.package-lock.json
TS_SOURCES := $(shell find src -name '*.ts' 2>/dev/null)

.PHONY: all install compile check test clean distclean

all: compile
	node bin/factsheet.js check

install: $(NODE_MODULES_STAMP)

$(NODE_MODULES_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

compile: dist/.stamp

dist/.stamp: $(NODE_MODULES_STAMP) tsconfig.json $(TS_SOURCES)
	rm -rf dist
	npx --no-install tsc -p tsconfig.json
	@touch $@

check: compile
	node bin/factsheet.js check

test: compile
	node test/run.mjs

clean:
	rm -rf dist out

distclean: clean
	rm -rf node_modules
