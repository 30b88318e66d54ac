//! The interpreter end to end: each line of the input is typed into a terminal of the
//! shared-volume pod (the first byte of a line picks nginx's, debian's or kubectl's), through the
//! same `Cluster` calls the web app makes. Every line must return, with bounded output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podscope::sim::cluster::Cluster;
use podscope::sim::shell::MAX_OUTPUT;

/// Lines per input: enough for install-then-use sequences, few enough to stay fast.
const MAX_LINES: usize = 16;

fuzz_target!(|text: &str| {
    let Ok(mut cluster) = Cluster::with_scenario("shared-volume") else {
        return;
    };
    for line in text.lines().take(MAX_LINES) {
        let (which, line) = match line.as_bytes().first() {
            Some(b'@') => ("nginx-container", &line[1..]),
            Some(b'%') => ("kubectl", &line[1..]),
            _ => ("debian-container", line),
        };
        let result = if which == "kubectl" {
            cluster.run_kubectl_line(line)
        } else {
            cluster.run_in_container(which, line)
        };
        // The cap plus the notice the cluster appends when it stops a line.
        assert!(
            result.text.len() <= MAX_OUTPUT + 4096,
            "{} bytes",
            result.text.len()
        );
        if result.status.is_none() && which != "kubectl" {
            let _ = cluster.interrupt(which);
        }
        cluster.settle();
    }
});
