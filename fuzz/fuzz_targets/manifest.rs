//! The manifest decoder and `kubectl apply` on any text: a pod or a list of errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podscope::sim::cluster::{render_errors, Cluster};
use podscope::sim::manifest;

fuzz_target!(|yaml: &str| {
    match manifest::parse(yaml) {
        Ok(_) => {
            // A manifest that decodes must also start (or report why not) on a node.
            if let Err(errors) = Cluster::with_manifest(yaml) {
                let _ = render_errors(&errors);
            }
        }
        Err(errors) => {
            let _ = render_errors(&errors);
        }
    }
});
