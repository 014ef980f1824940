//! flake.nix semantics for Nixpad: reading `flake.nix` as Nix checks it, resolving inputs
//! (`path:` flakes of the host, and a registry of virtual flakes instead of the network),
//! `flake.lock` in Nix's format, and the outputs as Nix's flakes see them: every input
//! with `outPath`, `sourceInfo`, `narHash`, `lastModified`… and `self`, evaluated purely.
//!
//! Invariants: pure (all I/O through the evaluator's `EvalIO`), builds for wasm32, never
//! panics on user input.

#![forbid(unsafe_code)]

mod flake_file;
mod lock;
mod outputs;
mod reference;
mod registry;
mod source;

use std::collections::BTreeMap;
use std::rc::Rc;

use nixpad_eval::{quote_string, EvalIO, Evaluator, Limits, Origin, Settings, Value, ValueView};
use serde_json::{json, Value as Json};

pub use flake_file::{accepted_settings, config_warnings, FlakeFile, InputSpec, TRUSTED_SETTINGS};
pub use lock::{changes as lock_changes, InputTarget, LockFile, LockNode, VERSION as LOCK_VERSION};
pub use outputs::{check, show_both, show_json, show_text, Check, ShowOptions};
pub use reference::{parse_url, to_url, Attrs};
pub use registry::{fake_rev, Redirect, Registry, VirtualFlake, VIRTUAL_LAST_MODIFIED};
pub use source::{format_date, format_readable_date, FlakeIO, Source};

/// Which inputs to lock anew, ignoring the existing lock file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Update {
    /// None: keep what the lock file says (lock only new or changed inputs).
    #[default]
    Keep,
    /// All (`nix flake update`).
    All,
    /// These top-level inputs (`nix flake update INPUT…`).
    Inputs(Vec<String>),
}

/// How to load a flake.
#[derive(Clone, Debug)]
pub struct Options {
    /// `--impure`: lift pure evaluation's restrictions.
    pub impure: bool,
    /// `--accept-flake-config`: apply every `nixConfig` setting, not only the trusted ones.
    pub accept_flake_config: bool,
    /// `builtins.currentSystem` (with `--impure`) and the system `flake show` evaluates.
    pub system: String,
    /// The store directory.
    pub store_dir: String,
    /// What to re-lock.
    pub update: Update,
    /// The virtual flakes inputs resolve to.
    pub registry: Registry,
    /// The evaluator's limits.
    pub limits: Limits,
    /// `--show-trace`: errors with their whole trace.
    pub show_trace: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            impure: false,
            accept_flake_config: false,
            system: "x86_64-linux".into(),
            store_dir: "/nix/store".into(),
            update: Update::Keep,
            registry: Registry::builtin(),
            limits: Limits::default(),
            show_trace: false,
        }
    }
}

/// A loaded flake: its evaluator, its outputs, its lock.
pub struct Flake {
    /// The evaluator the outputs live in (for showing and selecting them).
    pub evaluator: Evaluator,
    /// The flake as `self` sees itself: outputs merged with `outPath`, `sourceInfo`…
    pub value: Value,
    /// The lock file for the inputs as resolved now.
    pub lock: LockFile,
    /// Whether `lock` differs from the lock file on disk (or there was none).
    pub lock_changed: bool,
    /// What `flake.nix` declares.
    pub file: FlakeFile,
    /// The flake's folder copied to the store.
    pub source: Source,
    /// The folder.
    pub dir: String,
    /// The flake's URL (`path:/home/me/flake`).
    pub url: String,
    /// The flake's own locked reference (`{ type = "path"; path; narHash; lastModified; }`).
    pub locked: Attrs,
    /// Warnings Nix gives when it applies the flake's configuration (`nixConfig`
    /// settings it ignores as untrusted).
    pub warnings: Vec<String>,
    /// Reads the store paths of the flake and its inputs (to copy a template out).
    pub io: Rc<FlakeIO>,
    /// The Nix expression that calls the flake's outputs with its inputs (as Nix's
    /// `call-flake.nix` does): another evaluator reading through `io` gets the same value.
    pub expression: String,
}

/// How deep inputs of inputs may go (a flake that takes itself as input would go on
/// forever).
const MAX_INPUT_DEPTH: usize = 32;

