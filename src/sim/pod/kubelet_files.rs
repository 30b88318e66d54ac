//! Files the kubelet writes into every container, whatever the image: `/etc/hosts` with the pod's
//! IP and name, `/etc/hostname`, and `/etc/resolv.conf`.

use crate::sim::fs::{Fs, NodeContent};
use crate::sim::image;

/// Writes the kubelet's files into a container's root.
pub fn install(fs: &mut Fs, container: &str, pod_name: &str, pod_ip: &str, now_ms: u64) {
    let files = [
        ("/etc/hosts", image::etc_hosts(pod_ip, pod_name)),
        ("/etc/hostname", format!("{pod_name}\n")),
        (
            "/etc/resolv.conf",
            "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"
                .to_string(),
        ),
    ];
    for (path, text) in files {
        // A failure here would mean the image has no /etc at all; the container still runs.
        let _ = fs.install(
            container,
            path,
            NodeContent::File(text.into_bytes()),
            0o644,
            0,
            0,
            now_ms,
        );
    }
}
