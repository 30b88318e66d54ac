#!/usr/bin/env bash
# Installs what building and testing podscope needs, and only what is missing.
#
#   scripts/setup.sh            Rust toolchain components (rustfmt, clippy)
#   scripts/setup.sh --web      + wasm32 target, wasm-bindgen-cli (the Cargo.lock version),
#                                 Trunk, the npm packages (wasm-opt, playwright-core, axe-core),
#                                 and the nightly's rust-src (scripts/release.sh rebuilds std)
#   scripts/setup.sh --browser  + Debian's Chromium and ChromeDriver (headless browser tests)
#   scripts/setup.sh --test     + what the test suite checks against: tshark (the pcap dissector
#                                 checks) and cargo-fuzz (the fuzz stage, on the nightly)
#
# Every install is announced on a line starting with "setup: installing"; when everything is
# present the script only checks versions and takes about a second. Sources are crates.io, npm
# and Debian's apt only: nothing is downloaded from anywhere else.
set -euo pipefail

TRUNK_VERSION=0.21.14
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

want_web=false
want_browser=false
want_test=false
for arg in "$@"; do
  case "$arg" in
    --web) want_web=true ;;
    --browser) want_browser=true ;;
    --test) want_test=true ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "setup: unknown flag '$arg' (expected --web, --browser, --test)" >&2; exit 2 ;;
  esac
done

say() { echo "setup: $*"; }

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    say "apt-get update"
    apt-get update -qq
    apt_updated=true
  fi
  say "installing $* (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null
}

# The version of a package pinned in Cargo.lock, e.g. `locked_version wasm-bindgen`.
locked_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}

# True when version $1 >= version $2.
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# The image's nightly toolchain (release builds, cargo-fuzz), installed when missing.
need_nightly() {
  if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    say "installing rustup toolchain nightly (minimal profile)"
    rustup toolchain install nightly --profile minimal
  fi
}

# --- Rust: always ----------------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
  say "cargo is missing: this project needs the machine's Rust toolchain (rustup)" >&2
  exit 1
fi
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    say "installing rustup component $component"
    rustup component add "$component"
  fi
done

# --- Web: wasm target, wasm-bindgen, Trunk, npm packages -------------------------------------
if $want_web; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing rustup target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  # The release build rebuilds std for size with the nightly (scripts/release.sh): its sources,
  # and the crates std's own Cargo.lock names, now, so the build downloads nothing.
  need_nightly
  if ! rustup component list --toolchain nightly --installed | grep -qx 'rust-src'; then
    say "installing rustup component rust-src (nightly)"
    rustup component add rust-src --toolchain nightly
  fi
  std_sources="$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  cargo +nightly fetch --manifest-path "$std_sources" --quiet

  wbg_want="$(locked_version wasm-bindgen)"
  wbg_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$wbg_have" != "$wbg_want" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
    # Not --locked: the CLI's own lockfile pins crates that no longer build on current Rust.
    say "installing wasm-bindgen-cli $wbg_want (have: ${wbg_have:-none}; takes ~5 min)"
    cargo install wasm-bindgen-cli --version "$wbg_want" --force
  fi

  trunk_have="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
  if [ -z "$trunk_have" ] || ! version_at_least "$trunk_have" "$TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (have: ${trunk_have:-none}; takes ~10 min)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi

  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  # npm ci only when node_modules is missing or older than the lockfile.
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] ||
     [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages from package-lock.json (binaryen, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund </dev/null)
  fi
fi

# --- Browser: Debian's Chromium and its driver -----------------------------------------------
if $want_browser; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  # The handout test renders its PDF's first page to PNG (pdftoppm) to look at it.
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
  if ! command -v python3 >/dev/null; then
    apt_install python3
  fi
fi

# --- Test: tshark, nightly + cargo-fuzz -----------------------------------------------------
if $want_test; then
  if ! command -v tshark >/dev/null; then
    # wireshark-common asks whether non-root users may capture: answer "no" before it asks.
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
    apt_install tshark
  fi
  # scripts/record-busybox.py records tests/busybox/*.yaml from the real programs.
  for tool in busybox:busybox wget:wget nc.openbsd:netcat-openbsd dig:dnsutils nginx:nginx; do
    command -v "${tool%%:*}" >/dev/null || apt_install "${tool#*:}"
  done
  # cargo-fuzz builds with sanitizer flags that only nightly rustc accepts.
  need_nightly
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (crates.io; takes ~2 min)"
    cargo install --locked cargo-fuzz
  fi
  # The fuzz package's crates (libfuzzer-sys) now, so the fuzz stage downloads nothing.
  cargo fetch --manifest-path "$ROOT/fuzz/Cargo.toml" --quiet
fi

say "ok"
