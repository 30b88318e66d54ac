//! Lookups: resolving paths through mounts and symlinks, metadata, and where an inode is seen.

use std::collections::VecDeque;

use super::path::components;
use super::tree::{Data, Namespace, Step, TreeId, DIR_SIZE};
use super::{Fs, FsError, FsErrorKind, Ino, Metadata, NodeKind, NAME_MAX, PATH_MAX};

/// Symlinks followed in one lookup before `ELOOP` (Linux's `MAXSYMLINKS`).
const MAX_SYMLINKS: u32 = 40;

impl Fs {
    /// The mount of `ns` covering the canonical path `path`, if a volume is mounted exactly there.
    fn mount_at(namespace: &Namespace, path: &str) -> Option<usize> {
        namespace.mounts.iter().rposition(|m| m.target == path)
    }

    /// Resolves `path` in `ns` to the chain of components from `/`, following symlinks (the last
    /// one only when `follow_last`) and stepping onto mounted volumes.
    pub(crate) fn walk(
        &self,
        ns: &str,
        path: &str,
        follow_last: bool,
    ) -> Result<Vec<Step>, FsError> {
        self.walk_steps(ns, path, follow_last, true)
    }

    /// The last step of [`Fs::walk`] (the node `path` leads to), its name left empty: reading
    /// a file or its metadata needs no component's name, and not copying them saves an
    /// allocation per component on every lookup.
    pub(crate) fn resolve(&self, ns: &str, path: &str, follow: bool) -> Result<Step, FsError> {
        self.walk_steps(ns, path, follow, false)?
            .pop()
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, path))
    }

    /// [`Fs::walk`], with each step's name only when `names`.
    fn walk_steps(
        &self,
        ns: &str,
        path: &str,
        follow_last: bool,
        names: bool,
    ) -> Result<Vec<Step>, FsError> {
        let err = |k| FsError::new(k, path);
        let namespace = self
            .namespaces
            .get(ns)
            .ok_or_else(|| err(FsErrorKind::NotFound))?;
        let root_step = || match Self::mount_at(namespace, "/") {
            Some(i) => Step {
                name: String::new(),
                ino: namespace.mounts.get(i).map_or(namespace.root, |m| m.root),
                mount: Some(i),
            },
            None => Step {
                name: String::new(),
                ino: namespace.root,
                mount: None,
            },
        };
        if path.len() >= PATH_MAX {
            return Err(err(FsErrorKind::NameTooLong));
        }
        let mut pending: VecDeque<&str> = components(path).collect();
        let mut stack = Vec::with_capacity(pending.len().saturating_add(1));
        stack.push(root_step());
        // The canonical path of the top of `stack`, kept in step with it (rebuilding it for
        // every component made a deep walk quadratic).
        let mut here = String::with_capacity(path.len().saturating_add(16));
        let mut hops = 0u32;
        while let Some(c) = pending.pop_front() {
            if c == "." {
                continue;
            }
            if c == ".." {
                if stack.len() > 1 {
                    stack.pop();
                    let cut = here.rfind('/').unwrap_or(0);
                    here.truncate(cut);
                }
                continue;
            }
            if c.len() > NAME_MAX {
                return Err(err(FsErrorKind::NameTooLong));
            }
            let (top_ino, top_mount) = stack.last().map_or_else(
                || {
                    let r = root_step();
                    (r.ino, r.mount)
                },
                |s| (s.ino, s.mount),
            );
            let entries = match self.inodes.get(&top_ino).map(|n| &n.data) {
                Some(Data::Dir(entries)) => entries,
                _ => return Err(err(FsErrorKind::NotADirectory)),
            };
            let child = entries
                .get(c)
                .copied()
                .ok_or_else(|| err(FsErrorKind::NotFound))?;
            let parent_len = here.len();
            here.push('/');
            here.push_str(c);
            let (ino, mount) = match Self::mount_at(namespace, &here) {
                Some(i) => (namespace.mounts.get(i).map_or(child, |m| m.root), Some(i)),
                None => (child, top_mount),
            };
            if let Some(Data::Symlink(target)) = self.inodes.get(&ino).map(|n| &n.data) {
                if !pending.is_empty() || follow_last {
                    hops = hops.saturating_add(1);
                    if hops > MAX_SYMLINKS {
                        return Err(err(FsErrorKind::SymlinkLoop));
                    }
                    here.truncate(parent_len);
                    if target.starts_with('/') {
                        stack.truncate(1);
                        here.clear();
                    }
                    for t in components(target).collect::<Vec<_>>().into_iter().rev() {
                        pending.push_front(t);
                    }
                    continue;
                }
            }
            stack.push(Step {
                name: if names { c.to_string() } else { String::new() },
                ino,
                mount,
            });
        }
        Ok(stack)
    }

    /// `stat`-like metadata of an inode.
    pub(crate) fn meta(&self, ino: Ino) -> Option<Metadata> {
        let n = self.inodes.get(&ino)?;
        let (kind, size, nlink) = match &n.data {
            Data::File(b) => (NodeKind::File, b.len() as u64, 1),
            Data::Symlink(t) => (NodeKind::Symlink, t.len() as u64, 1),
            Data::Dir(entries) => {
                let subdirs = entries
                    .values()
                    .filter(|i| matches!(self.inodes.get(i).map(|n| &n.data), Some(Data::Dir(_))))
                    .count();
                (
                    NodeKind::Dir,
                    DIR_SIZE,
                    u32::try_from(subdirs).unwrap_or(u32::MAX).saturating_add(2),
                )
            }
        };
        Some(Metadata {
            ino,
            kind,
            mode: n.mode,
            uid: n.uid,
            gid: n.gid,
            size,
            mtime_ms: n.mtime_ms,
            nlink,
        })
    }

    /// Bytes of regular files stored in volume `volume`.
    pub fn volume_usage(&self, volume: &str) -> u64 {
        let tree = TreeId::Volume(volume.to_string());
        self.inodes
            .values()
            .filter(|n| n.tree == tree)
            .map(|n| match &n.data {
                Data::File(b) => b.len() as u64,
                _ => 0,
            })
            .fold(0u64, u64::saturating_add)
    }

    /// Bytes of regular files stored in all volumes together (they share the node's disk).
    pub fn volumes_usage_total(&self) -> u64 {
        self.volumes
            .keys()
            .map(|v| self.volume_usage(v))
            .fold(0u64, u64::saturating_add)
    }

    /// Every `(namespace, absolute path)` at which inode `ino` is visible: through the image tree
    /// of its own namespace, or through every mount of its volume.
    pub fn paths_of_inode(&self, ino: Ino) -> Vec<(String, String)> {
        let Some(node) = self.inodes.get(&ino) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (ns_name, namespace) in &self.namespaces {
            let candidates: Vec<String> = match &node.tree {
                TreeId::Image(owner) if owner == ns_name => {
                    self.path_below(namespace.root, ino).into_iter().collect()
                }
                TreeId::Image(_) => Vec::new(),
                TreeId::Volume(v) => namespace
                    .mounts
                    .iter()
                    .filter(|m| &m.volume == v)
                    .filter_map(|m| {
                        self.path_below(m.root, ino)
                            .map(|rel| format!("{}{}", m.target.trim_end_matches('/'), rel))
                    })
                    .map(|p| if p.is_empty() { "/".to_string() } else { p })
                    .collect(),
            };
            for p in candidates {
                let visible = self
                    .walk(ns_name, &p, false)
                    .ok()
                    .and_then(|s| s.last().map(|s| s.ino))
                    == Some(ino);
                if visible && !out.iter().any(|(n, q)| n == ns_name && q == &p) {
                    out.push((ns_name.clone(), p));
                }
            }
        }
        out
    }

    /// The path of `ino` relative to directory `top` (`""` for `top` itself, else `/a/b`).
    fn path_below(&self, top: Ino, ino: Ino) -> Option<String> {
        let mut names = Vec::new();
        let mut cur = ino;
        while cur != top {
            let node = self.inodes.get(&cur)?;
            if node.parent == cur {
                return None;
            }
            let parent = self.inodes.get(&node.parent)?;
            let Data::Dir(entries) = &parent.data else {
                return None;
            };
            let name = entries
                .iter()
                .find(|(_, i)| **i == cur)
                .map(|(n, _)| n.clone())?;
            names.push(name);
            cur = node.parent;
        }
        Some(
            names
                .iter()
                .rev()
                .fold(String::new(), |acc, n| format!("{acc}/{n}")),
        )
    }
}

/// The canonical absolute path of a resolved chain.
pub(crate) fn steps_path(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps.iter().skip(1) {
        out.push('/');
        out.push_str(&s.name);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}
