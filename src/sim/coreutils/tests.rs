//! Each program against transcripts recorded from GNU coreutils 9.1 on Debian 12 (`LC_ALL=C`),
//! in a copy of the recording directory (`d/`, `f` = "hi\n", `u` = "b a b b c").

use super::*;
use crate::sim::fs::NodeContent;
use crate::sim::output::Stream;

const NGINX: &str = "nginx-container";
const DEBIAN: &str = "debian-container";

/// The pod with the shared volume, plus the recording directory `/tmp/cu` in debian.
fn pod() -> Fs {
    let mut fs = Fs::new();
    fs.add_namespace(NGINX);
    fs.add_namespace(DEBIAN);
    for ns in [NGINX, DEBIAN] {
        let passwd = b"root:x:0:0:root:/root:/bin/bash\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n".to_vec();
        fs.install(ns, "/etc/passwd", NodeContent::File(passwd), 0o644, 0, 0, 0)
            .unwrap();
        fs.install(
            ns,
            "/etc/group",
            NodeContent::File(b"root:x:0:\nnginx:x:101:\n".to_vec()),
            0o644,
            0,
            0,
            0,
        )
        .unwrap();
    }
    fs.install(DEBIAN, "/tmp/cu/d/x", NodeContent::Dir, 0o755, 0, 0, 0)
        .unwrap();
    fs.install(
        DEBIAN,
        "/tmp/cu/f",
        NodeContent::File(b"hi\n".to_vec()),
        0o644,
        0,
        0,
        0,
    )
    .unwrap();
    fs.install(
        DEBIAN,
        "/tmp/cu/u",
        NodeContent::File(b"b\na\nb\nb\nc\n".to_vec()),
        0o644,
        0,
        0,
        0,
    )
    .unwrap();
    fs.create_volume("shared-data", None, 0);
    fs.mount_volume(
        NGINX,
        "shared-data",
        "/usr/share/nginx/html",
        false,
        None,
        0,
    )
    .unwrap();
    fs.mount_volume(DEBIAN, "shared-data", "/pod-data", false, None, 0)
        .unwrap();
    fs
}

/// Runs one command line (split on spaces) in `/tmp/cu` of debian; returns terminal text + status.
fn sh(
    fs: &mut Fs,
    line: &str,
    stdin: &[u8],
    tty: bool,
    events: &mut Vec<EventKind>,
) -> (String, i32, bool) {
    let argv: Vec<String> = line.split(' ').map(str::to_string).collect();
    let env = vec![
        ("HOME".to_string(), "/root".to_string()),
        ("PATH".to_string(), "/usr/bin:/bin".to_string()),
    ];
    let mut now = 1_000;
    let mut out = Output::default();
    let mut blocked = false;
    let mut ctx = Ctx {
        fs,
        ns: DEBIAN,
        cwd: "/tmp/cu",
        env: &env,
        now_ms: &mut now,
        stdin,
        out: &mut out,
        events,
        hostname: "two-containers",
        blocked: &mut blocked,
        tty,
    };
    let status = run(&argv[0], &argv, &mut ctx).unwrap();
    (
        String::from_utf8_lossy(&out.interleaved()).into_owned(),
        status,
        blocked,
    )
}

/// Asserts a table of `(command, expected terminal text, status)` recorded from the real tools.
fn table(cases: &[(&str, &str, i32)]) {
    for (line, want, status) in cases {
        let mut fs = pod();
        let got = sh(&mut fs, line, b"", false, &mut Vec::new());
        assert_eq!((got.0.as_str(), got.1), (*want, *status), "$ {line}");
    }
}

