//! The left column: the pod diagram at the playback position, what moves on it, the caption of
//! the event on show, and the playback controls. (The what-ifs and the Live switch sit above the
//! terminals, in [`super::Experiments`], so the diagram keeps its height.)

use std::rc::Rc;

use yew::prelude::*;

use super::{Announcer, PodDiagram};
use crate::anim::caption;
use crate::anim::scene::SceneCache;
use crate::sim::event::EventKind;
use crate::ui::diagram::{flight, layout, scene_model, Shape};
use crate::ui::hooks::use_media;
use crate::ui::state::{Action, AppContext};
use crate::ui::timeline::Controls;

/// Where the diagram is drawn stacked: a narrow window tall enough for the taller drawing.
const NARROW: &str = "(max-width: 600px) and (min-height: 500px)";

/// The diagram fed live from the trace: the scene after the events shown, plus the event in
/// flight, if any.
#[component]
pub fn DiagramPanel() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return html! {};
    };
    let p = state.playback;
    // A phone held upright gets the stacked drawing, whose text is twice the size.
    let shape = if use_media(NARROW) {
        Shape::Narrow
    } else {
        Shape::Wide
    };
    // One cache per cluster (a new scenario starts a new one): a frame folds only the events
    // shown since the last, not the whole trace.
    let cache = use_memo(Rc::as_ptr(&state.cluster) as usize, |_| {
        std::cell::RefCell::new(SceneCache::default())
    });
    let cluster = state.cluster.borrow();
    let events = cluster.trace().events();
    let shown = events.get(..p.position).unwrap_or(events);
    let lit = match shown.last().map(|e| &e.kind) {
        Some(EventKind::FileWritten { inode, .. }) => Some(*inode),
        _ => None,
    };
    let mut folded = cache.borrow_mut();
    let scene = folded.scene_at(events, p.position);
    let model = scene_model(scene, lit);
    let moving = (p.progress < 1.0)
        .then(|| {
            let event = events.get(p.position)?;
            flight(event, p.progress, scene, &model, &layout(&model, shape))
        })
        .flatten();
    let current = if p.progress < 1.0 {
        events.get(p.position)
    } else {
        shown.last()
    };
    let text = current.map_or_else(
        || "Press play (or →) to watch the pod start, event by event.".to_string(),
        caption,
    );
    let refused = matches!(current.map(|e| &e.kind), Some(EventKind::Refused { .. }));
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(action.clone()))
    };
    let onseek = {
        let s = state.clone();
        Callback::from(move |n| s.dispatch(Action::Seek(n)))
    };
    let onspeed = {
        let s = state.clone();
        Callback::from(move |x| s.dispatch(Action::Speed(x)))
    };
    html! {
        <section class="panel diagram-panel" aria-labelledby="diagram-heading">
            <h2 id="diagram-heading" class="visually-hidden">{ "Inside the pod" }</h2>
            <PodDiagram model={model} flight={moving} {shape} />
            <p class={classes!("event-caption", refused.then_some("is-refused"))} data-testid="event-caption">{ text }</p>
            <Announcer />
            if state.params.controls {
            <Controls playing={p.playing} position={p.position} len={events.len()} speed={p.speed}
                onplay={dispatch(Action::Play)} onpause={dispatch(Action::Pause)}
                onstep_forward={dispatch(Action::StepForward)} onstep_back={dispatch(Action::StepBack)}
                onreset={dispatch(Action::Reset)} {onseek} {onspeed} presenter={state.presenter}
                onpresenter={dispatch(Action::SetPresenter(!state.presenter))} />
            }
        </section>
    }
}
