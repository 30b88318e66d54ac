//! How much memory the simulation holds after many `curl localhost` round trips, measured with a
//! counting allocator: bytes live after the pod is up, after N round trips typed as one loop
//! (lines of 1,000, run a slice at a time as the web app runs them; `--whole-trace` turns the
//! trace's compaction off), and the peak. Also what the trace and the
//! capture hold then, so a growth can be pinned on one of them.
//!
//! `cargo bench --no-default-features --bench memory [-- N]` (default N = 10000).
//! A plain binary (`harness = false`) that prints its figures.

use podscope::sim::cluster::Terminal;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use common::DEBIAN;

/// The system allocator, counting the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as is.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn main() {
    let n = common::count_arg(10_000);
    let mut cluster = common::pod_with_curl();
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    if std::env::args().any(|a| a == "--whole-trace") {
        cluster.set_trace_limit(usize::MAX);
    }
    // Lines of 1,000 round trips, each run a slice at a time as the web app runs it.
    let line = "for i in $(seq 1000); do curl -s localhost >/dev/null; done; echo done";
    let debian = Terminal::container(DEBIAN);
    let mut slices = 0u64;
    for _ in 0..n.div_ceil(1000) {
        let mut r = cluster.start_line(&debian, line);
        while cluster.is_running(&debian) {
            r.append(cluster.run_slice(&debian));
            slices += 1;
        }
        assert_eq!(r.text, "done\n", "the loop ran to its end");
    }
    let live = LIVE.load(Ordering::Relaxed);
    let packet_bytes: usize = cluster.packets().iter().map(|p| p.bytes.len()).sum();
    println!(
        "{n} curl round trips in loops of 1,000 ({slices} slices): {:.1} MB live before, {:.1} MB after (+{:.1} MB), peak {:.1} MB",
        mb(base),
        mb(live),
        mb(live.saturating_sub(base)),
        mb(PEAK.load(Ordering::Relaxed)),
    );
    println!(
        "  trace: {} events kept ({} dropped); capture: {} packets kept, {:.1} MB of packet bytes ({} dropped)",
        cluster.trace().len(),
        cluster.trace().dropped(),
        cluster.packets().len(),
        mb(packet_bytes),
        cluster.packets_dropped(),
    );
    let before_drop = LIVE.load(Ordering::Relaxed);
    drop(cluster);
    println!(
        "  dropping the cluster frees {:.1} MB",
        mb(before_drop.saturating_sub(LIVE.load(Ordering::Relaxed)))
    );
}