/// One input node found while locking.
struct Built {
    locked: Option<Attrs>,
    original: Option<Attrs>,
    flake: bool,
    parent: Option<Vec<String>>,
    inputs: BTreeMap<String, Target>,
    source: Source,
    /// Where the input's source is inside the fetched tree (`"./sub"` for a relative
    /// `path:` input, whose tree is its parent's).
    subdir: String,
    /// The reference's `dir`: where `flake.nix` is inside the source (the flake's
    /// `outPath`, not its `sourceInfo`'s).
    dir: String,
    /// The input path from the root.
    path: Vec<String>,
}

impl Built {
    /// The flake's folder inside its fetched tree: the source's place, then `dir`.
    fn flake_subdir(&self) -> String {
        match (self.subdir.is_empty(), self.dir.is_empty()) {
            (_, true) => self.subdir.clone(),
            (true, false) => self.dir.clone(),
            (false, false) => format!("{}/{}", self.subdir, self.dir),
        }
    }
}

/// An input fetched: its locked reference, its source, where in the fetched tree the
/// source is, and (for a relative `path:` input) the input path of the flake it is relative to.
struct Fetched {
    locked: Attrs,
    source: Source,
    subdir: String,
    parent: Option<Vec<String>>,
}

enum Target {
    Node(usize),
    Follows(Vec<String>),
}

/// An override of an input's input given by a flake above it, with the input path of the
/// flake that gave it (its `follows` are relative to that flake).
#[derive(Clone)]
struct Override {
    spec: InputSpec,
    declared_at: Vec<String>,
}

struct Locker<'a> {
    ev: &'a mut Evaluator,
    io: Rc<FlakeIO>,
    options: &'a Options,
    old: Option<&'a LockFile>,
    nodes: Vec<Built>,
}

fn join_relative(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = base
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn str_of<'a>(attrs: &'a Attrs, key: &str) -> Option<&'a str> {
    attrs.get(key).and_then(Json::as_str)
}

