//! kubectl command-line parsing for the subcommands podscope supports, with kubectl's own
//! error messages for the mistakes people make.

use super::KubectlCommand;

/// Parses argv (with or without a leading `kubectl`) into a command, or kubectl's error text.
pub fn parse(argv: &[String]) -> Result<KubectlCommand, String> {
    let args: Vec<&str> = argv.iter().map(String::as_str).collect();
    let args = match args.split_first() {
        Some((&"kubectl", rest)) => rest,
        _ => &args[..],
    };
    let (args, after_dash) = match args.iter().position(|a| *a == "--") {
        Some(i) => (
            args.get(..i).unwrap_or(&[]),
            Some(args.get(i + 1..).unwrap_or(&[])),
        ),
        None => (args, None),
    };
    let mut flags = Flags::default();
    let mut words = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(word) = flags.take(arg, &mut it)? {
            words.push(word);
        }
    }
    if flags.namespace.as_deref().is_some_and(|n| n != "default") {
        return Err("error: podscope simulates only the default namespace".to_string());
    }
    let Some((verb, rest)) = words.split_first() else {
        return Err("error: you must specify a command, e.g. kubectl get pods".to_string());
    };
    match *verb {
        "apply" | "create" => match flags.filename {
            Some(file) => Ok(KubectlCommand::Apply { file }),
            None => Err("error: must specify one of -f and -k".to_string()),
        },
        "get" => {
            let (kind, name) = resource(rest)?;
            let Some(kind) = kind else {
                return Err("error: you must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.".to_string());
            };
            check_pods(&kind)?;
            let wide = match flags.output.as_deref() {
                None => false,
                Some("wide") => true,
                Some(other) => {
                    return Err(format!("error: podscope supports only -o wide, not -o {other}"))
                }
            };
            Ok(KubectlCommand::GetPods { wide, name })
        }
        "describe" => {
            let (kind, name) = resource(rest)?;
            check_pods(kind.as_deref().unwrap_or("pods"))?;
            let pod = name.ok_or_else(|| "error: podscope describes one pod: kubectl describe pod NAME".to_string())?;
            Ok(KubectlCommand::Describe { pod })
        }
        "delete" => {
            let (kind, name) = resource(rest)?;
            check_pods(kind.as_deref().unwrap_or("pods"))?;
            let pod = name.ok_or_else(|| "error: resource(s) were provided, but no name was specified".to_string())?;
            Ok(KubectlCommand::Delete { pod })
        }
        "exec" => {
            let Some(pod) = pod_arg(rest) else {
                return Err("error: pod, type/name or --filename must be specified".to_string());
            };
            let command: Vec<String> = match after_dash {
                Some(cmd) => cmd.iter().map(|s| s.to_string()).collect(),
                None if rest.len() > 1 => {
                    return Err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead".to_string())
                }
                None => Vec::new(),
            };
            if command.is_empty() {
                return Err("error: you must specify at least one command for the container".to_string());
            }
            Ok(KubectlCommand::Exec { pod, container: flags.container, command, tty: flags.tty, stdin: flags.stdin })
        }
        "logs" => match pod_arg(rest) {
            Some(pod) => Ok(KubectlCommand::Logs { pod, container: flags.container }),
            None => Err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples".to_string()),
        },
        other => Err(format!("error: unknown command \"{other}\" for \"kubectl\"")),
    }
}

/// Flags seen anywhere on the command line.
#[derive(Default)]
struct Flags {
    filename: Option<String>,
    container: Option<String>,
    namespace: Option<String>,
    output: Option<String>,
    tty: bool,
    stdin: bool,
}

impl Flags {
    /// Consumes one argument (and its value); returns it back when it is a plain word.
    fn take<'a>(
        &mut self,
        arg: &'a str,
        rest: &mut std::slice::Iter<'_, &'a str>,
    ) -> Result<Option<&'a str>, String> {
        if !arg.starts_with('-') || arg == "-" {
            return Ok(Some(arg));
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg, None),
        };
        let short_value = |flag: &str| {
            arg.strip_prefix(flag)
                .filter(|v| !v.is_empty() && !arg.starts_with("--"))
        };
        let mut value = |flag: &str| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            if let Some(v) = short_value(flag) {
                return Ok(v.to_string());
            }
            rest.next()
                .map(|v| v.to_string())
                .ok_or_else(|| format!("error: flag needs an argument: {arg}"))
        };
        match name {
            "-f" | "--filename" => self.filename = Some(value("-f")?),
            "-c" | "--container" => self.container = Some(value("-c")?),
            "-n" | "--namespace" => self.namespace = Some(value("-n")?),
            "-o" | "--output" => self.output = Some(value("-o")?),
            "-i" | "--stdin" => self.stdin = true,
            "-t" | "--tty" => self.tty = true,
            "-it" | "-ti" => {
                self.stdin = true;
                self.tty = true;
            }
            _ if name.starts_with("-f") && !name.starts_with("--") => {
                self.filename = Some(value("-f")?)
            }
            _ if name.starts_with("-c") && !name.starts_with("--") => {
                self.container = Some(value("-c")?)
            }
            _ if name.starts_with("-n") && !name.starts_with("--") => {
                self.namespace = Some(value("-n")?)
            }
            _ if name.starts_with("-o") && !name.starts_with("--") => {
                self.output = Some(value("-o")?)
            }
            _ => return Err(format!("error: unknown flag: {name}")),
        }
        Ok(None)
    }
}

