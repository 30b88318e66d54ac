#!/usr/bin/env bash
# Runs podscope's checks in order, stopping at the first red one, and prints how long each took.
#
#   scripts/test.sh            every stage (what `make test` runs after scripts/setup.sh)
#   scripts/test.sh STAGE...   only those, in the order given; stages:
#     fmt clippy clippy-wasm test test-core fuzz wasm-test dist e2e size
#
# Expects the tools that `scripts/setup.sh --web --browser --test` installs.
#
# The fuzz stage runs every cargo-fuzz target in fuzz/ for PODSCOPE_FUZZ_SECONDS (default 5)
# each. PODSCOPE_SKIP_FUZZ=1 skips it, loudly; nothing else does.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

ALL_STAGES=(fmt clippy clippy-wasm test test-core fuzz wasm-test dist e2e size)

run_stage() {
  case "$1" in
    fmt)         cargo fmt --all --check && cargo fmt --manifest-path fuzz/Cargo.toml --check ;;
    clippy)      cargo clippy --all-targets -- -D warnings ;;
    clippy-wasm) cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings ;;
    test)        cargo test ;;
    test-core)   cargo test --no-default-features --lib ;;
    fuzz)        fuzz_targets ;;
    wasm-test)   wasm_tests ;;
    dist)        scripts/release.sh ;;
    e2e)         cargo build --bin podscope && node --test --test-timeout=180000 tests/e2e/ ;;
    size)        scripts/size-report.sh dist ;;
    *)           echo "test: unknown stage '$1' (stages: ${ALL_STAGES[*]})" >&2; return 2 ;;
  esac
}

# Every browser test file: a tests/*.rs that opens with `#![cfg(target_arch = "wasm32")]`, run by
# wasm-bindgen-test-runner (.cargo/config.toml) in headless Chromium (webdriver.json). The lib's
# unit tests are native-only (proptest), so `--tests` is not used here.
wasm_tests() {
  local args=() file
  for file in tests/*.rs; do
    if grep -qx '#!\[cfg(target_arch = "wasm32")\]' "$file"; then
      args+=(--test "$(basename "$file" .rs)")
    fi
  done
  if [ "${#args[@]}" -eq 0 ]; then
    echo "test: no tests/*.rs marked #![cfg(target_arch = \"wasm32\")]" >&2
    return 1
  fi
  cargo test --target wasm32-unknown-unknown "${args[@]}"
}

# Every target in fuzz/ for a bounded time, starting from its committed corpus
# (fuzz/corpus/TARGET, read-only here); what a run discovers goes to target/fuzz-corpus/TARGET,
# a crash to fuzz/artifacts/TARGET/ and fails the stage.
fuzz_targets() {
  if [ "${PODSCOPE_SKIP_FUZZ:-}" = 1 ]; then
    echo "!!! test: the fuzz stage is SKIPPED because PODSCOPE_SKIP_FUZZ=1: no fuzz target ran !!!" >&2
    return 0
  fi
  local seconds="${PODSCOPE_FUZZ_SECONDS:-5}" target targets=()
  local flags=(--sanitizer none --debug-assertions)
  # (set -e does not reach into a function run as `run_stage || status=$?`: check each step.)
  cargo +nightly fuzz build "${flags[@]}" || return 1
  mapfile -t targets < <(cargo +nightly fuzz list)
  if [ "${#targets[@]}" -eq 0 ]; then
    echo "test: cargo fuzz list found no targets in fuzz/" >&2
    return 1
  fi
  for target in "${targets[@]}"; do
    mkdir -p "target/fuzz-corpus/$target"
    local log="target/fuzz-corpus/$target.log"
    if ! cargo +nightly fuzz run "${flags[@]}" "$target" "target/fuzz-corpus/$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
      tail -n 60 "$log"
      echo "test: fuzz target $target FAILED: the input is in fuzz/artifacts/$target/, the log in $log" >&2
      return 1
    fi
    echo "fuzz $target: $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$') runs in ${seconds} s, no crash"
  done
}

stages=("$@")
[ "${#stages[@]}" -gt 0 ] || stages=("${ALL_STAGES[@]}")

now_ms() { date +%s%3N; }
timings=()
passed=0
summary() {
  echo
  echo "== stage timings"
  for line in "${timings[@]}"; do echo "$line"; done
}

for stage in "${stages[@]}"; do
  echo
  echo "== $stage"
  start="$(now_ms)"
  status=0
  run_stage "$stage" </dev/null || status=$?
  elapsed="$(( $(now_ms) - start ))"
  timings+=("$(printf '%-12s %7d.%01d s  %s' "$stage" $((elapsed / 1000)) $((elapsed % 1000 / 100)) \
    "$([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit $status)")")")
  if [ "$status" -ne 0 ]; then
    summary
    echo "stages: $passed passed, 1 failed"
    exit "$status"
  fi
  passed=$((passed + 1))
done

summary
echo "stages: $passed passed, 0 failed"
