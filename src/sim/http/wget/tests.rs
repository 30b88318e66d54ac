use super::*;

fn argv(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn tutorial_options_parse() {
    let o = parse(&argv(&["wget", "-qO-", "localhost"]), Flavour::Busybox).unwrap();
    assert!(o.quiet);
    assert_eq!(o.output.as_deref(), Some("-"));
    assert_eq!(o.urls, ["localhost"]);
    let o = parse(&argv(&["wget", "-q", "-O", "a.html", "x"]), Flavour::Gnu).unwrap();
    assert_eq!(o.output.as_deref(), Some("a.html"));
    let o = parse(&argv(&["wget", "-T", "2", "x"]), Flavour::Gnu).unwrap();
    assert_eq!(o.timeout_ms, Some(2000));
}

#[test]
fn unsimulated_options_say_so_in_one_line() {
    let e = parse(&argv(&["wget", "--spider", "x"]), Flavour::Busybox).unwrap_err();
    assert_eq!(e.lines().count(), 1);
    assert!(e.contains("not simulated"));
    let e = parse(&argv(&["wget", "-O"]), Flavour::Busybox).unwrap_err();
    assert!(e.starts_with("wget: option requires an argument -- 'O'\nBusyBox v1.35.0"));
}