impl Locker<'_> {
    /// The node of the old lock file at an input path, when it is to be kept.
    fn old_node(&self, path: &[String]) -> Option<&LockNode> {
        let old = self.old?;
        match &self.options.update {
            Update::All => return None,
            Update::Inputs(names) if path.first().is_some_and(|n| names.contains(n)) => {
                return None
            }
            _ => {}
        }
        let mut key = old.root.clone();
        for name in path {
            match old.nodes.get(&key)?.inputs.get(name)? {
                InputTarget::Node(k) => key = k.clone(),
                InputTarget::Follows(_) => return None,
            }
        }
        old.nodes.get(&key)
    }

    /// Fetches an input: its locked reference, source and folder inside the source.
    fn fetch(
        &mut self,
        original: &Attrs,
        parent: usize,
        kept: Option<&Attrs>,
    ) -> Result<Fetched, String> {
        let mut fetched = self.fetch_source(original, parent, kept)?;
        // `dir` says where `flake.nix` is inside the source; the lock keeps it.
        if let Some(dir) = str_of(original, "dir") {
            fetched
                .locked
                .entry("dir".to_string())
                .or_insert_with(|| json!(dir));
        }
        Ok(fetched)
    }

    /// Fetches an input's source: [`Locker::fetch`] before `dir` is applied.
    fn fetch_source(
        &mut self,
        original: &Attrs,
        parent: usize,
        kept: Option<&Attrs>,
    ) -> Result<Fetched, String> {
        let store_dir = &self.options.store_dir;
        // A user registry entry may turn `flake:x` into `path:/somewhere`.
        let resolved = self.options.registry.resolve(original);
        let original = &resolved;
        if str_of(original, "type") == Some("path") {
            let path = str_of(original, "path").unwrap_or_default();
            if !path.starts_with('/') {
                // Relative to the parent flake's folder (its `outPath`, `dir` included).
                let p = &self.nodes[parent];
                let base = p.flake_subdir();
                let subdir = if base.is_empty() {
                    path.to_string()
                } else {
                    format!("{base}/{path}")
                };
                return Ok(Fetched {
                    locked: original.clone(),
                    source: p.source.clone(),
                    subdir,
                    parent: Some(p.path.clone()),
                });
            }
            let source = source::host_source(&**self.io.host(), store_dir, path)?;
            let mut locked = Attrs::new();
            locked.insert("lastModified".into(), json!(source.last_modified));
            locked.insert("narHash".into(), json!(source.nar_hash));
            locked.insert("path".into(), json!(path));
            locked.insert("type".into(), json!("path"));
            return Ok(Fetched {
                locked,
                source,
                subdir: String::new(),
                parent: None,
            });
        }
        let (flake, git_ref) = self.options.registry.lookup(original)?;
        let source = source::memory_source(store_dir, flake.files.clone(), VIRTUAL_LAST_MODIFIED);
        let locked = match kept {
            Some(k) => k.clone(),
            None => {
                let rev = fake_rev(flake, git_ref.as_deref(), &source.nar_hash);
                let mut l = Attrs::new();
                l.insert("lastModified".into(), json!(source.last_modified));
                l.insert("narHash".into(), json!(source.nar_hash));
                match str_of(original, "type") {
                    Some("git") => {
                        if let Some(r) = str_of(original, "ref") {
                            l.insert("ref".into(), json!(r));
                        }
                        l.insert("rev".into(), json!(rev));
                        l.insert("revCount".into(), json!(1));
                        l.insert("type".into(), json!("git"));
                        l.insert(
                            "url".into(),
                            original.get("url").cloned().unwrap_or(Json::Null),
                        );
                    }
                    _ => {
                        l.insert("owner".into(), json!(flake.owner));
                        l.insert("repo".into(), json!(flake.repo));
                        l.insert(
                            "rev".into(),
                            json!(original.get("rev").and_then(Json::as_str).unwrap_or(&rev)),
                        );
                        l.insert("type".into(), json!("github"));
                    }
                }
                l
            }
        };
        Ok(Fetched {
            locked,
            source,
            subdir: String::new(),
            parent: None,
        })
    }

    /// Reads the `flake.nix` of node `index`.
    fn read_flake(&mut self, index: usize, url: &str) -> Result<FlakeFile, String> {
        let node = &self.nodes[index];
        self.io.mount(&node.source);
        let inside = join_relative("", &node.flake_subdir());
        let dir = if inside.is_empty() {
            node.source.store_path.clone()
        } else {
            format!("{}/{inside}", node.source.store_path)
        };
        let file = format!("{dir}/flake.nix");
        if self.io.file_type(&file).is_none() {
            return Err(format!("path '{file}' does not exist"));
        }
        flake_file::read(self.ev, &file, url)
    }

    /// Locks the inputs of node `index`, given what flakes above it override.
    fn lock_inputs(
        &mut self,
        index: usize,
        file: &FlakeFile,
        overrides: &BTreeMap<Vec<String>, Override>,
    ) -> Result<(), String> {
        let here = self.nodes[index].path.clone();
        if here.len() > MAX_INPUT_DEPTH {
            return Err(format!(
                "input '{}' is nested more than {MAX_INPUT_DEPTH} levels deep (does a flake take itself as an input?)",
                here.join("/")
            ));
        }
        for (name, declared) in &file.inputs {
            let mut path = here.clone();
            path.push(name.clone());
            let context = |e: String| {
                in_context(
                    &format!("while updating the flake input '{}'", path.join("/")),
                    e,
                )
            };
            let (spec, declared_at) = match overrides.get(&path) {
                Some(o) => {
                    let mut spec = declared.clone();
                    if o.spec.follows.is_some() || o.spec.reference.is_some() {
                        spec.follows = o.spec.follows.clone();
                        spec.reference = o.spec.reference.clone().or(spec.reference);
                    }
                    if o.spec.flake.is_some() {
                        spec.flake = o.spec.flake;
                    }
                    // An override's `follows` and relative `path:` are relative to the
                    // flake that wrote it.
                    let at = if o.spec.follows.is_some() || o.spec.reference.is_some() {
                        o.declared_at.clone()
                    } else {
                        here.clone()
                    };
                    (spec, at)
                }
                None => (declared.clone(), here.clone()),
            };
            if let Some(follows) = &spec.follows {
                let mut target = declared_at.clone();
                target.extend(follows.iter().cloned());
                self.nodes[index]
                    .inputs
                    .insert(name.clone(), Target::Follows(target));
                continue;
            }
            let original = spec.reference.clone().unwrap_or_else(|| {
                let mut a = Attrs::new();
                a.insert("id".into(), json!(name));
                a.insert("type".into(), json!("indirect"));
                a
            });
            let circular = (0..path.len()).any(|depth| {
                self.nodes
                    .iter()
                    .any(|n| n.path[..] == path[..depth] && n.original.as_ref() == Some(&original))
            });
            if circular {
                return Err(context(format!(
                    "found circular import of flake '{}'",
                    to_url(&original)
                )));
            }
            let kept = self
                .old_node(&path)
                .filter(|n| n.original.as_ref() == Some(&original))
                .and_then(|n| n.locked.clone());
            let base = self
                .nodes
                .iter()
                .position(|n| n.path == declared_at)
                .unwrap_or(index);
            let Fetched {
                locked,
                source,
                subdir,
                parent,
            } = self
                .fetch(&original, base, kept.as_ref())
                .map_err(context)?;
            let is_flake = spec.flake.unwrap_or(true);
            let dir = str_of(&locked, "dir").unwrap_or_default().to_string();
            self.nodes.push(Built {
                dir,
                locked: Some(locked),
                original: Some(original),
                flake: is_flake,
                parent,
                inputs: BTreeMap::new(),
                source,
                subdir,
                path: path.clone(),
            });
            let child = self.nodes.len() - 1;
            self.nodes[index]
                .inputs
                .insert(name.clone(), Target::Node(child));
            self.io.mount(&self.nodes[child].source);
            if is_flake {
                let child_url =
                    to_url(self.nodes[child].original.as_ref().unwrap_or(&Attrs::new()));
                let child_file = self.read_flake(child, &child_url).map_err(context)?;
                let mut nested = overrides.clone();
                for (sub, sub_spec) in &spec.inputs {
                    add_overrides(&mut nested, &path, sub, sub_spec, &here);
                }
                self.lock_inputs(child, &child_file, &nested)
                    .map_err(context)?;
            }
        }
        Ok(())
    }
}

