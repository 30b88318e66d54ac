//! Which terminal a line is typed into: the workstation's, where `kubectl` runs, or a
//! container's bash. A typed id rather than a string, so that a container named `kubectl`
//! is still a container.

use std::fmt;

/// One of the app's terminals.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Terminal {
    /// The student's workstation terminal, where `kubectl` talks to the cluster.
    Kubectl,
    /// The bash session of a container (`kubectl exec -it POD -c NAME -- bash`).
    Container(String),
}

impl Terminal {
    /// The name scripts use for the kubectl terminal (`@kubectl` in transcripts, tours' steps).
    pub const KUBECTL_NAME: &'static str = "kubectl";

    /// The terminal of container `name`.
    pub fn container(name: impl Into<String>) -> Terminal {
        Terminal::Container(name.into())
    }

    /// The terminal a script names: `kubectl` for the kubectl terminal, else the container
    /// of that name. Only built-in scripts (transcripts, tours) name terminals by a string;
    /// their pods have no container called `kubectl`.
    pub fn from_script_name(name: &str) -> Terminal {
        if name == Terminal::KUBECTL_NAME {
            Terminal::Kubectl
        } else {
            Terminal::container(name)
        }
    }

    /// The container this terminal runs in, if it is a container's.
    pub fn container_name(&self) -> Option<&str> {
        match self {
            Terminal::Kubectl => None,
            Terminal::Container(name) => Some(name),
        }
    }

    /// True for the kubectl terminal.
    pub fn is_kubectl(&self) -> bool {
        matches!(self, Terminal::Kubectl)
    }

    /// What its tab says: `kubectl`, or the container's name.
    pub fn label(&self) -> &str {
        self.container_name().unwrap_or(Terminal::KUBECTL_NAME)
    }

    /// An id for element ids and `data-testid`s, different for every terminal: `kubectl`, or
    /// the container's name, except that a container named `kubectl` becomes
    /// `container_kubectl` (an underscore never appears in a container name: they are RFC 1123
    /// labels).
    pub fn dom_id(&self) -> String {
        match self {
            Terminal::Kubectl => Terminal::KUBECTL_NAME.to_string(),
            Terminal::Container(name) if name == Terminal::KUBECTL_NAME => {
                format!("container_{name}")
            }
            Terminal::Container(name) => name.clone(),
        }
    }
}

impl fmt::Display for Terminal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_container_named_kubectl_is_not_the_kubectl_terminal() {
        let c = Terminal::container("kubectl");
        assert_ne!(c, Terminal::Kubectl);
        assert_ne!(c.dom_id(), Terminal::Kubectl.dom_id());
        assert_eq!(c.label(), "kubectl");
        assert_eq!(Terminal::from_script_name("kubectl"), Terminal::Kubectl);
        assert_eq!(
            Terminal::from_script_name("debian-container").dom_id(),
            "debian-container"
        );
    }
}
