#![cfg(not(target_arch = "wasm32"))]
//! SBOMs and licence reports of small hand-made graphs (every value worked out by hand)
//! and of a nixpkgs-lite package.

use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};
use nixpad_pkgs::sbom::{cyclonedx, graph, licence_report, Need};
use nixpad_pkgs::MEMORY_ROOT;

fn evaluator() -> Evaluator {
    let mut io = MemoryIO::new();
    nixpad_pkgs::add_to_memory_io(&mut io, MEMORY_ROOT);
    let mut settings = Settings::default();
    settings.add_nix_path(&format!("nixpkgs={MEMORY_ROOT}"));
    Evaluator::new(Rc::new(io), settings, Limits::default())
}

/// Three derivations: `app` links `lib` (runtime) and is built with `tool` (build only);
/// `lib`'s own runtime input is `tool`, which stays build-only for `app`... unless reached
/// at run time some other way.
const GRAPH: &str = r#"
let
  mk = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // builtins.removeAttrs attrs [ "meta" ]) // attrs;
  gpl = { spdxId = "GPL-3.0-or-later"; fullName = "GNU General Public License v3.0 or later"; free = true; };
  tool = mk "tool-1.0" { pname = "tool"; version = "1.0"; meta.license = gpl; };
  src = mk "app-src.tar.gz" { outputHashMode = "flat"; outputHashAlgo = null; outputHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
  lib = mk "lib-2.0" { pname = "lib"; version = "2.0"; nativeBuildInputs = [ tool ]; meta.license = { spdxId = "MIT"; fullName = "MIT License"; }; };
  app = mk "app-3.0" { pname = "app"; version = "3.0"; buildInputs = [ lib ]; nativeBuildInputs = [ tool ]; inherit src;
    meta = { description = "The app"; license = [ { fullName = "Unfree"; free = false; } "custom" ]; }; };
in app
"#;

#[test]
fn the_graph_marks_what_is_needed_at_run_time() {
    let mut ev = evaluator();
    let app = ev.eval_source(GRAPH, Origin::String, "/").unwrap();
    let g = graph(&mut ev, &app).unwrap();
    let names: Vec<(&str, Need)> = g
        .components
        .iter()
        .map(|c| (c.name.as_str(), c.need))
        .collect();
    assert_eq!(
        names,
        [
            ("app-3.0", Need::Runtime),
            ("lib-2.0", Need::Runtime),
            ("tool-1.0", Need::Build),
            ("app-src.tar.gz", Need::Build),
        ]
    );
    let app = &g.components[0];
    assert_eq!(app.pname, "app");
    assert_eq!(app.version.as_deref(), Some("3.0"));
    assert_eq!(app.description.as_deref(), Some("The app"));
    assert_eq!(app.licences.len(), 2);
    assert!(!app.licences[0].free);
    assert_eq!(app.licences[1].name, "custom");
    // The source's fixed hash identifies the app's source.
    assert_eq!(
        app.source_hash.as_deref(),
        Some("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    );
    assert_eq!(app.depends_on.len(), 3);
}

#[test]
fn cyclonedx_lists_components_licences_hashes_and_dependencies() {
    let mut ev = evaluator();
    let app = ev.eval_source(GRAPH, Origin::String, "/").unwrap();
    let g = graph(&mut ev, &app).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&cyclonedx(&g)).unwrap();
    assert_eq!(doc["bomFormat"], "CycloneDX");
    assert_eq!(doc["specVersion"], "1.5");
    assert_eq!(doc["metadata"]["component"]["name"], "app");
    assert_eq!(doc["metadata"]["component"]["type"], "application");
    // sha256 of the empty string, in hexadecimal.
    assert_eq!(
        doc["metadata"]["component"]["hashes"][0]["content"],
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    let components = doc["components"].as_array().unwrap();
    assert_eq!(components.len(), 3);
    let by_name = |n: &str| components.iter().find(|c| c["name"] == n).unwrap();
    assert_eq!(by_name("lib")["scope"], "required");
    assert_eq!(by_name("lib")["licenses"][0]["license"]["id"], "MIT");
    assert_eq!(by_name("tool")["scope"], "excluded");
    assert_eq!(doc["dependencies"].as_array().unwrap().len(), 4);
    // Deterministic: the same graph, the same document.
    assert_eq!(cyclonedx(&g), cyclonedx(&graph(&mut ev, &app).unwrap()));
}

#[test]
fn the_licence_report_flags_unfree_and_copyleft() {
    let mut ev = evaluator();
    let app = ev.eval_source(GRAPH, Origin::String, "/").unwrap();
    let report = licence_report(&graph(&mut ev, &app).unwrap());
    let lines: Vec<&str> = report.lines().collect();
    assert!(
        lines[0].contains("app") && lines[0].ends_with("UNFREE"),
        "{report}"
    );
    assert!(
        lines[2].contains("tool")
            && lines[2].contains("GPL-3.0-or-later")
            && lines[2].ends_with("copyleft"),
        "{report}"
    );
    assert_eq!(
        lines.last().unwrap(),
        &"4 components (2 needed at run time); 1 unfree, 1 copyleft"
    );
}

#[test]
fn a_nixpkgs_lite_package_and_errors() {
    let mut ev = evaluator();
    let curl = ev
        .eval_source("(import <nixpkgs> { }).curl", Origin::String, "/")
        .unwrap();
    let g = graph(&mut ev, &curl).unwrap();
    let runtime: Vec<&str> = g
        .components
        .iter()
        .filter(|c| c.need == Need::Runtime)
        .map(|c| c.pname.as_str())
        .collect();
    assert_eq!(runtime, ["curl", "openssl", "zlib", "nghttp2"]);
    let not_drv = ev.eval_source("1", Origin::String, "/").unwrap();
    let e = graph(&mut ev, &not_drv).unwrap_err();
    assert_eq!(e.message(), "an SBOM is made for a derivation, not int");
}
