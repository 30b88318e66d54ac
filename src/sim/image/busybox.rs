//! `busybox` (the Docker Hub image): one static multi-call binary, `/bin/busybox`, and a link in
//! `/bin` for each of its applets. podscope's build is Debian bookworm's BusyBox 1.35.0 (its
//! `--list`, recorded in `busybox-list.txt`), whatever the tag.

use super::base::{dir, exe, file, link};
use super::{FileData, Image, ImageFile};

/// What `busybox --list` prints: one applet a line (BusyBox 1.35.0, Debian bookworm).
pub const BUSYBOX_APPLETS: &str = include_str!("busybox-list.txt");

/// The applets' paths (`/bin/ls`…), the same list with `/bin/` in front.
const APPLET_PATHS: &str = include_str!("busybox-paths.txt");

const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n";
const GROUP: &str = "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nmail:x:12:\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n";

/// `busybox:latest`.
pub fn busybox() -> Image {
    let mut files = vec![
        dir("/bin"),
        exe("/bin/busybox"),
        dir("/dev"),
        dir("/etc"),
        file("/etc/passwd", PASSWD),
        file("/etc/group", GROUP),
        dir("/home"),
        dir("/proc"),
        ImageFile {
            path: "/root",
            content: FileData::Dir,
            mode: 0o700,
            uid: 0,
            gid: 0,
        },
        dir("/sys"),
        ImageFile {
            path: "/tmp",
            content: FileData::Dir,
            mode: 0o1777,
            uid: 0,
            gid: 0,
        },
        dir("/usr"),
        dir("/usr/sbin"),
        dir("/var"),
        dir("/var/www"),
    ];
    files.extend(
        APPLET_PATHS
            .lines()
            .filter(|p| *p != "/bin/busybox")
            .map(|p| link(p, "busybox")),
    );
    Image {
        name: "busybox",
        reference: "docker.io/library/busybox:latest",
        // A fixed stand-in: the real digest changes with every rebuild of the image.
        digest: "sha256:37f7b378a29ceb4c551b1b5582e27747b855bbfaa73fa11914fe0df028dc581f",
        files,
        entrypoint: Vec::new(),
        cmd: vec!["sh".to_string()],
        env: vec![(
            "PATH".to_string(),
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
        )],
        working_dir: "/",
        size_bytes: 2_160_000,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_applet_is_a_link_to_busybox() {
        let image = busybox();
        for applet in [
            "sh", "wget", "nc", "httpd", "ls", "cat", "echo", "sleep", "ping",
        ] {
            let path = format!("/bin/{applet}");
            let f = image.files.iter().find(|f| f.path == path);
            assert_eq!(
                f.map(|f| f.content),
                Some(FileData::Symlink("busybox")),
                "{applet}"
            );
        }
        assert_eq!(BUSYBOX_APPLETS.lines().count(), 258);
        assert_eq!(image.cmd, ["sh"]);
    }
}
