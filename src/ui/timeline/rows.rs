//! One line of the event list per trace event: a terse label in the notation of the tool that
//! would show it (tcpdump for segments, a shell prompt for commands), plus the full caption.

use crate::anim::caption;
use crate::anim::scene::endpoint;
use crate::sim::event::{ContainerStatus, Event, EventKind};

/// What the event list shows for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    /// Position in the trace (what `onselect` reports and `position` counts).
    pub seq: u64,
    /// Simulated time in milliseconds.
    pub t_ms: u64,
    /// The filter group, as `data-kind` spells it: `file`, `tcp`, `http`, `process`, `k8s`.
    pub kind: &'static str,
    /// A short label, e.g. `SYN 127.0.0.1:57888 → :80`.
    pub label: String,
    /// The one-sentence caption of the event (`crate::anim::caption`).
    pub caption: String,
    /// For a segment, its index in the capture (so the App can open it in the inspector).
    pub packet: Option<usize>,
}

/// The row for `event`.
pub fn event_row(event: &Event) -> EventRow {
    let packet = match &event.kind {
        EventKind::Segment(s) => Some(s.index),
        _ => None,
    };
    EventRow {
        seq: event.seq,
        t_ms: event.t_ms,
        kind: event.kind.category().as_str(),
        label: label(&event.kind),
        caption: caption(event),
        packet,
    }
}

/// Simulated time as the list shows it: seconds with milliseconds, `1.250 s`.
pub fn time_text(t_ms: u64) -> String {
    format!("{}.{:03} s", t_ms / 1000, t_ms % 1000)
}

/// The short label: the event's key facts, no prose.
fn label(kind: &EventKind) -> String {
    use EventKind::*;
    match kind {
        PodCreated { name, ip, .. } => format!("pod/{name} created ({ip})"),
        PodPhase {
            phase,
            status,
            ready,
            total,
        } if status != phase => format!("pod {phase} ({ready}/{total} {status})"),
        PodPhase { phase, .. } => format!("pod {phase}"),
        PodDeleted { name } => format!("pod/{name} deleted"),
        ImagePull {
            image, ok: true, ..
        } => format!("pulled {image}"),
        ImagePull {
            image, ok: false, ..
        } => format!("pull {image} failed"),
        ContainerState {
            container,
            state: ContainerStatus::Running,
        } => format!("{container} Running"),
        ContainerState {
            container,
            state: ContainerStatus::Waiting { reason },
        } => format!("{container} Waiting ({reason})"),
        ContainerState {
            container,
            state: ContainerStatus::Terminated { reason, exit_code },
        } => format!("{container} Terminated ({reason}, exit {exit_code})"),
        VolumeCreated { volume } => format!("emptyDir {volume} created"),
        VolumeMounted {
            volume,
            container,
            mount_path,
            read_only,
        } => format!(
            "{volume} → {container}:{mount_path}{}",
            if *read_only { " (ro)" } else { "" }
        ),
        CommandTyped { line, .. } => format!("$ {line}"),
        ProcessStarted { pid, argv, .. } => format!("[{pid}] {}", argv.join(" ")),
        ProcessExited { pid, status, .. } => format!("[{pid}] exit {status}"),
        PackageInstalled { package, .. } => format!("installed {package}"),
        FileWritten { path, inode, .. } => format!("write {path} (inode {inode})"),
        FileRead { path, .. } => format!("read {path}"),
        DirCreated { path, .. } => format!("mkdir {path}"),
        FileRemoved { path, .. } => format!("rm {path}"),
        WriteFailed { path, error } => format!("write {path}: {error}"),
        Listen { addr, port, .. } => format!("LISTEN {}", endpoint(addr, *port)),
        BindFailed { addr, port, error } => format!("bind {}: {error}", endpoint(addr, *port)),
        Connect {
            src_port,
            addr,
            port,
            ..
        } => format!("connect :{src_port} → {}", endpoint(addr, *port)),
        Segment(s) => {
            // The destination's address is left out when it is the source's (always so on lo).
            let dst = if s.dst == s.src {
                format!(":{}", s.dport)
            } else {
                endpoint(&s.dst, s.dport)
            };
            let len = if s.len > 0 {
                format!(" len {}", s.len)
            } else {
                String::new()
            };
            format!("{} {} → {dst}{len}", s.flags, endpoint(&s.src, s.sport))
        }
        TcpState {
            local, from, to, ..
        } => format!("{local} {from} → {to}"),
        Accepted { remote, .. } => format!("accept {remote}"),
        Refused { addr, port } => format!("refused {}", endpoint(addr, *port)),
        HttpRequest {
            method,
            target,
            version,
            ..
        } => format!("{method} {target} {version}"),
        HttpResponse {
            status,
            reason,
            content_length,
        } => {
            format!("{status} {reason} ({content_length} B)")
        }
        AccessLog { line } => format!("log {line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::event::{Actor, SegmentInfo, Trace};

    fn one(kind: EventKind) -> EventRow {
        let mut t = Trace::default();
        t.record(3, Actor::process("debian-container", 42, "curl"), kind);
        event_row(&t.events()[0])
    }

    #[test]
    fn syn_label_reads_like_tcpdump_and_keeps_the_packet_index() {
        let row = one(EventKind::Segment(SegmentInfo {
            index: 0,
            src: "127.0.0.1".into(),
            dst: "127.0.0.1".into(),
            sport: 57888,
            dport: 80,
            flags: "SYN".into(),
            seq: 1,
            ack: 0,
            len: 0,
            window: 65535,
        }));
        assert_eq!(row.label, "SYN 127.0.0.1:57888 → :80");
        assert_eq!((row.kind, row.packet, row.t_ms), ("tcp", Some(0), 3));
        assert!(row.caption.contains("seq=1"), "{}", row.caption);
    }

    #[test]
    fn ipv6_endpoints_are_bracketed_and_data_length_shown() {
        let row = one(EventKind::Segment(SegmentInfo {
            index: 4,
            src: "::1".into(),
            dst: "::1".into(),
            sport: 80,
            dport: 57888,
            flags: "PSH, ACK".into(),
            seq: 1,
            ack: 74,
            len: 236,
            window: 512,
        }));
        assert_eq!(row.label, "PSH, ACK [::1]:80 → :57888 len 236");
    }

    #[test]
    fn categories_follow_the_sim() {
        let typed = one(EventKind::CommandTyped {
            container: "debian-container".into(),
            line: "curl localhost".into(),
        });
        assert_eq!(
            (typed.kind, typed.label.as_str()),
            ("process", "$ curl localhost")
        );
        let get = one(EventKind::HttpRequest {
            method: "GET".into(),
            target: "/".into(),
            version: "HTTP/1.1".into(),
            host: "localhost".into(),
        });
        assert_eq!(
            (get.kind, get.label.as_str(), get.packet),
            ("http", "GET / HTTP/1.1", None)
        );
        assert_eq!(time_text(1250), "1.250 s");
        assert_eq!(time_text(7), "0.007 s");
        let vol = one(EventKind::VolumeCreated {
            volume: "shared-data".into(),
        });
        assert_eq!(vol.kind, "k8s");
    }
}
