//! Keyboard shortcuts of the playback controls. The App listens for keys; this maps them.

/// What a control (or its shortcut) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlAction {
    /// Play if paused, pause if playing.
    PlayPause,
    /// Show one more event.
    StepForward,
    /// Show one event fewer.
    StepBack,
    /// Back to before the first event.
    Reset,
}

/// The shortcuts as the controls' tooltip lists them.
pub const SHORTCUTS_HELP: &str =
    "Keyboard: Space = play/pause, → = step forward, ← = step back, Home = reset";

/// The action for a `KeyboardEvent.key` value, if it is a shortcut. The App should ignore keys
/// typed into inputs and terminals.
pub fn shortcut(key: &str) -> Option<ControlAction> {
    match key {
        " " | "Spacebar" => Some(ControlAction::PlayPause),
        "ArrowRight" | "Right" => Some(ControlAction::StepForward),
        "ArrowLeft" | "Left" => Some(ControlAction::StepBack),
        "Home" => Some(ControlAction::Reset),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_as_the_tooltip_says() {
        assert_eq!(shortcut(" "), Some(ControlAction::PlayPause));
        assert_eq!(shortcut("ArrowRight"), Some(ControlAction::StepForward));
        assert_eq!(shortcut("ArrowLeft"), Some(ControlAction::StepBack));
        assert_eq!(shortcut("Home"), Some(ControlAction::Reset));
        assert_eq!(shortcut("a"), None);
        assert_eq!(shortcut("Enter"), None);
        assert!(SHORTCUTS_HELP.contains("Space") && SHORTCUTS_HELP.contains("Home"));
    }
}
