//! The native command-line face of podscope: the same simulation core, in a terminal.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => println!("podscope {}", env!("CARGO_PKG_VERSION")),
        None | Some("--help") | Some("-h") => print!("{}", HELP),
        Some(other) => {
            eprintln!("podscope: unknown command '{other}'\n\n{HELP}");
            std::process::exit(2);
        }
    }
}

const HELP: &str = "podscope — a Kubernetes pod, simulated: how its containers talk to each other

Usage:
  podscope --help       show this help
  podscope --version    show the version
";
