//! Which event categories the event list shows.

use crate::i18n::Msg;

/// One switch per event category; all on by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filters {
    /// Files and volumes (`file`).
    pub file: bool,
    /// TCP sockets and segments (`tcp`).
    pub tcp: bool,
    /// HTTP requests, responses, access logs (`http`).
    pub http: bool,
    /// Commands and processes (`process`).
    pub process: bool,
    /// Pods, containers, images, volumes (`k8s`).
    pub k8s: bool,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            file: true,
            tcp: true,
            http: true,
            process: true,
            k8s: true,
        }
    }
}

impl Filters {
    /// The filter chips in display order: category (`data-kind`) and button label.
    pub const CHIPS: [(&'static str, Msg); 5] = [
        ("file", Msg::EventsKindFile),
        ("tcp", Msg::EventsKindTcp),
        ("http", Msg::EventsKindHttp),
        ("process", Msg::EventsKindProcess),
        ("k8s", Msg::EventsKindK8s),
    ];

    /// Whether events of category `kind` are shown (unknown categories always are).
    pub fn shows(&self, kind: &str) -> bool {
        match kind {
            "file" => self.file,
            "tcp" => self.tcp,
            "http" => self.http,
            "process" => self.process,
            "k8s" => self.k8s,
            _ => true,
        }
    }

    /// The same filters with category `kind` switched the other way.
    pub fn toggled(self, kind: &str) -> Filters {
        let mut f = self;
        match kind {
            "file" => f.file = !f.file,
            "tcp" => f.tcp = !f.tcp,
            "http" => f.http = !f.http,
            "process" => f.process = !f.process,
            "k8s" => f.k8s = !f.k8s,
            _ => {}
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_twice_restores_and_touches_one_category() {
        let f = Filters::default().toggled("tcp");
        assert!(!f.shows("tcp"));
        assert!(f.shows("http") && f.shows("file") && f.shows("process") && f.shows("k8s"));
        assert_eq!(f.toggled("tcp"), Filters::default());
        assert_eq!(Filters::default().toggled("nonsense"), Filters::default());
    }

    #[test]
    fn every_chip_names_a_category_the_filters_know() {
        for (kind, _) in Filters::CHIPS {
            assert_ne!(
                Filters::default().toggled(kind),
                Filters::default(),
                "{kind}"
            );
        }
    }
}
