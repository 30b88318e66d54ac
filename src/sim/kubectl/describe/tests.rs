//! `kubectl describe pod` layout against kubectl's own output shape.

use super::*;
use crate::sim::kubectl::K8sEventView;

fn docs_pod() -> PodView {
    let base = ContainerView {
        name: "nginx-container".into(),
        image: "nginx".into(),
        image_id: Some("docker.io/library/nginx@sha256:abc".into()),
        container_id: Some("containerd://1111".into()),
        state: ContainerStateView::Running { started_ms: 5_000 },
        ready: true,
        restart_count: 0,
        ports: vec![],
        mounts: vec![("/usr/share/nginx/html".into(), "shared-data".into(), false)],
        command: vec![],
        args: vec![],
        env: vec![],
    };
    let debian = ContainerView {
        name: "debian-container".into(),
        image: "debian".into(),
        container_id: Some("containerd://2222".into()),
        image_id: Some("docker.io/library/debian@sha256:def".into()),
        state: ContainerStateView::Terminated {
            reason: "Completed".into(),
            exit_code: 0,
            started_ms: 7_000,
            finished_ms: 7_000,
        },
        ready: false,
        mounts: vec![("/pod-data".into(), "shared-data".into(), false)],
        command: vec!["/bin/sh".into()],
        args: vec![
            "-c".into(),
            "echo Hello from the debian container > /pod-data/index.html".into(),
        ],
        ..base.clone()
    };
    PodView {
        name: "two-containers".into(),
        phase: "Running".into(),
        ip: "10.244.0.5".into(),
        node: "minikube".into(),
        node_ip: "192.168.49.2".into(),
        start_ms: 0,
        containers: vec![base, debian],
        volumes: vec![("shared-data".into(), None)],
        events: vec![K8sEventView {
            kind: "Normal".into(),
            reason: "Scheduled".into(),
            age_from_ms: 0,
            from: "default-scheduler".into(),
            message: "Successfully assigned default/two-containers to minikube".into(),
        }],
    }
}

#[test]
fn describe_layout() {
    let text = describe_pod(&docs_pod(), 60_000);
    let expected = "\
Name:             two-containers
Namespace:        default
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       Thu, 26 Nov 2026 09:00:00 +0000
Labels:           <none>
Annotations:      <none>
Status:           Running
IP:               10.244.0.5
IPs:
  IP:  10.244.0.5
Containers:
  nginx-container:
    Container ID:   containerd://1111
    Image:          nginx
    Image ID:       docker.io/library/nginx@sha256:abc
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Thu, 26 Nov 2026 09:00:05 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /usr/share/nginx/html from shared-data (rw)
  debian-container:
    Container ID:  containerd://2222
    Image:         debian
    Image ID:      docker.io/library/debian@sha256:def
    Port:          <none>
    Host Port:     <none>
    Command:
      /bin/sh
    Args:
      -c
      echo Hello from the debian container > /pod-data/index.html
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Thu, 26 Nov 2026 09:00:07 +0000
      Finished:     Thu, 26 Nov 2026 09:00:07 +0000
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /pod-data from shared-data (rw)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  shared-data:
    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:      
    SizeLimit:   <unset>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  60s   default-scheduler  Successfully assigned default/two-containers to minikube
";
    assert_eq!(text, expected);
}

#[test]
fn size_limits_print_as_quantities() {
    assert_eq!(quantity(1_048_576), "1Mi");
    assert_eq!(quantity(500_000_000), "500M");
    assert_eq!(quantity(3072), "3Ki");
    assert_eq!(quantity(1536), "1536");
    assert_eq!(quantity(1001), "1001");
}
