//! The app's state, the actions that change it, and the context that hands it to components.

use std::rc::Rc;

use yew::prelude::*;

use super::scenarios::ScenarioId;

/// Everything the first screen needs to remember.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    /// The scenario chosen on the scenario bar.
    pub scenario: ScenarioId,
    /// The text of the custom manifest, kept while the user looks at other scenarios.
    pub custom_manifest: String,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            scenario: ScenarioId::SharedVolume,
            custom_manifest: ScenarioId::Custom.manifest().to_string(),
        }
    }
}

impl AppState {
    /// The default state, but showing the scenario named by a URL fragment like
    /// `#docs-original` (an unknown or empty fragment keeps the default).
    pub fn from_fragment(fragment: &str) -> Self {
        let default = AppState::default();
        let id = fragment.strip_prefix('#').unwrap_or(fragment);
        AppState {
            scenario: ScenarioId::from_id(id).unwrap_or(default.scenario),
            ..default
        }
    }

    /// The manifest text to show for the chosen scenario.
    pub fn manifest(&self) -> &str {
        match self.scenario {
            ScenarioId::Custom => &self.custom_manifest,
            other => other.manifest(),
        }
    }
}

/// What the user can do on the first screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Pick a scenario on the scenario bar.
    SelectScenario(ScenarioId),
    /// Replace the custom manifest's text.
    EditCustomManifest(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SelectScenario(scenario) => AppState {
                scenario,
                ..(*self).clone()
            }
            .into(),
            Action::EditCustomManifest(text) => AppState {
                custom_manifest: text,
                ..(*self).clone()
            }
            .into(),
        }
    }
}

/// The state handle that [`AppStateProvider`] puts in context.
pub type AppContext = UseReducerHandle<AppState>;

/// Props of [`AppStateProvider`].
#[derive(Properties, PartialEq)]
pub struct AppStateProviderProps {
    /// The components that read the state.
    #[prop_or_default]
    pub children: Children,
}

/// Owns the [`AppState`] reducer and provides it to everything below. The page's URL fragment
/// picks the first scenario, so `index.html#localhost` opens on the localhost scenario.
#[component]
pub fn AppStateProvider(props: &AppStateProviderProps) -> Html {
    let state = use_reducer(|| {
        let fragment = gloo::utils::window().location().hash().unwrap_or_default();
        AppState::from_fragment(&fragment)
    });
    html! {
        <ContextProvider<AppContext> context={state}>
            { props.children.clone() }
        </ContextProvider<AppContext>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_custom_shows_the_edited_text() {
        let state = Rc::new(AppState::default());
        let state = state.reduce(Action::EditCustomManifest("kind: Pod\n".to_string()));
        assert_eq!(state.manifest(), ScenarioId::SharedVolume.manifest());
        let state = state.reduce(Action::SelectScenario(ScenarioId::Custom));
        assert_eq!(state.manifest(), "kind: Pod\n");
        let state = state.reduce(Action::SelectScenario(ScenarioId::Localhost));
        assert_eq!(state.manifest(), ScenarioId::Localhost.manifest());
        assert_eq!(state.custom_manifest, "kind: Pod\n");
    }

    #[test]
    fn fragment_picks_the_scenario() {
        for id in ScenarioId::ALL {
            assert_eq!(
                AppState::from_fragment(&format!("#{}", id.id())).scenario,
                id
            );
        }
        assert_eq!(
            AppState::from_fragment("#nope").scenario,
            ScenarioId::SharedVolume
        );
        assert_eq!(
            AppState::from_fragment("").scenario,
            ScenarioId::SharedVolume
        );
    }
}
