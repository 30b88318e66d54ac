//! Shared by the native integration tests: running the real `podscope` binary. Each test crate
//! uses part of it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `podscope ARGS` with `stdin` as its input and returns what it printed and its status.
pub fn podscope(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podscope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podscope runs");
    let mut input = child.stdin.take().expect("stdin");
    // The child may stop reading early: a failed write is not the test's concern.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("podscope finishes")
}

/// Runs a script through `podscope shell ARGS` and returns the transcript (stdout).
pub fn podscope_shell(args: &[&str], script: &str) -> String {
    let mut all = vec!["shell"];
    all.extend_from_slice(args);
    let out = podscope(&all, script.as_bytes());
    assert!(
        out.status.success(),
        "podscope shell failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Where the recordings from the real programs live: `$PODSCOPE_GOLDEN` when set, else
/// `shared/golden` beside the project. Missing recordings fail the test that needs them (a
/// parity check that found nothing to compare has not passed).
pub fn golden_dir() -> std::path::PathBuf {
    let dir = std::env::var_os("PODSCOPE_GOLDEN").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/golden"),
        std::path::PathBuf::from,
    );
    assert!(
        dir.is_dir(),
        "{} is missing: the golden recordings sit in shared/golden beside the project \
         (or set PODSCOPE_GOLDEN to their folder)",
        dir.display()
    );
    dir
}
