//! GNU `date`'s `+FORMAT`: the strftime conversions with their flags (`-` no padding, `_`
//! spaces, `0` zeros, `^` upper case, `#` swapped case), a field width, and `%:z`.

use crate::sim::clock::{civil_from_unix, Civil, MONTHS, WEEKDAYS};

/// Full English weekday names, Sunday first.
const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
/// Full English month names.
const LONG_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The widest field podscope pads to (`%99999999d` would otherwise fill memory).
const MAX_WIDTH: usize = 4096;

/// Expands `format` for the instant `secs` (Unix seconds, UTC) and `nanos` past it.
pub(super) fn strftime(format: &str, secs: i64, nanos: u32) -> String {
    let c = civil_from_unix(u64::try_from(secs).unwrap_or(0));
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let mut flag = None;
        while let Some(f) = chars.peek().copied().filter(|f| "-_0^#".contains(*f)) {
            flag = Some(f);
            chars.next();
        }
        let mut width = String::new();
        while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
            width.push(d);
            chars.next();
        }
        let mut colons = 0;
        while chars.peek() == Some(&':') {
            colons += 1;
            chars.next();
        }
        let Some(conv) = chars.next() else {
            out.push('%');
            break;
        };
        let Some((text, pad)) = conversion(conv, colons, &c, secs, nanos) else {
            out.push_str(&format!(
                "%{}{width}{}{conv}",
                flag.map(String::from).unwrap_or_default(),
                ":".repeat(colons)
            ));
            continue;
        };
        // A width beyond a screenful would only fill memory.
        let width = width.parse::<usize>().ok().map(|w| w.min(MAX_WIDTH));
        out.push_str(&padded(&text, pad, flag, width));
    }
    out
}

/// How a conversion pads by default.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pad {
    /// Numbers padded with zeros to this width.
    Zero(usize),
    /// Numbers padded with spaces to this width.
    Space(usize),
    /// Text: no padding.
    Text,
}

/// The text of one conversion; `None` for an unknown one (printed as typed).
fn conversion(
    conv: char,
    colons: usize,
    c: &Civil,
    secs: i64,
    nanos: u32,
) -> Option<(String, Pad)> {
    let month = c.month.saturating_sub(1) as usize;
    let wd = c.weekday as usize;
    let yday = ordinal(c);
    let hour12 = match c.hour % 12 {
        0 => 12,
        h => h,
    };
    let num = |n: i64, w: usize| (n.to_string(), Pad::Zero(w));
    let text = |s: String| (s, Pad::Text);
    Some(match conv {
        'a' => text(WEEKDAYS.get(wd)?.to_string()),
        'A' => text(LONG_DAYS.get(wd)?.to_string()),
        'b' | 'h' => text(MONTHS.get(month)?.to_string()),
        'B' => text(LONG_MONTHS.get(month)?.to_string()),
        'c' => text(strftime("%a %b %e %H:%M:%S %Y", secs, nanos)),
        'C' => num(c.year.div_euclid(100), 2),
        'd' => num(c.day.into(), 2),
        'D' => text(strftime("%m/%d/%y", secs, nanos)),
        'e' => (c.day.to_string(), Pad::Space(2)),
        'F' => text(strftime("%Y-%m-%d", secs, nanos)),
        'g' => num(iso_week(c).0.rem_euclid(100), 2),
        'G' => num(iso_week(c).0, 4),
        'H' => num(c.hour.into(), 2),
        'I' => num(hour12.into(), 2),
        'j' => num(yday, 3),
        'k' => (c.hour.to_string(), Pad::Space(2)),
        'l' => (hour12.to_string(), Pad::Space(2)),
        'm' => num(c.month.into(), 2),
        'M' => num(c.minute.into(), 2),
        'n' => text("\n".into()),
        'N' => (format!("{nanos:09}"), Pad::Zero(9)),
        'p' => text(if c.hour < 12 { "AM" } else { "PM" }.into()),
        'P' => text(if c.hour < 12 { "am" } else { "pm" }.into()),
        'q' => num(i64::from(c.month.saturating_add(2) / 3), 1),
        'r' => text(strftime("%I:%M:%S %p", secs, nanos)),
        'R' => text(strftime("%H:%M", secs, nanos)),
        's' => num(secs, 1),
        'S' => num(c.second.into(), 2),
        't' => text("\t".into()),
        'T' => text(strftime("%H:%M:%S", secs, nanos)),
        'u' => num(if wd == 0 { 7 } else { wd as i64 }, 1),
        'U' => num((yday + 6 - wd as i64) / 7, 2),
        'V' => num(iso_week(c).1, 2),
        'w' => num(wd as i64, 1),
        'W' => num((yday + 6 - (wd as i64 + 6) % 7) / 7, 2),
        'x' => text(strftime("%m/%d/%y", secs, nanos)),
        'X' => text(strftime("%H:%M:%S", secs, nanos)),
        'y' => num(c.year.rem_euclid(100), 2),
        'Y' => num(c.year, 1),
        'z' => text(
            ["+0000", "+00:00", "+00:00:00", "+00"]
                .get(colons)?
                .to_string(),
        ),
        'Z' => text("UTC".into()),
        '%' => text("%".into()),
        _ => return None,
    })
}

