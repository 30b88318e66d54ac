//! One source of truth: the scene the diagram draws is folded from the trace alone, so it must
//! say what the pod itself says at that time. Every transcript, every tour and every what-if is
//! run step by step; after each step (and every 100 ms while the kubelet brings a pod up) the
//! scene of the whole trace so far is compared with the live pod; and the scene of every prefix
//! of the final trace is derived and checked for consistency.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

use podscope::anim::scene::{derive, Scene};
use podscope::anim::tour::{Action, TOURS, WHAT_IFS};
use podscope::sim::cluster::Cluster;
use podscope::sim::event::EventKind;
use podscope::sim::kubectl::pod_status;
use podscope::sim::pod::status_of;
use podscope::sim::scenario;
use podscope::sim::transcript::TranscriptRunner;
use std::collections::BTreeSet;
use std::path::Path;

/// Compares the scene of `cluster`'s trace with its pod now; `at` names the step.
fn check_now(cluster: &Cluster, at: &str) {
    let scene = derive(cluster.trace().events());
    let Some(pod) = cluster.pod() else {
        assert_eq!(scene, Scene::default(), "{at}: no pod, so an empty scene");
        return;
    };
    let now = cluster.now_ms();
    assert_eq!(scene.pod, pod.name(), "{at}: pod name");
    assert_eq!(scene.ip, pod.ip(), "{at}: pod IP");
    assert_eq!(scene.order, pod.container_names(), "{at}: container order");
    let view = pod.view(now);
    let ready = view.containers.iter().filter(|c| c.ready).count();
    // The phase is recorded when the kubelet decides it; between such events the scene keeps
    // the last one, which must still be true.
    assert_eq!(scene.phase, view.phase, "{at}: pod phase");
    assert_eq!(scene.status, pod_status(&view), "{at}: kubectl STATUS");
    assert_eq!(scene.ready, ready, "{at}: READY");
    // The kubelet creates the volumes a few milliseconds after the pod object: until then
    // the scene shows fewer; once it is idle, all.
    let volumes: Vec<String> = pod
        .manifest
        .volumes
        .iter()
        .map(|v| v.name.clone())
        .collect();
    if cluster.has_scheduled() {
        assert!(
            scene.volumes.iter().all(|v| volumes.contains(v)),
            "{at}: volumes"
        );
    } else {
        assert_eq!(scene.volumes, volumes, "{at}: volumes");
    }
    for c in &pod.containers {
        let name = &c.spec.name;
        let shown = &scene.containers[name];
        assert_eq!(shown.image, c.spec.image, "{at}: image of {name}");
        let state = cluster.container_state(name).expect("the container exists");
        assert_eq!(shown.state, status_of(&state), "{at}: state of {name}");
        let mounts: Vec<(String, String, bool)> = c
            .spec
            .volume_mounts
            .iter()
            .map(|m| (m.mount_path.clone(), m.name.clone(), m.read_only))
            .collect();
        if state.is_running()
            || matches!(state, podscope::sim::pod::ContainerState::Terminated { .. })
        {
            assert_eq!(shown.mounts, mounts, "{at}: mounts of {name}");
        }
        // The trace names the packages asked for; apt-get also installs their dependencies.
        assert!(
            shown.packages.iter().all(|p| c.packages.contains(p)),
            "{at}: packages of {name}: {:?} not all in {:?}",
            shown.packages,
            c.packages
        );
        let live: Vec<(u32, String)> = pod
            .procs
            .live_of(name)
            .map(|p| (p.pid, p.argv.join(" ")))
            .collect();
        let drawn: Vec<(u32, String)> = shown
            .processes
            .iter()
            .map(|(pid, cmd)| (*pid, cmd.clone()))
            .collect();
        // The process table, like the rest of the pod object, is built at once at `kubectl
        // apply`; its times say what had started by now, but not what had ended. So while the
        // kubelet still works, only the states (read at a time) are compared.
        if !cluster.has_scheduled() {
            assert_eq!(drawn, live, "{at}: processes of {name}");
        }
    }
    let listening: BTreeSet<(String, String, String)> = pod
        .net
        .listeners()
        .into_iter()
        .map(|l| {
            let endpoint = std::net::SocketAddr::new(l.addr, l.port).to_string();
            (endpoint, l.owner.container, l.owner.program)
        })
        .collect();
    let drawn: BTreeSet<(String, String, String)> = scene
        .listeners
        .iter()
        .map(|l| {
            (
                l.endpoint.clone(),
                l.owner.container.clone(),
                l.owner.program.clone(),
            )
        })
        .collect();
    if !cluster.has_scheduled() {
        assert_eq!(drawn, listening, "{at}: listeners and their owners");
    }
    for (path, file) in &scene.files {
        for (container, seen) in &file.seen_at {
            let meta = pod.fs.stat(container, seen);
            let meta =
                meta.unwrap_or_else(|e| panic!("{at}: {path} shown at {container}:{seen}: {e:?}"));
            assert_eq!(meta.ino, file.inode, "{at}: inode of {container}:{seen}");
        }
    }
}

