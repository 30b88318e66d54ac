//! The `podscope` command line: bad manifests and bad options exit 2 with kubectl-style
//! messages (line and column), and a huge input line is refused with a message, not a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::podscope;
use std::path::Path;

fn manifest(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/manifests")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn a_yaml_syntax_error_names_line_and_column() {
    let out = podscope(&["shell", "--manifest", &manifest("bad-indent.yaml")], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: error converting YAML to JSON: yaml: ")
            && err.contains("(line 9, column 4)"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_fields_are_reported_like_the_api_server() {
    let out = podscope(&["shell", "--manifest", &manifest("bad-fields.yaml")], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with(
        "The Pod \"Two_Containers\" is invalid: metadata.name: Invalid value: \"Two_Containers\": a lowercase RFC 1123 subdomain"
    ));
    assert!(lines[0].ends_with("(line 4, column 9)"));
    assert_eq!(
        lines[1],
        "The Pod \"Two_Containers\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"nowhere\" (line 10, column 13)"
    );
}

#[test]
fn a_missing_manifest_file_and_bad_options_exit_2() {
    let out = podscope(&["shell", "--manifest", "/nonexistent/pod.yaml"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cannot read /nonexistent/pod.yaml: "));
    let out = podscope(&["shell", "--bogus"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("podscope: unknown option '--bogus'\n")
    );
    let out = podscope(&["shell", "--scenario", "x", "--manifest", "y"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = podscope(&["shell", "--scenario", "nosuch"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("unknown scenario 'nosuch'"));
}

#[test]
fn a_ten_megabyte_line_is_refused_with_a_message() {
    let mut input = b"echo ".to_vec();
    input.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    input.extend_from_slice(b"\necho still here\n");
    let out = podscope(&["shell"], &input);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "bash: line too long (10485765 bytes); podscope accepts up to 65536\n[exit 1]\n"
        ),
        "{}",
        &text[text.len().saturating_sub(300)..]
    );
    assert!(text.ends_with("$ echo still here\nstill here\n[exit 0]\n"));
}
