//! Tests of manifest parsing: the shipped scenarios, every validation error with its position,
//! strict decoding, syntax errors, size limit, and a fuzz run that must never panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location

use super::*;
use proptest::prelude::*;

const DOCS: &str = include_str!("../../../scenarios/docs-original.yaml");

fn errors(yaml: &str) -> Vec<ManifestError> {
    parse(yaml).expect_err("manifest should be rejected")
}

fn one_error(yaml: &str) -> String {
    let errs = errors(yaml);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    errs[0].to_string()
}

#[test]
fn docs_manifest_parses_to_the_two_containers() {
    let pod = parse(DOCS).unwrap();
    assert_eq!(pod.name, "two-containers");
    assert_eq!(pod.restart_policy, RestartPolicy::Never);
    assert!(!pod.share_process_namespace);
    assert_eq!(
        pod.volumes,
        vec![Volume {
            name: "shared-data".into(),
            source: VolumeSource::EmptyDir {
                medium: None,
                size_limit: None
            }
        }]
    );
    let names: Vec<_> = pod.containers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["nginx-container", "debian-container"]);
    let debian = &pod.containers[1];
    assert_eq!(debian.image, "debian");
    assert_eq!(debian.command, ["/bin/sh"]);
    assert_eq!(
        debian.args[1],
        "echo Hello from the debian container > /pod-data/index.html"
    );
    assert_eq!(
        debian.volume_mounts,
        vec![VolumeMount {
            name: "shared-data".into(),
            mount_path: "/pod-data".into(),
            read_only: false,
            sub_path: None
        }]
    );
    assert_eq!(
        pod.containers[0].volume_mounts[0].mount_path,
        "/usr/share/nginx/html"
    );
}

#[test]
fn restart_policy_defaults_to_always_and_other_fields_decode() {
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: web\nspec:\n  shareProcessNamespace: true\n  volumes:\n  - name: cache\n    emptyDir:\n      medium: Memory\n      sizeLimit: 1Mi\n  containers:\n  - name: c\n    image: nginx:1.25\n    imagePullPolicy: IfNotPresent\n    workingDir: /tmp\n    ports:\n    - containerPort: 80\n      protocol: TCP\n    env:\n    - name: GREETING\n      value: hi\n    volumeMounts:\n    - name: cache\n      mountPath: /cache\n      readOnly: true\n      subPath: sub\n";
    let pod = parse(yaml).unwrap();
    assert_eq!(pod.restart_policy, RestartPolicy::Always);
    assert!(pod.share_process_namespace);
    assert_eq!(
        pod.volumes[0].source,
        VolumeSource::EmptyDir {
            medium: Some("Memory".into()),
            size_limit: Some(1_048_576)
        }
    );
    let c = &pod.containers[0];
    assert_eq!(c.ports, [80]);
    assert_eq!(c.env, [("GREETING".to_string(), "hi".to_string())]);
    assert_eq!(c.working_dir.as_deref(), Some("/tmp"));
    assert!(c.volume_mounts[0].read_only);
    assert_eq!(c.volume_mounts[0].sub_path.as_deref(), Some("sub"));
}

#[test]
fn mount_of_a_missing_volume_is_not_found_with_its_position() {
    let yaml = DOCS.replace(
        "    - name: shared-data\n      mountPath: /pod-data",
        "    - name: shared-dat\n      mountPath: /pod-data",
    );
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field, "spec.containers[1].volumeMounts[0].name");
    assert_eq!((errs[0].line, errs[0].column), (Some(24), Some(13)));
    assert_eq!(
        errs[0].to_string(),
        "The Pod \"two-containers\" is invalid: spec.containers[1].volumeMounts[0].name: Not found: \"shared-dat\" (line 24, column 13)"
    );
}

#[test]
fn duplicate_container_names() {
    let yaml = DOCS.replace("- name: debian-container", "- name: nginx-container");
    assert_eq!(
        one_error(&yaml),
        "The Pod \"two-containers\" is invalid: spec.containers[1].name: Duplicate value: \"nginx-container\" (line 21, column 11)"
    );
}

#[test]
fn mount_paths_must_be_absolute_and_unique() {
    let relative = DOCS.replace("mountPath: /pod-data", "mountPath: pod-data");
    assert!(one_error(&relative).ends_with(
        "spec.containers[1].volumeMounts[0].mountPath: Invalid value: \"pod-data\": must be an absolute path (line 25, column 18)"
    ));
    let dup = DOCS.replace(
        "      mountPath: /pod-data\n",
        "      mountPath: /pod-data\n    - name: shared-data\n      mountPath: /pod-data\n",
    );
    let errs = errors(&dup);
    assert_eq!(
        errs[0].field,
        "spec.containers[1].volumeMounts[1].mountPath"
    );
    assert_eq!(
        errs[0].message,
        "Invalid value: \"/pod-data\": must be unique"
    );
}

