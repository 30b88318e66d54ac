//! One shared suite run against the image layer, a mounted volume and the same volume seen from
//! the other container; then the mount-specific behaviour and a property test of volume sharing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location

use proptest::prelude::*;

use super::*;

const NGINX: &str = "nginx-container";
const DEBIAN: &str = "debian-container";

/// The two-container pod: `shared-data` at /usr/share/nginx/html (nginx) and /pod-data (debian).
fn pod() -> Fs {
    let mut fs = Fs::new();
    fs.add_namespace(NGINX);
    fs.add_namespace(DEBIAN);
    let index = NodeContent::File(b"<h1>Welcome to nginx!</h1>\n".to_vec());
    fs.install(
        NGINX,
        "/usr/share/nginx/html/index.html",
        index,
        0o644,
        0,
        0,
        1,
    )
    .unwrap();
    fs.install(DEBIAN, "/tmp", NodeContent::Dir, 0o1777, 0, 0, 1)
        .unwrap();
    fs.create_volume("shared-data", None, 2);
    fs.mount_volume(
        NGINX,
        "shared-data",
        "/usr/share/nginx/html",
        false,
        None,
        3,
    )
    .unwrap();
    fs.mount_volume(DEBIAN, "shared-data", "/pod-data", false, None, 3)
        .unwrap();
    fs
}

fn kind<T: std::fmt::Debug>(r: Result<T, FsError>) -> FsErrorKind {
    r.unwrap_err().kind
}

