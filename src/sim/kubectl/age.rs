//! Ages as kubectl prints them (apimachinery's `duration.HumanDuration`): `5s`, `2m3s`, `10m`,
//! `3h5m`, `2d4h`, `1y30d`. Precision drops as the duration grows.

/// Formats a duration in milliseconds the way the AGE column does.
pub fn age(ms: u64) -> String {
    let seconds = ms / 1000;
    let minutes = seconds / 60;
    let hours = minutes / 60;
    let days = hours / 24;
    let years = days / 365;
    let with = |big: u64, unit: &str, small: u64, small_unit: &str| {
        if small == 0 {
            format!("{big}{unit}")
        } else {
            format!("{big}{unit}{small}{small_unit}")
        }
    };
    if seconds < 60 * 2 {
        format!("{seconds}s")
    } else if minutes < 10 {
        with(minutes, "m", seconds % 60, "s")
    } else if minutes < 60 * 3 {
        format!("{minutes}m")
    } else if hours < 8 {
        with(hours, "h", minutes % 60, "m")
    } else if hours < 48 {
        format!("{hours}h")
    } else if hours < 24 * 8 {
        with(days, "d", hours % 24, "h")
    } else if hours < 24 * 365 * 2 {
        format!("{days}d")
    } else if hours < 24 * 365 * 8 {
        with(years, "y", days % 365, "d")
    } else {
        format!("{years}y")
    }
}

#[cfg(test)]
mod tests {
    use super::age;

    #[test]
    fn follows_human_duration_steps() {
        let s = 1000;
        let cases = [
            (0, "0s"),
            (5 * s, "5s"),
            (119 * s, "119s"),
            (120 * s, "2m"),
            (123 * s, "2m3s"),
            (599 * s, "9m59s"),
            (600 * s, "10m"),
            (179 * 60 * s, "179m"),
            (3 * 3600 * s, "3h"),
            ((3 * 3600 + 5 * 60) * s, "3h5m"),
            (8 * 3600 * s, "8h"),
            (47 * 3600 * s, "47h"),
            ((2 * 24 + 4) * 3600 * s, "2d4h"),
            (8 * 24 * 3600 * s, "8d"),
            ((2 * 365 + 30) * 24 * 3600 * s, "2y30d"),
            (9 * 365 * 24 * 3600 * s, "9y"),
        ];
        for (ms, want) in cases {
            assert_eq!(age(ms), want, "{ms} ms");
        }
    }
}
