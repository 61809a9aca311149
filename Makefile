# The README's two commands:
#   make flows   check flows/ and regenerate diagrams/ (installs the Graphviz and mimalloc development packages if missing)
#   make test    run the test suites (installs Chromium and faketime, which they use, if missing)
# and, when the committed diagrams should show a later day's findings:
#   make bump-as-of [AS_OF=YYYY-MM-DD]   move flowgate.toml's as-of (default today) and re-render diagrams/
SHELL := /bin/bash
SWIFT ?= swift
FLOWGATE := .build/release/flowgate

.PHONY: flows test build packages test-packages bump-as-of

packages:
	@scripts/ensure-packages.sh

test-packages:
	@scripts/ensure-packages.sh --test

# Static Swift runtime and mimalloc: see the script.
build: packages
	SWIFT=$(SWIFT) scripts/release-build.sh flowgate

# Findings in flows/ are expected (the seed notices have real gaps): exit 1 means "findings shown",
# only exit 2 (invalid model or usage) fails the job.
flows: build
	@$(FLOWGATE) check ; status=$$? ; if [ $$status -gt 1 ]; then exit $$status; fi
	@scripts/render-diagrams.sh $(FLOWGATE)
	@$(FLOWGATE) fmt --check flows/

test: test-packages
	$(SWIFT) test --disable-xctest

bump-as-of: build
	@scripts/bump-as-of.sh $(AS_OF)
