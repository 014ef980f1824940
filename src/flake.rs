//! The Flake output tab's data: the playground's files as a flake (`flake.nix` at the
//! root), loaded as Nix loads it — inputs from the registry of virtual flakes (nixpkgs is
//! the miniature nixpkgs), locked, evaluated purely — and what the `nix` commands would
//! say: `nix flake show`, the lock file, `nix flake check`'s error and warnings, the
//! derivation `nix build .#x` / `nix develop .#x` would use for each output, and the
//! program `nix run .#x` would run. The worker collects ([`overview`]); the page renders.

use std::collections::BTreeMap;

use nixpad_eval::ValueView;
use nixpad_flake::{Flake, Registry, ShowOptions};
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
    /// For a dev shell, the variables `nix develop` starts from (the derivation's
    /// environment, without the ones every derivation has); empty otherwise.
    pub environment: Vec<(String, String)>,
}

/// The variables of a derivation that say what a shell gives (`nix develop` adds stdenv's
/// setup on top): all but the plumbing every derivation has.
fn shell_environment(show_json: &[u8]) -> Vec<(String, String)> {
    const PLUMBING: &[&str] = &[
        "builder",
        "system",
        "out",
        "outputs",
        "args",
        "name",
        "stdenv",
        "__structuredAttrs",
        "passAsFile",
    ];
    let Ok(serde_json::Value::Object(drvs)) =
        serde_json::from_slice::<serde_json::Value>(show_json)
    else {
        return Vec::new();
    };
    let Some(serde_json::Value::Object(env)) =
        drvs.values().next().and_then(|d| d.get("env")).cloned()
    else {
        return Vec::new();
    };
    env.into_iter()
        .filter(|(k, _)| !PLUMBING.contains(&k.as_str()))
        .filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_string())))
        .filter(|(_, v)| !v.is_empty())
        .collect()
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
    /// `nixConfig` settings Nix applies (name, value).
    pub config: Vec<(String, String)>,
    /// Warnings Nix gives when it reads `nixConfig` (settings it ignores).
    pub config_warnings: Vec<String>,
    /// The registry, as `nix registry list` prints it.
    pub registry: String,
    /// Templates to start from: the reference `nix flake init -t` takes
    /// (`templates#trivial`, `#mine` for the flake's own) and the description.
    pub templates: Vec<(String, String)>,
}

/// What `nix flake init -t REF` copies into the files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateInit {
    /// The template's files (relative path, text).
    pub files: Vec<(String, String)>,
    /// Its welcome text.
    pub welcome_text: Option<String>,
}

/// Loads `files` as a flake and describes it; `nixpkgs` are nixpkgs-lite's files.
pub fn overview(
    files: &BTreeMap<String, String>,
    nixpkgs: &BTreeMap<String, Vec<u8>>,
) -> FlakeOverview {
    let bytes = as_bytes(files);
    let registry = match nixpad_flake::registry_for_files(&bytes, nixpkgs) {
        Ok(r) => r,
        Err(e) => {
            return FlakeOverview {
                error: Some(e),
                registry: Registry::with_nixpkgs(BTreeMap::new()).list(),
                ..FlakeOverview::default()
            }
        }
    };
    let listed = registry.list();
    let mut templates = registry_templates();
    if !files.contains_key("flake.nix") {
        return FlakeOverview {
            error: Some("There is no flake.nix: a flake is a folder with a file named flake.nix at its root.".into()),
            registry: listed,
            templates,
            ..FlakeOverview::default()
        };
    }
    let mut flake = match nixpad_flake::load_files(&bytes, registry, SYSTEM) {
        Ok(flake) => flake,
        Err(e) => {
            return FlakeOverview {
                error: Some(e),
                registry: listed,
                templates,
                ..FlakeOverview::default()
            }
        }
    };
    templates.extend(templates_of(&mut flake, ""));
    let show = nixpad_flake::show_text(&mut flake, &ShowOptions::default())
        .unwrap_or_else(|e| flake.in_own_files(e));
    let check = nixpad_flake::check(&mut flake, Some(SYSTEM));
    let derivations = check
        .derivations
        .iter()
        .map(|(attr, drv_path)| {
            let info = flake.evaluator.derivation_info(drv_path);
            OutputDerivation {
                attr: attr.clone(),
                drv_path: drv_path.clone(),
                environment: match &info {
                    Some(info) if attr.starts_with("devShells.") => {
                        shell_environment(&info.show_json)
                    }
                    _ => Vec::new(),
                },
                outputs: info.map(|info| info.outputs).unwrap_or_default(),
            }
        })
        .collect();
    FlakeOverview {
        error: None,
        show,
        lock: flake.lock_text(),
        check_error: check.error.map(|e| flake.in_own_files(e)),
        warnings: check.warnings,
        apps: apps(&mut flake),
        config: nixpad_flake::accepted_settings(&flake.file, false),
        config_warnings: flake.warnings.clone(),
        registry: listed,
        templates,
        derivations,
    }
}

