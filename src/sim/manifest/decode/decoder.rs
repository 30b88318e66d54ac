//! The strict decoder's primitives: field paths in both spellings, and typed reads of one node
//! that report unknown fields and wrong types the way the API server words them.

use super::super::node::{position, Node};
use super::super::{ManifestError, ManifestErrorKind};
use super::{Located, Pos};
use serde_saphyr::Spanned;

/// A field path in both spellings: Kubernetes' (`spec.containers[0].image`) and the one Go's
/// JSON decoder prints (`spec.containers.image`).
#[derive(Debug, Clone, Default)]
pub(super) struct Path {
    k8s: String,
    go: String,
}

impl Path {
    /// The path of field `name` under this one.
    pub(super) fn child(&self, name: &str) -> Path {
        let join = |base: &str| {
            if base.is_empty() {
                name.to_string()
            } else {
                format!("{base}.{name}")
            }
        };
        Path {
            k8s: join(&self.k8s),
            go: join(&self.go),
        }
    }

    /// The path of item `i` of this list (Go's spelling has no index).
    pub(super) fn index(&self, i: usize) -> Path {
        Path {
            k8s: format!("{}[{i}]", self.k8s),
            go: self.go.clone(),
        }
    }
}

/// Collects every decoding error instead of stopping at the first, as the API server reports them.
pub(super) struct Decoder {
    /// The errors found so far, in document order.
    pub(super) errors: Vec<ManifestError>,
}

impl Decoder {
    /// Records one error at `path`.
    pub(super) fn push(&mut self, kind: ManifestErrorKind, path: &Path, message: String, pos: Pos) {
        self.errors
            .push(ManifestError::at(kind, path.k8s.clone(), message, pos));
    }

    /// Records Go's `cannot unmarshal X into Go struct field` error for a node of the wrong type.
    pub(super) fn type_error(
        &mut self,
        node: &Spanned<Node>,
        path: &Path,
        go_struct: &str,
        go_type: &str,
    ) {
        let message = format!(
            "json: cannot unmarshal {} into Go struct field {go_struct}.{} of type {go_type}",
            node.value.json_kind(),
            path.go
        );
        self.push(ManifestErrorKind::Decode, path, message, position(node));
    }

    /// The entries of a mapping; unknown keys are reported, keys in `ignored` are skipped.
    pub(super) fn mapping<'a>(
        &mut self,
        node: &'a Spanned<Node>,
        path: &Path,
        go: (&str, &str),
        known: &[&str],
        ignored: &[&str],
    ) -> Vec<(&'a str, &'a Spanned<Node>)> {
        let entries = match &node.value {
            Node::Map(entries) => entries,
            Node::Null => return Vec::new(),
            _ => {
                self.type_error(node, path, go.0, go.1);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (key, value) in entries {
            let name = key.value.as_str();
            if known.contains(&name) {
                out.push((name, value));
            } else if !ignored.contains(&name) {
                let field = path.child(name);
                let message = format!("strict decoding error: unknown field \"{}\"", field.k8s);
                self.push(ManifestErrorKind::Decode, &field, message, position(key));
            }
        }
        out
    }

    /// A string scalar (null reads as empty); other types are a type error.
    pub(super) fn string(
        &mut self,
        node: &Spanned<Node>,
        path: &Path,
        go_struct: &str,
    ) -> Located<String> {
        let value = match &node.value {
            Node::Str(s) => s.clone(),
            Node::Null => String::new(),
            _ => {
                self.type_error(node, path, go_struct, "string");
                String::new()
            }
        };
        Located {
            value,
            pos: position(node),
        }
    }

    /// A boolean scalar (null reads as false); other types are a type error.
    pub(super) fn boolean(&mut self, node: &Spanned<Node>, path: &Path, go_struct: &str) -> bool {
        match &node.value {
            Node::Bool(b) => *b,
            Node::Null => false,
            _ => {
                self.type_error(node, path, go_struct, "bool");
                false
            }
        }
    }

    /// The items of a sequence (null reads as empty); other types are a type error.
    pub(super) fn items<'a>(
        &mut self,
        node: &'a Spanned<Node>,
        path: &Path,
        go: (&str, &str),
    ) -> &'a [Spanned<Node>] {
        match &node.value {
            Node::Seq(items) => items,
            Node::Null => &[],
            _ => {
                self.type_error(node, path, go.0, go.1);
                &[]
            }
        }
    }

    /// A `map[string]string` such as `metadata.labels`: any keys, string values.
    pub(super) fn string_map(&mut self, node: &Spanned<Node>, path: &Path, go_struct: &str) {
        match &node.value {
            Node::Map(entries) => {
                for (key, value) in entries {
                    self.string(value, &path.child(&key.value), go_struct);
                }
            }
            Node::Null => {}
            _ => self.type_error(node, path, go_struct, "map[string]string"),
        }
    }

    /// A `[]string` such as `command` or `args`.
    pub(super) fn strings(
        &mut self,
        node: &Spanned<Node>,
        path: &Path,
        go_struct: &str,
    ) -> Vec<String> {
        let items = self.items(node, path, (go_struct, "[]string"));
        items
            .iter()
            .map(|item| self.string(item, path, go_struct).value)
            .collect()
    }
}
