//! The system calls on paths: stat, read, write, mkdir, unlink, rmdir, rename, symlink.

use std::collections::BTreeMap;

use super::path::{join, normalize, split_last};
use super::tree::{steps_path, Data, Step, TreeId};
use super::{Fs, FsError, FsErrorKind, Ino, Metadata, WriteInfo, WriteMode, NAME_MAX, PATH_MAX};

/// Dangling symlinks a write may follow to create their target before giving up with `ELOOP`.
const MAX_CREATE_HOPS: u32 = 40;

impl Fs {
    /// Metadata of what `path` names, following symlinks.
    pub fn stat(&self, ns: &str, path: &str) -> Result<Metadata, FsError> {
        self.meta_of(ns, path, true)
    }

    /// Metadata of `path` itself (a symlink is not followed).
    pub fn lstat(&self, ns: &str, path: &str) -> Result<Metadata, FsError> {
        self.meta_of(ns, path, false)
    }

    /// The whole content of the file at `path`.
    pub fn read(&self, ns: &str, path: &str) -> Result<Vec<u8>, FsError> {
        let step = self.resolve(ns, path, true)?;
        match self.inodes.get(&step.ino).map(|n| &n.data) {
            Some(Data::File(b)) => Ok(b.clone()),
            Some(Data::Dir(_)) => Err(FsError::new(FsErrorKind::IsADirectory, path)),
            _ => Err(FsError::new(FsErrorKind::NotFound, path)),
        }
    }

    /// Writes `data` to the file at `path`, creating it (0644 root:root) if missing; the parent
    /// directory must exist. On a full volume the bytes that fit are written, then `ENOSPC`.
    pub fn write(
        &mut self,
        ns: &str,
        path: &str,
        data: &[u8],
        mode: WriteMode,
        now_ms: u64,
    ) -> Result<WriteInfo, FsError> {
        self.write_hops(ns, path, path, data, mode, now_ms, 0)
    }

    /// The entries of directory `path`, sorted by name, without `.` and `..`; a mounted volume
    /// shows its own root's metadata in place of the directory it shadows.
    pub fn read_dir(&self, ns: &str, path: &str) -> Result<Vec<(String, Metadata)>, FsError> {
        let steps = self.walk(ns, path, true)?;
        let dir = steps.last().map(|s| s.ino).unwrap_or_default();
        let Some(Data::Dir(entries)) = self.inodes.get(&dir).map(|n| &n.data) else {
            return Err(FsError::new(FsErrorKind::NotADirectory, path));
        };
        let base = steps_path(&steps);
        let mut out = Vec::new();
        for (name, ino) in entries {
            let shown = self
                .walk(ns, &join(&base, name), false)
                .ok()
                .and_then(|s| s.last().map(|s| s.ino))
                .unwrap_or(*ino);
            if let Some(m) = self.meta(shown) {
                out.push((name.clone(), m));
            }
        }
        Ok(out)
    }

    /// Creates directory `path` (0755 root:root); the parent must exist.
    pub fn mkdir(&mut self, ns: &str, path: &str, now_ms: u64) -> Result<Ino, FsError> {
        let (parent, name) = self.parent_of(ns, path, FsErrorKind::AlreadyExists)?;
        if self.walk(ns, path, false).is_ok() {
            return Err(FsError::new(FsErrorKind::AlreadyExists, path));
        }
        self.check_writable(ns, &parent, path)?;
        self.link_new(
            parent.ino,
            &name,
            Data::Dir(BTreeMap::new()),
            0o755,
            0,
            0,
            now_ms,
        )
        .ok_or_else(|| FsError::new(FsErrorKind::NotADirectory, path))
    }

    /// Unlinks the file or symlink at `path` (`EISDIR` on a directory).
    pub fn remove_file(&mut self, ns: &str, path: &str) -> Result<(), FsError> {
        let steps = self.walk(ns, path, false)?;
        let (parent, node) =
            last_two(&steps).ok_or_else(|| FsError::new(FsErrorKind::IsADirectory, path))?;
        if matches!(
            self.inodes.get(&node.ino).map(|n| &n.data),
            Some(Data::Dir(_))
        ) {
            return Err(FsError::new(FsErrorKind::IsADirectory, path));
        }
        self.check_writable(ns, parent, path)?;
        self.unlink_entry(parent.ino, &node.name);
        Ok(())
    }

