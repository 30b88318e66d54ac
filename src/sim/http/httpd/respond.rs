//! What BusyBox 1.35's httpd answers, as a pure function of the request, the files under its
//! home and the time: one request per connection (`Connection: close`), `index.html` for a path
//! ending in `/`, `302 Found` to add a directory's slash, its own short error pages, and no
//! `Content-type` for a suffix its table lacks. A HEAD request gets the body too, as the real
//! one sends it (recorded).

use super::super::message::{Request, Response, Served};
use super::super::nginx::{normalize_uri, DocRoot, FileStat};
use crate::sim::clock;

/// BusyBox's suffix table (`suffixTable` in httpd.c, 1.35): suffixes are case-sensitive.
const SUFFIXES: &[(&[&str], &str)] = &[
    (&["txt", "h", "c", "cc", "cpp"], "text/plain"),
    (&["htm", "html"], "text/html"),
    (&["jpg", "jpeg"], "image/jpeg"),
    (&["gif"], "image/gif"),
    (&["png"], "image/png"),
    (&["svg"], "image/svg+xml"),
    (&["css"], "text/css"),
    (&["js"], "application/javascript"),
    (&["wav"], "audio/wav"),
    (&["avi"], "video/x-msvideo"),
    (&["qt", "mov"], "video/quicktime"),
    (&["mpe", "mpeg"], "video/mpeg"),
    (&["mid", "midi"], "audio/midi"),
    (&["mp3"], "audio/mpeg"),
];

/// The `Content-type` BusyBox sends for a URL path, if its table knows the suffix.
pub fn content_type(path: &str) -> Option<&'static str> {
    let (_, suffix) = path.rsplit_once('.')?;
    SUFFIXES
        .iter()
        .find(|(names, _)| names.contains(&suffix))
        .map(|(_, kind)| *kind)
}

/// Reason phrase and the line of the error page for a status (`http_response[]`).
fn status_text(status: u16) -> (&'static str, &'static str) {
    match status {
        200 => ("OK", ""),
        302 => ("Found", ""),
        400 => ("Bad Request", "Unsupported method"),
        403 => ("Forbidden", ""),
        404 => ("Not Found", "The requested URL was not found"),
        _ => ("Not Implemented", "The requested method is not recognized"),
    }
}

/// The first headers of every answer.
fn header_base(now_ms: u64) -> Vec<(String, String)> {
    vec![
        ("Date".into(), clock::http_date(now_ms)),
        ("Connection".into(), "close".into()),
    ]
}

fn answer(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Response {
    Response {
        status,
        reason: status_text(status).0,
        headers,
        body,
        keep_alive: false,
        simple: false,
        served: None,
    }
}

/// An error page (400, 404, 501), or the bodiless `302` when `location` is set.
fn error(status: u16, now_ms: u64, location: Option<String>) -> Response {
    let mut headers = header_base(now_ms);
    headers.push(("Content-type".into(), "text/html".into()));
    if let Some(l) = location {
        headers.push(("Location".into(), l));
        return answer(status, headers, Vec::new());
    }
    let (name, info) = status_text(status);
    let body = format!(
        "<HTML><HEAD><TITLE>{status} {name}</TITLE></HEAD>\n<BODY><H1>{status} {name}</H1>\n{info}\n</BODY></HTML>\n"
    );
    answer(status, headers, body.into_bytes())
}

fn file(path: &str, st: &FileStat, docroot: &dyn DocRoot, now_ms: u64) -> Response {
    let mut headers = header_base(now_ms);
    if let Some(kind) = content_type(path) {
        headers.push(("Content-type".into(), kind.into()));
    }
    headers.push(("Accept-Ranges".into(), "bytes".into()));
    headers.push(("Last-Modified".into(), clock::http_date(st.mtime_ms)));
    headers.push((
        "ETag".into(),
        format!("\"{:x}-{:x}\"", clock::unix_seconds(st.mtime_ms), st.size),
    ));
    headers.push(("Content-Length".into(), st.size.to_string()));
    let mut resp = answer(200, headers, docroot.read(path).unwrap_or_default());
    resp.served = Some(Served {
        path: path.to_string(),
        ino: st.ino,
        size: st.size,
        volume: st.volume.clone(),
    });
    resp
}

/// BusyBox httpd's answer to `req`, serving the files of `docroot`.
pub fn respond(req: &Request, docroot: &dyn DocRoot, now_ms: u64) -> Response {
    if req.invalid || req.major == 0 {
        return error(400, now_ms, None);
    }
    if !matches!(req.method.as_str(), "GET" | "HEAD") {
        return error(501, now_ms, None);
    }
    let Some((mut path, query)) = normalize_uri(&req.target) else {
        return error(400, now_ms, None);
    };
    if path.ends_with('/') {
        path.push_str("index.html");
    }
    match docroot.stat(&path) {
        None => error(404, now_ms, None),
        Some(st) if st.is_dir => {
            let q = query.map(|q| format!("?{q}")).unwrap_or_default();
            error(302, now_ms, Some(format!("{path}/{q}")))
        }
        Some(st) => file(&path, &st, docroot, now_ms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_table_is_busybox_s() {
        assert_eq!(content_type("/a.css"), Some("text/css"));
        assert_eq!(content_type("/x.h"), Some("text/plain"));
        assert_eq!(content_type("/index.htm"), Some("text/html"));
        assert_eq!(content_type("/a.json"), None);
        assert_eq!(content_type("/A.TXT"), None);
        assert_eq!(content_type("/noext"), None);
    }
}
