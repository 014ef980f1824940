#![cfg(not(target_arch = "wasm32"))]
//! The module system of nixpkgs-lite (`lib.evalModules`, `lib.options`, `lib.types`) and
//! nixos-lite (`import <nixpkgs/nixos>`), evaluated in-process from the embedded files as
//! in the browser: every case in `tests/modules/` and `tests/nixos/` gives its expected
//! value (`.exp`, printed as `nix-instantiate --eval --strict` prints it) or its whole error
//! message (`.err`, nixpkgs' wording; `NIXPKGS` stands for nixpkgs-lite's folder). The same
//! cases are compared with real Nix in `crates/nixpad-cli/tests/nixpkgs_lite_modules.rs`.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Settings};
use nixpad_pkgs::MEMORY_ROOT;

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every file under `dir`, as (path relative to `dir`, contents).
fn files_under(dir: &Path, relative: &str, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("test folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("{relative}/{name}");
        if path.is_dir() {
            files_under(&path, &rel, out);
        } else {
            out.push((rel, std::fs::read(&path).expect("read")));
        }
    }
}

/// An evaluator whose `<nixpkgs>` is the embedded nixpkgs-lite, with the cases under
/// `/tests/modules` and `/tests/nixos`.
fn evaluator() -> Evaluator {
    let mut io = MemoryIO::new();
    nixpad_pkgs::add_to_memory_io(&mut io, MEMORY_ROOT);
    let mut files = Vec::new();
    for folder in ["modules", "nixos"] {
        files_under(
            &tests_dir().join(folder),
            &format!("/tests/{folder}"),
            &mut files,
        );
    }
    for (path, bytes) in files {
        io.add_file(&path, bytes);
    }
    let mut settings = Settings::default();
    settings.add_nix_path(&format!("nixpkgs={MEMORY_ROOT}"));
    Evaluator::new(Rc::new(io), settings, Limits::default())
}

/// Runs every case of `tests/FOLDER` (at least `minimum` of them).
fn check_cases(folder: &str, minimum: usize) {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(tests_dir().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .collect();
    cases.sort();
    assert!(cases.len() >= minimum, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let mut ev = evaluator();
        let result = ev
            .eval_file(&format!("/tests/{folder}/{name}"))
            .and_then(|v| ev.print(&v, true));
        let exp = case.with_extension("exp");
        let err = case.with_extension("err");
        if exp.exists() {
            let want = std::fs::read_to_string(&exp).unwrap();
            match result {
                Ok(out) if String::from_utf8_lossy(&out) == want.trim_end() => {}
                Ok(out) => failures.push(format!(
                    "{name}: expected\n{want}got\n{}",
                    String::from_utf8_lossy(&out)
                )),
                Err(e) => failures.push(format!("{name}: failed\n{}", ev.render_error(&e))),
            }
        } else if err.exists() {
            let want = std::fs::read_to_string(&err)
                .unwrap()
                .replace("NIXPKGS", MEMORY_ROOT);
            match result {
                Err(e) if e.message().trim_end() == want.trim_end() => {}
                Err(e) => failures.push(format!(
                    "{name}: expected the error\n{want}\ngot\n{}",
                    e.message()
                )),
                Ok(out) => failures.push(format!(
                    "{name}: expected an error, got {}",
                    String::from_utf8_lossy(&out)
                )),
            }
        } else {
            failures.push(format!("{name}: no .exp or .err file"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn module_cases_give_their_expected_values_and_errors() {
    check_cases("modules", 33);
}

#[test]
fn nixos_cases_give_their_expected_values_and_errors() {
    check_cases("nixos", 7);
}
