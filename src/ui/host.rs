//! Messages to the page that embeds podscope (a course page in an LMS): task progress and
//! score as `postMessage` events. Kept to one small function so the embed API can absorb it.

use wasm_bindgen::JsValue;

use crate::sim::lesson::Progress;

/// The JSON of the `podscope:score` message: the lesson, each task's state, and the score as
/// SCORM/xAPI spell it (`raw`, `max`, `scaled`).
pub fn score_message(progress: &Progress, seed: &str) -> String {
    let tasks: Vec<serde_json::Value> = progress
        .lesson
        .tasks
        .iter()
        .zip(progress.done())
        .map(|(t, done)| serde_json::json!({ "id": t.id, "done": done }))
        .collect();
    serde_json::json!({
        "type": "podscope:score",
        "lesson": progress.lesson.id,
        "seed": seed,
        "tasks": tasks,
        "score": progress.score(),
        "completed": progress.complete(),
    })
    .to_string()
}

/// Posts the lesson's progress to the parent window (when framed) as a parsed object; a page
/// that is not framed posts to itself, harmlessly. Any origin may listen: a score is no secret.
pub fn post_score(progress: &Progress, seed: &str) {
    let window = gloo::utils::window();
    let target = window.parent().ok().flatten().unwrap_or(window);
    let message = js_sys::JSON::parse(&score_message(progress, seed)).unwrap_or(JsValue::NULL);
    let _ = target.post_message(&message, "*");
}
