//! `kubectl get pods`: the STATUS column's rules (kubectl's `printPod`) and the table layout.

use super::{age, tabwrite, ContainerStateView, PodView};

/// The STATUS column for a pod, decided as kubectl's `printPod` does: the pod phase, replaced
/// by the first container's waiting/terminated reason, with `Completed` turned back into
/// `Running`/`NotReady` while another container still runs.
pub fn pod_status(pod: &PodView) -> String {
    if pod.phase == "Terminating" {
        return "Terminating".to_string();
    }
    let mut reason = pod.phase.clone();
    let mut has_running = false;
    // kubectl walks the statuses from last to first, so the first container's reason wins.
    for c in pod.containers.iter().rev() {
        match &c.state {
            ContainerStateView::Waiting { reason: r } if !r.is_empty() => reason = r.clone(),
            ContainerStateView::Terminated { reason: r, .. } if !r.is_empty() => reason = r.clone(),
            ContainerStateView::Terminated { exit_code, .. } => {
                reason = format!("ExitCode:{exit_code}")
            }
            ContainerStateView::Running { .. } if c.ready => has_running = true,
            _ => {}
        }
    }
    if reason == "Completed" && has_running {
        let all_ready = pod.containers.iter().all(|c| c.ready);
        reason = if all_ready { "Running" } else { "NotReady" }.to_string();
    }
    reason
}

fn row(pod: &PodView, now_ms: u64, wide: bool) -> String {
    let ready = pod.containers.iter().filter(|c| c.ready).count();
    let restarts: u64 = pod
        .containers
        .iter()
        .map(|c| u64::from(c.restart_count))
        .sum();
    let mut cells = vec![
        pod.name.clone(),
        format!("{ready}/{}", pod.containers.len()),
        pod_status(pod),
        restarts.to_string(),
        age(now_ms.saturating_sub(pod.start_ms)),
    ];
    if wide {
        let or_none = |s: &str| {
            if s.is_empty() {
                "<none>".to_string()
            } else {
                s.to_string()
            }
        };
        cells.extend([
            or_none(&pod.ip),
            or_none(&pod.node),
            "<none>".into(),
            "<none>".into(),
        ]);
    }
    cells.join("\t")
}

/// The `kubectl get pods` table (or the "No resources found" line when there are no pods).
pub fn get_pods(pods: &[PodView], now_ms: u64, wide: bool) -> String {
    if pods.is_empty() {
        return super::no_resources();
    }
    let mut text = String::from("NAME\tREADY\tSTATUS\tRESTARTS\tAGE");
    if wide {
        text.push_str("\tIP\tNODE\tNOMINATED NODE\tREADINESS GATES");
    }
    text.push('\n');
    for pod in pods {
        text.push_str(&row(pod, now_ms, wide));
        text.push('\n');
    }
    tabwrite(&text, 6, 3)
}

#[cfg(test)]
mod tests {
    use super::super::ContainerView;
    use super::*;

    pub(crate) fn container(name: &str, state: ContainerStateView, ready: bool) -> ContainerView {
        ContainerView {
            name: name.into(),
            image: name.trim_end_matches("-container").into(),
            image_id: None,
            container_id: None,
            state,
            ready,
            restart_count: 0,
            ports: vec![],
            mounts: vec![],
            command: vec![],
            args: vec![],
            env: vec![],
        }
    }

    fn pod(phase: &str, containers: Vec<ContainerView>) -> PodView {
        PodView {
            name: "two-containers".into(),
            phase: phase.into(),
            ip: "10.244.0.5".into(),
            node: "minikube".into(),
            node_ip: "192.168.49.2".into(),
            start_ms: 0,
            containers,
            volumes: vec![],
            events: vec![],
        }
    }

    fn running(started_ms: u64) -> ContainerStateView {
        ContainerStateView::Running { started_ms }
    }

    fn completed() -> ContainerStateView {
        ContainerStateView::Terminated {
            reason: "Completed".into(),
            exit_code: 0,
            started_ms: 1,
            finished_ms: 2,
        }
    }

    fn waiting(reason: &str) -> ContainerStateView {
        ContainerStateView::Waiting {
            reason: reason.into(),
        }
    }

    #[test]
    fn status_follows_kubectl_rules() {
        let both = pod(
            "Running",
            vec![
                container("nginx-container", running(1), true),
                container("debian-container", running(1), true),
            ],
        );
        assert_eq!(pod_status(&both), "Running");
        let docs = pod(
            "Running",
            vec![
                container("nginx-container", running(1), true),
                container("debian-container", completed(), false),
            ],
        );
        assert_eq!(pod_status(&docs), "NotReady");
        let creating = pod(
            "Pending",
            vec![
                container("nginx-container", waiting("ContainerCreating"), false),
                container("debian-container", waiting("ContainerCreating"), false),
            ],
        );
        assert_eq!(pod_status(&creating), "ContainerCreating");
        let pull = pod(
            "Pending",
            vec![
                container("nginx-container", waiting("ErrImagePull"), false),
                container("debian-container", running(1), true),
            ],
        );
        assert_eq!(pod_status(&pull), "ErrImagePull");
        let done = pod("Succeeded", vec![container("a", completed(), false)]);
        assert_eq!(pod_status(&done), "Completed");
        assert_eq!(pod_status(&pod("Pending", vec![])), "Pending");
    }

    #[test]
    fn table_layout_matches_kubectl() {
        let p = pod(
            "Running",
            vec![
                container("nginx-container", running(1), true),
                container("debian-container", completed(), false),
            ],
        );
        assert_eq!(
            get_pods(std::slice::from_ref(&p), 83_000, false),
            "NAME             READY   STATUS     RESTARTS   AGE\ntwo-containers   1/2     NotReady   0          83s\n"
        );
        assert_eq!(
            get_pods(&[p], 125_000, true),
            "NAME             READY   STATUS     RESTARTS   AGE    IP           NODE       NOMINATED NODE   READINESS GATES\ntwo-containers   1/2     NotReady   0          2m5s   10.244.0.5   minikube   <none>           <none>\n"
        );
        assert_eq!(
            get_pods(&[], 0, false),
            "No resources found in default namespace.\n"
        );
    }
}