/// Records `spec` (and its nested inputs) as overriding the input `at/name`; `declared_at`
/// is the flake whose `flake.nix` says it.
fn add_overrides(
    into: &mut BTreeMap<Vec<String>, Override>,
    at: &[String],
    name: &str,
    spec: &InputSpec,
    declared_at: &[String],
) {
    let mut path = at.to_vec();
    path.push(name.to_string());
    for (sub, sub_spec) in &spec.inputs {
        add_overrides(into, &path, sub, sub_spec, declared_at);
    }
    into.insert(
        path,
        Override {
            spec: spec.clone(),
            declared_at: declared_at.to_vec(),
        },
    );
}

/// Gives the nodes their lock-file keys, depth first from the root in input-name order:
/// the input's name, or `NAME_2`, `NAME_3`… when taken.
fn assign_keys(nodes: &[Built]) -> Vec<String> {
    let mut keys = vec![String::new(); nodes.len()];
    keys[0] = "root".to_string();
    let mut taken: std::collections::BTreeSet<String> = ["root".to_string()].into();
    fn visit(
        nodes: &[Built],
        index: usize,
        keys: &mut Vec<String>,
        taken: &mut std::collections::BTreeSet<String>,
    ) {
        for (name, target) in &nodes[index].inputs {
            if let Target::Node(child) = target {
                let mut key = name.clone();
                let mut n = 2;
                while taken.contains(&key) {
                    key = format!("{name}_{n}");
                    n += 1;
                }
                taken.insert(key.clone());
                keys[*child] = key;
                visit(nodes, *child, keys, taken);
            }
        }
    }
    visit(nodes, 0, &mut keys, &mut taken);
    keys
}

fn to_lock(nodes: &[Built], keys: &[String]) -> LockFile {
    let mut out = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        let inputs = node
            .inputs
            .iter()
            .map(|(name, t)| {
                let t = match t {
                    Target::Node(c) => InputTarget::Node(keys[*c].clone()),
                    Target::Follows(p) => InputTarget::Follows(p.clone()),
                };
                (name.clone(), t)
            })
            .collect();
        out.insert(
            keys[i].clone(),
            LockNode {
                inputs,
                locked: node.locked.clone(),
                original: node.original.clone(),
                flake: node.flake,
                parent: node.parent.clone(),
            },
        );
    }
    LockFile {
        nodes: out,
        root: "root".into(),
    }
}

/// The binding of [`Flake::expression`] that gives a source's `outPath` its store path as
/// context (`inStore PATH STORE_PATH`). A copy of the store outside `/nix/store`, where a
/// string cannot refer to a store path, replaces it with `inStore = path: _: path;`.
pub const IN_STORE_BINDING: &str =
    "inStore = path: storePath: builtins.appendContext path { ${storePath} = { path = true; }; };";

