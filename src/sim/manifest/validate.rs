//! The API server's validation of a decoded Pod (`pkg/apis/core/validation`), message for
//! message: names, duplicates, volume references, mount paths and ports.

use super::decode::{DecodedContainer, DecodedPod, DecodedVolume, Pos};
use super::{ManifestError, ManifestErrorKind};
use std::collections::BTreeSet;

const DNS1123_LABEL_ERROR: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_ERROR: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const ENV_NAME_ERROR: &str = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/// Collects field errors for one pod.
struct Validator {
    pod: String,
    errors: Vec<ManifestError>,
}

impl Validator {
    fn push(&mut self, kind: ManifestErrorKind, field: String, message: String, pos: Pos) {
        let mut e = ManifestError::at(kind, field, message, pos);
        e.pod = self.pod.clone();
        self.errors.push(e);
    }

    fn required(&mut self, field: String, detail: &str, pos: Pos) {
        let message = if detail.is_empty() {
            "Required value".to_string()
        } else {
            format!("Required value: {detail}")
        };
        self.push(ManifestErrorKind::Invalid, field, message, pos);
    }

    fn invalid(&mut self, field: String, value: &str, detail: &str, pos: Pos) {
        let message = format!("Invalid value: {value}: {detail}");
        self.push(ManifestErrorKind::Invalid, field, message, pos);
    }

    /// A DNS-1123 label check (container and volume names); returns whether it passed.
    fn label(&mut self, field: String, name: &str, pos: Pos) -> bool {
        if name.len() > 63 {
            self.invalid(
                field,
                &quote(name),
                "must be no more than 63 characters",
                pos,
            );
            false
        } else if !is_dns1123_label(name) {
            self.invalid(field, &quote(name), DNS1123_LABEL_ERROR, pos);
            false
        } else {
            true
        }
    }
}

/// Go's `%q` for the plain ASCII names found in manifests.
fn quote(s: &str) -> String {
    format!("{s:?}")
}

fn is_dns1123_label(s: &str) -> bool {
    let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    !s.is_empty() && s.chars().all(ok_char) && alnum(s.chars().next()) && alnum(s.chars().last())
}

fn is_dns1123_subdomain(s: &str) -> bool {
    s.len() <= 253 && s.split('.').all(is_dns1123_label)
}

fn is_env_name(s: &str) -> bool {
    let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    s.chars().all(ok) && !s.starts_with(|c: char| c.is_ascii_digit()) && !s.is_empty()
}

/// Validates a decoded pod; on failure returns every error, in the API server's order.
pub(super) fn validate(pod: &DecodedPod) -> Result<(), Vec<ManifestError>> {
    let mut v = Validator {
        pod: pod.name.value.clone(),
        errors: Vec::new(),
    };
    let name = &pod.name;
    if name.value.is_empty() {
        v.required(
            "metadata.name".into(),
            "name or generateName is required",
            name.pos,
        );
    } else if name.value.len() > 253 {
        let detail = "must be no more than 253 characters";
        v.invalid(
            "metadata.name".into(),
            &quote(&name.value),
            detail,
            name.pos,
        );
    } else if !is_dns1123_subdomain(&name.value) {
        v.invalid(
            "metadata.name".into(),
            &quote(&name.value),
            DNS1123_SUBDOMAIN_ERROR,
            name.pos,
        );
    }
    let volumes = validate_volumes(&mut v, &pod.volumes);
    if pod.containers.is_empty() {
        v.required("spec.containers".into(), "", pod.containers_pos);
    }
    let mut names = BTreeSet::new();
    for (i, c) in pod.containers.iter().enumerate() {
        validate_container(&mut v, c, i, &mut names, &volumes);
    }
    if let Some(policy) = &pod.restart_policy.value {
        if !policy.is_empty() && !["Always", "OnFailure", "Never"].contains(&policy.as_str()) {
            let message = format!(
                "Unsupported value: {}: supported values: \"Always\", \"OnFailure\", \"Never\"",
                quote(policy)
            );
            let field = "spec.restartPolicy".to_string();
            v.push(
                ManifestErrorKind::Invalid,
                field,
                message,
                pod.restart_policy.pos,
            );
        }
    }
    if v.errors.is_empty() {
        Ok(())
    } else {
        Err(v.errors)
    }
}

