//! How many full `curl localhost` round trips per second the simulation sustains natively:
//! each one goes through the whole stack — bash parses the line, curl resolves `localhost`,
//! connects over smoltcp (SYN, SYN-ACK, ACK), sends the GET, nginx reads the page from the
//! container's filesystem and answers 200, both sides close — and is recorded in the trace and
//! the capture, as in the app.
//!
//! `cargo bench --no-default-features --bench roundtrip [-- N]` (default N = 20000).
//! A plain binary (`harness = false`): it prints one figure, no statistics crate needed.

use std::time::Instant;

mod common;

use common::DEBIAN;

fn main() {
    let n = common::count_arg(20_000);
    let mut cluster = common::pod_with_curl();
    let first = cluster.run_in_container(DEBIAN, "curl -s localhost");
    assert_eq!(first.status, Some(0));
    assert!(first.text.contains("<title>Welcome to nginx!</title>"));
    // Counted with the packets whose bytes the capture has dropped (it keeps the last 20,000+).
    let crossed = |c: &podscope::sim::cluster::Cluster| c.packets().len() + c.packets_dropped();
    let packets_before = crossed(&cluster);
    let start = Instant::now();
    for _ in 0..n {
        let r = cluster.run_in_container(DEBIAN, "curl -s localhost");
        debug_assert_eq!(r.status, Some(0));
        std::hint::black_box(r);
    }
    let secs = start.elapsed().as_secs_f64();
    let packets = crossed(&cluster) - packets_before;
    assert_eq!(packets, n * 12, "every round trip is 12 segments");
    println!(
        "{n} curl localhost round trips in {secs:.3} s: {:.0} round trips/s ({} events in the trace, {} packets crossed lo)",
        n as f64 / secs,
        cluster.trace().len(),
        crossed(&cluster)
    );
}
