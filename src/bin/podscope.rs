//! The native command-line face of podscope: the same simulation core, in a terminal.
//!
//! `podscope shell` reads command lines from stdin and prints a transcript; `podscope scenarios`
//! lists the built-in pods.

use podscope::sim::cluster::{render_errors, Cluster};
use podscope::sim::lesson::{self, Lesson, Progress};
use podscope::sim::scenario;
use podscope::sim::transcript::TranscriptRunner;
use std::io::{BufRead, Write};
use std::process::ExitCode;

const HELP: &str = "podscope — a Kubernetes pod, simulated: how its containers talk to each other

Usage:
  podscope shell [--scenario NAME | --manifest FILE] [--container NAME]
                 [--events FILE.jsonl] [--pcap FILE.pcap] [--lesson ID [--seed S]]
      Starts the pod and runs command lines from stdin, one per line, printing
      `$ <line>`, what the terminal shows, and `[exit <status>]` for each.
      `@NAME` switches to container NAME (`@kubectl`: the kubectl terminal);
      a line `^C` is Ctrl-C. Default scenario: shared-volume; default container:
      debian-container. With --lesson, the lesson's tasks are checked after
      every line and a report goes to stderr at the end (exit 1 unless all done).
  podscope lesson ID [--seed S] [--solution]
      Prints a lesson's brief and tasks for a student's seed (or its solution
      script, ready for `podscope shell --lesson ID --seed S`).
  podscope scenarios     list the built-in scenarios
  podscope oembed DIR [--site URL]
      Writes DIR/<scenario>.json, the oEmbed document of each built-in scenario,
      whose iframe loads URL?embed=1&scenario=<id>&height=auto (URL: where the
      site is served, ending in /; default: relative to the page).
  podscope --help        show this help
  podscope --version     show the version
";

