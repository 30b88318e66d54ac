//! The two images' file trees: a Debian 12 (bookworm) base shared by both, plus nginx's files.
//!
//! Debian 12 has a merged `/usr`: `/bin`, `/sbin` and `/lib` are symlinks into `/usr`, so
//! `/bin/sh` and `/usr/bin/sh` are the same file (a link to `dash`).

use super::{FileData, Image, ImageFile};

/// The paths of the programs every image has, for PATH lookups (`/usr/bin/cat`...), plus
/// `/usr/bin/sh`, which is a symlink to `dash`.
pub fn coreutils_paths() -> Vec<String> {
    let mut paths: Vec<String> = USR_BIN_PATHS.iter().map(|p| p.to_string()).collect();
    paths.push("/usr/bin/sh".to_string());
    paths.sort();
    paths
}

/// The `/etc/hosts` the kubelet writes into every container of a pod (pod IP and name last).
pub fn etc_hosts(pod_ip: &str, pod_name: &str) -> String {
    format!(
        "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n{pod_ip}\t{pod_name}\n"
    )
}

const OS_RELEASE: &str = include_str!("os-release.txt");
const DEBIAN_PASSWD: &str = include_str!("passwd.txt");
const NGINX_PASSWD: &str = concat!(
    include_str!("passwd.txt"),
    "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n"
);
/// Debian's `/etc/group` (base-passwd's `group.master`, as the debian image ships it).
const DEBIAN_GROUP: &str = include_str!("group.txt");
/// The nginx image adds the `nginx` system group (gid 101) for its worker processes.
const NGINX_GROUP: &str = concat!(include_str!("group.txt"), "nginx:x:101:\n");
const DEBIAN_VERSION: &str = "12.11\n";
const ROOT_BASHRC: &str = "# ~/.bashrc: executed by bash(1) for non-login shells.\n\nexport PS1='${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '\numask 022\n";

const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

pub(super) fn dir(path: &'static str) -> ImageFile {
    ImageFile {
        path,
        content: FileData::Dir,
        mode: 0o755,
        uid: 0,
        gid: 0,
    }
}

pub(super) fn file(path: &'static str, text: &'static str) -> ImageFile {
    ImageFile {
        path,
        content: FileData::File(text),
        mode: 0o644,
        uid: 0,
        gid: 0,
    }
}

pub(super) fn link(path: &'static str, target: &'static str) -> ImageFile {
    ImageFile {
        path,
        content: FileData::Symlink(target),
        mode: 0o777,
        uid: 0,
        gid: 0,
    }
}

/// A root-owned executable (mode 0755) whose behaviour the simulation provides.
pub(super) fn exe(path: &'static str) -> ImageFile {
    ImageFile {
        path,
        content: FileData::Executable,
        mode: 0o755,
        uid: 0,
        gid: 0,
    }
}

/// The Debian 12 base every image here starts from.
fn debian_files() -> Vec<ImageFile> {
    let mut files = vec![
        dir("/usr"),
        dir("/usr/bin"),
        dir("/usr/sbin"),
        dir("/usr/lib"),
        dir("/usr/lib64"),
        dir("/usr/local"),
        dir("/usr/local/bin"),
        dir("/usr/share"),
        link("/bin", "usr/bin"),
        link("/sbin", "usr/sbin"),
        link("/lib", "usr/lib"),
        link("/lib64", "usr/lib64"),
        dir("/boot"),
        dir("/dev"),
        dir("/etc"),
        file("/etc/host.conf", "multi on\n"),
        file("/etc/debian_version", DEBIAN_VERSION),
        file("/etc/hostname", ""),
        file("/etc/os-release", OS_RELEASE),
        file("/etc/group", DEBIAN_GROUP),
        file("/etc/passwd", DEBIAN_PASSWD),
        dir("/home"),
        dir("/media"),
        dir("/mnt"),
        dir("/opt"),
        dir("/proc"),
        ImageFile {
            path: "/root",
            content: FileData::Dir,
            mode: 0o700,
            uid: 0,
            gid: 0,
        },
        file("/root/.bashrc", ROOT_BASHRC),
        dir("/run"),
        dir("/srv"),
        dir("/sys"),
        ImageFile {
            path: "/tmp",
            content: FileData::Dir,
            mode: 0o1777,
            uid: 0,
            gid: 0,
        },
        dir("/var"),
        dir("/var/cache"),
        dir("/var/lib"),
        dir("/var/lib/apt"),
        dir("/var/lib/apt/lists"),
        dir("/var/lib/dpkg"),
        dir("/var/log"),
        link("/var/run", "/run"),
        ImageFile {
            path: "/var/tmp",
            content: FileData::Dir,
            mode: 0o1777,
            uid: 0,
            gid: 0,
        },
    ];
    files.extend(USR_BIN_PATHS.iter().map(|path| exe(path)));
    files.push(link("/usr/bin/sh", "dash"));
    files
}

