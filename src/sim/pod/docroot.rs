//! What nginx serves, read from its own container's view of the filesystem: the
//! `root /usr/share/nginx/html` of the image's `default.conf`, with whatever is mounted there.

use crate::sim::fs::{normalize, Fs, NodeKind};
use crate::sim::http::nginx::server::ROOT;
use crate::sim::http::{DocRoot, FileStat};

/// nginx's document root inside one container's mount namespace.
pub struct FsDocRoot<'a> {
    fs: &'a Fs,
    container: &'a str,
}

impl<'a> FsDocRoot<'a> {
    /// The document root as `container` sees it.
    pub fn new(fs: &'a Fs, container: &'a str) -> Self {
        FsDocRoot { fs, container }
    }

    /// The filesystem path of a URI path (`/index.html` → `/usr/share/nginx/html/index.html`).
    fn full_path(uri_path: &str) -> String {
        normalize(ROOT, &format!(".{uri_path}"))
    }
}

impl DocRoot for FsDocRoot<'_> {
    fn stat(&self, path: &str) -> Option<FileStat> {
        let full = Self::full_path(path);
        let meta = self.fs.stat(self.container, &full).ok()?;
        Some(FileStat {
            is_dir: matches!(meta.kind, NodeKind::Dir),
            size: meta.size,
            mtime_ms: meta.mtime_ms,
            ino: meta.ino,
            volume: self.fs.volume_at(self.container, &full),
        })
    }

    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.fs.read(self.container, &Self::full_path(path)).ok()
    }
}
