//! The built-in container images and Debian packages, as plain data.
//!
//! [`lookup`] resolves an image reference the way a container runtime would (`nginx`,
//! `nginx:latest`, `docker.io/library/nginx`...) to an [`Image`]: its files, entrypoint, cmd,
//! env and working directory. Only the files that matter to podscope are listed, with the
//! official images' real text (nginx's config and welcome page byte for byte). [`package`]
//! and [`apt_get`] model `apt-get update` / `apt-get install` on Debian 12 with real package
//! versions and sizes. Programs are [`FileData::Executable`] markers; what they do lives in
//! the shell and coreutils modules.
//!
//! May use: std and [`crate::sim::output`].

mod apt;
mod base;
mod busybox;
mod packages;

pub use apt::{apt_get, AptResult};
pub use base::{coreutils_paths, etc_hosts};
pub use busybox::BUSYBOX_APPLETS;
pub use packages::{package, Package};

/// What a path in an image holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileData {
    /// A regular file with this text.
    File(&'static str),
    /// A directory.
    Dir,
    /// A symbolic link to this target.
    Symlink(&'static str),
    /// A program binary (`/usr/bin/cat`): running it is simulated elsewhere.
    Executable,
}

/// One file of an image or package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageFile {
    /// Absolute path.
    pub path: &'static str,
    /// Contents.
    pub content: FileData,
    /// Permission bits (`0o644`, `0o755`, `0o1777`).
    pub mode: u32,
    /// Owner uid.
    pub uid: u32,
    /// Owner gid.
    pub gid: u32,
}

/// A container image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Short name (`nginx`).
    pub name: &'static str,
    /// Fully qualified reference (`docker.io/library/nginx:latest`).
    pub reference: &'static str,
    /// Content digest, as `Image ID` shows it after the `@`.
    pub digest: &'static str,
    /// Files, parents before children.
    pub files: Vec<ImageFile>,
    /// ENTRYPOINT.
    pub entrypoint: Vec<String>,
    /// CMD.
    pub cmd: Vec<String>,
    /// ENV, in order.
    pub env: Vec<(String, String)>,
    /// WORKDIR.
    pub working_dir: &'static str,
    /// Compressed size, as `Pulled ... Image size:` reports it.
    pub size_bytes: u64,
}

/// Splits `registry/repo:tag` into the Docker Hub repository name and tag; `None` when the
/// reference names another registry, a digest we do not have, or is malformed.
fn repository_and_tag(image: &str) -> Option<(&str, &str)> {
    let rest = image
        .strip_prefix("docker.io/library/")
        .or_else(|| image.strip_prefix("docker.io/"))
        .or_else(|| image.strip_prefix("library/"))
        .unwrap_or(image);
    if rest.contains('/') || rest.contains('@') || rest.is_empty() {
        return None;
    }
    Some(rest.split_once(':').unwrap_or((rest, "latest")))
}

/// The image a reference names, or `None` (the kubelet then reports `ErrImagePull`).
pub fn lookup(image: &str) -> Option<Image> {
    let (repo, tag) = repository_and_tag(image)?;
    match (repo, tag) {
        ("nginx", t) if nginx_tag(t) => Some(base::nginx()),
        ("debian", t) if debian_tag(t) => Some(base::debian()),
        ("busybox", t) if busybox_tag(t) => Some(busybox::busybox()),
        _ => None,
    }
}

