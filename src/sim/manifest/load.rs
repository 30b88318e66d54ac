//! The one way the simulation reads a manifest: [`load`].
//!
//! Natively (CLI, tests) and in the default build, `load` is [`super::parse`]. The web app's main
//! module is built with the `lazy-yaml` feature so that no YAML parser is in its download: there
//! `load` answers the built-in manifests from their compiled-in form ([`super::builtin`]) and
//! hands any other text to the parser registered with [`set_external_parser`] — the
//! `podscope-yaml` module, which the app fetches the first time it is needed.

use super::{ManifestError, PodManifest};
use std::sync::OnceLock;

/// A parser that lives outside this binary. `None` means it could not answer (its module
/// failed), which [`load`] reports as [`super::ManifestErrorKind::Unavailable`].
pub type ExternalParser = fn(&str) -> Option<Result<PodManifest, Vec<ManifestError>>>;

static EXTERNAL: OnceLock<ExternalParser> = OnceLock::new();

/// Registers the parser [`load`] uses for manifests that are not built in (first one wins).
pub fn set_external_parser(parser: ExternalParser) {
    let _ = EXTERNAL.set(parser);
}

/// Whether a parser for other manifests than the built-in ones is at hand.
pub fn parser_ready() -> bool {
    cfg!(not(feature = "lazy-yaml")) || EXTERNAL.get().is_some()
}

/// Parses and validates a Pod manifest, as [`super::parse`] does.
#[cfg(not(feature = "lazy-yaml"))]
pub fn load(yaml: &str) -> Result<PodManifest, Vec<ManifestError>> {
    super::parse(yaml)
}

/// Parses and validates a Pod manifest: a built-in one from its compiled-in form, any other
/// through the registered [`ExternalParser`].
#[cfg(feature = "lazy-yaml")]
pub fn load(yaml: &str) -> Result<PodManifest, Vec<ManifestError>> {
    if yaml.len() > super::MAX_MANIFEST_BYTES {
        return Err(vec![ManifestError::too_large(yaml.len())]);
    }
    if let Some(manifest) = super::builtin::lookup(yaml) {
        return Ok(manifest);
    }
    let Some(parser) = EXTERNAL.get() else {
        return Err(vec![ManifestError::unavailable(
            "podscope's YAML parser is still loading; try again in a moment",
        )]);
    };
    parser(yaml).unwrap_or_else(|| {
        Err(vec![ManifestError::unavailable(
            "podscope's YAML parser could not be loaded (reload the page to try again)",
        )])
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{parse, ManifestError, PodManifest};

    type Answer = Result<PodManifest, Vec<ManifestError>>;

    /// The parser module hands its answer over through serde (serde-wasm-bindgen in the
    /// browser): every answer, accepted or rejected, reads back equal. JSON stands in for the
    /// JavaScript value here; both are the same serde data model.
    #[test]
    fn answers_cross_the_module_boundary_unchanged() {
        let shared = include_str!("../../../scenarios/shared-volume.yaml");
        let inputs = [
            shared.to_string(),
            shared.replace("image: nginx", "imagee: nginx"),
            "kind: Pod\n  spec: [\n".to_string(),
            shared.replace("sizeLimit", "sizeLimitt"),
        ];
        for yaml in inputs {
            let answer: Answer = parse(&yaml);
            let json = serde_json::to_string(&answer).unwrap();
            let back: Answer = serde_json::from_str(&json).unwrap();
            assert_eq!(back, answer, "{yaml}");
        }
    }

    #[test]
    fn load_is_parse_without_lazy_yaml() {
        let bad = "kind: Pod\n";
        assert_eq!(super::load(bad), parse(bad));
        assert!(super::parser_ready());
    }
}
