//! What a web server serves, read from its own container's view of the filesystem: nginx's
//! `root /usr/share/nginx/html` (the image's `default.conf`) or httpd's `-h` home, with whatever
//! is mounted there.

use crate::sim::fs::{normalize, Fs, NodeKind};
use crate::sim::http::nginx::server::ROOT;
use crate::sim::http::{DocRoot, FileStat};

/// A server's document root inside one container's mount namespace.
pub struct FsDocRoot<'a> {
    fs: &'a Fs,
    container: &'a str,
    root: &'a str,
}

impl<'a> FsDocRoot<'a> {
    /// nginx's document root as `container` sees it.
    pub fn new(fs: &'a Fs, container: &'a str) -> Self {
        Self::at(fs, container, ROOT)
    }

    /// The directory `root` (absolute) as `container` sees it.
    pub fn at(fs: &'a Fs, container: &'a str, root: &'a str) -> Self {
        FsDocRoot {
            fs,
            container,
            root,
        }
    }

    /// The filesystem path of a URI path (`/index.html` → `/usr/share/nginx/html/index.html`).
    fn full_path(&self, uri_path: &str) -> String {
        normalize(self.root, &format!(".{uri_path}"))
    }
}

impl DocRoot for FsDocRoot<'_> {
    fn stat(&self, path: &str) -> Option<FileStat> {
        let full = self.full_path(path);
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
        self.fs.read(self.container, &self.full_path(path)).ok()
    }
}
