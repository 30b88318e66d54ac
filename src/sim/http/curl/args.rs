//! curl's command line: short flags that combine (`-sSv`), options that take a value (`-X POST`,
//! `-XPOST`, `--request POST`), and curl 7.88.1's complaints about the rest.

/// The options podscope's curl understands.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// `-v`: the `*`/`>`/`<` trace on stderr.
    pub verbose: bool,
    /// `-i`: response headers in the output.
    pub include: bool,
    /// `-I`: HEAD request, headers only.
    pub head: bool,
    /// `-s`: no progress meter, no error message.
    pub silent: bool,
    /// `-S`: the error message even with `-s`.
    pub show_error: bool,
    /// `-f`: exit 22 on an HTTP error status, no body.
    pub fail: bool,
    /// `-L`: follow redirects.
    pub location: bool,
    /// `-0`: HTTP/1.0.
    pub http10: bool,
    /// `--path-as-is`: keep `..` in the path.
    pub path_as_is: bool,
    /// `-o FILE`.
    pub output: Option<String>,
    /// `-w FORMAT`.
    pub write_out: Option<String>,
    /// `-X METHOD`.
    pub method: Option<String>,
    /// `-d DATA` (several are joined with `&`).
    pub data: Option<String>,
    /// `-H "Name: value"`, in order.
    pub headers: Vec<String>,
    /// `-m SECONDS` / `--max-time`.
    pub max_time_ms: Option<u64>,
    /// `-h` / `--help`.
    pub help: bool,
    /// The URLs given.
    pub urls: Vec<String>,
}

/// A command-line error: the message after `curl: `, exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgError(pub String);

const FLAGS: &[(char, &str)] = &[
    ('v', "verbose"),
    ('i', "include"),
    ('I', "head"),
    ('s', "silent"),
    ('S', "show-error"),
    ('f', "fail"),
    ('L', "location"),
    ('0', "http1.0"),
    ('h', "help"),
];
const VALUED: &[(char, &str)] = &[
    ('o', "output"),
    ('w', "write-out"),
    ('X', "request"),
    ('d', "data"),
    ('H', "header"),
    ('m', "max-time"),
];

fn set_flag(o: &mut Options, long: &str) {
    match long {
        "verbose" => o.verbose = true,
        "include" => o.include = true,
        "head" => o.head = true,
        "silent" => o.silent = true,
        "show-error" => o.show_error = true,
        "fail" => o.fail = true,
        "location" => o.location = true,
        "http1.0" => o.http10 = true,
        "path-as-is" => o.path_as_is = true,
        _ => o.help = true,
    }
}

fn set_value(o: &mut Options, long: &str, shown: &str, v: &str) -> Result<(), ArgError> {
    match long {
        "output" => o.output = Some(v.to_string()),
        "write-out" => o.write_out = Some(v.to_string()),
        "request" => o.method = Some(v.to_string()),
        "data" => {
            o.data = Some(match o.data.take() {
                Some(prev) => format!("{prev}&{v}"),
                None => v.to_string(),
            })
        }
        "header" => o.headers.push(v.to_string()),
        "url" => o.urls.push(v.to_string()),
        _ => {
            let secs: f64 = v.parse().map_err(|_| {
                ArgError(format!(
                    "option {shown}: expected a proper numerical parameter"
                ))
            })?;
            o.max_time_ms = Some((secs * 1000.0).max(0.0) as u64);
        }
    }
    Ok(())
}

/// Parses argv (argv[0] = "curl").
pub fn parse(argv: &[String]) -> Result<Options, ArgError> {
    let mut o = Options::default();
    let mut it = argv.iter().skip(1);
    while let Some(arg) = it.next() {
        if let Some(long) = arg.strip_prefix("--") {
            let shown = arg.as_str();
            if FLAGS.iter().any(|(_, l)| *l == long) || long == "path-as-is" {
                set_flag(&mut o, long);
            } else if VALUED.iter().any(|(_, l)| *l == long) || long == "url" {
                let v = it
                    .next()
                    .ok_or_else(|| ArgError(format!("option {shown}: requires parameter")))?;
                set_value(&mut o, long, shown, v)?;
            } else {
                return Err(ArgError(format!("option {shown}: is unknown")));
            }
        } else if let Some(shorts) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
            for (i, c) in shorts.char_indices() {
                if let Some((_, long)) = FLAGS.iter().find(|(s, _)| *s == c) {
                    set_flag(&mut o, long);
                } else if let Some((_, long)) = VALUED.iter().find(|(s, _)| *s == c) {
                    let shown = format!("-{c}");
                    let rest = shorts.get(i.saturating_add(c.len_utf8())..).unwrap_or("");
                    let v = if rest.is_empty() {
                        it.next().cloned().ok_or_else(|| {
                            ArgError(format!("option {shown}: requires parameter"))
                        })?
                    } else {
                        rest.to_string()
                    };
                    set_value(&mut o, long, &shown, &v)?;
                    break;
                } else {
                    return Err(ArgError(format!("option -{c}: is unknown")));
                }
            }
        } else {
            o.urls.push(arg.clone());
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, ArgError> {
        let argv: Vec<String> = std::iter::once("curl")
            .chain(args.iter().copied())
            .map(String::from)
            .collect();
        parse(&argv)
    }

    #[test]
    fn combined_and_valued() {
        let o = p(&[
            "-sSv",
            "-XPOST",
            "-H",
            "X-Test: 1",
            "-d",
            "a",
            "-d",
            "b",
            "--max-time",
            "2",
            "localhost",
        ])
        .unwrap();
        assert!(o.silent && o.show_error && o.verbose);
        assert_eq!(o.method.as_deref(), Some("POST"));
        assert_eq!(o.data.as_deref(), Some("a&b"));
        assert_eq!(o.max_time_ms, Some(2000));
        assert_eq!(o.urls, vec!["localhost".to_string()]);
        assert_eq!(
            p(&["-X"]),
            Err(ArgError("option -X: requires parameter".into()))
        );
        assert_eq!(
            p(&["--bogus", "x"]),
            Err(ArgError("option --bogus: is unknown".into()))
        );
        let o = p(&["-so", "/tmp/x", "-w", "%{http_code}", "--path-as-is", "u"]).unwrap();
        assert_eq!((o.output.as_deref(), o.path_as_is), (Some("/tmp/x"), true));
    }
}
