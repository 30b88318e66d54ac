//! Terminal output text to styled lines: SGR escapes become [`Style`]s, everything else a
//! terminal would not print is dropped.
//!
//! Programs write bytes for a VT100-like terminal. We honour what changes how text looks in
//! podscope's programs: SGR `0` (reset), `1` (bold), `22` (normal intensity), `30`–`37` and
//! `90`–`97` (foreground), `39` (default foreground), `40`–`47`, `100`–`107` and `49` (background), plus carriage return and backspace, which
//! move the cursor so that later text overwrites earlier text on the same line (curl's progress
//! meter relies on `\r`). Every other escape sequence (other CSI, OSC, two-byte ESC) and every
//! other control character is removed. The result is plain data; the view turns it into text
//! nodes, so nothing here is ever interpreted as HTML.

/// The eight ANSI colours, in SGR order (`30 + index`).
const COLOUR_NAMES: [&str; 8] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
];

/// A foreground colour set by SGR `30`–`37` (normal) or `90`–`97` (bright).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    /// 0 = black … 7 = white.
    pub index: u8,
    /// Set by the `9x` codes.
    pub bright: bool,
}

impl Colour {
    /// The colour's name as the CSS class spells it, e.g. `red` or `bright-red`.
    pub fn name(self) -> String {
        let base = COLOUR_NAMES
            .get(usize::from(self.index))
            .copied()
            .unwrap_or("white");
        if self.bright {
            format!("bright-{base}")
        } else {
            base.to_string()
        }
    }
}

/// How a run of text looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// SGR 1 (until 22 or 0).
    pub bold: bool,
    /// SGR 3x/9x; `None` is the terminal's default colour.
    pub fg: Option<Colour>,
    /// SGR 4x/10x (`ls` paints sticky world-writable directories such as `/tmp` black on green).
    pub bg: Option<Colour>,
}

impl Style {
    /// CSS classes for this style (`ansi-bold`, `ansi-red`, `ansi-bright-blue`, `ansi-bg-green`);
    /// empty when plain.
    pub fn classes(self) -> Vec<String> {
        let mut out = Vec::new();
        if self.bold {
            out.push("ansi-bold".to_string());
        }
        if let Some(fg) = self.fg {
            out.push(format!("ansi-{}", fg.name()));
        }
        if let Some(bg) = self.bg {
            out.push(format!("ansi-bg-{}", bg.name()));
        }
        out
    }

    /// Applies one SGR parameter list (the text between `ESC [` and `m`).
    fn apply_sgr(&mut self, params: &str) {
        let mut codes = params.split(';');
        while let Some(code) = codes.next() {
            // Colon forms (`38:5:196`) carry their arguments inside one parameter: ignore whole.
            if code.contains(':') {
                continue;
            }
            let value = if code.is_empty() {
                Some(0)
            } else {
                code.parse::<u16>().ok()
            };
            match value {
                Some(0) => *self = Style::default(),
                Some(1) => self.bold = true,
                Some(22) => self.bold = false,
                Some(n @ 30..=37) => self.fg = Some(colour(n, 30, false)),
                Some(n @ 90..=97) => self.fg = Some(colour(n, 90, true)),
                Some(39) => self.fg = None,
                Some(n @ 40..=47) => self.bg = Some(colour(n, 40, false)),
                Some(n @ 100..=107) => self.bg = Some(colour(n, 100, true)),
                Some(49) => self.bg = None,
                // Extended colours: skip their arguments so they are not read as codes.
                Some(38 | 48 | 58) => {
                    let skip = match codes.next() {
                        Some("5") => 1,
                        Some("2") => 3,
                        _ => 0,
                    };
                    for _ in 0..skip {
                        codes.next();
                    }
                }
                _ => {}
            }
        }
    }
}

fn colour(code: u16, base: u16, bright: bool) -> Colour {
    let index = u8::try_from(code.saturating_sub(base)).unwrap_or(7);
    Colour { index, bright }
}

/// A run of characters in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The characters (no control characters, no newline).
    pub text: String,
    /// Their look.
    pub style: Style,
}

/// One line of output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    /// The line's runs, adjacent runs always differing in style.
    pub spans: Vec<Span>,
    /// Whether a `\n` ended the line (false only for a last line the program left open).
    pub ended: bool,
}

