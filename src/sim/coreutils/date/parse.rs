//! The date strings `date -d` reads (a part of GNU's grammar): `@SECONDS`, `now`, `today`,
//! `yesterday`, `tomorrow`, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (or with `T`), a time alone
//! `HH:MM[:SS]`, a trailing `UTC`/`Z`, and relative items such as `+1 day`, `2 hours ago`,
//! `next week`.

/// Seconds in each relative unit GNU knows (months and years are calendar steps, not here).
const UNITS: &[(&str, i64)] = &[
    ("sec", 1),
    ("second", 1),
    ("min", 60),
    ("minute", 60),
    ("hour", 3600),
    ("day", 86_400),
    ("week", 604_800),
    ("fortnight", 1_209_600),
];

/// Unix seconds of `text` given the current time `now`; `None` when it is not a date GNU
/// `date` (as simulated here) reads.
pub(super) fn parse_date(text: &str, now: i64) -> Option<i64> {
    let t = text.trim();
    if let Some(n) = t.strip_prefix('@') {
        return n.trim().parse().ok();
    }
    let lower = t.to_ascii_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if matches!(words.last(), Some(&"utc") | Some(&"z") | Some(&"gmt")) {
        words.pop();
    }
    let mut base = now;
    let mut i = 0;
    // An absolute date (and time) first.
    if let Some(first) = words.first() {
        let (date, time) = match first.split_once('t') {
            Some((d, t)) if d.contains('-') => (d, Some(t)),
            _ => (*first, None),
        };
        if let Some(day) = iso_day(date) {
            let time = match time {
                Some(t) => Some(clock(t.trim_end_matches('z'))?),
                None => match words.get(1).and_then(|w| clock(w)) {
                    Some(secs) => {
                        i += 1;
                        Some(secs)
                    }
                    None => None,
                },
            };
            base = day.checked_mul(86_400)?.checked_add(time.unwrap_or(0))?;
            i += 1;
        } else if let Some(secs) = clock(first) {
            base = now
                .div_euclid(86_400)
                .checked_mul(86_400)?
                .checked_add(secs)?;
            i += 1;
        }
    }
    relative(words.get(i..).unwrap_or_default(), base)
}

/// Applies relative items (`now`, `today`, `+2 days`, `3 hours ago`, `next week`).
fn relative(words: &[&str], mut at: i64) -> Option<i64> {
    let mut i = 0;
    while let Some(w) = words.get(i) {
        i += 1;
        match *w {
            "now" | "today" => continue,
            "yesterday" => {
                at = at.checked_sub(86_400)?;
                continue;
            }
            "tomorrow" => {
                at = at.checked_add(86_400)?;
                continue;
            }
            _ => {}
        }
        let (count, unit) = match w.parse::<i64>() {
            Ok(n) => {
                let unit = words.get(i)?;
                i += 1;
                (n, *unit)
            }
            Err(_) => match *w {
                "next" => {
                    i += 1;
                    (1, *words.get(i - 1)?)
                }
                "last" => {
                    i += 1;
                    (-1, *words.get(i - 1)?)
                }
                unit => (1, unit),
            },
        };
        let name = unit.strip_suffix('s').unwrap_or(unit);
        let secs = UNITS.iter().find(|(u, _)| *u == name)?.1;
        let mut delta = count.checked_mul(secs)?;
        if words.get(i) == Some(&"ago") {
            delta = -delta;
            i += 1;
        }
        at = at.checked_add(delta)?;
    }
    Some(at)
}

/// Days since 1970-01-01 of `YYYY-MM-DD`.
fn iso_day(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() < 4 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    // GNU's dates end in the year 2147485547; beyond that the arithmetic would overflow.
    if !(0..=9_999_999).contains(&y) {
        return None;
    }
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Seconds since midnight of `HH:MM[:SS]`.
fn clock(text: &str) -> Option<i64> {
    let mut parts = text.split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let s: i64 = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(h * 3600 + m * 60 + s)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-from-civil: days since 1970-01-01 of a proleptic Gregorian date.
pub(super) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_and_relative_dates() {
        assert_eq!(parse_date("@86400", 5), Some(86_400));
        assert_eq!(parse_date("2024-01-01 +1 day", 0), Some(1_704_153_600));
        assert_eq!(parse_date("2024-02-29T13:05:09", 0), Some(1_709_211_909));
        assert_eq!(parse_date("1 day ago", 100_000), Some(13_600));
        assert_eq!(parse_date("tomorrow", 0), Some(86_400));
        assert_eq!(parse_date("bad", 0), None);
        assert_eq!(parse_date("2023-02-29", 0), None);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }
}
