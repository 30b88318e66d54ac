//! HTTP/1.x messages as nginx sees them: requests parsed from a connection's bytes with httparse,
//! and responses formatted exactly as nginx writes them (status line, headers in nginx's order).

/// One request read from a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Method as sent (`GET`, `HEAD`, `POST`…; nginx rejects lower case).
    pub method: String,
    /// Request target as sent (`/`, `/a.txt?x=1`, `/../x`).
    pub target: String,
    /// HTTP major version (`1`; `0` for an HTTP/0.9 simple request, `2` for `HTTP/2.0` text).
    pub major: u8,
    /// HTTP minor version.
    pub minor: u8,
    /// Header fields in the order received.
    pub headers: Vec<(String, String)>,
    /// The body (as announced by `Content-Length`).
    pub body: Vec<u8>,
    /// The request line without CRLF, as the access log quotes it.
    pub request_line: String,
    /// The server's own address on this connection (`127.0.0.1`), used in a `Location` when the
    /// client sent no `Host`.
    pub local_addr: String,
    /// Set when the bytes were not a valid request: nginx answers 400 (or 505 for a version
    /// above 1) and closes.
    pub invalid: bool,
}

impl Request {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `HTTP/1.1`, `HTTP/1.0`, or empty for HTTP/0.9.
    pub fn version(&self) -> String {
        if self.major == 0 {
            String::new()
        } else {
            format!("HTTP/{}.{}", self.major, self.minor)
        }
    }

    /// Whether the client asked to keep the connection open (HTTP/1.1 unless `Connection: close`;
    /// HTTP/1.0 only with `Connection: keep-alive`).
    pub fn wants_keep_alive(&self) -> bool {
        let conn = self.header("Connection").map(str::to_ascii_lowercase);
        match (self.major, self.minor) {
            (1, 1) => conn.as_deref() != Some("close"),
            (1, 0) => conn.as_deref() == Some("keep-alive"),
            _ => false,
        }
    }
}

/// What [`parse_request`] found at the start of a buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedRequest {
    /// Not a whole request yet: read more.
    Partial,
    /// A request (possibly `invalid`) and how many bytes it used.
    Complete(Request, usize),
}

const MAX_HEADERS: usize = 64;

/// Parses one request from the start of `buf` (as nginx does on a connection).
pub fn parse_request(buf: &[u8], local_addr: &str) -> ParsedRequest {
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut slots);
    // nginx ends the request line at LF, with or without a CR before it (`echo hi | nc`).
    let lf = buf.iter().position(|&b| b == b'\n');
    let request_line = lf
        .and_then(|e| buf.get(..e))
        .map(|l| String::from_utf8_lossy(l.strip_suffix(b"\r").unwrap_or(l)).into_owned())
        .unwrap_or_default();
    let base = Request {
        method: String::new(),
        target: String::new(),
        major: 1,
        minor: 1,
        headers: Vec::new(),
        body: Vec::new(),
        request_line: request_line.clone(),
        local_addr: local_addr.to_string(),
        invalid: false,
    };
    match req.parse(buf) {
        Ok(httparse::Status::Partial) => ParsedRequest::Partial,
        Ok(httparse::Status::Complete(head_len)) => {
            let headers = owned_headers(req.headers);
            let mut r = Request {
                method: req.method.unwrap_or_default().to_string(),
                target: req.path.unwrap_or_default().to_string(),
                minor: req.version.unwrap_or(1),
                headers,
                ..base
            };
            let body_len = match r
                .header("Content-Length")
                .map(|v| v.trim().parse::<usize>())
            {
                None => 0,
                Some(Ok(n)) => n,
                Some(Err(_)) => {
                    r.invalid = true;
                    return ParsedRequest::Complete(r, buf.len());
                }
            };
            let end = head_len.saturating_add(body_len);
            match buf.get(head_len..end) {
                Some(body) => {
                    r.body = body.to_vec();
                    ParsedRequest::Complete(r, end)
                }
                None => ParsedRequest::Partial,
            }
        }
        Err(_) => match lf {
            None => ParsedRequest::Partial,
            Some(e) => unusual_request_line(base, buf, e.saturating_add(1)),
        },
    }
}

/// Header fields httparse found, as owned name/value pairs in the order received (values that
/// are not UTF-8 are kept lossily).
pub fn owned_headers(headers: &[httparse::Header]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect()
}

