//! Table tests: a line in, the terminal text and status out, against an in-memory host. Every
//! expected text was checked against bash 5.2.15 on Debian 12 (`bash -c`, minus `line 1: `).

use super::*;
use std::collections::{BTreeMap, BTreeSet};

/// An in-memory container: files, directories, and a few programs.
#[derive(Default)]
struct FakeHost {
    files: BTreeMap<String, Vec<u8>>,
    dirs: BTreeSet<String>,
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) => "/",
        Some(i) => &path[..i],
        None => "/",
    }
}

impl FakeHost {
    fn new() -> FakeHost {
        let mut h = FakeHost::default();
        for d in [
            "/",
            "/bin",
            "/usr",
            "/usr/bin",
            "/root",
            "/pod-data",
            "/etc",
            "/tmp",
        ] {
            h.dirs.insert(d.to_string());
        }
        for p in ["cat", "wc", "grep", "ls", "sleep", "env"] {
            h.files.insert(format!("/usr/bin/{p}"), b"\x7fELF".to_vec());
        }
        h.files
            .insert("/etc/hostname".into(), b"two-containers\n".to_vec());
        h
    }
}

impl ShellHost for FakeHost {
    fn exec(&mut self, req: &ExecRequest<'_>, out: &mut Output) -> ExecOutcome {
        let (argv, env, stdin) = (req.argv, req.env, req.stdin);
        let args = &argv[1..];
        let status = match req.name() {
            "cat" if args.is_empty() => {
                out.out(stdin);
                0
            }
            "cat" => {
                let mut status = 0;
                for a in args {
                    if self.is_dir(a) {
                        out.err(format!("cat: {a}: Is a directory\n"));
                        status = 1;
                    } else {
                        match self.read_file(a) {
                            Ok(d) => out.out(d),
                            Err(e) => {
                                out.err(format!("cat: {a}: {e}\n"));
                                status = 1;
                            }
                        }
                    }
                }
                status
            }
            "wc" => {
                let n = stdin.iter().filter(|&&b| b == b'\n').count();
                out.out(format!("{n}\n"));
                0
            }
            "grep" => {
                let text = String::from_utf8_lossy(stdin).to_string();
                let hits: Vec<&str> = text
                    .lines()
                    .filter(|l| l.contains(args[0].as_str()))
                    .collect();
                for h in &hits {
                    out.out(format!("{h}\n"));
                }
                i32::from(hits.is_empty())
            }
            "ls" => {
                for n in self
                    .list_dir(args.first().map_or("/", |s| s.as_str()))
                    .unwrap_or_default()
                {
                    out.out(format!("{n}\n"));
                }
                0
            }
            "env" => {
                for (k, v) in env {
                    out.out(format!("{k}={v}\n"));
                }
                0
            }
            "sleep" if args.first().is_some_and(|a| a == "infinity") => {
                return ExecOutcome::Blocked
            }
            "sleep" => 0,
            _ => 126,
        };
        ExecOutcome::Exited(status)
    }

    fn which(&self, name: &str, path_var: &str) -> Option<String> {
        path_var
            .split(':')
            .map(|d| format!("{d}/{name}"))
            .find(|p| self.files.contains_key(p))
    }

    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        if self.dirs.contains(path) {
            return Err("Is a directory".into());
        }
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| "No such file or directory".into())
    }

    fn write_file(&mut self, path: &str, data: &[u8], append: bool) -> Result<(), String> {
        if !self.dirs.contains(parent(path)) {
            return Err("No such file or directory".into());
        }
        let f = self.files.entry(path.to_string()).or_default();
        if !append {
            f.clear();
        }
        f.extend_from_slice(data);
        Ok(())
    }

    fn is_dir(&self, path: &str) -> bool {
        self.dirs.contains(path)
    }

    fn exists(&self, path: &str) -> bool {
        self.dirs.contains(path) || self.files.contains_key(path)
    }

    fn list_dir(&self, path: &str) -> Option<Vec<String>> {
        if !self.dirs.contains(path) {
            return None;
        }
        let names = self
            .files
            .keys()
            .chain(self.dirs.iter())
            .filter(|p| p.as_str() != "/" && parent(p) == path)
            .map(|p| p.rsplit('/').next().unwrap_or("").to_string());
        Some(names.collect())
    }

    fn hostname(&self) -> String {
        "two-containers".into()
    }
}

fn shell() -> Shell {
    Shell::new(
        vec![
            ("HOME".into(), "/root".into()),
            ("PATH".into(), "/usr/local/bin:/usr/bin:/bin".into()),
            ("HOSTNAME".into(), "two-containers".into()),
        ],
        "/",
    )
}

fn run(sh: &mut Shell, host: &mut FakeHost, line: &str) -> (String, i32) {
    let r = sh.run_line(line, host);
    (
        String::from_utf8_lossy(&r.output.interleaved()).into_owned(),
        r.status,
    )
}

