//! Bytes as choices in a grammar of Nix fragments (see `nixpad_fuzz::generate`), so most
//! inputs get past the parser. Set NIXPAD_FUZZ_PRINT=1 to print each generated program
//! to stderr (for reproducing a crash: `cargo fuzz run eval_structured ARTIFACT`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn print_programs() -> bool {
    static PRINT: OnceLock<bool> = OnceLock::new();
    *PRINT.get_or_init(|| std::env::var_os("NIXPAD_FUZZ_PRINT").is_some())
}

fuzz_target!(|data: &[u8]| {
    let src = nixpad_fuzz::generate(data);
    if print_programs() {
        eprintln!("--- program ---\n{src}\n---------------");
    }
    nixpad_fuzz::run(&src);
});
