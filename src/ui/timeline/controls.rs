//! The playback bar: play/pause, step back/forward, reset, speed, and the timeline scrubber.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::shortcut::SHORTCUTS_HELP;

/// The playback speeds offered, slowest first.
pub const SPEEDS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 4.0];

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Whether the playback is running.
    pub playing: bool,
    /// Events shown so far (0 = before the first).
    pub position: usize,
    /// Events in the trace.
    pub len: usize,
    /// Playback speed factor (one of [`SPEEDS`]).
    pub speed: f64,
    /// Play pressed.
    pub onplay: Callback<()>,
    /// Pause pressed.
    pub onpause: Callback<()>,
    /// Step forward pressed.
    pub onstep_forward: Callback<()>,
    /// Step back pressed.
    pub onstep_back: Callback<()>,
    /// Reset pressed.
    pub onreset: Callback<()>,
    /// The scrubber moved to a position (0..=len).
    pub onseek: Callback<usize>,
    /// A speed was picked.
    pub onspeed: Callback<f64>,
    /// Whether presenter mode is on (the last button shows it pressed).
    #[prop_or_default]
    pub presenter: bool,
    /// Presenter mode toggled; no button without it.
    #[prop_or_default]
    pub onpresenter: Option<Callback<()>>,
}

/// Icons as SVG paths on a 16×16 grid (media-symbol glyphs are missing from many fonts).
const ICON_RESET: &str = "M2 3h2v10H2zM14 3v10L5 8z";
const ICON_STEP_BACK: &str = "M11 3v10L3 8zM12 3h2v10h-2z";
const ICON_PLAY: &str = "M4 2v12l10-6z";
const ICON_PAUSE: &str = "M3 2h4v12H3zM9 2h4v12H9z";
const ICON_STEP_FORWARD: &str = "M2 3h2v10H2zM5 3v10l8-5z";
const ICON_PRESENTER: &str = "M1 2h14v9H1zM3 4v5h10V4zM7 11h2v2h3v1H4v-1h3z";

/// The speed in [`SPEEDS`] nearest to `speed`.
fn nearest_speed(speed: f64) -> f64 {
    SPEEDS.iter().copied().fold(1.0, |best, s| {
        if (s - speed).abs() < (best - speed).abs() {
            s
        } else {
            best
        }
    })
}

/// The playback controls.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let button = |testid: &'static str,
                  icon: &'static str,
                  text: &'static str,
                  disabled: bool,
                  cb: &Callback<()>| {
        let onclick = cb.reform(|_: MouseEvent| ());
        html! {
            <button type="button" class={classes!("control", format!("control-{testid}"))}
                data-testid={testid} {disabled} {onclick} aria-label={text} title={text}>
                <svg class="control-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d={icon} />
                </svg>
            </button>
        }
    };
    let onseek = props.onseek.reform(|e: InputEvent| {
        e.target_unchecked_into::<HtmlInputElement>()
            .value()
            .parse::<usize>()
            .unwrap_or(0)
    });
    let onspeed = props.onspeed.reform(|e: Event| {
        e.target_unchecked_into::<HtmlSelectElement>()
            .value()
            .parse::<f64>()
            .unwrap_or(1.0)
    });
    let speed = nearest_speed(props.speed);
    let options = SPEEDS.iter().map(|&s| {
        html! { <option value={s.to_string()} selected={s == speed}>{ format!("{s}×") }</option> }
    });
    let at_start = props.position == 0;
    let at_end = props.position >= props.len;

    html! {
        <div class="controls" role="toolbar" aria-label="Playback" title={SHORTCUTS_HELP}>
            { button("reset", ICON_RESET, "Reset (Home)", false, &props.onreset) }
            { button("step-back", ICON_STEP_BACK, "Step back (←)", at_start, &props.onstep_back) }
            { button("play", ICON_PLAY, "Play (Space)", props.playing, &props.onplay) }
            { button("pause", ICON_PAUSE, "Pause (Space)", !props.playing, &props.onpause) }
            { button("step-forward", ICON_STEP_FORWARD, "Step forward (→)", at_end, &props.onstep_forward) }
            <label class="control-speed">
                <span>{ "Speed" }</span>
                <select data-testid="speed" aria-label="Playback speed" onchange={onspeed}>{ for options }</select>
            </label>
            <input type="range" class="scrubber" aria-label="timeline" min="0"
                max={props.len.to_string()} value={props.position.min(props.len).to_string()}
                aria-valuetext={format!("step {} of {}", props.position, props.len)}
                oninput={onseek} />
            <span class="control-step">
                { format!("step {} of {}", props.position.min(props.len), props.len) }
            </span>
            if let Some(cb) = &props.onpresenter {
                <button type="button" class="control control-presenter" data-testid="presenter"
                    aria-pressed={props.presenter.to_string()}
                    aria-label={if props.presenter { "Leave presenter mode (F)" } else { "Presenter mode (F)" }}
                    title={if props.presenter { "Leave presenter mode (F)" } else { "Presenter mode (F): large type, the diagram, the caption and one terminal" }}
                    onclick={cb.reform(|_: MouseEvent| ())}>
                    <svg class="control-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                        <path d={ICON_PRESENTER} fill-rule="evenodd" />
                    </svg>
                </button>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_speeds_snap_to_an_offered_one() {
        assert_eq!(nearest_speed(1.0), 1.0);
        assert_eq!(nearest_speed(0.3), 0.25);
        assert_eq!(nearest_speed(3.5), 4.0);
        assert_eq!(nearest_speed(100.0), 4.0);
        assert_eq!(nearest_speed(f64::NAN), 1.0);
    }
}
