# The README's two commands:
#   make flows   check flows/ and regenerate diagrams/ (installs the Graphviz and mimalloc development packages if missing)
#   make test    run the test suites
SHELL := /bin/bash
SWIFT ?= swift
FLOWGATE := .build/release/flowgate

.PHONY: flows test build packages ci

packages:
	@scripts/ensure-packages.sh

# Static Swift runtime and mimalloc: see the script.
build: packages
	SWIFT=$(SWIFT) scripts/release-build.sh flowgate

# Findings in flows/ are expected (the seed notices have real gaps): exit 1 means "findings shown",
# only exit 2 (invalid model or usage) fails the job.
flows: build
	@$(FLOWGATE) check flows/ ; status=$$? ; if [ $$status -gt 1 ]; then exit $$status; fi
	@scripts/render-diagrams.sh $(FLOWGATE)
	@$(FLOWGATE) fmt --check flows/

test: packages
	$(SWIFT) test --disable-xctest
