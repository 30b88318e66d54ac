//! URLs as curl 7.88.1 reads them from its command line: a missing scheme means `http`, ports
//! default per scheme, dot segments are removed unless `--path-as-is`.

/// A URL split into the parts curl uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// `http`, `https` or `ftp`.
    pub scheme: String,
    /// Host name or address as written, without IPv6 brackets (`localhost`, `127.0.0.1`, `::1`).
    pub host: String,
    /// Port (explicit or the scheme's default).
    pub port: u16,
    /// Whether the port was written in the URL (then it appears in `Host:`).
    pub explicit_port: bool,
    /// Path and query (`/`, `/a.txt?x=1`).
    pub path: String,
}

/// Why curl rejected a URL, with its exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// `curl: (1) Protocol "foo" not supported or disabled in libcurl`.
    UnsupportedProtocol(String),
    /// `curl: (3) URL using bad/illegal format or missing URL`.
    Malformed,
}

impl UrlError {
    /// curl's exit code.
    pub fn code(&self) -> i32 {
        match self {
            UrlError::UnsupportedProtocol(_) => 1,
            UrlError::Malformed => 3,
        }
    }

    /// The message after `curl: (N) `.
    pub fn message(&self) -> String {
        match self {
            UrlError::UnsupportedProtocol(p) => {
                format!("Protocol \"{p}\" not supported or disabled in libcurl")
            }
            UrlError::Malformed => "URL using bad/illegal format or missing URL".to_string(),
        }
    }
}

impl Url {
    /// The `Host:` header value (`localhost`, `localhost:8080`, `[::1]`).
    pub fn host_header(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        if self.explicit_port {
            format!("{host}:{}", self.port)
        } else {
            host
        }
    }

    /// The URL written back the way curl prints it (`http://localhost/`).
    pub fn to_url_string(&self) -> String {
        format!("{}://{}{}", self.scheme, self.host_header(), self.path)
    }

    /// Resolves a `Location` value against this URL (absolute URL or absolute path).
    pub fn join(&self, location: &str) -> Result<Url, UrlError> {
        if location.contains("://") {
            parse(location, false)
        } else if location.starts_with('/') {
            Ok(Url {
                path: location.to_string(),
                ..self.clone()
            })
        } else {
            let dir = self.path.rsplit_once('/').map_or("", |(d, _)| d);
            Ok(Url {
                path: remove_dot_segments(&format!("{dir}/{location}")),
                ..self.clone()
            })
        }
    }
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

/// RFC 3986 dot-segment removal on the path part (the query is kept as is).
pub fn remove_dot_segments(path_and_query: &str) -> String {
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    let mut out: Vec<&str> = Vec::new();
    let segs: Vec<&str> = path.split('/').skip(1).collect();
    let last = segs.len().saturating_sub(1);
    let mut trailing = false;
    for (i, s) in segs.iter().enumerate() {
        match *s {
            "." => trailing = i == last,
            ".." => {
                out.pop();
                trailing = i == last;
            }
            other => {
                out.push(other);
                trailing = false;
            }
        }
    }
    let mut p = format!("/{}", out.join("/"));
    if trailing && !p.ends_with('/') {
        p.push('/');
    }
    match query {
        Some(q) => format!("{p}?{q}"),
        None => p,
    }
}

/// Parses a command-line URL as curl does.
pub fn parse(input: &str, path_as_is: bool) -> Result<Url, UrlError> {
    let (scheme, rest) = match input.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("http".to_string(), input),
    };
    let default =
        default_port(&scheme).ok_or_else(|| UrlError::UnsupportedProtocol(scheme.clone()))?;
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, after) = v6.split_once(']').ok_or(UrlError::Malformed)?;
        (h.to_string(), after.strip_prefix(':'))
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (authority.to_string(), None),
        }
    };
    let (port, explicit_port) = match port {
        None | Some("") => (default, false),
        Some(p) => (p.parse::<u16>().map_err(|_| UrlError::Malformed)?, true),
    };
    let path = if path.is_empty() {
        "/".to_string()
    } else if path.starts_with('?') {
        format!("/{path}")
    } else {
        path.to_string()
    };
    if host.is_empty() {
        // curl 7.88 reads `http:///x` as host `x` (see c55-empty-host.txt).
        let trimmed = path.trim_start_matches('/');
        if trimmed.is_empty() {
            return Err(UrlError::Malformed);
        }
        return parse(&format!("{scheme}://{trimmed}"), path_as_is);
    }
    let path = if path_as_is {
        path
    } else {
        remove_dot_segments(&path)
    };
    Ok(Url {
        scheme,
        host: host.to_ascii_lowercase(),
        port,
        explicit_port,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_url_rules() {
        let u = parse("localhost", false).unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("localhost", 80, "/")
        );
        assert_eq!(u.to_url_string(), "http://localhost/");
        let u = parse("localhost:8080", false).unwrap();
        assert_eq!(
            (u.port, u.host_header()),
            (8080, "localhost:8080".to_string())
        );
        assert_eq!(parse("https://localhost/", false).unwrap().port, 443);
        assert_eq!(parse("ftp://localhost/", false).unwrap().port, 21);
        let v6 = parse("http://[::1]/", false).unwrap();
        assert_eq!(
            (v6.host.as_str(), v6.host_header()),
            ("::1", "[::1]".to_string())
        );
        assert_eq!(parse("localhost:99999", false), Err(UrlError::Malformed));
        assert_eq!(parse("http://", false), Err(UrlError::Malformed));
        assert_eq!(parse("http:///x", false).unwrap().host, "x");
        assert_eq!(
            parse("foo://x", false).unwrap_err().message(),
            "Protocol \"foo\" not supported or disabled in libcurl"
        );
        assert_eq!(parse("localhost/../a.txt", false).unwrap().path, "/a.txt");
        assert_eq!(parse("localhost/../x", true).unwrap().path, "/../x");
        let base = parse("localhost/dir", false).unwrap();
        assert_eq!(base.join("http://localhost/dir/").unwrap().path, "/dir/");
    }
}