/// The Nix expression that builds every node's flake value from the lock graph.
fn call_expression(nodes: &[Built], keys: &[String], lock: &LockFile) -> Result<String, String> {
    let q = |s: &str| quote_string(s.as_bytes());
    let mut text = format!("let\n  {IN_STORE_BINDING}\n  nodes = {{\n");
    for (i, node) in nodes.iter().enumerate() {
        let store = &node.source.store_path;
        // A relative `path:` input's source is its parent's folder plus the path as
        // written (`/nix/store/…-source/./sub`), as in Nix (once the lock file exists);
        // the flake's `outPath` adds `dir` to its source's.
        let out_path = if node.subdir.is_empty() {
            store.clone()
        } else {
            format!("{store}/{}", node.subdir)
        };
        let flake_path = match node.flake_subdir() {
            inside if inside.is_empty() => store.clone(),
            inside => format!("{store}/{inside}"),
        };
        // As `fetchTree` gives it, an `outPath` refers to its store path (its context),
        // so a derivation with `src = self` (or an input) has the source as an input.
        let in_store = |path: &str| format!("(inStore {} {})", q(path), q(store));
        let mut info = format!(
            "lastModified = {}; lastModifiedDate = {}; narHash = {}; outPath = {};",
            node.source.last_modified,
            q(&format_date(node.source.last_modified)),
            q(&node.source.nar_hash),
            in_store(&out_path)
        );
        if let Some(rev) = node.locked.as_ref().and_then(|l| str_of(l, "rev")) {
            info.push_str(&format!(
                " rev = {}; shortRev = {};",
                q(rev),
                q(&rev.chars().take(7).collect::<String>())
            ));
        }
        if let Some(count) = node
            .locked
            .as_ref()
            .and_then(|l| l.get("revCount"))
            .and_then(Json::as_i64)
        {
            info.push_str(&format!(" revCount = {count};"));
        }
        let mut inputs = String::new();
        for (name, target) in &node.inputs {
            let key = match target {
                Target::Node(c) => keys[*c].clone(),
                Target::Follows(p) => lock.resolve(p).map_err(|_| {
                    format!(
                        "input '{}' follows a non-existent input '{}'",
                        {
                            let mut full = node.path.clone();
                            full.push(name.clone());
                            full.join("/")
                        },
                        p.join("/")
                    )
                })?,
            };
            inputs.push_str(&format!(" {} = {};", q(name), q(&key)));
        }
        text.push_str(&format!(
            "    {} = {{ flake = {}; outPath = {}; sourceInfo = {{ {info} }}; inputs = {{{inputs} }}; }};\n",
            q(&keys[i]),
            node.flake,
            in_store(&flake_path)
        ));
    }
    text.push_str(
        "  };\n  flakes = builtins.mapAttrs (key: node:\n    let\n      inputs = builtins.mapAttrs (_: k: flakes.${k}) node.inputs;\n      \
         outputs = (import (node.outPath + \"/flake.nix\")).outputs (inputs // { self = result; });\n      \
         result = outputs // node.sourceInfo // { inherit inputs outputs; inherit (node) outPath sourceInfo; _type = \"flake\"; };\n    \
         in if node.flake then result else node.sourceInfo) nodes;\nin flakes.root\n",
    );
    Ok(text)
}

/// An error with what was being done when it happened, as Nix stacks them: `… CONTEXT`
/// lines, a blank line between each, then `error: MESSAGE`.
pub fn in_context(context: &str, error: String) -> String {
    if error.starts_with("… ") || error.starts_with("error:") {
        format!("… {context}\n\n{error}")
    } else {
        format!("… {context}\n\nerror: {error}")
    }
}

/// The lock file's path in a flake folder.
pub fn lock_path(dir: &str) -> String {
    format!("{}/flake.lock", dir.trim_end_matches('/'))
}

