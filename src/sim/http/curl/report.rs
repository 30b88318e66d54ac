//! What curl writes: the request it sends, the response head (`-i` on stdout, bold names on a
//! terminal; `-v` as `< ` lines on stderr), the body or `-o` file, the progress meter and `-w`.

use super::args::Options;
use super::CurlCtx;
use crate::sim::http::message::owned_headers;
use crate::sim::http::url::Url;

/// A parsed response head.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// HTTP minor version of the status line.
    pub minor: u8,
    /// Header fields in order.
    pub headers: Vec<(String, String)>,
    /// Bytes of the head (status line to the empty line).
    pub head_len: usize,
    /// Body length to wait for; `None` = until the server closes.
    pub expected: Option<usize>,
}

impl Reply {
    /// Parses the head at the start of `buf` (httparse), once it is complete.
    pub fn parse(buf: &[u8], head_request: bool) -> Option<Reply> {
        let mut slots = [httparse::EMPTY_HEADER; 64];
        let mut resp = httparse::Response::new(&mut slots);
        let httparse::Status::Complete(head_len) = resp.parse(buf).ok()? else {
            return None;
        };
        let status = resp.code?;
        let headers = owned_headers(resp.headers);
        let mut r = Reply {
            status,
            minor: resp.version.unwrap_or(1),
            headers,
            head_len,
            expected: None,
        };
        r.expected = if head_request || status == 204 || status == 304 || status < 200 {
            Some(0)
        } else {
            r.header("Content-Length")
                .and_then(|v| v.trim().parse().ok())
        };
        Some(r)
    }

    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Body bytes received so far.
    pub fn body_len(&self, buf: &[u8]) -> Option<usize> {
        buf.len().checked_sub(self.head_len)
    }

    /// Whether curl keeps the connection after this response.
    pub fn keep_alive(&self, http10_request: bool) -> bool {
        let conn = self.header("Connection").map(str::to_ascii_lowercase);
        if conn.as_deref() == Some("close") || self.expected.is_none() {
            return false;
        }
        !(http10_request || self.minor == 0) || conn.as_deref() == Some("keep-alive")
    }
}

/// The request curl sends for `u` with these options.
pub fn request_bytes(u: &Url, o: &Options) -> Vec<u8> {
    let method = match (&o.method, o.head, &o.data) {
        (Some(m), _, _) => m.clone(),
        (None, true, _) => "HEAD".to_string(),
        (None, false, Some(_)) => "POST".to_string(),
        _ => "GET".to_string(),
    };
    let version = if o.http10 { "1.0" } else { "1.1" };
    let mut headers: Vec<(String, String)> = vec![
        ("Host".into(), u.host_header()),
        ("User-Agent".into(), "curl/7.88.1".into()),
        ("Accept".into(), "*/*".into()),
    ];
    for h in &o.headers {
        let Some((name, value)) = h.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match headers
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(i) if value.is_empty() => {
                headers.remove(i);
            }
            Some(i) => {
                if let Some(slot) = headers.get_mut(i) {
                    slot.1 = value;
                }
            }
            None if !value.is_empty() => headers.push((name.to_string(), value)),
            None => {}
        }
    }
    if let Some(d) = &o.data {
        headers.push(("Content-Length".into(), d.len().to_string()));
        if !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("Content-Type"))
        {
            headers.push((
                "Content-Type".into(),
                "application/x-www-form-urlencoded".into(),
            ));
        }
    }
    let mut s = format!("{method} {} HTTP/{version}\r\n", u.path);
    for (n, v) in headers {
        s.push_str(&format!("{n}: {v}\r\n"));
    }
    s.push_str("\r\n");
    let mut b = s.into_bytes();
    if let Some(d) = &o.data {
        b.extend_from_slice(d.as_bytes());
    }
    b
}

fn head_lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .split_inclusive("\r\n")
        .map(str::to_string)
        .collect()
}

/// `-v`: the request head as `> ` lines.
pub fn show_request(ctx: &mut CurlCtx, o: &Options, request: &[u8]) {
    if !o.verbose {
        return;
    }
    let end = request
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(request.len(), |p| p.saturating_add(4));
    for line in head_lines(request.get(..end).unwrap_or(request)) {
        ctx.out.err(format!("> {line}"));
    }
}

