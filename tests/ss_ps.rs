//! `ss -ltnp` names the pids `ps aux` shows in the same container, and none of another
//! container's PID namespace (ss reads `/proc/PID/fd`, which only shows the own namespace).
#![cfg(not(target_arch = "wasm32"))]

use podscope::sim::cluster::{Cluster, Terminal};

fn run(c: &mut Cluster, container: &str, line: &str) -> String {
    c.run_line(&Terminal::container(container), line).text
}

#[test]
fn ss_and_ps_agree_on_pids() {
    let mut c = Cluster::with_scenario("localhost").expect("scenario");
    for container in ["nginx-container", "debian-container"] {
        run(&mut c, container, "apt-get update");
        run(&mut c, container, "apt-get install -y procps iproute2");
    }
    let ss = run(&mut c, "nginx-container", "ss -ltnp");
    let ps = run(&mut c, "nginx-container", "ps aux");
    assert!(ss.contains("users:((\"nginx\",pid=1,"), "{ss}");
    assert!(
        ps.lines()
            .any(|l| l.split_whitespace().nth(1) == Some("1") && l.contains("nginx: master")),
        "{ps}"
    );
    let ss = run(&mut c, "debian-container", "ss -ltnp");
    assert!(ss.contains("0.0.0.0:80") && !ss.contains("users:"), "{ss}");
}
