//! The page's URL parameters (`?embed=1&scenario=localhost&view=diagram…`), read once at start
//! into [`PageParams`]. Pure: the web glue hands over the decoded pairs (`URLSearchParams`),
//! so every rule here is tested natively. A bad value is ignored with a warning that names it.

use crate::ui::scenarios::ScenarioId;

/// What the embed shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The diagram beside the terminals (the full app's layout).
    #[default]
    Split,
    /// The pod diagram, its caption and controls only.
    Diagram,
    /// The terminals only.
    Terminal,
}

/// The colour scheme asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Light, whatever the system says.
    Light,
    /// Dark, whatever the system says.
    Dark,
}

impl Theme {
    /// The value of `<html data-theme>` (none for auto).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// Every parameter the page understands; see the README's "Embedding" for each.
#[derive(Clone, Debug, PartialEq)]
pub struct PageParams {
    /// `embed=1`: the embed layout (no header, nothing stored in the browser).
    pub embed: bool,
    /// `scenario=`: the built-in scenario to open.
    pub scenario: Option<ScenarioId>,
    /// `view=diagram|terminal|split`.
    pub view: View,
    /// `controls=0` hides the playback controls.
    pub controls: bool,
    /// `step=N`: the playback position to start at (0 = before the first event).
    pub step: Option<usize>,
    /// `from=`: the first step the controls may show.
    pub from: Option<usize>,
    /// `to=`: the last step the controls may show.
    pub to: Option<usize>,
    /// `loop=1`: playing past `to` starts again at `from`.
    pub looping: bool,
    /// `tour=NAME`: start the tour of that scenario.
    pub tour: Option<String>,
    /// `autoplay=1`: play once the frame is visible (not with reduced motion).
    pub autoplay: bool,
    /// `speed=` 0.25–4.
    pub speed: Option<f64>,
    /// `theme=auto|light|dark`.
    pub theme: Theme,
    /// `links=0`: no links out of the frame.
    pub links: bool,
    /// `origin=`: the only origin whose `postMessage` commands are obeyed and to which events
    /// and height messages are posted.
    pub origin: Option<String>,
    /// `height=auto`: the embed takes the height its content needs (and reports it) instead of
    /// filling its frame.
    pub auto_height: bool,
    /// What was ignored, and why.
    pub warnings: Vec<String>,
}

impl Default for PageParams {
    fn default() -> Self {
        PageParams {
            embed: false,
            scenario: None,
            view: View::Split,
            controls: true,
            step: None,
            from: None,
            to: None,
            looping: false,
            tour: None,
            autoplay: false,
            speed: None,
            theme: Theme::Auto,
            links: true,
            origin: None,
            auto_height: false,
            warnings: Vec::new(),
        }
    }
}

/// Longest step number accepted.
const MAX_STEP: usize = 1_000_000;

impl PageParams {
    /// Reads decoded `(name, value)` pairs; unknown names are left alone (`secret=` is
    /// WordPress').
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> PageParams {
        let mut p = PageParams::default();
        for (name, value) in pairs {
            p.set(name, value);
        }
        if let (Some(from), Some(to)) = (p.from, p.to) {
            if from > to {
                p.warn("from", &from.to_string(), "it is after to=");
                p.from = None;
                p.to = None;
            }
        }
        p
    }

