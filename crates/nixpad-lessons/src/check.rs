//! Running a lesson's `check.nix` against the learner's files.
//!
//! Each run gets a fresh [`Evaluator`] over a [`MemoryIO`] holding the learner's files at
//! `/NAME` and the check at `/.check/check.nix`, with a step budget ([`CheckOptions::fuel`])
//! so an infinite loop ends as a failed check, not a frozen page. The check file is a
//! function `{ files, syntax, importWith, check, ... }: [ CHECK ... ]` (see
//! `lessons/README.md`): `syntax.NAME` is the [`SyntaxView`] of each learner file,
//! `importWith` re-imports a learner file beside hidden inputs (an overlay directory
//! served by [`CheckIO`]), `check` is the shared library `lessons/lib/check.nix`.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use nixpad_eval::{
    Error, ErrorKind, EvalIO, Evaluator, FileType, Limits, MemoryIO, Origin, Settings,
    SharedSources, Span, Value, ValueView,
};
use serde::{Deserialize, Serialize};

use crate::definitions::module_error_location;
use crate::model::Lesson;
use crate::pretty::{pretty, PrettyLimits};
use crate::syntax::{nix_string, syntax_view};

/// Where the check file is mounted.
const CHECK_PATH: &str = "/.check/check.nix";
/// Where the shared check library (`lessons/lib/check.nix`) is mounted.
const LIBRARY_PATH: &str = "/.check/lib.nix";
/// In flake mode, what Nix reports about the learner's flake (JSON).
const FLAKE_REPORT_PATH: &str = "/.check/flake.json";
/// In flake mode, the expression that calls the learner's flake's outputs.
const FLAKE_CALL_PATH: &str = "/.check/call-flake.nix";
/// The folder under which `importWith` overlays appear: `/.with/ENCODED-OVERRIDES/NAME`.
const OVERLAY_DIR: &str = "/.with/";
/// The origin name of the driver expression.
const DRIVER: &str = "check";
/// Where the miniature nixpkgs is mounted for lessons with `nixpkgs = true`; `<nixpkgs>`
/// resolves here.
pub const NIXPKGS_ROOT: &str = "/.nixpkgs";

/// The miniature nixpkgs' files (paths relative to its folder), for lessons that use
/// `<nixpkgs>`. The host loads them (the CLI embeds them, the browser fetches a pack) and
/// shares one copy between runs.
#[derive(Debug)]
pub struct PackageSet {
    io: MemoryIO,
    /// The same files by relative path: the `nixpkgs` flake of a flake lesson's registry.
    files: BTreeMap<String, Vec<u8>>,
    /// Their lowering, done once and shared by every evaluator that mounts the set.
    sources: SharedSources,
}

impl Default for PackageSet {
    fn default() -> Self {
        PackageSet::from_files([])
    }
}

impl PackageSet {
    /// Its files by relative path.
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }

    /// A package set of `(relative path, bytes)` pairs (`pkgs/top-level/all-packages.nix`).
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> PackageSet {
        let mut io = MemoryIO::new();
        let mut by_path = BTreeMap::new();
        for (path, bytes) in files {
            let path = path.trim_start_matches('/');
            io.add_file(&format!("{NIXPKGS_ROOT}/{path}"), bytes.to_vec());
            by_path.insert(path.to_string(), bytes.to_vec());
        }
        PackageSet {
            io,
            files: by_path,
            sources: SharedSources::new(&format!("{NIXPKGS_ROOT}/")),
        }
    }

    /// A fresh evaluator over `io` (which must mount the set at [`NIXPKGS_ROOT`]) that
    /// reuses the set's files as already parsed by earlier evaluators.
    pub fn evaluator(
        &self,
        io: Rc<dyn nixpad_eval::EvalIO>,
        settings: Settings,
        limits: Limits,
    ) -> Evaluator {
        Evaluator::with_shared_sources(io, settings, limits, &self.sources)
    }
}

/// Knobs of a check run.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Evaluation steps allowed for the whole run (learner code, checks and printing).
    /// Every reference solution of the curriculum needs fewer than 1,000; the default,
    /// 500,000, stops a runaway loop after about 70 ms natively (a few hundred in wasm).
    pub fuel: u64,
    /// Bounds on the pretty-printed `expected`/`actual` values.
    pub pretty: PrettyLimits,
    /// The miniature nixpkgs, for lessons with `nixpkgs = true` (they fail with a clear
    /// error without it).
    pub package_set: Option<Rc<PackageSet>>,
    /// Nix's experimental features the lesson enables (`experimental-features = [...]`
    /// in its front matter, e.g. `ca-derivations`).
    pub experimental_features: Vec<String>,
}