/// Loads the flake in folder `dir` of `host`: reads `flake.nix`, locks its inputs
/// (respecting `flake.lock` unless `options.update` says otherwise) and prepares its
/// outputs (evaluated lazily, on demand).
pub fn load(host: Rc<dyn EvalIO>, dir: &str, options: &Options) -> Result<Flake, String> {
    let dir = dir.trim_end_matches('/').to_string();
    let dir = if dir.is_empty() { "/".to_string() } else { dir };
    let url = format!("path:{dir}");
    let flake_nix = format!("{}/flake.nix", dir.trim_end_matches('/'));
    if host.file_type(&flake_nix).is_none() {
        return Err(format!("path '{flake_nix}' does not exist"));
    }
    let root_source = source::host_source(&*host, &options.store_dir, &dir)?;
    let old_lock = match host.read_file(&lock_path(&dir)) {
        Ok(bytes) => Some(LockFile::parse(
            &String::from_utf8_lossy(&bytes),
            &lock_path(&dir),
        )?),
        Err(_) => None,
    };
    let mut locked = Attrs::new();
    locked.insert("lastModified".into(), json!(root_source.last_modified));
    locked.insert("narHash".into(), json!(root_source.nar_hash));
    locked.insert("path".into(), json!(dir));
    locked.insert("type".into(), json!("path"));
    load_source(host, root_source, old_lock, dir, url, locked, options)
}

/// Every file below `dir` of `io`, by path relative to `dir` (`prefix` for the folders
/// already walked).
fn collect_files(
    io: &dyn EvalIO,
    dir: &str,
    prefix: &str,
    out: &mut BTreeMap<String, Vec<u8>>,
) -> Result<(), String> {
    for (name, kind) in io.read_dir(dir)? {
        let path = format!("{dir}/{name}");
        let relative = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        match kind {
            nixpad_eval::FileType::Directory => collect_files(io, &path, &relative, out)?,
            _ => {
                out.insert(relative, io.read_file(&path)?);
            }
        }
    }
    Ok(())
}

/// The file among a flake's files that adds registry entries, in the format of Nix's
/// user registry (`~/.config/nix/registry.json`, version 2), as `nix registry add` writes.
pub const REGISTRY_FILE: &str = "registry.json";

/// The registry for a set of files: the built-in one with `nixpkgs` (nixpkgs-lite's
/// files), and the entries of their [`REGISTRY_FILE`] if they have one.
pub fn registry_for_files(
    files: &BTreeMap<String, Vec<u8>>,
    nixpkgs: &BTreeMap<String, Vec<u8>>,
) -> Result<Registry, String> {
    let mut registry = Registry::with_nixpkgs(nixpkgs.clone());
    if let Some(text) = files.get(REGISTRY_FILE) {
        registry
            .read_user_json(&String::from_utf8_lossy(text))
            .map_err(|e| format!("{REGISTRY_FILE}: {e}"))?;
    }
    Ok(registry)
}

/// Loads the flake whose files are `files` (relative path → bytes, at the root `/`): a
/// lesson's or the playground's files, with inputs from `registry` (see
/// [`registry_for_files`]). Evaluated purely, for `system`.
pub fn load_files(
    files: &BTreeMap<String, Vec<u8>>,
    registry: Registry,
    system: &str,
) -> Result<Flake, String> {
    let mut host = nixpad_eval::MemoryIO::new();
    for (name, bytes) in files {
        host.add_file(&format!("/{}", name.trim_start_matches('/')), bytes.clone());
    }
    let options = Options {
        impure: false,
        accept_flake_config: false,
        system: system.into(),
        store_dir: "/nix/store".into(),
        update: Update::Keep,
        registry,
        ..Options::default()
    };
    load(Rc::new(host), "/", &options)
}

/// Loads a flake of the registry by name (`templates`, `nixpkgs`), as `nix flake show
/// nixpkgs` would; it has no folder and no lock file of its own.
pub fn load_registered(host: Rc<dyn EvalIO>, id: &str, options: &Options) -> Result<Flake, String> {
    let mut original = Attrs::new();
    original.insert("id".into(), json!(id));
    original.insert("type".into(), json!("indirect"));
    let (flake, git_ref) = options.registry.lookup(&original)?;
    let root_source = source::memory_source(
        &options.store_dir,
        flake.files.clone(),
        VIRTUAL_LAST_MODIFIED,
    );
    let mut locked = Attrs::new();
    locked.insert("lastModified".into(), json!(root_source.last_modified));
    locked.insert("narHash".into(), json!(root_source.nar_hash));
    locked.insert("owner".into(), json!(flake.owner));
    locked.insert("repo".into(), json!(flake.repo));
    locked.insert(
        "rev".into(),
        json!(fake_rev(flake, git_ref.as_deref(), &root_source.nar_hash)),
    );
    locked.insert("type".into(), json!("github"));
    load_source(
        host,
        root_source,
        None,
        String::new(),
        format!("flake:{id}"),
        locked,
        options,
    )
}

