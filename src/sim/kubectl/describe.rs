use super::PodView;
/// placeholder
pub fn describe_pod(_pod: &PodView, _now_ms: u64) -> String { String::new() }
