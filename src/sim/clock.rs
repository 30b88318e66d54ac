//! Simulated wall-clock time. The simulation counts milliseconds from 0; this module maps that
//! count onto a fixed calendar date so that `Date:` headers, `ls -l` and `date` look real and stay
//! deterministic (no `std::time` anywhere in the core).

/// Unix time (ms) of simulated instant 0: Thu, 26 Nov 2026 09:00:00 GMT.
pub const EPOCH_UNIX_MS: u64 = 1_795_683_600_000;

/// A broken-down UTC calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    /// Year, e.g. 2026.
    pub year: i64,
    /// Month 1–12.
    pub month: u32,
    /// Day of month 1–31.
    pub day: u32,
    /// Hour 0–23.
    pub hour: u32,
    /// Minute 0–59.
    pub minute: u32,
    /// Second 0–59.
    pub second: u32,
    /// Day of week, 0 = Sunday.
    pub weekday: u32,
}

/// Three-letter English month names, as HTTP dates and `ls` print them.
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Three-letter English weekday names, Sunday first.
pub const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// Unix seconds of a simulated instant.
pub fn unix_seconds(now_ms: u64) -> u64 {
    EPOCH_UNIX_MS.saturating_add(now_ms) / 1000
}

/// Converts Unix seconds to a UTC calendar time (Howard Hinnant's days-from-civil inverse).
pub fn civil_from_unix(secs: u64) -> Civil {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Civil {
        year,
        month,
        day,
        hour: (rem / 3600) as u32,
        minute: ((rem % 3600) / 60) as u32,
        second: (rem % 60) as u32,
        weekday: ((days + 4).rem_euclid(7)) as u32,
    }
}

/// The calendar time of a simulated instant.
pub fn civil(now_ms: u64) -> Civil {
    civil_from_unix(unix_seconds(now_ms))
}

/// An RFC 7231 HTTP date: `Thu, 26 Nov 2026 09:00:00 GMT`.
pub fn http_date(now_ms: u64) -> String {
    rfc1123(now_ms, "GMT")
}

/// An RFC 1123 date with the given zone text (`GMT` for HTTP, `+0000` for Go's `RFC1123Z`).
pub fn rfc1123(now_ms: u64, zone: &str) -> String {
    let c = civil(now_ms);
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} {zone}",
        WEEKDAYS.get(c.weekday as usize).unwrap_or(&"Thu"),
        c.day,
        MONTHS
            .get(c.month.saturating_sub(1) as usize)
            .unwrap_or(&"Jan"),
        c.year,
        c.hour,
        c.minute,
        c.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_the_documented_date() {
        assert_eq!(http_date(0), "Thu, 26 Nov 2026 09:00:00 GMT");
        assert_eq!(http_date(61_500), "Thu, 26 Nov 2026 09:01:01 GMT");
        let c = civil_from_unix(0);
        assert_eq!((c.year, c.month, c.day, c.weekday), (1970, 1, 1, 4));
        let leap = civil_from_unix(951_782_400); // 2000-02-29
        assert_eq!((leap.year, leap.month, leap.day), (2000, 2, 29));
    }
}