/// Where the escape-sequence scanner is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Ground,
    Escape,
    Csi,
    Osc,
    OscEscape,
}

/// The line being built: one cell per column, so `\r` and backspace can overwrite.
#[derive(Default)]
struct LineCells {
    cells: Vec<(char, Style)>,
    col: usize,
}

impl LineCells {
    fn put(&mut self, c: char, style: Style) {
        match self.cells.get_mut(self.col) {
            Some(cell) => *cell = (c, style),
            None => self.cells.push((c, style)),
        }
        self.col = self.col.saturating_add(1);
    }

    fn finish(&mut self, ended: bool) -> Line {
        let mut spans: Vec<Span> = Vec::new();
        for (c, style) in self.cells.drain(..) {
            match spans.last_mut() {
                Some(last) if last.style == style => last.text.push(c),
                _ => spans.push(Span {
                    text: c.to_string(),
                    style,
                }),
            }
        }
        self.col = 0;
        Line { spans, ended }
    }
}

/// Number of lines [`parse`] returns for `text`: one per `\n`, plus an unterminated last line.
pub fn line_count(text: &str) -> usize {
    let newlines = text.bytes().filter(|&b| b == b'\n').count();
    if text.is_empty() || text.ends_with('\n') {
        newlines
    } else {
        newlines.saturating_add(1)
    }
}

/// Parses `text` into styled lines, dropping the first `skip` lines unbuilt (their escapes still
/// set the style, so the first kept line looks as it would on a real terminal).
pub fn parse(text: &str, skip: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current = LineCells::default();
    let mut style = Style::default();
    let mut mode = Mode::Ground;
    let mut params = String::new();
    let mut line_no: usize = 0;
    for c in text.chars() {
        let keep = line_no >= skip;
        match mode {
            Mode::Ground => match c {
                '\u{1b}' => mode = Mode::Escape,
                '\n' => {
                    if keep {
                        lines.push(current.finish(true));
                    }
                    line_no = line_no.saturating_add(1);
                }
                '\r' => current.col = 0,
                '\u{8}' => current.col = current.col.saturating_sub(1),
                '\t' if keep => current.put(c, style),
                c if c.is_control() => {}
                c if keep => current.put(c, style),
                _ => {}
            },
            Mode::Escape => match c {
                '[' => {
                    params.clear();
                    mode = Mode::Csi;
                }
                ']' => mode = Mode::Osc,
                // Intermediate bytes: the sequence goes on to one final byte.
                '\u{20}'..='\u{2f}' => {}
                _ => mode = Mode::Ground,
            },
            Mode::Csi => match c {
                '\u{40}'..='\u{7e}' => {
                    let plain_sgr = c == 'm'
                        && params
                            .chars()
                            .all(|p| p.is_ascii_digit() || p == ';' || p == ':');
                    if plain_sgr {
                        style.apply_sgr(&params);
                    }
                    mode = Mode::Ground;
                }
                '\u{20}'..='\u{3f}' => {
                    if params.len() < 256 {
                        params.push(c);
                    }
                }
                // A control character aborts the sequence, as on a VT100.
                _ => mode = Mode::Ground,
            },
            Mode::Osc => match c {
                '\u{7}' => mode = Mode::Ground,
                '\u{1b}' => mode = Mode::OscEscape,
                _ => {}
            },
            Mode::OscEscape => mode = if c == '\\' { Mode::Ground } else { Mode::Osc },
        }
    }
    if !text.is_empty() && !text.ends_with('\n') && line_no >= skip {
        lines.push(current.finish(false));
    }
    lines
}

