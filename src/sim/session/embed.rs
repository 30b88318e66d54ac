//! What an embedded podscope says to the page around it besides the `postMessage` API of
//! [`super::host`], as pure data: its content height in the protocols hosts already speak
//! (Embedly's `iframe.resize`, WordPress' `height` message), and the oEmbed document a site
//! serves for each built-in scenario (`oembed/<id>.json`), which WordPress reads when a podscope
//! link is pasted into a post.

use serde_json::json;

use crate::sim::scenario::Scenario;

/// The frame size an oEmbed document asks for (the host may scale the width down).
pub const OEMBED_WIDTH: u32 = 640;
/// See [`OEMBED_WIDTH`]; the embed then reports its real height (`height=auto`).
pub const OEMBED_HEIGHT: u32 = 460;

/// Embedly's resize message (what Medium and other Embedly hosts listen for): a JSON *string*
/// `{"src": <the frame's address>, "context": "iframe.resize", "height": <px>}`.
pub fn embedly_resize(src: &str, height: u32) -> String {
    json!({ "src": src, "context": "iframe.resize", "height": height }).to_string()
}

/// WordPress' resize message (wp-embed.js, `wp.receiveEmbedMessage`) as JSON: an *object*
/// `{"secret": …, "message": "height", "value": <px>}`, posted only when WordPress gave the frame
/// a secret (`#?secret=…`; see [`super::split_secret`]). WordPress clamps it to 200–1000 px.
pub fn wordpress_height(secret: &str, height: u32) -> String {
    json!({ "secret": secret, "message": "height", "value": height }).to_string()
}

/// The page an embed's frame loads: the app with `embed=1` by default and only the embed's
/// pre-rendered posters, so a blog page of several embeds fetches a small page for each.
pub const EMBED_PAGE: &str = "embed.html";

/// The page of built-in scenario `id`: the full app opened on it, naming its own oEmbed
/// document, so a link to it pasted into WordPress embeds that scenario.
pub fn scenario_page(id: &str) -> String {
    format!("{id}.html")
}

/// The address an embed of `scenario` loads, under the site root `site` (ending in `/`, or
/// empty for a relative address).
pub fn embed_src(site: &str, scenario: &Scenario) -> String {
    format!(
        "{site}{EMBED_PAGE}?embed=1&scenario={}&height=auto",
        scenario.id
    )
}

/// `text` safe inside an HTML attribute value in double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The oEmbed 1.0 document (`type: rich`) for `scenario` on the site at `site`: its `html` is
/// the iframe WordPress puts in the post (it keeps `src`, `width`, `height`, `title` and
/// `frameborder`, adds `sandbox="allow-scripts"` and the secret).
pub fn oembed(site: &str, scenario: &Scenario) -> serde_json::Value {
    let title = format!("podscope: {}", scenario.title);
    let html = format!(
        "<iframe src=\"{}\" width=\"{OEMBED_WIDTH}\" height=\"{OEMBED_HEIGHT}\" title=\"{} \
         (an interactive Kubernetes pod)\" frameborder=\"0\" loading=\"lazy\"></iframe>",
        attribute(&embed_src(site, scenario)),
        attribute(&title),
    );
    json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": "podscope",
        "provider_url": site,
        "html": html,
        "width": OEMBED_WIDTH,
        "height": OEMBED_HEIGHT,
        "cache_age": 86_400,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::scenario;

    #[test]
    fn resize_messages_speak_each_hosts_protocol() {
        let embedly: serde_json::Value =
            serde_json::from_str(&embedly_resize("https://x/?embed=1", 412)).unwrap();
        assert_eq!(
            embedly,
            json!({"src": "https://x/?embed=1", "context": "iframe.resize", "height": 412})
        );
        let wp: serde_json::Value = serde_json::from_str(&wordpress_height("aB3", 300)).unwrap();
        assert_eq!(
            wp,
            json!({"secret": "aB3", "message": "height", "value": 300})
        );
    }

    #[test]
    fn every_scenario_has_an_oembed_document_with_its_iframe() {
        for s in scenario::all() {
            let doc = oembed("https://you.github.io/podscope/", s);
            assert_eq!(doc["version"], "1.0");
            assert_eq!(doc["type"], "rich");
            assert_eq!(doc["width"], OEMBED_WIDTH);
            let html = doc["html"].as_str().unwrap();
            let src = format!(
                "src=\"https://you.github.io/podscope/embed.html?embed=1&amp;scenario={}&amp;height=auto\"",
                s.id
            );
            assert!(
                html.starts_with("<iframe ") && html.contains(&src),
                "{html}"
            );
            assert!(html.contains(s.title), "{html}");
        }
    }

    #[test]
    fn titles_are_escaped_in_the_iframe() {
        let s = Scenario {
            id: "x",
            title: "a \"quoted\" <b>",
            summary: "",
            manifest: "",
        };
        let html = oembed("", &s)["html"].as_str().unwrap().to_string();
        assert!(html.contains("a &quot;quoted&quot; &lt;b&gt;"), "{html}");
    }
}