/// Loads the flake whose source is `root_source`, locking its inputs against `old_lock`.
fn load_source(
    host: Rc<dyn EvalIO>,
    root_source: Source,
    old_lock: Option<LockFile>,
    dir: String,
    url: String,
    locked: Attrs,
    options: &Options,
) -> Result<Flake, String> {
    let io = Rc::new(FlakeIO::new(host));
    let settings = Settings {
        pure_eval: !options.impure,
        current_system: options.system.clone(),
        store_dir: options.store_dir.clone(),
        show_trace: options.show_trace,
        // A flake is evaluated with flakes enabled: `builtins.getFlake` and `fetchTree`
        // exist (code asks `builtins ? getFlake`), as in `nix eval`.
        experimental_features: vec!["flakes".into()],
        ..Settings::default()
    };
    let mut ev = Evaluator::new(io.clone(), settings, options.limits.clone());
    let root = Built {
        locked: None,
        original: None,
        flake: true,
        parent: None,
        inputs: BTreeMap::new(),
        source: root_source.clone(),
        subdir: String::new(),
        dir: String::new(),
        path: Vec::new(),
    };
    let mut locker = Locker {
        ev: &mut ev,
        io: io.clone(),
        options,
        old: old_lock.as_ref(),
        nodes: vec![root],
    };
    let file = locker.read_flake(0, &url)?;
    let updating = |e: String| {
        in_context(
            &format!(
                "while updating the lock file of flake '{}'",
                to_url(&locked)
            ),
            e,
        )
    };
    locker
        .lock_inputs(0, &file, &BTreeMap::new())
        .map_err(updating)?;
    let nodes = std::mem::take(&mut locker.nodes);
    let keys = assign_keys(&nodes);
    let lock = to_lock(&nodes, &keys);
    let expression = call_expression(&nodes, &keys, &lock).map_err(updating)?;
    let value = ev
        .eval_source(&expression, Origin::Other("flake".into()), "/")
        .map_err(|e| ev.render_error(&e))?;
    let warnings = config_warnings(&file, options.accept_flake_config);
    Ok(Flake {
        evaluator: ev,
        value,
        // Nix writes no lock file for a flake without inputs.
        lock_changed: old_lock
            .as_ref()
            .map_or(lock != LockFile::empty(), |old| *old != lock),
        lock,
        file,
        source: root_source,
        dir,
        url,
        locked,
        warnings,
        io,
        expression,
    })
}

/// A template's files, as `nix flake init -t FLAKE#NAME` copies them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateFiles {
    /// The template's folder in the store.
    pub root: String,
    /// Relative path → bytes, every file of the template's folder.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Its `welcomeText`, printed after copying.
    pub welcome_text: Option<String>,
}

impl Flake {
    /// `message` (an error about the flake) naming the flake's own files as an editor
    /// does (`/flake.nix:6:16`), not by the store path of the flake's copy.
    pub fn in_own_files(&self, message: String) -> String {
        message.replace(&self.source.store_path, "")
    }

    /// The lock file as Nix would write it, or `None` for a flake without inputs (Nix
    /// writes none).
    pub fn lock_text(&self) -> Option<String> {
        (self.lock != LockFile::empty()).then(|| self.lock.to_json())
    }

    /// The files of the output `templates.NAME` (its `path`, read from the store) and its
    /// welcome text.
    pub fn template_files(&mut self, name: &str) -> Result<TemplateFiles, String> {
        let path = self.select_exact(&format!("templates.{name}.path"))?;
        let ev = &mut self.evaluator;
        let printed = ev.print(&path, true).map_err(|e| ev.render_error(&e))?;
        let root = String::from_utf8_lossy(&printed)
            .trim_matches('"')
            .to_string();
        let mut files = BTreeMap::new();
        collect_files(&*self.io, &root, "", &mut files)?;
        let welcome_text = match self.select_exact(&format!("templates.{name}.welcomeText")) {
            Ok(v) => match self.evaluator.view(&v, true) {
                Ok(nixpad_eval::ValueView::String(text)) => {
                    Some(String::from_utf8_lossy(&text).into_owned())
                }
                _ => None,
            },
            Err(_) => None,
        };
        Ok(TemplateFiles {
            root,
            files,
            welcome_text,
        })
    }

