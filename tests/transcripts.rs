//! Transcript tests: each `tests/transcripts/NAME.in` script runs through `podscope shell`, and
//! the output must equal `NAME.out` (after the golden normalizations: dates, versions, ANSI).
//! The first line of a `.in` file may be `#!scenario NAME` to choose a built-in pod, or
//! `#!manifest FILE` (relative to the crate root) to start the pod from a manifest file.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::podscope_shell;
use podscope::sim::transcript::normalize;
use std::path::Path;

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
        let (header, body) = match script.strip_prefix("#!") {
            Some(rest) => {
                let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
                (line.trim().to_string(), body.to_string())
            }
            None => ("scenario shared-volume".to_string(), script.clone()),
        };
        let (flag, value) = header
            .split_once(' ')
            .expect("#!scenario NAME or #!manifest FILE");
        let value = match flag {
            "scenario" => value.to_string(),
            "manifest" => Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(value)
                .display()
                .to_string(),
            other => panic!("{}: unknown header #!{other}", input.display()),
        };
        let option = format!("--{flag}");
        let actual = podscope_shell(&[&option, &value], &body);
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
