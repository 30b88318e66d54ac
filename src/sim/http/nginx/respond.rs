//! What nginx answers, as a pure function of the request, the files under the document root and
//! the time: the static and index modules of nginx 1.22.1 with the official image's
//! `default.conf` (`root /usr/share/nginx/html; index index.html index.htm;`).

use super::super::message::{Request, Response, Served};
use super::super::pages::{self, NGINX_VERSION};
use crate::sim::clock;

/// What nginx learns from `stat(2)` on a path under the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStat {
    /// A directory (else a regular file).
    pub is_dir: bool,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, ms of sim time.
    pub mtime_ms: u64,
    /// Inode number.
    pub ino: u64,
    /// The volume the file lives on, if any.
    pub volume: Option<String>,
}

/// The files nginx serves: paths are URI paths under the root (`/index.html`). The pod
/// implements it over the container's filesystem; tests over a map.
pub trait DocRoot {
    /// Metadata of the file or directory at `path`, following symlinks; `None` if absent.
    fn stat(&self, path: &str) -> Option<FileStat>;
    /// The contents of the regular file at `path`.
    fn read(&self, path: &str) -> Option<Vec<u8>>;
}

/// Decodes `%XX` escapes, strips the query, merges slashes and resolves `.`/`..` like nginx's
/// `ngx_http_parse_complex_uri`; `None` when the path climbs above the root (nginx: 400).
pub fn normalize_uri(target: &str) -> Option<(String, Option<String>)> {
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string())),
        None => (target, None),
    };
    if !path.starts_with('/') {
        return None;
    }
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i.saturating_add(1)..i.saturating_add(3))
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                decoded.push(v);
                i = i.saturating_add(3);
            }
            _ => {
                decoded.push(b);
                i = i.saturating_add(1);
            }
        }
    }
    let decoded = String::from_utf8_lossy(&decoded).into_owned();
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = decoded.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing = false;
    for (n, seg) in segments.iter().enumerate() {
        match *seg {
            "" | "." => trailing = n == last,
            ".." => {
                parts.pop()?;
                trailing = n == last;
            }
            s => {
                parts.push(s);
                trailing = false;
            }
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if trailing && !parts.is_empty() {
        out.push('/');
    }
    Some((out, query))
}

fn header_base(status: u16, now_ms: u64) -> Vec<(String, String)> {
    let _ = status;
    vec![
        ("Server".into(), format!("nginx/{NGINX_VERSION}")),
        ("Date".into(), clock::http_date(now_ms)),
    ]
}

fn connection(keep_alive: bool) -> (String, String) {
    (
        "Connection".into(),
        if keep_alive { "keep-alive" } else { "close" }.into(),
    )
}

/// nginx's own error response (error page body, `Connection` per keep-alive rules).
fn error(req: &Request, status: u16, now_ms: u64, location: Option<String>) -> Response {
    let keep_alive = req.wants_keep_alive() && !matches!(status, 400 | 414 | 505) && !req.invalid;
    let page = pages::error_page(status);
    let mut headers = header_base(status, now_ms);
    headers.push(("Content-Type".into(), "text/html".into()));
    headers.push(("Content-Length".into(), page.len().to_string()));
    if let Some(l) = location {
        headers.push(("Location".into(), l));
    }
    headers.push(connection(keep_alive));
    let body = if req.method == "HEAD" {
        Vec::new()
    } else {
        page
    };
    Response {
        status,
        reason: pages::reason(status),
        headers,
        body,
        keep_alive,
        simple: false,
        served: None,
    }
}

fn static_file(
    req: &Request,
    path: &str,
    st: &FileStat,
    docroot: &dyn DocRoot,
    now_ms: u64,
) -> Response {
    let keep_alive = req.wants_keep_alive();
    let mut headers = header_base(200, now_ms);
    headers.push(("Content-Type".into(), pages::content_type(path).into()));
    headers.push(("Content-Length".into(), st.size.to_string()));
    headers.push(("Last-Modified".into(), clock::http_date(st.mtime_ms)));
    headers.push(connection(keep_alive));
    headers.push((
        "ETag".into(),
        format!("\"{:x}-{:x}\"", clock::unix_seconds(st.mtime_ms), st.size),
    ));
    headers.push(("Accept-Ranges".into(), "bytes".into()));
    let body = if req.method == "HEAD" {
        Vec::new()
    } else {
        docroot.read(path).unwrap_or_default()
    };
    let served = Some(Served {
        path: path.to_string(),
        ino: st.ino,
        size: st.size,
        volume: st.volume.clone(),
    });
    Response {
        status: 200,
        reason: pages::reason(200),
        headers,
        body,
        keep_alive,
        simple: req.major == 0,
        served,
    }
}

/// nginx 1.22.1's answer to `req` with the pod's `default.conf`.
pub fn respond(req: &Request, docroot: &dyn DocRoot, now_ms: u64) -> Response {
    if req.invalid {
        let status = if req.major > 1 { 505 } else { 400 };
        return error(req, status, now_ms, None);
    }
    let method_ok = !req.method.is_empty()
        && req
            .method
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'_' || b == b'-');
    if !method_ok || (req.major == 1 && req.minor == 1 && req.header("Host").is_none()) {
        return error(req, 400, now_ms, None);
    }
    let Some((mut path, query)) = normalize_uri(&req.target) else {
        return error(req, 400, now_ms, None);
    };
    let get_like = matches!(req.method.as_str(), "GET" | "HEAD" | "POST");
    if path.ends_with('/') && get_like {
        // The index module: try each index file, else 403 for an existing directory.
        let found = ["index.html", "index.htm"]
            .iter()
            .map(|i| format!("{path}{i}"))
            .find(|p| docroot.stat(p).is_some());
        match found {
            Some(p) => path = p,
            None if docroot.stat(&path).is_some_and(|s| s.is_dir) => {
                return error(req, 403, now_ms, None)
            }
            None => return error(req, 404, now_ms, None),
        }
    }
    if !get_like {
        return error(req, 405, now_ms, None);
    }
    let Some(st) = docroot.stat(&path) else {
        return error(req, 404, now_ms, None);
    };
    if st.is_dir {
        let host = req
            .header("Host")
            .map(|h| h.rsplit_once(':').map_or(h, |(name, _)| name).to_string())
            .unwrap_or_else(|| req.local_addr.clone());
        let q = query.map(|q| format!("?{q}")).unwrap_or_default();
        return error(req, 301, now_ms, Some(format!("http://{host}{path}/{q}")));
    }
    if req.method == "POST" {
        return error(req, 405, now_ms, None);
    }
    static_file(req, &path, &st, docroot, now_ms)
}