    /// The flake's URL with its lock attributes, as Nix prints it above `flake show`.
    pub fn locked_url(&self) -> String {
        to_url(&self.locked)
    }

    /// What `nix flake metadata --json` prints.
    pub fn metadata_json(&self) -> Json {
        let mut out = serde_json::Map::new();
        if let Some(d) = &self.file.description {
            out.insert("description".into(), json!(d));
        }
        out.insert("lastModified".into(), json!(self.source.last_modified));
        out.insert("locked".into(), {
            let mut locked = self.locked.clone();
            locked.insert("__final".into(), json!(true));
            Json::Object(locked)
        });
        out.insert("locks".into(), self.lock.to_value());
        out.insert("original".into(), json!({"path": self.dir, "type": "path"}));
        out.insert("originalUrl".into(), json!(self.url));
        out.insert("path".into(), json!(self.source.store_path));
        out.insert("resolved".into(), json!({"path": self.dir, "type": "path"}));
        out.insert("resolvedUrl".into(), json!(self.url));
        out.insert("url".into(), json!(self.locked_url()));
        Json::Object(out)
    }

    /// Selects an output as `nix eval DIR#ATTR` does: `packages.SYSTEM.ATTR`, then
    /// `legacyPackages.SYSTEM.ATTR`, then `ATTR`.
    pub fn select(&mut self, attr_path: &str, system: &str) -> Result<Value, String> {
        let candidates = [
            format!("packages.{system}.{attr_path}"),
            format!("legacyPackages.{system}.{attr_path}"),
            attr_path.to_string(),
        ];
        // Each path's first missing attribute and the names of the set that lacks it:
        // Nix's "Did you mean …?" suggests names close to any of them.
        let mut missing = Vec::new();
        for candidate in &candidates {
            match self.find_output(candidate)? {
                Ok(v) => return Ok(v),
                Err(lacking) => missing.push(lacking),
            }
        }
        let mut message = format!(
            "flake '{}' does not provide attribute '{}', '{}' or '{}'",
            self.url, candidates[0], candidates[1], candidates[2]
        );
        let hint = nixpad_eval::did_you_mean_any(
            missing
                .iter()
                .map(|(name, names)| (name.as_str(), names.iter().map(String::as_str))),
        );
        if let Some(hint) = hint {
            message.push_str("\n       ");
            message.push_str(&hint);
        }
        Err(message)
    }

    /// The value at attribute path `path` of the outputs, or the first attribute missing
    /// on the way with the names of the set that lacks it; a value on the way that is not
    /// a set is Nix's error (it tries no other path then).
    fn find_output(&mut self, path: &str) -> Result<Result<Value, (String, Vec<String>)>, String> {
        let names = nixpad_eval::split_attr_path(path).map_err(|e| format!("error: {e}"))?;
        let mut value = self.outputs()?;
        for (i, name) in names.iter().enumerate() {
            let entries = match self.evaluator.view(&value, true) {
                Ok(ValueView::Attrs(entries)) => entries,
                Ok(_) => {
                    let at = names[..i].join(".");
                    return Err(format!("error: '{at}' is not an attribute set"));
                }
                Err(e) => return Err(self.evaluator.render_error(&e)),
            };
            match entries.iter().position(|(n, _)| n == name) {
                Some(found) => value = entries[found].1.clone(),
                None => {
                    let names = entries.into_iter().map(|(n, _)| n).collect();
                    return Ok(Err((name.clone(), names)));
                }
            }
        }
        Ok(Ok(value))
    }

    /// The flake's `outputs` (what its `outputs` function returned): where `DIR#ATTR`
    /// looks, not in `self`, which adds `outPath`, `narHash`, `inputs`…
    fn outputs(&mut self) -> Result<Value, String> {
        let value = self.value.clone();
        self.evaluator
            .select_attr_path(value, "outputs", &nixpad_eval::AutoArgs::default())
            .map_err(|e| self.evaluator.render_error(&e))
    }

    /// Selects an output by its full attribute path (`templates.default`).
    pub fn select_exact(&mut self, attr_path: &str) -> Result<Value, String> {
        let root = self.outputs()?;
        self.evaluator
            .select_attr_path(root, attr_path, &nixpad_eval::AutoArgs::default())
            .map_err(|e| self.evaluator.render_error(&e))
    }
}