/// The behaviour every directory must have, wherever it lives. `base` exists and is empty.
fn shared_suite(fs: &mut Fs, ns: &str, base: &str) {
    let p = |rel: &str| path::join(base, rel);
    // write, read, append
    let w = fs
        .write(ns, &p("a.txt"), b"hello\n", WriteMode::Truncate, 10)
        .unwrap();
    assert!(w.created);
    assert_eq!(w.size, 6);
    let w2 = fs
        .write(ns, &p("a.txt"), b"again\n", WriteMode::Append, 11)
        .unwrap();
    assert!(!w2.created);
    assert_eq!(w2.ino, w.ino);
    assert_eq!(fs.read(ns, &p("a.txt")).unwrap(), b"hello\nagain\n");
    fs.write(ns, &p("a.txt"), b"x", WriteMode::Truncate, 12)
        .unwrap();
    let m = fs.stat(ns, &p("a.txt")).unwrap();
    assert_eq!(
        (m.kind, m.size, m.mode, m.nlink, m.mtime_ms),
        (NodeKind::File, 1, 0o644, 1, 12)
    );
    // directories
    let before = fs.stat(ns, base).unwrap().nlink;
    fs.mkdir(ns, &p("d"), 13).unwrap();
    assert_eq!(fs.stat(ns, base).unwrap().nlink, before + 1);
    assert_eq!(kind(fs.mkdir(ns, &p("d"), 13)), FsErrorKind::AlreadyExists);
    assert_eq!(kind(fs.mkdir(ns, &p("no/such"), 13)), FsErrorKind::NotFound);
    assert_eq!(
        kind(fs.mkdir(ns, &p("a.txt/x"), 13)),
        FsErrorKind::NotADirectory
    );
    fs.write(ns, &p("d/z"), b"z", WriteMode::Truncate, 14)
        .unwrap();
    fs.write(ns, &p("d/b"), b"b", WriteMode::Truncate, 14)
        .unwrap();
    let names: Vec<String> = fs
        .read_dir(ns, &p("d"))
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["b", "z"]);
    assert_eq!(kind(fs.read(ns, &p("d"))), FsErrorKind::IsADirectory);
    assert_eq!(
        kind(fs.write(ns, &p("d"), b"", WriteMode::Truncate, 1)),
        FsErrorKind::IsADirectory
    );
    assert_eq!(
        kind(fs.write(ns, &p("nodir/f"), b"", WriteMode::Truncate, 1)),
        FsErrorKind::NotFound
    );
    assert_eq!(
        kind(fs.read_dir(ns, &p("a.txt"))),
        FsErrorKind::NotADirectory
    );
    // removal
    assert_eq!(kind(fs.remove_file(ns, &p("d"))), FsErrorKind::IsADirectory);
    assert_eq!(
        kind(fs.remove_dir(ns, &p("d"))),
        FsErrorKind::DirectoryNotEmpty
    );
    assert_eq!(
        kind(fs.remove_dir(ns, &p("a.txt"))),
        FsErrorKind::NotADirectory
    );
    fs.remove_file(ns, &p("d/z")).unwrap();
    fs.remove_file(ns, &p("d/b")).unwrap();
    fs.remove_dir(ns, &p("d")).unwrap();
    assert_eq!(kind(fs.stat(ns, &p("d"))), FsErrorKind::NotFound);
    assert_eq!(kind(fs.remove_file(ns, &p("d"))), FsErrorKind::NotFound);
    // rename keeps the inode
    let ino = fs.stat(ns, &p("a.txt")).unwrap().ino;
    fs.rename(ns, &p("a.txt"), &p("b.txt"), 15).unwrap();
    assert_eq!(fs.stat(ns, &p("b.txt")).unwrap().ino, ino);
    assert_eq!(kind(fs.stat(ns, &p("a.txt"))), FsErrorKind::NotFound);
    fs.mkdir(ns, &p("sub"), 16).unwrap();
    assert_eq!(
        kind(fs.rename(ns, &p("sub"), &p("sub/in"), 16)),
        FsErrorKind::InvalidArgument
    );
    assert_eq!(
        kind(fs.rename(ns, &p("b.txt"), &p("sub"), 16)),
        FsErrorKind::IsADirectory
    );
    // symlinks: relative targets resolve against the link's directory
    fs.symlink(ns, "../b.txt", &p("sub/link"), 17).unwrap();
    assert_eq!(fs.read(ns, &p("sub/link")).unwrap(), b"x");
    assert_eq!(fs.read_link(ns, &p("sub/link")).unwrap(), "../b.txt");
    assert_eq!(
        fs.lstat(ns, &p("sub/link")).unwrap().kind,
        NodeKind::Symlink
    );
    assert_eq!(fs.stat(ns, &p("sub/link")).unwrap().ino, ino);
    assert_eq!(
        kind(fs.read_link(ns, &p("b.txt"))),
        FsErrorKind::InvalidArgument
    );
    fs.symlink(ns, "loop2", &p("loop1"), 18).unwrap();
    fs.symlink(ns, "loop1", &p("loop2"), 18).unwrap();
    assert_eq!(kind(fs.read(ns, &p("loop1"))), FsErrorKind::SymlinkLoop);
    assert_eq!(
        kind(fs.symlink(ns, "x", &p("loop1"), 18)),
        FsErrorKind::AlreadyExists
    );
    // writing through a dangling symlink creates its target
    fs.symlink(ns, "made.txt", &p("dangling"), 19).unwrap();
    fs.write(ns, &p("dangling"), b"m", WriteMode::Truncate, 19)
        .unwrap();
    assert_eq!(fs.read(ns, &p("made.txt")).unwrap(), b"m");
    fs.remove_file(ns, &p("dangling")).unwrap();
    assert_eq!(fs.read(ns, &p("made.txt")).unwrap(), b"m");
    // `..` through a symlinked directory follows the real parent
    fs.symlink(ns, "sub", &p("sublink"), 20).unwrap();
    assert_eq!(fs.read(ns, &p("sublink/../b.txt")).unwrap(), b"x");
    // touch
    let t = fs.touch(ns, &p("new"), 21).unwrap();
    assert!(t.created);
    assert_eq!(fs.touch(ns, &p("new"), 22).unwrap().ino, t.ino);
    assert_eq!(fs.stat(ns, &p("new")).unwrap().mtime_ms, 22);
}

#[test]
fn suite_on_the_image_layer() {
    let mut fs = pod();
    fs.mkdir(DEBIAN, "/tmp/work", 5).unwrap();
    shared_suite(&mut fs, DEBIAN, "/tmp/work");
    assert_eq!(fs.volume_at(DEBIAN, "/tmp/work/b.txt"), None);
}

#[test]
fn suite_on_a_mounted_volume() {
    let mut fs = pod();
    shared_suite(&mut fs, DEBIAN, "/pod-data");
    assert_eq!(
        fs.volume_at(DEBIAN, "/pod-data/b.txt").as_deref(),
        Some("shared-data")
    );
    assert_eq!(fs.read(NGINX, "/usr/share/nginx/html/b.txt").unwrap(), b"x");
}

#[test]
fn suite_on_the_volume_from_the_other_container() {
    let mut fs = pod();
    shared_suite(&mut fs, NGINX, "/usr/share/nginx/html");
    assert_eq!(fs.read(DEBIAN, "/pod-data/b.txt").unwrap(), b"x");
}

