//! The shell's line parser on any text: it returns a syntax tree or a `ParseError`, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podscope::sim::shell::parser::parse;

fuzz_target!(|line: &str| {
    let _ = parse(line);
});
