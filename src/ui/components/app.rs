//! The root component and the first screen it shows.

use yew::prelude::*;

use super::{AppHeader, DiagramCaption, ManifestView, PodDiagram, ScenarioBar};
use crate::ui::scenarios::ScenarioId;
use crate::ui::state::{Action, AppContext, AppStateProvider};

/// The root: provides the app state, then shows the first screen.
#[component]
pub fn App() -> Html {
    html! {
        <AppStateProvider>
            <FirstScreen />
        </AppStateProvider>
    }
}

/// Header, scenario bar, manifest and diagram, wired to the app state in context.
#[component]
pub fn FirstScreen() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return html! { <p role="alert">{ "podscope: FirstScreen needs an AppStateProvider." }</p> };
    };
    let onselect = {
        let state = state.clone();
        Callback::from(move |id| state.dispatch(Action::SelectScenario(id)))
    };
    let onedit = {
        let state = state.clone();
        Callback::from(move |text| state.dispatch(Action::EditCustomManifest(text)))
    };
    let scenario = state.scenario;
    let file_name = match scenario {
        ScenarioId::Custom => "custom-pod.yaml".to_string(),
        other => format!("{}.yaml", other.id()),
    };
    html! {
        <div class="app">
            <AppHeader />
            <ScenarioBar selected={scenario} {onselect} />
            <main class="workspace">
                <ManifestView
                    manifest={AttrValue::from(state.manifest().to_string())}
                    file_name={file_name}
                    editable={scenario == ScenarioId::Custom}
                    {onedit}
                />
                <section class="panel diagram-panel" aria-labelledby="diagram-heading">
                    <h2 id="diagram-heading" class="panel-title">{ "Inside the pod" }</h2>
                    <PodDiagram model={scenario.diagram()} />
                    <DiagramCaption text={scenario.caption()} />
                </section>
            </main>
        </div>
    }
}
