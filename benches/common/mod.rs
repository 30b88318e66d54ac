//! What the native benches share: their one argument, and a localhost pod with curl installed.

use podscope::sim::cluster::Cluster;

/// The terminal the benches type into.
pub const DEBIAN: &str = "debian-container";

/// The first number among the bench's arguments (`cargo bench … -- N`), else `default`.
pub fn count_arg(default: usize) -> usize {
    std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(default)
}

/// The localhost scenario's pod with curl installed in debian, ready for round trips; exits
/// with status 2 and the reason when the scenario cannot start.
pub fn pod_with_curl() -> Cluster {
    let mut cluster = match Cluster::with_scenario("localhost") {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    for line in ["apt-get update", "apt-get install -y curl"] {
        let r = cluster.run_in_container(DEBIAN, line);
        assert_eq!(r.status, Some(0), "{line}");
    }
    cluster
}
