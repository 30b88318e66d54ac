//! The interpreter end to end: each line of the input is typed into a terminal of the
//! shared-volume pod (the first byte of a line picks nginx's, debian's or kubectl's), through the
//! same `Cluster` calls the web app makes. Every line must return, with bounded output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podscope::sim::cluster::{Cluster, Terminal};
use podscope::sim::shell::MAX_OUTPUT;

/// Lines per input: enough for install-then-use sequences, few enough to stay fast.
const MAX_LINES: usize = 16;

fuzz_target!(|text: &str| {
    let Ok(mut cluster) = Cluster::with_scenario("shared-volume") else {
        return;
    };
    for line in text.lines().take(MAX_LINES) {
        let (terminal, line) = match line.as_bytes().first() {
            Some(b'@') => (Terminal::container("nginx-container"), &line[1..]),
            Some(b'%') => (Terminal::Kubectl, &line[1..]),
            _ => (Terminal::container("debian-container"), line),
        };
        let result = cluster.run_line(&terminal, line);
        // The cap plus the notice the cluster appends when it stops a line.
        assert!(
            result.text.len() <= MAX_OUTPUT + 4096,
            "{} bytes",
            result.text.len()
        );
        if result.status.is_none() {
            let _ = cluster.interrupt(&terminal);
        }
        cluster.settle();
    }
});
