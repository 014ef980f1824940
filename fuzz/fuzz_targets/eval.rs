//! Raw bytes (UTF-8, lossily) as a Nix program: parse, evaluate with a step budget, print
//! strictly and as JSON. Errors are expected; panics, aborts, stack overflows and hangs
//! are bugs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    nixpad_fuzz::run(&src);
});
