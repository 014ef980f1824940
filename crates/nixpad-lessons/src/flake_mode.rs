//! Lessons in flake mode (`flake = true`): the learner's files are a flake, and the check
//! sees it as Nix does. Before the check runs, the lesson's files are loaded as the flake
//! `path:/` with `nixpad-flake` (inputs resolved from the registry of virtual flakes,
//! locked, evaluated purely); what Nix would report — the lock file, `nix flake show`,
//! `nix flake check` (its first error and its warnings), the load error — becomes data,
//! and the flake's outputs are the same call of `outputs` evaluated in the check's
//! evaluator (reading the flakes' sources from the store paths `nixpad-flake` mounted).

use std::collections::BTreeMap;
use std::rc::Rc;

use nixpad_eval::EvalIO;
use nixpad_flake::ShowOptions;
use serde_json::{json, Value as Json};

use crate::check::{Files, FlakeSummary};

/// The system flake lessons evaluate for (`nix flake show`'s current system).
pub const SYSTEM: &str = "x86_64-linux";

/// A learner's flake, loaded.
pub struct LoadedFlake {
    /// What the check receives as data (`flake.lock`, `flake.show`, `flake.check`, …), as
    /// JSON text.
    pub report: String,
    /// The expression that calls the outputs, when the flake loaded.
    pub expression: Option<String>,
    /// Reads the store paths of the flake and its inputs.
    pub store: Option<Rc<dyn EvalIO>>,
    /// What the page shows: the lock file, `nix flake show`.
    pub summary: FlakeSummary,
}

/// Loads `files` as a flake lesson's check sees it, with the package set of `options`
/// (`None` without one): for reproducing a check run outside Nixpad (real Nix reads the
/// report, and evaluates the call expression over copies of the sources).
pub fn load_flake(files: &Files, options: &crate::CheckOptions) -> Option<LoadedFlake> {
    options.package_set.as_ref().map(|p| load(files, p.files()))
}

/// Loads `files` as a flake, with nixpkgs-lite's files (`nixpkgs`) in the registry.
pub fn load(files: &Files, nixpkgs: &BTreeMap<String, Vec<u8>>) -> LoadedFlake {
    let bytes: BTreeMap<String, Vec<u8>> = files
        .iter()
        .map(|(name, text)| (name.clone(), text.as_bytes().to_vec()))
        .collect();
    let loaded = nixpad_flake::registry_for_files(&bytes, nixpkgs)
        .and_then(|registry| nixpad_flake::load_files(&bytes, registry, SYSTEM));
    let mut flake = match loaded {
        Ok(flake) => flake,
        Err(error) => {
            return LoadedFlake {
                report: json!({ "error": error }).to_string(),
                expression: None,
                store: None,
                summary: FlakeSummary {
                    lock: None,
                    show: String::new(),
                    error: Some(error),
                },
            }
        }
    };
    let lock: Json = serde_json::from_str(&flake.lock.to_json()).unwrap_or(Json::Null);
    let (show, show_error, show_text) =
        match nixpad_flake::show_both(&mut flake, &ShowOptions::default()) {
            Ok((tree, text)) => (tree, Json::Null, text),
            Err(e) => {
                let e = flake.in_own_files(e);
                (Json::Null, json!(e), e)
            }
        };
    let check = nixpad_flake::check(&mut flake, Some(SYSTEM));
    let check_error = check.error.map(|e| flake.in_own_files(e));
    let report = json!({
        "error": null,
        "lock": lock,
        "lockChanged": flake.lock_changed,
        "show": show,
        "showError": show_error,
        "check": {
            "ok": check_error.is_none(),
            "error": check_error,
            "warnings": check.warnings,
        },
        "warnings": flake.warnings,
        "description": flake.file.description,
    });
    LoadedFlake {
        report: report.to_string(),
        expression: Some(flake.expression.clone()),
        store: Some(flake.io.clone()),
        summary: FlakeSummary {
            lock: flake.lock_text(),
            show: show_text,
            error: None,
        },
    }
}
