//! Fidelity fixes checked at the cluster level, each against what the real tools print
//! (bash 5.2.15, coreutils 9.1, kubectl/containerd sources).

use super::{Cluster, Terminal};

fn run(c: &mut Cluster, container: &str, line: &str) -> (String, Option<i32>) {
    let r = c.run_in_container(container, line);
    (r.text, r.status)
}

#[test]
fn programs_in_a_pipe_do_not_write_to_the_terminal() {
    let mut c = Cluster::with_scenario("shared-volume").unwrap();
    // `yes` into a pipe stops when `head` has read enough; the line does not block.
    assert_eq!(
        run(&mut c, "debian-container", "yes | head -3"),
        ("y\ny\ny\n".to_string(), Some(0))
    );
    // `ls` prints one name a line into a pipe, a file and a command substitution.
    run(
        &mut c,
        "debian-container",
        "mkdir /tmp/d; touch /tmp/d/a /tmp/d/b",
    );
    assert_eq!(run(&mut c, "debian-container", "ls /tmp/d").0, "a  b\n");
    assert_eq!(
        run(&mut c, "debian-container", "ls /tmp/d | cat").0,
        "a\nb\n"
    );
    assert_eq!(
        run(&mut c, "debian-container", "ls /tmp/d > /tmp/l; cat /tmp/l").0,
        "a\nb\n"
    );
    assert_eq!(
        run(&mut c, "debian-container", "echo \"$(ls /tmp/d)\"").0,
        "a\nb\n"
    );
    // On the terminal `yes` still runs until Ctrl-C.
    assert_eq!(run(&mut c, "debian-container", "yes").1, None);
}

#[test]
fn ls_l_names_the_group_from_etc_group() {
    let mut c = Cluster::with_scenario("shared-volume").unwrap();
    let (text, _) = run(&mut c, "debian-container", "ls -ld /etc");
    assert!(
        text.starts_with("drwxr-xr-x ") && text.contains(" root root "),
        "{text}"
    );
    let (text, _) = run(&mut c, "debian-container", "grep nginx /etc/group; echo $?");
    assert_eq!(text, "1\n");
    let (text, _) = run(&mut c, "nginx-container", "grep nginx /etc/group");
    assert_eq!(text, "nginx:x:101:\n");
    let (text, _) = run(&mut c, "debian-container", "ls -l / | grep lib64");
    assert!(text.contains(" lib64 -> usr/lib64\n"), "{text}");
}

#[test]
fn exec_into_an_exited_container_prints_containerds_message() {
    let mut c = Cluster::with_scenario("docs-original").unwrap();
    let exited = "error: Internal error occurred: error executing command in container: failed to exec in container: container is in CONTAINER_EXITED state\n";
    // The debian container of the docs' pod has run its one command and completed.
    let r = c.run_in_container("debian-container", "ls");
    assert_eq!((r.text.as_str(), r.status), (exited, Some(1)));
    let r = c.run_kubectl_line("kubectl exec two-containers -c debian-container -- ls");
    assert_eq!((r.text.as_str(), r.status), (exited, Some(1)));
    // nginx still runs: exec works there.
    let r = c.run_kubectl_line(
        "kubectl exec two-containers -c nginx-container -- cat /usr/share/nginx/html/index.html",
    );
    assert_eq!(r.text, "Hello from the debian container\n");
}

#[test]
fn bash_c_is_not_interactive() {
    let mut c = Cluster::with_scenario("shared-volume").unwrap();
    // bash 5.2: `bash -c 'exit 7'` prints nothing; only an interactive shell says `exit`.
    assert_eq!(
        run(&mut c, "debian-container", "bash -c 'exit 7'; echo $?"),
        ("7\n".to_string(), Some(0))
    );
    assert_eq!(run(&mut c, "debian-container", "bash -c history").0, "");
}

#[test]
fn df_h_columns_have_gnu_minimum_widths() {
    let mut c = Cluster::with_scenario("shared-volume").unwrap();
    let (text, _) = run(&mut c, "debian-container", "df -h /pod-data");
    // coreutils 9.1 `df -h`: "Filesystem" padded to 14, Size/Used/Avail right-aligned in 5.
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("Filesystem      Size  Used Avail Use% Mounted on")
    );
    let row = lines.next().unwrap_or_default();
    assert_eq!(row.find(" /pod-data"), Some(37), "{row}");
}

