//! The shell language beyond simple commands: functions, `case`, `[[ ]]`, arithmetic, brace
//! and parameter expansion, arrays, `declare`, `eval`. Every expected text and status was
//! recorded from bash 5.2.15 with `scripts/record-shell-cases.py` (`bash: line 1: ` shortened
//! to the interactive `bash: `).

use super::fresh_table;

#[test]
fn language_features_match_bash() {
    fresh_table(&[
        // Interactive bash drops the rest of the line after an arithmetic or `${x:?}`
        // error (and does not exit, as `bash -c` does with 127).
        ("a=(a.txt b.txt); echo ${a[@]%.txt} ${a[@]/#/dir/}", "a b dir/a.txt dir/b.txt\n", 0),
        ("x=abc; echo ${x/%/!}", "abc!\n", 0),
        ("target=value; name=target; echo ${!name}", "value\n", 0),
        ("a=(x y); a[5]=v; echo ${!a[@]} ${#a[@]}", "0 1 5 3\n", 0),
        ("myfunc() { echo $FUNCNAME; }; myfunc", "myfunc\n", 0),
        ("outer() { inner; }; inner() { echo ${FUNCNAME[@]}; }; outer", "inner outer\n", 0),
        ("echo $'a\\tb\\nc' $'it\\'s' $'\\x41\\101'", "a\tb\nc it's AA\n", 0),
        ("echo $((1/0)); echo after", "bash: 1/0: division by 0 (error token is \"0\")\n", 1),
        ("echo $((2 +)); echo after", "bash: 2 +: syntax error: operand expected (error token is \"+\")\n", 1),
        ("unset u; echo ${u:?is missing}; echo after", "bash: u: is missing\n", 1),
        ("cat() { echo \"not cat\"; }; cat; command cat /etc/hostname", "not cat\ntwo-containers\n", 0),
        ("command -v cat; command -v echo; command -v nope; echo $?", "/usr/bin/cat\necho\n1\n", 0),
        ("f() { local a=(x y); echo ${a[1]} ${#a[@]}; }; f", "y 2\n", 0),
        ("declare -a arr=(1 \"2 3\"); declare -p arr", "declare -a arr=([0]=\"1\" [1]=\"2 3\")\n", 0),
        ("f() { echo \"in f: $1 $#\"; }; f a b", "in f: a 2\n", 0),
        ("function g { echo g; }; g", "g\n", 0),
        ("f() { local x=2; echo $x; }; x=1; f; echo $x", "2\n1\n", 0),
        ("f() { return 3; }; f; echo $?", "3\n", 0),
        ("f() { echo a; return; echo b; }; f", "a\n", 0),
        ("return 1", "bash: return: can only `return' from a function or sourced script\n", 2),
        ("local x", "bash: local: can only be used in a function\n", 1),
        ("case abc in a*) echo A;; *) echo other;; esac", "A\n", 0),
        ("case x in y|x) echo yx;; esac", "yx\n", 0),
        ("case \"a b\" in \"a b\") echo quoted;; esac", "quoted\n", 0),
        ("case ab in a*) echo 1;& b) echo 2;; c) echo 3;; esac", "1\n2\n", 0),
        ("case ab in a*) echo 1;;& *b) echo 2;; esac", "1\n2\n", 0),
        ("x=hello; case $x in h?llo) echo match;; esac", "match\n", 0),
        ("case z in [a-c]) echo abc;; [!a-c]) echo notabc;; esac", "notabc\n", 0),
        ("[[ abc == a* ]] && echo yes", "yes\n", 0),
        ("[[ abc == \"a*\" ]] || echo no", "no\n", 0),
        ("[[ abc != b* ]]; echo $?", "0\n", 0),
        ("[[ -z \"\" && -n x ]]; echo $?", "0\n", 0),
        ("[[ ! -e /nonexistent ]]; echo $?", "0\n", 0),
        ("[[ -d / && -f /etc/hostname ]]; echo $?", "0\n", 0),
        ("[[ a < b ]]; echo $?", "0\n", 0),
        ("[[ b > a || 0 ]]; echo $?", "0\n", 0),
        ("[[ 10 -gt 9 ]]; echo $?", "0\n", 0),
        ("[[ 1+1 -eq 2 ]]; echo $?", "0\n", 0),
        ("[[ abc123 =~ ^([a-z]+)([0-9]+)$ ]] && echo \"${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}\"", "abc123 abc 123\n", 0),
        ("[[ x =~ y ]]; echo $?", "1\n", 0),
        ("[[ \"a.b\" =~ a.b ]] && echo dot", "dot\n", 0),
        ("[[ \"axb\" =~ \"a.b\" ]]; echo $?", "1\n", 0),
        ("(( 1 + 1 )); echo $?", "0\n", 0),
        ("(( 0 )); echo $?", "1\n", 0),
        ("((x = 5 * 3)); echo $x", "15\n", 0),
        ("for ((i=0; i<3; i++)); do echo $i; done", "0\n1\n2\n", 0),
        ("for ((i=10; i>0; i-=4)); do echo -n \"$i \"; done; echo", "10 6 2 \n", 0),
        ("echo $((1?2:3)) $((x=5, x+=2, x++)) $x $((2**3**2))", "2 7 8 512\n", 0),
        ("echo $((7 % 3)) $((-7 / 2)) $((1 << 4)) $((0xff)) $((2#1010))", "1 -3 16 255 10\n", 0),
        ("x=3; echo $((x++ + ++x)) $x", "8 5\n", 0),
        ("echo $((1/0))", "bash: 1/0: division by 0 (error token is \"0\")\n", 1),
        ("echo {1..5}", "1 2 3 4 5\n", 0),
        ("echo {a,b}c", "ac bc\n", 0),
        ("echo {01..10}", "01 02 03 04 05 06 07 08 09 10\n", 0),
        ("echo {1..10..2}", "1 3 5 7 9\n", 0),
        ("echo x{a,b,c}y", "xay xby xcy\n", 0),
        ("echo {a..e}", "a b c d e\n", 0),
        ("echo {5..1}", "5 4 3 2 1\n", 0),
        ("for i in {1..3}; do echo $i; done", "1\n2\n3\n", 0),
        ("echo \"{1..3}\"", "{1..3}\n", 0),
        ("echo {a,b}{1,2}", "a1 a2 b1 b2\n", 0),
        ("x=/usr/share/nginx/index.html; echo ${x%/*} ${x%%/*} ${x#*/} ${x##*/}", "/usr/share/nginx usr/share/nginx/index.html index.html\n", 0),
        ("x=index.html; echo ${x%.html}.txt ${x/index/main} ${x//i/I}", "index.txt main.html Index.html\n", 0),
        ("x=hello; echo ${x/#h/H} ${x/%o/O} ${x/l}", "Hello hellO helo\n", 0),
        ("x=; echo ${x:-default} ${x-set} ${y:-unset}", "default unset\n", 0),
        ("echo ${z:=assigned}; echo $z", "assigned\nassigned\n", 0),
        ("x=1; echo ${x:+alt} ${y:+alt}.", "alt .\n", 0),
        // Interactive bash does not exit on `${x:?}` (bash -c does, with 127): status 1.
        ("echo ${nope:?is required}", "bash: nope: is required\n", 1),
        ("echo ${nope:?}", "bash: nope: parameter null or not set\n", 1),
        ("x=hello; echo ${#x} ${x:1} ${x:1:3} ${x: -2} ${x:0:-1}", "5 ello ell lo hell\n", 0),
        ("x=hello; echo ${x^^} ${x^} X${x,,}", "HELLO Hello Xhello\n", 0),
        ("X=HELLO; echo ${X,,} ${X,}", "hello hELLO\n", 0),
        ("a=(one two three); echo ${a[0]} ${a[2]} ${#a[@]}", "one three 3\n", 0),
        ("a=(one two three); echo \"${a[@]}\"; echo ${a[-1]}", "one two three\nthree\n", 0),
        ("a=(one \"two words\" three); for x in \"${a[@]}\"; do echo \"[$x]\"; done", "[one]\n[two words]\n[three]\n", 0),
        ("a=(1 2); a+=(3 4); echo ${a[@]} ${#a[@]}", "1 2 3 4 4\n", 0),
        ("a=(); a[3]=x; echo ${#a[@]} ${a[3]}", "1 x\n", 0),
        ("a=(x y z); echo ${a[@]:1} ${a[@]:0:2}", "y z x y\n", 0),
        ("a=(x y z); echo $a ${a}", "x x\n", 0),
        ("a=(one two); declare -p a", "declare -a a=([0]=\"one\" [1]=\"two\")\n", 0),
        ("x=5; declare -p x", "declare -- x=\"5\"\n", 0),
        ("declare -i n=2+3; declare -p n", "declare -i n=\"5\"\n", 0),
        ("export E=1; declare -p E", "declare -x E=\"1\"\n", 0),
        ("declare -p nosuch", "bash: declare: nosuch: not found\n", 1),
        ("declare -i n; n=4*5; echo $n", "20\n", 0),
        ("declare -x V=1; declare -p V", "declare -x V=\"1\"\n", 0),
        ("eval \"echo a; echo b\"", "a\nb\n", 0),
        ("x='echo hi'; eval $x", "hi\n", 0),
        ("cmd=\"x=42\"; eval $cmd; echo $x", "42\n", 0),
        ("echo a b c; echo $_", "a b c\nc\n", 0),
        ("set -- a b c; echo $# $1 $3; shift; echo $@", "3 a c\nb c\n", 0),
        ("f() { echo $#; for a; do echo \"<$a>\"; done; }; f 1 \"2 3\"", "2\n<1>\n<2 3>\n", 0),
        ("f() { echo \"$@\"; }; f x y", "x y\n", 0),
        ("let x=2+3 y=x*2; echo $x $y", "5 10\n", 0),
        ("f() { local -i n=1+1; echo $n; }; f", "2\n", 0),
        ("cat <<< \"here string\"", "here string\n", 0),
        ("cat <<< $HOME", "/root\n", 0),
        ("x=world; cat <<< \"hello $x\"", "hello world\n", 0),
        ("f() { echo \"${FUNCNAME:-f}\"; }; f", "f\n", 0),
        ("echo $((a[1]=5)) ${a[1]}", "5 5\n", 0),
        ("x=abc; echo ${x:5}", "\n", 0),
        ("echo ${x:?}", "bash: x: parameter null or not set\n", 1),
    ]);
}

