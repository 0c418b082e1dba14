# resumec — `make` builds the résumé into out/, `make test` runs every test.
# Both install what they need: the pinned typst CLI (for the polished PDF)
# and, for the tests, poppler-utils, Chromium, LibreOffice (Writer, no GUI)
# and the Noto CJK fonts (for the Japanese, Chinese and Korean locales)
# from Debian.

TYPST_VERSION := 0.15.1
CARGO         ?= cargo
RESUMEC       := target/release/resumec
CJK_FONTS     := /usr/share/fonts/opentype/noto
SUDO          := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PATH   := $(HOME)/.cargo/bin:$(PATH)

.PHONY: all build typst test-tools test bench themes-png languages-png clean

all: build

## Build the real résumé and every variant in every format, with the best available engine.
build: typst
	$(CARGO) build --release --locked
	$(RESUMEC) build resume.yaml --out out --all-variants --format pdf,html,md,txt,docx --force

## Install the pinned typst CLI unless that version is already on PATH.
typst:
	@if typst --version 2>/dev/null | grep -q "^typst $(TYPST_VERSION) "; then \
	  echo "typst $(TYPST_VERSION) found"; \
	else \
	  $(CARGO) install --locked typst-cli@$(TYPST_VERSION); \
	fi

## Install what the tests read PDFs, HTML and Word files with.
test-tools: typst
	@if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && command -v chromium >/dev/null \
	    && command -v soffice >/dev/null && [ -d $(CJK_FONTS) ]; then \
	  echo "poppler-utils, chromium, libreoffice and fonts-noto-cjk found"; \
	else \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y poppler-utils chromium libreoffice-writer-nogui \
	    fonts-noto-cjk; \
	fi

## Formatting, lints, the API docs without a broken link, and the whole test suite.
test: test-tools
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets --locked -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps --locked
	$(CARGO) test --locked

## Benchmarks: side-by-side timings with hyperfine, peak memory with GNU time,
## and the fastest peer, ferrocv; results in bench/RESULTS.md (see bench/run).
FERROCV_VERSION := 0.11.0
bench: typst
	@command -v hyperfine >/dev/null && [ -x /usr/bin/time ] || \
	  ($(SUDO) apt-get update && $(SUDO) apt-get install -y hyperfine time)
	@command -v ferrocv >/dev/null || $(CARGO) install --locked ferrocv@$(FERROCV_VERSION)
	$(CARGO) build --release --locked
	bash bench/run

## Page 1 of resume.yaml in each built-in theme (typst engine), as the small
## PNGs the README shows: docs/themes/<theme>.png.
THEMES     := classic compact serif modern
THEMES_OUT := target/themes-png
themes-png: typst
	$(CARGO) build --release --locked
	@mkdir -p docs/themes
	@for theme in $(THEMES); do \
	  $(RESUMEC) build resume.yaml --engine typst --format pdf --force \
	    --set design.theme=$$theme --out $(THEMES_OUT)/$$theme >/dev/null && \
	  pdftoppm -png -r 40 -f 1 -l 1 -singlefile $(THEMES_OUT)/$$theme/resume.pdf docs/themes/$$theme && \
	  echo "docs/themes/$$theme.png" || exit 1; \
	done

## Page 1 of the English, German and Arabic test résumé with each PDF
## engine and as an HTML page (headless Chromium), as the PNGs the README
## shows: docs/languages/<lang>-<typst|native|html>.png.
LANGUAGES     := en de ar
LANGUAGES_IN  := tests/fixtures/languages/resume.yaml
LANGUAGES_OUT := $(abspath target/languages-png)
languages-png: typst
	$(CARGO) build --release --locked
	@mkdir -p docs/languages
	@for engine in typst native; do \
	  $(RESUMEC) build $(LANGUAGES_IN) --engine $$engine --format pdf,html --force \
	    --lang $(shell echo $(LANGUAGES) | tr ' ' ,) --out $(LANGUAGES_OUT)/$$engine >/dev/null || exit 1; \
	  for lang in $(LANGUAGES); do \
	    pdftoppm -png -r 40 -f 1 -l 1 -singlefile $(LANGUAGES_OUT)/$$engine/resume-$$lang.pdf \
	      docs/languages/$$lang-$$engine && echo "docs/languages/$$lang-$$engine.png" || exit 1; \
	  done; \
	done
	@for lang in $(LANGUAGES); do \
	  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=816,1056 \
	    --screenshot=$(LANGUAGES_OUT)/$$lang.png file://$(LANGUAGES_OUT)/typst/resume-$$lang.html 2>/dev/null && \
	  convert $(LANGUAGES_OUT)/$$lang.png -resize 340x docs/languages/$$lang-html.png && \
	  echo "docs/languages/$$lang-html.png" || exit 1; \
	done

clean:
	rm -rf out target