    /// Removes the empty directory `path`; `EBUSY` on a mount point or `/`.
    pub fn remove_dir(&mut self, ns: &str, path: &str) -> Result<(), FsError> {
        let err = |k| FsError::new(k, path);
        let steps = self.walk(ns, path, false)?;
        let (parent, node) = last_two(&steps).ok_or_else(|| err(FsErrorKind::Busy))?;
        match self.inodes.get(&node.ino).map(|n| &n.data) {
            Some(Data::Dir(_)) if self.is_mount_point(ns, &steps) => {
                return Err(err(FsErrorKind::Busy))
            }
            Some(Data::Dir(entries)) if !entries.is_empty() => {
                return Err(err(FsErrorKind::DirectoryNotEmpty))
            }
            Some(Data::Dir(_)) => {}
            _ => return Err(err(FsErrorKind::NotADirectory)),
        }
        self.check_writable(ns, parent, path)?;
        self.unlink_entry(parent.ino, &node.name);
        Ok(())
    }

    /// Renames `from` to `to`, replacing a file or empty directory there; `EXDEV` when the two
    /// parents are on different mounts, `EBUSY` for a mount point.
    pub fn rename(&mut self, ns: &str, from: &str, to: &str, now_ms: u64) -> Result<(), FsError> {
        let src_steps = self.walk(ns, from, false)?;
        let (src_parent, src) =
            last_two(&src_steps).ok_or_else(|| FsError::new(FsErrorKind::Busy, from))?;
        if self.is_mount_point(ns, &src_steps) {
            return Err(FsError::new(FsErrorKind::Busy, from));
        }
        let (dst_parent, dst_name) = self.parent_of(ns, to, FsErrorKind::Busy)?;
        if src_parent.mount != dst_parent.mount {
            return Err(FsError::new(FsErrorKind::CrossDevice, to));
        }
        self.check_writable(ns, src_parent, from)?;
        let src_is_dir = matches!(
            self.inodes.get(&src.ino).map(|n| &n.data),
            Some(Data::Dir(_))
        );
        if src_is_dir && self.is_ancestor(src.ino, dst_parent.ino) {
            return Err(FsError::new(FsErrorKind::InvalidArgument, to));
        }
        if let Ok(dst_steps) = self.walk(ns, to, false) {
            let dst = dst_steps.last().map(|s| s.ino).unwrap_or_default();
            if dst == src.ino {
                return Ok(());
            }
            if self.is_mount_point(ns, &dst_steps) {
                return Err(FsError::new(FsErrorKind::Busy, to));
            }
            match (src_is_dir, self.inodes.get(&dst).map(|n| &n.data)) {
                (true, Some(Data::Dir(e))) if !e.is_empty() => {
                    return Err(FsError::new(FsErrorKind::DirectoryNotEmpty, to))
                }
                (true, Some(Data::Dir(_))) | (false, Some(Data::File(_) | Data::Symlink(_))) => {}
                (true, _) => return Err(FsError::new(FsErrorKind::NotADirectory, to)),
                (false, _) => return Err(FsError::new(FsErrorKind::IsADirectory, to)),
            }
            self.unlink_entry(dst_parent.ino, &dst_name);
        }
        self.move_entry(
            src_parent.ino,
            &src.name,
            src.ino,
            dst_parent.ino,
            &dst_name,
            now_ms,
        );
        Ok(())
    }

    /// Creates symlink `link` pointing at `target` (stored as given, resolved when followed).
    pub fn symlink(
        &mut self,
        ns: &str,
        target: &str,
        link: &str,
        now_ms: u64,
    ) -> Result<(), FsError> {
        let (parent, name) = self.parent_of(ns, link, FsErrorKind::AlreadyExists)?;
        if self.walk(ns, link, false).is_ok() {
            return Err(FsError::new(FsErrorKind::AlreadyExists, link));
        }
        self.check_writable(ns, &parent, link)?;
        self.link_new(
            parent.ino,
            &name,
            Data::Symlink(target.to_string()),
            0o777,
            0,
            0,
            now_ms,
        )
        .map(|_| ())
        .ok_or_else(|| FsError::new(FsErrorKind::NotADirectory, link))
    }

    /// The target of symlink `path` (`EINVAL` if it is not one).
    pub fn read_link(&self, ns: &str, path: &str) -> Result<String, FsError> {
        let step = self.resolve(ns, path, false)?;
        match self.inodes.get(&step.ino).map(|n| &n.data) {
            Some(Data::Symlink(t)) => Ok(t.clone()),
            _ => Err(FsError::new(FsErrorKind::InvalidArgument, path)),
        }
    }

