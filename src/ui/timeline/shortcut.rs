//! The page's keyboard shortcuts: which key does what, and the list the `?` dialog shows. The
//! App listens on the whole document and asks [`shortcut`]; keys typed into a terminal, an
//! editor or any other text field never reach it ([`typing_target`]).

/// What a shortcut (or a playback control) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlAction {
    /// Play if paused, pause if playing.
    PlayPause,
    /// Show one more event.
    StepForward,
    /// Show one event fewer.
    StepBack,
    /// The first step (nothing shown yet).
    First,
    /// The last step (every event shown).
    Last,
    /// The Reset button: back to before the first event, paused.
    Reset,
    /// Presenter mode on or off.
    Presenter,
    /// The guided tour's next step (starts the tour if none runs).
    NextTourStep,
    /// The list of shortcuts.
    Help,
}

/// Every shortcut as the `?` dialog lists it: keys, then what they do.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Space", "Play / pause"),
    ("← / →", "Step back / forward"),
    ("Home / End", "First / last step"),
    ("R", "Reset the playback"),
    ("T", "Next step of the guided tour"),
    ("F", "Presenter mode on / off"),
    ("?", "Show these shortcuts"),
];

/// The shortcuts as the controls' tooltip lists them.
pub const SHORTCUTS_HELP: &str =
    "Keyboard: Space = play/pause, ← → = step, Home/End = first/last, R = reset, ? = all shortcuts";

/// The action for a `KeyboardEvent.key` value, if it is a shortcut. Keys held with Ctrl, Alt
/// or Meta are the browser's (`ctrl_alt_meta`), never ours.
pub fn shortcut(key: &str, ctrl_alt_meta: bool) -> Option<ControlAction> {
    if ctrl_alt_meta {
        return None;
    }
    match key {
        " " | "Spacebar" => Some(ControlAction::PlayPause),
        "ArrowRight" | "Right" => Some(ControlAction::StepForward),
        "ArrowLeft" | "Left" => Some(ControlAction::StepBack),
        "Home" => Some(ControlAction::First),
        "End" => Some(ControlAction::Last),
        "r" | "R" => Some(ControlAction::Reset),
        "f" | "F" => Some(ControlAction::Presenter),
        "t" | "T" => Some(ControlAction::NextTourStep),
        "?" => Some(ControlAction::Help),
        _ => None,
    }
}

/// Whether a key pressed with focus on an element with this tag (`INPUT`, `TEXTAREA`, …),
/// `contenteditable` flag and ancestry (`in_terminal`: inside a terminal) is typing, which
/// shortcuts must leave alone. Buttons and the page itself are not typing; a range slider or
/// a select keeps its own arrow keys.
pub fn typing_target(tag: &str, editable: bool, in_terminal: bool) -> bool {
    in_terminal || editable || matches!(tag, "INPUT" | "TEXTAREA" | "SELECT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_as_the_dialog_says() {
        assert_eq!(shortcut(" ", false), Some(ControlAction::PlayPause));
        assert_eq!(
            shortcut("ArrowRight", false),
            Some(ControlAction::StepForward)
        );
        assert_eq!(shortcut("ArrowLeft", false), Some(ControlAction::StepBack));
        assert_eq!(shortcut("Home", false), Some(ControlAction::First));
        assert_eq!(shortcut("End", false), Some(ControlAction::Last));
        assert_eq!(shortcut("r", false), Some(ControlAction::Reset));
        assert_eq!(shortcut("F", false), Some(ControlAction::Presenter));
        assert_eq!(shortcut("t", false), Some(ControlAction::NextTourStep));
        assert_eq!(shortcut("?", false), Some(ControlAction::Help));
        assert_eq!(shortcut("r", true), None);
        assert_eq!(shortcut("a", false), None);
        assert_eq!(shortcut("Enter", false), None);
        assert_eq!(SHORTCUTS.len(), 7);
        assert!(SHORTCUTS_HELP.contains("Space") && SHORTCUTS_HELP.contains("Home"));
    }

    #[test]
    fn typing_is_left_alone() {
        assert!(typing_target("INPUT", false, true));
        assert!(typing_target("TEXTAREA", false, false));
        assert!(typing_target("DIV", true, false));
        assert!(typing_target("SPAN", false, true));
        assert!(!typing_target("BUTTON", false, false));
        assert!(!typing_target("BODY", false, false));
    }
}