/// Programs every Debian 12 image has in `/usr/bin` (coreutils, bash, dash, grep, apt...).
/// `curl`, `ps`, `ip` and `ss` are deliberately absent: they come with packages.
const USR_BIN_PATHS: &[&str] = &[
    "/usr/bin/[",
    "/usr/bin/apt",
    "/usr/bin/apt-get",
    "/usr/bin/arch",
    "/usr/bin/awk",
    "/usr/bin/b2sum",
    "/usr/bin/base32",
    "/usr/bin/base64",
    "/usr/bin/basename",
    "/usr/bin/basenc",
    "/usr/bin/bash",
    "/usr/bin/cat",
    "/usr/bin/chcon",
    "/usr/bin/chgrp",
    "/usr/bin/chmod",
    "/usr/bin/chown",
    "/usr/bin/cksum",
    "/usr/bin/cmp",
    "/usr/bin/comm",
    "/usr/bin/cp",
    "/usr/bin/csplit",
    "/usr/bin/cut",
    "/usr/bin/dash",
    "/usr/bin/date",
    "/usr/bin/dd",
    "/usr/bin/df",
    "/usr/bin/diff",
    "/usr/bin/diff3",
    "/usr/bin/dir",
    "/usr/bin/dircolors",
    "/usr/bin/dirname",
    "/usr/bin/dpkg",
    "/usr/bin/du",
    "/usr/bin/echo",
    "/usr/bin/env",
    "/usr/bin/expand",
    "/usr/bin/expr",
    "/usr/bin/factor",
    "/usr/bin/false",
    "/usr/bin/find",
    "/usr/bin/findmnt",
    "/usr/bin/flock",
    "/usr/bin/fmt",
    "/usr/bin/fold",
    "/usr/bin/getopt",
    "/usr/bin/grep",
    "/usr/bin/groups",
    "/usr/bin/gunzip",
    "/usr/bin/gzip",
    "/usr/bin/head",
    "/usr/bin/hostid",
    "/usr/bin/hostname",
    "/usr/bin/id",
    "/usr/bin/install",
    "/usr/bin/join",
    "/usr/bin/link",
    "/usr/bin/ln",
    "/usr/bin/logname",
    "/usr/bin/ls",
    "/usr/bin/lscpu",
    "/usr/bin/mawk",
    "/usr/bin/md5sum",
    "/usr/bin/mkdir",
    "/usr/bin/mkfifo",
    "/usr/bin/mknod",
    "/usr/bin/mktemp",
    "/usr/bin/more",
    "/usr/bin/mount",
    "/usr/bin/mountpoint",
    "/usr/bin/mv",
    "/usr/bin/namei",
    "/usr/bin/nice",
    "/usr/bin/nl",
    "/usr/bin/nohup",
    "/usr/bin/nproc",
    "/usr/bin/numfmt",
    "/usr/bin/od",
    "/usr/bin/paste",
    "/usr/bin/pathchk",
    "/usr/bin/perl",
    "/usr/bin/pinky",
    "/usr/bin/pr",
    "/usr/bin/printenv",
    "/usr/bin/printf",
    "/usr/bin/ptx",
    "/usr/bin/pwd",
    "/usr/bin/readlink",
    "/usr/bin/realpath",
    "/usr/bin/rev",
    "/usr/bin/rm",
    "/usr/bin/rmdir",
    "/usr/bin/runcon",
    "/usr/bin/sdiff",
    "/usr/bin/sed",
    "/usr/bin/seq",
    "/usr/bin/setsid",
    "/usr/bin/sha1sum",
    "/usr/bin/sha224sum",
    "/usr/bin/sha256sum",
    "/usr/bin/sha384sum",
    "/usr/bin/sha512sum",
    "/usr/bin/shred",
    "/usr/bin/shuf",
    "/usr/bin/sleep",
    "/usr/bin/sort",
    "/usr/bin/split",
    "/usr/bin/stat",
    "/usr/bin/stdbuf",
    "/usr/bin/stty",
    "/usr/bin/sum",
    "/usr/bin/sync",
    "/usr/bin/tac",
    "/usr/bin/tail",
    "/usr/bin/tar",
    "/usr/bin/tee",
    "/usr/bin/test",
    "/usr/bin/timeout",
    "/usr/bin/touch",
    "/usr/bin/tr",
    "/usr/bin/true",
    "/usr/bin/truncate",
    "/usr/bin/tsort",
    "/usr/bin/tty",
    "/usr/bin/umount",
    "/usr/bin/uname",
    "/usr/bin/unexpand",
    "/usr/bin/uniq",
    "/usr/bin/unlink",
    "/usr/bin/users",
    "/usr/bin/vdir",
    "/usr/bin/wc",
    "/usr/bin/whereis",
    "/usr/bin/which",
    "/usr/bin/who",
    "/usr/bin/whoami",
    "/usr/bin/xargs",
    "/usr/bin/yes",
    "/usr/bin/zcat",
];

