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

/// Images the manifest names that podscope does not have: the API server accepts them, the
/// kubelet would then fail with `ErrImagePull`, so the editor says so before Apply (without
/// blocking it). Positioned at the `image:` value.
pub fn image_warnings(yaml: &str) -> Vec<Problem> {
    yaml.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let trimmed = line.trim_start().trim_start_matches("- ");
            let value = trimmed.strip_prefix("image:")?;
            let image = value.trim().trim_matches(|c| c == '"' || c == '\'');
            let image = image.split(" #").next().unwrap_or(image).trim();
            if image.is_empty() || crate::sim::image::lookup(image).is_some() {
                return None;
            }
            let column = line.len() - value.trim_start().len() + 1;
            Some(Problem {
                line: Some(i + 1),
                column: Some(column),
                text: format!(
                    "line {}, column {column}: podscope has no image \"{image}\" (it has nginx and debian, with their Debian 12 tags): this container would fail with ErrImagePull",
                    i + 1
                ),
            })
        })
        .collect()
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
    fn unknown_images_are_flagged_where_they_are_named() {
        let yaml = "spec:\n  containers:\n  - name: a\n    image: nginx:1.25\n  - name: b\n    image: \"alpine:3.20\"\n";
        let w = image_warnings(yaml);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].line, w[0].column), (Some(6), Some(12)));
        assert!(
            w[0].text.contains("no image \"alpine:3.20\""),
            "{}",
            w[0].text
        );
        for s in scenario::all() {
            assert_eq!(image_warnings(s.manifest), Vec::new(), "{}", s.id);
        }
    }

    #[test]
    fn input_is_capped_at_a_char_boundary() {
        let big = "é".repeat(MAX_MANIFEST_BYTES);
        let capped = cap_input(big);
        assert!(capped.len() <= MAX_MANIFEST_BYTES && capped.len() > MAX_MANIFEST_BYTES - 2);
        assert_eq!(cap_input("kind: Pod".into()), "kind: Pod");
    }
}
