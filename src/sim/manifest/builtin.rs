//! The manifests podscope ships (`scenarios/*.yaml`), already decoded: the web app's main
//! module starts every built-in scenario, tour and what-if without a YAML parser.
//!
//! `builtin_data.rs` is generated from the YAML files by this module's test, which also checks
//! that every entry equals what [`super::parse`] makes of its file: the YAML stays the truth.
//! After changing or adding a file under `scenarios/`, regenerate with
//! `UPDATE_BUILTINS=1 cargo test --lib sim::manifest::builtin`.

use super::PodManifest;

/// A shipped YAML text and the function that builds its decoded manifest.
type Builtin = (&'static str, fn() -> PodManifest);

#[rustfmt::skip] // generated, one manifest per line
#[path = "builtin_data.rs"]
mod data;

/// The decoded manifest whose YAML text is exactly `yaml`, if it is one podscope ships.
pub fn lookup(yaml: &str) -> Option<PodManifest> {
    data::BUILTINS
        .iter()
        .find(|(text, _)| *text == yaml)
        .map(|(_, decode)| decode())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used)] // the generator test unwraps: a failure is a test failure
mod tests {
    use super::super::{parse, ContainerSpec, PodManifest, Volume, VolumeMount, VolumeSource};
    use std::fmt::Write;
    use std::path::Path;

    const DATA: &str = "src/sim/manifest/builtin_data.rs";

    fn string(s: &str) -> String {
        format!("{s:?}.into()")
    }

    fn option(o: &Option<String>) -> String {
        o.as_deref()
            .map_or("None".into(), |s| format!("Some({})", string(s)))
    }

    fn strings(v: &[String]) -> String {
        let items: Vec<String> = v.iter().map(|s| string(s)).collect();
        format!("vec![{}]", items.join(", "))
    }

    fn volume(v: &Volume) -> String {
        let VolumeSource::EmptyDir { medium, size_limit } = &v.source;
        format!(
            "Volume {{ name: {}, source: VolumeSource::EmptyDir {{ medium: {}, size_limit: {size_limit:?} }} }}",
            string(&v.name),
            option(medium)
        )
    }

    fn mount(m: &VolumeMount) -> String {
        format!(
            "VolumeMount {{ name: {}, mount_path: {}, read_only: {}, sub_path: {} }}",
            string(&m.name),
            string(&m.mount_path),
            m.read_only,
            option(&m.sub_path)
        )
    }

    fn container(c: &ContainerSpec) -> String {
        let env: Vec<String> = c
            .env
            .iter()
            .map(|(k, v)| format!("({}, {})", string(k), string(v)))
            .collect();
        let mounts: Vec<String> = c.volume_mounts.iter().map(mount).collect();
        format!(
            "ContainerSpec {{ name: {}, image: {}, command: {}, args: {}, ports: vec!{:?}, \
             env: vec![{}], working_dir: {}, volume_mounts: vec![{}] }}",
            string(&c.name),
            string(&c.image),
            strings(&c.command),
            strings(&c.args),
            c.ports,
            env.join(", "),
            option(&c.working_dir),
            mounts.join(", ")
        )
    }

    fn manifest(m: &PodManifest) -> String {
        let volumes: Vec<String> = m.volumes.iter().map(volume).collect();
        let containers: Vec<String> = m.containers.iter().map(container).collect();
        format!(
            "PodManifest {{ name: {}, restart_policy: RestartPolicy::{:?}, share_process_namespace: {}, \
             volumes: vec![{}], containers: vec![{}] }}",
            string(&m.name),
            m.restart_policy,
            m.share_process_namespace,
            volumes.join(", "),
            containers.join(", ")
        )
    }

    /// `scenarios/*.yaml`, sorted by name, with their decoded manifests.
    fn sources() -> Vec<(String, String, PodManifest)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(root.join("scenarios"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|path| {
                let name = path.file_name().unwrap().to_str().unwrap().to_string();
                let text = std::fs::read_to_string(&path).unwrap();
                let parsed = parse(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
                (name, text, parsed)
            })
            .collect()
    }

    fn generate() -> String {
        let mut out = String::from(
            "// @generated from scenarios/*.yaml by `UPDATE_BUILTINS=1 cargo test --lib \
             sim::manifest::builtin`;\n// do not edit (the test fails when this file is stale).\n\n\
             use super::super::*;\n\n/// Every shipped YAML text with its decoded manifest.\n\
             pub(super) static BUILTINS: &[super::Builtin] = &[\n",
        );
        let sources = sources();
        for (i, (name, _, _)) in sources.iter().enumerate() {
            let _ = writeln!(
                out,
                "    (include_str!(\"../../../scenarios/{name}\"), pod_{i}),"
            );
        }
        out.push_str("];\n");
        for (i, (name, _, parsed)) in sources.iter().enumerate() {
            let _ = write!(
                out,
                "\n/// scenarios/{name}\nfn pod_{i}() -> PodManifest {{\n    {}\n}}\n",
                manifest(parsed)
            );
        }
        out
    }

    #[test]
    fn generated_data_is_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
        let want = generate();
        if std::env::var_os("UPDATE_BUILTINS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{DATA} is stale: run `UPDATE_BUILTINS=1 cargo test --lib sim::manifest::builtin` \
             (then cargo fmt)"
        );
    }

    #[test]
    fn every_shipped_manifest_is_built_in_and_equals_its_parse() {
        for (name, text, parsed) in sources() {
            assert_eq!(super::lookup(&text), Some(parsed), "{name}");
        }
        assert_eq!(super::lookup("kind: Pod\n"), None);
    }
}
