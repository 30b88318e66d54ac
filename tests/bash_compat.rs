//! The bash-compatibility suite: every case of `tests/bash-compat/*.yaml` (what real bash 5.2
//! printed, recorded by `scripts/record-bash-compat.py`) is typed into podscope's debian
//! terminal and must print the same stdout and stderr and end with the same status. Cases
//! podscope does not match yet carry a `known_failure:` mark and are counted, not failed.
//!
//! The run fails on a failure without a mark, on a mark whose case now passes, and on a case
//! that was never recorded. `BASH_COMPAT_UPDATE=1 cargo test --test bash_compat` rewrites the
//! marks instead (after a merge, to re-mark what now passes or fails). It prints
//! "bash-compat: N pass, K known failures". `BASH_COMPAT_SHOW=1` prints each known failure's
//! outputs next to bash's. A plain `main` (`harness = false`) so the figure
//! shows on every `cargo test`.

#[cfg(not(target_arch = "wasm32"))]
#[path = "bash_compat/replay.rs"]
mod replay;
#[cfg(not(target_arch = "wasm32"))]
#[path = "bash_compat/suite.rs"]
mod suite;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// One form of a case after its replay.
#[cfg(not(target_arch = "wasm32"))]
struct Verdict {
    /// Why it does not match bash (`None`: it matches).
    failure: Option<String>,
    /// The mark the file carries.
    mark: Option<String>,
    /// Label for messages: `area: name` plus the form.
    label: String,
    /// Both outputs, when they differ.
    detail: String,
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use std::path::Path;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bash-compat");
    let areas = suite::load(&dir)?;
    let update = std::env::var_os("BASH_COMPAT_UPDATE").is_some_and(|v| v == "1");
    // BASH_COMPAT_SHOW=1 prints what each known failure prints against what bash printed.
    let show = std::env::var_os("BASH_COMPAT_SHOW").is_some_and(|v| v == "1");
    let (mut pass, mut known) = (0usize, 0usize);
    let mut problems = Vec::new();
    println!(
        "bash-compat: replaying {} areas through podscope",
        areas.len()
    );
    for area in &areas {
        let mut marks = Vec::new();
        let (mut area_pass, mut area_total) = (0, 0);
        for case in &area.cases {
            let Some(want) = case.interactive() else {
                problems.push(format!(
                    "{}: {}: not recorded (run scripts/record-bash-compat.py)",
                    area.name, case.name
                ));
                marks.push((case.known_failure.clone(), None));
                continue;
            };
            let mut forms = vec![verdict(
                &case.stdin,
                &want,
                case.known_failure.clone(),
                format!("{}: {}", area.name, case.name),
            )?];
            if let Some(want) = &case.noninteractive {
                forms.push(verdict(
                    &replay::noninteractive_script(&case.stdin),
                    want,
                    case.noninteractive_known_failure.clone(),
                    format!("{}: {} (bash -c form)", area.name, case.name),
                )?);
            }
            for v in &forms {
                area_total += 1;
                if v.failure.is_none() {
                    pass += 1;
                    area_pass += 1;
                } else {
                    known += 1;
                }
                match (&v.failure, &v.mark) {
                    (Some(why), None) if !update => problems.push(format!(
                        "{}: fails without a known_failure mark: {why}\n{}",
                        v.label, v.detail
                    )),
                    (None, Some(_)) if !update => problems.push(format!(
                        "{}: passes now: remove its known_failure mark (or BASH_COMPAT_UPDATE=1)",
                        v.label
                    )),
                    (Some(why), Some(_)) if show => {
                        println!("{}: known failure: {why}\n{}", v.label, v.detail)
                    }
                    _ => {}
                }
            }
            // A failing case keeps the reason written by hand; a new failure gets the mismatch.
            let mark = |i: usize| {
                let v: &Verdict = forms.get(i)?;
                v.failure.as_ref()?;
                v.mark.clone().or_else(|| v.failure.clone())
            };
            marks.push((mark(0), mark(1)));
        }
        println!("  {:<22} {area_pass:>3}/{area_total:<3} pass", area.name);
        if update {
            let text = suite::rewrite_marks(&area.text, &marks);
            if text != area.text {
                std::fs::write(&area.path, text)
                    .map_err(|e| format!("{}: {e}", area.path.display()))?;
                println!("    re-marked {}", area.path.display());
            }
        }
    }
    let total = pass + known;
    println!(
        "bash-compat: {pass} pass, {known} known failures ({total} cases, {:.1}% pass)",
        pass as f64 * 100.0 / total.max(1) as f64
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "bash-compat: {} problems:\n{}",
            problems.len(),
            problems.join("\n")
        ))
    }
}

/// Replays one form of a case and compares it with bash.
#[cfg(not(target_arch = "wasm32"))]
fn verdict(
    stdin: &str,
    want: &suite::Expect,
    mark: Option<String>,
    label: String,
) -> Result<Verdict, String> {
    let got = replay::run(stdin).map_err(|e| format!("{label}: the pod did not start: {e}"))?;
    let failure = replay::mismatch(want, &got);
    let detail = if failure.is_some() {
        replay::explain(want, &got)
    } else {
        String::new()
    };
    Ok(Verdict {
        failure,
        mark,
        label,
        detail,
    })
}