/// Derives the scene of every prefix of the trace: each must be what folding that many events
/// gives, and every container drawn is one the pod was created with or the trace named.
fn check_every_prefix(cluster: &Cluster, what: &str) {
    let events = cluster.trace().events();
    let mut incremental = Scene::default();
    for (n, event) in events.iter().enumerate() {
        podscope::anim::scene::apply(&mut incremental, event);
        let scene = derive(&events[..=n]);
        assert_eq!(scene, incremental, "{what}: prefix {}", n + 1);
        for name in scene.containers.keys() {
            assert!(
                scene.order.contains(name),
                "{what}: prefix {}: {name} in order",
                n + 1
            );
        }
        if let EventKind::PodCreated { ip, .. } = &event.kind {
            assert_eq!(&scene.ip, ip);
        }
    }
}

/// A cluster as a transcript's `#!scenario` / `#!manifest` header asks, and the lines to run.
fn transcript(path: &Path) -> (Cluster, String) {
    let script = std::fs::read_to_string(path).expect("readable transcript");
    let (header, body) = match script.strip_prefix("#!") {
        Some(rest) => rest.split_once('\n').unwrap_or((rest, "")),
        None => ("scenario shared-volume", script.as_str()),
    };
    let cluster = match header.trim().split_once(' ') {
        Some(("scenario", id)) => Cluster::with_scenario(id).expect("scenario"),
        Some(("manifest", file)) => {
            let yaml = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
                .expect("manifest file");
            Cluster::with_manifest(&yaml).expect("valid manifest")
        }
        _ => panic!("{}: unknown header", path.display()),
    };
    (cluster, body.to_string())
}

#[test]
fn every_transcript_step_draws_the_pod_as_it_was() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/transcripts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "in"))
        .collect();
    inputs.sort();
    assert!(inputs.len() > 10);
    for input in &inputs {
        let (mut cluster, body) = transcript(input);
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        check_now(&cluster, &format!("{name}: start"));
        let mut runner = TranscriptRunner::new("debian-container");
        for (i, line) in body.lines().enumerate() {
            runner.line(&mut cluster, line);
            check_now(&cluster, &format!("{name}:{}: {line}", i + 1));
        }
        check_every_prefix(&cluster, &name);
    }
}

/// Carries out one tour or what-if action as the app does.
fn perform(cluster: &mut Cluster, action: Action) {
    match action {
        Action::Run { terminal, line } => {
            let terminal = podscope::sim::cluster::Terminal::from_script_name(terminal);
            cluster.run_line(&terminal, line);
        }
        Action::Restart { container } => {
            let _ = cluster.restart_container(container);
        }
        Action::Apply { manifest } => {
            cluster.delete_pod();
            cluster
                .apply(manifest)
                .expect("built-in variants are valid");
            cluster.settle();
        }
        Action::Narrate => {}
    }
}

#[test]
fn every_tour_and_what_if_step_draws_the_pod_as_it_was() {
    let lessons = TOURS
        .iter()
        .map(|t| {
            (
                t.title,
                t.scenario,
                t.steps.iter().map(|s| s.action).collect::<Vec<_>>(),
            )
        })
        .chain(
            WHAT_IFS
                .iter()
                .map(|w| (w.title, w.scenario, w.actions.to_vec())),
        );
    for (title, id, actions) in lessons {
        let mut cluster = Cluster::with_scenario(id).expect("scenario");
        check_now(&cluster, &format!("{title}: start"));
        for (i, action) in actions.into_iter().enumerate() {
            perform(&mut cluster, action);
            check_now(&cluster, &format!("{title}: step {i}: {action:?}"));
        }
        check_every_prefix(&cluster, title);
    }
}

#[test]
fn the_scene_follows_the_pod_as_the_kubelet_brings_it_up() {
    for s in scenario::all() {
        let mut cluster = Cluster::new();
        cluster
            .apply(s.manifest)
            .expect("built-in manifests are valid");
        let mut t = 0;
        loop {
            check_now(&cluster, &format!("{} at +{t} ms", s.id));
            if !cluster.has_scheduled() {
                break;
            }
            cluster.advance_by(100);
            t += 100;
        }
        check_every_prefix(&cluster, s.id);
    }
}

#[test]
fn docs_original_captions_say_not_ready_as_kubectl_does() {
    let mut cluster = Cluster::with_scenario("docs-original").expect("scenario");
    let shown = cluster.run_kubectl_line("kubectl get pods").text;
    assert!(shown.contains("1/2     NotReady"), "{shown}");
    let last_phase = cluster
        .trace()
        .events()
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EventKind::PodPhase { .. }))
        .map(podscope::anim::caption)
        .expect("a phase was recorded");
    assert_eq!(
        last_phase,
        "The pod is now Running, with 1/2 containers ready: kubectl get pods says NotReady."
    );
    let debian_end = cluster
        .trace()
        .events()
        .iter()
        .rev()
        .find(|e| matches!(&e.kind, EventKind::ContainerState { container, .. } if container == "debian-container"))
        .map(podscope::anim::caption);
    assert_eq!(
        debian_end.as_deref(),
        Some("debian-container is Terminated: Completed, exit code 0.")
    );
}
