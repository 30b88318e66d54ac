//! Debian 12 packages podscope can install, with the versions and sizes of the real bookworm
//! archive (recorded with `apt-cache show` on Debian 12) and the dependencies a bare
//! `debian:bookworm` image lacks. apt installs Recommends by default, so they are listed too.

use super::base::{dir, exe, file, link};
use super::ImageFile;

/// One installable package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// Package name.
    pub name: &'static str,
    /// Debian version string.
    pub version: &'static str,
    /// `amd64` or `all`.
    pub arch: &'static str,
    /// Download size of the `.deb` in bytes.
    pub download_bytes: u64,
    /// Files the package adds that podscope simulates (its programs).
    pub files: Vec<ImageFile>,
    /// Packages it pulls in (Depends and Recommends) that a bare debian image lacks.
    pub depends: Vec<&'static str>,
    /// Installed size in kB.
    pub size_kb: u64,
}

/// (name, version, arch, download bytes, installed kB, new dependencies).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    u64,
    u64,
    &'static [&'static str],
);

const ARCHIVE: &[Row] = &[
    (
        "wget",
        "1.21.3-1+deb12u1",
        "amd64",
        937_340,
        3521,
        &["libpsl5", "ca-certificates"],
    ),
    (
        "curl",
        "7.88.1-10+deb12u15",
        "amd64",
        315_764,
        489,
        &["libcurl4"],
    ),
    (
        "libcurl4",
        "7.88.1-10+deb12u15",
        "amd64",
        392_184,
        840,
        &[
            "libbrotli1",
            "libgssapi-krb5-2",
            "libldap-2.5-0",
            "libnghttp2-14",
            "libpsl5",
            "librtmp1",
            "libssh2-1",
            "libssl3",
            "ca-certificates",
        ],
    ),
    (
        "ca-certificates",
        "20250419~deb12u2",
        "all",
        160_948,
        388,
        &["openssl"],
    ),
    (
        "openssl",
        "3.0.22-1~deb12u2",
        "amd64",
        1_441_784,
        2315,
        &["libssl3"],
    ),
    ("libssl3", "3.0.22-1~deb12u2", "amd64", 2_039_888, 6042, &[]),
    ("krb5-locales", "1.20.1-2+deb12u5", "all", 63_520, 273, &[]),
    ("libbrotli1", "1.0.9-2+deb12u1", "amd64", 274_704, 783, &[]),
    (
        "libgssapi-krb5-2",
        "1.20.1-2+deb12u5",
        "amd64",
        135_168,
        425,
        &[
            "libk5crypto3",
            "libkrb5-3",
            "libkrb5support0",
            "krb5-locales",
        ],
    ),
    (
        "libk5crypto3",
        "1.20.1-2+deb12u5",
        "amd64",
        79_712,
        261,
        &["libkrb5support0"],
    ),
    ("libkeyutils1", "1.6.3-2", "amd64", 8_808, 40, &[]),
    (
        "libkrb5-3",
        "1.20.1-2+deb12u5",
        "amd64",
        332_280,
        1077,
        &["libk5crypto3", "libkeyutils1", "libkrb5support0", "libssl3"],
    ),
    (
        "libkrb5support0",
        "1.20.1-2+deb12u5",
        "amd64",
        33_212,
        134,
        &[],
    ),
    (
        "libldap-2.5-0",
        "2.5.13+dfsg-5",
        "amd64",
        183_248,
        553,
        &["libsasl2-2", "libldap-common"],
    ),
    ("libldap-common", "2.5.13+dfsg-5", "all", 29_348, 92, &[]),
    (
        "libnghttp2-14",
        "1.52.0-1+deb12u3",
        "amd64",
        72_404,
        220,
        &[],
    ),
    (
        "libpsl5",
        "0.21.2-1",
        "amd64",
        58_684,
        96,
        &["publicsuffix"],
    ),
    ("publicsuffix", "20230209.2326-1", "all", 126_380, 339, &[]),
    (
        "librtmp1",
        "2.4+20151223.gitfa8646d.1-2+b2",
        "amd64",
        60_824,
        146,
        &[],
    ),
    (
        "libsasl2-2",
        "2.1.28+dfsg-10+deb12u1",
        "amd64",
        59_908,
        167,
        &["libsasl2-modules-db", "libsasl2-modules"],
    ),
    (
        "libsasl2-modules",
        "2.1.28+dfsg-10+deb12u1",
        "amd64",
        66_868,
        284,
        &[],
    ),
    (
        "libsasl2-modules-db",
        "2.1.28+dfsg-10+deb12u1",
        "amd64",
        20_524,
        77,
        &[],
    ),
    (
        "libssh2-1",
        "1.10.0-3+deb12u1",
        "amd64",
        175_976,
        353,
        &["libssl3"],
    ),
    (
        "procps",
        "2:4.0.2-3",
        "amd64",
        708_712,
        2091,
        &["libncursesw6", "libproc2-0", "psmisc"],
    ),
    ("libproc2-0", "2:4.0.2-3", "amd64", 62_804, 232, &[]),
    ("libncursesw6", "6.4-4", "amd64", 133_824, 412, &["libgpm2"]),
    ("libgpm2", "1.20.7-10+b1", "amd64", 14_216, 45, &[]),
    ("psmisc", "23.6-1", "amd64", 258_696, 909, &[]),
    (
        "iproute2",
        "6.1.0-3",
        "amd64",
        1_045_828,
        3516,
        &[
            "libbpf1",
            "libbsd0",
            "libelf1",
            "libmnl0",
            "libtirpc3",
            "libxtables12",
            "libcap2-bin",
            "libatm1",
        ],
    ),
    (
        "libbpf1",
        "1:1.1.2-0+deb12u1",
        "amd64",
        145_032,
        385,
        &["libelf1"],
    ),
    ("libelf1", "0.188-2.1", "amd64", 173_796, 1036, &[]),
    ("libmnl0", "1.0.4-3", "amd64", 12_476, 46, &[]),
    (
        "libtirpc3",
        "1.3.3+ds-1",
        "amd64",
        85_192,
        226,
        &["libgssapi-krb5-2", "libtirpc-common"],
    ),
    ("libtirpc-common", "1.3.3+ds-1", "all", 14_048, 35, &[]),
    ("libxtables12", "1.8.9-2", "amd64", 30_752, 101, &[]),
    (
        "libcap2-bin",
        "1:2.66-4+deb12u3+b1",
        "amd64",
        35_220,
        133,
        &["libpam-cap"],
    ),
    (
        "libpam-cap",
        "1:2.66-4+deb12u3+b1",
        "amd64",
        15_052,
        53,
        &[],
    ),
    ("libatm1", "1:2.5.1-4+b2", "amd64", 68_312, 107, &[]),
    ("libbsd0", "0.11.7-2", "amd64", 117_416, 202, &[]),
    (
        "nginx",
        "1.22.1-9+deb12u11",
        "amd64",
        532_468,
        1336,
        &["libssl3", "iproute2", "nginx-common"],
    ),
    (
        "nginx-common",
        "1.22.1-9+deb12u11",
        "all",
        115_544,
        333,
        &[],
    ),
];

