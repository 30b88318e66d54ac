//! The printable handout of a guided tour: every step's diagram, caption, the command that
//! caused it and what it printed, built by replaying the tour on a fresh pod (the sim is
//! deterministic, so this is the pod the tour shows at each step). Pure: tested natively.

use crate::anim::derive;
use crate::anim::tour::{tour_for, Action, Tour};
use crate::sim::cluster::Cluster;
use crate::sim::transcript::strip_ansi;
use crate::ui::diagram::{scene_model, DiagramModel};
use crate::ui::guide;
use crate::ui::terminals::{self, Terminals};

/// Output lines a handout step keeps (the rest is summarised).
pub const OUTPUT_LINES: usize = 8;

/// One step of the handout.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutStep {
    /// The narration.
    pub caption: &'static str,
    /// `debian-container $ curl localhost`, when the step typed a command.
    pub command: Option<String>,
    /// The first [`OUTPUT_LINES`] lines of what it printed, and how many more there were.
    pub output: (Vec<String>, usize),
    /// The question the step asks first, if any.
    pub question: Option<&'static str>,
    /// The pod after the step.
    pub diagram: DiagramModel,
}

/// The tour of scenario `id` as handout steps; `None` when the scenario has no tour.
pub fn handout(id: &str) -> Option<(&'static Tour, Vec<HandoutStep>)> {
    let tour = tour_for(id)?;
    let mut cluster = Cluster::with_scenario(tour.scenario).ok()?;
    let mut terms: Terminals = terminals::terminal_ids(&cluster)
        .into_iter()
        .map(|t| (t, Default::default()))
        .collect();
    let steps = tour
        .steps
        .iter()
        .map(|step| {
            let front = guide::perform(&mut cluster, &mut terms, step.action);
            let command = match step.action {
                Action::Run { terminal, line } => Some(format!("{terminal} $ {line}")),
                _ => None,
            };
            let printed = match (step.action, front) {
                (Action::Run { .. }, Some(t)) => terms
                    .get(&t)
                    .and_then(|t| t.entries.last())
                    .map(|e| strip_ansi(&e.output))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let lines: Vec<String> = printed.lines().map(str::to_string).collect();
            let more = lines.len().saturating_sub(OUTPUT_LINES);
            let events = cluster.trace().events();
            HandoutStep {
                caption: step.caption,
                command,
                output: (lines.into_iter().take(OUTPUT_LINES).collect(), more),
                question: step.question.map(|q| q.prompt),
                diagram: scene_model(&derive(events), None),
            }
        })
        .collect();
    Some((tour, steps))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tour_has_a_handout_step_per_tour_step() {
        for tour in crate::anim::tour::TOURS {
            let (t, steps) = handout(tour.scenario).expect("a handout");
            assert_eq!(steps.len(), t.steps.len());
            assert!(steps.iter().all(|s| !s.diagram.containers.is_empty()));
        }
        let (_, steps) = handout("shared-volume").expect("handout");
        let forbidden = steps
            .iter()
            .find(|s| s.output.0.iter().any(|l| l.contains("403 Forbidden")))
            .expect("the 403 step");
        assert_eq!(
            forbidden.command.as_deref(),
            Some("debian-container $ curl localhost")
        );
        assert!(forbidden.question.is_some());
        assert!(handout("custom").is_none());
    }
}
