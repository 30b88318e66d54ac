//! Running a parsed sed program over input lines: the pattern and hold spaces, ranges, the
//! append queue and GNU's handling of a last line without a newline.

use super::parse::{Addr, Command, End, Op, Piece, Subst};
use regex_lite::Regex;
use std::collections::BTreeMap;

/// One input line: its text and whether a newline ended it.
pub(super) type Line = (String, bool);

/// Where a range command stands.
#[derive(Debug, Clone, Default)]
struct Range {
    active: bool,
    end_line: usize,
}

/// The state of one sed run (one stream, or one file with `-i`/`-s`).
pub(super) struct Machine<'p> {
    prog: &'p [Command],
    labels: &'p BTreeMap<String, usize>,
    quiet: bool,
    ranges: Vec<Range>,
    last_re: Option<Regex>,
    hold: String,
    /// Lines read so far (line numbers run on across files unless `-s`/`-i`).
    pub line_no: usize,
    /// What the program printed.
    pub out: String,
    missing_newline: bool,
    appended: String,
    /// Files written by `w` (name → text).
    pub writes: BTreeMap<String, String>,
    /// `q`/`Q` ran with this exit code.
    pub quit: Option<i32>,
    /// Contents of files for `r` (name → text); missing files read as nothing.
    pub read_file: &'p dyn Fn(&str) -> Option<String>,
    /// The name `F` prints.
    pub file_name: String,
}

/// How a cycle ends.
enum Next {
    /// Autoprint (unless `-n`) and read the next line.
    Cycle,
    /// No autoprint (`d`, `c`).
    Delete,
    /// `D` with a newline left: run again on what remains, without reading.
    Restart,
    /// Stop reading input (`q`, `Q`, `n`/`N` at the end).
    Stop { print: bool },
}

impl<'p> Machine<'p> {
    /// A machine for `prog`.
    pub fn new(
        prog: &'p [Command],
        labels: &'p BTreeMap<String, usize>,
        quiet: bool,
        read_file: &'p dyn Fn(&str) -> Option<String>,
    ) -> Self {
        Machine {
            prog,
            labels,
            quiet,
            ranges: vec![Range::default(); prog.len()],
            last_re: None,
            hold: String::new(),
            line_no: 0,
            out: String::new(),
            missing_newline: false,
            appended: String::new(),
            writes: BTreeMap::new(),
            quit: None,
            read_file,
            file_name: "-".into(),
        }
    }

    /// Runs the program over `lines`.
    pub fn run(&mut self, lines: &[Line]) {
        let mut idx = 0;
        let mut ps = String::new();
        let mut has_newline = true;
        let mut restart = false;
        while self.quit.is_none() {
            if !restart {
                let Some((text, nl)) = lines.get(idx) else {
                    break;
                };
                idx += 1;
                self.line_no += 1;
                ps.clone_from(text);
                has_newline = *nl;
            }
            restart = false;
            let next = self.cycle(&mut ps, &mut has_newline, lines, &mut idx);
            match next {
                Next::Cycle => self.end_cycle(&ps, has_newline, !self.quiet),
                Next::Delete => self.end_cycle(&ps, has_newline, false),
                Next::Restart => {
                    self.end_cycle(&ps, has_newline, false);
                    restart = true;
                }
                Next::Stop { print } => {
                    self.end_cycle(&ps, has_newline, print && !self.quiet);
                    break;
                }
            }
        }
    }

    fn end_cycle(&mut self, ps: &str, has_newline: bool, print: bool) {
        if print {
            self.emit(ps, has_newline);
        }
        let appended = std::mem::take(&mut self.appended);
        if !appended.is_empty() {
            self.emit_raw(&appended);
        }
    }

    /// Writes pattern-space text, fixing up a previous line that lacked its newline.
    fn emit(&mut self, text: &str, newline: bool) {
        if self.missing_newline {
            self.out.push('\n');
        }
        self.out.push_str(text);
        if newline {
            self.out.push('\n');
        }
        self.missing_newline = !newline;
    }

    /// Writes text that always ends in a newline (`i`, `a`, `=`, `l`).
    fn emit_raw(&mut self, text: &str) {
        if self.missing_newline {
            self.out.push('\n');
            self.missing_newline = false;
        }
        self.out.push_str(text);
    }