/// The programs a package installs (merged `/usr`: `/bin/ps` is `/usr/bin/ps`).
fn programs(name: &str) -> Vec<ImageFile> {
    match name {
        "curl" => vec![exe("/usr/bin/curl")],
        "wget" => vec![exe("/usr/bin/wget")],
        "procps" => [
            "/usr/bin/ps",
            "/usr/bin/kill",
            "/usr/bin/top",
            "/usr/bin/free",
            "/usr/bin/pgrep",
            "/usr/bin/pkill",
            "/usr/bin/uptime",
            "/usr/bin/watch",
            "/usr/bin/w",
            "/usr/sbin/sysctl",
        ]
        .into_iter()
        .map(exe)
        .collect(),
        "psmisc" => ["/usr/bin/killall", "/usr/bin/pstree", "/usr/bin/fuser"]
            .into_iter()
            .map(exe)
            .collect(),
        "iproute2" => vec![
            exe("/usr/bin/ip"),
            exe("/usr/bin/ss"),
            link("/usr/sbin/ip", "/bin/ip"),
        ],
        "nginx" => vec![exe("/usr/sbin/nginx")],
        // Debian's own layout (not the nginx image's): sites-enabled, /var/www/html.
        "nginx-common" => vec![
            dir("/etc/nginx"),
            file("/etc/nginx/nginx.conf", include_str!("debian-nginx.conf")),
            dir("/etc/nginx/conf.d"),
            dir("/etc/nginx/sites-available"),
            file(
                "/etc/nginx/sites-available/default",
                include_str!("debian-nginx-site-default.conf"),
            ),
            dir("/etc/nginx/sites-enabled"),
            link(
                "/etc/nginx/sites-enabled/default",
                "/etc/nginx/sites-available/default",
            ),
            dir("/usr/share/nginx"),
            dir("/usr/share/nginx/html"),
            file(
                "/usr/share/nginx/html/index.html",
                include_str!("nginx-index.html"),
            ),
            dir("/var/log/nginx"),
            dir("/var/www"),
            dir("/var/www/html"),
            file(
                "/var/www/html/index.nginx-debian.html",
                include_str!("nginx-index.html"),
            ),
        ],
        _ => Vec::new(),
    }
}

