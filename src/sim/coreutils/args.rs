//! GNU-style option parsing: bundled short flags (`-la`), options with values (`-n 5`, `-n5`),
//! a few long options, `--` and options after operands (GNU permutes them).

/// The options and operands of one command line.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// Flags seen, in order (a flag may repeat).
    pub flags: Vec<char>,
    /// Options that took a value, in order.
    pub values: Vec<(char, String)>,
    /// Everything else, in order.
    pub operands: Vec<String>,
}

impl Parsed {
    /// True when flag `c` was given.
    pub fn has(&self, c: char) -> bool {
        self.flags.contains(&c)
    }

    /// The last value given to option `c`.
    pub fn value(&self, c: char) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(k, _)| *k == c)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `args`: `flags` are the valid one-letter flags, `valued` those taking a value, `long`
/// maps long options to a letter (a long option whose letter is in `valued` takes `=VALUE`).
/// The error is GNU's message without the program name.
pub(crate) fn parse(
    args: &[String],
    flags: &str,
    valued: &str,
    long: &[(&str, char)],
) -> Result<Parsed, String> {
    let mut p = Parsed::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--" {
            p.operands.extend(it.by_ref().cloned());
            break;
        }
        if let Some(name) = a.strip_prefix("--") {
            let (key, val) = match name.split_once('=') {
                Some((k, v)) => (k, Some(v.to_string())),
                None => (name, None),
            };
            let matches: Vec<&(&str, char)> =
                long.iter().filter(|(l, _)| l.starts_with(key)).collect();
            let found = long
                .iter()
                .find(|(l, _)| *l == key)
                .or(if matches.len() == 1 {
                    matches.first().copied()
                } else {
                    None
                });
            let Some((full, c)) = found else {
                return Err(format!("unrecognized option '{a}'"));
            };
            if valued.contains(*c) {
                let v = match val {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or_else(|| format!("option '--{full}' requires an argument"))?,
                };
                p.values.push((*c, v));
            } else if val.is_some() {
                return Err(format!("option '--{full}' doesn't allow an argument"));
            } else {
                p.flags.push(*c);
            }
            continue;
        }
        let Some(bundle) = a.strip_prefix('-').filter(|b| !b.is_empty()) else {
            p.operands.push(a.clone());
            continue;
        };
        for (i, c) in bundle.char_indices() {
            if valued.contains(c) {
                let rest = bundle.get(i + c.len_utf8()..).unwrap_or_default();
                let v = if rest.is_empty() {
                    it.next()
                        .cloned()
                        .ok_or_else(|| format!("option requires an argument -- '{c}'"))?
                } else {
                    rest.to_string()
                };
                p.values.push((c, v));
                break;
            }
            if !flags.contains(c) {
                return Err(format!("invalid option -- '{c}'"));
            }
            p.flags.push(c);
        }
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn bundles_values_and_permutation() {
        let p = parse(&v(&["-la", "x", "-n5", "--", "-y"]), "la", "n", &[]).unwrap();
        assert!(p.has('l') && p.has('a'));
        assert_eq!(p.value('n'), Some("5"));
        assert_eq!(p.operands, ["x", "-y"]);
        assert_eq!(
            parse(&v(&["-z"]), "a", "", &[]).unwrap_err(),
            "invalid option -- 'z'"
        );
        assert_eq!(
            parse(&v(&["-n"]), "", "n", &[]).unwrap_err(),
            "option requires an argument -- 'n'"
        );
        assert_eq!(
            parse(&v(&["--rec"]), "", "", &[("recursive", 'r')])
                .unwrap()
                .flags,
            ['r']
        );
        assert_eq!(
            parse(&v(&["--nope"]), "", "", &[]).unwrap_err(),
            "unrecognized option '--nope'"
        );
    }
}
