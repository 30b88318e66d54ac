//! How far behind live the picture is, and the one control that jumps to now.

use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

/// Props of [`LiveStatus`].
#[derive(Properties, PartialEq)]
pub struct LiveStatusProps {
    /// New events play as commands run.
    pub live: bool,
    /// Steps that happened but are not shown yet.
    pub behind: usize,
    /// "Jump to now" pressed.
    pub onjump: Callback<()>,
}

/// What the status line says: caught up, catching up, or held back by the user.
pub fn status_text(live: bool, behind: usize) -> String {
    match (live, behind) {
        (true, 0) => t(Msg::LiveNow).to_string(),
        (true, 1) => t(Msg::LiveBehindOne).to_string(),
        (true, n) => tf(Msg::LiveBehind, &[("count", &n)]),
        (false, 0) => t(Msg::LivePausedNow).to_string(),
        (false, 1) => t(Msg::LivePausedOne).to_string(),
        (false, n) => tf(Msg::LivePaused, &[("count", &n)]),
    }
}

/// The live indicator beside the playback controls.
#[component]
pub fn LiveStatus(props: &LiveStatusProps) -> Html {
    let at_now = props.live && props.behind == 0;
    let onclick = props.onjump.reform(|_: MouseEvent| ());
    html! {
        <span class={classes!("live-status", at_now.then_some("is-now"), (!props.live).then_some("is-held"))}
            data-testid="live-status">
            <span class="live-dot" aria-hidden="true"></span>
            <span data-testid="live-behind" data-behind={props.behind.to_string()}>
                { status_text(props.live, props.behind) }
            </span>
            <button type="button" class="jump-to-now" data-testid="jump-to-now" disabled={at_now}
                {onclick} title={t(Msg::LiveJumpTitle)}>
                { t(Msg::LiveJump) }
            </button>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_far_behind_and_who_holds_it_back() {
        assert_eq!(status_text(true, 0), "Live: showing now");
        assert_eq!(status_text(true, 1), "Live: catching up, 1 step behind");
        assert_eq!(status_text(false, 140), "Paused 140 steps behind live");
        assert_eq!(status_text(false, 0), "Paused at now: new events wait");
    }
}
