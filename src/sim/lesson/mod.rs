//! Self-checking lessons: a title, a brief, and tasks whose checks are predicates over the
//! simulated pod and its event trace ("the file nginx serves at PATH contains X", "a TCP
//! connection to port 80 from debian-container reached ESTABLISHED"). Grading is by end state
//! and by what the trace shows happened, never by the keystrokes typed.
//!
//! Lessons are data (`lessons/*.yaml`), decoded by [`Lesson::from_yaml`] alone into the
//! serde types below; a seed picks each student's values for the `{name}` placeholders.
//! [`Progress`] evaluates the checks after every event. A file's `translations` give its text
//! in other languages (`translate`). May use: serde, serde-saphyr, serde_json, `sim::cluster`,
//! `sim::event`, `crate::i18n` (the language in force). Nothing web.

mod check;
mod progress;
mod seed;
#[cfg(test)]
mod tests;
mod translate;

pub use check::Check;
pub use progress::{Progress, Score};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A built-in lesson before it is opened: its id and the title a menu lists (a test checks it
/// against the file's). Lessons open from their compiled form, so listing them parses no YAML
/// and the app ships no lesson file ([`Source::text`] is for tests and tools).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Stable id.
    pub id: &'static str,
    /// The file's `title`.
    pub title: &'static str,
    /// The file's `translations.<tag>.title`s, by language tag.
    pub titles: &'static [(&'static str, &'static str)],
}

impl Source {
    /// The lesson file (`lessons/<id>.yaml`). Not a field: the app lists [`SOURCES`] and would
    /// then carry every file in its download although it only opens the compiled form.
    pub fn text(&self) -> &'static str {
        match self.id {
            "shared-volume" => include_str!("../../../lessons/shared-volume.yaml"),
            "localhost" => include_str!("../../../lessons/localhost.yaml"),
            _ => "",
        }
    }

    /// The menu's title in the language in force (English when the file has no translation).
    pub fn title_text(&self) -> &'static str {
        let tag = crate::i18n::lang().tag();
        self.titles
            .iter()
            .find(|(t, _)| *t == tag)
            .map_or(self.title, |(_, title)| title)
    }
}

/// The built-in lessons.
pub const SOURCES: &[Source] = &[
    Source {
        id: "shared-volume",
        title: "Shared volume: hand nginx a page",
        titles: &[("es", "Volumen compartido: dale una página a nginx")],
    },
    Source {
        id: "localhost",
        title: "Localhost: one network namespace",
        titles: &[("es", "Localhost: un único espacio de nombres de red")],
    },
];

// The built-in lessons decoded to JSON, generated from SOURCES by the test `compiled_is_current`
// (`UPDATE_LESSONS=1 cargo test --lib sim::lesson`): no YAML parser in the app's first download.
#[rustfmt::skip]
mod compiled;

/// Why a lesson file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError(pub String);

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lesson: {}", self.0)
    }
}

/// A hint shown instead of the task's own while its condition holds (a wrong attempt the
/// lesson anticipates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hint {
    /// When this hint applies.
    pub when: Check,
    /// What it says.
    pub text: String,
}

/// One task of a lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Stable id (`write`), unique in its lesson.
    pub id: String,
    /// What the student should achieve.
    pub title: String,
    /// The hint shown while this is the first task not done.
    pub hint: String,
    /// Sharper hints for anticipated wrong attempts; the first whose condition holds wins.
    #[serde(default)]
    pub hints: Vec<Hint>,
    /// The predicate that says it is done.
    pub check: Check,
}

/// A lesson with its values filled in for one seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id (`shared-volume`), as in `?lesson=`.
    pub id: String,
    /// The built-in scenario whose pod the lesson starts on.
    pub scenario: String,
    /// Title shown on the task panel.
    pub title: String,
    /// The situation and the goal, in a few sentences.
    pub brief: String,
    /// Per-student values: each `{name}` placeholder gets one of its list, picked by the seed.
    #[serde(default)]
    pub params: BTreeMap<String, Vec<String>>,
    /// The tasks, in the order they are usually done.
    pub tasks: Vec<Task>,
    /// A `podscope shell` script (`@terminal` lines switch) that completes every task.
    pub solution: Vec<String>,
    /// The values the seed picked.
    #[serde(skip)]
    pub values: BTreeMap<String, String>,
}

impl Lesson {
    /// Decodes a lesson file and fills in the values `seed` picks (an empty seed picks each
    /// list's first value). The only place lesson text is parsed.
    pub fn from_yaml(text: &str, seed: &str) -> Result<Lesson, LessonError> {
        let raw: serde_json::Value =
            serde_saphyr::from_str(text).map_err(|e| LessonError(e.to_string()))?;
        Lesson::from_value(raw, seed)
    }

    /// [`Lesson::from_yaml`] for a lesson already decoded to JSON (the compiled-in form of the
    /// built-in lessons, `compiled.rs`: the app starts without a YAML parser).
    pub fn from_json(json: &str, seed: &str) -> Result<Lesson, LessonError> {
        let raw: serde_json::Value =
            serde_json::from_str(json).map_err(|e| LessonError(e.to_string()))?;
        Lesson::from_value(raw, seed)
    }

    fn from_value(mut raw: serde_json::Value, seed: &str) -> Result<Lesson, LessonError> {
        translate::localize(&mut raw, crate::i18n::lang().tag())?;
        let (value, values) = seed::fill(raw, seed)?;
        let mut lesson: Lesson =
            serde_json::from_value(value).map_err(|e| LessonError(e.to_string()))?;
        lesson.values = values;
        lesson.validate()?;
        Ok(lesson)
    }

    /// Checks what serde cannot: ids unique, 1–10 tasks, every placeholder known.
    fn validate(&self) -> Result<(), LessonError> {
        if self.tasks.is_empty() || self.tasks.len() > 10 {
            return Err(LessonError(format!(
                "{} has {} tasks (1 to 10 allowed)",
                self.id,
                self.tasks.len()
            )));
        }
        for (i, task) in self.tasks.iter().enumerate() {
            if self.tasks[..i].iter().any(|t| t.id == task.id) {
                return Err(LessonError(format!("task id '{}' is used twice", task.id)));
            }
        }
        let text = serde_json::to_string(&(&self.title, &self.tasks, &self.solution))
            .map_err(|e| LessonError(e.to_string()))?;
        match seed::leftover_placeholder(&text) {
            Some(name) => Err(LessonError(format!(
                "placeholder {{{name}}} has no values in params"
            ))),
            None => Ok(()),
        }
    }

    /// The solution as one script, a line per command.
    pub fn solution_script(&self) -> String {
        self.solution.iter().map(|l| format!("{l}\n")).collect()
    }
}

/// The ids of the built-in lessons.
pub fn ids() -> Vec<&'static str> {
    SOURCES.iter().map(|s| s.id).collect()
}

/// The built-in lesson `id` for `seed`.
pub fn builtin(id: &str, seed: &str) -> Result<Lesson, LessonError> {
    let (_, json) = compiled::COMPILED
        .iter()
        .find(|(i, _)| *i == id)
        .ok_or_else(|| {
            LessonError(format!(
                "unknown lesson '{id}' (built-in: {})",
                ids().join(", ")
            ))
        })?;
    Lesson::from_json(json, seed)
}
