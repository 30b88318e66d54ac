//! Kubernetes resource quantities (`1Mi`, `500M`, `1e3`, `128974848`) as a number of bytes.

/// The message the API server's decoder gives for text that is not a quantity.
pub const QUANTITY_FORMAT_ERROR: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/// Parses a quantity into whole bytes, rounding a fraction up as Kubernetes does for
/// `Value()`. Negative quantities and values beyond `u64` are errors.
pub fn parse_quantity(text: &str) -> Result<u64, String> {
    let bad = || QUANTITY_FORMAT_ERROR.to_string();
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let split = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(split);
    if number.is_empty() || number == "." || number.matches('.').count() > 1 {
        return Err(bad());
    }
    // The number as an integer `digits` with `scale` decimal places.
    let mut digits: u128 = 0;
    let mut scale: u32 = 0;
    let mut seen_point = false;
    for c in number.chars() {
        if c == '.' {
            seen_point = true;
            continue;
        }
        let d = u128::from(c.to_digit(10).ok_or_else(bad)?);
        digits = digits
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .ok_or_else(too_large)?;
        if seen_point {
            scale = scale.saturating_add(1);
        }
    }
    let (mul, div) = multiplier(suffix).ok_or_else(bad)?;
    if negative && digits > 0 {
        return Err("must be greater than or equal to 0".to_string());
    }
    let numerator = digits.checked_mul(mul).ok_or_else(too_large)?;
    let denominator = 10u128
        .checked_pow(scale)
        .and_then(|p| p.checked_mul(div))
        .ok_or_else(too_large)?;
    let bytes = numerator.div_ceil(denominator);
    u64::try_from(bytes).map_err(|_| too_large())
}

fn too_large() -> String {
    "quantity is too large".to_string()
}

/// `(multiply, divide)` for a suffix: binary (`Ki`...), decimal SI (`k`, `M`, `m`...) or an
/// exponent (`e3`, `E-2`).
fn multiplier(suffix: &str) -> Option<(u128, u128)> {
    let binary = |power: u32| Some((1u128 << (10 * power), 1));
    let decimal = |exp: i32| {
        let p = 10u128.checked_pow(exp.unsigned_abs())?;
        Some(if exp >= 0 { (p, 1) } else { (1, p) })
    };
    match suffix {
        "" => Some((1, 1)),
        "Ki" => binary(1),
        "Mi" => binary(2),
        "Gi" => binary(3),
        "Ti" => binary(4),
        "Pi" => binary(5),
        "Ei" => binary(6),
        "n" => decimal(-9),
        "u" => decimal(-6),
        "m" => decimal(-3),
        "k" => decimal(3),
        "M" => decimal(6),
        "G" => decimal(9),
        "T" => decimal(12),
        "P" => decimal(15),
        "E" => decimal(18),
        _ => {
            let exp = suffix.strip_prefix(['e', 'E'])?;
            let body = exp.strip_prefix(['+', '-']).unwrap_or(exp);
            if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            decimal(exp.parse::<i32>().ok().filter(|e| e.abs() <= 30)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_decimal_and_exponent_suffixes() {
        assert_eq!(parse_quantity("1Mi"), Ok(1_048_576));
        assert_eq!(parse_quantity("500M"), Ok(500_000_000));
        assert_eq!(parse_quantity("1.5Gi"), Ok(1_610_612_736));
        assert_eq!(parse_quantity("128974848"), Ok(128_974_848));
        assert_eq!(parse_quantity("129e6"), Ok(129_000_000));
        assert_eq!(parse_quantity("1k"), Ok(1000));
        assert_eq!(parse_quantity("1500m"), Ok(2), "fractions round up");
        assert_eq!(parse_quantity("+2Ki"), Ok(2048));
    }

    #[test]
    fn rejects_what_kubernetes_rejects() {
        for bad in ["", "Mi", "1MB", "1 Mi", "abc", "1..2", "1e", "1x"] {
            assert_eq!(
                parse_quantity(bad),
                Err(QUANTITY_FORMAT_ERROR.to_string()),
                "{bad}"
            );
        }
        assert!(parse_quantity("-1Mi").is_err());
        assert!(parse_quantity("99999999999Ei").is_err());
    }
}
