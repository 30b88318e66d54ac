//! What a browser pointed at the pod would get for `/`: the pod's nginx answers a `GET /` over
//! its own container's view of the document root, now. No network events are recorded; this
//! only reads the pod. The web app's Browser tab shows it as it is.

use super::Cluster;
use crate::sim::http::{parse_request, respond, ParsedRequest};
use crate::sim::pod::FsDocRoot;

/// Largest body shown in the preview; a bigger file is cut (the status line says so).
pub const MAX_PREVIEW_BYTES: usize = 256 * 1024;

/// The request the preview makes, as a browser's would look on the wire.
const PREVIEW_REQUEST: &[u8] =
    b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: podscope-preview\r\nAccept: */*\r\n\r\n";

/// The browser preview: a status line and the document to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// `HTTP/1.1 200 OK`, or why nothing answers.
    pub status: String,
    /// Whether nginx answered 2xx.
    pub ok: bool,
    /// The body as text (lossy UTF-8), for a sandboxed iframe's `srcdoc`.
    pub body: String,
}

impl Preview {
    /// No answer, and why.
    fn nothing(status: &str) -> Preview {
        Preview {
            status: status.to_string(),
            ok: false,
            body: String::new(),
        }
    }
}

impl Cluster {
    /// nginx's answer to `GET / HTTP/1.1` with `Host: localhost` in the pod, now: from the
    /// container whose nginx runs at this time (none while it is still being created).
    pub fn browser_preview(&self) -> Preview {
        let Some(pod) = self.pod.as_ref() else {
            return Preview::nothing("No pod: nothing listens on localhost:80");
        };
        let server = pod
            .containers
            .iter()
            .find(|c| c.nginx.is_some() && pod.state_at(c, self.now_ms).is_running());
        let Some(server) = server else {
            return Preview::nothing("Connection refused: no nginx listens on localhost:80");
        };
        let ParsedRequest::Complete(request, _) = parse_request(PREVIEW_REQUEST, "127.0.0.1")
        else {
            return Preview::nothing("The preview's request could not be parsed");
        };
        let docroot = FsDocRoot::new(&pod.fs, &server.spec.name);
        let response = respond(&request, &docroot, self.now_ms);
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_volume_is_403_then_the_written_file_is_served() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let p = c.browser_preview();
        assert_eq!(p.status, "HTTP/1.1 403 Forbidden");
        assert!(p.body.contains("<title>403 Forbidden</title>"));
        c.run_in_container("debian-container", "echo hello > /pod-data/index.html");
        let p = c.browser_preview();
        assert_eq!(
            (p.status.as_str(), p.body.as_str(), p.ok),
            ("HTTP/1.1 200 OK", "hello\n", true)
        );
    }

    #[test]
    fn localhost_serves_the_image_welcome_page_and_no_pod_means_nothing() {
        let mut c = Cluster::with_scenario("localhost").unwrap();
        assert!(c.browser_preview().body.contains("Welcome to nginx!"));
        c.delete_pod();
        assert!(!c.browser_preview().ok);
    }

    #[test]
    fn nothing_is_served_while_nginx_is_still_being_created() {
        let mut c = Cluster::new();
        let manifest = crate::sim::scenario::by_id("localhost").unwrap().manifest;
        c.apply(manifest).unwrap();
        let p = c.browser_preview();
        assert!(!p.ok, "{p:?}");
        assert!(p.status.starts_with("Connection refused"), "{p:?}");
        c.settle();
        assert!(c.browser_preview().ok);
    }
}