#[test]
fn error_messages_match_gnu() {
    table(&[
        ("ls /nope", "ls: cannot access '/nope': No such file or directory\n", 2),
        ("cat /nope", "cat: /nope: No such file or directory\n", 1),
        ("cat d", "cat: d: Is a directory\n", 1),
        ("cat /pod-data", "cat: /pod-data: Is a directory\n", 1),
        ("mkdir /a/b/c", "mkdir: cannot create directory '/a/b/c': No such file or directory\n", 1),
        ("mkdir d", "mkdir: cannot create directory 'd': File exists\n", 1),
        ("mkdir -p f/x", "mkdir: cannot create directory 'f': Not a directory\n", 1),
        ("rm /x", "rm: cannot remove '/x': No such file or directory\n", 1),
        ("rm d", "rm: cannot remove 'd': Is a directory\n", 1),
        ("rm -f /x", "", 0),
        ("rmdir d/nope", "rmdir: failed to remove 'd/nope': No such file or directory\n", 1),
        ("rmdir /tmp/cu", "rmdir: failed to remove '/tmp/cu': Directory not empty\n", 1),
        ("rmdir f", "rmdir: failed to remove 'f': Not a directory\n", 1),
        ("rmdir /pod-data", "rmdir: failed to remove '/pod-data': Device or resource busy\n", 1),
        ("touch /nope/x", "touch: cannot touch '/nope/x': No such file or directory\n", 1),
        ("cp f", "cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n", 1),
        ("cp /nope x", "cp: cannot stat '/nope': No such file or directory\n", 1),
        ("cp d e", "cp: -r not specified; omitting directory 'd'\n", 1),
        ("cp -r d d/x", "cp: cannot copy a directory, 'd', into itself, 'd/x/d'\n", 1),
        ("mv /nope x", "mv: cannot stat '/nope': No such file or directory\n", 1),
        ("ln -s f f", "ln: failed to create symbolic link 'f': File exists\n", 1),
        ("head -n x f", "head: invalid number of lines: 'x'\n", 1),
        ("head -c x f", "head: invalid number of bytes: 'x'\n", 1),
        ("head /nope", "head: cannot open '/nope' for reading: No such file or directory\n", 1),
        ("head d", "head: error reading 'd': Is a directory\n", 1),
        ("tail /nope", "tail: cannot open '/nope' for reading: No such file or directory\n", 1),
        ("tail -n x f", "tail: invalid number of lines: 'x'\n", 1),
        ("wc /nope", "wc: /nope: No such file or directory\n", 1),
        ("wc d", "wc: d: Is a directory\n      0       0       0 d\n", 1),
        ("grep", "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2),
        ("grep x /nope", "grep: /nope: No such file or directory\n", 2),
        ("grep x d", "grep: d: Is a directory\n", 2),
        ("seq", "seq: missing operand\nTry 'seq --help' for more information.\n", 1),
        ("seq a", "seq: invalid floating point argument: 'a'\nTry 'seq --help' for more information.\n", 1),
        ("seq 1 0 3", "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n", 1),
        ("seq 1 2 3 4", "seq: extra operand '4'\nTry 'seq --help' for more information.\n", 1),
        ("sleep", "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1),
        ("sleep 1m x", "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1),
        ("basename", "basename: missing operand\nTry 'basename --help' for more information.\n", 1),
        ("basename a b c", "basename: extra operand 'c'\nTry 'basename --help' for more information.\n", 1),
        ("stat /nope", "stat: cannot statx '/nope': No such file or directory\n", 1),
        ("rm", "rm: missing operand\nTry 'rm --help' for more information.\n", 1),
        ("cat -z", "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", 1),
        ("ls -z", "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2),
        ("uniq /nope", "uniq: /nope: No such file or directory\n", 1),
        ("uniq d", "uniq: error reading 'd'\n", 1),
        ("sort /nope", "sort: cannot read: /nope: No such file or directory\n", 2),
        ("sort d", "sort: read failed: d: Is a directory\n", 2),
        ("id nobodyx", "id: 'nobodyx': no such user\n", 1),
        ("rmdir .", "rmdir: failed to remove '.': Invalid argument\n", 1),
        ("mv d d/x", "mv: cannot move 'd' to a subdirectory of itself, 'd/x/d'\n", 1),
        ("printenv NOPE", "", 1),
    ]);
}

#[test]
fn outputs_match_gnu() {
    table(&[
        ("wc f", "1 1 3 f\n", 0),
        ("wc -l f", "1 f\n", 0),
        ("wc -l f u", " 1 f\n 5 u\n 6 total\n", 0),
        ("wc f u", " 1  1  3 f\n 5  5 10 u\n 6  6 13 total\n", 0),
        (
            "uniq -c u",
            "      1 b\n      1 a\n      2 b\n      1 c\n",
            0,
        ),
        ("uniq -d u", "b\n", 0),
        ("uniq -u u", "b\na\nc\n", 0),
        ("sort -r u", "c\nb\nb\nb\na\n", 0),
        ("sort -u u", "a\nb\nc\n", 0),
        ("id", "uid=0(root) gid=0(root) groups=0(root)\n", 0),
        ("whoami", "root\n", 0),
        ("seq 3", "1\n2\n3\n", 0),
        ("seq 1 2 7", "1\n3\n5\n7\n", 0),
        ("seq -s, 3", "1,2,3\n", 0),
        ("seq 3 1", "", 0),
        ("seq 1.5 3", "1.5\n2.5\n", 0),
        ("seq 0.1 0.1 0.3", "0.1\n0.2\n0.3\n", 0),
        ("seq -1 1", "-1\n0\n1\n", 0),
        ("seq 5 -2 1", "5\n3\n1\n", 0),
        ("seq -w 8 10", "08\n09\n10\n", 0),
        ("head -2 u", "b\na\n", 0),
        ("head -n -2 u", "b\na\nb\n", 0),
        ("head -c 2 f", "hi", 0),
        ("head f u", "==> f <==\nhi\n\n==> u <==\nb\na\nb\nb\nc\n", 0),
        ("tail -n +4 u", "b\nc\n", 0),
        ("tail -c 2 f", "i\n", 0),
        ("tail -n 2 u f", "==> u <==\nb\nc\n\n==> f <==\nhi\n", 0),
        (
            "cat f /nope f",
            "hi\ncat: /nope: No such file or directory\nhi\n",
            1,
        ),
        ("grep -n b u", "1:b\n3:b\n4:b\n", 0),
        ("grep -c b u", "3\n", 0),
        ("grep b u f", "u:b\nu:b\nu:b\n", 0),
        ("grep -v b u", "a\nc\n", 0),
        ("grep -i B u", "b\nb\nb\n", 0),
        ("grep -h b u f", "b\nb\nb\n", 0),
        ("grep -c b u f", "u:3\nf:0\n", 0),
        ("grep -l b u f", "u\n", 0),
        ("grep -q b u", "", 0),
        ("grep -r b d", "", 1),
        ("grep -r hi .", "./f:hi\n", 0),
        ("basename /a/b.txt .txt", "b\n", 0),
        ("basename /", "/\n", 0),
        ("basename -a x/y z/w", "y\nw\n", 0),
        ("dirname a", ".\n", 0),
        ("dirname /a/b/", "/a\n", 0),
        ("echo -n hi", "hi", 0),
        ("echo -e a\\tb\\cx", "a\tb", 0),
        ("echo -- -n", "-- -n\n", 0),
        ("echo -nx hi", "-nx hi\n", 0),
        ("echo -e \\0101\\x41", "AA\n", 0),
        ("ls", "d\nf\nu\n", 0),
        ("ls -d d", "d\n", 0),
        ("ls -R", ".:\nd\nf\nu\n\n./d:\nx\n\n./d/x:\n", 0),
        ("true", "", 0),
        ("false", "", 1),
        ("pwd", "/tmp/cu\n", 0),
        ("hostname", "two-containers\n", 0),
        ("date -u", "Thu Nov 26 09:00:01 UTC 2026\n", 0),
        ("date +%F", "2026-11-26\n", 0),
        ("printenv HOME", "/root\n", 0),
    ]);
}

#[test]
fn ls_long_aligns_like_gnu() {
    let mut fs = pod();
    fs.symlink(DEBIAN, "f", "/tmp/cu/lnk", 0).unwrap();
    let (out, status, _) = sh(&mut fs, "ls -la", b"", false, &mut Vec::new());
    assert_eq!(status, 0);
    assert_eq!(
        out,
        "total 20\n\
         drwxr-xr-x 3 root root 4096 Nov 26 09:00 .\n\
         drwxr-xr-x 3 root root 4096 Nov 26 09:00 ..\n\
         drwxr-xr-x 3 root root 4096 Nov 26 09:00 d\n\
         -rw-r--r-- 1 root root    3 Nov 26 09:00 f\n\
         lrwxrwxrwx 1 root root    1 Nov 26 09:00 lnk -> f\n\
         -rw-r--r-- 1 root root   10 Nov 26 09:00 u\n"
    );
    let (out, _, _) = sh(&mut fs, "ls -l /nope f", b"", false, &mut Vec::new());
    assert_eq!(out, "ls: cannot access '/nope': No such file or directory\n-rw-r--r-- 1 root root 3 Nov 26 09:00 f\n");
    fs.install(
        NGINX,
        "/var/cache/nginx",
        NodeContent::Dir,
        0o755,
        101,
        0,
        0,
    )
    .unwrap();
    let meta = fs.stat(NGINX, "/var/cache/nginx").unwrap();
    assert_eq!(meta.uid, 101);
}

#[test]
fn ls_prints_columns_on_a_terminal() {
    // Recorded with `script` at 80 columns: GNU pads with tabs up to each column.
    let names = [
        "50x.html",
        "a-long-file-name.txt",
        "b",
        "c.log",
        "d",
        "e",
        "f",
        "index.html",
    ];
    let cells: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        ls::columns(&cells, 80),
        "50x.html  a-long-file-name.txt\tb  c.log  d  e\tf  index.html\n"
    );
    let root = [
        "bin",
        "boot",
        "container_info.json",
        "dev",
        "etc",
        "farm",
        "home",
        "lib",
        "lib64",
        "lost+found",
        "media",
        "mnt",
        "old_root",
        "opt",
        "proc",
        "pyenv-installer",
        "root",
        "run",
        "sbin",
        "srv",
        "sys",
        "tmp",
        "usr",
        "var",
        "work",
    ];
    let cells: Vec<String> = root.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        ls::columns(&cells, 80),
        "bin\t\t     etc   lib64       old_root\t\troot  sys  work\n\
         boot\t\t     farm  lost+found  opt\t\trun   tmp\n\
         container_info.json  home  media       proc\t\tsbin  usr\n\
         dev\t\t     lib   mnt\t       pyenv-installer\tsrv   var\n"
    );
}

#[test]
fn stat_prints_the_gnu_report() {
    let mut fs = pod();
    let ino = fs.stat(DEBIAN, "/tmp/cu/f").unwrap().ino;
    let (out, status, _) = sh(&mut fs, "stat f", b"", false, &mut Vec::new());
    assert_eq!(status, 0);
    assert_eq!(
        out,
        format!(
            "  File: f\n  Size: 3         \tBlocks: 8          IO Block: 4096   regular file\n\
             Device: 0,52\tInode: {ino:<11} Links: 1\n\
             Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)\n\
             Access: 2026-11-26 09:00:00.000000000 +0000\nModify: 2026-11-26 09:00:00.000000000 +0000\n\
             Change: 2026-11-26 09:00:00.000000000 +0000\n Birth: 2026-11-26 09:00:00.000000000 +0000\n"
        )
    );
}

#[test]
fn writes_emit_events_with_the_other_containers_path() {
    let mut fs = pod();
    let mut events = Vec::new();
    let (_, status, _) = sh(
        &mut fs,
        "cp f /pod-data/index.html",
        b"",
        false,
        &mut events,
    );
    assert_eq!(status, 0);
    let Some(EventKind::FileWritten {
        path,
        size,
        volume,
        also_at,
        ..
    }) = events.first()
    else {
        panic!("{events:?}")
    };
    assert_eq!(
        (path.as_str(), *size, volume.as_deref()),
        ("/pod-data/index.html", 3, Some("shared-data"))
    );
    assert_eq!(
        also_at,
        &vec![(
            NGINX.to_string(),
            "/usr/share/nginx/html/index.html".to_string()
        )]
    );
    assert_eq!(
        fs.read(NGINX, "/usr/share/nginx/html/index.html").unwrap(),
        b"hi\n"
    );
    events.clear();
    sh(&mut fs, "mkdir -p /pod-data/a/b", b"", false, &mut events);
    assert!(matches!(
        events.as_slice(),
        [EventKind::DirCreated { .. }, EventKind::DirCreated { .. }]
    ));
    events.clear();
    let (out, status, _) = sh(&mut fs, "rm -r /pod-data", b"", false, &mut events);
    assert_eq!(
        (out.as_str(), status),
        (
            "rm: cannot remove '/pod-data': Device or resource busy\n",
            1
        )
    );
    assert_eq!(events.len(), 3);
    fs.create_volume("ro", None, 0);
    fs.mount_volume(DEBIAN, "ro", "/ro", true, None, 0).unwrap();
    events.clear();
    let (out, _, _) = sh(&mut fs, "touch /ro/x", b"", false, &mut events);
    assert_eq!(out, "touch: cannot touch '/ro/x': Read-only file system\n");
    assert!(matches!(events.as_slice(), [EventKind::WriteFailed { .. }]));
}

#[test]
fn mv_across_mounts_copies_then_removes() {
    let mut fs = pod();
    let (out, status, _) = sh(&mut fs, "mv f /pod-data/f", b"", false, &mut Vec::new());
    assert_eq!((out.as_str(), status), ("", 0));
    assert!(fs.stat(DEBIAN, "/tmp/cu/f").is_err());
    assert_eq!(fs.read(NGINX, "/usr/share/nginx/html/f").unwrap(), b"hi\n");
}

#[test]
fn stdin_pipes_and_blocking_programs() {
    let mut fs = pod();
    assert_eq!(
        sh(&mut fs, "wc", b"hi\n", false, &mut Vec::new()).0,
        "      1       1       3\n"
    );
    assert_eq!(
        sh(&mut fs, "wc -l", b"hi\n", false, &mut Vec::new()).0,
        "1\n"
    );
    assert_eq!(
        sh(&mut fs, "cat - f", b"a\n", false, &mut Vec::new()).0,
        "a\nhi\n"
    );
    let (out, status, blocked) = sh(&mut fs, "yes", b"", false, &mut Vec::new());
    assert_eq!((out.len(), status, blocked), (65_536, 141, false));
    assert!(sh(&mut fs, "yes", b"", true, &mut Vec::new()).2);
    assert!(sh(&mut fs, "sleep infinity", b"", true, &mut Vec::new()).2);
    let (out, _, blocked) = sh(&mut fs, "tail -f u", b"", true, &mut Vec::new());
    assert_eq!((out.as_str(), blocked), ("b\na\nb\nb\nc\n", true));
    let mut out = Output::default();
    let mut now = 0;
    let mut blocked = false;
    let mut events = Vec::new();
    let argv: Vec<String> = ["sleep", "1.5", "1m"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut ctx = Ctx {
        fs: &mut fs,
        ns: DEBIAN,
        cwd: "/",
        env: &[],
        now_ms: &mut now,
        stdin: b"",
        out: &mut out,
        events: &mut events,
        hostname: "h",
        blocked: &mut blocked,
        tty: false,
    };
    assert_eq!(run("sleep", &argv, &mut ctx), Some(0));
    assert_eq!(now, 61_500);
    assert!(out.stream_bytes(Stream::Stderr).is_empty());
}

#[test]
fn unknown_programs_and_hostname_i_are_left_to_the_caller() {
    let mut fs = pod();
    let mut out = Output::default();
    let (mut now, mut blocked, mut events) = (0, false, Vec::new());
    let mut ctx = Ctx {
        fs: &mut fs,
        ns: DEBIAN,
        cwd: "/",
        env: &[],
        now_ms: &mut now,
        stdin: b"",
        out: &mut out,
        events: &mut events,
        hostname: "h",
        blocked: &mut blocked,
        tty: false,
    };
    assert_eq!(run("curl", &["curl".to_string()], &mut ctx), None);
    assert_eq!(
        run(
            "hostname",
            &["hostname".to_string(), "-i".to_string()],
            &mut ctx
        ),
        None
    );
    assert!(names().contains(&"ls"));
    assert!(names().windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn mkdir_p_stops_at_path_max_instead_of_building_an_endless_tree() {
    let mut fs = pod();
    let mut events = Vec::new();
    let deep = "a/".repeat(30_000);
    let (out, status, _) = sh(
        &mut fs,
        &format!("mkdir -p {deep}"),
        b"",
        false,
        &mut events,
    );
    assert_eq!(status, 1);
    assert_eq!(out.lines().count(), 1, "one error line");
    assert!(
        out.ends_with("': File name too long\n"),
        "{}",
        out.get(out.len() - 40..).unwrap_or("")
    );
    // "/tmp/cu/" + "a/"… stays below PATH_MAX (4096 bytes with the NUL) until the failing prefix
    let made = events.len();
    assert_eq!(made, (crate::sim::fs::PATH_MAX - "/tmp/cu/".len()) / 2);
    let last = format!("/tmp/cu/{}", "a/".repeat(made));
    assert!(fs.stat(DEBIAN, last.trim_end_matches('/')).is_ok());
}

#[test]
fn seq_with_a_long_separator_stops_at_its_byte_budget() {
    let mut fs = pod();
    let sep = "x".repeat(10_000);
    let (out, status, _) = sh(
        &mut fs,
        &format!("seq -s {sep} 1 100000"),
        b"",
        false,
        &mut Vec::new(),
    );
    assert_eq!(status, 0);
    assert!(out.starts_with(&format!("1{sep}2{sep}3")));
    // 100000 numbers would be a gigabyte; seq stops at about 16 MiB
    let budget = 16 * 1024 * 1024;
    assert!(
        out.len().abs_diff(budget) < 2 * (sep.len() + 6),
        "{} bytes",
        out.len()
    );
}