#[test]
fn a_mount_shadows_the_image_and_shares_inodes() {
    let mut fs = pod();
    assert!(fs
        .read_dir(NGINX, "/usr/share/nginx/html")
        .unwrap()
        .is_empty());
    assert_eq!(
        kind(fs.read(NGINX, "/usr/share/nginx/html/index.html")),
        FsErrorKind::NotFound
    );
    let w = fs
        .write(
            DEBIAN,
            "/pod-data/index.html",
            b"Hello from the debian container\n",
            WriteMode::Truncate,
            9,
        )
        .unwrap();
    assert_eq!(w.volume.as_deref(), Some("shared-data"));
    assert!(w.ino >= 1_000_000);
    assert_eq!(
        fs.stat(NGINX, "/usr/share/nginx/html/index.html")
            .unwrap()
            .ino,
        w.ino
    );
    assert_eq!(
        fs.stat(NGINX, "/usr/share/nginx/html").unwrap().ino,
        fs.stat(DEBIAN, "/pod-data").unwrap().ino
    );
    let mut paths = fs.paths_of_inode(w.ino);
    paths.sort();
    assert_eq!(
        paths,
        [
            (DEBIAN.to_string(), "/pod-data/index.html".to_string()),
            (
                NGINX.to_string(),
                "/usr/share/nginx/html/index.html".to_string()
            )
        ]
    );
    // the parent directory listing shows the mounted root, not the shadowed directory
    let html = fs.read_dir(NGINX, "/usr/share/nginx").unwrap();
    assert_eq!(
        html.first().map(|(_, m)| m.ino),
        Some(fs.stat(DEBIAN, "/pod-data").unwrap().ino)
    );
    assert_eq!(fs.volume_usage("shared-data"), 32);
    // restarting a container keeps the volume; deleting the pod loses it
    fs.remove_namespace(DEBIAN);
    assert!(!fs.has_namespace(DEBIAN));
    assert_eq!(
        fs.read(NGINX, "/usr/share/nginx/html/index.html")
            .unwrap()
            .len(),
        32
    );
    fs.delete_volume("shared-data");
    assert_eq!(
        fs.read(NGINX, "/usr/share/nginx/html/index.html").unwrap(),
        b"<h1>Welcome to nginx!</h1>\n"
    );
}

#[test]
fn names_and_paths_past_the_linux_limits_fail_with_enametoolong() {
    let mut fs = pod();
    let long = "a".repeat(NAME_MAX + 1);
    let max = "a".repeat(NAME_MAX);
    assert_eq!(
        kind(fs.stat(DEBIAN, &format!("/{long}"))),
        FsErrorKind::NameTooLong
    );
    assert_eq!(
        kind(fs.stat(DEBIAN, &format!("/{max}"))),
        FsErrorKind::NotFound
    );
    // the parent is looked up first, as in Linux
    assert_eq!(
        kind(fs.stat(DEBIAN, &format!("/none/{long}"))),
        FsErrorKind::NotFound
    );
    assert_eq!(
        kind(fs.mkdir(DEBIAN, &format!("/pod-data/{long}"), 5)),
        FsErrorKind::NameTooLong
    );
    let w = fs.write(
        DEBIAN,
        &format!("/pod-data/{long}"),
        b"x",
        WriteMode::Truncate,
        5,
    );
    assert_eq!(kind(w), FsErrorKind::NameTooLong);
    fs.mkdir(DEBIAN, &format!("/pod-data/{max}"), 5).unwrap();
    assert_eq!(
        FsError::new(FsErrorKind::NameTooLong, "/x").to_string(),
        "/x: File name too long"
    );
    // PATH_MAX counts the terminating NUL: 4095 bytes resolve, 4096 do not
    let path = |len: usize| format!("/{}", "b/".repeat(len).get(..len - 1).unwrap_or_default());
    assert_eq!(path(PATH_MAX - 1).len(), PATH_MAX - 1);
    assert_eq!(
        kind(fs.stat(DEBIAN, &path(PATH_MAX - 1))),
        FsErrorKind::NotFound
    );
    assert_eq!(
        kind(fs.stat(DEBIAN, &path(PATH_MAX))),
        FsErrorKind::NameTooLong
    );
    assert_eq!(
        kind(fs.mkdir(DEBIAN, &path(PATH_MAX), 5)),
        FsErrorKind::NameTooLong
    );
}

