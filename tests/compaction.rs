//! Bounded memory: a long trace compacts its oldest events, and the scene derived from what is
//! kept is the scene derived from everything (but for the ports of connections opened before
//! the cut and the access-log lines, which the diagram does not draw); old packet bytes are
//! dropped and the capture says how many it holds.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

use podscope::anim::scene::{derive, Scene};
use podscope::sim::cluster::Cluster;

const DEBIAN: &str = "debian-container";

/// The scene without what compaction is allowed to forget.
fn lasting(mut scene: Scene) -> Scene {
    scene.ports.clear();
    scene.access_log.clear();
    scene
}

fn run(c: &mut Cluster, lines: &[&str]) {
    for line in lines {
        c.run_in_container(DEBIAN, line);
    }
}

#[test]
fn the_kept_events_derive_the_scene_all_events_derive() {
    let lines = [
        "apt-get update >/dev/null; apt-get install -y curl >/dev/null",
        "echo one > /pod-data/index.html",
        "for i in $(seq 40); do curl -s localhost >/dev/null; done",
        "echo two > /pod-data/index.html; echo kept > /tmp/kept; rm -f /pod-data/gone",
        "sleep infinity",
        "^C",
        "for i in $(seq 40); do curl -s localhost >/dev/null; done",
    ];
    let mut full = Cluster::with_scenario("shared-volume").unwrap();
    full.set_trace_limit(usize::MAX);
    let mut small = Cluster::with_scenario("shared-volume").unwrap();
    small.set_trace_limit(300);
    for line in lines {
        run(&mut full, &[line]);
        run(&mut small, &[line]);
        let (all, kept) = (full.trace().events(), small.trace().events());
        assert!(kept.len() < 600, "{} events kept", kept.len());
        assert_eq!(
            lasting(derive(kept)),
            lasting(derive(all)),
            "after {line}: the compacted trace draws another pod"
        );
        assert!(kept.iter().enumerate().all(|(i, e)| e.seq == i as u64));
        assert!(small.trace().dropped() + kept.len() >= all.len());
    }
    assert!(
        small.trace().dropped() > 1_000,
        "{}",
        small.trace().dropped()
    );
    // The newest events are the same, in the same order.
    let (all, kept) = (full.trace().events(), small.trace().events());
    let tail = 200;
    let kinds = |es: &[podscope::sim::event::Event]| {
        es.iter()
            .map(|e| (e.t_ms, e.kind.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(&kept[kept.len() - tail..]),
        kinds(&all[all.len() - tail..])
    );
}

#[test]
fn a_position_moves_with_the_compaction() {
    let mut c = Cluster::with_scenario("localhost").unwrap();
    c.set_trace_limit(400);
    run(
        &mut c,
        &["apt-get update >/dev/null; apt-get install -y curl >/dev/null"],
    );
    // One curl at a time until the trace compacts: the last event shown before it is found
    // again at the mapped position.
    for _ in 0..100 {
        let seen = c.trace().compactions().len();
        let len = c.trace().len();
        let last = c.trace().events()[len - 1].clone();
        run(&mut c, &["curl -s localhost >/dev/null"]);
        if c.trace().compactions().len() > seen {
            let now = c.trace().map_position(len, seen);
            let at = &c.trace().events()[now - 1];
            assert_eq!((at.t_ms, &at.kind), (last.t_ms, &last.kind));
            assert!(now < len);
            return;
        }
    }
    panic!("the trace never compacted");
}

#[test]
fn old_packet_bytes_are_dropped_and_the_capture_says_how_many_it_holds() {
    let mut c = Cluster::with_scenario("localhost").unwrap();
    run(
        &mut c,
        &["apt-get update >/dev/null; apt-get install -y curl >/dev/null"],
    );
    let max = podscope::sim::net::MAX_PACKETS;
    // Lines of 1,000 round trips (inside one line, curl stops getting a connection after
    // about 1,690: see the closing note), until more than a capture's worth went by.
    while c.packets_total() <= max + max / 4 + 1_000 {
        let r = c.run_in_container(
            DEBIAN,
            "for i in $(seq 1000); do curl -s localhost >/dev/null; done; echo $i",
        );
        assert_eq!(r.text, "1000\n");
    }
    let kept = c.packets().len();
    assert!(kept <= max + max / 4, "{kept} packets kept");
    assert!(
        c.packets_dropped() > 0,
        "{} packets of {}",
        kept,
        c.packets_total()
    );
    assert_eq!(c.packets_dropped() + kept, c.packets_total());
    assert!(
        c.packets_total() > max + max / 4,
        "{} packets in all",
        c.packets_total()
    );
    assert!(c.packet(0).is_none(), "the first packet's bytes are gone");
    let last = c.packets_total() - 1;
    assert_eq!(c.packet(last), c.packets().last().copied());
    // Every kept segment event still finds its packet, at its time.
    let mut found = 0;
    for e in c.trace().events() {
        if let podscope::sim::event::EventKind::Segment(s) = &e.kind {
            if let Some(p) = c.packet(s.index) {
                assert_eq!(p.t_ms, e.t_ms);
                found += 1;
            }
        }
    }
    assert!(found > 1_000, "{found}");
    // The pcap holds the kept packets: a 24-byte header, then a record each.
    let pcap = c.pcap();
    let bytes: usize = c.packets().iter().map(|p| 16 + p.bytes.len()).sum();
    assert_eq!(pcap.len(), 24 + bytes);
}

#[test]
fn lines_typed_past_the_limit_do_not_compact_at_every_event() {
    // Every typed line sets lasting state, so 400 of them outgrow a limit of 200 events: the
    // trace then compacts once per quarter-limit of new events, not at each one (which made
    // 20,000 typed curls run at 137 per second instead of thousands).
    let mut c = Cluster::with_scenario("localhost").unwrap();
    c.set_trace_limit(200);
    for i in 0..400 {
        c.run_in_container(DEBIAN, &format!("echo {i}"));
    }
    let compactions = c.trace().compactions().len();
    let seen = c.trace().len() + c.trace().dropped();
    assert!(
        c.trace().len() > 200,
        "the typed lines are all kept: {}",
        c.trace().len()
    );
    assert!(
        compactions <= seen / 50 + 1,
        "{compactions} compactions for {seen} events"
    );
}