#[test]
fn names_must_be_dns_1123() {
    let yaml = DOCS.replace("name: two-containers", "name: Two_Containers");
    let msg = one_error(&yaml);
    assert!(msg.starts_with("The Pod \"Two_Containers\" is invalid: metadata.name: Invalid value: \"Two_Containers\": a lowercase RFC 1123 subdomain"), "{msg}");
    let yaml = DOCS.replace("name: nginx-container", "name: Nginx");
    assert!(one_error(&yaml)
        .contains("spec.containers[0].name: Invalid value: \"Nginx\": a lowercase RFC 1123 label"));
    let yaml = DOCS.replace("  name: two-containers\n", "  labels: {}\n");
    assert_eq!(
        errors(&yaml)[0].to_string(),
        "The Pod \"\" is invalid: metadata.name: Required value: name or generateName is required"
    );
}

#[test]
fn required_fields_ports_env_and_restart_policy() {
    let base = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n";
    let msgs = |spec: &str| -> Vec<String> {
        errors(&format!("{base}{spec}"))
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect()
    };
    assert_eq!(
        msgs("  containers: []\n"),
        ["spec.containers: Required value"]
    );
    assert_eq!(
        msgs("  containers:\n  - name: c\n"),
        ["spec.containers[0].image: Required value"]
    );
    assert_eq!(
        msgs("  containers:\n  - name: c\n    image: x\n    ports:\n    - containerPort: 70000\n"),
        ["spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"]
    );
    assert_eq!(
        msgs("  containers:\n  - name: c\n    image: x\n    env:\n    - value: v\n"),
        ["spec.containers[0].env[0].name: Required value"]
    );
    assert_eq!(
        msgs("  restartPolicy: Sometimes\n  containers:\n  - name: c\n    image: x\n"),
        ["spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""]
    );
    assert_eq!(
        msgs("  volumes:\n  - name: v\n  containers:\n  - name: c\n    image: x\n"),
        ["spec.volumes[0]: Required value: must specify a volume type"]
    );
    assert_eq!(
        msgs("  volumes:\n  - name: v\n    emptyDir: {}\n  - name: v\n    emptyDir: {}\n  containers:\n  - name: c\n    image: x\n"),
        ["spec.volumes[1].name: Duplicate value: \"v\""]
    );
}

#[test]
fn unknown_fields_are_strict_decoding_errors() {
    let yaml = DOCS.replace("    image: nginx\n", "    imagee: nginx\n");
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].field, "spec.containers[0].imagee");
    assert_eq!(
        errs[0].to_string(),
        "Error from server (BadRequest): Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].imagee\" (line 16, column 5)"
    );
}

#[test]
fn wrong_types_name_the_go_field() {
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: x\n    ports:\n    - containerPort: \"80\"\n";
    let errs = errors(yaml);
    assert_eq!(errs[0].field, "spec.containers[0].ports[0].containerPort");
    assert_eq!(
        errs[0].message,
        "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"
    );
    assert_eq!((errs[0].line, errs[0].column), (Some(10), Some(22)));
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: 42\n    command: /bin/sh\n";
    let msgs: Vec<_> = errors(yaml).into_iter().map(|e| e.message).collect();
    assert_eq!(msgs, [
        "json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string",
        "json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string",
    ]);
}

#[test]
fn other_volume_kinds_are_named_as_unsupported() {
    let yaml = DOCS.replace("    emptyDir: {}\n", "    hostPath:\n      path: /data\n");
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].kind, ManifestErrorKind::Unsupported);
    assert_eq!(
        errs[0].to_string(),
        "spec.volumes[0].hostPath: podscope simulates only emptyDir volumes (line 12, column 7)"
    );
}

#[test]
fn api_version_and_kind_are_checked_first() {
    assert_eq!(
        one_error("metadata:\n  name: x\n"),
        "error: error validating data: [apiVersion not set, kind not set] (line 1, column 1)"
    );
    let msg = one_error(&DOCS.replace("kind: Pod", "kind: Deployment"));
    assert_eq!(
        msg,
        "kind: podscope simulates only kind Pod, not \"Deployment\" (line 2, column 7)"
    );
}

#[test]
fn syntax_errors_show_position_and_line() {
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n containers: []\n";
    let errs = errors(yaml);
    assert_eq!(errs[0].kind, ManifestErrorKind::Syntax);
    assert_eq!(errs[0].line, Some(5));
    assert_eq!(errs[0].source_line.as_deref(), Some(" containers: []"));
    let shown = errs[0].to_string();
    assert!(
        shown.starts_with("error: error converting YAML to JSON: yaml: "),
        "{shown}"
    );
    assert!(
        shown.contains("(line 5, column 2)\n   containers: []\n   ^"),
        "{shown}"
    );
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let yaml = "#".repeat(MAX_MANIFEST_BYTES + 1);
    let errs = errors(&yaml);
    assert_eq!(errs[0].kind, ManifestErrorKind::TooLarge);
    assert!(errs[0].to_string().contains("at most 1048576 bytes"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics_on_random_text(s in "\\PC{0,200}") {
        let _ = parse(&s);
    }

    #[test]
    fn never_panics_on_mutated_manifests(pos in 0usize..600, junk in "[ :\\-\\[\\]{}'\"#&*!|>\\n\\ta-z0-9]{0,8}") {
        let mut text = DOCS.to_string();
        let at = pos.min(text.len());
        if text.is_char_boundary(at) {
            text.insert_str(at, &junk);
        }
        let _ = parse(&text).map_err(|errs| errs.iter().map(|e| e.to_string()).collect::<Vec<_>>());
    }
}