#[test]
fn a_deep_tree_resolves_mounts_dotdot_and_symlinks_at_every_level() {
    let mut fs = pod();
    let mut dir = "/pod-data".to_string();
    for _ in 0..600 {
        dir.push_str("/d");
        fs.mkdir(DEBIAN, &dir, 5).unwrap();
    }
    let deep = fs.stat(DEBIAN, &dir).unwrap();
    assert_eq!(fs.volume_of(deep.ino).as_deref(), Some("shared-data"));
    // the same directory through the other mount, and back up through `..`
    let nginx_dir = dir.replacen("/pod-data", "/usr/share/nginx/html", 1);
    assert_eq!(fs.stat(NGINX, &nginx_dir).unwrap().ino, deep.ino);
    let up = format!("{dir}{}", "/..".repeat(600));
    assert_eq!(fs.realpath(DEBIAN, &up).unwrap(), "/pod-data");
    assert_eq!(
        fs.stat(DEBIAN, &up).unwrap().ino,
        fs.stat(DEBIAN, "/pod-data").unwrap().ino
    );
    // `..` past the volume's root leaves the mount; symlinks deep down resolve relative and absolute
    assert_eq!(
        fs.realpath(DEBIAN, &format!("{up}/../tmp")).unwrap(),
        "/tmp"
    );
    fs.symlink(DEBIAN, "../../d", &format!("{dir}/rel"), 6)
        .unwrap();
    fs.symlink(DEBIAN, "/pod-data/d", &format!("{dir}/abs"), 6)
        .unwrap();
    let parent2 = dir.get(..dir.len() - 4).unwrap_or_default().to_string();
    assert_eq!(
        fs.realpath(DEBIAN, &format!("{dir}/rel")).unwrap(),
        format!("{parent2}/d")
    );
    assert_eq!(
        fs.realpath(DEBIAN, &format!("{dir}/abs/d")).unwrap(),
        "/pod-data/d/d"
    );
    assert_eq!(fs.paths_of_inode(deep.ino).len(), 2);
}

#[test]
fn read_only_mounts_fail_writes_with_erofs() {
    let mut fs = pod();
    fs.write(DEBIAN, "/pod-data/f", b"1", WriteMode::Truncate, 1)
        .unwrap();
    fs.mount_volume(NGINX, "shared-data", "/ro", true, None, 1)
        .unwrap();
    assert_eq!(fs.read(NGINX, "/ro/f").unwrap(), b"1");
    let e = fs
        .write(NGINX, "/ro/f", b"2", WriteMode::Append, 2)
        .unwrap_err();
    assert_eq!(e.to_string(), "/ro/f: Read-only file system");
    assert_eq!(
        kind(fs.write(NGINX, "/ro/g", b"2", WriteMode::Append, 2)),
        FsErrorKind::ReadOnlyFs
    );
    assert_eq!(kind(fs.mkdir(NGINX, "/ro/d", 2)), FsErrorKind::ReadOnlyFs);
    assert_eq!(
        kind(fs.remove_file(NGINX, "/ro/f")),
        FsErrorKind::ReadOnlyFs
    );
    assert_eq!(kind(fs.touch(NGINX, "/ro/f", 2)), FsErrorKind::ReadOnlyFs);
    assert_eq!(fs.mounts(NGINX).last().map(|m| m.read_only), Some(true));
}

#[test]
fn a_size_limit_fails_writes_past_it_with_enospc() {
    let mut fs = pod();
    fs.create_volume("small", Some(10), 0);
    fs.mount_volume(DEBIAN, "small", "/small", false, None, 0)
        .unwrap();
    fs.write(DEBIAN, "/small/a", b"12345678", WriteMode::Truncate, 1)
        .unwrap();
    let e = fs
        .write(DEBIAN, "/small/b", b"abcd", WriteMode::Truncate, 1)
        .unwrap_err();
    assert_eq!(e.to_string(), "/small/b: No space left on device");
    assert_eq!(fs.read(DEBIAN, "/small/b").unwrap(), b"ab");
    assert_eq!(fs.volume_usage("small"), 10);
    // rewriting a file reuses its own bytes
    fs.write(DEBIAN, "/small/a", b"87654321", WriteMode::Truncate, 2)
        .unwrap();
}

