//! Helper for triage, outside libFuzzer and without sanitizers:
//!
//!   show FILE...            print the program `eval_structured` builds from each file of
//!                           bytes (a crash artifact or a corpus entry)
//!   show --run FILE         run the fuzz harness on FILE as Nix text (like the `eval` target)
//!   show --run-structured FILE   the same for a bytes file, through the generator
//!   show --stats DIR        how many programs generated from the files in DIR parse and
//!                           lower (SHOW_ERRORS=1 prints the first line of each error)
//!
//! The work runs on a thread with STACK_MB megabytes of stack (default 8, like a main
//! thread), so stack-depth findings can be checked without AddressSanitizer's bigger frames:
//!   cargo run --release --manifest-path fuzz/Cargo.toml --example show -- --run crash.nix
use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};

fn main() {
    let mb: usize = std::env::var("STACK_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(8);
    let t = std::thread::Builder::new().stack_size(mb << 20).spawn(real_main).expect("thread");
    if t.join().is_err() {
        std::process::exit(101);
    }
}

fn real_main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--stats") => stats(&args[1]),
        Some("--run") => {
            let data = std::fs::read(&args[1]).expect("read input");
            nixpad_fuzz::run(&String::from_utf8_lossy(&data));
            println!("ok: no crash");
        }
        Some("--run-structured") => {
            let data = std::fs::read(&args[1]).expect("read input");
            nixpad_fuzz::run(&nixpad_fuzz::generate(&data));
            println!("ok: no crash");
        }
        _ => {
            for path in args {
                let data = std::fs::read(&path).expect("read input");
                println!("{}", nixpad_fuzz::generate(&data));
            }
        }
    }
}

fn stats(dir: &str) {
    let (mut total, mut parsed) = (0, 0);
    for e in std::fs::read_dir(dir).expect("directory") {
        let data = std::fs::read(e.expect("entry").path()).expect("read");
        let src = nixpad_fuzz::generate(&data);
        let settings = Settings { home: Some("/home/user".into()), ..Settings::default() };
        let mut ev = Evaluator::new(Rc::new(MemoryIO::new()), settings, Limits::default());
        total += 1;
        match ev.check_source(&src, Origin::String, "/") {
            Ok(()) => parsed += 1,
            Err(e) => {
                if std::env::var_os("SHOW_ERRORS").is_some() {
                    println!("{}", e.message().lines().next().unwrap_or(""));
                }
            }
        }
    }
    println!("{parsed}/{total} generated programs parse and lower");
}
