//! Differential test: random Nix programs evaluated by `nixpad` and by real
//! Nix (the oracle) must agree.
//!
//! For each generated program (see `tests/gen/mod.rs`) both
//! `nixpad eval --strict -` and
//! `nix-oracle nix-instantiate --store dummy:// --eval --strict -` are run with
//! the program on stdin, and compared:
//! - both succeed (exit 0): stdout must be byte-identical;
//! - both fail (exit 1): the innermost error messages must be identical (the
//!   text after `error: ` on the last stderr line matching `^\s*error: (.+)`);
//! - anything else (one fails, a crash, a timeout) is a mismatch.
//!
//! Environment:
//! - `NIXPAD_DIFF_CASES`  number of programs (default 2000)
//! - `NIXPAD_DIFF_SEED`   base seed (default [`DEFAULT_SEED`], so that CI runs the
//!   same programs every time; set it to explore others; always printed).
//!   Case `i` uses seed `base + i`, so a single case is reproduced with
//!   `NIXPAD_DIFF_SEED=<case seed> NIXPAD_DIFF_CASES=1`.
//! - `NIXPAD_DIFF_JOBS`   worker threads (default: cores + 1)
//! - `NIX_ORACLE`         path of nix-oracle (default `shared/tools/nix-oracle`
//!   beside the repository)
//! - `NIXPAD_DIFF_BIN`    evaluator under test (default: this crate's `nixpad`)
//!
//! Run it with:
//! `cargo test -p nixpad-cli --test differential -- --nocapture`

mod gen;
mod support;

use support::*;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The base seed when `NIXPAD_DIFF_SEED` is not set: fixed, so every run of the suite
/// checks the same programs (a failure is a change in nixpad or in the generator).
const DEFAULT_SEED: u64 = 20_260_613;

/// Mismatches that are tolerated on purpose: `(substring, justification)`.
/// A mismatch is tolerated when the innermost error message of either side
/// contains one of the substrings. Keep each entry justified, and keep the
/// list short: every entry hides a whole class of programs.
const INTENDED_DIFFERENCES: &[(&str, &str)] = &[
    // Nothing yet. Candidate if we decide not to reproduce Nix's expression
    // printer: ("assertion '", "Nix prints the failed condition with its
    // internal AST printer, e.g. `(__lessThan 2 x)`").
];

struct Case {
    index: usize,
    seed: u64,
    program: String,
    /// Whether the generator injected errors on purpose.
    injected: bool,
    oracle: Run,
    ours: Run,
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.trim()
            .parse::<u64>()
            .unwrap_or_else(|_| panic!("{} must be a non-negative integer, got {:?}", name, v))
    })
}

const ORACLE_ARGS: &[&str] = &[
    "nix-instantiate",
    "--store",
    "dummy://",
    "--eval",
    "--strict",
    "-",
];
const OUR_ARGS: &[&str] = &["eval", "--strict", "-"];