#[test]
fn mount_points_are_busy_and_mounts_are_other_devices() {
    let mut fs = pod();
    assert_eq!(kind(fs.remove_dir(DEBIAN, "/pod-data")), FsErrorKind::Busy);
    assert_eq!(kind(fs.remove_dir(DEBIAN, "/")), FsErrorKind::Busy);
    assert_eq!(
        kind(fs.rename(DEBIAN, "/pod-data", "/elsewhere", 1)),
        FsErrorKind::Busy
    );
    fs.write(DEBIAN, "/tmp/f", b"1", WriteMode::Truncate, 1)
        .unwrap();
    let e = fs.rename(DEBIAN, "/tmp/f", "/pod-data/f", 1).unwrap_err();
    assert_eq!(e.to_string(), "/pod-data/f: Invalid cross-device link");
    assert_eq!(FsErrorKind::Busy.strerror(), "Device or resource busy");
    assert!(fs.is_mount_point_path(DEBIAN, "/pod-data"));
    let m = fs.mounts(DEBIAN);
    assert_eq!(m.len(), 2);
    assert_eq!(
        (m[1].target.as_str(), m[1].volume.as_deref()),
        ("/pod-data", Some("shared-data"))
    );
}

#[test]
fn sub_path_mounts_a_directory_of_the_volume() {
    let mut fs = pod();
    fs.mount_volume(NGINX, "shared-data", "/etc/sub", false, Some("conf/d"), 1)
        .unwrap();
    fs.write(NGINX, "/etc/sub/x", b"x", WriteMode::Truncate, 1)
        .unwrap();
    assert_eq!(fs.read(DEBIAN, "/pod-data/conf/d/x").unwrap(), b"x");
    let ino = fs.stat(DEBIAN, "/pod-data/conf/d/x").unwrap().ino;
    assert_eq!(fs.paths_of_inode(ino).len(), 3);
}

#[derive(Debug, Clone)]
enum Op {
    Shared {
        through_nginx: bool,
        file: u8,
        data: Vec<u8>,
        append: bool,
    },
    Private {
        in_nginx: bool,
        file: u8,
        data: Vec<u8>,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            any::<bool>(),
            0u8..4,
            proptest::collection::vec(any::<u8>(), 0..16),
            any::<bool>()
        )
            .prop_map(|(through_nginx, file, data, append)| Op::Shared {
                through_nginx,
                file,
                data,
                append
            }),
        (
            any::<bool>(),
            0u8..4,
            proptest::collection::vec(any::<u8>(), 0..16)
        )
            .prop_map(|(in_nginx, file, data)| Op::Private {
                in_nginx,
                file,
                data
            }),
    ]
}

proptest! {
    #[test]
    fn volume_writes_are_seen_at_both_mounts_and_nowhere_else(ops in proptest::collection::vec(op(), 1..40)) {
        let mut fs = pod();
        fs.install(NGINX, "/tmp", NodeContent::Dir, 0o1777, 0, 0, 0).unwrap();
        for (t, op) in ops.into_iter().enumerate() {
            match op {
                Op::Shared { through_nginx, file, data, append } => {
                    let (ns, dir) = if through_nginx { (NGINX, "/usr/share/nginx/html") } else { (DEBIAN, "/pod-data") };
                    let mode = if append { WriteMode::Append } else { WriteMode::Truncate };
                    fs.write(ns, &format!("{dir}/f{file}"), &data, mode, t as u64).unwrap();
                    let a = fs.stat(NGINX, &format!("/usr/share/nginx/html/f{file}")).unwrap();
                    let b = fs.stat(DEBIAN, &format!("/pod-data/f{file}")).unwrap();
                    prop_assert_eq!(a, b);
                    prop_assert_eq!(fs.read(NGINX, &format!("/usr/share/nginx/html/f{file}")).unwrap(), fs.read(DEBIAN, &format!("/pod-data/f{file}")).unwrap());
                }
                Op::Private { in_nginx, file, data } => {
                    let (ns, other) = if in_nginx { (NGINX, DEBIAN) } else { (DEBIAN, NGINX) };
                    let path = format!("/tmp/p{file}");
                    fs.write(ns, &path, &data, WriteMode::Truncate, t as u64).unwrap();
                    let ino = fs.stat(ns, &path).unwrap().ino;
                    prop_assert_eq!(fs.paths_of_inode(ino), vec![(ns.to_string(), path.clone())]);
                    if let Ok(m) = fs.stat(other, &path) {
                        prop_assert_ne!(m.ino, ino);
                    }
                }
            }
        }
        for (ns, dir) in [(NGINX, "/usr/share/nginx/html"), (DEBIAN, "/pod-data")] {
            let shared: Vec<(String, Ino)> = fs.read_dir(ns, dir).unwrap().into_iter().map(|(n, m)| (n, m.ino)).collect();
            for (name, ino) in shared {
                prop_assert_eq!(fs.paths_of_inode(ino).len(), 2, "{}", name);
            }
        }
    }
}
