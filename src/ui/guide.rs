//! Plays the guided tours and what-ifs of [`crate::anim::tour`] in the app: where a running
//! tour stands, and how one of their actions reaches the cluster and the terminals. The lessons
//! themselves (steps, commands, captions, explanations) are data in `crate::anim::tour` only;
//! this module holds no copy. Pure, so it is tested natively.

use crate::anim::question::Question;
use crate::anim::tour::{tour_for, Action, Step, Tour, WhatIf, WHAT_IFS};
use crate::sim::cluster::{Cluster, Terminal};
use crate::sim::session::{self, Input};
use crate::ui::terminals::{self, Terminals};

/// Where a running tour stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourState {
    /// The tour.
    pub tour: &'static Tour,
    /// Index of the step shown (its action has been performed, unless `asking`).
    pub step: usize,
    /// The step's question is on show and its command waits for the answer.
    pub asking: bool,
}

impl TourState {
    /// The tour of scenario `id` at its first step, if the scenario has a tour.
    pub fn start(id: &str) -> Option<TourState> {
        tour_for(id).map(|tour| TourState {
            tour,
            step: 0,
            asking: false,
        })
    }

    /// The step shown, if the index is in range.
    pub fn current(&self) -> Option<&'static Step> {
        self.tour.steps.get(self.step)
    }

    /// `step 3 of 14`, counted from one as people count.
    pub fn progress(&self) -> String {
        format!(
            "step {} of {}",
            self.step.saturating_add(1),
            self.tour.steps.len()
        )
    }

    /// The question on show, while one waits for its answer.
    pub fn question(&self) -> Option<&'static Question> {
        self.current().filter(|_| self.asking)?.question
    }

    /// Whether the step shown is the first.
    pub fn is_first(&self) -> bool {
        self.step == 0
    }

    /// Whether the step shown is the last.
    pub fn is_last(&self) -> bool {
        self.step.saturating_add(1) >= self.tour.steps.len()
    }
}

/// The what-if called `id`.
pub fn what_if(id: &str) -> Option<&'static WhatIf> {
    WHAT_IFS.iter().find(|w| w.id == id)
}

/// The input a tour or what-if action gives, as if the user had typed it (`None` for a step
/// that only narrates).
pub fn input_for(action: Action) -> Option<Input> {
    match action {
        Action::Run { terminal, line } => Some(Input::Line {
            terminal: Terminal::from_script_name(terminal),
            line: line.to_string(),
        }),
        Action::Restart { container } => Some(Input::Restart {
            container: container.to_string(),
        }),
        Action::Apply { manifest } => Some(Input::Replace {
            manifest: manifest.to_string(),
        }),
        Action::Narrate => None,
    }
}

/// The terminal to bring to the front after `input` (with what it opened, if anything): the
/// one typed into (or the one `kubectl exec -it` opened), or the restarted container's.
pub fn front(input: &Input, opened: Option<Terminal>) -> Option<Terminal> {
    match input {
        Input::Line { terminal, .. } => Some(opened.unwrap_or_else(|| terminal.clone())),
        Input::Restart { container } => Some(Terminal::container(container.clone())),
        _ => None,
    }
}

/// Carries out one tour or what-if action on `cluster` (a command line runs to its end at once),
/// recording what the terminals show as if the user had typed it. Returns the terminal to bring to the front.
pub fn perform(cluster: &mut Cluster, terms: &mut Terminals, action: Action) -> Option<Terminal> {
    let input = input_for(action)?;
    let reply = session::apply(cluster, &input);
    let opened = terminals::show(cluster, terms, &input, &reply);
    session::run_slices(cluster, None, |cluster, id, result| {
        terminals::show_slice(cluster, terms, id, &result);
    });
    terminals::add_missing(cluster, terms);
    front(&input, opened)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anim::tour::{READ_ONLY_MANIFEST, TOURS};

    fn term(name: &str) -> Terminal {
        Terminal::from_script_name(name)
    }

    #[test]
    fn tour_state_counts_steps_from_one_and_knows_its_ends() {
        let t = TourState::start("shared-volume").unwrap();
        assert!(t.is_first() && !t.is_last());
        assert_eq!(t.current(), t.tour.steps.first());
        let n = t.tour.steps.len();
        assert_eq!(t.progress(), format!("step 1 of {n}"));
        let end = TourState { step: n - 1, ..t };
        assert!(end.is_last());
        assert!(TourState { step: n, ..t }.current().is_none());
        assert!(TourState::start("custom").is_none());
        assert_eq!(TOURS.len(), 3);
    }

    #[test]
    fn perform_types_into_the_named_terminal_and_brings_it_forward() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let mut t = Terminals::new();
        let front = perform(
            &mut c,
            &mut t,
            Action::Run {
                terminal: "nginx-container",
                line: "ls -la /usr/share/nginx/html",
            },
        );
        assert_eq!(front, Some(term("nginx-container")));
        let entry = t[&term("nginx-container")].entries.last().unwrap();
        assert_eq!(entry.command, "ls -la /usr/share/nginx/html");
        assert!(entry.output.starts_with("total "), "{}", entry.output);
        assert_eq!(perform(&mut c, &mut t, Action::Narrate), None);
    }

    #[test]
    fn perform_applies_a_variant_and_restarts_a_container() {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        let mut t = Terminals::new();
        let apply = Action::Apply {
            manifest: READ_ONLY_MANIFEST,
        };
        assert_eq!(perform(&mut c, &mut t, apply), None);
        assert!(t.contains_key(&term("debian-container")) && t.contains_key(&term("kubectl")));
        let write = Action::Run {
            terminal: "debian-container",
            line: "echo hi > /pod-data/index.html",
        };
        perform(&mut c, &mut t, write);
        let out = &t[&term("debian-container")].entries.last().unwrap().output;
        assert!(out.contains("Read-only file system"), "{out}");
        let restart = Action::Restart {
            container: "debian-container",
        };
        assert_eq!(
            perform(&mut c, &mut t, restart),
            Some(term("debian-container"))
        );
        assert!(what_if("read-only").is_some() && what_if("nope").is_none());
    }
}
