# podscope: one command runs it, one command tests it.
#   make run    install what is missing, build, serve at http://127.0.0.1:8080 (trunk serve)
#   make test   install what is missing, then every check in order (scripts/test.sh)
#   make dist   release build into dist/ for static hosting
#   make bench  podscope vs a bare Yew counter in headless Chromium (desktop and throttled
#               phone), plus curl round trips per second through the simulated pod (native)
# The size budget for dist/ lives in size-budget.txt.

SHELL := /usr/bin/env bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test dist setup size e2e wasm-test bench clean

run:
	scripts/setup.sh --web
	trunk serve --offline --address $(HOST) --port $(PORT)

test:
	scripts/setup.sh --web --browser --test
	scripts/test.sh

dist:
	scripts/setup.sh --web --browser
	scripts/release.sh

# Single stages, for a quicker loop (they assume the tools are installed).
wasm-test:
	scripts/setup.sh --web --browser --test
	scripts/test.sh wasm-test

e2e:
	scripts/setup.sh --web --browser --test
	scripts/test.sh dist e2e

size:
	scripts/setup.sh --web
	scripts/test.sh dist size

setup:
	scripts/setup.sh --web --browser --test

# The release build and the bare Yew floor (benches/floor/) in Chromium, medians of 7 loads per
# profile (scripts/bench.mjs), and full `curl localhost` round trips per second (native).
bench:
	scripts/setup.sh --web --browser
	scripts/release.sh
	scripts/release.sh --config benches/floor/Trunk.toml
	cargo bench --no-default-features --bench roundtrip -- 20000 | tee target/bench-roundtrip.txt
	node scripts/bench.mjs dist target/bench/floor "$$(tail -n 1 target/bench-roundtrip.txt)"

clean:
	cargo clean
	rm -rf dist target/e2e