#[test]
fn a_write_past_the_size_limit_fails_in_the_writer() {
    let yaml = include_str!("../../../tests/manifests/size-limit.yaml");
    let mut c = Cluster::with_manifest(yaml).unwrap();
    // coreutils 9.1 / bash 5.2 on a full tmpfs: the program reports the failed write(2).
    assert_eq!(
        run(&mut c, "debian-container", "seq 3000 > /pod-data/big"),
        (
            "seq: write error: No space left on device\n".to_string(),
            Some(1)
        )
    );
    assert_eq!(
        run(&mut c, "debian-container", "echo more >> /pod-data/big"),
        (
            "bash: echo: write error: No space left on device\n".to_string(),
            Some(1)
        )
    );
}

#[test]
fn a_container_restart_keeps_the_empty_dir_and_delete_wipes_it() {
    let mut c = Cluster::with_scenario("shared-volume").unwrap();
    run(&mut c, "debian-container", "echo kept > /pod-data/f");
    let (before, _) = run(&mut c, "nginx-container", "ls -i /usr/share/nginx/html/f");
    c.restart_container("debian-container").unwrap();
    assert_eq!(
        run(&mut c, "debian-container", "cat /pod-data/f").0,
        "kept\n"
    );
    let (after, _) = run(&mut c, "nginx-container", "ls -i /usr/share/nginx/html/f");
    assert_eq!(before, after);
    c.run_kubectl_line("kubectl delete pod two-containers");
    c.run_kubectl_line("kubectl apply -f shared-volume.yaml");
    // The kubelet pulls and starts the containers after apply answered: wait for it.
    c.settle();
    assert_eq!(
        run(&mut c, "debian-container", "ls -A /pod-data"),
        (String::new(), Some(0))
    );
}

#[test]
fn exec_of_a_missing_program_is_one_runtime_error() {
    let mut c = Cluster::with_scenario("shared-volume").unwrap();
    let r = c.run_kubectl_line("kubectl exec two-containers -c debian-container -- nosuch");
    // containerd names the exec session; kubectl prints no `command terminated` line after it.
    let (head, tail) = r.text.split_once("failed to start exec \"").unwrap();
    assert_eq!(head, "error: Internal error occurred: error executing command in container: failed to exec in container: ");
    let (id, rest) = tail.split_once('"').unwrap();
    assert!(
        id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert_eq!(rest, ": OCI runtime exec failed: exec failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH: unknown\n");
    assert_eq!(r.status, Some(1));
}

#[test]
fn logs_of_a_container_that_never_started_say_why() {
    let yaml = include_str!("../../../tests/manifests/missing-image.yaml");
    let mut c = Cluster::with_manifest(yaml).unwrap();
    let r = c.run_kubectl_line("kubectl logs two-containers -c debian-container");
    assert_eq!(r.text, "Error from server (BadRequest): container \"debian-container\" in pod \"two-containers\" is waiting to start: trying and failing to pull image\n");
    assert_eq!(r.status, Some(1));
}

#[test]
fn a_redirected_write_is_one_event_seen_at_both_paths() {
    use crate::sim::event::EventKind;
    let mut c = Cluster::with_scenario("shared-volume").expect("scenario");
    let before = c.trace.len();
    run(&mut c, "debian-container", "echo hi > /pod-data/index.html");
    run(
        &mut c,
        "debian-container",
        "echo more >> /pod-data/index.html",
    );
    let writes: Vec<_> = c
        .trace
        .since(before)
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FileWritten { size, also_at, .. } => Some((*size, also_at.clone())),
            _ => None,
        })
        .collect();
    let nginx_path = vec![(
        "nginx-container".to_string(),
        "/usr/share/nginx/html/index.html".to_string(),
    )];
    assert_eq!(writes, vec![(3, nginx_path.clone()), (8, nginx_path)]);
}

#[test]
fn kubectl_exec_of_a_blocking_command_ends_it_with_130() {
    let mut c = Cluster::with_scenario("shared-volume").expect("scenario");
    let r = c.run_kubectl_line("kubectl exec two-containers -c nginx-container -- sleep infinity");
    assert_eq!(r.status, Some(130), "{}", r.text);
    let pod = c.pod.as_ref().expect("pod");
    assert!(
        !pod.procs
            .live_of("nginx-container")
            .any(|p| p.name() == "sleep"),
        "no sleep left running"
    );
}

