//! The Flake output tab's data: the playground's files as a flake (`flake.nix` at the
//! root), loaded as Nix loads it — inputs from the registry of virtual flakes (nixpkgs is
//! the miniature nixpkgs), locked, evaluated purely — and what the `nix` commands would
//! say: `nix flake show`, the lock file, `nix flake check`'s error and warnings, the
//! derivation `nix build .#x` / `nix develop .#x` would use for each output, and the
//! program `nix run .#x` would run. The worker collects ([`overview`]); the page renders.

use std::collections::BTreeMap;

use nixpad_eval::ValueView;
use nixpad_flake::{Flake, ShowOptions};
use serde::{Deserialize, Serialize};

/// The system the playground's flake is shown for.
pub const SYSTEM: &str = "x86_64-linux";

/// A derivation an output gives: its attribute path, `.drv` path and output paths.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputDerivation {
    /// `packages.x86_64-linux.default`.
    pub attr: String,
    /// Its `.drv` path.
    pub drv_path: String,
    /// Output name → store path.
    pub outputs: Vec<(String, String)>,
}

/// What the playground shows for a flake.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlakeOverview {
    /// Why the files are not a flake that loads (no `flake.nix`, a refused `flake.nix`,
    /// an input that does not resolve).
    pub error: Option<String>,
    /// `nix flake show`'s text, or its error.
    pub show: String,
    /// The lock file Nix would write (JSON text); `None` when the flake has no inputs.
    pub lock: Option<String>,
    /// `nix flake check --no-build`'s error, if any.
    pub check_error: Option<String>,
    /// Its warnings.
    pub warnings: Vec<String>,
    /// The derivations of the outputs (packages, dev shells, checks, formatter).
    pub derivations: Vec<OutputDerivation>,
    /// Each app of the system: its attribute path and the program `nix run` would run,
    /// or why it has none.
    pub apps: Vec<(String, Result<String, String>)>,
}

/// Loads `files` as a flake and describes it; `nixpkgs` are nixpkgs-lite's files.
pub fn overview(files: &BTreeMap<String, String>, nixpkgs: &BTreeMap<String, Vec<u8>>) -> FlakeOverview {
    if !files.contains_key("flake.nix") {
        return FlakeOverview {
            error: Some("There is no flake.nix: a flake is a folder with a file named flake.nix at its root.".into()),
            ..FlakeOverview::default()
        };
    }
    let bytes = files
        .iter()
        .map(|(name, text)| (name.clone(), text.as_bytes().to_vec()))
        .collect();
    let mut flake = match nixpad_flake::load_files(&bytes, nixpkgs, SYSTEM) {
        Ok(flake) => flake,
        Err(e) => {
            return FlakeOverview {
                error: Some(e),
                ..FlakeOverview::default()
            }
        }
    };
    let root = flake.source.store_path.clone();
    let local = |message: String| message.replace(&root, "");
    let show = nixpad_flake::show_text(&mut flake, &ShowOptions::default()).unwrap_or_else(&local);
    let check = nixpad_flake::check(&mut flake, Some(SYSTEM));
    let derivations = check
        .derivations
        .iter()
        .map(|(attr, drv_path)| OutputDerivation {
            attr: attr.clone(),
            drv_path: drv_path.clone(),
            outputs: flake
                .evaluator
                .derivation_info(drv_path)
                .map(|info| info.outputs)
                .unwrap_or_default(),
        })
        .collect();
    FlakeOverview {
        error: None,
        show,
        lock: (flake.lock != nixpad_flake::LockFile::empty()).then(|| flake.lock.to_json()),
        check_error: check.error.map(&local),
        warnings: check.warnings,
        apps: apps(&mut flake),
        derivations,
    }
}

/// The programs of `apps.SYSTEM.*`.
fn apps(flake: &mut Flake) -> Vec<(String, Result<String, String>)> {
    let Ok(apps) = flake.select_exact(&format!("apps.{SYSTEM}")) else {
        return Vec::new();
    };
    let ev = &mut flake.evaluator;
    let Ok(ValueView::Attrs(items)) = ev.view(&apps, true) else {
        return Vec::new();
    };
    items
        .into_iter()
        .map(|(name, app)| {
            let program = match ev.view(&app, true) {
                Ok(ValueView::Attrs(fields)) => match fields.into_iter().find(|(n, _)| n == "program") {
                    Some((_, p)) => match ev.view(&p, true) {
                        Ok(ValueView::String(s)) => Ok(String::from_utf8_lossy(&s).into_owned()),
                        Ok(_) => Err("its program is not a string".to_string()),
                        Err(e) => Err(e.message()),
                    },
                    None => Err("it has no program".to_string()),
                },
                Ok(_) => Err("it is not a set".to_string()),
                Err(e) => Err(e.message()),
            };
            (format!("apps.{SYSTEM}.{name}"), program)
        })
        .collect()
}
