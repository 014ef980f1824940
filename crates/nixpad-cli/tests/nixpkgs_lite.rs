//! nixpkgs-lite through the CLI and through real Nix (`nix-oracle`, `-I nixpkgs=FOLDER`):
//! every package's `.drv` path agrees, with and without two overlays, and equals the
//! committed list; every data-driven case gives its hand-worked value in both; `<nixpkgs>`
//! is nixpkgs-lite by default; `nixpad impact` lists exactly the changed packages.

mod support;

use std::path::{Path, PathBuf};

use support::*;

fn nixpkgs_folder() -> String {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../nixpkgs-lite"))
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn pkgs_tests() -> PathBuf {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("../nixpad-pkgs/tests"))
        .unwrap()
}

const NIXPAD: &str = env!("CARGO_BIN_EXE_nixpad");
/// A whole package set takes longer than one corpus case.
const SET_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

fn check_oracle(oracle: &str) {
    let preflight = run(
        oracle,
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
}

/// `nix-instantiate --eval --strict ARGS` by real Nix and by nixpad, with `<nixpkgs>` the folder.
fn both(oracle: &str, args: &[&str]) -> (Run, Run) {
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
    nix_args.extend_from_slice(args);
    let mut ours_args = vec!["eval", "--strict", "-I", &include];
    ours_args.extend_from_slice(args);
    (
        run(oracle, &nix_args, "", SET_TIMEOUT),
        run(NIXPAD, &ours_args, "", SET_TIMEOUT),
    )
}

/// `{ attr = "drvPath"; ... }` as the committed `attr drvPath` lines (sorted by attribute).
fn as_lines(json: &[u8]) -> String {
    let text = String::from_utf8_lossy(json);
    let body = text.trim().trim_start_matches('{').trim_end_matches('}');
    let mut lines: Vec<String> = body
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|entry| {
            let (name, value) = entry.split_once(" = ").expect("name = value");
            format!("{} {}", name.trim_matches('"'), value.trim_matches('"'))
        })
        .collect();
    lines.sort();
    lines.join("\n") + "\n"
}

fn committed(file: &str) -> String {
    let text = std::fs::read_to_string(pkgs_tests().join("expected").join(file)).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort();
    lines.join("\n") + "\n"
}

#[test]
fn every_drv_path_agrees_with_real_nix_with_and_without_two_overlays() {
    let oracle = oracle_path();
    check_oracle(&oracle);
    let all = pkgs_tests()
        .join("all-drv-paths.nix")
        .to_string_lossy()
        .into_owned();
    let overlays = format!(
        "[ (import {0}/overlays/security-patch.nix) (import {0}/overlays/features.nix) ]",
        pkgs_tests().display()
    );
    for (label, extra, expected) in [
        // (A function file is only called when some --arg is given, as in Nix.)
        (
            "no overlays",
            vec!["--arg", "overlays", "[ ]"],
            "drv-paths.txt",
        ),
        (
            "two overlays",
            vec!["--arg", "overlays", overlays.as_str()],
            "drv-paths-two-overlays.txt",
        ),
    ] {
        let mut args = vec![all.as_str()];
        args.extend(extra);
        let (nix, ours) = both(&oracle, &args);
        assert_eq!(
            nix.code,
            Some(0),
            "{label}: real Nix failed: {}",
            describe(&nix)
        );
        assert_eq!(
            ours.code,
            Some(0),
            "{label}: nixpad failed: {}",
            describe(&ours)
        );
        assert!(
            nix.stdout == ours.stdout,
            "{label}: nixpad and Nix disagree:\n--- nix\n{}\n--- nixpad\n{}",
            as_lines(&nix.stdout),
            as_lines(&ours.stdout)
        );
        assert_eq!(
            as_lines(&nix.stdout),
            committed(expected),
            "{label}: real Nix differs from the committed list"
        );
    }
}

