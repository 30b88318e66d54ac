//! The browser's copy of the session, in LocalStorage: read once at start, written as the
//! session changes, a copy that cannot be read set aside. Web glue only: what is saved and what
//! a page load makes of it is `ui::state`'s (`state/keep.rs`). The full app only: an embed never
//! touches storage. Storage that throws (a sandboxed frame, privacy settings) or is full is a
//! value here, never a panic; the app says so once in its notice.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::ui::provider::embedded;
use crate::ui::state::{Action, AppContext, SavedAtStart, StorageProblem};

/// The saved session: a session fragment (`v1.…`, as a link carries it, plus the editor's draft).
pub const SESSION_KEY: &str = "podscope.session";
/// A saved session that could not be restored, kept for a bug report (`js/crash.js` too).
pub const SET_ASIDE_KEY: &str = "podscope.session.set-aside";
/// The session put aside one Undo away, so a reload still offers it.
pub const KEPT_KEY: &str = "podscope.session.kept";

/// The page's LocalStorage: `Ok(None)` in an embed (never stored), an error when the browser
/// refuses it (asking for it throws in a sandboxed frame).
fn storage() -> Result<Option<web_sys::Storage>, StorageProblem> {
    if embedded() {
        return Ok(None);
    }
    match gloo::utils::window().local_storage() {
        Ok(Some(storage)) => Ok(Some(storage)),
        _ => Err(StorageProblem::Blocked),
    }
}

/// What a refused write means: `QuotaExceededError` is a full storage, anything else a
/// blocked one.
fn problem(error: JsValue) -> StorageProblem {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).ok();
    match name.and_then(|n| n.as_string()).as_deref() {
        Some("QuotaExceededError") => StorageProblem::Full,
        _ => StorageProblem::Blocked,
    }
}

/// What the storage holds for podscope at start.
pub fn read_at_start() -> SavedAtStart {
    let storage = match storage() {
        Ok(Some(storage)) => storage,
        Ok(None) => return SavedAtStart::default(),
        Err(p) => {
            return SavedAtStart {
                problem: Some(p),
                ..SavedAtStart::default()
            }
        }
    };
    match (storage.get_item(SESSION_KEY), storage.get_item(KEPT_KEY)) {
        (Ok(session), Ok(kept)) => SavedAtStart {
            session,
            kept,
            problem: None,
        },
        (Err(e), _) | (_, Err(e)) => SavedAtStart {
            problem: Some(problem(e)),
            ..SavedAtStart::default()
        },
    }
}

/// Keeps `raw` (a saved session that could not be restored) under [`SET_ASIDE_KEY`] and
/// removes it from [`SESSION_KEY`]; a storage that refuses keeps what it has.
pub fn set_aside(raw: &str) {
    if let Ok(Some(storage)) = storage() {
        if storage.set_item(SET_ASIDE_KEY, raw).is_ok() {
            let _ = storage.remove_item(SESSION_KEY);
        }
    }
}

/// Writes the session and the one kept one Undo away (removed when there is none).
fn write(session: &str, kept: Option<&str>) -> Result<(), StorageProblem> {
    let Some(storage) = storage()? else {
        return Ok(());
    };
    storage.set_item(SESSION_KEY, session).map_err(problem)?;
    match kept {
        Some(kept) => storage.set_item(KEPT_KEY, kept).map_err(problem),
        None => storage.remove_item(KEPT_KEY).map_err(problem),
    }
}

/// What was written last, so an unchanged session is not written again.
#[derive(Default)]
struct Written {
    session: String,
    kept: Option<String>,
    /// The storage refused once: said in the notice, not said again (later writes still try).
    refused: bool,
}

/// Saves the session whenever what a reload would show changes (playback position once
/// paused, every input, the tour step, the tab, the editor's text, the session kept aside).
/// The first refusal is said in the notice; the app goes on without saving.
#[hook]
pub fn use_session_saving(state: &AppContext) {
    let written: Rc<RefCell<Written>> = use_memo((), |_| RefCell::default());
    let shown = (!state.playback.playing).then_some(state.playback.position);
    let key = (
        (state.version, state.scenario, shown),
        (state.tour.map(|t| t.step), state.open_terminal.clone()),
        (state.what_if.map(|w| w.id), state.manifest_text.clone()),
        state.kept.clone(),
    );
    let state = state.clone();
    use_effect_with(key, move |_| {
        let mut last = written.borrow_mut();
        let session = state.to_saved().to_fragment();
        let kept = state.kept.as_ref().map(|k| k.session.to_fragment());
        if session == last.session && kept == last.kept {
            return;
        }
        match write(&session, kept.as_deref()) {
            Ok(()) => {
                last.session = session;
                last.kept = kept;
            }
            Err(p) if !last.refused => {
                last.refused = true;
                state.dispatch(Action::Notify(p.message().to_string()));
            }
            Err(_) => {}
        }
    });
}
