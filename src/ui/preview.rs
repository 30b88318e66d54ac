//! What a browser pointed at the pod would get for `/`: the sim's nginx answers a `GET /` over
//! its own container's view of the document root. No network events are recorded; this only
//! reads the pod. Pure, so it is tested natively.

use crate::sim::cluster::Cluster;
use crate::sim::http::{parse_request, respond, ParsedRequest};
use crate::sim::pod::FsDocRoot;

/// Largest body shown in the preview; a bigger file is cut (the status line says so).
pub const MAX_PREVIEW_BYTES: usize = 256 * 1024;

/// The browser preview: a status line and the document to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// `HTTP/1.1 200 OK`, or why nothing answers.
    pub status: String,
    /// Whether nginx answered 2xx.
    pub ok: bool,
    /// The body as text (lossy UTF-8), for the sandboxed iframe's `srcdoc`.
    pub body: String,
}

/// nginx's answer to `GET / HTTP/1.1` with `Host: localhost` in the cluster's pod, now.
pub fn preview(cluster: &Cluster) -> Preview {
    let nothing = |status: &str| Preview {
        status: status.to_string(),
        ok: false,
        body: String::new(),
    };
    let Some(pod) = cluster.pod() else {
        return nothing("No pod: nothing listens on localhost:80");
    };
    let server = pod
        .containers
        .iter()
        .find(|c| c.nginx.is_some() && c.state.is_running());
    let Some(server) = server else {
        return nothing("Connection refused: no nginx listens on localhost:80");
    };
    let raw =
        b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: podscope-preview\r\nAccept: */*\r\n\r\n";
    let ParsedRequest::Complete(request, _) = parse_request(raw, "127.0.0.1") else {
        return nothing("The preview's request could not be parsed");
    };
    let docroot = FsDocRoot::new(&pod.fs, &server.spec.name);
    let response = respond(&request, &docroot, cluster.now_ms());
    let body = response
        .body
        .get(..MAX_PREVIEW_BYTES)
        .unwrap_or(&response.body);
    let cut = if body.len() < response.body.len() {
        " (preview cut to 256 KiB)"
    } else {
        ""
    };
    Preview {
        status: format!("HTTP/1.1 {} {}{cut}", response.status, response.reason()),
        ok: (200..300).contains(&response.status),
        body: String::from_utf8_lossy(body).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_volume_is_403_then_the_written_file_is_served() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let p = preview(&c);
        assert_eq!(p.status, "HTTP/1.1 403 Forbidden");
        assert!(p.body.contains("<title>403 Forbidden</title>"));
        c.run_in_container("debian-container", "echo hello > /pod-data/index.html");
        let p = preview(&c);
        assert_eq!(
            (p.status.as_str(), p.body.as_str(), p.ok),
            ("HTTP/1.1 200 OK", "hello\n", true)
        );
    }

    #[test]
    fn localhost_serves_the_image_welcome_page_and_no_pod_means_nothing() {
        let mut c = Cluster::with_scenario("localhost").unwrap();
        assert!(preview(&c).body.contains("Welcome to nginx!"));
        c.delete_pod();
        assert!(!preview(&c).ok);
    }
}