/// A script typed (or pasted) line by line into the interactive shell: here-documents of every
/// kind, functions over several lines. Expected output: `bash` 5.2.15 reading the same lines.
#[test]
fn here_documents_typed_line_by_line() {
    let script = "cat <<EOF\nhello $HOME\nEOF\ncat <<'EOF'\n$HOME\nEOF\ncat <<-EOF\n\tindented\n\tEOF\ncat <<A; cat <<B\na\nA\nb\nB\nx=1; cat <<EOF\n$((x+1)) $(echo sub) \\$x \"q\" \\\njoined\nEOF\ncat <<EOF | wc -l\n1\n2\nEOF\nwhile read l; do echo \"<$l>\"; done <<EOF\na\nb\nEOF\nf() {\ncat <<EOF\nin f\nEOF\n}\nf\ncat <<< 'here'\necho \"$(cat <<EOF\ninside\nEOF\n)\"\n";
    let mut sh = super::shell();
    let mut host = super::FakeHost::new();
    let mut text = String::new();
    let mut continued = 0;
    for line in script.lines() {
        let r = sh.feed(line, &mut host);
        continued += usize::from(r.more);
        text.push_str(&String::from_utf8_lossy(&r.output.interleaved()));
    }
    assert_eq!(text, "hello /root\n$HOME\nindented\na\nb\n2 sub $x \"q\" joined\n2\n<a>\n<b>\nin f\nhere\ninside\n");
    assert_eq!(continued, 26);
    assert!(!sh.is_continuing());
    assert_eq!(sh.prompt("h"), "root@h:/# ");
}

