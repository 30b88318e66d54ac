//! The embed's postMessage decoder on any text a host page can send: a `HostMessage` or a
//! typed `HostMessageError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podscope::sim::session::HostMessage;

fuzz_target!(|text: &str| {
    let _ = HostMessage::parse(text);
});
