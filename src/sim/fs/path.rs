//! Lexical path handling: joining a path onto a working directory and splitting it.

/// The absolute path `path` names when typed in `cwd`: joined, with `//`, `.` and `..` collapsed
/// lexically (`..` of `/` is `/`). Symlinks are not consulted; [`super::Fs`] resolves them.
pub fn normalize(cwd: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let joined_cwd = if path.starts_with('/') { "" } else { cwd };
    for c in joined_cwd.split('/').chain(path.split('/')) {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let mut out = String::new();
    for p in &parts {
        out.push('/');
        out.push_str(p);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// The components of a path, without empty ones (so `//a/./b/` gives `a`, `.`, `b`).
pub(crate) fn components(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|c| !c.is_empty())
}

/// Splits an absolute path into its parent directory and last name; `None` for `/`.
pub(crate) fn split_last(path: &str) -> Option<(String, String)> {
    let norm = normalize("/", path);
    let idx = norm.rfind('/')?;
    let name = norm.get(idx + 1..)?;
    if name.is_empty() {
        return None;
    }
    let parent = norm.get(..idx).filter(|p| !p.is_empty()).unwrap_or("/");
    Some((parent.to_string(), name.to_string()))
}

/// `dir` joined with `name`.
pub(crate) fn join(dir: &str, name: &str) -> String {
    if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_like_a_lexical_realpath() {
        assert_eq!(normalize("/", "pod-data"), "/pod-data");
        assert_eq!(normalize("/usr/share", "../lib//x/./y/"), "/usr/lib/x/y");
        assert_eq!(normalize("/a", "/../.."), "/");
        assert_eq!(normalize("/a/b", ""), "/a/b");
    }

    #[test]
    fn splits_parent_and_name() {
        assert_eq!(split_last("/a/b"), Some(("/a".into(), "b".into())));
        assert_eq!(split_last("/a"), Some(("/".into(), "a".into())));
        assert_eq!(split_last("/"), None);
        assert_eq!(join("/", "x"), "/x");
        assert_eq!(join("/a", "x"), "/a/x");
    }
}