/// PS2 shows while a command is incomplete; Ctrl-C drops it; errors and history as bash.
#[test]
fn continuation_prompts_and_errors() {
    let mut sh = super::shell();
    let mut host = super::FakeHost::new();
    let r = sh.feed("if true", &mut host);
    assert!(r.more);
    assert_eq!(sh.prompt("h"), "> ");
    let r = sh.feed(" fi", &mut host);
    assert!(!r.more);
    assert_eq!(
        String::from_utf8_lossy(&r.output.interleaved()),
        "bash: syntax error near unexpected token `fi'\n"
    );
    assert_eq!(r.status, 2);
    sh.feed("for i in 1", &mut host);
    assert!(sh.cancel_input());
    assert_eq!(sh.prompt("h"), "root@h:/# ");
    // bash keeps the first line of the abandoned command in its history.
    assert_eq!(sh.history(), ["if true;  fi", "for i in 1"]);
    let r = sh.feed("echo a;\\", &mut host);
    assert!(r.more);
    let r = sh.feed(" b", &mut host);
    assert_eq!(
        String::from_utf8_lossy(&r.output.interleaved()),
        "a\nbash: b: command not found\n"
    );
    assert_eq!(sh.history().last().map(String::as_str), Some("echo a; b"));
}

/// Runaway recursion is stopped with a message, and fits a 1 MiB stack (the browser's) even
/// in a debug build.
#[test]
fn recursion_is_bounded() {
    let run = || {
        let mut sh = super::shell();
        let mut host = super::FakeHost::new();
        let mut texts = Vec::new();
        for line in [
            "f() { f; }; f",
            "e='eval \"$e\"'; eval \"$e\"",
            "echo still here",
        ] {
            let r = sh.run_line(line, &mut host);
            texts.push(String::from_utf8_lossy(&r.output.interleaved()).into_owned());
        }
        texts
    };
    let texts = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
    assert!(texts[0].starts_with("podscope: f: functions and eval nested more than 100 deep"));
    assert!(texts[1].starts_with("podscope: eval: functions and eval nested"));
    assert_eq!(texts[2], "still here\n");
}
