//! Changing a node's attributes: its permission bits (`chmod`).

use super::{Fs, FsError};

impl Fs {
    /// Sets the permission bits of the node `path` leads to (through symlinks); returns the old
    /// ones. A read-only mount refuses.
    pub fn chmod(&mut self, ns: &str, path: &str, mode: u32) -> Result<u32, FsError> {
        let steps = self.walk(ns, path, true)?;
        let (_, node) = self.writable_node(ns, path, &steps)?;
        let old = node.mode;
        node.mode = (node.mode & !0o7777) | (mode & 0o7777);
        Ok(old & 0o7777)
    }
}