/// A line of the image's `main` log format for one request.
pub fn access_log_line(req: &Request, resp: &Response, remote_addr: &str, now_ms: u64) -> String {
    let c = clock::civil(now_ms);
    let month = clock::MONTHS
        .get(c.month.saturating_sub(1) as usize)
        .unwrap_or(&"Jan");
    let quoted = |v: Option<&str>| v.map_or_else(|| "-".to_string(), str::to_string);
    format!(
        "{remote_addr} - - [{:02}/{month}/{}:{:02}:{:02}:{:02} +0000] \"{}\" {} {} \"{}\" \"{}\" \"{}\"",
        c.day,
        c.year,
        c.hour,
        c.minute,
        c.second,
        req.request_line,
        resp.status,
        resp.body.len(),
        quoted(req.header("Referer")),
        quoted(req.header("User-Agent")),
        quoted(req.header("X-Forwarded-For")),
    )
}

#[cfg(test)]
mod tests {
    use super::super::testroot::MemRoot;
    use super::*;
    use crate::sim::http::message::{parse_request, ParsedRequest};

    /// Blanks `Date:`/`Last-Modified:` values and the mtime half of an ETag (README rule 2).
    pub(crate) fn normalize(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes)
            .split("\r\n")
            .map(|l| {
                if l.starts_with("Date: ") || l.starts_with("Last-Modified: ") {
                    format!("{}: DATE", l.split(':').next().unwrap_or(""))
                } else if let Some(tag) = l.strip_prefix("ETag: \"") {
                    format!("ETag: \"X-{}", tag.split('-').nth(1).unwrap_or(""))
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    }

    /// Every raw request recorded against real nginx, answered byte for byte (after normalizing).
    #[test]
    fn raw_recordings_reproduced() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden-local");
        let root = MemRoot::recorded();
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("req") {
                continue;
            }
            let mut buf = std::fs::read(&path).unwrap();
            let expected = std::fs::read(path.with_extension("bin")).unwrap();
            let expected = expected
                .strip_suffix(b"<<still open>>")
                .unwrap_or(&expected)
                .to_vec();
            let mut got = Vec::new();
            while let ParsedRequest::Complete(req, used) = parse_request(&buf, "127.0.0.1") {
                let resp = respond(&req, &root, 5_000);
                got.extend(resp.to_bytes());
                buf.drain(..used);
                if !resp.keep_alive || buf.is_empty() {
                    break;
                }
            }
            assert_eq!(normalize(&got), normalize(&expected), "{}", path.display());
            checked += 1;
        }
        assert!(checked >= 20, "only {checked} recordings");
    }

    #[test]
    fn access_log_matches_main_format() {
        let ParsedRequest::Complete(req, _) = parse_request(
            b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n",
            "127.0.0.1",
        ) else {
            panic!("partial")
        };
        let resp = respond(&req, &MemRoot::recorded(), 5_000);
        assert_eq!(
            access_log_line(&req, &resp, "127.0.0.1", 5_000),
            "127.0.0.1 - - [26/Nov/2026:09:00:05 +0000] \"GET / HTTP/1.1\" 200 32 \"-\" \"curl/7.88.1\" \"-\""
        );
    }

    #[test]
    fn uri_normalization() {
        assert_eq!(
            normalize_uri("/dir/../a.txt?x=1"),
            Some(("/a.txt".into(), Some("x=1".into())))
        );
        assert_eq!(normalize_uri("/%61.txt"), Some(("/a.txt".into(), None)));
        assert_eq!(normalize_uri("//dir/./"), Some(("/dir/".into(), None)));
        assert_eq!(normalize_uri("/../x"), None);
        assert_eq!(normalize_uri("x"), None);
    }
}
