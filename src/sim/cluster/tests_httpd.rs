//! BusyBox httpd in a pod: as a container's main process, in the foreground of a terminal until
//! Ctrl-C, and as a daemon; reached from the other containers over the shared loopback.

use super::{Cluster, Terminal};

/// `web` serves `/www` with `httpd -f -v` as its main process; `box` and `deb` are idle.
fn pod() -> Cluster {
    let yaml = r#"apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: busybox
    command: ["sh", "-c", "mkdir -p /www && echo hi from httpd > /www/index.html && httpd -f -v -p 8080 -h /www"]
  - name: box
    image: busybox
    command: ["sleep", "infinity"]
  - name: deb
    image: debian
    command: ["sleep", "infinity"]
"#;
    let mut c = Cluster::with_manifest(yaml).expect("valid manifest");
    c.settle();
    c
}

fn run(c: &mut Cluster, container: &str, line: &str) -> (String, Option<i32>) {
    let r = c.run_in_container(container, line);
    (r.text, r.status)
}

#[test]
fn httpd_as_the_main_process_serves_the_other_containers_and_logs_with_v() {
    let mut c = pod();
    let logs = c.run_kubectl_line("kubectl get pod web").text;
    assert!(logs.contains("3/3"), "every container runs: {logs}");
    assert_eq!(
        run(&mut c, "box", "wget -qO- localhost:8080"),
        ("hi from httpd\n".into(), Some(0))
    );
    assert_eq!(
        run(&mut c, "box", "wget -qO- localhost:8080/nope").1,
        Some(1)
    );
    let logs = c.run_kubectl_line("kubectl logs web -c web").text;
    let lines: Vec<&str> = logs.lines().collect();
    assert_eq!(lines.len(), 2, "{logs}");
    assert!(
        lines[0].starts_with("[::ffff:127.0.0.1]:") && lines[0].ends_with(": response:200"),
        "{logs}"
    );
    assert!(lines[1].ends_with(": response:404"), "{logs}");
    // ss (in debian) shows BusyBox's dual-stack socket and its backlog of 9.
    run(
        &mut c,
        "deb",
        "apt-get update >/dev/null; apt-get install -y iproute2 >/dev/null",
    );
    let ss = run(&mut c, "deb", "ss -ltn").0;
    assert!(
        ss.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["LISTEN", "0", "9", "*:8080", "*:*"]),
        "{ss}"
    );
    // The trace names the dual-stack socket as ss does, and the diagram draws it so.
    let listens: Vec<String> = c
        .trace()
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            crate::sim::event::EventKind::Listen { addr, port, owner } => {
                Some(format!("{addr}:{port} {}", owner.program))
            }
            _ => None,
        })
        .collect();
    assert_eq!(listens, ["*:8080 httpd"]);
    // The server's process is a child of the main shell, as dash forks it.
    let ps = run(&mut c, "web", "ps").0;
    assert!(
        ps.contains(" root     httpd -f -v -p 8080 -h /www\n"),
        "{ps}"
    );
}

#[test]
fn httpd_in_the_foreground_serves_until_ctrl_c() {
    let mut c = pod();
    let box_terminal = Terminal::container("box");
    run(
        &mut c,
        "box",
        "mkdir /site && echo foreground > /site/index.html",
    );
    assert_eq!(run(&mut c, "box", "httpd -f -p 9090 -h /site").1, None);
    assert!(c.is_blocked(&box_terminal));
    assert_eq!(
        run(&mut c, "web", "wget -qO- 127.0.0.1:9090"),
        ("foreground\n".into(), Some(0))
    );
    let r = c.interrupt(&box_terminal);
    assert_eq!((r.text.as_str(), r.status), ("^C\n", Some(130)));
    let (text, status) = run(&mut c, "web", "wget -qO- 127.0.0.1:9090");
    assert_eq!(
        (text.as_str(), status),
        (
            "wget: can't connect to remote host (127.0.0.1): Connection refused\n",
            Some(1)
        )
    );
    // The port is free again.
    assert_eq!(run(&mut c, "box", "httpd -p 9090 -h /site").1, Some(0));
}

#[test]
fn a_daemon_httpd_outlives_its_line_and_dies_with_its_container() {
    let mut c = pod();
    assert_eq!(
        run(
            &mut c,
            "box",
            "echo daemon > /index.html && httpd -p 9090 -h / && echo started"
        ),
        ("started\n".into(), Some(0))
    );
    let ps = run(&mut c, "box", "ps").0;
    assert!(ps.contains(" root     httpd -p 9090 -h /\n"), "{ps}");
    assert_eq!(run(&mut c, "web", "wget -qO- localhost:9090").0, "daemon\n");
    c.restart_container("box").expect("restarts");
    assert_eq!(run(&mut c, "web", "wget -qO- localhost:9090").1, Some(1));
}