#[test]
fn the_trace_stays_in_time_order_while_the_kubelet_works() {
    let mut c = Cluster::new();
    c.apply(
        crate::sim::scenario::by_id("shared-volume")
            .expect("built in")
            .manifest,
    )
    .expect("valid");
    // Containers are still being created; the lines below move the clock in between.
    let logs = c.run_kubectl_line("kubectl logs two-containers -c nginx-container");
    assert!(
        logs.text.contains("is waiting to start"),
        "no logs from the future: {}",
        logs.text
    );
    c.run_kubectl_line("sleep 5");
    c.run_kubectl_line("kubectl get pods");
    let times: Vec<u64> = c.trace.events().iter().map(|e| e.t_ms).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert!(!c.has_scheduled());
}

#[test]
fn ctrl_c_at_the_prompt_sets_the_status_to_130() {
    let mut c = Cluster::with_scenario("shared-volume").expect("scenario");
    run(&mut c, "debian-container", "true");
    let r = c.interrupt(&Terminal::container("debian-container"));
    assert_eq!(r.text, "^C\n");
    assert_eq!(run(&mut c, "debian-container", "echo $?").0, "130\n");
}

#[test]
fn kubectl_exec_starts_in_the_working_dir_like_the_terminal() {
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: wd\nspec:\n  containers:\n  - name: app\n    image: debian\n    workingDir: /tmp\n    command: [\"sleep\", \"infinity\"]\n";
    let mut c = Cluster::with_manifest(yaml).expect("valid manifest");
    let r = c.run_kubectl_line("kubectl exec wd -- pwd");
    assert_eq!(r.text, "/tmp\n");
    assert_eq!(run(&mut c, "app", "pwd").0, "/tmp\n");
}

/// A pod of one busybox container (no bash in the image), in `/`.
fn busybox_pod() -> Cluster {
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bb\nspec:\n  containers:\n  - name: box\n    image: busybox\n    command: [\"sleep\", \"infinity\"]\n";
    Cluster::with_manifest(yaml).expect("valid manifest")
}

#[test]
fn a_busybox_terminal_is_ash_as_busybox_1_35_prints_it() {
    // Recorded: `busybox sh -i` (Debian's 1.35.0) in a pty, HOME=/root.
    let mut c = busybox_pod();
    let box_terminal = Terminal::container("box");
    assert_eq!(
        c.prompt(&box_terminal),
        "/ # ",
        "the prompt before the first line"
    );
    assert_eq!(run(&mut c, "box", "cd /tmp").1, Some(0));
    assert_eq!(c.prompt(&box_terminal), "/tmp # ");
    run(&mut c, "box", "cd");
    assert_eq!(c.prompt(&box_terminal), "~ # ");
    assert_eq!(
        run(&mut c, "box", "nosuch"),
        ("sh: nosuch: not found\n".into(), Some(127))
    );
    assert_eq!(run(&mut c, "box", "echo $0 \"$PS1\"").0, "sh \\w \\$ \n");
    let ps = run(&mut c, "box", "ps").0;
    assert!(
        ps.starts_with("PID   USER     COMMAND\n    1 root     sleep infinity\n"),
        "{ps}"
    );
    assert!(
        ps.contains(" root     sh\n"),
        "the terminal's shell is sh: {ps}"
    );
    // ash leaves without bash's `exit`.
    assert_eq!(run(&mut c, "box", "exit 3"), (String::new(), Some(3)));
}

#[test]
fn kubectl_exec_bash_into_busybox_finds_no_bash() {
    let mut c = busybox_pod();
    let r = c.run_kubectl_line("kubectl exec -it bb -c box -- bash");
    assert_eq!(r.status, Some(1));
    assert!(
        r.text
            .contains("exec: \"bash\": executable file not found in $PATH"),
        "{}",
        r.text
    );
    let r = c.run_kubectl_line("kubectl exec -it bb -c box -- sh");
    assert_eq!(r.status, Some(0));
    assert!(r.text.contains("opened a terminal in box"), "{}", r.text);
}
