//! The scenario bar's choices: the built-in scenarios of `crate::sim::scenario` (which own the
//! manifests) plus a custom manifest the user edits, with the caption shown for each.

use crate::i18n::{t, Msg};

use crate::sim::scenario;

/// Which pod the user is looking at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioId {
    /// The docs' pod with debian kept running, so both containers share the volume live.
    SharedVolume,
    /// The same two containers without a volume: they meet only on `localhost`.
    Localhost,
    /// `two-container-pod.yaml` from the Kubernetes docs, verbatim.
    DocsOriginal,
    /// A manifest the user edits.
    Custom,
}

impl ScenarioId {
    /// Every scenario, in the order of the scenario bar.
    pub const ALL: [ScenarioId; 4] = [
        ScenarioId::SharedVolume,
        ScenarioId::Localhost,
        ScenarioId::DocsOriginal,
        ScenarioId::Custom,
    ];

    /// Stable id, used in `data-testid`s and the `?scenario=` URL parameter.
    pub fn id(self) -> &'static str {
        match self {
            ScenarioId::SharedVolume => "shared-volume",
            ScenarioId::Localhost => "localhost",
            ScenarioId::DocsOriginal => "docs-original",
            ScenarioId::Custom => "custom",
        }
    }

    /// The scenario whose [`ScenarioId::id`] is `id`, if any.
    pub fn from_id(id: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The label on the scenario bar.
    pub fn title(self) -> &'static str {
        match self {
            ScenarioId::SharedVolume => t(Msg::ScenarioSharedVolume),
            ScenarioId::Localhost => t(Msg::ScenarioLocalhost),
            ScenarioId::DocsOriginal => t(Msg::ScenarioDocsOriginal),
            ScenarioId::Custom => t(Msg::ScenarioCustom),
        }
    }

    /// What the scenario shows, from the built-in scenario's summary.
    pub fn summary(self) -> std::borrow::Cow<'static, str> {
        match scenario::by_id(self.id()) {
            Some(s) => crate::i18n::content(&format!("data.scenario.{}", s.id), s.summary),
            None => std::borrow::Cow::Borrowed(t(Msg::ScenarioCustomSummary)),
        }
    }

    /// The manifest text the scenario starts from (the custom one starts from the first
    /// built-in scenario's).
    pub fn manifest(self) -> &'static str {
        scenario::by_id(self.id())
            .or_else(|| scenario::all().first())
            .map_or("", |s| s.manifest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_builtins_have_manifests() {
        for s in ScenarioId::ALL {
            assert_eq!(ScenarioId::from_id(s.id()), Some(s));
            assert!(s.manifest().contains("kind: Pod"), "{s:?}");
        }
        assert_eq!(ScenarioId::from_id("nope"), None);
    }
}
