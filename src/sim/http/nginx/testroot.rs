//! A document root in memory, shaped like the one the recordings in `tests/golden-local/` served.

use super::{DocRoot, FileStat};
use std::collections::BTreeMap;

/// Paths -> (is_dir, contents); every entry has the same mtime.
pub struct MemRoot {
    pub entries: BTreeMap<String, (bool, Vec<u8>)>,
    pub mtime_ms: u64,
}

impl MemRoot {
    /// The tree of the recording session (`/tmp/httprec/html`).
    pub fn recorded() -> MemRoot {
        let mut entries = BTreeMap::new();
        for (p, c) in [
            ("/index.html", "Hello from the debian container\n"),
            ("/dir/index.html", "<p>dir</p>\n"),
            ("/a.txt", "text\n"),
            ("/style.css", "body{}\n"),
        ] {
            entries.insert(p.to_string(), (false, c.as_bytes().to_vec()));
        }
        for d in ["/", "/dir", "/dir/", "/empty", "/empty/"] {
            entries.insert(d.to_string(), (true, Vec::new()));
        }
        MemRoot {
            entries,
            mtime_ms: 0,
        }
    }
}

impl DocRoot for MemRoot {
    fn stat(&self, path: &str) -> Option<FileStat> {
        self.entries.get(path).map(|(is_dir, c)| FileStat {
            is_dir: *is_dir,
            size: c.len() as u64,
            mtime_ms: self.mtime_ms,
            ino: 1_000_001,
            volume: Some("shared-data".into()),
        })
    }
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.entries
            .get(path)
            .filter(|(d, _)| !d)
            .map(|(_, c)| c.clone())
    }
}
