//! Predict, then reveal: a tour step can first ask what its command will print. The answer is
//! checked against the command's real output (never against a stored copy of it), and the
//! explanation is shown once the answer is in.

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Multiple choice: each option's label and a text that the real output contains exactly
    /// when that option is right.
    Choice(&'static [(&'static str, &'static str)]),
    /// A short answer: right when it equals the real output's word number `token` (counted
    /// from 0, words split at whitespace).
    Short {
        /// Which word of the output is the answer.
        token: usize,
    },
}

/// A question asked before a tour step's command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// What is asked.
    pub prompt: &'static str,
    /// How it is answered.
    pub answer: Answer,
    /// Why the output is what it is, shown after the answer.
    pub explanation: &'static str,
}

/// What the student answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// The index of the option picked.
    Option(usize),
    /// The text typed.
    Text(String),
    /// Nothing: Next was pressed without answering.
    Skipped,
}

impl Question {
    /// The right answer as the real `output` shows it: the label of the option whose text it
    /// contains, or the word it holds at the asked position.
    pub fn right_answer(&self, output: &str) -> Option<String> {
        match self.answer {
            Answer::Choice(options) => options
                .iter()
                .find(|(_, needle)| output.contains(needle))
                .map(|(label, _)| label.to_string()),
            Answer::Short { token } => output.split_whitespace().nth(token).map(str::to_string),
        }
    }

    /// Whether `given` is right for the real `output`.
    pub fn is_right(&self, given: &Given, output: &str) -> bool {
        let Some(right) = self.right_answer(output) else {
            return false;
        };
        match (given, self.answer) {
            (Given::Option(i), Answer::Choice(options)) => {
                options.get(*i).is_some_and(|(label, _)| *label == right)
            }
            (Given::Text(text), Answer::Short { .. }) => text.trim() == right,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHOICE: Question = Question {
        prompt: "What will curl print?",
        answer: Answer::Choice(&[("A welcome page", "Welcome"), ("403", "403 Forbidden")]),
        explanation: "…",
    };

    #[test]
    fn a_choice_is_right_when_the_output_contains_its_text() {
        let out = "<html><head><title>403 Forbidden</title>";
        assert_eq!(CHOICE.right_answer(out).as_deref(), Some("403"));
        assert!(CHOICE.is_right(&Given::Option(1), out));
        assert!(!CHOICE.is_right(&Given::Option(0), out));
        assert!(!CHOICE.is_right(&Given::Option(7), out));
        assert!(!CHOICE.is_right(&Given::Skipped, out));
        assert!(!CHOICE.is_right(&Given::Option(0), "nothing matches"));
    }

    #[test]
    fn a_short_answer_is_the_outputs_word() {
        let q = Question {
            answer: Answer::Short { token: 0 },
            ..CHOICE
        };
        let out = " 262147 index.html\n";
        assert!(q.is_right(&Given::Text(" 262147 ".into()), out));
        assert!(!q.is_right(&Given::Text("index.html".into()), out));
        assert!(!q.is_right(&Given::Option(0), out));
        assert_eq!(q.right_answer("").as_deref(), None);
    }
}
