#![cfg(not(target_arch = "wasm32"))]
//! nixpkgs-lite evaluated in-process from the embedded files (as in the browser):
//! every package evaluates to its committed `.drv` path (with and without two overlays),
//! the data-driven cases give their hand-worked values, and the rebuild impact of small
//! overlays is exactly the hand-worked list of packages.
//!
//! `UPDATE_EXPECT=1 cargo test -p nixpad-pkgs --test package_set` rewrites
//! `tests/expected/*.txt` (the oracle test in nixpad-cli checks them against real Nix).

use std::path::{Path, PathBuf};
use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};
use nixpad_pkgs::{impact, list_packages, PackageState, MEMORY_ROOT};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// An evaluator whose `<nixpkgs>` is the embedded package set, with this folder's test
/// files under `/tests`.
fn evaluator() -> Evaluator {
    let mut io = MemoryIO::new();
    nixpad_pkgs::add_to_memory_io(&mut io, MEMORY_ROOT);
    for sub in ["cases", "overlays"] {
        for entry in std::fs::read_dir(tests_dir().join(sub)).expect("test folder") {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            io.add_file(
                &format!("/tests/{sub}/{name}"),
                std::fs::read(&path).expect("read"),
            );
        }
    }
    io.add_file(
        "/tests/all-drv-paths.nix",
        std::fs::read(tests_dir().join("all-drv-paths.nix")).expect("read"),
    );
    let mut settings = Settings::default();
    settings.add_nix_path(&format!("nixpkgs={MEMORY_ROOT}"));
    Evaluator::new(Rc::new(io), settings, Limits::default())
}

fn eval(ev: &mut Evaluator, text: &str) -> nixpad_eval::Value {
    match ev.eval_source(text, Origin::String, "/tests") {
        Ok(v) => v,
        Err(e) => panic!("{text}\n{}", ev.render_error(&e)),
    }
}

/// `attr drvPath` lines of a package listing.
fn listing(ev: &mut Evaluator, set_expr: &str) -> String {
    let set = eval(ev, set_expr);
    let packages = list_packages(ev, &set).expect("a package set");
    packages
        .iter()
        .map(|p| match &p.state {
            PackageState::Drv(d) => format!("{} {d}\n", p.attr),
            PackageState::Failed(e) => panic!("{} fails to evaluate: {e}", p.attr),
        })
        .collect()
}

fn check_expected(file: &str, got: &str) {
    let path = tests_dir().join("expected").join(file);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, got).expect("write expectation");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "{file} differs from what nixpkgs-lite gives now (UPDATE_EXPECT=1 rewrites it):\n{}",
        first_difference(&want, got)
    );
}

fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for i in 0..w.len().max(g.len()) {
        if w.get(i) != g.get(i) {
            return format!(
                "line {}: expected {:?}, got {:?}",
                i + 1,
                w.get(i),
                g.get(i)
            );
        }
    }
    String::new()
}

const TWO_OVERLAYS: &str =
    "[ (import /tests/overlays/security-patch.nix) (import /tests/overlays/features.nix) ]";

#[test]
fn every_package_evaluates_to_its_committed_drv_path() {
    let mut ev = evaluator();
    let got = listing(&mut ev, "import <nixpkgs> { config.allowUnfree = true; }");
    let pnames: std::collections::BTreeSet<String> = got
        .lines()
        .map(|l| {
            l.split_once(' ')
                .unwrap()
                .1
                .split_once('-')
                .unwrap()
                .1
                .to_string()
        })
        .collect();
    assert!(
        pnames.len() >= 60,
        "only {} distinct derivations",
        pnames.len()
    );
    check_expected("drv-paths.txt", &got);
}

#[test]
fn every_package_with_two_overlays_evaluates_to_its_committed_drv_path() {
    let mut ev = evaluator();
    let got = listing(
        &mut ev,
        &format!("import <nixpkgs> {{ config.allowUnfree = true; overlays = {TWO_OVERLAYS}; }}"),
    );
    assert!(
        got.contains("\nfetch-json /nix/store/"),
        "the overlay's new package is listed"
    );
    check_expected("drv-paths-two-overlays.txt", &got);
}

#[test]
fn the_listing_in_nix_agrees_with_the_rust_listing() {
    let mut ev = evaluator();
    let rust = listing(&mut ev, "import <nixpkgs> { config.allowUnfree = true; }");
    let nix = eval(&mut ev, "builtins.concatStringsSep \"\" (builtins.attrValues (builtins.mapAttrs (n: d: \"${n} ${d}\\n\") (import /tests/all-drv-paths.nix { })))");
    let text = String::from_utf8(ev.print(&nix, true).unwrap()).unwrap();
    let mut lines: Vec<&str> = rust.lines().collect();
    lines.sort();
    let sorted: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(text, nixpad_eval::quote_string(sorted.as_bytes()));
}

#[test]
fn an_unfree_package_is_the_only_failure_without_allow_unfree() {
    let mut ev = evaluator();
    let set = eval(&mut ev, "import <nixpkgs> { }");
    let failed: Vec<(String, String)> = list_packages(&mut ev, &set)
        .unwrap()
        .into_iter()
        .filter_map(|p| match p.state {
            PackageState::Failed(e) => Some((p.attr, e.lines().next().unwrap_or("").to_string())),
            PackageState::Drv(_) => None,
        })
        .collect();
    assert_eq!(
        failed,
        vec![(
            "unrar".to_string(),
            "Package ‘unrar-7.1.2’ in /nixpkgs-lite/pkgs/by-name/un/unrar/package.nix:9 has an unfree license (‘unfreeRedistributable’), refusing to evaluate.".to_string()
        )]
    );
}

