//! url (being written)