/// Cross-compiled package sets (`pkgsCross`): every package's `.drv` path agrees with real
/// Nix, and only packages restricted to other platforms are refused.
#[test]
fn cross_compiled_drv_paths_agree_with_real_nix() {
    let oracle = oracle_path();
    check_oracle(&oracle);
    let listing = pkgs_tests()
        .join("cross-drv-paths.nix")
        .to_string_lossy()
        .into_owned();
    for (platform, refused) in [
        (
            "aarch64-multiplatform",
            vec!["nixfmt-tree", "shellcheck", "shellcheck-minimal"],
        ),
        // The Rust and Go toolchains (and what they build) list no riscv64 platforms.
        (
            "riscv64",
            vec![
                "cargo",
                "fd",
                "fzf",
                "go",
                "nixfmt-tree",
                "ripgrep",
                "rustc",
                "shellcheck",
                "shellcheck-minimal",
                "trunk",
            ],
        ),
    ] {
        let (nix, ours) = both(&oracle, &[&listing, "--argstr", "platform", platform]);
        assert_eq!(
            nix.code,
            Some(0),
            "{platform}: real Nix failed: {}",
            describe(&nix)
        );
        assert!(
            nix.stdout == ours.stdout,
            "{platform}: nixpad and Nix disagree:\n--- nix\n{}\n--- nixpad\n{}",
            as_lines(&nix.stdout),
            as_lines(&ours.stdout)
        );
        let text = String::from_utf8_lossy(&ours.stdout);
        let got: Vec<&str> = text
            .split("; ")
            .filter(|entry| entry.ends_with("= \"refused\""))
            .map(|entry| {
                entry
                    .trim_start_matches("{ ")
                    .split(' ')
                    .next()
                    .unwrap_or("")
            })
            .collect();
        assert_eq!(got, refused, "{platform}: refused packages");
        let suffix = format!("-{}-", platform_config(platform));
        assert!(
            text.matches(&suffix).count() > 50,
            "{platform}: packages are named after the host platform"
        );
    }
}

/// The config triple of a `lib.systems.examples` platform used above.
fn platform_config(platform: &str) -> &'static str {
    match platform {
        "aarch64-multiplatform" => "aarch64-unknown-linux-gnu",
        _ => "riscv64-unknown-linux-gnu",
    }
}

