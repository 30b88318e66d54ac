//! Files the kubelet writes into every container, whatever the image: `/etc/hosts` with the pod's
//! IP and name, `/etc/hostname`, and `/etc/resolv.conf`.

use crate::sim::fs::{Fs, NodeContent};

/// The kubelet-managed `/etc/hosts` of a pod.
pub fn hosts_file(pod_name: &str, pod_ip: &str) -> String {
    format!(
        "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n\
         fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n\
         {pod_ip}\t{pod_name}\n"
    )
}

/// Writes the kubelet's files into a container's root.
pub fn install(fs: &mut Fs, container: &str, pod_name: &str, pod_ip: &str, now_ms: u64) {
    let files = [
        ("/etc/hosts", hosts_file(pod_name, pod_ip)),
        ("/etc/hostname", format!("{pod_name}\n")),
        (
            "/etc/resolv.conf",
            "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"
                .to_string(),
        ),
    ];
    for (path, text) in files {
        // A failure here would mean the image has no /etc at all; the container still runs.
        let _ = fs.install(container, path, NodeContent::File(text.into_bytes()), 0o644, 0, 0, now_ms);
    }
}
