//! A manifest's problems as the editor lists them: `line L, column C: message`.

use crate::sim::manifest::{load, ManifestError, ManifestErrorKind, MAX_MANIFEST_BYTES};

/// One problem, positioned for the gutter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column, when the parser knows it.
    pub column: Option<usize>,
    /// `line 16, column 5: strict decoding error: unknown field "spec.containers[0].imagee"`.
    pub text: String,
}

impl From<&ManifestError> for Problem {
    fn from(e: &ManifestError) -> Self {
        // Validation errors carry the field apart from the message; decoding errors name it inside.
        let message = match e.kind {
            ManifestErrorKind::Invalid | ManifestErrorKind::Unsupported if !e.field.is_empty() => {
                format!("{}: {}", e.field, e.message)
            }
            _ => e.message.clone(),
        };
        let text = match (e.line, e.column) {
            (Some(l), Some(c)) => format!("line {l}, column {c}: {message}"),
            (Some(l), None) => format!("line {l}: {message}"),
            _ => message,
        };
        Problem {
            line: e.line,
            column: e.column,
            text,
        }
    }
}

/// Every problem `kubectl apply` would report for `yaml`; empty when it would be accepted.
pub fn problems(yaml: &str) -> Vec<Problem> {
    match load(yaml) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(Problem::from).collect(),
    }
}

/// `text` cut to the parser's limit (1 MiB), at a character boundary.
pub fn cap_input(mut text: String) -> String {
    if text.len() > MAX_MANIFEST_BYTES {
        let mut end = MAX_MANIFEST_BYTES;
        while !text.is_char_boundary(end) {
            end = end.saturating_sub(1);
        }
        text.truncate(end);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::scenario;

    #[test]
    fn built_in_scenarios_have_no_problems() {
        for s in scenario::all() {
            assert_eq!(problems(s.manifest), Vec::new(), "{}", s.id);
        }
    }

    #[test]
    fn unknown_field_is_positioned() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    imagee: x\n";
        let p = problems(yaml);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].line, p[0].column), (Some(8), Some(5)));
        assert!(
            p[0].text
                .starts_with("line 8, column 5: strict decoding error: unknown field"),
            "{}",
            p[0].text
        );
    }

    #[test]
    fn validation_errors_name_the_field() {
        let yaml =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n";
        let p = problems(yaml);
        assert!(
            p.iter()
                .any(|p| p.text.contains("spec.containers[0].image: Required value")),
            "{p:?}"
        );
    }

    #[test]
    fn input_is_capped_at_a_char_boundary() {
        let big = "é".repeat(MAX_MANIFEST_BYTES);
        let capped = cap_input(big);
        assert!(capped.len() <= MAX_MANIFEST_BYTES && capped.len() > MAX_MANIFEST_BYTES - 2);
        assert_eq!(cap_input("kind: Pod".into()), "kind: Pod");
    }
}