#[test]
fn cases_give_their_hand_worked_values() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(tests_dir().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let mut ev = evaluator();
        let result = ev
            .eval_file(&format!("/tests/cases/{name}"))
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
                .trim_end()
                .replace("NIXPKGS", MEMORY_ROOT);
            match result {
                Err(e) if e.message().lines().next() == Some(want.as_str()) => {}
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

/// The rebuild impact of an overlay, as `(rebuilt, new .drv but same output)` attribute lists.
fn impact_of(overlay: &str) -> (Vec<String>, Vec<String>) {
    let mut ev = evaluator();
    let before = eval(&mut ev, "import <nixpkgs> { }");
    let after = eval(
        &mut ev,
        &format!("import <nixpkgs> {{ overlays = [ ({overlay}) ]; }}"),
    );
    let result = impact(&mut ev, &before, &after).expect("impact");
    assert!(result.added.is_empty() && result.removed.is_empty());
    let pick = |rebuild: bool| {
        result
            .changed
            .iter()
            .filter(|c| c.rebuild == rebuild)
            .map(|c| c.attr.clone())
            .collect()
    };
    (pick(true), pick(false))
}

#[test]
fn impact_of_a_leaf_library_is_its_only_user() {
    // oniguruma is used by jq alone.
    let (rebuilt, same) =
        impact_of("final: prev: { oniguruma = prev.oniguruma.override { }; x = 1; }");
    assert_eq!(
        (rebuilt, same),
        (vec![], vec![]),
        "override with no change changes nothing"
    );
    let (rebuilt, same) =
        impact_of("final: prev: { oniguruma = prev.oniguruma.overrideAttrs { doCheck = true; }; }");
    assert_eq!(rebuilt, ["jq", "oniguruma"]);
    assert!(same.is_empty());
}

#[test]
fn impact_through_a_fetcher_changes_drv_paths_but_not_outputs() {
    // pcre2 is used by git (and gitMinimal) and ripgrep; git is also the tool of fetchgit
    // (tree's source) and of Go's module download (fzf's goModules): those fixed-output
    // derivations get a new .drv, and so do tree and fzf, but their outputs stay.
    let (rebuilt, same) =
        impact_of("final: prev: { pcre2 = prev.pcre2.override { withJit = false; }; }");
    assert_eq!(rebuilt, ["git", "gitMinimal", "pcre2", "ripgrep"]);
    assert_eq!(same, ["fzf", "tree"]);
}

#[test]
fn impact_says_why() {
    let mut ev = evaluator();
    let before = eval(&mut ev, "import <nixpkgs> { }");
    let after = eval(
        &mut ev,
        "import <nixpkgs> { overlays = [ (import /tests/overlays/security-patch.nix) ]; }",
    );
    let result = impact(&mut ev, &before, &after).unwrap();
    let causes = |attr: &str| {
        result
            .changed
            .iter()
            .find(|c| c.attr == attr)
            .map(|c| c.causes.clone())
            .unwrap_or_default()
    };
    use nixpad_pkgs::Cause::*;
    assert_eq!(
        causes("openssl"),
        [
            AttributeChanged("patches".into()),
            SourceChanged("openssl-fix-cve.patch".into())
        ]
    );
    assert_eq!(causes("curl"), [InputChanged("openssl-3.3.2".into())]);
    assert_eq!(causes("hello"), []);
    let roots = |attr: &str| {
        result
            .changed
            .iter()
            .find(|c| c.attr == attr)
            .map(|c| c.roots.clone())
            .unwrap_or_default()
    };
    // requests is rebuilt through python3, which links openssl: the root is openssl.
    assert_eq!(
        causes("python3Packages.requests")[0],
        InputChanged("python3-3.12.8".into())
    );
    assert_eq!(roots("python3Packages.requests"), ["openssl-3.3.2"]);
    assert_eq!(roots("openssl"), ["openssl-3.3.2"]);
    let direct: Vec<&str> = result
        .changed
        .iter()
        .filter(|c| c.is_direct())
        .map(|c| c.attr.as_str())
        .collect();
    assert_eq!(direct, ["openssl"]);
    assert!(result
        .changed
        .iter()
        .all(|c| c.rebuild || c.attr == "tree" || c.attr == "fzf"));
}

#[test]
fn no_file_is_executable() {
    // A file's store path depends on its executable bit; the browser's in-memory files
    // have none, so neither may the files on disk.
    use std::os::unix::fs::PermissionsExt;
    fn walk(dir: &Path, bad: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, bad);
            } else if std::fs::metadata(&path).unwrap().permissions().mode() & 0o111 != 0 {
                bad.push(path.display().to_string());
            }
        }
    }
    let mut bad = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../nixpkgs-lite"),
        &mut bad,
    );
    assert!(bad.is_empty(), "executable files: {bad:?}");
    assert!(nixpad_pkgs::files().len() > 100);
}
