//! Changing a node's attributes: its permission bits (`chmod`).

use super::{Fs, FsError, FsErrorKind};

impl Fs {
    /// Sets the permission bits of the node `path` leads to (through symlinks); returns the old
    /// ones. A read-only mount refuses.
    pub fn chmod(&mut self, ns: &str, path: &str, mode: u32) -> Result<u32, FsError> {
        let steps = self.walk(ns, path, true)?;
        let step = steps
            .last()
            .cloned()
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, path))?;
        self.check_writable(ns, &step, path)?;
        let node = self
            .inodes
            .get_mut(&step.ino)
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, path))?;
        let old = node.mode;
        node.mode = (node.mode & !0o7777) | (mode & 0o7777);
        Ok(old & 0o7777)
    }
}
