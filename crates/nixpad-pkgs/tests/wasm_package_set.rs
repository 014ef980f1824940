//! The package set under wasm32 (node's V8, as in the browser worker): every package's
//! `.drv` path with the two test overlays is the committed list, however deep the
//! dependency graph; the time it takes is printed (a figure, not a test). Run with
//! `cargo test --release -p nixpad-pkgs --target wasm32-unknown-unknown --test wasm_package_set -- --nocapture`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};
use nixpad_pkgs::{list_packages, PackageState, MEMORY_ROOT};
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

fn evaluator() -> Evaluator {
    let mut io = MemoryIO::new();
    nixpad_pkgs::add_to_memory_io(&mut io, MEMORY_ROOT);
    io.add_file(
        "/tests/overlays/security-patch.nix",
        include_bytes!("overlays/security-patch.nix").as_slice(),
    );
    io.add_file(
        "/tests/overlays/openssl-fix-cve.patch",
        include_bytes!("overlays/openssl-fix-cve.patch").as_slice(),
    );
    io.add_file(
        "/tests/overlays/features.nix",
        include_bytes!("overlays/features.nix").as_slice(),
    );
    let mut settings = Settings::default();
    settings.add_nix_path(&format!("nixpkgs={MEMORY_ROOT}"));
    Evaluator::new(Rc::new(io), settings, Limits::default())
}

fn milliseconds_since(start: f64) -> f64 {
    js_sys::Date::now() - start
}

#[wasm_bindgen_test]
fn hello_evaluates() {
    let want = include_str!("expected/drv-paths.txt")
        .lines()
        .find_map(|l| l.strip_prefix("hello "))
        .unwrap();
    // The first evaluation also pays for V8 compiling the evaluator's code.
    for run in ["cold", "warm"] {
        let start = js_sys::Date::now();
        let mut ev = evaluator();
        let v = ev
            .eval_source("(import <nixpkgs> { }).hello.drvPath", Origin::String, "/")
            .expect("evaluates");
        let out = ev.print(&v, true).expect("prints");
        console_log!(
            "hello.drvPath under wasm32 ({run}): {:.1} ms",
            milliseconds_since(start)
        );
        assert_eq!(String::from_utf8(out).unwrap(), format!("\"{want}\""));
    }
}

#[wasm_bindgen_test]
fn every_package_with_two_overlays_evaluates() {
    let start = js_sys::Date::now();
    let mut ev = evaluator();
    let set = ev
        .eval_source(
            "import <nixpkgs> { config.allowUnfree = true; overlays = [ (import /tests/overlays/security-patch.nix) (import /tests/overlays/features.nix) ]; }",
            Origin::String,
            "/",
        )
        .expect("evaluates");
    let got: String = list_packages(&mut ev, &set)
        .expect("a package set")
        .iter()
        .map(|p| match &p.state {
            PackageState::Drv(d) => format!("{} {d}\n", p.attr),
            PackageState::Failed(e) => panic!("{} fails: {e}", p.attr),
        })
        .collect();
    console_log!(
        "every drvPath with two overlays under wasm32: {:.1} ms",
        milliseconds_since(start)
    );
    assert_eq!(got, include_str!("expected/drv-paths-two-overlays.txt"));
}