/// Runs each (line, terminal text, status) in one fresh shell session, in order.
/// Runs each (line, terminal text, status) in its own fresh shell, like `bash -c`; reports every
/// mismatch at once.
fn fresh_table(cases: &[(&str, &str, i32)]) {
    let mut failures = Vec::new();
    for (line, want, status) in cases {
        let got = run(&mut shell(), &mut FakeHost::new(), line);
        if got != (want.to_string(), *status) {
            failures.push(format!(
                "{line}\n  want {want:?} {status}\n  got  {:?} {}",
                got.0, got.1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn table(cases: &[(&str, &str, i32)]) {
    let mut sh = shell();
    let mut host = FakeHost::new();
    for (line, want, status) in cases {
        assert_eq!(
            run(&mut sh, &mut host, line),
            (want.to_string(), *status),
            "line: {line}"
        );
    }
}

#[test]
fn golden_transcripts() {
    table(&[
        ("wgetx localhost", "bash: wgetx: command not found\n", 127),
        (
            "echo 'Hello from the debian container' > /pod-data/index.html",
            "",
            0,
        ),
        (
            "cat /pod-data/index.html",
            "Hello from the debian container\n",
            0,
        ),
        ("cat /pod-data", "cat: /pod-data: Is a directory\n", 1),
    ]);
}

#[test]
fn quoting_and_variables() {
    table(&[
        (
            "echo a   b 'c  d' \"e  $HOME\" \\$HOME",
            "a b c  d e  /root $HOME\n",
            0,
        ),
        ("X=1; echo $X ${X} \"${X}\"'$X'", "1 1 1$X\n", 0),
        ("false; echo $?; true; echo $?", "1\n0\n", 0),
        ("echo $$", "7\n", 0),
        ("Y=hi env | grep Y=", "Y=hi\n", 0),
        ("echo ${Y:-dflt} ${#HOME} ${X:+alt}", "dflt 5 alt\n", 0),
        (
            "x='a  b'; for w in $x; do echo [$w]; done; echo \"$x\"",
            "[a]\n[b]\na  b\n",
            0,
        ),
        ("echo \"\" | wc", "1\n", 0),
        ("export Z=3; env | grep Z=", "Z=3\n", 0),
        ("unset Z; echo [$Z]", "[]\n", 0),
        (
            "export 1a=2",
            "bash: export: `1a=2': not a valid identifier\n",
            1,
        ),
        ("echo ${a b}", "bash: ${a b}: bad substitution\n", 1),
        ("echo ~ ~/x", "/root /root/x\n", 0),
        (
            "echo $((1+2*3)) $((1/0))",
            "bash: 1/0: division by 0 (error token is \"0\")\n",
            1,
        ),
        (
            "i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done",
            "1\n2\n3\n",
            0,
        ),
    ]);
}

#[test]
fn control_flow() {
    table(&[
        (
            "true && echo a || echo b; false && echo c || echo d",
            "a\nd\n",
            0,
        ),
        (
            "if false; then echo 1; elif true; then echo 2; else echo 3; fi",
            "2\n",
            0,
        ),
        (
            "for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done",
            "1\n3\n",
            0,
        ),
        ("until true; do echo x; done; echo $?", "0\n", 0),
        (
            "for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done",
            "1a\n",
            0,
        ),
        (
            "break",
            "bash: break: only meaningful in a `for', `while', or `until' loop\n",
            0,
        ),
        ("! true; echo $?", "1\n", 0),
        ("true | false; echo $?", "1\n", 0),
        ("{ echo a; echo b; } | wc", "2\n", 0),
        ("(cd /tmp; pwd); pwd", "/tmp\n/\n", 0),
        ("echo $(echo a; echo b) `echo c`", "a b c\n", 0),
        ("x=$(false); echo $?", "1\n", 0),
        ("echo a # comment", "a\n", 0),
    ]);
}

#[test]
fn redirections() {
    table(&[
        (
            "echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f",
            "one\ntwo\n",
            0,
        ),
        ("cat < /tmp/f | wc", "2\n", 0),
        ("cat /nope 2>/dev/null; echo $?", "1\n", 0),
        ("cat /nope 2>&1 | wc", "1\n", 0),
        (
            "cat /nope > /tmp/g 2>&1; cat /tmp/g",
            "cat: /nope: No such file or directory\n",
            0,
        ),
        (
            "cat /nope 2>&1 > /tmp/g",
            "cat: /nope: No such file or directory\n",
            1,
        ),
        (
            "cat /tmp/f /nope &> /tmp/h; cat /tmp/h",
            "one\ntwo\ncat: /nope: No such file or directory\n",
            0,
        ),
        (
            "echo hi > /nope/x",
            "bash: /nope/x: No such file or directory\n",
            1,
        ),
        ("echo hi > /tmp", "bash: /tmp: Is a directory\n", 1),
        ("cat < /nope", "bash: /nope: No such file or directory\n", 1),
        ("echo hi >&3", "bash: 3: Bad file descriptor\n", 1),
        ("echo err >&2 2>/dev/null", "err\n", 0),
        ("echo x >/dev/null", "", 0),
        ("echo a > \"\"", "bash: : No such file or directory\n", 1),
        (
            "while read a b; do echo \"<$b|$a>\"; done < /tmp/h",
            "<|one>\n<|two>\n</nope: No such file or directory|cat:>\n",
            0,
        ),
    ]);
}

#[test]
fn builtins() {
    table(&[
        ("cd /nope", "bash: cd: /nope: No such file or directory\n", 1),
        ("cd /etc/hostname", "bash: cd: /etc/hostname: Not a directory\n", 1),
        ("cd a b", "bash: cd: too many arguments\n", 1),
        ("cd /tmp; cd ..; pwd; cd -; cd; pwd; echo $OLDPWD", "/\n/tmp\n/root\n/tmp\n", 0),
        ("cd /", "", 0),
        ("echo -n a; echo -e 'b\\tc\\x41\\0101\\cq'; echo -nx -- -n", "ab\tcAA-nx -- -n\n", 0),
        ("printf '%5s|%-5s|%05d|%x|%c|%%|%.2s\\n' ab cd 42 255 hello world", "   ab|cd   |00042|ff|h|%|wo\n", 0),
        ("printf '%s-%d\\n' a 1 b 2 c", "a-1\nb-2\nc-0\n", 0),
        ("printf '%d\\n' abc", "bash: printf: abc: invalid number\n0\n", 1),
        ("printf", "printf: usage: printf [-v var] format [arguments]\n", 2),
        ("test 1 -eq a", "bash: test: a: integer expression expected\n", 2),
        ("[ 1 = 1", "bash: [: missing `]'\n", 2),
        ("test a b c", "bash: test: b: binary operator expected\n", 2),
        ("[ a = ]", "bash: [: a: unary operator expected\n", 2),
        ("[ -d /tmp ] && [ -f /etc/hostname ] && [ ! -e /nope ] && [ -z '' ] && [ -n x ] && echo ok", "ok\n", 0),
        ("test ! -e /nope -a -d /; echo $?; [ 1 -lt 2 -o x = y ]; echo $?; [ ]; echo $?", "0\n0\n1\n", 0),
        ("type ls cd echo if nope", "ls is /usr/bin/ls\ncd is a shell builtin\necho is a shell builtin\nif is a shell keyword\nbash: type: nope: not found\n", 1),
        ("exit 1 2", "exit\nbash: exit: too many arguments\n", 1),
    ]);
}

#[test]
fn exit_clear_history_and_prompt() {
    let mut sh = shell();
    let mut host = FakeHost::new();
    assert_eq!(sh.prompt("two-containers"), "root@two-containers:/# ");
    run(&mut sh, &mut host, "cd");
    assert_eq!(sh.prompt("two-containers"), "root@two-containers:~# ");
    run(&mut sh, &mut host, "cd /tmp");
    assert_eq!(sh.cwd(), "/tmp");
    let r = sh.run_line("clear", &mut host);
    assert!(r.clear_screen);
    let (out, _) = run(&mut sh, &mut host, "history");
    assert_eq!(
        out,
        "    1  cd\n    2  cd /tmp\n    3  clear\n    4  history\n"
    );
    let r = sh.run_line("exit abc", &mut host);
    assert_eq!(r.exit_requested, Some(2));
    assert_eq!(
        r.output.interleaved(),
        b"exit\nbash: exit: abc: numeric argument required\n"
    );
    let r = sh.run_line("(exit 3); echo $?", &mut host);
    assert_eq!(
        (r.exit_requested, r.output.interleaved()),
        (None, b"3\n".to_vec())
    );
}

#[test]
fn globbing() {
    let mut sh = shell();
    let mut host = FakeHost::new();
    run(
        &mut sh,
        &mut host,
        "echo > /tmp/a.txt; echo > /tmp/b.txt; echo > /tmp/.hidden; echo > /tmp/c.log",
    );
    assert_eq!(
        run(&mut sh, &mut host, "echo /tmp/*.txt"),
        ("/tmp/a.txt /tmp/b.txt\n".into(), 0)
    );
    assert_eq!(
        run(&mut sh, &mut host, "cd /tmp; echo * ?.log '*' \"*\".txt"),
        ("a.txt b.txt c.log c.log * *.txt\n".into(), 0)
    );
    assert_eq!(
        run(&mut sh, &mut host, "echo *.nomatch .h*"),
        ("*.nomatch .hidden\n".into(), 0)
    );
    assert_eq!(
        run(&mut sh, &mut host, "echo /*/host*"),
        ("/etc/hostname\n".into(), 0)
    );
}

#[test]
fn output_that_is_not_kept_does_not_spend_the_budget() {
    // 3,000 × 2 KB pass through /dev/null and a pipe: three times the output budget, as a loop
    // of curls into /dev/null does; bash runs it to the end, and so does podscope.
    let mut sh = shell();
    let mut host = FakeHost::new();
    let line = "i=0; while [ $i -lt 3000 ]; do i=$((i+1)); printf '%1000s' x >/dev/null; \
                printf '%1000s' x | read v; done; echo $i";
    let r = sh.run_line(line, &mut host);
    assert!(!r.interrupted);
    assert_eq!(r.output.interleaved(), b"3000\n".to_vec());
}

#[test]
fn budgets_stop_runaway_lines() {
    let mut sh = shell();
    let mut host = FakeHost::new();
    let r = sh.run_line("while true; do :; done", &mut host);
    assert!(r.interrupted);
    assert_eq!((r.status, r.output.interleaved()), (130, b"^C\n".to_vec()));
    assert_eq!(sh.last_status(), 130);
    let r = sh.run_line(
        "while true; do echo yyyyyyyyyyyyyyyyyyyyyyyy; done",
        &mut host,
    );
    assert!(r.interrupted && r.output.len() <= MAX_OUTPUT + 3);
    let r = sh.run_line("echo start; sleep infinity; echo never", &mut host);
    assert_eq!(
        (r.status, r.interrupted, r.output.interleaved()),
        (130, true, b"start\n^C\n".to_vec())
    );
    let r = sh.run_line("x=y; while true; do x=$x$x; done", &mut host);
    assert!(r.interrupted);
    let long = "a".repeat(MAX_LINE + 1);
    let r = sh.run_line(&long, &mut host);
    assert_eq!(
        r.output.interleaved(),
        b"bash: line too long (65537 bytes); podscope accepts up to 65536\n".to_vec()
    );
    let r = sh.run_line("read x", &mut host);
    assert!(r.interrupted);
}

#[test]
fn syntax_errors_set_status_2() {
    table(&[
        (
            "echo a ;; b",
            "bash: syntax error near unexpected token `;;'\n",
            2,
        ),
        ("echo $?", "2\n", 0),
        (
            "echo 'abc",
            "bash: unexpected EOF while looking for matching `''\n",
            2,
        ),
        (
            "if true; then echo",
            "bash: syntax error: unexpected end of file\n",
            2,
        ),
    ]);
}

#[test]
fn completion() {
    let mut sh = shell();
    let mut host = FakeHost::new();
    let c = sh.complete("cat", 3, &host);
    assert_eq!(
        (c.candidates.clone(), c.insert.as_str()),
        (vec!["cat".to_string()], " ")
    );
    let c = sh.complete("ca", 2, &host);
    assert_eq!(c.candidates, vec!["case", "cat"]);
    let c = sh.complete("c", 1, &host);
    assert_eq!(
        c.candidates,
        vec!["case", "cat", "cd", "clear", "command", "continue"]
    );
    assert_eq!(c.insert, "");
    let c = sh.complete("cat /po", 7, &host);
    assert_eq!((c.start, c.insert.as_str()), (4, "d-data/"));
    run(
        &mut sh,
        &mut host,
        "echo > /pod-data/index.html; cd /pod-data",
    );
    let c = sh.complete("cat i", 5, &host);
    assert_eq!(c.insert, "ndex.html ");
    let c = sh.complete("ls; /usr/b", 10, &host);
    assert_eq!(c.candidates, vec!["/usr/bin/"]);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn parser_never_panics(line in "[ -~\\n]{0,80}") {
            let _ = parser::parse(&line);
        }

        #[test]
        fn shell_syntax_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("echo"), Just(" "), Just("'"), Just("\""), Just("$("), Just(")"), Just("`"), Just("${"), Just("}"),
            Just("|"), Just("&&"), Just(";"), Just(">"), Just("2>&1"), Just("<"), Just("*"), Just("$x"), Just("if"),
            Just("then"), Just("fi"), Just("for"), Just("do"), Just("done"), Just("while"), Just("\\"), Just("$(("),
            Just("))"), Just("["), Just("]"), Just("a"), Just("/tmp/f"), Just("cat"), Just("{"), Just("#"), Just("\n"),
        ], 0..40)) {
            let line: String = parts.concat();
            let mut sh = shell();
            let mut host = FakeHost::new();
            let r = sh.run_line(&line, &mut host);
            prop_assert!(r.output.len() <= MAX_OUTPUT + 3);
        }
    }
}

#[path = "tests_lang.rs"]
mod lang;