    fn cycle(
        &mut self,
        ps: &mut String,
        has_newline: &mut bool,
        lines: &[Line],
        idx: &mut usize,
    ) -> Next {
        let mut pc = 0;
        let mut replaced = false;
        while let Some(cmd) = self.prog.get(pc) {
            let is_last = *idx >= lines.len();
            if !self.selects(pc, cmd, ps, is_last) {
                pc = match cmd.op {
                    Op::Block(end) => end + 1,
                    _ => pc + 1,
                };
                continue;
            }
            pc += 1;
            match &cmd.op {
                Op::Block(_) | Op::EndBlock | Op::Label(_) => {}
                Op::Subst(s) => {
                    if self.substitute(s, ps) {
                        replaced = true;
                        if s.print {
                            self.emit(ps, true);
                        }
                        if let Some(file) = &s.write {
                            self.write_to(file, ps);
                        }
                    }
                }
                Op::Translit(map) => {
                    *ps = ps
                        .chars()
                        .map(|c| map.iter().find(|(f, _)| *f == c).map_or(c, |(_, t)| *t))
                        .collect();
                }
                Op::Simple(c) => match c {
                    'p' => self.emit(ps, true),
                    'P' => {
                        let first = ps.split('\n').next().unwrap_or_default().to_string();
                        self.emit(&first, true);
                    }
                    'd' => return Next::Delete,
                    'D' => match ps.find('\n') {
                        None => return Next::Delete,
                        Some(i) => {
                            ps.replace_range(..=i, "");
                            return Next::Restart;
                        }
                    },
                    'n' | 'N' => {
                        let Some((text, nl)) = lines.get(*idx) else {
                            return Next::Stop {
                                print: *c == 'N' || !self.quiet,
                            };
                        };
                        if *c == 'n' {
                            if !self.quiet {
                                self.emit(ps, *has_newline);
                            }
                            ps.clone_from(text);
                        } else {
                            ps.push('\n');
                            ps.push_str(text);
                        }
                        *has_newline = *nl;
                        *idx += 1;
                        self.line_no += 1;
                    }
                    'h' => self.hold.clone_from(ps),
                    'H' => {
                        self.hold.push('\n');
                        self.hold.push_str(ps);
                    }
                    'g' => ps.clone_from(&self.hold),
                    'G' => {
                        ps.push('\n');
                        ps.push_str(&self.hold);
                    }
                    'x' => std::mem::swap(ps, &mut self.hold),
                    '=' => self.emit_raw(&format!("{}\n", self.line_no)),
                    'l' => self.emit_raw(&list(ps)),
                    'z' => ps.clear(),
                    'F' => self.emit_raw(&format!("{}\n", self.file_name)),
                    _ => {}
                },
                Op::Quit(c, code) => {
                    self.quit = Some(*code);
                    return Next::Stop { print: *c == 'q' };
                }
                Op::Text('a', text) => {
                    self.appended.push_str(text);
                    self.appended.push('\n');
                }
                Op::Text('i', text) => self.emit_raw(&format!("{text}\n")),
                Op::Text(_, text) => {
                    let in_range = cmd.a2.is_some() && !cmd.negate;
                    if !in_range || !self.ranges.get(pc - 1).is_some_and(|r| r.active) {
                        self.emit_raw(&format!("{text}\n"));
                    }
                    return Next::Delete;
                }
                Op::Jump(kind, label) => {
                    let jump = match kind {
                        't' => std::mem::take(&mut replaced),
                        'T' => !std::mem::take(&mut replaced),
                        _ => true,
                    };
                    if jump {
                        pc = match label {
                            Some(l) => self.labels.get(l).copied().unwrap_or(self.prog.len()),
                            None => self.prog.len(),
                        };
                    }
                }
                Op::File('r', name) => {
                    if let Some(text) = (self.read_file)(name) {
                        self.appended.push_str(&text);
                        if !text.is_empty() && !text.ends_with('\n') {
                            self.appended.push('\n');
                        }
                    }
                }
                Op::File(_, name) => self.write_to(name, &ps.clone()),
            }
        }
        Next::Cycle
    }

    fn write_to(&mut self, file: &str, text: &str) {
        if file == "/dev/stdout" {
            self.emit(text, true);
            return;
        }
        let buf = self.writes.entry(file.to_string()).or_default();
        buf.push_str(text);
        buf.push('\n');
    }