/// `text` as the user sees it, without styles: what the Copy button puts on the clipboard.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in parse(text, 0) {
        for span in &line.spans {
            out.push_str(&span.text);
        }
        if line.ended {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &Line) -> Vec<(&str, Style)> {
        line.spans
            .iter()
            .map(|s| (s.text.as_str(), s.style))
            .collect()
    }

    const BOLD: Style = Style {
        bold: true,
        fg: None,
        bg: None,
    };

    #[test]
    fn bold_and_reset_make_three_spans() {
        let lines = parse("a\x1b[1mb\x1b[0mc\n", 0);
        assert_eq!(lines.len(), 1);
        assert_eq!(
            texts(&lines[0]),
            vec![
                ("a", Style::default()),
                ("b", BOLD),
                ("c", Style::default())
            ]
        );
        assert!(lines[0].ended);
    }

    #[test]
    fn colours_normal_bright_and_default() {
        let lines = parse("\x1b[31mr\x1b[94mb\x1b[39md", 0);
        let red = Colour {
            index: 1,
            bright: false,
        };
        let blue = Colour {
            index: 4,
            bright: true,
        };
        let got = texts(&lines[0]);
        assert_eq!(
            got[0],
            (
                "r",
                Style {
                    bold: false,
                    fg: Some(red),
                    bg: None,
                }
            )
        );
        assert_eq!(
            got[1],
            (
                "b",
                Style {
                    bold: false,
                    fg: Some(blue),
                    bg: None,
                }
            )
        );
        assert_eq!(got[2], ("d", Style::default()));
        assert_eq!(
            Style {
                bold: true,
                fg: Some(blue),
                bg: Some(red)
            }
            .classes(),
            vec!["ansi-bold", "ansi-bright-blue", "ansi-bg-red"]
        );
    }

    #[test]
    fn background_as_ls_paints_tmp() {
        let lines = parse("\x1b[30;42mtmp\x1b[0m\x1b[49mx", 0);
        let style = lines[0].spans[0].style;
        assert_eq!(style.classes(), vec!["ansi-black", "ansi-bg-green"]);
        assert_eq!(lines[0].spans[1].style, Style::default());
    }

    #[test]
    fn twenty_two_ends_bold_and_empty_sgr_resets() {
        let lines = parse("\x1b[1;32mx\x1b[22my\x1b[mz", 0);
        let green = Some(Colour {
            index: 2,
            bright: false,
        });
        assert_eq!(
            texts(&lines[0]),
            vec![
                (
                    "x",
                    Style {
                        bold: true,
                        fg: green,
                        bg: None,
                    }
                ),
                (
                    "y",
                    Style {
                        bold: false,
                        fg: green,
                        bg: None,
                    }
                ),
                ("z", Style::default())
            ]
        );
    }

    #[test]
    fn extended_colour_arguments_are_not_read_as_codes() {
        // 38;5;31 is palette colour 31, not red; in 38;2;1;31;1 the 31 is green's level; the last 1 is bold.
        let lines = parse("\x1b[38;5;31mx\x1b[38;2;1;31;1;1my", 0);
        assert_eq!(texts(&lines[0]), vec![("x", Style::default()), ("y", BOLD)]);
    }

    #[test]
    fn other_escapes_and_controls_are_stripped() {
        let text = "\x1b[2J\x1b[?25la\x1b]0;title\x07b\x1b]8;;x\x1b\\c\x1b(Bd\x07e\x1b[4mf\n";
        assert_eq!(plain(text), "abcdef\n");
        let lines = parse(text, 0);
        assert!(lines[0].spans.iter().all(|s| s.style == Style::default()));
    }

    #[test]
    fn html_is_just_text() {
        assert_eq!(plain("<b>hi</b> &amp;\n"), "<b>hi</b> &amp;\n");
    }

    #[test]
    fn carriage_return_overwrites_like_a_terminal() {
        assert_eq!(plain("  0%\r100%\n"), "100%\n");
        assert_eq!(plain("abcdef\rXY\n"), "XYcdef\n");
        assert_eq!(plain("ab\x08C\n"), "aC\n");
        assert_eq!(plain("crlf\r\n"), "crlf\n");
    }

    #[test]
    fn skip_drops_lines_but_keeps_their_style() {
        let text = "one\n\x1b[1mtwo\nthree\nfour";
        assert_eq!(line_count(text), 4);
        let lines = parse(text, 2);
        assert_eq!(lines.len(), 2);
        assert_eq!(texts(&lines[0]), vec![("three", BOLD)]);
        assert!(!lines[1].ended);
        assert_eq!(line_count(""), 0);
        assert_eq!(line_count("a\n"), 1);
        assert_eq!(parse("a\n", 0).len(), 1);
    }

    #[test]
    fn unicode_survives() {
        assert_eq!(plain("→ ünïcødé ✓\n"), "→ ünïcødé ✓\n");
    }
}
