//! curl (being written)