#[test]
fn cases_agree_with_real_nix() {
    let oracle = oracle_path();
    check_oracle(&oracle);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(pkgs_tests().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    for case in &cases {
        let file = case.to_string_lossy().into_owned();
        let (nix, ours) = both(&oracle, &[&file]);
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let want = if case.with_extension("exp").exists() {
            Outcome::Value(
                std::fs::read_to_string(case.with_extension("exp"))
                    .unwrap()
                    .into_bytes(),
            )
        } else {
            let err = std::fs::read_to_string(case.with_extension("err")).unwrap();
            Outcome::Error(Some(err.trim_end().replace("NIXPKGS", &nixpkgs_folder())))
        };
        for (who, got) in [("nix", &nix), ("nixpad", &ours)] {
            if outcome(got) != want {
                failures.push(format!(
                    "{name}: {who} gives\n{}expected {want:?}",
                    describe(got)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn nixpkgs_is_nixpkgs_lite_unless_the_search_path_says_otherwise() {
    let default = run(NIXPAD, &["eval", "-E", "<nixpkgs>"], "", TIMEOUT);
    assert_eq!(
        String::from_utf8_lossy(&default.stdout).trim(),
        nixpkgs_folder()
    );
    let given = run(
        NIXPAD,
        &["eval", "-I", "nixpkgs=/tmp", "-E", "<nixpkgs>"],
        "",
        TIMEOUT,
    );
    assert_eq!(String::from_utf8_lossy(&given.stdout).trim(), "/tmp");
    let hello = run(
        NIXPAD,
        &["eval", "-E", "(import <nixpkgs> { }).hello.name"],
        "",
        TIMEOUT,
    );
    assert_eq!(
        String::from_utf8_lossy(&hello.stdout).trim(),
        "\"hello-2.12.1\""
    );
}

#[test]
fn impact_lists_exactly_the_changed_packages() {
    let overlay = "final: prev: { pcre2 = prev.pcre2.override { withJit = false; }; }";
    let text = run(NIXPAD, &["impact", "-E", overlay], "", SET_TIMEOUT);
    assert_eq!(text.code, Some(0), "{}", describe(&text));
    // Every package of the committed list is compared.
    let count = committed("drv-paths.txt").lines().count();
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).replacen(&format!(" of {count} packages"), " of N packages", 1),
        "\
4 of N packages rebuild (1 directly, 3 through their inputs); 2 get a new .drv with the same outputs; 0 now fail, 0 evaluate again; 0 added, 0 removed.
Root changes (packages rebuilt because of each): pcre2-10.44 (4)
  fzf         same out  input fzf-0.57.0-go-modules changed; root: pcre2-10.44
  git         rebuild   input pcre2-10.44 changed
  gitMinimal  rebuild   input pcre2-10.44 changed
  pcre2       rebuild   attribute configureFlags changed
  ripgrep     rebuild   input pcre2-10.44 changed
  tree        same out  input source changed; root: pcre2-10.44
"
    );
    let overlay_file = pkgs_tests()
        .join("overlays/features.nix")
        .to_string_lossy()
        .into_owned();
    let json = run(
        NIXPAD,
        &[
            "impact",
            "--json",
            "--config",
            "{ allowUnfree = true; }",
            &overlay_file,
        ],
        "",
        SET_TIMEOUT,
    );
    assert_eq!(json.code, Some(0), "{}", describe(&json));
    let out = String::from_utf8_lossy(&json.stdout);
    assert!(out.contains(r#""added":[{"attr":"fetch-json""#), "{out}");
    assert!(
        out.contains(r#"{"detail":"version","kind":"attributeChanged"}"#),
        "hello's version: {out}"
    );
    let bad = run(
        NIXPAD,
        &["impact", "-E", "final: prev: { hello = throw \"gone\"; }"],
        "",
        SET_TIMEOUT,
    );
    assert!(
        String::from_utf8_lossy(&bad.stdout).contains("  hello  fails     fails now: gone"),
        "{}",
        describe(&bad)
    );
    let usage = run(NIXPAD, &["impact"], "", TIMEOUT);
    assert_eq!(usage.code, Some(1));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("nothing to compare"));
}

#[test]
fn derivation_sbom_reads_its_input_as_eval_does() {
    let sbom = run(
        NIXPAD,
        &[
            "derivation",
            "sbom",
            "-E",
            "import <nixpkgs> { }",
            "-A",
            "jq",
        ],
        "",
        SET_TIMEOUT,
    );
    assert_eq!(sbom.code, Some(0), "{}", describe(&sbom));
    let doc: serde_json::Value = serde_json::from_slice(&sbom.stdout).unwrap();
    assert_eq!(doc["metadata"]["component"]["name"], "jq");
    assert_eq!(
        doc["metadata"]["component"]["licenses"][0]["license"]["id"],
        "MIT"
    );
    let report = run(
        NIXPAD,
        &["derivation", "sbom", "--licenses", "-"],
        "(import <nixpkgs> { config.allowUnfree = true; }).unrar",
        SET_TIMEOUT,
    );
    let text = String::from_utf8_lossy(&report.stdout);
    assert!(text.lines().next().unwrap().ends_with("UNFREE"), "{text}");
    assert!(text.ends_with("1 unfree, 2 copyleft\n"), "{text}");
    let bad = run(
        NIXPAD,
        &["derivation", "sbom", "-E", "{ }"],
        "",
        SET_TIMEOUT,
    );
    assert_eq!(bad.code, Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("an SBOM is made for a derivation, not set")
    );
}