/// Steps a lesson that uses `<nixpkgs>` gets on top of [`CheckOptions::fuel`]: importing
/// the package set and computing a few `.drv` paths costs far more than a language lesson.
const NIXPKGS_EXTRA_FUEL: u64 = 20_000_000;

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            fuel: 500_000,
            pretty: PrettyLimits::default(),
            package_set: None,
            experimental_features: Vec::new(),
        }
    }
}

/// Where an error came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureSource {
    /// The learner's code (its position is in a learner file).
    Learner,
    /// The lesson's `check.nix` (a bug in the lesson, or a check surprised by a value).
    Check,
    /// The step budget or the call depth ran out (an infinite loop or runaway recursion).
    Limit,
}

/// A byte range in one of the learner's files, for underlining in the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The file name (`main.nix`).
    pub file: String,
    /// First byte (0-based).
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start` (in bytes).
    pub col: u32,
}

/// An evaluation error as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvalFailure {
    /// Who is to blame.
    pub source: FailureSource,
    /// The evaluator's stable error code (`E005`).
    pub code: String,
    /// The message as Nix words it (`attribute 'x' missing`).
    pub message: String,
    /// The full error as Nix prints it, with the source line and a caret.
    pub rendered: String,
    /// The innermost position in a learner file, if any.
    pub location: Option<Location>,
}

/// The outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The learner's code does what the check wants.
    Passed,
    /// It does not.
    Failed,
    /// Evaluating the check failed (see [`CheckResult::error`]).
    Error,
    /// Not run: the step budget was spent before it.
    NotRun,
}

/// One check's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    /// The check's name, shown to the learner (`greeting says hello`).
    pub name: String,
    /// Passed, failed, error or not run.
    pub status: CheckStatus,
    /// The wanted value, pretty-printed (when the check gives one).
    pub expected: Option<String>,
    /// What the learner's code gave, pretty-printed (when the check gives one).
    pub actual: Option<String>,
    /// The check's explanation, shown when it does not pass.
    pub message: Option<String>,
    /// Index (0-based) of the hint that helps with this check.
    pub hint: Option<usize>,
    /// Why the check could not be evaluated.
    pub error: Option<EvalFailure>,
    /// What the check wants, in words, when it keeps its expected value hidden
    /// (`reveal = false`); shown when it does not pass.
    #[serde(default)]
    pub why: Option<String>,
}

/// Everything a check run found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// Every check passed (and there was at least one).
    pub passed: bool,
    /// Results in the order `check.nix` lists them.
    pub checks: Vec<CheckResult>,
    /// An error that stopped all checks (a syntax error in the learner's code, a broken
    /// `check.nix`); `checks` is then empty.
    pub error: Option<EvalFailure>,
    /// `builtins.trace` output, in order.
    pub trace: Vec<String>,
    /// In a flake lesson, what Nix says about the learner's flake (the page shows it).
    #[serde(default)]
    pub flake: Option<FlakeSummary>,
}

/// What a flake lesson shows beside the checks: the lock file and `nix flake show`, or
/// why the flake did not load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlakeSummary {
    /// `flake.lock` as Nix would write it (JSON text), when the flake loaded.
    pub lock: Option<String>,
    /// `nix flake show`'s text, or its error.
    pub show: String,
    /// Why the flake did not load, if it did not.
    pub error: Option<String>,
}

impl CheckReport {
    /// How many checks passed.
    pub fn passed_count(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.status == CheckStatus::Passed)
            .count()
    }

    /// The hint that fits the first check that did not pass.
    pub fn suggested_hint(&self) -> Option<usize> {
        self.checks
            .iter()
            .find(|c| c.status != CheckStatus::Passed)
            .and_then(|c| c.hint)
    }

    /// A plain-text account of the report (for the CLI and tests).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(e) = &self.error {
            out.push_str(&e.rendered);
        }
        for c in &self.checks {
            let mark = match c.status {
                CheckStatus::Passed => "pass",
                CheckStatus::Failed => "FAIL",
                CheckStatus::Error => "ERROR",
                CheckStatus::NotRun => "not run",
            };
            out.push_str(&format!("{mark}: {}\n", c.name));
            if c.status != CheckStatus::Passed {
                if let Some(e) = &c.expected {
                    out.push_str(&format!(
                        "  expected: {}\n",
                        e.replace('\n', "\n            ")
                    ));
                }
                if let Some(a) = &c.actual {
                    out.push_str(&format!(
                        "  got:      {}\n",
                        a.replace('\n', "\n            ")
                    ));
                }
                if let Some(m) = &c.message {
                    out.push_str(&format!("  {m}\n"));
                }
                if let Some(w) = &c.why {
                    out.push_str(&format!("  {w}\n"));
                }
                if let Some(e) = &c.error {
                    for line in e.rendered.lines() {
                        out.push_str(&format!("  {line}\n"));
                    }
                }
            }
        }
        out
    }
}

/// The learner's files: name → text.
pub type Files = BTreeMap<String, String>;

/// The file system of a check run: the learner's files at `/NAME`, the lesson's check
/// files under `/.check/`, and the `importWith` overlays: `/.with/OVERRIDES/NAME` is the
/// learner's `/NAME` unless `OVERRIDES` (the JSON of `{ NAME = TEXT; }`, with `%` and `/`
/// percent-encoded) replaces or adds it.
#[derive(Default)]
pub struct CheckIO {
    base: MemoryIO,
    overlays: RefCell<BTreeSet<String>>,
    packages: Option<Rc<PackageSet>>,
    /// In flake mode, the store paths of the learner's flake and its inputs.
    store: Option<Rc<dyn EvalIO>>,
}

impl std::fmt::Debug for CheckIO {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckIO")
            .field("base", &self.base)
            .field("overlays", &self.overlays)
            .field("flake", &self.store.is_some())
            .finish()
    }
}

impl CheckIO {
    fn new(
        files: &Files,
        extra: &[(&str, &str)],
        packages: Option<Rc<PackageSet>>,
        store: Option<Rc<dyn EvalIO>>,
    ) -> CheckIO {
        let mut base = MemoryIO::new();
        for (name, text) in files {
            base.add_file(&format!("/{name}"), text.as_bytes().to_vec());
        }
        for (path, text) in extra {
            base.add_file(path, text.as_bytes().to_vec());
        }
        CheckIO {
            base,
            overlays: RefCell::new(BTreeSet::new()),
            packages,
            store,
        }
    }

    /// The override sets `importWith` used so far, decoded.
    pub fn overlays(&self) -> Vec<Files> {
        self.overlays
            .borrow()
            .iter()
            .filter_map(|c| decode_overlay(c))
            .collect()
    }

    /// The file system that holds `path` when it is not an overlay: the package set under
    /// [`NIXPKGS_ROOT`], a flake lesson's sources in the store, the learner's and the
    /// check's files elsewhere.
    fn plain(&self, path: &str) -> &dyn EvalIO {
        match (&self.packages, &self.store) {
            (Some(p), _)
                if path == NIXPKGS_ROOT || path.starts_with(&format!("{NIXPKGS_ROOT}/")) =>
            {
                &p.io
            }
            (_, Some(store)) if path.starts_with("/nix/store/") => &**store,
            _ => &self.base,
        }
    }

    /// Splits `/.with/COMPONENT/REST` into the overrides and `REST`.
    fn split(&self, path: &str) -> Option<Result<(Files, String), String>> {
        let rest = path.strip_prefix(OVERLAY_DIR)?;
        let (component, name) = rest.split_once('/').unwrap_or((rest, ""));
        Some(match decode_overlay(component) {
            Some(overrides) => {
                self.overlays.borrow_mut().insert(component.to_string());
                Ok((overrides, name.to_string()))
            }
            None => Err("importWith: the overrides are not a set of file name = text".into()),
        })
    }
}

/// The entries the overrides put directly in the folder whose paths start with `prefix`
/// (`""` for the root, else `DIR/`): a file, or a folder holding an overridden file.
fn added_entries(overrides: &Files, prefix: &str) -> BTreeMap<String, FileType> {
    overrides
        .keys()
        .filter_map(|key| key.strip_prefix(prefix))
        .filter(|rest| !rest.is_empty())
        .map(|rest| match rest.split_once('/') {
            Some((folder, _)) => (folder.to_string(), FileType::Directory),
            None => (rest.to_string(), FileType::Regular),
        })
        .collect()
}

/// Decodes an overlay folder name (percent-encoded JSON) into its overrides.
fn decode_overlay(component: &str) -> Option<Files> {
    let json = component.replace("%2F", "/").replace("%25", "%");
    serde_json::from_str(&json).ok()
}

impl EvalIO for CheckIO {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        match self.split(path) {
            None => self.plain(path).read_file(path),
            Some(Err(e)) => Err(e),
            Some(Ok((overrides, name))) => match overrides.get(&name) {
                Some(text) => Ok(text.as_bytes().to_vec()),
                None => self
                    .base
                    .read_file(&format!("/{name}"))
                    .map_err(|e| e.replace(path, &format!("/{name}"))),
            },
        }
    }

    fn file_type(&self, path: &str) -> Option<FileType> {
        match self.split(path) {
            None => self.plain(path).file_type(path),
            Some(Err(_)) => None,
            Some(Ok((_, name))) if name.is_empty() => Some(FileType::Directory),
            Some(Ok((overrides, name))) if overrides.contains_key(&name) => Some(FileType::Regular),
            Some(Ok((overrides, name))) => self.base.file_type(&format!("/{name}")).or_else(|| {
                let prefix = format!("{}/", name.trim_end_matches('/'));
                (!added_entries(&overrides, &prefix).is_empty()).then_some(FileType::Directory)
            }),
        }
    }

    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String> {
        match self.split(path) {
            None => self.plain(path).read_dir(path),
            Some(Err(e)) => Err(e),
            Some(Ok((overrides, name))) => {
                let dir = name.trim_end_matches('/');
                let prefix = if dir.is_empty() {
                    String::new()
                } else {
                    format!("{dir}/")
                };
                let added = added_entries(&overrides, &prefix);
                let base = self.base.read_dir(&format!("/{dir}"));
                let mut entries: BTreeMap<String, FileType> = match base {
                    Ok(entries) => entries
                        .into_iter()
                        // The lesson's hidden files (`.nixpkgs`) are not the learner's.
                        .filter(|(n, _)| !(dir.is_empty() && n.starts_with('.')))
                        .collect(),
                    // A folder only the overrides make.
                    Err(_) if !added.is_empty() => BTreeMap::new(),
                    Err(e) => return Err(e),
                };
                entries.extend(added);
                Ok(entries.into_iter().collect())
            }
        }
    }

    fn read_link(&self, path: &str) -> Result<String, String> {
        self.plain(path).read_link(path)
    }

    fn env_var(&self, name: &str) -> Option<String> {
        self.base.env_var(name)
    }
}

/// A fresh evaluator over `io` with the options' fuel and experimental features; with the
/// package set mounted, `<nixpkgs>` is the miniature nixpkgs and the run gets
/// [`NIXPKGS_EXTRA_FUEL`] more steps.
fn evaluator(io: &Rc<CheckIO>, options: &CheckOptions) -> Evaluator {
    let mut settings = Settings {
        experimental_features: options.experimental_features.clone(),
        ..Settings::default()
    };
    let mut fuel = options.fuel;
    if io.packages.is_some() {
        settings.builtin_search_path = vec![("nixpkgs".into(), NIXPKGS_ROOT.into())];
        fuel = fuel.saturating_add(NIXPKGS_EXTRA_FUEL);
    }
    let limits = Limits {
        fuel: Some(fuel),
        ..Limits::default()
    };
    match &io.packages {
        Some(set) => set.evaluator(io.clone(), settings, limits),
        None => Evaluator::new(io.clone(), settings, limits),
    }
}

/// The package set a run mounts: the options' one when the lesson uses `<nixpkgs>`;
/// `Err` with the learner-facing failure when the host has not loaded it.
fn package_set_for(
    nixpkgs: bool,
    options: &CheckOptions,
) -> Result<Option<Rc<PackageSet>>, EvalFailure> {
    match (nixpkgs, &options.package_set) {
        (false, _) => Ok(None),
        (true, Some(p)) => Ok(Some(p.clone())),
        (true, None) => {
            let message = "this lesson uses the miniature nixpkgs (<nixpkgs>), which is not loaded"
                .to_string();
            Err(EvalFailure {
                source: FailureSource::Check,
                code: "E004".into(),
                rendered: format!("error: {message}\n"),
                message,
                location: None,
            })
        }
    }
}

/// Removes the `importWith` overlay folder from paths in a rendered error, so the
/// learner reads `/main.nix`, not `/.with/{…}/main.nix`.
fn hide_overlays(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(OVERLAY_DIR) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OVERLAY_DIR.len()..];
        match after.find('/') {
            Some(j) => rest = &after[j..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Turns an evaluator error into an [`EvalFailure`], locating it in a learner file.
pub fn failure(ev: &Evaluator, e: &Error, learner_files: &Files) -> EvalFailure {
    let spans = std::iter::once(e.span).chain(e.trace.iter().rev().map(|f| f.span));
    let location = spans
        .flatten()
        .find_map(|span| locate(ev, span, learner_files));
    // The module system's errors name the definition at fault: underline it, not the
    // `throw` in the package set or the use that forced it.
    let location = module_error_location(&e.message(), learner_files).or(location);
    let in_package_set = || {
        std::iter::once(e.span)
            .chain(e.trace.iter().map(|f| f.span))
            .flatten()
            .any(|span| in_nixpkgs(ev, span))
    };
    let source = if matches!(e.kind, ErrorKind::FuelExhausted | ErrorKind::StackOverflow) {
        FailureSource::Limit
    } else if location.is_some() || in_package_set() {
        // An error inside the miniature nixpkgs (lib.evalModules, mkDerivation) comes
        // from what the learner's code gave it: a check is not broken by it.
        FailureSource::Learner
    } else {
        FailureSource::Check
    };
    // The driver's own frames ("while calling the 'isList' builtin at «check»") are
    // machinery, not the learner's or the lesson's code: leave them out.
    let mut shown = e.clone();
    shown
        .trace
        .retain(|f| !f.span.is_some_and(|s| is_driver(ev, s)));
    let mut rendered = hide_overlays(&ev.render_error(&shown));
    if e.kind == ErrorKind::FuelExhausted {
        rendered.push_str("       (the code ran too long: is there an infinite loop or a recursion without an end?)\n");
    } else if e.kind == ErrorKind::StackOverflow {
        rendered
            .push_str("       (too many nested calls: does the recursion reach its base case?)\n");
    }
    EvalFailure {
        source,
        code: e.kind.code().to_string(),
        message: hide_overlays(&e.message()),
        rendered,
        location,
    }
}

/// Whether a span lies in a file of the miniature nixpkgs.
fn in_nixpkgs(ev: &Evaluator, span: Span) -> bool {
    span.file.0 != 0
        && matches!(&ev.sources().get(span.file).origin,
            Origin::File(path) if path.starts_with(&format!("{NIXPKGS_ROOT}/")))
}

/// Whether a span lies in the driver expression (origin `«check»`).
fn is_driver(ev: &Evaluator, span: Span) -> bool {
    span.file.0 != 0 && ev.sources().get(span.file).origin == Origin::Other(DRIVER.into())
}

fn locate(ev: &Evaluator, span: Span, files: &Files) -> Option<Location> {
    if span.file.0 == 0 {
        return None;
    }
    let src = ev.sources().get(span.file);
    let Origin::File(path) = &src.origin else {
        return None;
    };
    let name = match path.strip_prefix(OVERLAY_DIR) {
        // A learner file imported through `importWith` (not one of the hidden inputs).
        Some(rest) => {
            let (component, name) = rest.split_once('/')?;
            if decode_overlay(component)?.contains_key(name) {
                return None;
            }
            name
        }
        None => path.strip_prefix('/')?,
    };
    if !files.contains_key(name) {
        return None;
    }
    let lc = src.line_col(span.start);
    Some(Location {
        file: name.to_string(),
        start: span.start,
        end: span.end.max(span.start),
        line: lc.line,
        col: lc.col,
    })
}

/// The driver: imports the learner's `.nix` files lazily, reads their syntax, and applies
/// the check to them with the library and `importWith`.
fn driver(files: &Files, has_library: bool, flake: bool) -> String {
    let mut imports = String::new();
    let mut sources = String::new();
    let mut syntax = String::new();
    for (name, text) in files {
        let path = nix_string(&format!("/{name}"));
        let key = nix_string(name);
        if name.ends_with(".nix") {
            imports.push_str(&format!("    {key} = import (/. + {path});\n"));
            syntax.push_str(&format!("    {key} = {};\n", syntax_view(text).to_nix()));
        }
        sources.push_str(&format!("    {key} = builtins.readFile (/. + {path});\n"));
    }
    // A flake lesson's check also gets `flake`: Nix's report on the learner's flake, and
    // its outputs (the load error when it did not load).
    let flake = if flake {
        format!(
            "flake = let report = builtins.fromJSON (builtins.readFile {FLAKE_REPORT_PATH}); in report // {{ outputs = if report.error == null then import {FLAKE_CALL_PATH} else throw report.error; }};"
        )
    } else {
        String::new()
    };
    let library = if has_library {
        format!("import {LIBRARY_PATH}")
    } else {
        "{ }".to_string()
    };
    let flake_arg = if flake.is_empty() { "" } else { " flake" };
    format!(
        r#"let
  files = {{
{imports}  }};
  sources = {{
{sources}  }};
  syntax = {{
{syntax}  }};
  check = {library};
  importWith = overrides: name:
    if !(builtins.isAttrs overrides) || !(builtins.all builtins.isString (builtins.attrValues overrides))
    then throw "importWith: the overrides must be a set of file name = Nix source text (a string)"
    else if !(builtins.isString name) then throw "importWith: the file name must be a string"
    else import (/. + "{OVERLAY_DIR}${{builtins.replaceStrings [ "%" "/" ] [ "%25" "%2F" ] (builtins.toJSON overrides)}}/${{name}}");
  {flake}
  checks = import {CHECK_PATH} {{ inherit files sources syntax check importWith{flake_arg}; }};
in if builtins.isList checks
  then map (c: c // {{ __passed = if c ? throws then null else if c ? ok then c.ok else c.actual == c.expected; }}) checks
  else throw "check.nix must return a list of checks, not a ${{builtins.typeOf checks}}"
"#
    )
}

fn attr<'a>(attrs: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// The text of a check run: the lesson's `check.nix` and the shared library
/// (`lessons/lib/check.nix`, passed to it as `check`; empty when there is none).
#[derive(Clone, Copy, Debug)]
pub struct CheckCode<'a> {
    /// The `check.nix` text.
    pub check: &'a str,
    /// The library text, or "".
    pub library: &'a str,
    /// Whether the lesson uses the miniature nixpkgs (`nixpkgs = true`).
    pub nixpkgs: bool,
    /// Whether the learner's files are a flake (`flake = true`): the check receives it
    /// as `flake` (see `flake_mode`). Implies the package set (the registry's nixpkgs).
    pub flake: bool,
}

/// Runs `code.check` against `files`. Never panics: every error ends up in the report.
pub fn run_check(code: CheckCode, files: &Files, options: &CheckOptions) -> CheckReport {
    run_check_io(code, files, options).0
}

/// The override sets (`{ NAME = TEXT; }`) that the check's `importWith` calls used on
/// `files`: the hidden inputs, for reproducing a run outside Nixpad (real Nix).
pub fn hidden_inputs(code: CheckCode, files: &Files, options: &CheckOptions) -> Vec<Files> {
    run_check_io(code, files, options).1.overlays()
}

fn string_attr(ev: &mut Evaluator, attrs: &[(String, Value)], name: &str) -> Option<String> {
    match attr(attrs, name).map(|v| ev.view(v, true)) {
        Some(Ok(ValueView::String(s))) => Some(String::from_utf8_lossy(&s).into_owned()),
        _ => None,
    }
}

/// Reads what a check says to the learner (`message`, `why`), only when it did not pass:
/// a `why` such as `check.drvDiff …` costs evaluation.
fn explain(ev: &mut Evaluator, attrs: &[(String, Value)], result: &mut CheckResult) {
    if result.status != CheckStatus::Passed {
        result.message = string_attr(ev, attrs, "message");
        result.why = string_attr(ev, attrs, "why");
    }
}

fn check_bug(name: &str, message: String) -> EvalFailure {
    EvalFailure {
        source: FailureSource::Check,
        code: "E004".into(),
        rendered: format!("error: check '{name}': {message}\n"),
        message,
        location: None,
    }
}

/// Whether an error message matches a `throws` pattern (POSIX ERE, anywhere in the
/// message, as `builtins.match ".*(REGEX).*"` on the message with newlines as spaces).
fn message_matches(pattern: &str, message: &str) -> Result<bool, String> {
    let regex = nixpad_eval::regex::Regex::new(format!(".*({pattern}).*").as_bytes())?;
    Ok(regex
        .full_match(message.replace('\n', " ").as_bytes())
        .is_some())
}

fn run_check_io(
    code: CheckCode,
    files: &Files,
    options: &CheckOptions,
) -> (CheckReport, Rc<CheckIO>) {
    let mut report = CheckReport {
        passed: false,
        checks: Vec::new(),
        error: None,
        trace: Vec::new(),
        flake: None,
    };
    let has_library = !code.library.is_empty();
    let mut mounted = vec![(CHECK_PATH, code.check)];
    if has_library {
        mounted.push((LIBRARY_PATH, code.library));
    }
    let packages = match package_set_for(code.nixpkgs || code.flake, options) {
        Ok(p) => p,
        Err(f) => {
            report.error = Some(f);
            return (report, Rc::new(CheckIO::default()));
        }
    };
    let flake = match (&packages, code.flake) {
        (Some(p), true) => Some(crate::flake_mode::load(files, p.files())),
        _ => None,
    };
    if let Some(f) = &flake {
        mounted.push((FLAKE_REPORT_PATH, &f.report));
        if let Some(expression) = &f.expression {
            mounted.push((FLAKE_CALL_PATH, expression));
        }
    }
    let store = flake.as_ref().and_then(|f| f.store.clone());
    report.flake = flake.as_ref().map(|f| f.summary.clone());
    let io = Rc::new(CheckIO::new(files, &mounted, packages, store));
    let mut ev = evaluator(&io, options);
    // A check.nix (or library) that does not parse is the lesson's bug: say so plainly.
    for (path, text) in mounted
        .iter()
        .filter(|(p, _)| *p == CHECK_PATH || *p == LIBRARY_PATH)
    {
        if let Err(e) = ev.check_source(text, Origin::File((*path).into()), "/.check") {
            report.error = Some(failure(&ev, &e, files));
            return (report, io);
        }
    }
    // Syntax and scope errors in the learner's files first: they stop everything.
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".nix")) {
        if let Err(e) = ev.check_source(text, Origin::File(format!("/{name}")), "/") {
            report.error = Some(failure(&ev, &e, files));
            return (report, io);
        }
    }
    let list = match ev
        .eval_source(
            &driver(files, has_library, flake.is_some()),
            Origin::Other(DRIVER.into()),
            "/",
        )
        .and_then(|v| ev.view(&v, true))
    {
        Ok(ValueView::List(items)) => items,
        Ok(_) => Vec::new(),
        Err(e) => {
            report.error = Some(failure(&ev, &e, files));
            report.trace = ev.take_trace_lines();
            return (report, io);
        }
    };
    let mut out_of_fuel = false;
    for (i, item) in list.iter().enumerate() {
        let mut result = CheckResult {
            name: format!("check {}", i + 1),
            status: CheckStatus::NotRun,
            expected: None,
            actual: None,
            message: None,
            hint: None,
            error: None,
            why: None,
        };
        if out_of_fuel {
            report.checks.push(result);
            continue;
        }
        let attrs = match ev.view(item, true) {
            Ok(ValueView::Attrs(a)) => a,
            Ok(_) => Vec::new(),
            Err(e) => {
                let f = failure(&ev, &e, files);
                out_of_fuel = f.code == ErrorKind::FuelExhausted.code();
                result.status = CheckStatus::Error;
                result.error = Some(f);
                report.checks.push(result);
                continue;
            }
        };
        if let Some(name) = string_attr(&mut ev, &attrs, "name") {
            result.name = name;
        }
        if let Some(Ok(ValueView::Int(n))) = attr(&attrs, "hint").map(|v| ev.view(v, true)) {
            result.hint = usize::try_from(n).ok().and_then(|n| n.checked_sub(1));
        }
        let reveal = !matches!(
            attr(&attrs, "reveal").map(|v| ev.view(v, true)),
            Some(Ok(ValueView::Bool(false)))
        );
        // An error that is the point of the check (`throws`): its message, when it came.
        let mut thrown = None;
        if let Some(pattern) = attr(&attrs, "throws") {
            let pattern = match ev.view(pattern, true) {
                Ok(ValueView::String(p)) => Ok(String::from_utf8_lossy(&p).into_owned()),
                _ => Err(check_bug(
                    &result.name,
                    "`throws` must be a string (a regular expression)".into(),
                )),
            };
            let outcome = match (pattern, attr(&attrs, "actual")) {
                (Err(f), _) => Err(f),
                (Ok(_), None) => Err(check_bug(
                    &result.name,
                    "a check with `throws` needs the `actual` value that should fail".into(),
                )),
                (Ok(pattern), Some(actual)) => match ev.print(actual, true) {
                    Ok(_) => Ok(false),
                    Err(e)
                        if matches!(
                            e.kind,
                            ErrorKind::FuelExhausted | ErrorKind::StackOverflow
                        ) =>
                    {
                        Err(failure(&ev, &e, files))
                    }
                    Err(e) => {
                        let message = hide_overlays(&e.message());
                        let matched = message_matches(&pattern, &message).map_err(|m| {
                            check_bug(
                                &result.name,
                                format!("`throws` is not a valid regular expression: {m}"),
                            )
                        });
                        thrown = Some(message);
                        matched
                    }
                },
            };
            match outcome {
                Ok(true) => result.status = CheckStatus::Passed,
                Ok(false) => result.status = CheckStatus::Failed,
                Err(f) => {
                    out_of_fuel = f.source == FailureSource::Limit;
                    result.status = CheckStatus::Error;
                    result.error = Some(f);
                }
            }
            if result.status == CheckStatus::Failed && reveal {
                result.expected = Some(format!(
                    "an error matching `{}`",
                    string_attr(&mut ev, &attrs, "throws").unwrap_or_default()
                ));
            }
            if result.status == CheckStatus::Failed {
                result.actual = Some(match &thrown {
                    Some(m) => format!("error: {m}"),
                    None => match attr(&attrs, "actual") {
                        Some(v) => format!("no error: {}", pretty(&mut ev, v, &options.pretty)),
                        None => "no error".into(),
                    },
                });
            }
            if !out_of_fuel {
                explain(&mut ev, &attrs, &mut result);
            }
            report.checks.push(result);
            continue;
        }
        let passed = attr(&attrs, "__passed").map(|v| ev.view(v, true));
        match passed {
            Some(Ok(ValueView::Bool(true))) => result.status = CheckStatus::Passed,
            Some(Ok(ValueView::Bool(false))) => result.status = CheckStatus::Failed,
            Some(Ok(_)) => {
                result.status = CheckStatus::Error;
                result.error = Some(check_bug(
                    &result.name,
                    "the check's `ok` is not a Boolean (true or false)".into(),
                ));
            }
            Some(Err(e)) => {
                let f = failure(&ev, &e, files);
                out_of_fuel = f.code == ErrorKind::FuelExhausted.code();
                result.status = CheckStatus::Error;
                result.error = Some(f);
            }
            None => result.status = CheckStatus::Error,
        }
        if result.status != CheckStatus::Passed && !out_of_fuel {
            if reveal {
                if let Some(v) = attr(&attrs, "expected") {
                    result.expected = Some(pretty(&mut ev, v, &options.pretty));
                }
            }
            // After an error the actual value would only repeat it.
            if result.error.is_none() {
                if let Some(v) = attr(&attrs, "actual") {
                    result.actual = Some(pretty(&mut ev, v, &options.pretty));
                }
            }
        }
        if !out_of_fuel {
            explain(&mut ev, &attrs, &mut result);
        }
        report.checks.push(result);
    }
    report.trace = ev.take_trace_lines();
    report.passed = !report.checks.is_empty()
        && report
            .checks
            .iter()
            .all(|c| c.status == CheckStatus::Passed);
    (report, io)
}

impl Lesson {
    /// `options` with the experimental features this lesson enables.
    pub fn options(&self, options: &CheckOptions) -> CheckOptions {
        CheckOptions {
            experimental_features: self.experimental_features.clone(),
            ..options.clone()
        }
    }

    /// The lesson's check and library texts.
    pub fn check_code(&self) -> CheckCode<'_> {
        CheckCode {
            check: &self.check,
            library: &self.check_library,
            nixpkgs: self.nixpkgs,
            flake: self.flake,
        }
    }

    /// Checks the learner's files. Files the learner does not send (and read-only files)
    /// take the lesson's own text; names the lesson does not have are ignored.
    pub fn check(&self, learner: &Files, options: &CheckOptions) -> CheckReport {
        let mut files = Files::new();
        for f in &self.files {
            let text = match learner.get(&f.name) {
                Some(t) if f.editable => t.clone(),
                _ => f.starter.clone(),
            };
            files.insert(f.name.clone(), text);
        }
        run_check(self.check_code(), &files, &self.options(options))
    }

    /// Checks the reference solution (it should pass).
    pub fn check_solution(&self, options: &CheckOptions) -> CheckReport {
        run_check(self.check_code(), &self.solution_files(), options)
    }

    /// Checks the starter files (they should fail).
    pub fn check_starter(&self, options: &CheckOptions) -> CheckReport {
        run_check(self.check_code(), &self.starter_files(), options)
    }
}

/// The result of running a prose example.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleOutcome {
    /// The value printed as `nix-instantiate --eval --strict` does, if it evaluated.
    pub output: Option<String>,
    /// The error, if it did not.
    pub error: Option<EvalFailure>,
    /// `builtins.trace` output, in order.
    pub trace: Vec<String>,
}

/// Evaluates a runnable example (as `/example.nix`, next to the lesson's `files`, so it
/// may `import ./main.nix`) and prints its value strictly, within the step budget; with
/// `nixpkgs`, `<nixpkgs>` is the options' package set.
pub fn run_example(
    code: &str,
    files: &Files,
    nixpkgs: bool,
    options: &CheckOptions,
) -> ExampleOutcome {
    let packages = match package_set_for(nixpkgs, options) {
        Ok(p) => p,
        Err(f) => {
            return ExampleOutcome {
                output: None,
                error: Some(f),
                trace: Vec::new(),
            }
        }
    };
    let mut all = files.clone();
    all.insert("example.nix".into(), code.to_string());
    let io = Rc::new(CheckIO::new(&all, &[], packages, None));
    let mut ev = evaluator(&io, options);
    let result = ev
        .eval_source(code, Origin::File("/example.nix".into()), "/")
        .and_then(|v| ev.print(&v, true));
    let trace = ev.take_trace_lines();
    match result {
        Ok(bytes) => ExampleOutcome {
            output: Some(String::from_utf8_lossy(&bytes).into_owned()),
            error: None,
            trace,
        },
        Err(e) => ExampleOutcome {
            output: None,
            error: Some(failure(&ev, &e, &all)),
            trace,
        },
    }
}
