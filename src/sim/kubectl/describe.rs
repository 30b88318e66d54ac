//! `kubectl describe pod`: kubectl's `describePod` section by section, laid out through one
//! Go tabwriter with padding 2, exactly as kubectl's `PrefixWriter` does.

use super::{age, tabwrite, ContainerStateView, ContainerView, PodView};
use crate::sim::clock::rfc1123;

/// A simulated instant as Go's `time.RFC1123Z`: `Thu, 26 Nov 2026 09:00:00 +0000`.
pub fn rfc1123z(now_ms: u64) -> String {
    rfc1123(now_ms, "+0000")
}

/// A byte count as a Kubernetes quantity: the largest exact binary (`Mi`) or decimal (`M`)
/// unit, as `describe` shows a `sizeLimit`.
pub fn quantity(bytes: u64) -> String {
    const BINARY: [(&str, u32); 6] = [
        ("Ei", 60),
        ("Pi", 50),
        ("Ti", 40),
        ("Gi", 30),
        ("Mi", 20),
        ("Ki", 10),
    ];
    const DECIMAL: [(&str, u32); 6] = [
        ("E", 18),
        ("P", 15),
        ("T", 12),
        ("G", 9),
        ("M", 6),
        ("k", 3),
    ];
    if bytes == 0 {
        return "0".to_string();
    }
    for (suffix, shift) in BINARY {
        let unit = 1u64 << shift;
        if bytes % unit == 0 {
            return format!("{}{suffix}", bytes / unit);
        }
    }
    for (suffix, exp) in DECIMAL {
        let unit = 10u64.pow(exp);
        if bytes % unit == 0 {
            return format!("{}{suffix}", bytes / unit);
        }
    }
    bytes.to_string()
}

fn none_if_empty(s: &str) -> &str {
    if s.is_empty() {
        "<none>"
    } else {
        s
    }
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn container(out: &mut String, c: &ContainerView) {
    out.push_str(&format!("  {}:\n", c.name));
    out.push_str(&format!(
        "    Container ID:\t{}\n",
        c.container_id.as_deref().unwrap_or("")
    ));
    out.push_str(&format!("    Image:\t{}\n", c.image));
    out.push_str(&format!(
        "    Image ID:\t{}\n",
        c.image_id.as_deref().unwrap_or("")
    ));
    let ports: Vec<String> = c.ports.iter().map(|p| format!("{p}/TCP")).collect();
    let host: Vec<String> = c.ports.iter().map(|_| "0/TCP".to_string()).collect();
    let (port_label, host_label) = if ports.len() > 1 {
        ("Ports", "Host Ports")
    } else {
        ("Port", "Host Port")
    };
    out.push_str(&format!(
        "    {port_label}:\t{}\n",
        none_if_empty(&ports.join(", "))
    ));
    out.push_str(&format!(
        "    {host_label}:\t{}\n",
        none_if_empty(&host.join(", "))
    ));
    for (label, list) in [("Command", &c.command), ("Args", &c.args)] {
        if !list.is_empty() {
            out.push_str(&format!("    {label}:\n"));
            for line in list.iter().flat_map(|item| item.split('\n')) {
                out.push_str(&format!("      {line}\n"));
            }
        }
    }
    match &c.state {
        ContainerStateView::Running { started_ms } => {
            out.push_str("    State:\tRunning\n");
            out.push_str(&format!("      Started:\t{}\n", rfc1123z(*started_ms)));
        }
        ContainerStateView::Waiting { reason } => {
            out.push_str("    State:\tWaiting\n");
            if !reason.is_empty() {
                out.push_str(&format!("      Reason:\t{reason}\n"));
            }
        }
        ContainerStateView::Terminated {
            reason,
            exit_code,
            started_ms,
            finished_ms,
        } => {
            out.push_str("    State:\tTerminated\n");
            if !reason.is_empty() {
                out.push_str(&format!("      Reason:\t{reason}\n"));
            }
            out.push_str(&format!("      Exit Code:\t{exit_code}\n"));
            out.push_str(&format!("      Started:\t{}\n", rfc1123z(*started_ms)));
            out.push_str(&format!("      Finished:\t{}\n", rfc1123z(*finished_ms)));
        }
    }
    out.push_str(&format!("    Ready:\t{}\n", bool_text(c.ready)));
    out.push_str(&format!("    Restart Count:\t{}\n", c.restart_count));
    if c.env.is_empty() {
        out.push_str("    Environment:\t<none>\n");
    } else {
        out.push_str("    Environment:\n");
        for (name, value) in &c.env {
            out.push_str(&format!("      {name}:\t{value}\n"));
        }
    }
    if c.mounts.is_empty() {
        out.push_str("    Mounts:\t<none>\n");
    } else {
        out.push_str("    Mounts:\n");
        let mut mounts = c.mounts.clone();
        mounts.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, volume, ro) in mounts {
            let access = if ro { "ro" } else { "rw" };
            out.push_str(&format!("      {path} from {volume} ({access})\n"));
        }
    }
}

