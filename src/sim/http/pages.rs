//! nginx's built-in texts: reason phrases, the error pages it writes itself and the `mime.types`
//! mapping of the official image (only the extensions a pod demo meets).

/// The version every `Server:` header and error page names (the recorded truth: Debian 12's nginx).
pub const NGINX_VERSION: &str = "1.22.1";

/// The reason phrase nginx puts in its status line (nginx's own spelling: `405 Not Allowed`).
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Moved Temporarily",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Not Allowed",
        414 => "Request-URI Too Large",
        500 => "Internal Server Error",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// The HTML page nginx sends for an error status, byte for byte (CRLF line ends; its length is the
/// `Content-Length`).
pub fn error_page(status: u16) -> Vec<u8> {
    let title = format!("{status} {}", reason(status));
    format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n\
         <hr><center>nginx/{NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n"
    )
    .into_bytes()
}

/// The `Content-Type` nginx derives from a file name's extension (`default_type` when unknown).
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = match name.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => String::new(),
    };
    match ext.as_str() {
        "html" | "htm" | "shtml" => "text/html",
        "css" => "text/css",
        "xml" => "text/xml",
        "gif" => "image/gif",
        "jpeg" | "jpg" => "image/jpeg",
        "js" => "application/javascript",
        "txt" => "text/plain",
        "png" => "image/png",
        "svg" | "svgz" => "image/svg+xml",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_pages_have_the_recorded_lengths() {
        // Content-Length values nginx 1.22.1 sent (tests/golden-local/raw-*.bin).
        for (status, len) in [
            (403, 153),
            (404, 153),
            (400, 157),
            (405, 157),
            (301, 169),
            (505, 187),
        ] {
            assert_eq!(error_page(status).len(), len, "{status}");
        }
    }

    #[test]
    fn mime_types_follow_the_recording() {
        let recorded = include_str!("../../../tests/golden-local/c27-mime.txt");
        let files = [
            "style.css",
            "app.js",
            "a.txt",
            "img.png",
            "data.json",
            "noext",
            "page.htm",
        ];
        let types: Vec<&str> = recorded
            .lines()
            .filter_map(|l| l.strip_prefix("Content-Type: "))
            .map(|t| t.trim_end_matches('\r'))
            .collect();
        assert_eq!(types.len(), files.len());
        for (f, t) in files.iter().zip(types) {
            assert_eq!(content_type(f), t, "{f}");
        }
    }
}