    /// Takes one parameter.
    fn set(&mut self, name: &str, value: &str) {
        let flag = match value {
            "1" | "true" | "yes" => Some(true),
            "0" | "false" | "no" => Some(false),
            _ => None,
        };
        let number = || value.parse::<usize>().ok().filter(|&n| n <= MAX_STEP);
        let ok = match name {
            "embed" => flag.map(|f| self.embed = f),
            "controls" => flag.map(|f| self.controls = f),
            "loop" => flag.map(|f| self.looping = f),
            "autoplay" => flag.map(|f| self.autoplay = f),
            "links" => flag.map(|f| self.links = f),
            "height" => match value {
                "auto" => Some(true),
                "fill" => Some(false),
                _ => None,
            }
            .map(|auto| self.auto_height = auto),
            "scenario" => ScenarioId::from_id(value)
                .filter(|s| *s != ScenarioId::Custom)
                .map(|s| self.scenario = Some(s)),
            "view" => match value {
                "split" => Some(View::Split),
                "diagram" => Some(View::Diagram),
                "terminal" => Some(View::Terminal),
                _ => None,
            }
            .map(|v| self.view = v),
            "theme" => match value {
                "auto" => Some(Theme::Auto),
                "light" => Some(Theme::Light),
                "dark" => Some(Theme::Dark),
                _ => None,
            }
            .map(|t| self.theme = t),
            "step" => number().map(|n| self.step = Some(n)),
            "from" => number().map(|n| self.from = Some(n)),
            "to" => number().map(|n| self.to = Some(n)),
            "speed" => value
                .parse::<f64>()
                .ok()
                .filter(|s| (0.25..=4.0).contains(s))
                .map(|s| self.speed = Some(s)),
            "tour" => crate::anim::tour::tour_for(value).map(|_| self.tour = Some(value.into())),
            "origin" => valid_origin(value).then(|| self.origin = Some(value.into())),
            // web/start.js acts on it before the app runs; here it is only checked.
            "load" => matches!(value, "lazy" | "click" | "eager").then_some(()),
            _ => Some(()),
        };
        if ok.is_none() {
            self.warn(name, value, "not a value it takes");
        }
    }

    /// Notes an ignored parameter.
    fn warn(&mut self, name: &str, value: &str, why: &str) {
        let shown: String = value.chars().take(40).filter(|c| !c.is_control()).collect();
        self.warnings.push(format!(
            "{name}={shown} was ignored: {why} (see the README)"
        ));
    }

    /// Clamps a playback position into `from`..=`to`.
    pub fn clamp(&self, position: usize) -> usize {
        let low = self.from.unwrap_or(0);
        let high = self.to.unwrap_or(usize::MAX).max(low);
        position.clamp(low, high)
    }

    /// Whether `from=` or `to=` locks the steps shown.
    pub fn is_locked(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The parameters an "Open in podscope" link or a Share link keeps: everything but the
    /// embed layout's own (`embed`, `view`, `controls`, `links`, `load`, `origin`).
    pub fn scenario_query(scenario: ScenarioId) -> String {
        match scenario {
            ScenarioId::Custom => String::new(),
            s => format!("?scenario={}", s.id()),
        }
    }
}

/// `https://host[:port]` with nothing after it.
fn valid_origin(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    rest.is_some_and(|host| {
        let host = host.trim_end_matches('/');
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_read() {
        let p = PageParams::parse([
            ("embed", "1"),
            ("scenario", "localhost"),
            ("view", "diagram"),
            ("controls", "0"),
            ("step", "3"),
            ("from", "2"),
            ("to", "9"),
            ("loop", "1"),
            ("tour", "shared-volume"),
            ("autoplay", "1"),
            ("speed", "2"),
            ("theme", "dark"),
            ("links", "0"),
            ("origin", "https://blog.example"),
            ("height", "auto"),
            ("load", "lazy"),
            ("secret", "abc"),
        ]);
        assert!(p.embed && !p.controls && p.looping && p.autoplay && !p.links && p.auto_height);
        assert_eq!(p.scenario, Some(ScenarioId::Localhost));
        assert_eq!(p.view, View::Diagram);
        assert_eq!((p.step, p.from, p.to), (Some(3), Some(2), Some(9)));
        assert_eq!(p.tour.as_deref(), Some("shared-volume"));
        assert_eq!(p.speed, Some(2.0));
        assert_eq!(p.theme.attribute(), Some("dark"));
        assert_eq!(p.origin.as_deref(), Some("https://blog.example"));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!((p.clamp(0), p.clamp(5), p.clamp(50)), (2, 5, 9));
        assert!(p.is_locked());
    }

    #[test]
    fn bad_values_are_ignored_with_a_warning_naming_them() {
        let p = PageParams::parse([
            ("view", "3d"),
            ("step", "-1"),
            ("speed", "100"),
            ("scenario", "custom"),
            ("tour", "nope"),
            ("origin", "javascript:alert(1)"),
            ("load", "later"),
            ("from", "9"),
            ("to", "2"),
        ]);
        assert_eq!(
            p,
            PageParams {
                warnings: p.warnings.clone(),
                ..PageParams::default()
            }
        );
        assert_eq!(p.warnings.len(), 8, "{:?}", p.warnings);
        assert!(p.warnings[0].starts_with("view=3d was ignored"));
        assert_eq!(p.clamp(7), 7);
    }
}
