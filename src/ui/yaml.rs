//! The manifest parser on demand. With the `lazy-yaml` feature (the app's release build) the
//! YAML parser is a second wasm module, `podscope-yaml`: [`ensure_loaded`] asks the page's
//! loader (`window.podscopeLoadYaml`, in `web/first-screen.js`) to import it, once, and
//! registers it as the simulation's external parser (`sim::manifest::set_external_parser`).
//! Built-in manifests never need it. Without the feature the parser is compiled in and
//! everything here is ready at once.

use yew::prelude::*;

#[cfg(feature = "lazy-yaml")]
mod module {
    use std::cell::{Cell, RefCell};

    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use crate::sim::manifest::{self, ManifestError, PodManifest};

    thread_local! {
        static PARSE: RefCell<Option<Function>> = const { RefCell::new(None) };
        static STARTED: Cell<bool> = const { Cell::new(false) };
        static SETTLED: Cell<bool> = const { Cell::new(false) };
        static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
    }

    /// The module's answer, read back into the simulation's types.
    fn parse(yaml: &str) -> Option<Result<PodManifest, Vec<ManifestError>>> {
        let f = PARSE.with(|p| p.borrow().clone())?;
        let value = f.call1(&JsValue::NULL, &JsValue::from_str(yaml)).ok()?;
        serde_wasm_bindgen::from_value(value).ok()
    }

    /// The page loader's promise of the module's exports.
    fn import() -> Option<Promise> {
        let loader = Reflect::get(&gloo::utils::window(), &"podscopeLoadYaml".into()).ok()?;
        loader
            .dyn_into::<Function>()
            .ok()?
            .call0(&JsValue::NULL)
            .ok()?
            .dyn_into::<Promise>()
            .ok()
    }

    fn settle(exports: Option<JsValue>) {
        let f = exports
            .and_then(|m| Reflect::get(&m, &"parse_manifest".into()).ok())
            .and_then(|f| f.dyn_into::<Function>().ok());
        PARSE.with(|p| *p.borrow_mut() = f);
        // A module that failed to load answers `None`: `load` says so instead of waiting forever.
        manifest::set_external_parser(parse);
        SETTLED.with(|s| s.set(true));
        for done in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
            done();
        }
    }

    pub fn when_loaded(done: Box<dyn FnOnce()>) {
        if SETTLED.with(Cell::get) {
            return done();
        }
        WAITING.with(|w| w.borrow_mut().push(done));
    }

    pub fn ensure_loaded(done: Box<dyn FnOnce()>) {
        when_loaded(done);
        if SETTLED.with(Cell::get) || STARTED.with(|s| s.replace(true)) {
            return;
        }
        match import() {
            Some(promise) => wasm_bindgen_futures::spawn_local(async move {
                settle(wasm_bindgen_futures::JsFuture::from(promise).await.ok());
            }),
            None => settle(None),
        }
    }

    pub fn is_ready() -> bool {
        SETTLED.with(Cell::get)
    }
}

/// Starts loading the parser module if nobody has; `done` runs once it has loaded (or failed:
/// then parsing a manifest that is not built in reports that the parser could not be loaded).
pub fn ensure_loaded(done: impl FnOnce() + 'static) {
    #[cfg(feature = "lazy-yaml")]
    module::ensure_loaded(Box::new(done));
    #[cfg(not(feature = "lazy-yaml"))]
    done();
}

/// Runs `done` once the parser module has loaded (or failed), without starting the load.
pub fn when_loaded(done: impl FnOnce() + 'static) {
    #[cfg(feature = "lazy-yaml")]
    module::when_loaded(Box::new(done));
    #[cfg(not(feature = "lazy-yaml"))]
    done();
}

/// Whether any manifest can be parsed now (not only the built-in ones).
pub fn is_ready() -> bool {
    #[cfg(feature = "lazy-yaml")]
    return module::is_ready();
    #[cfg(not(feature = "lazy-yaml"))]
    true
}

/// Whether the parser module is ready; the calling component re-renders when it becomes ready.
/// Mounting does not start the load (hidden tabs stay mounted): whoever shows the component
/// calls [`ensure_loaded`].
#[hook]
pub fn use_yaml_parser() -> bool {
    let ready = use_state(is_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            if !*ready {
                when_loaded(move || ready.set(true));
            }
        });
    }
    *ready
}
