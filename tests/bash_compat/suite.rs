//! The suite's data: `tests/bash-compat/*.yaml`, one file per area, each a list of cases with
//! the input typed and what real bash printed for it (recorded by
//! `scripts/record-bash-compat.py`).

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What one form of a case printed, and its exit status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Expect {
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr (bash's final `exit` dropped).
    pub stderr: String,
    /// bash's exit status at the end of input.
    pub status: i32,
}

/// One case as the YAML file holds it.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// What the case shows.
    pub name: String,
    /// The lines typed into the terminal.
    pub stdin: String,
    /// Interactive bash's output (absent until recorded).
    pub stdout: Option<String>,
    /// Interactive bash's stderr.
    pub stderr: Option<String>,
    /// Interactive bash's status.
    pub status: Option<i32>,
    /// The `bash -c '…'` form, where it prints something else.
    #[serde(default)]
    pub noninteractive: Option<Expect>,
    /// Why podscope does not (yet) match the interactive form.
    #[serde(default)]
    pub known_failure: Option<String>,
    /// Why podscope does not (yet) match the non-interactive form.
    #[serde(default)]
    pub noninteractive_known_failure: Option<String>,
}

impl Case {
    /// The recorded interactive expectations, or `None` when the case was never recorded.
    pub fn interactive(&self) -> Option<Expect> {
        Some(Expect {
            stdout: self.stdout.clone()?,
            stderr: self.stderr.clone()?,
            status: self.status?,
        })
    }
}

#[derive(Deserialize)]
struct Document {
    cases: Vec<Case>,
}

/// One area's file.
pub struct Area {
    /// The file's stem (`quoting`, `tools-sed`…).
    pub name: String,
    /// Where it lives.
    pub path: PathBuf,
    /// Its text, for rewriting marks.
    pub text: String,
    /// Its cases, in file order.
    pub cases: Vec<Case>,
}

/// Every area of the suite, sorted by name.
pub fn load(dir: &Path) -> Result<Vec<Area>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let doc: Document =
                serde_saphyr::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Area {
                name,
                path,
                text,
                cases: doc.cases,
            })
        })
        .collect()
}

/// The file's text with every case's marks replaced by `marks[i]` (interactive and
/// non-interactive reasons). The recorder writes a fixed layout (a case starts at `- name:`,
/// its keys are indented by two spaces, block text by four or more), so marks are lines of
/// their own that can be dropped and appended without a YAML writer.
pub fn rewrite_marks(text: &str, marks: &[(Option<String>, Option<String>)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut case: Option<usize> = None;
    let flush = |out: &mut String, case: Option<usize>| {
        let Some((interactive, noninteractive)) = case.and_then(|i| marks.get(i)) else {
            return;
        };
        for (key, reason) in [
            ("known_failure", interactive),
            ("noninteractive_known_failure", noninteractive),
        ] {
            if let Some(reason) = reason {
                let quoted = serde_json::to_string(reason).unwrap_or_default();
                out.push_str(&format!("  {key}: {quoted}\n"));
            }
        }
    };
    for line in text.lines() {
        if line.starts_with("- name:") {
            flush(&mut out, case);
            case = Some(case.map_or(0, |i| i + 1));
        }
        if line.starts_with("  known_failure:")
            || line.starts_with("  noninteractive_known_failure:")
        {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    flush(&mut out, case);
    out
}