/// Applies a flag and a width to a conversion's text.
fn padded(text: &str, pad: Pad, flag: Option<char>, width: Option<usize>) -> String {
    let (fill, default) = match pad {
        Pad::Zero(w) => ('0', w),
        Pad::Space(w) => (' ', w),
        Pad::Text => (' ', 0),
    };
    let (fill, w) = match flag {
        Some('-') => (fill, 0),
        Some('_') => (' ', width.unwrap_or(default)),
        Some('0') => ('0', width.unwrap_or(default)),
        _ => (fill, width.unwrap_or(default)),
    };
    let body = match flag {
        // The C locale's names and case mapping: ASCII.
        Some('^') => text.to_ascii_uppercase(),
        Some('#') if text.bytes().any(|b| b.is_ascii_lowercase()) => text.to_ascii_uppercase(),
        Some('#') => text.to_ascii_lowercase(),
        _ => text.to_string(),
    };
    // A trimmed number keeps no leading zeros of its own (`%-d` of 05 is 5).
    let body = if flag == Some('-') || fill == ' ' {
        match pad {
            Pad::Zero(_) | Pad::Space(_) => {
                let t = body.trim_start_matches('0');
                if t.is_empty() {
                    "0".to_string()
                } else {
                    t.to_string()
                }
            }
            Pad::Text => body,
        }
    } else {
        body
    };
    let len = body.chars().count();
    if len >= w {
        return body;
    }
    let fill_text: String = std::iter::repeat_n(fill, w - len).collect();
    match body.strip_prefix('-') {
        Some(rest) if fill == '0' => format!("-{fill_text}{rest}"),
        _ => format!("{fill_text}{body}"),
    }
}

/// Day of the year, 1-based.
fn ordinal(c: &Civil) -> i64 {
    super::parse::days_from_civil(c.year, c.month, c.day)
        - super::parse::days_from_civil(c.year, 1, 1)
        + 1
}

/// The ISO 8601 week-numbering year and week of a date.
fn iso_week(c: &Civil) -> (i64, i64) {
    let iso_wd = (c.weekday as i64 + 6) % 7 + 1; // Monday 1 … Sunday 7
    let week = (ordinal(c) - iso_wd + 10) / 7;
    if week < 1 {
        (c.year - 1, weeks_in(c.year - 1))
    } else if week > weeks_in(c.year) {
        (c.year + 1, 1)
    } else {
        (c.year, week)
    }
}

/// 52 or 53: the ISO weeks of year `y`.
fn weeks_in(y: i64) -> i64 {
    let p = |y: i64| (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)).rem_euclid(7);
    if p(y) == 4 || p(y - 1) == 3 {
        53
    } else {
        52
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_flags_and_widths() {
        let t = 1_700_000_000;
        assert_eq!(
            strftime("%F %T %a %b %j %s %H:%M", t, 0),
            "2023-11-14 22:13:20 Tue Nov 318 1700000000 22:13"
        );
        assert_eq!(
            strftime("%c|%r|%p|%l|%A|%B|%u|%U|%W|%V|%G|%C|%:z|%-d|%_m|%05Y|%^a|%q|%E", t, 0),
            "Tue Nov 14 22:13:20 2023|10:13:20 PM|PM|10|Tuesday|November|2|46|46|46|2023|20|+00:00|14|11|02023|TUE|4|%E"
        );
        assert_eq!(strftime("%V %G", 1_704_067_200, 0), "01 2024"); // Mon 2024-01-01
        assert_eq!(strftime("%V %G", 1_672_531_200, 0), "52 2022"); // Sun 2023-01-01
    }
}