#[test]
fn random_programs_agree_with_nix() {
    let cases = env_u64("NIXPAD_DIFF_CASES").unwrap_or(2000) as usize;
    let seed = env_u64("NIXPAD_DIFF_SEED").unwrap_or(DEFAULT_SEED);
    // Mostly waiting for processes: one more worker than cores.
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let jobs = env_u64("NIXPAD_DIFF_JOBS")
        .map(|j| j as usize)
        .unwrap_or(cores + 1)
        .max(1);
    let oracle = oracle_path();
    let ours = std::env::var("NIXPAD_DIFF_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_nixpad").to_string());
    eprintln!(
        "differential: NIXPAD_DIFF_SEED={} NIXPAD_DIFF_CASES={} (jobs {}, oracle {}, nixpad {})",
        seed, cases, jobs, oracle, ours
    );

    // The oracle must work, or the test fails: never pass without checking.
    let pre = run(&oracle, ORACLE_ARGS, "1 + 2", PREFLIGHT_TIMEOUT);
    if pre.spawn_error.is_some() || pre.code != Some(0) || pre.stdout != b"3\n" {
        panic!(
            "the Nix oracle does not work (it must print `3` for `1 + 2`), so nothing was compared.\n  \
             oracle: {} {}\n{}Set NIX_ORACLE to the path of nix-oracle (see shared/tools/).",
            oracle,
            ORACLE_ARGS.join(" "),
            describe(&pre)
        );
    }

    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let crashes = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicUsize::new(0));
    let mismatches: Arc<Mutex<Vec<Case>>> = Arc::new(Mutex::new(Vec::new()));
    let tolerated: Arc<Mutex<Vec<(usize, &'static str)>>> = Arc::new(Mutex::new(Vec::new()));
    let oracle_broken: Arc<Mutex<Vec<Case>>> = Arc::new(Mutex::new(Vec::new()));
    let tally = Arc::new(Mutex::new((0usize, 0usize))); // (values, errors) agreed

    let mut handles = Vec::new();
    for _ in 0..jobs {
        let (next, crashes, done) = (next.clone(), crashes.clone(), done.clone());
        let (mismatches, tolerated, oracle_broken, tally) = (
            mismatches.clone(),
            tolerated.clone(),
            oracle_broken.clone(),
            tally.clone(),
        );
        let (oracle, ours) = (oracle.clone(), ours.clone());
        handles.push(std::thread::spawn(move || loop {
            let index = next.fetch_add(1, Ordering::SeqCst);
            if index >= cases || crashes.load(Ordering::SeqCst) >= MAX_CRASHES {
                break;
            }
            let case_seed = seed.wrapping_add(index as u64);
            let (program, injected) = gen::generate_case(case_seed);
            let o = run(&oracle, ORACLE_ARGS, &program, TIMEOUT);
            let u = run(&ours, OUR_ARGS, &program, TIMEOUT);
            done.fetch_add(1, Ordering::SeqCst);
            let (oo, uo) = (outcome(&o), outcome(&u));
            let case = Case {
                index,
                seed: case_seed,
                program,
                injected,
                oracle: o,
                ours: u,
            };
            if let Outcome::Broken(_) = oo {
                oracle_broken.lock().unwrap().push(case);
                continue;
            }
            if let Outcome::Broken(_) = uo {
                crashes.fetch_add(1, Ordering::SeqCst);
            }
            if oo == uo {
                let mut t = tally.lock().unwrap();
                match oo {
                    Outcome::Value(_) => t.0 += 1,
                    _ => t.1 += 1,
                }
                continue;
            }
            let msgs: Vec<String> = [&oo, &uo]
                .iter()
                .filter_map(|x| match x {
                    Outcome::Error(Some(m)) => Some(m.clone()),
                    _ => None,
                })
                .collect();
            if let Some((sub, _)) = INTENDED_DIFFERENCES
                .iter()
                .find(|(sub, _)| msgs.iter().any(|m| m.contains(sub)))
            {
                tolerated.lock().unwrap().push((index, sub));
                continue;
            }
            mismatches.lock().unwrap().push(case);
        }));
    }
    for h in handles {
        h.join().expect("worker thread panicked");
    }
    let elapsed = started.elapsed();

    let mut mismatches = std::mem::take(&mut *mismatches.lock().unwrap());
    mismatches.sort_by_key(|c| c.index);
    let mut oracle_broken = std::mem::take(&mut *oracle_broken.lock().unwrap());
    oracle_broken.sort_by_key(|c| c.index);
    let tolerated = tolerated.lock().unwrap().clone();
    let (values, errors) = *tally.lock().unwrap();
    let ran = done.load(Ordering::SeqCst);
    let stopped_early = ran < cases;

    let summary = format!(
        "differential: seed {}: {} of {} cases run in {:.1}s: {} values and {} errors agree, {} mismatches, \
         {} tolerated (INTENDED_DIFFERENCES), {} oracle failures{}",
        seed,
        ran,
        cases,
        elapsed.as_secs_f64(),
        values,
        errors,
        mismatches.len(),
        tolerated.len(),
        oracle_broken.len(),
        if stopped_early { format!(" (stopped early after {} nixpad crashes/timeouts)", MAX_CRASHES) } else { String::new() }
    );
    eprintln!("{}", summary);

    if mismatches.is_empty() && oracle_broken.is_empty() && !stopped_early {
        return;
    }

    let mut report = String::new();
    for c in mismatches.iter().take(MAX_PRINTED) {
        report.push_str(&format!(
            "\n=== mismatch: case {} (case seed {}; base seed {}; errors injected: {})\n--- program:\n{}\n\
             --- nix (oracle):\n{}--- nixpad:\n{}\
             --- reproduce: NIXPAD_DIFF_SEED={} NIXPAD_DIFF_CASES=1 cargo test -p nixpad-cli --test differential -- --nocapture\n",
            c.index,
            c.seed,
            seed,
            if c.injected { "yes" } else { "no" },
            c.program,
            describe(&c.oracle),
            describe(&c.ours),
            c.seed
        ));
    }
    if mismatches.len() > MAX_PRINTED {
        report.push_str(&format!(
            "\n... and {} more mismatches (cases",
            mismatches.len() - MAX_PRINTED
        ));
        for c in mismatches.iter().skip(MAX_PRINTED).take(200) {
            report.push_str(&format!(" {}", c.index));
        }
        report.push_str(")\n");
    }
    for c in oracle_broken.iter().take(5) {
        report.push_str(&format!(
            "\n=== the oracle itself failed (not 0/1 exit, or timed out): case {} (case seed {})\n--- program:\n{}\n--- nix (oracle):\n{}",
            c.index,
            c.seed,
            c.program,
            describe(&c.oracle)
        ));
    }
    if !oracle_broken.is_empty() {
        report.push_str(
            "\nThe oracle should never fail on generated programs: fix the generator (tests/gen/mod.rs) \
             or the oracle setup.\n",
        );
    }
    // Also keep the full list in a file, for long runs.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("differential-{}.txt", seed));
    let mut full = String::new();
    for c in &mismatches {
        full.push_str(&format!(
            "=== case {} (case seed {})\n--- program:\n{}\n--- nix:\n{}--- nixpad:\n{}\n",
            c.index,
            c.seed,
            c.program,
            describe(&c.oracle),
            describe(&c.ours)
        ));
    }
    if std::fs::write(&path, full).is_ok() {
        report.push_str(&format!("\nAll mismatches: {}\n", path.display()));
    }
    panic!("{}\n{}", report, summary);
}
