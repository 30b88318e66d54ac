//! How a session writes a [`Terminal`]: `kubectl` for the kubectl terminal, the container's name
//! for a container's, and `container_kubectl` for a container that is called `kubectl` (an
//! underscore never appears in a container name), as `Terminal::dom_id` spells them.

use serde::{Deserialize, Deserializer, Serializer};

use crate::sim::cluster::Terminal;

/// The name written for `terminal`.
pub fn to_name(terminal: &Terminal) -> String {
    terminal.dom_id()
}

/// The terminal a written name stands for.
pub fn from_name(name: &str) -> Terminal {
    match name.strip_prefix("container_") {
        Some(container) => Terminal::container(container),
        None => Terminal::from_script_name(name),
    }
}

/// Serde: a terminal as its name.
pub fn serialize<S: Serializer>(terminal: &Terminal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&to_name(terminal))
}

/// Serde: a terminal from its name.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Terminal, D::Error> {
    let name = String::deserialize(d)?;
    Ok(from_name(&name))
}

/// The same for an optional terminal.
pub mod option {
    use super::*;

    /// Serde: an optional terminal as its name.
    pub fn serialize<S: Serializer>(terminal: &Option<Terminal>, s: S) -> Result<S::Ok, S::Error> {
        match terminal {
            Some(t) => s.serialize_some(&to_name(t)),
            None => s.serialize_none(),
        }
    }

    /// Serde: an optional terminal from its name.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Terminal>, D::Error> {
        let name = Option::<String>::deserialize(d)?;
        Ok(name.as_deref().map(from_name))
    }
}