    /// Whether `cmd` (at `pc`) applies to this line, advancing its range.
    fn selects(&mut self, pc: usize, cmd: &Command, ps: &str, is_last: bool) -> bool {
        let Some(a1) = &cmd.a1 else {
            return !cmd.negate;
        };
        let hit = match &cmd.a2 {
            None => self.addr(a1, ps, is_last),
            Some(end) => self.range(pc, a1, end, ps, is_last),
        };
        hit != cmd.negate
    }

    fn range(&mut self, pc: usize, a1: &Addr, end: &End, ps: &str, is_last: bool) -> bool {
        let line = self.line_no;
        let active = self.ranges.get(pc).is_some_and(|r| r.active);
        if !active {
            if !self.addr(a1, ps, is_last) {
                return false;
            }
            let (stays, end_line) = match end {
                End::Addr(Addr::Line(n)) => (*n > line, *n),
                End::Addr(Addr::Last) => (!is_last, 0),
                End::Addr(_) => (true, 0),
                End::Plus(n) => (*n > 0, line + n),
                End::Multiple(n) => (*n > 0 && line % n != 0, 0),
            };
            if let Some(r) = self.ranges.get_mut(pc) {
                r.active = stays;
                r.end_line = end_line;
            }
            return true;
        }
        let closes = match end {
            End::Addr(Addr::Line(_)) | End::Plus(_) => {
                line >= self.ranges.get(pc).map_or(0, |r| r.end_line)
            }
            End::Addr(a) => self.addr(a, ps, is_last),
            End::Multiple(n) => *n == 0 || line % n == 0,
        };
        if closes {
            if let Some(r) = self.ranges.get_mut(pc) {
                r.active = false;
            }
        }
        true
    }

    fn addr(&mut self, a: &Addr, ps: &str, is_last: bool) -> bool {
        match a {
            Addr::Line(n) => self.line_no == *n,
            Addr::Last => is_last,
            Addr::Step(first, 0) => self.line_no == *first,
            Addr::Step(first, step) => self.line_no >= *first && (self.line_no - first) % step == 0,
            Addr::Regex(re) => {
                if let Some(re) = re {
                    self.last_re = Some(re.clone());
                }
                self.last_re.as_ref().is_some_and(|re| re.is_match(ps))
            }
        }
    }

    /// Applies `s`; true when something was replaced.
    fn substitute(&mut self, s: &Subst, ps: &mut String) -> bool {
        if let Some(re) = &s.re {
            self.last_re = Some(re.clone());
        }
        let Some(re) = self.last_re.clone() else {
            return false;
        };
        let mut out = String::with_capacity(ps.len());
        let mut last = 0;
        let mut count = 0;
        let mut any = false;
        for caps in re.captures_iter(ps) {
            let Some(m) = caps.get(0) else { continue };
            count += 1;
            if count < s.nth || (any && !s.global) {
                continue;
            }
            out.push_str(ps.get(last..m.start()).unwrap_or_default());
            for piece in &s.pieces {
                match piece {
                    Piece::Text(t) => out.push_str(t),
                    Piece::Group(g) => out.push_str(caps.get(*g).map_or("", |m| m.as_str())),
                }
            }
            last = m.end();
            any = true;
        }
        if any {
            out.push_str(ps.get(last..).unwrap_or_default());
            *ps = out;
        }
        any
    }
}

/// `l`: the pattern space with escapes, folded at 69 characters plus `\`, ending in `$`.
fn list(ps: &str) -> String {
    let mut pieces = Vec::new();
    for b in ps.bytes() {
        pieces.push(match b {
            b'\\' => "\\\\".to_string(),
            0x07 => "\\a".into(),
            0x08 => "\\b".into(),
            0x0c => "\\f".into(),
            b'\n' => "\\n".into(),
            b'\r' => "\\r".into(),
            b'\t' => "\\t".into(),
            0x0b => "\\v".into(),
            b if (0x20..0x7f).contains(&b) => (b as char).to_string(),
            b => format!("\\{b:03o}"),
        });
    }
    let mut out = String::new();
    let mut width = 0;
    for p in pieces {
        if width + p.len() > 69 {
            out.push_str("\\\n");
            width = 0;
        }
        width += p.len();
        out.push_str(&p);
    }
    out.push_str("$\n");
    out
}
