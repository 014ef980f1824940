//! Every case of the language corpus (`crates/nixpad-eval/tests/lang`), evaluated by
//! `nixpad eval --strict FILE` and by real Nix (`nix-instantiate --eval --strict FILE`)
//! right now: both must succeed with identical output, or both fail with the same
//! innermost error message. (The `.exp` files were made by Nix too; this proves they
//! still agree with it, and that the CLI agrees, not only the library.)

mod support;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use support::*;

fn corpus_cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../nixpad-eval/tests/lang");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .collect();
    cases.sort();
    cases
}

#[test]
fn corpus_agrees_with_real_nix() {
    let oracle = oracle_path();
    let preflight = run(
        &oracle,
        &[
            "nix-instantiate",
            "--store",
            "dummy://",
            "--eval",
            "-E",
            "1 + 2",
        ],
        "",
        PREFLIGHT_TIMEOUT,
    );
    assert_eq!(
        String::from_utf8_lossy(&preflight.stdout).trim(),
        "3",
        "the Nix oracle at {oracle} does not work: {}",
        describe(&preflight)
    );
    let cases = Arc::new(corpus_cases());
    assert!(cases.len() >= 400, "corpus too small: {}", cases.len());
    let next = Arc::new(Mutex::new(0usize));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let jobs = std::thread::available_parallelism()
        .map(|n| n.get() + 1)
        .unwrap_or(3);
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let (cases, next, failures, oracle) = (cases.clone(), next.clone(), failures.clone(), oracle.clone());
            std::thread::spawn(move || loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some(case) = cases.get(i) else { break };
                let file = case.to_string_lossy().to_string();
                let nix = run(&oracle, &["nix-instantiate", "--store", "dummy://", "--eval", "--strict", &file], "", TIMEOUT);
                let ours = run(env!("CARGO_BIN_EXE_nixpad"), &["eval", "--strict", &file], "", TIMEOUT);
                let (a, b) = (outcome(&nix), outcome(&ours));
                let agree = matches!((&a, &b), (Outcome::Value(x), Outcome::Value(y)) if x == y)
                    || matches!((&a, &b), (Outcome::Error(Some(x)), Outcome::Error(Some(y))) if x == y);
                if !agree {
                    failures.lock().unwrap().push(format!(
                        "=== {}\n--- nix:\n{}--- nixpad:\n{}",
                        case.file_name().unwrap().to_string_lossy(),
                        describe(&nix),
                        describe(&ours)
                    ));
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }
    let failures = failures.lock().unwrap();
    for f in failures.iter().take(20) {
        eprintln!("{f}");
    }
    eprintln!(
        "oracle corpus: {} passed, {} failed",
        cases.len() - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases disagree with real Nix",
        failures.len(),
        cases.len()
    );
}

/// Errors without a trace are rendered exactly like Nix's: message, position, the source
/// line with a caret, the next line, and notes.
#[test]
fn simple_errors_render_like_nix() {
    let oracle = oracle_path();
    let programs = [
        "{ a = 1; }.b",
        "1 + \"a\"",
        "let x = x; in x",
        "let\n  y = 1;\nin\n  y.z or (throw \"nope\")\n",
        "{ abc = 1; abd = 2; }.abx",
        "builtins.head [ ]",
        "undefined-name",
    ];
    let mut failures = Vec::new();
    // A file given on the command line renders like Nix's too (no frame for loading it).
    let file = std::env::temp_dir().join(format!("nixpad-render-{}.nix", std::process::id()));
    std::fs::write(&file, "{\n  b = undefinedName;\n}\n").expect("temp file");
    let file_arg = file.to_string_lossy().to_string();
    let nix = run(
        &oracle,
        &[
            "nix-instantiate",
            "--store",
            "dummy://",
            "--eval",
            "--strict",
            &file_arg,
        ],
        "",
        TIMEOUT,
    );
    let ours = run(
        env!("CARGO_BIN_EXE_nixpad"),
        &["eval", "--strict", &file_arg],
        "",
        TIMEOUT,
    );
    if strip_ansi(&String::from_utf8_lossy(&nix.stderr)).trim_end()
        != String::from_utf8_lossy(&ours.stderr).trim_end()
    {
        failures.push(format!(
            "--- file\nnix:\n{}\nnixpad:\n{}",
            describe(&nix),
            describe(&ours)
        ));
    }
    let _ = std::fs::remove_file(&file);
    for program in programs {
        let both = both_stderr(&oracle, env!("CARGO_BIN_EXE_nixpad"), &[], program);
        let (a, b) = (both.nix, both.ours);
        if a.trim_end() != b.trim_end() {
            failures.push(format!("--- {program:?}\nnix:\n{a}\nnixpad:\n{b}"));
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} renderings differ", failures.len());
}

/// `--xml` and `--json` output, strict and lazy, agree with Nix's byte for byte.
#[test]
fn xml_and_json_output_match_nix() {
    let oracle = oracle_path();
    let programs = [
        "{ a = 1; b = [ \"x<&>\" null true 1.5 ]; f = x: x; g = { c ? 1, ... }@s: c; }",
        "let x = { y = 1 + 1; }; in [ x (x: x) x ]",
        "{ s = \"a\\nb\"; p = /tmp/x; n = -3; }",
        "builtins.listToAttrs [ { name = \"k\"; value = [ 1 [ 2 ] ]; } ]",
    ];
    let mut failures = Vec::new();
    for program in programs {
        for flags in [
            &["--xml", "--strict"][..],
            &["--xml"][..],
            &["--json", "--strict"][..],
        ] {
            let mut nix_args = vec!["nix-instantiate", "--store", "dummy://", "--eval"];
            nix_args.extend_from_slice(flags);
            nix_args.extend_from_slice(&["-E", program]);
            let mut our_args = vec!["eval"];
            our_args.extend_from_slice(flags);
            our_args.extend_from_slice(&["-E", program]);
            let nix = run(&oracle, &nix_args, "", TIMEOUT);
            let ours = run(env!("CARGO_BIN_EXE_nixpad"), &our_args, "", TIMEOUT);
            if nix.stdout != ours.stdout || nix.code != ours.code {
                failures.push(format!(
                    "--- {program:?} {flags:?}\nnix:\n{}nixpad:\n{}",
                    describe(&nix),
                    describe(&ours)
                ));
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} outputs differ", failures.len());
}