/// A request line httparse refuses: HTTP/0.9 (`GET /`), a version above 1 (`HTTP/2.0`), or junk;
/// `next_line` is where the line after it starts.
fn unusual_request_line(mut r: Request, buf: &[u8], next_line: usize) -> ParsedRequest {
    let words: Vec<String> = r.request_line.split(' ').map(str::to_string).collect();
    match words.as_slice() {
        [method, target] if method == "GET" && target.starts_with('/') => {
            r.method = method.clone();
            r.target = target.clone();
            r.major = 0;
            r.minor = 9;
            ParsedRequest::Complete(r, next_line)
        }
        [method, target, version] => {
            r.method = method.clone();
            r.target = target.clone();
            let digits = version
                .strip_prefix("HTTP/")
                .and_then(|v| v.split_once('.'));
            if let Some((maj, min)) = digits {
                r.major = maj.parse().unwrap_or(1);
                r.minor = min.parse().unwrap_or(0);
            }
            invalid_through_head(r, buf)
        }
        _ => invalid_through_head(r, buf),
    }
}

/// `r` marked invalid, consuming the bytes up to the blank line that ends the head (or all).
fn invalid_through_head(mut r: Request, buf: &[u8]) -> ParsedRequest {
    r.invalid = true;
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(buf.len(), |p| p.saturating_add(4));
    ParsedRequest::Complete(r, end)
}

/// A file nginx served, for the `FileRead` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// Path under the document root (`/index.html`).
    pub path: String,
    /// Inode number.
    pub ino: u64,
    /// Size in bytes.
    pub size: u64,
    /// The volume the file lives on, if any.
    pub volume: Option<String>,
}

/// A response as nginx writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// The reason phrase of the status line (nginx's and BusyBox's differ: `302 Moved
    /// Temporarily`, `302 Found`).
    pub reason: &'static str,
    /// Header fields in nginx's order (`Server`, `Date`, `Content-Type`, …).
    pub headers: Vec<(String, String)>,
    /// The body as sent (empty for HEAD).
    pub body: Vec<u8>,
    /// Whether the connection stays open afterwards.
    pub keep_alive: bool,
    /// HTTP/0.9: the body alone, no status line or headers.
    pub simple: bool,
    /// The file the body came from, when it came from one.
    pub served: Option<Served>,
}

impl Response {
    /// The reason phrase of its status line.
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// The status line and headers, CRLF-terminated, ending with the empty line.
    pub fn head_bytes(&self) -> Vec<u8> {
        if self.simple {
            return Vec::new();
        }
        let mut s = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason());
        for (n, v) in &self.headers {
            s.push_str(n);
            s.push_str(": ");
            s.push_str(v);
            s.push_str("\r\n");
        }
        s.push_str("\r\n");
        s.into_bytes()
    }

    /// The value of `Content-Length` (what the `HttpResponse` event reports).
    pub fn content_length(&self) -> u64 {
        self.headers
            .iter()
            .find(|(n, _)| n == "Content-Length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0)
    }

    /// Head and body in one buffer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = self.head_bytes();
        b.extend_from_slice(&self.body);
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(buf: &[u8]) -> (Request, usize) {
        match parse_request(buf, "127.0.0.1") {
            ParsedRequest::Complete(r, n) => (r, n),
            ParsedRequest::Partial => panic!("partial"),
        }
    }

    #[test]
    fn parses_curl_request_and_keep_alive_rules() {
        let (r, n) = complete(
            b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n",
        );
        assert_eq!(n, 73); // the GET segment of the golden pcap
        assert_eq!(
            (r.method.as_str(), r.target.as_str(), r.version()),
            ("GET", "/", "HTTP/1.1".to_string())
        );
        assert!(r.wants_keep_alive());
        let (r, _) = complete(b"GET / HTTP/1.0\r\n\r\n");
        assert!(!r.wants_keep_alive());
        let (r, _) = complete(b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assert!(r.wants_keep_alive());
    }

    #[test]
    fn partial_body_and_odd_lines() {
        assert_eq!(
            parse_request(b"GET / HT", "127.0.0.1"),
            ParsedRequest::Partial
        );
        assert_eq!(
            parse_request(
                b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nx",
                "127.0.0.1"
            ),
            ParsedRequest::Partial
        );
        let (r, _) = complete(b"GET /\r\n");
        assert_eq!((r.major, r.invalid), (0, false));
        let (r, _) = complete(b"GET / HTTP/2.0\r\nHost: localhost\r\n\r\n");
        assert_eq!((r.major, r.invalid), (2, true));
        let (r, _) = complete(b"FOO\r\n\r\n");
        assert!(r.invalid);
        assert_eq!(r.request_line, "FOO");
    }
}