fn as_bytes(files: &BTreeMap<String, String>) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(name, text)| (name.clone(), text.as_bytes().to_vec()))
        .collect()
}

/// The templates of the registry's `templates` flake, as `templates#NAME` (it has no
/// inputs: the registry need not carry nixpkgs).
fn registry_templates() -> Vec<(String, String)> {
    let options = flake_options(Registry::with_nixpkgs(BTreeMap::new()));
    let host = std::rc::Rc::new(nixpad_eval::MemoryIO::new());
    match nixpad_flake::load_registered(host, "templates", &options) {
        Ok(mut flake) => templates_of(&mut flake, "templates"),
        Err(_) => Vec::new(),
    }
}

/// `templates.*` of a flake with their descriptions, named `PREFIX#NAME`.
fn templates_of(flake: &mut Flake, prefix: &str) -> Vec<(String, String)> {
    let Ok(set) = flake.select_exact("templates") else {
        return Vec::new();
    };
    let ev = &mut flake.evaluator;
    let Ok(ValueView::Attrs(items)) = ev.view(&set, true) else {
        return Vec::new();
    };
    items
        .into_iter()
        .map(|(name, t)| {
            let description = match ev.view(&t, true) {
                Ok(ValueView::Attrs(fields)) => fields
                    .into_iter()
                    .find(|(n, _)| n == "description")
                    .and_then(|(_, d)| match ev.view(&d, true) {
                        Ok(ValueView::String(s)) => Some(String::from_utf8_lossy(&s).into_owned()),
                        _ => None,
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            (format!("{prefix}#{name}"), description)
        })
        .collect()
}

/// Options for loading a registry flake in the browser, with `registry`.
fn flake_options(registry: Registry) -> nixpad_flake::Options {
    nixpad_flake::Options {
        impure: false,
        accept_flake_config: false,
        system: SYSTEM.into(),
        store_dir: "/nix/store".into(),
        update: nixpad_flake::Update::Keep,
        registry,
        ..nixpad_flake::Options::default()
    }
}

/// The files of template `reference` (`templates#trivial`, or `#NAME` for the files'
/// own flake), as `nix flake init -t` copies them.
pub fn init(
    reference: &str,
    files: &BTreeMap<String, String>,
    nixpkgs: &BTreeMap<String, Vec<u8>>,
) -> Result<TemplateInit, String> {
    let (source, name) = reference.split_once('#').unwrap_or((reference, "default"));
    let name = if name.is_empty() { "default" } else { name };
    let bytes = as_bytes(files);
    let registry = nixpad_flake::registry_for_files(&bytes, nixpkgs)?;
    let mut flake = if source.is_empty() {
        nixpad_flake::load_files(&bytes, registry, SYSTEM)?
    } else {
        let host = std::rc::Rc::new(nixpad_eval::MemoryIO::new());
        nixpad_flake::load_registered(host, source, &flake_options(registry))?
    };
    let template = flake.template_files(name)?;
    Ok(TemplateInit {
        files: template
            .files
            .into_iter()
            .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
            .collect(),
        welcome_text: template.welcome_text,
    })
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
                Ok(ValueView::Attrs(fields)) => match fields
                    .into_iter()
                    .find(|(n, _)| n == "program")
                {
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
