//! Addresses as text without `core::fmt`: every TCP state change names both of its ends, and a
//! round trip makes about twenty of them, so `to_string()`'s formatter machinery was 8% of a
//! native `curl localhost` (callgrind). IPv4 is written digit by digit; IPv6, rare here, still
//! goes through `Display`. The text is exactly `Display`'s.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, mut n: u16) {
    let mut digits = [0u8; 5];
    let mut start = digits.len();
    loop {
        start -= 1;
        // n % 10 < 10, so the digit fits a byte.
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// Appends `ip` as `Ipv4Addr`'s `Display` writes it (`127.0.0.1`).
fn push_ipv4(out: &mut String, ip: Ipv4Addr) {
    for (i, octet) in ip.octets().into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        push_decimal(out, u16::from(octet));
    }
}

/// `ip.to_string()`.
pub(crate) fn ip_text(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let mut out = String::with_capacity(15);
            push_ipv4(&mut out, v4);
            out
        }
        IpAddr::V6(v6) => v6.to_string(),
    }
}

/// `addr.to_string()` (`127.0.0.1:80`, `[::1]:80`).
pub(crate) fn socket_addr_text(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(a) => {
            let mut out = String::with_capacity(21);
            push_ipv4(&mut out, *a.ip());
            out.push(':');
            push_decimal(&mut out, a.port());
            out
        }
        SocketAddr::V6(a) => a.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_displays() {
        let ips = [
            Ipv4Addr::new(0, 0, 0, 0),
            Ipv4Addr::new(127, 0, 0, 1),
            Ipv4Addr::new(10, 244, 1, 5),
            Ipv4Addr::new(255, 255, 255, 255),
            Ipv4Addr::new(1, 20, 100, 9),
        ];
        for ip in ips {
            assert_eq!(ip_text(IpAddr::V4(ip)), ip.to_string());
            for port in [0, 1, 9, 10, 80, 99, 100, 8080, 10000, 65535] {
                let addr = SocketAddr::new(IpAddr::V4(ip), port);
                assert_eq!(socket_addr_text(addr), addr.to_string());
            }
        }
        let v6 = IpAddr::V6(Ipv4Addr::LOCALHOST.to_ipv6_mapped());
        assert_eq!(ip_text(v6), "::ffff:127.0.0.1");
        let addr = SocketAddr::new(IpAddr::V6(std::net::Ipv6Addr::LOCALHOST), 80);
        assert_eq!(socket_addr_text(addr), "[::1]:80");
    }
}