/// The response head: `< ` lines with `-v`, and on stdout with `-i`/`-I` (bold names and a
/// hyperlinked `Location` on a terminal).
pub fn show_head(
    ctx: &mut CurlCtx,
    o: &Options,
    r: &Reply,
    buf: &[u8],
    follow: bool,
    failed: bool,
) {
    let lines = head_lines(buf.get(..r.head_len).unwrap_or(buf));
    let include = (o.include || o.head) && !failed;
    for (i, line) in lines.iter().enumerate() {
        let blank = line == "\r\n";
        if o.verbose && !blank && !(failed && i + 1 == lines.len()) {
            ctx.out.err(format!("< {line}"));
        }
        if !include {
            if o.verbose && blank && !failed {
                ctx.out.err("< \r\n");
            }
            continue;
        }
        if blank {
            // curl 7.88 writes the end of the head to stdout before its `< ` trace line.
            ctx.out.out(line);
            if o.verbose {
                ctx.out.err("< \r\n");
            }
            continue;
        }
        match line.split_once(':') {
            Some((name, value)) if i > 0 && ctx.tty => {
                if name.eq_ignore_ascii_case("Location") {
                    let target = value.trim();
                    let link = r.header("Location").map(|_| target).unwrap_or("");
                    let _ = follow;
                    ctx.out.out(format!(
                        "\x1b[1m{name}\x1b[0m:\x1b]8;;{link}\x1b\\{value}\x1b]8;;\x1b\\"
                    ));
                } else {
                    ctx.out.out(format!("\x1b[1m{name}\x1b[0m:{value}"));
                }
            }
            _ => ctx.out.out(line),
        }
    }
}

/// The body to stdout, or to the `-o` file (returned for the caller to write).
pub fn show_body(ctx: &mut CurlCtx, o: &Options, body: &[u8], files: &mut Vec<(String, Vec<u8>)>) {
    match &o.output {
        Some(path) => {
            if o.verbose {
                ctx.out.err(format!("{{ [{} bytes data]\n", body.len()));
            }
            if path != "/dev/null" {
                files.push((path.clone(), body.to_vec()));
            }
        }
        None => ctx.out.out(body),
    }
}

/// The progress meter (stderr) that curl shows when the body does not go to the terminal.
pub fn progress(ctx: &mut CurlCtx, o: &Options, size: usize, start: u64) {
    if o.silent || o.verbose || (o.output.is_none() && ctx.tty) {
        return;
    }
    let ms = ctx.now_ms.saturating_sub(start).max(1);
    let speed = (size as u64).saturating_mul(1000) / ms;
    let dashes = "--:--:-- --:--:-- --:--:--";
    ctx.out.err(format!(
        "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\
         \r{:>3} {:>5}  {:>3} {:>5}  {:>3} {:>5}  {:>5}  {:>5} {dashes} {:>5}\
         \r{:>3} {:>5}  {:>3} {:>5}  {:>3} {:>5}  {:>5}  {:>5} {dashes} {:>5}\n",
        0, 0, 0, 0, 0, 0, 0, 0, 0, 100, size, 100, size, 0, 0, speed, 0, speed
    ));
}

/// `-w FORMAT` after the transfer: the `%{variable}` codes podscope knows, and `\n`/`\t`.
pub fn write_out(
    ctx: &mut CurlCtx,
    o: &Options,
    reply: Option<(&Reply, &[u8])>,
    u: &Url,
    exit: i32,
    connects: u32,
) {
    let Some(fmt) = &o.write_out else { return };
    let code = reply.map_or(0, |(r, _)| r.status);
    let mut s = String::new();
    let mut rest = fmt.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("%{") {
            if let Some((var, tail)) = after.split_once('}') {
                let v = match var {
                    "http_code" | "response_code" => format!("{code:03}"),
                    "size_download" => reply.map_or(0, |(_, b)| b.len()).to_string(),
                    "size_header" => reply.map_or(0, |(r, _)| r.head_len).to_string(),
                    "content_type" => reply
                        .and_then(|(r, _)| r.header("Content-Type"))
                        .unwrap_or("")
                        .to_string(),
                    "url_effective" => u.to_url_string(),
                    "num_connects" => connects.to_string(),
                    "remote_port" => {
                        if reply.is_some() {
                            u.port.to_string()
                        } else {
                            String::new()
                        }
                    }
                    "remote_ip" => {
                        if reply.is_some() {
                            super::transfer::resolve(&u.host, ctx.hosts_file)
                                .first()
                                .map(|a| a.to_string())
                                .unwrap_or_default()
                        } else {
                            String::new()
                        }
                    }
                    "exitcode" => exit.to_string(),
                    "method" => String::from_utf8_lossy(&request_bytes(u, o))
                        .split(' ')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    _ => String::new(),
                };
                s.push_str(&v);
                rest = tail;
                continue;
            }
        }
        let mut chars = rest.chars();
        match (chars.next(), chars.clone().next()) {
            (Some('\\'), Some('n')) => {
                s.push('\n');
                chars.next();
            }
            (Some('\\'), Some('t')) => {
                s.push('\t');
                chars.next();
            }
            (Some(c), _) => s.push(c),
            (None, _) => {}
        }
        rest = chars.as_str();
    }
    ctx.out.out(s);
}
