//! The `<iframe>` snippet the Embed dialog writes: the link to this state with the embed's
//! parameters the writer chose, a title, `loading="lazy"`, the full width and a height that fits
//! the view. Pure (the dialog hands over the link), so every rule is tested natively.

use crate::i18n::{tf, Msg};
use crate::sim::session::embed::EMBED_PAGE;
use crate::ui::params::{Theme, View};

/// When the embed's app starts (`load=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Load {
    /// A poster until the frame is scrolled into view (the default).
    #[default]
    Lazy,
    /// A poster with a Start button.
    Click,
    /// At once.
    Eager,
}

impl Load {
    /// Every choice with its value and label, in the dialog's order.
    pub const ALL: [(Load, &'static str, Msg); 3] = [
        (Load::Lazy, "lazy", Msg::EmbedLoadLazy),
        (Load::Click, "click", Msg::EmbedLoadClick),
        (Load::Eager, "eager", Msg::EmbedLoadEager),
    ];

    /// The value of `load=`.
    pub fn id(self) -> &'static str {
        Load::ALL
            .iter()
            .find(|(l, ..)| *l == self)
            .map_or("lazy", |(_, id, _)| id)
    }

    /// The choice whose value is `id` (lazy for anything else).
    pub fn from_id(id: &str) -> Load {
        Load::ALL
            .iter()
            .find(|(_, v, _)| *v == id)
            .map_or(Load::Lazy, |(l, ..)| *l)
    }
}

/// What the writer chose in the Embed dialog.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmbedOptions {
    /// `view=`.
    pub view: View,
    /// `controls=0` when false.
    pub controls: bool,
    /// `load=`.
    pub load: Load,
    /// `autoplay=1`.
    pub autoplay: bool,
    /// `theme=`.
    pub theme: Theme,
    /// `links=0` when false.
    pub links: bool,
    /// `step=N`: open at the step shown now rather than the end.
    pub at_step: Option<usize>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            view: View::Split,
            controls: true,
            load: Load::Lazy,
            autoplay: false,
            theme: Theme::Auto,
            links: true,
            at_step: None,
        }
    }
}

impl EmbedOptions {
    /// The frame height that shows the view whole at common blog widths (CSS pixels).
    pub fn height(&self) -> u32 {
        match self.view {
            View::Split => 460,
            View::Diagram => 400,
            View::Terminal => 360,
        }
    }

    /// The embed's own parameters, as `name=value` pairs (defaults left out).
    fn pairs(&self) -> Vec<String> {
        let mut pairs = vec!["embed=1".to_string()];
        match self.view {
            View::Split => {}
            View::Diagram => pairs.push("view=diagram".into()),
            View::Terminal => pairs.push("view=terminal".into()),
        }
        if !self.controls {
            pairs.push("controls=0".into());
        }
        if self.load != Load::Lazy {
            pairs.push(format!("load={}", self.load.id()));
        }
        if self.autoplay {
            pairs.push("autoplay=1".into());
        }
        if let Some(theme) = self.theme.attribute() {
            pairs.push(format!("theme={theme}"));
        }
        if !self.links {
            pairs.push("links=0".into());
        }
        if let Some(step) = self.at_step {
            pairs.push(format!("step={step}"));
        }
        pairs
    }

    /// The frame's address: `link` (the full app at this state, `…/localhost.html?scenario=…#v1.…`)
    /// on the embed's own page ([`EMBED_PAGE`], beside the app's) with the embed's parameters
    /// added to its query, its fragment kept.
    pub fn src(&self, link: &str) -> String {
        let (base, fragment) = link
            .split_once('#')
            .map_or((link, None), |(b, f)| (b, Some(f)));
        let (page, query) = base
            .split_once('?')
            .map_or((base, None), |(p, q)| (p, Some(q)));
        let mut src = format!("{}{EMBED_PAGE}?", folder_of(page));
        if let Some(query) = query.filter(|q| !q.is_empty()) {
            src.push_str(query);
            src.push('&');
        }
        src.push_str(&self.pairs().join("&"));
        if let Some(fragment) = fragment {
            src.push('#');
            src.push_str(fragment);
        }
        src
    }

    /// The `<iframe>` element for `link`, titled after the scenario `title` in the interface
    /// language (the reader's screen reader announces it).
    pub fn snippet(&self, link: &str, title: &str) -> String {
        let frame_title = tf(Msg::EmbedFrameTitle, &[("scenario", &title)]);
        format!(
            "<iframe src=\"{}\" title=\"{}\" \
             loading=\"lazy\" width=\"100%\" height=\"{}\" style=\"border:0;max-width:960px\" \
             allow=\"clipboard-write\"></iframe>",
            attribute(&self.src(link)),
            attribute(&frame_title),
            self.height()
        )
    }
}

/// The folder of page address `page` with its final `/` (`https://x.dev/p/` of
/// `https://x.dev/p/localhost.html`; `https://x.dev/` of `https://x.dev`).
fn folder_of(page: &str) -> String {
    let path_start = page.find("://").map_or(0, |i| i + 3);
    match page[path_start..].rfind('/') {
        Some(slash) => page[..path_start + slash + 1].to_string(),
        None => format!("{page}/"),
    }
}

/// `text` escaped for a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_snippet_is_a_lazy_split_embed_of_the_link() {
        let snippet = EmbedOptions::default().snippet(
            "https://x.dev/p/localhost.html?scenario=localhost",
            "Localhost",
        );
        assert_eq!(
            snippet,
            "<iframe src=\"https://x.dev/p/embed.html?scenario=localhost&amp;embed=1\" \
             title=\"podscope: Localhost (an interactive Kubernetes pod)\" loading=\"lazy\" \
             width=\"100%\" height=\"460\" style=\"border:0;max-width:960px\" \
             allow=\"clipboard-write\"></iframe>"
        );
    }

    #[test]
    fn every_choice_is_a_parameter_and_the_fragment_stays_last() {
        let options = EmbedOptions {
            view: View::Diagram,
            controls: false,
            load: Load::Click,
            autoplay: true,
            theme: Theme::Dark,
            links: false,
            at_step: Some(4),
        };
        assert_eq!(
            options.src("https://x.dev/shared-volume.html?scenario=shared-volume#v1.abc"),
            "https://x.dev/embed.html?scenario=shared-volume&embed=1&view=diagram&controls=0&load=click\
             &autoplay=1&theme=dark&links=0&step=4#v1.abc"
        );
        assert_eq!(options.height(), 400);
        assert_eq!(
            EmbedOptions::default().src("https://x.dev/"),
            "https://x.dev/embed.html?embed=1"
        );
        assert_eq!(
            EmbedOptions::default().src("https://x.dev"),
            "https://x.dev/embed.html?embed=1"
        );
        assert_eq!(
            EmbedOptions::default().src("https://x.dev/blog/demos/index.html?#v1.x"),
            "https://x.dev/blog/demos/embed.html?embed=1#v1.x"
        );
    }

    #[test]
    fn a_title_cannot_break_out_of_its_attribute() {
        let snippet = EmbedOptions::default().snippet("https://x.dev/", "a\"><script>");
        assert!(snippet.contains("title=\"podscope: a&quot;&gt;&lt;script&gt; (an"));
    }

    #[test]
    fn load_values_round_trip() {
        for (load, id, _) in Load::ALL {
            assert_eq!(Load::from_id(id), load);
            assert_eq!(load.id(), id);
        }
        assert_eq!(Load::from_id("later"), Load::Lazy);
    }
}