/// `TYPE [NAME]` or `TYPE/NAME`.
fn resource(words: &[&str]) -> Result<(Option<String>, Option<String>), String> {
    match words {
        [] => Ok((None, None)),
        [one] => match one.split_once('/') {
            Some((kind, name)) => Ok((Some(kind.to_string()), Some(name.to_string()))),
            None => Ok((Some(one.to_string()), None)),
        },
        [kind, name] => Ok((Some(kind.to_string()), Some(name.to_string()))),
        [_, _, extra, ..] => Err(format!(
            "error: podscope handles one pod at a time (unexpected \"{extra}\")"
        )),
    }
}

/// The pod of `exec`/`logs`: `NAME` or `pod/NAME`.
fn pod_arg(words: &[&str]) -> Option<String> {
    let first = words.first()?;
    Some(
        first
            .strip_prefix("pod/")
            .or_else(|| first.strip_prefix("pods/"))
            .unwrap_or(first)
            .to_string(),
    )
}

fn check_pods(kind: &str) -> Result<(), String> {
    match kind {
        "pod" | "pods" | "po" => Ok(()),
        "deployment" | "deployments" | "deploy" | "service" | "services" | "svc" | "nodes"
        | "node" | "no" | "namespaces" | "ns" | "configmaps" | "cm" | "secrets" => {
            Err(format!("error: podscope simulates only pods, not {kind}"))
        }
        other => Err(format!(
            "error: the server doesn't have a resource type \"{other}\""
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: &str) -> Result<KubectlCommand, String> {
        let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
        parse(&argv)
    }

    #[test]
    fn parses_the_supported_commands() {
        assert_eq!(
            p("kubectl apply -f two-container-pod.yaml"),
            Ok(KubectlCommand::Apply {
                file: "two-container-pod.yaml".into()
            })
        );
        assert_eq!(
            p("apply --filename=x.yaml"),
            Ok(KubectlCommand::Apply {
                file: "x.yaml".into()
            })
        );
        assert_eq!(
            p("kubectl get pods"),
            Ok(KubectlCommand::GetPods {
                wide: false,
                name: None
            })
        );
        assert_eq!(
            p("kubectl get po -o wide"),
            Ok(KubectlCommand::GetPods {
                wide: true,
                name: None
            })
        );
        assert_eq!(
            p("kubectl get pod two-containers"),
            Ok(KubectlCommand::GetPods {
                wide: false,
                name: Some("two-containers".into())
            })
        );
        assert_eq!(
            p("kubectl describe pod/two-containers"),
            Ok(KubectlCommand::Describe {
                pod: "two-containers".into()
            })
        );
        assert_eq!(
            p("kubectl delete pod two-containers -n default"),
            Ok(KubectlCommand::Delete {
                pod: "two-containers".into()
            })
        );
        assert_eq!(
            p("kubectl exec -it two-containers -c debian-container -- /bin/bash"),
            Ok(KubectlCommand::Exec {
                pod: "two-containers".into(),
                container: Some("debian-container".into()),
                command: vec!["/bin/bash".into()],
                tty: true,
                stdin: true
            })
        );
        assert_eq!(
            p("kubectl exec two-containers --container=nginx-container -- cat /etc/hosts -n"),
            Ok(KubectlCommand::Exec {
                pod: "two-containers".into(),
                container: Some("nginx-container".into()),
                command: vec!["cat".into(), "/etc/hosts".into(), "-n".into()],
                tty: false,
                stdin: false
            })
        );
        assert_eq!(
            p("kubectl logs two-containers -c nginx-container"),
            Ok(KubectlCommand::Logs {
                pod: "two-containers".into(),
                container: Some("nginx-container".into())
            })
        );
    }

    #[test]
    fn reports_kubectls_errors() {
        assert_eq!(
            p("kubectl apply"),
            Err("error: must specify one of -f and -k".into())
        );
        assert_eq!(
            p("kubectl frobnicate"),
            Err("error: unknown command \"frobnicate\" for \"kubectl\"".into())
        );
        assert_eq!(
            p("kubectl get podz"),
            Err("error: the server doesn't have a resource type \"podz\"".into())
        );
        assert_eq!(
            p("kubectl exec -it two-containers"),
            Err("error: you must specify at least one command for the container".into())
        );
        assert_eq!(p("kubectl exec two-containers ls"), Err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead".into()));
        assert_eq!(
            p("kubectl exec -- ls"),
            Err("error: pod, type/name or --filename must be specified".into())
        );
        assert!(p("kubectl logs")
            .unwrap_err()
            .starts_with("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'."));
        assert_eq!(
            p("kubectl apply -f"),
            Err("error: flag needs an argument: -f".into())
        );
    }
}
