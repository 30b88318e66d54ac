#!/usr/bin/env bash
# The release build of a Trunk config (default Trunk.toml: podscope into dist/; `make bench` also
# builds benches/floor/Trunk.toml this way, so the floor is built exactly as the app is):
#
#   scripts/release.sh [--config FILE]
#
# It is `trunk build --release --offline` with the standard library rebuilt for size: the
# image's nightly cargo rebuilds std from its sources (`build-std`, rust-src) with std's
# `optimize_for_size` feature, and `-Zlocation-detail=none` leaves panic locations (source file,
# line, column) out of the wasm. A panic still reaches the error panel with its message; the
# report says `<redacted>` where the file and line were. Measured on podscope's main wasm
# (gzip -9, after wasm-opt -Oz): 791,035 bytes with stable std, 755,144 rebuilt for size,
# 741,744 without locations. `-Cpanic=immediate-abort` would save 17 KB more but drops the
# panic message, so the panel could not say what happened; it is not used.
#
# Only wasm builds see these settings: the native CLI that the oEmbed hook builds
# (scripts/oembed.mjs) runs with the machine's default toolchain.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

export RUSTUP_TOOLCHAIN=nightly
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zlocation-detail=none
# Which settings scripts/oembed.mjs takes away again for its native build.
export PODSCOPE_RELEASE_ENV="RUSTUP_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"

exec trunk "$@" build --release --offline
