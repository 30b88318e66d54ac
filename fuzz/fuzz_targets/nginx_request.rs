//! The sim nginx's request handling on any bytes a client could send: parse requests off the
//! buffer as a connection does, answer each from a small document root, write the access-log
//! line. Never a panic, and every parse makes progress.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podscope::sim::http::message::{parse_request, ParsedRequest};
use podscope::sim::http::nginx::{access_log_line, respond, DocRoot, FileStat};

/// `/index.html`, `/dir/` with an index, `/empty/` without one.
struct Root;

impl DocRoot for Root {
    fn stat(&self, path: &str) -> Option<FileStat> {
        let (is_dir, size) = match path {
            "/" | "/dir" | "/dir/" | "/empty" | "/empty/" => (true, 0),
            "/index.html" | "/dir/index.html" => (false, 6),
            _ => return None,
        };
        Some(FileStat {
            is_dir,
            size,
            mtime_ms: 0,
            ino: 7,
            volume: None,
        })
    }

    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.stat(path)
            .filter(|s| !s.is_dir)
            .map(|_| b"hello\n".to_vec())
    }
}

fuzz_target!(|bytes: &[u8]| {
    let mut inbox = bytes.to_vec();
    while let ParsedRequest::Complete(req, used) = parse_request(&inbox, "127.0.0.1") {
        assert!(used > 0, "a parse that uses no bytes would loop forever");
        let resp = respond(&req, &Root, 1_000);
        let _ = resp.head_bytes();
        let _ = access_log_line(&req, &resp, "127.0.0.1", 1_000);
        inbox.drain(..used.min(inbox.len()));
        if !resp.keep_alive {
            break;
        }
    }
});
