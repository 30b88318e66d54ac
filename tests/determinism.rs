//! Same inputs, same trace, byte for byte: the simulation has no clock and no randomness of its
//! own, so two runs of the same lesson give identical event traces and identical pcaps.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

use podscope::sim::cluster::Cluster;
use podscope::sim::transcript::TranscriptRunner;

const LESSON: &str = "apt-get update
apt-get install -y curl
curl localhost
echo 'Hello from the debian container' > /pod-data/index.html
@nginx-container
cat /usr/share/nginx/html/index.html
@debian-container
curl -v localhost
curl localhost:8080
sleep infinity
^C
@kubectl
kubectl get pods
kubectl delete pod two-containers
kubectl apply -f shared-volume.yaml
";

fn run_once() -> (String, String, Vec<u8>) {
    let mut cluster = Cluster::with_scenario("shared-volume").expect("scenario starts");
    let transcript = TranscriptRunner::new("debian-container").script(&mut cluster, LESSON);
    (transcript, cluster.trace().to_jsonl(), cluster.pcap())
}

#[test]
fn two_runs_give_the_same_transcript_trace_and_pcap() {
    let (t1, e1, p1) = run_once();
    let (t2, e2, p2) = run_once();
    assert_eq!(t1, t2);
    assert_eq!(e1, e2);
    assert_eq!(p1, p2);
    assert!(e1.lines().count() > 100, "the lesson records a real trace");
    assert!(e1.contains("\"type\":\"segment\""));
    assert!(e1.contains("\"type\":\"file_written\""));
    assert!(e1.contains("\"type\":\"pod_deleted\""));
}