/// The packages whose programs podscope runs (what `apt-get install` really installs).
pub const SIMULATED: [&str; 6] = ["curl", "iproute2", "nginx", "procps", "psmisc", "wget"];

/// Packages of Debian bookworm that tutorials install and podscope does not simulate: apt says
/// so plainly instead of a fake `Unable to locate package`.
const BOOKWORM_UNSIMULATED: &[&str] = &[
    "bind9-dnsutils",
    "bind9-host",
    "busybox",
    "ca-certificates",
    "dnsutils",
    "file",
    "git",
    "htop",
    "iputils-ping",
    "jq",
    "less",
    "lsof",
    "nano",
    "ncat",
    "net-tools",
    "netcat",
    "netcat-openbsd",
    "netcat-traditional",
    "nmap",
    "openssl",
    "python3",
    "socat",
    "strace",
    "tcpdump",
    "telnet",
    "traceroute",
    "tshark",
    "unzip",
    "vim",
    "vim-tiny",
    "zip",
];

/// True for a real bookworm package that podscope does not simulate.
pub fn unsimulated(name: &str) -> bool {
    BOOKWORM_UNSIMULATED.contains(&name)
}

/// A package of the bookworm archive by name, or `None` (`E: Unable to locate package`).
pub fn package(name: &str) -> Option<Package> {
    let (name, version, arch, download_bytes, size_kb, depends) =
        ARCHIVE.iter().find(|row| row.0 == name).copied()?;
    Some(Package {
        name,
        version,
        arch,
        download_bytes,
        files: programs(name),
        depends: depends.to_vec(),
        size_kb,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dependency_is_in_the_archive() {
        for row in ARCHIVE {
            for dep in row.5 {
                assert!(package(dep).is_some(), "{} needs unknown {dep}", row.0);
            }
        }
        assert!(package("nonexistent-package").is_none());
        for name in SIMULATED {
            assert!(package(name).is_some() && !unsimulated(name), "{name}");
        }
    }

    #[test]
    fn packages_bring_the_programs_debian_lacks() {
        let has =
            |pkg: &str, path: &str| package(pkg).unwrap().files.iter().any(|f| f.path == path);
        assert!(has("curl", "/usr/bin/curl"));
        assert!(has("procps", "/usr/bin/ps"));
        assert!(has("iproute2", "/usr/bin/ip"));
        assert!(has("iproute2", "/usr/bin/ss"));
        assert_eq!(package("curl").unwrap().version, "7.88.1-10+deb12u15");
    }
}
