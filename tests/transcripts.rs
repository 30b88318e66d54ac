//! Transcript tests: each `tests/transcripts/NAME.in` script runs through `podscope shell`, and
//! the output must equal `NAME.out` (after the golden normalizations: dates, versions, ANSI).
//! The first line of a `.in` file may be `#!scenario NAME` to choose the pod.

use podscope::sim::transcript::normalize;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn every_transcript_matches() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/transcripts exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "in"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    let mut failures = Vec::new();
    for input in &inputs {
        let script = std::fs::read_to_string(input).expect("readable");
        let (scenario, body) = match script.strip_prefix("#!scenario ") {
            Some(rest) => {
                let (name, body) = rest.split_once('\n').unwrap_or((rest, ""));
                (name.trim().to_string(), body.to_string())
            }
            None => ("shared-volume".to_string(), script.clone()),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_podscope"))
            .args(["shell", "--scenario", &scenario])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("podscope runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(body.as_bytes())
            .expect("written");
        let out = child.wait_with_output().expect("finishes");
        let actual = String::from_utf8_lossy(&out.stdout).into_owned();
        let expected = std::fs::read_to_string(input.with_extension("out")).unwrap_or_default();
        if normalize(&actual) != normalize(&expected) {
            if std::env::var_os("PODSCOPE_BLESS").is_some() {
                std::fs::write(input.with_extension("out"), &actual).expect("blessed");
            }
            failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                input.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} transcript(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
