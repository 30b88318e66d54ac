//! One plain-language sentence per event: what happened and, where it teaches something, why.

use super::scene::endpoint;
use crate::i18n::{t, tf, Msg};
use crate::sim::event::{ContainerStatus, Event, EventKind};
use std::fmt::Display;

/// The caption shown while `event` is animated, in the language in force (names, paths,
/// addresses and program output stay as they are).
pub fn caption(event: &Event) -> String {
    let who: String = match &event.actor.process {
        Some(p) => p.to_string(),
        None => t(Msg::CaptionKubelet).to_string(),
    };
    let inside = event
        .actor
        .container
        .as_deref()
        .map(|c| tf(Msg::CaptionInside, &[("container", &c)]))
        .unwrap_or_default();
    let (who, inside) = (&who as &dyn Display, &inside as &dyn Display);
    match &event.kind {
        EventKind::PodCreated { name, ip, .. } => {
            tf(Msg::CaptionPodCreated, &[("name", name), ("ip", ip)])
        }
        EventKind::PodPhase {
            phase,
            status,
            ready,
            total,
        } if status == phase => tf(
            Msg::CaptionPodPhase,
            &[("phase", phase), ("ready", ready), ("total", total)],
        ),
        EventKind::PodPhase {
            phase,
            status,
            ready,
            total,
        } => tf(
            Msg::CaptionPodPhaseStatus,
            &[
                ("phase", phase),
                ("ready", ready),
                ("total", total),
                ("status", status),
            ],
        ),
        EventKind::PodDeleted { name } => tf(Msg::CaptionPodDeleted, &[("name", name)]),
        EventKind::ImagePull {
            image,
            ok: true,
            container,
        } => tf(
            Msg::CaptionImagePulled,
            &[("image", image), ("container", container)],
        ),
        EventKind::ImagePull {
            image,
            ok: false,
            container,
        } => tf(
            Msg::CaptionImagePullFailed,
            &[("image", image), ("container", container)],
        ),
        EventKind::ContainerState {
            container,
            state: ContainerStatus::Running,
        } => tf(Msg::CaptionRunning, &[("container", container)]),
        EventKind::ContainerState {
            container,
            state: ContainerStatus::Waiting { reason },
        } => tf(
            Msg::CaptionWaiting,
            &[("container", container), ("reason", reason)],
        ),
        EventKind::ContainerState {
            container,
            state: ContainerStatus::Terminated { reason, exit_code },
        } => tf(
            Msg::CaptionTerminated,
            &[
                ("container", container),
                ("reason", reason),
                ("code", exit_code),
            ],
        ),
        EventKind::VolumeCreated { volume } => tf(Msg::CaptionVolumeCreated, &[("volume", volume)]),
        EventKind::VolumeMounted {
            volume,
            container,
            mount_path,
            read_only,
        } => {
            let ro = if *read_only {
                t(Msg::CaptionReadOnly)
            } else {
                ""
            };
            tf(
                Msg::CaptionVolumeMounted,
                &[
                    ("volume", volume),
                    ("path", mount_path),
                    ("container", container),
                    ("readonly", &ro),
                ],
            )
        }
        EventKind::CommandTyped { container, line } => tf(
            Msg::CaptionTyped,
            &[("line", line), ("container", container)],
        ),
        EventKind::ProcessStarted { argv, pid, .. } => tf(
            Msg::CaptionProcessStarted,
            &[("pid", pid), ("inside", inside), ("argv", &argv.join(" "))],
        ),
        EventKind::ProcessExited { pid, status, .. } => tf(
            Msg::CaptionProcessExited,
            &[("pid", pid), ("inside", inside), ("status", status)],
        ),
        EventKind::PackageInstalled { container, package } => tf(
            Msg::CaptionPackageInstalled,
            &[("package", package), ("container", container)],
        ),
        EventKind::FileWritten {
            path,
            inode,
            also_at,
            ..
        } if !also_at.is_empty() => {
            let others: Vec<String> = also_at
                .iter()
                .map(|(c, p)| tf(Msg::CaptionPathIn, &[("path", p), ("container", c)]))
                .collect();
            let others = others.join(t(Msg::CaptionAnd));
            tf(
                Msg::CaptionSharedWrite,
                &[
                    ("who", who),
                    ("inside", inside),
                    ("path", path),
                    ("inode", inode),
                    ("others", &others),
                ],
            )
        }
        EventKind::FileWritten { path, inode, .. } => tf(
            Msg::CaptionPrivateWrite,
            &[
                ("who", who),
                ("inside", inside),
                ("path", path),
                ("inode", inode),
            ],
        ),
        EventKind::FileRead { path, .. } => tf(
            Msg::CaptionFileRead,
            &[("who", who), ("inside", inside), ("path", path)],
        ),
        EventKind::DirCreated { path, .. } => tf(
            Msg::CaptionDirCreated,
            &[("who", who), ("inside", inside), ("path", path)],
        ),
        EventKind::FileRemoved { path, .. } => tf(
            Msg::CaptionFileRemoved,
            &[("who", who), ("inside", inside), ("path", path)],
        ),
        EventKind::WriteFailed { path, error } => tf(
            Msg::CaptionWriteFailed,
            &[
                ("who", who),
                ("inside", inside),
                ("path", path),
                ("error", error),
            ],
        ),
        EventKind::Listen { addr, port, owner } => {
            // `*`: a dual-stack socket on `::` (BusyBox's), as ss shows it.
            let every = t(Msg::CaptionEveryAddress);
            let shown = if addr == "*" { every } else { addr.as_str() };
            tf(
                Msg::CaptionListen,
                &[
                    ("program", &owner.program),
                    ("container", &owner.container),
                    ("addr", &shown),
                    ("port", port),
                ],
            )
        }
        EventKind::BindFailed { addr, port, error } => tf(
            Msg::CaptionBindFailed,
            &[
                ("who", who),
                ("inside", inside),
                ("addr", addr),
                ("port", port),
                ("error", error),
            ],
        ),
        EventKind::Connect {
            addr,
            port,
            src_port,
            owner,
        } => tf(
            Msg::CaptionConnect,
            &[
                ("program", &owner.program),
                ("container", &owner.container),
                ("sport", src_port),
                ("addr", addr),
                ("port", port),
            ],
        ),
        EventKind::Segment(s) => tf(
            Msg::CaptionSegment,
            &[
                ("src", &endpoint(&s.src, s.sport)),
                ("dst", &endpoint(&s.dst, s.dport)),
                ("flags", &s.flags),
                ("seq", &s.seq),
                ("ack", &s.ack),
                ("len", &s.len),
            ],
        ),
        EventKind::TcpState {
            local,
            remote,
            from,
            to,
        } => tf(
            Msg::CaptionTcpState,
            &[
                ("local", local),
                ("remote", remote),
                ("from", from),
                ("to", to),
            ],
        ),
        EventKind::Accepted { local, remote } => tf(
            Msg::CaptionAccepted,
            &[
                ("who", who),
                ("inside", inside),
                ("remote", remote),
                ("local", local),
            ],
        ),
        EventKind::Refused { addr, port } => {
            tf(Msg::CaptionRefused, &[("addr", addr), ("port", port)])
        }
        EventKind::HttpRequest {
            method,
            target,
            version,
            ..
        } => tf(
            Msg::CaptionHttpRequest,
            &[
                ("who", who),
                ("inside", inside),
                ("method", method),
                ("target", target),
                ("version", version),
            ],
        ),
        EventKind::HttpResponse {
            status,
            reason,
            content_length,
        } => tf(
            Msg::CaptionHttpResponse,
            &[
                ("who", who),
                ("inside", inside),
                ("status", status),
                ("reason", reason),
                ("bytes", content_length),
            ],
        ),
        EventKind::AccessLog { line } => tf(Msg::CaptionAccessLog, &[("line", line)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::event::{Actor, Trace};

    #[test]
    fn shared_write_names_both_paths() {
        let mut t = Trace::default();
        t.record(
            0,
            Actor::process("debian-container", 7, "bash"),
            EventKind::FileWritten {
                path: "/pod-data/index.html".into(),
                inode: 42,
                size: 32,
                volume: Some("shared-data".into()),
                also_at: vec![(
                    "nginx-container".into(),
                    "/usr/share/nginx/html/index.html".into(),
                )],
            },
        );
        let c = caption(&t.events()[0]);
        assert!(
            c.contains("/usr/share/nginx/html/index.html in nginx-container"),
            "{c}"
        );
        assert!(c.contains("inode 42"));
    }
}
