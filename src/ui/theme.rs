//! The colour theme: the system's choice by default, light or dark when the reader picks one
//! (remembered by the full app, never by an embed) or when the page URL pins it (`theme=`).

/// Where the stored choice lives in localStorage (full app only).
pub const THEME_KEY: &str = "podscope.theme";

/// The page's colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    System,
    /// Light colours whatever the system says.
    Light,
    /// Dark colours whatever the system says.
    Dark,
}

impl Theme {
    /// `system`, `light`, `dark` (the URL's and storage's spelling); anything else is `None`.
    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "system" | "auto" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The spelling `parse` reads back.
    pub fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The next choice of the theme switch: system, light, dark, system…
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The switch's label, written out (the theme is never shown by colour alone).
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }

    /// The value of `<html data-theme>`: none for the system's choice.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            other => Some(other.id()),
        }
    }

    /// The theme a page load starts with: the URL's `theme=` wins, then the stored choice.
    pub fn initial(from_url: Option<&str>, stored: Option<&str>) -> Theme {
        from_url
            .and_then(Theme::parse)
            .or_else(|| stored.and_then(Theme::parse))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Theme;

    #[test]
    fn the_url_pins_the_theme_over_the_stored_choice() {
        assert_eq!(Theme::initial(Some("dark"), Some("light")), Theme::Dark);
        assert_eq!(Theme::initial(Some("bogus"), Some("light")), Theme::Light);
        assert_eq!(Theme::initial(None, None), Theme::System);
    }

    #[test]
    fn the_switch_cycles_through_every_theme_and_names_it() {
        let mut t = Theme::System;
        for _ in 0..3 {
            assert_eq!(Theme::parse(t.id()), Some(t));
            assert!(t.label().ends_with(t.id()));
            t = t.next();
        }
        assert_eq!(t, Theme::System);
        assert_eq!(Theme::Dark.attribute(), Some("dark"));
        assert_eq!(Theme::System.attribute(), None);
    }
}
