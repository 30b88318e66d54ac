//! The tours' and what-ifs' text in the language in force: English lives in the data
//! ([`super::tour`]); other languages come from the catalogue under keys derived from the data
//! (`data.tour.<scenario>.<step>`, `data.question.<scenario>.<step>.prompt`,
//! `data.whatif.<id>.title`). What a
//! step types, and the tokens an answer is matched against, stay as they are: they are commands
//! and real program output.

use std::borrow::Cow;

use super::question::Answer;
use super::tour::{Tour, WhatIf, TOURS, WHAT_IFS};
use crate::i18n::content;

impl Tour {
    /// The title.
    pub fn title_text(&self) -> Cow<'static, str> {
        content(&format!("data.tour.{}.title", self.scenario), self.title)
    }

    /// The narration of step `index` (from 0).
    pub fn caption_text(&self, index: usize) -> Cow<'static, str> {
        let english = self.steps.get(index).map_or("", |s| s.caption);
        content(
            &format!("data.tour.{}.{}", self.scenario, index + 1),
            english,
        )
    }

    /// The question of step `index`, if it asks one.
    pub fn prompt_text(&self, index: usize) -> Option<Cow<'static, str>> {
        let q = self.steps.get(index)?.question?;
        Some(content(&self.question_key(index, "prompt"), q.prompt))
    }

    /// What the answer to step `index`'s question explains ("" without a question).
    pub fn explanation_text(&self, index: usize) -> Cow<'static, str> {
        let english = self
            .steps
            .get(index)
            .and_then(|s| s.question)
            .map_or("", |q| q.explanation);
        content(&self.question_key(index, "explanation"), english)
    }

    /// The labels of step `index`'s choices (none for a short answer or no question).
    pub fn choice_texts(&self, index: usize) -> Vec<Cow<'static, str>> {
        match self
            .steps
            .get(index)
            .and_then(|s| s.question)
            .map(|q| q.answer)
        {
            Some(Answer::Choice(options)) => options
                .iter()
                .enumerate()
                .map(|(i, (label, _))| {
                    content(
                        &self.question_key(index, &format!("choice-{}", i + 1)),
                        label,
                    )
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn question_key(&self, index: usize, part: &str) -> String {
        format!("data.question.{}.{}.{part}", self.scenario, index + 1)
    }
}

impl WhatIf {
    /// The button's label.
    pub fn title_text(&self) -> Cow<'static, str> {
        content(&format!("data.whatif.{}.title", self.id), self.title)
    }

    /// What it shows, and why.
    pub fn explanation_text(&self) -> Cow<'static, str> {
        content(
            &format!("data.whatif.{}.explanation", self.id),
            self.explanation,
        )
    }
}

/// Every catalogue key the tours and what-ifs look up (each needs a text in every language
/// but English).
pub fn content_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for tour in TOURS {
        keys.push(format!("data.tour.{}.title", tour.scenario));
        for (i, step) in tour.steps.iter().enumerate() {
            keys.push(format!("data.tour.{}.{}", tour.scenario, i + 1));
            if let Some(q) = step.question {
                keys.push(tour.question_key(i, "prompt"));
                keys.push(tour.question_key(i, "explanation"));
                if let Answer::Choice(options) = q.answer {
                    for c in 1..=options.len() {
                        keys.push(tour.question_key(i, &format!("choice-{c}")));
                    }
                }
            }
        }
    }
    for w in WHAT_IFS {
        keys.push(format!("data.whatif.{}.title", w.id));
        keys.push(format!("data.whatif.{}.explanation", w.id));
    }
    keys
}