/// Checks `spec.volumes`; returns the names that mounts may refer to.
fn validate_volumes(v: &mut Validator, volumes: &[DecodedVolume]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut unsupported = BTreeSet::new();
    for (i, vol) in volumes.iter().enumerate() {
        let before = v.errors.len();
        let path = format!("spec.volumes[{i}]");
        match vol.sources.as_slice() {
            [] => v.required(path.clone(), "must specify a volume type", vol.pos),
            [first, rest @ ..] => {
                for extra in rest {
                    let field = format!("{path}.{}", extra.value);
                    let message = "Forbidden: may not specify more than 1 volume type".to_string();
                    v.push(ManifestErrorKind::Invalid, field, message, extra.pos);
                }
                if rest.is_empty() && first.value != "emptyDir" {
                    let field = format!("{path}.{}", first.value);
                    let message = "podscope simulates only emptyDir volumes".to_string();
                    v.push(ManifestErrorKind::Unsupported, field, message, first.pos);
                    unsupported.insert(vol.name.value.clone());
                }
            }
        }
        let field = format!("{path}.name");
        if vol.name.value.is_empty() {
            v.required(field, "", vol.name.pos);
        } else {
            v.label(field.clone(), &vol.name.value, vol.name.pos);
            if names.contains(&vol.name.value) {
                let message = format!("Duplicate value: {}", quote(&vol.name.value));
                v.push(ManifestErrorKind::Invalid, field, message, vol.name.pos);
            }
        }
        let errs = &v.errors[before.min(v.errors.len())..];
        if errs
            .iter()
            .all(|e| e.kind == ManifestErrorKind::Unsupported)
        {
            names.insert(vol.name.value.clone());
        }
    }
    names
}

fn validate_container(
    v: &mut Validator,
    c: &DecodedContainer,
    i: usize,
    names: &mut BTreeSet<String>,
    volumes: &BTreeSet<String>,
) {
    let path = format!("spec.containers[{i}]");
    let field = format!("{path}.name");
    if c.name.value.is_empty() {
        v.required(field, "", c.name.pos);
    } else if v.label(field.clone(), &c.name.value, c.name.pos)
        && !names.insert(c.name.value.clone())
    {
        let message = format!("Duplicate value: {}", quote(&c.name.value));
        v.push(ManifestErrorKind::Invalid, field, message, c.name.pos);
    }
    if c.image.value.trim().is_empty() {
        v.required(format!("{path}.image"), "", c.image.pos);
    }
    for (j, port) in c.ports.iter().enumerate() {
        let field = format!("{path}.ports[{j}].containerPort");
        match port.value {
            None | Some(0) => v.required(field, "", port.pos),
            Some(n) if !(1..=65535).contains(&n) => v.invalid(
                field,
                &n.to_string(),
                "must be between 1 and 65535, inclusive",
                port.pos,
            ),
            Some(_) => {}
        }
    }
    for (j, env) in c.env.iter().enumerate() {
        let field = format!("{path}.env[{j}].name");
        let name = &env.value.0;
        if name.is_empty() {
            v.required(field, "", env.pos);
        } else if !is_env_name(name) {
            v.invalid(field, &quote(name), ENV_NAME_ERROR, env.pos);
        }
    }
    let mut mount_paths = BTreeSet::new();
    for (j, m) in c.mounts.iter().enumerate() {
        let mpath = format!("{path}.volumeMounts[{j}]");
        if m.name.value.is_empty() {
            v.required(format!("{mpath}.name"), "", m.name.pos);
        } else if !volumes.contains(&m.name.value) {
            let message = format!("Not found: {}", quote(&m.name.value));
            v.push(
                ManifestErrorKind::Invalid,
                format!("{mpath}.name"),
                message,
                m.name.pos,
            );
        }
        let mp = &m.mount_path;
        let field = format!("{mpath}.mountPath");
        if mp.value.is_empty() {
            v.required(field, "", mp.pos);
        } else if !mount_paths.insert(mp.value.clone()) {
            v.invalid(field, &quote(&mp.value), "must be unique", mp.pos);
        } else if !mp.value.starts_with('/') {
            v.invalid(field, &quote(&mp.value), "must be an absolute path", mp.pos);
        }
        if let Some(sub) = &m.sub_path.value {
            let field = format!("{mpath}.subPath");
            if sub.starts_with('/') {
                v.invalid(
                    field,
                    &quote(sub),
                    "must be a relative path",
                    m.sub_path.pos,
                );
            } else if sub.split('/').any(|part| part == "..") {
                v.invalid(field, &quote(sub), "must not contain '..'", m.sub_path.pos);
            }
        }
    }
}