/// Options of `podscope shell`.
#[derive(Default)]
struct ShellOptions {
    scenario: Option<String>,
    manifest: Option<String>,
    container: Option<String>,
    events: Option<String>,
    pcap: Option<String>,
    lesson: Option<String>,
    seed: Option<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => {
            println!("podscope {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        None | Some("--help") | Some("-h") | Some("help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("scenarios") => {
            for s in scenario::all() {
                println!("{:<15} {}", s.id, s.title);
            }
            ExitCode::SUCCESS
        }
        Some("lesson") => show_lesson(&args[1..]),
        Some("oembed") => write_oembed(&args[1..]),
        Some("shell") => match parse_shell_options(&args[1..]) {
            Ok(opts) => run_shell(opts),
            Err(message) => usage_error(&message),
        },
        Some(other) => usage_error(&format!("unknown command '{other}'")),
    }
}

/// `podscope oembed DIR [--site URL]`: one oEmbed document per built-in scenario.
fn write_oembed(args: &[String]) -> ExitCode {
    let mut dir = None;
    let mut site = String::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--site" => match it.next() {
                Some(url) => site = url.clone(),
                None => return usage_error("--site needs a URL"),
            },
            _ if dir.is_none() => dir = Some(std::path::PathBuf::from(arg)),
            other => return usage_error(&format!("unexpected argument '{other}'")),
        }
    }
    let Some(dir) = dir else {
        return usage_error("oembed needs the directory to write to");
    };
    if !site.is_empty() && !site.ends_with('/') {
        site.push('/');
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("podscope: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for s in scenario::all() {
        let path = dir.join(format!("{}.json", s.id));
        let doc = podscope::sim::session::embed::oembed(&site, s);
        if let Err(e) = std::fs::write(&path, format!("{doc:#}\n")) {
            eprintln!("podscope: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("podscope: {message}\n\n{HELP}");
    ExitCode::from(2)
}

fn parse_shell_options(args: &[String]) -> Result<ShellOptions, String> {
    let mut opts = ShellOptions::default();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--scenario" => opts.scenario = Some(value()?),
            "--manifest" => opts.manifest = Some(value()?),
            "--container" => opts.container = Some(value()?),
            "--events" => opts.events = Some(value()?),
            "--pcap" => opts.pcap = Some(value()?),
            "--lesson" => opts.lesson = Some(value()?),
            "--seed" => opts.seed = Some(value()?),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    if opts.scenario.is_some() && opts.manifest.is_some() {
        return Err("give --scenario or --manifest, not both".into());
    }
    if opts.seed.is_some() && opts.lesson.is_none() {
        return Err("--seed needs --lesson".into());
    }
    Ok(opts)
}

/// `podscope lesson ID [--seed S] [--solution]`.
fn show_lesson(args: &[String]) -> ExitCode {
    let (mut id, mut seed, mut solution) = (None, String::new(), false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seed" => match it.next() {
                Some(s) => seed = s.clone(),
                None => return usage_error("--seed needs a value"),
            },
            "--solution" => solution = true,
            other if id.is_none() && !other.starts_with('-') => id = Some(other.to_string()),
            other => return usage_error(&format!("unknown option '{other}'")),
        }
    }
    let Some(id) = id else {
        return usage_error(&format!(
            "lesson needs an id ({})",
            lesson::ids().join(", ")
        ));
    };
    match lesson::builtin(&id, &seed) {
        Ok(l) if solution => print!("{}", l.solution_script()),
        Ok(l) => {
            println!("{}\n\n{}\n", l.title, l.brief);
            for (i, t) in l.tasks.iter().enumerate() {
                println!("{}. {}", i + 1, t.title);
            }
        }
        Err(e) => {
            eprintln!("podscope: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// The lesson report `podscope shell --lesson` prints: a line per task, then the score.
fn lesson_report(progress: &Progress) -> String {
    let mut s = String::new();
    for (task, done) in progress.lesson.tasks.iter().zip(progress.done()) {
        s.push_str(&format!(
            "[{}] {}\n",
            if *done { "x" } else { " " },
            task.title
        ));
    }
    let score = progress.score();
    s.push_str(&format!(
        "lesson {}: {}/{} tasks done\n",
        progress.lesson.id, score.raw, score.max
    ));
    if let Some(hint) = progress.hint() {
        s.push_str(&format!("hint: {hint}\n"));
    }
    s
}

fn run_shell(mut opts: ShellOptions) -> ExitCode {
    let lesson: Option<Lesson> = match &opts.lesson {
        Some(id) => match lesson::builtin(id, opts.seed.as_deref().unwrap_or("")) {
            Ok(l) => Some(l),
            Err(e) => {
                eprintln!("podscope: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    if let (Some(l), None, None) = (&lesson, &opts.scenario, &opts.manifest) {
        opts.scenario = Some(l.scenario.clone());
    }
    let mut progress = lesson.map(Progress::new);
    let cluster = match (&opts.manifest, &opts.scenario) {
        (Some(path), _) => match std::fs::read(path) {
            Ok(bytes) => Cluster::with_manifest(&String::from_utf8_lossy(&bytes))
                .map_err(|e| render_errors(&e)),
            Err(e) => Err(format!("cannot read {path}: {e}")),
        },
        (None, scenario) => Cluster::with_scenario(scenario.as_deref().unwrap_or("shared-volume")),
    };
    let mut cluster = match cluster {
        Ok(c) => c,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut runner = TranscriptRunner::new(opts.container.as_deref().unwrap_or("debian-container"));
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    let mut input = stdin.lock();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("podscope: reading stdin: {e}");
                return ExitCode::FAILURE;
            }
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let shown = runner.line(&mut cluster, line);
        if let Some(p) = &mut progress {
            p.observe(&cluster);
        }
        if stdout.write_all(shown.as_bytes()).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if stdout
        .write_all(runner.finish(&mut cluster).as_bytes())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    let _ = stdout.flush();
    if let Some(p) = &mut progress {
        p.observe(&cluster);
        eprint!("{}", lesson_report(p));
    }
    if let Some(path) = &opts.events {
        if let Err(e) = std::fs::write(path, cluster.trace().to_jsonl()) {
            eprintln!("podscope: writing {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Some(path) = &opts.pcap {
        if let Err(e) = std::fs::write(path, cluster.pcap()) {
            eprintln!("podscope: writing {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    match progress {
        Some(p) if !p.complete() => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}