/// The nginx tags of the Debian-based images (`1.25`, `1.27.5`, `stable-bookworm`…): podscope
/// runs its one nginx image for all of them (and says so in the README).
fn nginx_tag(tag: &str) -> bool {
    let base = tag.strip_suffix("-bookworm").unwrap_or(tag);
    matches!(base, "latest" | "bookworm" | "mainline" | "stable")
        || base.strip_prefix("1.").is_some_and(|v| {
            !v.is_empty()
                && v.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
        || base == "1"
}

/// busybox's glibc-based tags: podscope runs BusyBox 1.35 (Debian's build) for all of them.
fn busybox_tag(tag: &str) -> bool {
    let base = tag.strip_suffix("-glibc").unwrap_or(tag);
    matches!(base, "latest" | "stable" | "glibc" | "1")
        || base.strip_prefix("1.").is_some_and(|v| {
            !v.is_empty()
                && v.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// debian:bookworm under its names, with or without `-slim` (the slim image differs only in
/// documentation files podscope does not have anyway).
fn debian_tag(tag: &str) -> bool {
    let base = tag.strip_suffix("-slim").unwrap_or(tag);
    matches!(base, "latest" | "bookworm" | "12" | "stable")
        || base
            .strip_prefix("12.")
            .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file<'a>(image: &'a Image, path: &str) -> Option<&'a ImageFile> {
        image.files.iter().find(|f| f.path == path)
    }

    #[test]
    fn tags_people_paste_resolve() {
        for r in [
            "nginx:1.25",
            "nginx:1.27.5",
            "nginx:stable-bookworm",
            "nginx:1",
        ] {
            assert_eq!(lookup(r).map(|i| i.name), Some("nginx"), "{r}");
        }
        for r in [
            "debian:bookworm-slim",
            "debian:12-slim",
            "debian:12.11",
            "debian:stable",
        ] {
            assert_eq!(lookup(r).map(|i| i.name), Some("debian"), "{r}");
        }
        for r in [
            "nginx:alpine",
            "nginx:1.25-alpine",
            "debian:bullseye",
            "busybox:musl",
            "nginx:1.",
        ] {
            assert!(lookup(r).is_none(), "{r}");
        }
    }

    #[test]
    fn references_resolve_like_a_runtime() {
        for r in [
            "nginx",
            "nginx:latest",
            "docker.io/library/nginx",
            "docker.io/nginx:latest",
        ] {
            assert_eq!(lookup(r).map(|i| i.name), Some("nginx"), "{r}");
        }
        for r in [
            "busybox",
            "busybox:1.36",
            "busybox:1.36.1-glibc",
            "busybox:latest",
        ] {
            assert_eq!(lookup(r).map(|i| i.name), Some("busybox"), "{r}");
        }
        for r in ["debian", "debian:bookworm", "library/debian:12"] {
            assert_eq!(lookup(r).map(|i| i.name), Some("debian"), "{r}");
        }
        for r in [
            "ngnix",
            "nginx:0.0.1",
            "quay.io/nginx",
            "",
            "debian@sha256:00",
        ] {
            assert!(lookup(r).is_none(), "{r}");
        }
    }

    #[test]
    fn nginx_image_has_the_official_files() {
        let nginx = lookup("nginx").unwrap();
        let Some(FileData::File(index)) =
            file(&nginx, "/usr/share/nginx/html/index.html").map(|f| f.content)
        else {
            panic!("no index.html")
        };
        assert_eq!(index.len(), 615);
        assert!(index.contains("<title>Welcome to nginx!</title>"));
        let Some(FileData::File(page)) =
            file(&nginx, "/usr/share/nginx/html/50x.html").map(|f| f.content)
        else {
            panic!("no 50x.html")
        };
        assert_eq!(page.len(), 497);
        assert_eq!(
            file(&nginx, "/var/log/nginx/access.log").map(|f| f.content),
            Some(FileData::Symlink("/dev/stdout"))
        );
        assert_eq!(
            file(&nginx, "/var/log/nginx/error.log").map(|f| f.content),
            Some(FileData::Symlink("/dev/stderr"))
        );
        assert_eq!(
            file(&nginx, "/usr/sbin/nginx").map(|f| f.content),
            Some(FileData::Executable)
        );
        let Some(FileData::File(conf)) =
            file(&nginx, "/etc/nginx/conf.d/default.conf").map(|f| f.content)
        else {
            panic!("no default.conf")
        };
        assert!(conf.contains("    listen       80;\n    listen  [::]:80;\n"));
        let Some(FileData::File(passwd)) = file(&nginx, "/etc/passwd").map(|f| f.content) else {
            panic!()
        };
        assert!(passwd.ends_with("nginx:x:101:101:nginx user:/nonexistent:/bin/false\n"));
        assert_eq!(nginx.cmd, ["nginx", "-g", "daemon off;"]);
        assert_eq!(nginx.entrypoint, ["/docker-entrypoint.sh"]);
    }

    #[test]
    fn debian_image_has_no_curl_ps_or_ip() {
        let debian = lookup("debian").unwrap();
        for p in [
            "/usr/bin/bash",
            "/usr/bin/cat",
            "/usr/bin/apt-get",
            "/usr/bin/sleep",
        ] {
            assert_eq!(
                file(&debian, p).map(|f| f.content),
                Some(FileData::Executable),
                "{p}"
            );
        }
        assert_eq!(
            file(&debian, "/bin").map(|f| f.content),
            Some(FileData::Symlink("usr/bin"))
        );
        for p in [
            "/usr/bin/curl",
            "/usr/bin/ps",
            "/usr/sbin/ip",
            "/usr/bin/ss",
            "/usr/sbin/nginx",
        ] {
            assert!(file(&debian, p).is_none(), "{p}");
        }
        assert_eq!(
            file(&debian, "/var/lib/apt/lists").map(|f| f.content),
            Some(FileData::Dir)
        );
        assert_eq!(debian.cmd, ["bash"]);
        let Some(FileData::File(os)) = file(&debian, "/etc/os-release").map(|f| f.content) else {
            panic!()
        };
        assert!(os.contains("VERSION_CODENAME=bookworm"));
    }

    #[test]
    fn every_path_is_absolute_and_has_its_parent() {
        for image in [lookup("nginx").unwrap(), lookup("debian").unwrap()] {
            for f in &image.files {
                assert!(f.path.starts_with('/'), "{}", f.path);
                let parent = f.path.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
                if !parent.is_empty() {
                    assert!(file(&image, parent).is_some(), "{} lacks {parent}", f.path);
                }
            }
        }
    }
}
