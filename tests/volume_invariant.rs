//! Property test at the pod level: whatever sequence of writes (`echo > f` / `echo >> f`)
//! goes through either container's mount of the shared emptyDir, both containers see the same
//! bytes and the same inode; in the localhost scenario (no volume) a write to `/pod-data` in
//! debian never shows up in nginx.
#![cfg(not(target_arch = "wasm32"))]

use podscope::sim::cluster::Cluster;
use proptest::prelude::*;

const DEBIAN: &str = "debian-container";
const NGINX: &str = "nginx-container";

/// One write: which container, which file, append or truncate, what text.
#[derive(Debug, Clone)]
struct Write {
    from_nginx: bool,
    file: usize,
    append: bool,
    text: String,
}

fn write_strategy() -> impl Strategy<Value = Write> {
    (
        any::<bool>(),
        0..3usize,
        any::<bool>(),
        "[a-zA-Z0-9 ]{0,20}",
    )
        .prop_map(|(from_nginx, file, append, text)| Write {
            from_nginx,
            file,
            append,
            text,
        })
}

fn run(c: &mut Cluster, container: &str, line: &str) -> String {
    let r = c.run_in_container(container, line);
    assert_eq!(r.status, Some(0), "{container}: {line}: {}", r.text);
    r.text
}

/// The inode number `ls -i` prints first.
fn inode(listing: &str) -> &str {
    listing.split_whitespace().next().unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn both_mounts_show_the_same_file(writes in proptest::collection::vec(write_strategy(), 1..12)) {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let mut expected: [Option<String>; 3] = [None, None, None];
        for w in &writes {
            let (container, dir) = if w.from_nginx {
                (NGINX, "/usr/share/nginx/html")
            } else {
                (DEBIAN, "/pod-data")
            };
            let op = if w.append { ">>" } else { ">" };
            run(&mut c, container, &format!("echo '{}' {op} {dir}/f{}", w.text, w.file));
            let slot = &mut expected[w.file];
            let line = format!("{}\n", w.text);
            *slot = Some(match (w.append, slot.take()) {
                (true, Some(old)) => old + &line,
                _ => line,
            });
        }
        for (i, want) in expected.iter().enumerate() {
            let Some(want) = want else { continue };
            let d = run(&mut c, DEBIAN, &format!("cat /pod-data/f{i}"));
            let n = run(&mut c, NGINX, &format!("cat /usr/share/nginx/html/f{i}"));
            prop_assert_eq!(&d, want);
            prop_assert_eq!(&n, want);
            let di = run(&mut c, DEBIAN, &format!("ls -i /pod-data/f{i}"));
            let ni = run(&mut c, NGINX, &format!("ls -i /usr/share/nginx/html/f{i}"));
            prop_assert_eq!(inode(&di), inode(&ni));
            prop_assert!(!inode(&di).is_empty());
        }
    }

    #[test]
    fn without_a_volume_debian_writes_stay_in_debian(
        writes in proptest::collection::vec(write_strategy(), 1..8)
    ) {
        let mut c = Cluster::with_scenario("localhost").unwrap();
        run(&mut c, DEBIAN, "mkdir -p /pod-data");
        for w in &writes {
            let op = if w.append { ">>" } else { ">" };
            run(&mut c, DEBIAN, &format!("echo '{}' {op} /pod-data/f{}", w.text, w.file));
        }
        let r = c.run_in_container(NGINX, "ls /pod-data");
        prop_assert_eq!(r.status, Some(2));
        prop_assert_eq!(r.text, "ls: cannot access '/pod-data': No such file or directory\n");
        let html = run(&mut c, NGINX, "ls /usr/share/nginx/html");
        prop_assert_eq!(html, "50x.html  index.html\n");
    }
}
