//! Which terminal action a key press stands for, as readline binds them.

/// A key press the terminal handles itself instead of the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Enter: run the line.
    Run,
    /// ↑: previous history line.
    HistoryPrevious,
    /// ↓: next history line.
    HistoryNext,
    /// Tab: complete.
    Complete,
    /// Ctrl-C: interrupt the running command, or abandon the line.
    Interrupt,
    /// Ctrl-L: clear the screen.
    ClearScreen,
    /// Home or Ctrl-A: caret to the start.
    LineStart,
    /// End or Ctrl-E: caret to the end.
    LineEnd,
    /// Ctrl-U: delete from the start to the caret.
    KillBefore,
    /// Ctrl-K: delete from the caret to the end.
    KillAfter,
    /// Escape: lets the next Tab leave the terminal (keyboard users must never be trapped).
    Escape,
}

/// Modifier keys held with a key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Control.
    pub ctrl: bool,
    /// Alt / Option.
    pub alt: bool,
    /// Meta / Command (left to the browser: Cmd-C must copy on a Mac).
    pub meta: bool,
    /// Shift (Shift-Home selects, so it is left to the browser).
    pub shift: bool,
}

/// The action for `key` (a `KeyboardEvent.key`), or `None` to let the browser handle it.
pub fn action(key: &str, mods: Modifiers) -> Option<KeyAction> {
    if mods.meta || mods.alt {
        return None;
    }
    if mods.ctrl {
        return match key.to_ascii_lowercase().as_str() {
            "c" if !mods.shift => Some(KeyAction::Interrupt),
            "l" if !mods.shift => Some(KeyAction::ClearScreen),
            "a" if !mods.shift => Some(KeyAction::LineStart),
            "e" if !mods.shift => Some(KeyAction::LineEnd),
            "u" if !mods.shift => Some(KeyAction::KillBefore),
            "k" if !mods.shift => Some(KeyAction::KillAfter),
            _ => None,
        };
    }
    match (key, mods.shift) {
        ("Enter", _) => Some(KeyAction::Run),
        ("ArrowUp", false) => Some(KeyAction::HistoryPrevious),
        ("ArrowDown", false) => Some(KeyAction::HistoryNext),
        ("Tab", false) => Some(KeyAction::Complete),
        ("Home", false) => Some(KeyAction::LineStart),
        ("End", false) => Some(KeyAction::LineEnd),
        ("Escape", _) => Some(KeyAction::Escape),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTRL: Modifiers = Modifiers {
        ctrl: true,
        alt: false,
        meta: false,
        shift: false,
    };

    #[test]
    fn readline_bindings() {
        assert_eq!(action("Enter", Modifiers::default()), Some(KeyAction::Run));
        assert_eq!(action("c", CTRL), Some(KeyAction::Interrupt));
        assert_eq!(action("L", CTRL), Some(KeyAction::ClearScreen));
        assert_eq!(
            action("Home", Modifiers::default()),
            Some(KeyAction::LineStart)
        );
        assert_eq!(action("a", CTRL), Some(KeyAction::LineStart));
        assert_eq!(action("x", Modifiers::default()), None);
    }

    #[test]
    fn browser_keeps_its_own_shortcuts() {
        let cmd = Modifiers {
            meta: true,
            ..Modifiers::default()
        };
        let shift = Modifiers {
            shift: true,
            ..Modifiers::default()
        };
        assert_eq!(action("c", cmd), None);
        assert_eq!(action("Home", shift), None);
        assert_eq!(action("Tab", shift), None);
        assert_eq!(action("v", CTRL), None);
    }
}