    /// Sets the mtime of `path` to now, creating an empty file if missing (what `touch` does).
    pub fn touch(&mut self, ns: &str, path: &str, now_ms: u64) -> Result<WriteInfo, FsError> {
        match self.walk(ns, path, true) {
            Ok(steps) => {
                let (step, node) = self.writable_node(ns, path, &steps)?;
                node.mtime_ms = now_ms;
                let size = self.meta(step.ino).map_or(0, |m| m.size);
                Ok(WriteInfo {
                    ino: step.ino,
                    size,
                    volume: self.volume_of(step.ino),
                    created: false,
                })
            }
            Err(e) if e.kind == FsErrorKind::NotFound => {
                self.write(ns, path, b"", WriteMode::Append, now_ms)
            }
            Err(e) => Err(e),
        }
    }

    /// The volume the node at `path` lives on, if any (following symlinks).
    pub fn volume_at(&self, ns: &str, path: &str) -> Option<String> {
        self.resolve(ns, path, true)
            .ok()
            .and_then(|s| self.volume_of(s.ino))
    }

    /// The canonical path `path` resolves to (`realpath`).
    pub fn realpath(&self, ns: &str, path: &str) -> Result<String, FsError> {
        self.walk(ns, path, true).map(|s| steps_path(&s))
    }

    /// True when a volume is mounted exactly at `path` in `ns`.
    pub fn is_mount_point_path(&self, ns: &str, path: &str) -> bool {
        self.walk(ns, path, false)
            .is_ok_and(|s| self.is_mount_point(ns, &s))
    }

    /// The volume holding inode `ino`, if it is on one.
    pub fn volume_of(&self, ino: Ino) -> Option<String> {
        match self.inodes.get(&ino).map(|n| &n.tree) {
            Some(TreeId::Volume(v)) => Some(v.clone()),
            _ => None,
        }
    }

