//! The module system of nixpkgs-lite through the CLI and through real Nix (`nix-oracle`,
//! `-I nixpkgs=FOLDER`): every case in `crates/nixpad-pkgs/tests/modules/` gives the same
//! value in both (as printed, and as JSON), equal to its `.exp`; an error case fails in
//! both with its `.err` message (`NIXPKGS` standing for nixpkgs-lite's folder) (real Nix's whole message is checked, Nixpad's first line
//! here and its whole message in nixpad-pkgs' `modules` test). The nixos-lite cases
//! (`crates/nixpad-pkgs/tests/nixos/`) are compared the same way.

mod support;

use std::path::{Path, PathBuf};

use support::*;

const NIXPAD: &str = env!("CARGO_BIN_EXE_nixpad");
/// A module evaluation with a package set takes longer than one corpus case.
const CASE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

fn nixpkgs_folder() -> String {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../nixpkgs-lite"))
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn cases_in(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../nixpad-pkgs/tests")
        .join(folder);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .collect();
    cases.sort();
    cases
}

/// Real Nix's and nixpad's `--eval --strict [EXTRA] FILE`, with `<nixpkgs>` the folder.
fn both(oracle: &str, extra: &[&str], file: &str) -> (Run, Run) {
    let include = format!("nixpkgs={}", nixpkgs_folder());
    let mut nix_args = vec![
        "nix-instantiate",
        "--store",
        "dummy://",
        "--eval",
        "--strict",
        "-I",
        &include,
    ];
    nix_args.extend_from_slice(extra);
    nix_args.push(file);
    let mut ours_args = vec!["eval", "--strict", "-I", &include];
    ours_args.extend_from_slice(extra);
    ours_args.push(file);
    (
        run(oracle, &nix_args, "", CASE_TIMEOUT),
        run(NIXPAD, &ours_args, "", CASE_TIMEOUT),
    )
}

/// Real Nix's error message as written (its lines are indented under `error: `).
fn nix_message(stderr: &[u8]) -> String {
    let text = strip_ansi(&String::from_utf8_lossy(stderr));
    let start = text
        .rfind("error: ")
        .map(|i| i + "error: ".len())
        .unwrap_or(0);
    text[start..]
        .lines()
        .map(|l| l.strip_prefix("       ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_folder(folder: &str, minimum: usize) {
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
    let cases = cases_in(folder);
    assert!(
        cases.len() >= minimum,
        "only {} cases in {folder}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let file = case.to_string_lossy().into_owned();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let (nix, ours) = both(&oracle, &[], &file);
        if case.with_extension("exp").exists() {
            let want = Outcome::Value(std::fs::read(case.with_extension("exp")).unwrap());
            for (who, got) in [("nix", &nix), ("nixpad", &ours)] {
                if outcome(got) != want {
                    failures.push(format!(
                        "{name}: {who} gives\n{}expected {want:?}",
                        describe(got)
                    ));
                }
            }
            let (nix_json, ours_json) = both(&oracle, &["--json"], &file);
            if outcome(&nix_json) != outcome(&ours_json) {
                failures.push(format!(
                    "{name}: the JSON differs\nnix:\n{}nixpad:\n{}",
                    describe(&nix_json),
                    describe(&ours_json)
                ));
            }
        } else {
            let err = std::fs::read_to_string(case.with_extension("err"))
                .unwrap()
                .replace("NIXPKGS", &nixpkgs_folder());
            let err = err.trim_end();
            let first = err.lines().next().unwrap_or("").to_string();
            for (who, got) in [("nix", &nix), ("nixpad", &ours)] {
                if outcome(got) != Outcome::Error(Some(first.clone())) {
                    failures.push(format!(
                        "{name}: {who} gives\n{}expected the error {first:?}",
                        describe(got)
                    ));
                }
            }
            if !nix_message(&nix.stderr).starts_with(err) {
                failures.push(format!(
                    "{name}: real Nix's message is\n{}\nexpected\n{err}",
                    nix_message(&nix.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn module_cases_agree_with_real_nix() {
    check_folder("modules", 33);
}

#[test]
fn nixos_cases_agree_with_real_nix() {
    check_folder("nixos", 7);
}
