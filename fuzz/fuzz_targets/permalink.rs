//! The permalink decoder on any fragment a link can carry: a session or a typed
//! `SessionError`, never a panic; a session that decodes encodes again to one that decodes
//! to itself, and replays (bounded by the codec's caps).
#![no_main]

use libfuzzer_sys::fuzz_target;
use podscope::sim::session::Session;

fuzz_target!(|fragment: &str| {
    if let Ok(session) = Session::from_fragment(fragment) {
        let again = Session::from_fragment(&session.to_fragment());
        assert_eq!(again.as_ref().ok(), Some(&session));
        if session.inputs.len() <= 8 {
            let _ = session.replay();
        }
    }
});