/// The full `kubectl describe pod NAME` text at simulated time `now_ms`.
pub fn describe_pod(pod: &PodView, now_ms: u64) -> String {
    let mut out = String::new();
    out.push_str(&format!("Name:\t{}\n", pod.name));
    out.push_str("Namespace:\tdefault\nPriority:\t0\nService Account:\tdefault\n");
    let node = match (pod.node.as_str(), pod.node_ip.as_str()) {
        ("", _) => "<none>".to_string(),
        (n, "") => n.to_string(),
        (n, ip) => format!("{n}/{ip}"),
    };
    out.push_str(&format!("Node:\t{node}\n"));
    out.push_str(&format!("Start Time:\t{}\n", rfc1123z(pod.start_ms)));
    out.push_str("Labels:\t<none>\nAnnotations:\t<none>\n");
    let phase = if pod.phase == "Terminating" {
        "Running"
    } else {
        pod.phase.as_str()
    };
    out.push_str(&format!("Status:\t{phase}\n"));
    out.push_str(&format!("IP:\t{}\n", pod.ip));
    if pod.ip.is_empty() {
        out.push_str("IPs:\t<none>\n");
    } else {
        out.push_str(&format!("IPs:\n  IP:\t{}\n", pod.ip));
    }
    out.push_str("Containers:\n");
    for c in &pod.containers {
        container(&mut out, c);
    }
    let ready = !pod.containers.is_empty() && pod.containers.iter().all(|c| c.ready);
    out.push_str("Conditions:\n  Type\tStatus\n");
    let sandbox = !pod.ip.is_empty();
    for (kind, status) in [
        ("PodReadyToStartContainers", sandbox),
        ("Initialized", true),
        ("Ready", ready),
        ("ContainersReady", ready),
        ("PodScheduled", true),
    ] {
        out.push_str(&format!("  {kind} \t{} \n", bool_text(status)));
    }
    if pod.volumes.is_empty() {
        out.push_str("Volumes:\t<none>\n");
    } else {
        out.push_str("Volumes:\n");
        for (name, limit) in &pod.volumes {
            let limit = limit
                .filter(|l| *l > 0)
                .map_or("<unset>".to_string(), quantity);
            out.push_str(&format!(
                "  {name}:\n    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\n    SizeLimit:\t{limit}\n"
            ));
        }
    }
    out.push_str("QoS Class:\tBestEffort\nNode-Selectors:\t<none>\n");
    out.push_str("Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n");
    out.push_str("\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n");
    if pod.events.is_empty() {
        out.push_str("Events:\t<none>\n");
    } else {
        out.push_str(
            "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n",
        );
        for e in &pod.events {
            let ago = age(now_ms.saturating_sub(e.age_from_ms));
            out.push_str(&format!(
                "  {}\t{}\t{ago}\t{}\t{}\n",
                e.kind, e.reason, e.from, e.message
            ));
        }
    }
    tabwrite(&out, 0, 2)
}

#[cfg(test)]
mod tests;