    fn meta_of(&self, ns: &str, path: &str, follow: bool) -> Result<Metadata, FsError> {
        let step = self.resolve(ns, path, follow)?;
        self.meta(step.ino)
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, path))
    }

    /// The resolved parent directory of `path` and the last name; `at_root` is the error for `/`.
    fn parent_of(
        &self,
        ns: &str,
        path: &str,
        at_root: FsErrorKind,
    ) -> Result<(Step, String), FsError> {
        let (parent, name) = split_last(path).ok_or_else(|| FsError::new(at_root, path))?;
        if path.len() >= PATH_MAX {
            return Err(FsError::new(FsErrorKind::NameTooLong, path));
        }
        let step = self
            .resolve(ns, &parent, true)
            .map_err(|e| FsError::new(e.kind, path))?;
        if name.len() > NAME_MAX {
            return Err(FsError::new(FsErrorKind::NameTooLong, path));
        }
        match self.inodes.get(&step.ino).map(|n| &n.data) {
            Some(Data::Dir(_)) => Ok((step, name)),
            _ => Err(FsError::new(FsErrorKind::NotADirectory, path)),
        }
    }

    /// The node a walk ended on, to change in place: its step and inode. A read-only mount
    /// refuses (`chmod`, `touch`).
    pub(crate) fn writable_node(
        &mut self,
        ns: &str,
        path: &str,
        steps: &[Step],
    ) -> Result<(Step, &mut super::tree::Inode), FsError> {
        let step = steps
            .last()
            .cloned()
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, path))?;
        self.check_writable(ns, &step, path)?;
        let node = self
            .inodes
            .get_mut(&step.ino)
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, path))?;
        Ok((step, node))
    }

    pub(crate) fn check_writable(&self, ns: &str, step: &Step, path: &str) -> Result<(), FsError> {
        let ro = step
            .mount
            .and_then(|i| self.namespaces.get(ns).and_then(|n| n.mounts.get(i)))
            .is_some_and(|m| m.read_only);
        if ro {
            Err(FsError::new(FsErrorKind::ReadOnlyFs, path))
        } else {
            Ok(())
        }
    }

    fn is_mount_point(&self, ns: &str, steps: &[Step]) -> bool {
        let path = steps_path(steps);
        self.namespaces
            .get(ns)
            .is_some_and(|n| n.mounts.iter().any(|m| m.target == path))
    }

    /// True when directory `dir` is `ino` or lies below it.
    fn is_ancestor(&self, ino: Ino, mut dir: Ino) -> bool {
        loop {
            if dir == ino {
                return true;
            }
            match self.inodes.get(&dir) {
                Some(n) if n.parent != dir => dir = n.parent,
                _ => return false,
            }
        }
    }

    fn move_entry(
        &mut self,
        from_dir: Ino,
        from_name: &str,
        ino: Ino,
        to_dir: Ino,
        to_name: &str,
        now_ms: u64,
    ) {
        for (dir, remove) in [(from_dir, true), (to_dir, false)] {
            if let Some(super::tree::Inode {
                data: Data::Dir(entries),
                mtime_ms,
                ..
            }) = self.inodes.get_mut(&dir)
            {
                if remove {
                    entries.remove(from_name);
                } else {
                    entries.insert(to_name.to_string(), ino);
                }
                *mtime_ms = now_ms;
            }
        }
        if let Some(n) = self.inodes.get_mut(&ino) {
            n.parent = to_dir;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn write_hops(
        &mut self,
        ns: &str,
        shown: &str,
        path: &str,
        data: &[u8],
        mode: WriteMode,
        now_ms: u64,
        hops: u32,
    ) -> Result<WriteInfo, FsError> {
        let err = |k| FsError::new(k, shown);
        let (step, created) = match self.walk(ns, path, true) {
            Ok(mut steps) => (
                steps.pop().ok_or_else(|| err(FsErrorKind::IsADirectory))?,
                false,
            ),
            Err(e) if e.kind == FsErrorKind::NotFound => {
                let (parent, name) = self
                    .parent_of(ns, path, FsErrorKind::IsADirectory)
                    .map_err(|e| err(e.kind))?;
                let dir_path =
                    self.realpath(ns, &split_last(path).map(|p| p.0).unwrap_or_default())?;
                if let Ok(target) = self.read_link(ns, &join(&dir_path, &name)) {
                    if hops >= MAX_CREATE_HOPS {
                        return Err(err(FsErrorKind::SymlinkLoop));
                    }
                    let next = normalize(&dir_path, &target);
                    return self.write_hops(
                        ns,
                        shown,
                        &next,
                        data,
                        mode,
                        now_ms,
                        hops.saturating_add(1),
                    );
                }
                self.check_writable(ns, &parent, shown)?;
                let ino = self
                    .link_new(
                        parent.ino,
                        &name,
                        Data::File(Vec::new()),
                        0o644,
                        0,
                        0,
                        now_ms,
                    )
                    .ok_or_else(|| err(FsErrorKind::NotADirectory))?;
                (
                    Step {
                        name,
                        ino,
                        mount: parent.mount,
                    },
                    true,
                )
            }
            Err(e) => return Err(err(e.kind)),
        };
        if !created {
            if let Some(Data::Dir(_)) = self.inodes.get(&step.ino).map(|n| &n.data) {
                return Err(err(FsErrorKind::IsADirectory));
            }
            self.check_writable(ns, &step, shown)?;
        }
        let room = self.room_for(step.ino, mode);
        let node = self
            .inodes
            .get_mut(&step.ino)
            .ok_or_else(|| err(FsErrorKind::NotFound))?;
        let Data::File(bytes) = &mut node.data else {
            return Err(err(FsErrorKind::InvalidArgument));
        };
        if mode == WriteMode::Truncate {
            bytes.clear();
        }
        let fits = usize::try_from(room).unwrap_or(usize::MAX).min(data.len());
        bytes.extend_from_slice(data.get(..fits).unwrap_or_default());
        node.mtime_ms = now_ms;
        let size = bytes.len() as u64;
        if fits < data.len() {
            return Err(err(FsErrorKind::NoSpace));
        }
        Ok(WriteInfo {
            ino: step.ino,
            size,
            volume: self.volume_of(step.ino),
            created,
        })
    }

    /// Bytes that may still be written to file `ino` before its volume is full.
    fn room_for(&self, ino: Ino, mode: WriteMode) -> u64 {
        let Some(vol) = self.volume_of(ino) else {
            return u64::MAX;
        };
        let Some(limit) = self.volumes.get(&vol).and_then(|v| v.size_limit) else {
            return u64::MAX;
        };
        let own = match (mode, self.inodes.get(&ino).map(|n| &n.data)) {
            (WriteMode::Truncate, Some(Data::File(b))) => b.len() as u64,
            _ => 0,
        };
        limit.saturating_sub(self.volume_usage(&vol).saturating_sub(own))
    }
}

/// The parent and the last step of a resolved chain; `None` for `/`.
fn last_two(steps: &[Step]) -> Option<(&Step, &Step)> {
    match steps {
        [.., parent, last] => Some((parent, last)),
        _ => None,
    }
}