/// `debian:bookworm` (`debian:latest`).
pub fn debian() -> Image {
    Image {
        name: "debian",
        reference: "docker.io/library/debian:latest",
        // A fixed stand-in: the real digest changes with every rebuild of the image.
        digest: "sha256:0d8498a0e9e6a60011df39aab78534cfe940785e7c59d19dfae1eb53ea59babe",
        files: debian_files(),
        entrypoint: Vec::new(),
        cmd: vec!["bash".to_string()],
        env: vec![("PATH".to_string(), PATH.to_string())],
        working_dir: "/",
        size_bytes: 48_490_000,
    }
}

/// `nginx:latest`: Debian 12 plus the nginx.org package and the official image's setup.
pub fn nginx() -> Image {
    let mut files = debian_files();
    files.retain(|f| f.path != "/etc/passwd" && f.path != "/etc/group");
    let nginx_owned = |path: &'static str| ImageFile {
        path,
        content: FileData::Dir,
        mode: 0o755,
        uid: 101,
        gid: 0,
    };
    files.extend([
        file("/etc/group", NGINX_GROUP),
        file("/etc/passwd", NGINX_PASSWD),
        exe("/docker-entrypoint.sh"),
        dir("/docker-entrypoint.d"),
        dir("/etc/nginx"),
        file("/etc/nginx/nginx.conf", include_str!("nginx.conf")),
        dir("/etc/nginx/conf.d"),
        file(
            "/etc/nginx/conf.d/default.conf",
            include_str!("nginx-default.conf"),
        ),
        exe("/usr/sbin/nginx"),
        dir("/usr/share/nginx"),
        dir("/usr/share/nginx/html"),
        file(
            "/usr/share/nginx/html/index.html",
            include_str!("nginx-index.html"),
        ),
        file(
            "/usr/share/nginx/html/50x.html",
            include_str!("nginx-50x.html"),
        ),
        nginx_owned("/var/cache/nginx"),
        dir("/var/log/nginx"),
        link("/var/log/nginx/access.log", "/dev/stdout"),
        link("/var/log/nginx/error.log", "/dev/stderr"),
    ]);
    Image {
        name: "nginx",
        reference: "docker.io/library/nginx:latest",
        // A fixed stand-in: the real digest changes with every rebuild of the image.
        digest: "sha256:c15da6c91de8d2f436196f3a768483ad32c258ed4e1beb3d367a27ed67253e66",
        files,
        entrypoint: vec!["/docker-entrypoint.sh".to_string()],
        cmd: vec![
            "nginx".to_string(),
            "-g".to_string(),
            "daemon off;".to_string(),
        ],
        env: vec![
            ("PATH".to_string(), PATH.to_string()),
            ("NGINX_VERSION".to_string(), "1.27.5".to_string()),
            ("NJS_VERSION".to_string(), "0.8.10".to_string()),
            ("NJS_RELEASE".to_string(), "1~bookworm".to_string()),
            ("PKG_RELEASE".to_string(), "1~bookworm".to_string()),
            ("DYNPKG_RELEASE".to_string(), "1~bookworm".to_string()),
        ],
        working_dir: "/",
        size_bytes: 72_200_000,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_paths_are_sorted_and_include_sh() {
        let paths = coreutils_paths();
        assert!(paths.windows(2).all(|w| w[0] < w[1]));
        assert!(paths.contains(&"/usr/bin/sh".to_string()));
        assert!(!paths.contains(&"/usr/bin/curl".to_string()));
    }

    #[test]
    fn hosts_file_is_the_kubelets() {
        let hosts = etc_hosts("10.244.0.5", "two-containers");
        assert!(hosts.starts_with("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"));
        assert!(hosts.ends_with("10.244.0.5\ttwo-containers\n"));
    }
}
