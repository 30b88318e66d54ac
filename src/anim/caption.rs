//! One plain-language sentence per event: what happened and, where it teaches something, why.

use super::scene::endpoint;
use crate::sim::event::{ContainerStatus, Event, EventKind};

/// The caption shown while `event` is animated.
pub fn caption(event: &Event) -> String {
    let who = event
        .actor
        .process
        .clone()
        .unwrap_or_else(|| "the kubelet".to_string());
    let inside = event
        .actor
        .container
        .as_deref()
        .map(|c| format!(" in {c}"))
        .unwrap_or_default();
    match &event.kind {
        EventKind::PodCreated { name, ip, .. } => {
            format!("kubectl asked the API server for pod \"{name}\"; the scheduler places it on the node, which gives it IP {ip}.")
        }
        EventKind::PodPhase { phase, status, ready, total } if status == phase => {
            format!("The pod is now {phase}: {ready}/{total} containers ready.")
        }
        EventKind::PodPhase { phase, status, ready, total } => {
            format!("The pod is now {phase}, with {ready}/{total} containers ready: kubectl get pods says {status}.")
        }
        EventKind::PodDeleted { name } => format!("Pod \"{name}\" is deleted: its containers stop and its emptyDir volumes are erased."),
        EventKind::ImagePull { image, ok: true, container } => format!("The kubelet pulled image \"{image}\" for {container}."),
        EventKind::ImagePull { image, ok: false, container } => {
            format!("The kubelet could not pull \"{image}\" for {container}: the container stays waiting (ErrImagePull).")
        }
        EventKind::ContainerState { container, state: ContainerStatus::Running } => format!("{container} is Running."),
        EventKind::ContainerState { container, state: ContainerStatus::Waiting { reason } } => format!("{container} is Waiting: {reason}."),
        EventKind::ContainerState { container, state: ContainerStatus::Terminated { reason, exit_code } } => {
            format!("{container} is Terminated: {reason}, exit code {exit_code}.")
        }
        EventKind::VolumeCreated { volume } => {
            format!("An empty directory \"{volume}\" is created for the pod: it lives exactly as long as the pod.")
        }
        EventKind::VolumeMounted { volume, container, mount_path, read_only } => format!(
            "\"{volume}\" is mounted at {mount_path} in {container}{}; whatever the image had there is hidden.",
            if *read_only { " (read-only)" } else { "" }
        ),
        EventKind::CommandTyped { container, line } => format!("You typed `{line}` in {container}."),
        EventKind::ProcessStarted { argv, pid, .. } => format!("Process {pid} starts{inside}: {}.", argv.join(" ")),
        EventKind::ProcessExited { pid, status, .. } => format!("Process {pid}{inside} exits with status {status}."),
        EventKind::PackageInstalled { container, package } => {
            format!("{package} is installed in {container} only: each container has its own root filesystem.")
        }
        EventKind::FileWritten { path, inode, also_at, .. } if !also_at.is_empty() => {
            let others: Vec<String> = also_at.iter().map(|(c, p)| format!("{p} in {c}")).collect();
            format!(
                "{who}{inside} writes {path} (inode {inode}). It is the same file as {}: one volume, two mount paths.",
                others.join(" and ")
            )
        }
        EventKind::FileWritten { path, inode, .. } => {
            format!("{who}{inside} writes {path} (inode {inode}); no other container can see it: it is not on a shared volume.")
        }
        EventKind::FileRead { path, .. } => format!("{who}{inside} reads {path}."),
        EventKind::DirCreated { path, .. } => format!("{who}{inside} creates directory {path}."),
        EventKind::FileRemoved { path, .. } => format!("{who}{inside} removes {path}."),
        EventKind::WriteFailed { path, error } => format!("{who}{inside} cannot write {path}: {error}."),
        EventKind::Listen { addr, port, owner } => format!(
            "{} in {} listens on {addr} port {port}, in the pod's one network namespace: every container can reach it.",
            owner.program, owner.container
        ),
        EventKind::BindFailed { addr, port, error } => format!(
            "{who}{inside} cannot bind {addr}:{port}: {error}. The containers share one network namespace, so one port is one port."
        ),
        EventKind::Connect { addr, port, src_port, owner } => format!(
            "{} in {} connects from port {src_port} to {addr}:{port}. 127.0.0.1 here is the loopback device nginx listens on: both containers share it.",
            owner.program, owner.container
        ),
        EventKind::Segment(s) => format!(
            "{} → {}: [{}] seq={} ack={} len={} over lo.",
            endpoint(&s.src, s.sport),
            endpoint(&s.dst, s.dport),
            s.flags,
            s.seq,
            s.ack,
            s.len
        ),
        EventKind::TcpState { local, remote, from, to } => format!("Connection {local} ↔ {remote}: {from} → {to}."),
        EventKind::Accepted { local, remote } => format!("{who}{inside} accepts the connection from {remote} on {local}."),
        EventKind::Refused { addr, port } => format!(
            "Nothing listens on {addr} port {port}, so the kernel answers the SYN with a RST: connection refused."
        ),
        EventKind::HttpRequest { method, target, version, .. } => format!("{who}{inside} receives {method} {target} {version}."),
        EventKind::HttpResponse { status, reason, content_length } => {
            format!("{who}{inside} answers {status} {reason} with {content_length} bytes of body.")
        }
        EventKind::AccessLog { line } => format!("nginx logs the request to its stdout (kubectl logs): {line}"),
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
