//! nixpad-eval: a Nix evaluator on the rnix parser.
//!
//! Pure: it never touches the filesystem, the environment or a clock except through the
//! [`EvalIO`] trait, so it runs the same natively and in the browser (wasm32).
//!
//! ```
//! use nixpad_eval::{Evaluator, MemoryIO, Origin};
//! let mut ev = Evaluator::new(std::rc::Rc::new(MemoryIO::new()), Default::default(), Default::default());
//! let v = ev.eval_source("let x = 1; in x + 2", Origin::String, "/").unwrap();
//! assert_eq!(ev.print(&v, true).unwrap(), b"3");
//! ```

#![forbid(unsafe_code)]

mod builtins;
mod eval;
mod formats;
mod sort;
pub mod store;
pub mod syntax;

// Every module by its short name (`crate::machine`, `crate::value`, ...): the folders
// group them by concern, the paths stay flat.
use builtins::{callbacks, context, derivations, store_builtins, versions};
use eval::{collect, debug, error, io, machine, primop, print, value};
pub use formats::{float, json, regex};
use formats::{toml, xml};
use store::{derivation, path};
use syntax::{corepkgs, ir, lower, show, source, strings, suggest, symbol};

use std::collections::HashMap;
use std::rc::Rc;

pub use builtins::{builtin_arity, builtin_doc, is_builtin, is_global_builtin, BuiltinDoc};
pub use debug::{Breakpoint, ScopeEntry};
pub use error::{Error, ErrorKind, EvalResult, TraceFrame, TypeMismatch};
pub use io::{EvalIO, FileType, MemoryIO};
pub use machine::Limits;
pub use source::{decode_source, FileId, LineCol, Origin, SourceMap, Span};
pub use suggest::did_you_mean_any;

pub use value::Value;

use lower::{LowerCtx, Scope};
use machine::{CoerceMode, Machine};
use symbol::Symbol;

/// A string literal as Nix prints it (`"a\"b\${x}"`), lossily as text.
pub fn quote_string(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    print::write_string_literal(&mut out, bytes);
    String::from_utf8_lossy(&out).into_owned()
}

/// An attribute name as Nix prints it: bare when it is an identifier (`a-b'`, `or`),
/// quoted otherwise (`"if"`, `"a b"`).
pub fn format_attr_name(name: &str) -> String {
    if print::is_plain_identifier(name) {
        name.to_string()
    } else {
        quote_string(name.as_bytes())
    }
}

/// Settings the evaluation sees (Nix's configuration and environment).
#[derive(Clone, Debug)]
pub struct Settings {
    /// `builtins.currentSystem`.
    pub current_system: String,
    /// `builtins.storeDir`.
    pub store_dir: String,
    /// Search path entries as (prefix, path); prefix "" matches anything.
    pub nix_path: Vec<(String, String)>,
    /// Entries (prefix, path) looked up after `nix_path` and before Nix's own `<nix/…>`
    /// files, and not listed in `builtins.nixPath`: what the host ships (the CLI's
    /// nixpkgs-lite as `<nixpkgs>`), so that `nixPath` stays what the user set.
    pub builtin_search_path: Vec<(String, String)>,
    /// `$HOME`, for `~/` paths.
    pub home: Option<String>,
    /// Nix's `pure-eval`: no `builtins.currentSystem` or `currentTime`, an empty
    /// `getEnv`, no `<...>` look-ups and no files outside the store.
    pub pure_eval: bool,
    /// Nix's `abort-on-warn`: `builtins.warn` fails after printing its warning.
    pub abort_on_warn: bool,
    /// The `lint-*` settings of newer Nix (2.34).
    pub lints: Lints,
    /// Nix's `show-trace`: errors also name every function call they went through.
    pub show_trace: bool,
    /// Nix's `experimental-features`: `flakes` adds `builtins.getFlake` and `fetchTree`,
    /// `fetch-tree` adds `fetchTree`.
    pub experimental_features: Vec<String>,
}

/// The experimental features Nix 2.26 knows: naming another one draws Nix's warning
/// "unknown experimental feature".
pub const KNOWN_EXPERIMENTAL_FEATURES: &[&str] = &[
    "auto-allocate-uids",
    "ca-derivations",
    "cgroups",
    "configurable-impure-env",
    "daemon-trust-override",
    "dynamic-derivations",
    "fetch-closure",
    "fetch-tree",
    "flakes",
    "git-hashing",
    "impure-derivations",
    "local-overlay-store",
    "mounted-ssh-store",
    "nix-command",
    "no-url-literals",
    "parse-toml-timestamps",
    "pipe-operators",
    "read-only-local-store",
    "recursive-nix",
    "verified-fetches",
];

/// What a lint does when it finds its construct.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LintLevel {
    /// Nothing (the default).
    #[default]
    Ignore,
    /// Print a warning (through [`EvalIO::trace`]) and go on.
    Warn,
    /// Refuse the program.
    Fatal,
}

/// Newer Nix's `lint-url-literals`, `lint-short-path-literals` and
/// `lint-absolute-path-literals` settings (checked when a file is parsed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lints {
    /// `http://x` without quotes (Nix 2.26's `no-url-literals` feature is `Fatal`).
    pub url_literals: LintLevel,
    /// `foo/bar` rather than `./foo/bar`.
    pub short_path_literals: LintLevel,
    /// `/etc/x`.
    pub absolute_path_literals: LintLevel,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            current_system: "x86_64-linux".into(),
            store_dir: "/nix/store".into(),
            nix_path: Vec::new(),
            builtin_search_path: Vec::new(),
            home: None,
            pure_eval: false,
            abort_on_warn: false,
            lints: Lints::default(),
            experimental_features: Vec::new(),
            show_trace: false,
        }
    }
}

impl Settings {
    /// Parses a `NIX_PATH`-style list (`a=/x:/y`) into entries, appending to `nix_path`.
    pub fn add_nix_path(&mut self, spec: &str) {
        for part in spec.split(':').filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some((prefix, path)) => self.nix_path.push((prefix.to_string(), path.to_string())),
                None => self.nix_path.push((String::new(), part.to_string())),
            }
        }
    }
}

/// Splits an attribute path at dots outside double quotes (`a."b.c".0` → `a`, `b.c`, `0`);
/// a trailing dot adds nothing, as in Nix.
pub fn split_attr_path(path: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in path.chars() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => out.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    if quoted {
        return Err(format!("missing closing quote in selection path '{path}'"));
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// An argument given with `--arg` (a Nix expression) or `--argstr` (a string).
#[derive(Clone, Debug)]
pub enum AutoArg {
    /// `--arg NAME EXPR`
    Expr(String),
    /// `--argstr NAME VALUE`
    Str(String),
}

/// The `--arg`s and `--argstr`s of a command as values ([`Evaluator::auto_args`]): each
/// `--arg` expression parsed once, evaluated when a function first needs it.
#[derive(Clone, Default)]
pub struct AutoArgs(Vec<(Symbol, Value)>);

/// Parses, lowers and registers the text of file `path` that `scopedImport` evaluates,
/// with `scope`'s names added (such lowerings are neither shared nor cached).
pub(crate) fn lower_scoped(
    m: &mut Machine,
    path: &str,
    text: String,
    scope: &value::Attrs,
) -> EvalResult<Rc<ir::Expr>> {
    let file = m
        .sources
        .add(Origin::File(path.to_string()), text.clone().into());
    let base = path::dir_name(path).to_string();
    note_scope(m, file, scope);
    lower_in(m, file, &text, &base)
}

/// Gives file `file` the names of `scope` (in slot order) besides the global ones: its
/// lowering (and a debugger's, later) finds them through [`file_scopes`].
fn note_scope(m: &mut Machine, file: FileId, scope: &value::Attrs) {
    let names = scope.entries.iter().map(|a| a.name).collect();
    m.scoped_files.insert(file, names);
}

/// The scopes file `file` is lowered in: the global names, then the extra scope it was
/// given ([`note_scope`]), if any.
fn file_scopes(m: &Machine, file: FileId) -> Vec<Scope> {
    let mut scopes = vec![Scope::Lexical(m.global_names.clone())];
    if let Some(names) = m.scoped_files.get(&file) {
        let slots = names.iter().enumerate().map(|(i, n)| (*n, i as u32));
        scopes.push(Scope::Lexical(slots.collect()));
    }
    scopes
}

/// Parses, lowers and registers the file `import` evaluates (`in_dir`: the `default.nix`
/// of an imported folder). A file whose stamp ([`EvalIO::source_stamp`]) the host's
/// lowered-file cache has seen is not even read: the cache keeps its text too; nor is a
/// shared file ([`SharedSources`]) whose stamp is the one it had when it was read.
pub(crate) fn lower_import(
    m: &mut Machine,
    path: &str,
    in_dir: bool,
    span: source::Span,
) -> EvalResult<Rc<ir::Expr>> {
    // The stamp is taken before the file is read, so an entry never pairs a stamp with
    // text older than it.
    let stamp_key = stamp_key(m, path);
    if let Some(key) = &stamp_key {
        if let Some(expr) = lowering_by_stamp(m, path, key) {
            return Ok(expr);
        }
    }
    let shared_stamp = shared_stamp(m, path);
    if let Some(expr) = shared_by_stamp(m, path, shared_stamp.as_deref()) {
        return Ok(expr);
    }
    let text = builtins::read_source(m, path, in_dir, span)?;
    if let Some(lowered) = lower_shared(m, path, &text, shared_stamp) {
        return lowered;
    }
    let file = m
        .sources
        .add(Origin::File(path.to_string()), text.clone().into());
    let base = path::dir_name(path).to_string();
    if m.io.keeps_lowerings() {
        lower_cached(m, file, path, &text, &base, stamp_key.as_deref())
    } else {
        lower_in(m, file, &text, &base)
    }
}

/// The SHA-256 of the lowering context ([`lowering_context`]), computed once.
fn lowering_digest(m: &mut Machine) -> [u8; 32] {
    use sha2::Digest;
    if let Some(digest) = m.lowering_digest {
        return digest;
    }
    let digest = sha2::Sha256::digest(lowering_context(m).as_bytes()).into();
    m.lowering_digest = Some(digest);
    digest
}

/// The cache key of file `path` by its stamp, when the host keeps lowered files and can
/// stamp this one.
fn stamp_key(m: &mut Machine, path: &str) -> Option<String> {
    use sha2::Digest;
    let shared = m
        .shared_sources
        .as_ref()
        .is_some_and(|s| path.starts_with(&s.prefix));
    if shared || !m.io.keeps_lowerings() || crate::corepkgs::name(path).is_some() {
        return None;
    }
    if m.io.access_error(path).is_some() {
        return None;
    }
    let stamp = m.io.source_stamp(path)?;
    let mut key = sha2::Sha256::new();
    key.update(lowering_digest(m));
    key.update(b"stamp\0");
    key.update(path.as_bytes());
    key.update([0]);
    key.update(stamp.as_bytes());
    Some(store::to_base16(&key.finalize()))
}

/// The lowering of file `path` kept under its stamp's `key`, with its text registered.
fn lowering_by_stamp(m: &mut Machine, path: &str, key: &str) -> Option<Rc<ir::Expr>> {
    let bytes = m.io.cached_lowering(env!("NIXPAD_EVAL_FINGERPRINT"), key)?;
    let (text, lowered) = syntax::encoded::split_text(&bytes)?;
    let file = m.sources.add(Origin::File(path.to_string()), text.into());
    syntax::encoded::decode(lowered, file)
}

/// Lowers file `path` through the host's lowered-file cache (see
/// [`EvalIO::cached_lowering`]): an entry made for the same text, path and lowering
/// context by the same evaluator build is decoded instead; a fresh lowering is stored
/// unless it printed a lint warning. With a `stamp_key`, the lowering and the text are
/// also kept under it (see [`lower_import`]).
fn lower_cached(
    m: &mut Machine,
    file: FileId,
    path: &str,
    text: &str,
    base: &str,
    stamp_key: Option<&str>,
) -> EvalResult<Rc<ir::Expr>> {
    use sha2::Digest;
    let mut key = sha2::Sha256::new();
    key.update(lowering_digest(m));
    key.update(path.as_bytes());
    key.update([0]);
    key.update(text.as_bytes());
    let key = store::to_base16(&key.finalize());
    let fingerprint = env!("NIXPAD_EVAL_FINGERPRINT");
    let keep_stamped = |m: &mut Machine, lowered: &[u8]| {
        if let Some(stamp_key) = stamp_key {
            let entry = syntax::encoded::with_text(text, lowered);
            m.io.store_lowering(fingerprint, stamp_key, &entry);
        }
    };
    if let Some(bytes) = m.io.cached_lowering(fingerprint, &key) {
        if let Some(expr) = syntax::encoded::decode(&bytes, file) {
            keep_stamped(m, &bytes);
            return Ok(expr);
        }
    }
    let ((expr, warned), interned) =
        Symbol::recording(|| lower_noting_warnings(m, file, text, base));
    let expr = expr?;
    if !warned {
        if let Some(bytes) = syntax::encoded::encode(&expr, &interned) {
            m.io.store_lowering(fingerprint, &key, &bytes);
            keep_stamped(m, &bytes);
        }
    }
    Ok(expr)
}

/// Files that do not change between evaluations (a package set's), parsed and lowered
/// once and shared by the evaluators made with [`Evaluator::with_shared_sources`]: the
/// first one to import such a file lowers it, the others reuse the result. Only files
/// under `prefix` are shared, and only between evaluators that lower alike (the same
/// global names, `home` and lints).
#[derive(Clone)]
pub struct SharedSources {
    prefix: String,
    pub(crate) files: Rc<std::cell::RefCell<Vec<Rc<source::Source>>>>,
    lowered: Rc<std::cell::RefCell<HashMap<String, SharedFile>>>,
    /// How the evaluators that share these files lower them (see [`lowering_context`]).
    context: Rc<std::cell::RefCell<Option<String>>>,
}

impl std::fmt::Debug for SharedSources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SharedSources({:?}, {} files)", self.prefix, self.len())
    }
}

impl SharedSources {
    /// Shares the files whose path starts with `prefix` (e.g. the package set's folder).
    pub fn new(prefix: &str) -> SharedSources {
        SharedSources {
            prefix: prefix.to_string(),
            files: Rc::default(),
            lowered: Rc::default(),
            context: Rc::default(),
        }
    }

    /// How many files have been lowered and shared.
    pub fn len(&self) -> usize {
        self.lowered.borrow().len()
    }

    /// Whether no file has been shared yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether an evaluator that lowers in `context` may share these files (the first
    /// one decides).
    fn accepts(&self, context: String) -> bool {
        let mut known = self.context.borrow_mut();
        match &*known {
            Some(c) => *c == context,
            None => {
                *known = Some(context);
                true
            }
        }
    }
}

/// A file shared by evaluators: its text, its stamp when the host could give one (taken
/// before the text was read), and its lowering.
struct SharedFile {
    text: Rc<str>,
    stamp: Option<String>,
    expr: Rc<ir::Expr>,
}

/// The stamp ([`EvalIO::source_stamp`]) of file `path` when `m` shares it.
fn shared_stamp(m: &Machine, path: &str) -> Option<String> {
    let shared = m.shared_sources.as_ref()?;
    if !path.starts_with(&shared.prefix) {
        return None;
    }
    m.io.source_stamp(path)
}

/// The shared lowering of file `path` when its stamp is the one it had when its text was
/// read: an unchanged file is not read again.
fn shared_by_stamp(m: &Machine, path: &str, stamp: Option<&str>) -> Option<Rc<ir::Expr>> {
    let shared = m.shared_sources.as_ref()?;
    let files = shared.lowered.borrow();
    let file = files.get(path)?;
    (stamp.is_some() && file.stamp.as_deref() == stamp).then(|| file.expr.clone())
}

/// What lowering a file depends on besides its text and path: the global names (their
/// slots), `home` (for `~/` paths) and the lints.
pub(crate) fn lowering_context(m: &Machine) -> String {
    let mut names: Vec<(Rc<str>, u32)> =
        m.global_names.iter().map(|(k, v)| (k.name(), *v)).collect();
    crate::sort::sort_by(&mut names, Ord::cmp);
    format!("{names:?} {:?} {:?}", m.settings.home, m.settings.lints)
}

/// The shared lowering of file `path` with this `text`, or a fresh one registered in the
/// shared sources, either kept with the file's `stamp`; `None` when `m` shares nothing for
/// this path.
fn lower_shared(
    m: &mut Machine,
    path: &str,
    text: &str,
    stamp: Option<String>,
) -> Option<EvalResult<Rc<ir::Expr>>> {
    let shared = m.shared_sources.clone()?;
    if !path.starts_with(&shared.prefix) {
        return None;
    }
    if let Some(file) = shared.lowered.borrow_mut().get_mut(path) {
        if *file.text == *text {
            file.stamp = stamp;
            return Some(Ok(file.expr.clone()));
        }
    }
    let text: Rc<str> = text.into();
    let file = m
        .sources
        .add_shared(Origin::File(path.to_string()), text.clone())?;
    let base = path::dir_name(path).to_string();
    let lowered = lower_in(m, file, &text, &base);
    if let Ok(expr) = &lowered {
        shared.lowered.borrow_mut().insert(
            path.to_string(),
            SharedFile {
                text,
                stamp,
                expr: expr.clone(),
            },
        );
    }
    Some(lowered)
}

fn lower_in(m: &Machine, file: FileId, text: &str, base_dir: &str) -> EvalResult<Rc<ir::Expr>> {
    lower_noting_warnings(m, file, text, base_dir).0
}

/// Like [`lower_in`], also saying whether a lint warning was printed.
fn lower_noting_warnings(
    m: &Machine,
    file: FileId,
    text: &str,
    base_dir: &str,
) -> (EvalResult<Rc<ir::Expr>>, bool) {
    let scopes = file_scopes(m, file);
    let ctx = LowerCtx {
        file,
        base_dir,
        home: m.settings.home.as_deref(),
        sources: &m.sources,
        lints: m.settings.lints,
        io: &*m.io,
        warned: std::cell::Cell::new(false),
    };
    let lowered = lower::parse_and_lower(&ctx, text, scopes);
    (lowered, ctx.warned.get())
}

/// An evaluator: owns the sources, the import cache and the builtins.
pub struct Evaluator {
    machine: Machine,
}

impl Drop for Evaluator {
    /// Lets go of the machine's values, then breaks the cycles among what it made that
    /// nothing outside (a value the host kept) still uses.
    fn drop(&mut self) {
        self.machine.release_values();
        self.machine.collector.collect();
    }
}

impl Evaluator {
    /// A new evaluator reading files through `io`.
    pub fn new(io: Rc<dyn EvalIO>, settings: Settings, limits: Limits) -> Evaluator {
        let io: Rc<dyn EvalIO> = if settings.pure_eval {
            Rc::new(io::PureIO::new(io, &settings.store_dir))
        } else {
            io
        };
        let mut machine = Machine::new(io, limits, settings);
        builtins::install(&mut machine);
        Evaluator { machine }
    }

    /// A new evaluator that shares the lowering of the files under `shared`'s prefix with
    /// the other evaluators made with it (see [`SharedSources`]).
    pub fn with_shared_sources(
        io: Rc<dyn EvalIO>,
        settings: Settings,
        limits: Limits,
        shared: &SharedSources,
    ) -> Evaluator {
        let mut ev = Evaluator::new(io, settings, limits);
        ev.machine.share_sources(shared.clone());
        ev
    }

    /// Parses and evaluates `text` to weak head normal form. Relative paths in it are
    /// resolved against `base_dir`.
    pub fn eval_source(&mut self, text: &str, origin: Origin, base_dir: &str) -> EvalResult<Value> {
        self.machine.collector.collect_if_due();
        let text = source::prepare_source(text.to_owned());
        let file = self.machine.sources.add(origin, text.clone().into());
        let expr = lower_in(&self.machine, file, &text, base_dir)?;
        let env = self.machine.globals.clone();
        self.machine.eval(&expr, &env)
    }

    /// `text` as Nix prints a parsed expression (`nix-instantiate --parse`), checked as
    /// for evaluation (a syntax error or an undefined variable is an error) but not
    /// evaluated.
    pub fn parse_source(
        &mut self,
        text: &str,
        origin: Origin,
        base_dir: &str,
    ) -> EvalResult<String> {
        let text = source::prepare_source(text.to_owned());
        let file = self.machine.sources.add(origin, text.clone().into());
        lower_in(&self.machine, file, &text, base_dir)?;
        let root = rnix::Root::parse(&text).tree();
        let shown = root
            .expr()
            .map(|e| crate::show::show_expr(&e, base_dir, self.machine.settings.home.as_deref()));
        Ok(shown.unwrap_or_default())
    }

    /// Like [`Evaluator::eval_source`], with extra names in scope (a REPL's bindings),
    /// which shadow the builtins but not the text's own bindings.
    pub fn eval_source_with_scope(
        &mut self,
        text: &str,
        origin: Origin,
        base_dir: &str,
        bindings: &[(String, Value)],
    ) -> EvalResult<Value> {
        let (expr, env) = self.lower_with_scope(text, origin, base_dir, bindings)?;
        self.machine.eval(&expr, &env)
    }

    /// Like [`Evaluator::eval_source_with_scope`], without evaluating: the value is a
    /// thunk (a REPL's `x = expr` binds lazily); only syntax and scope errors come now.
    pub fn delay_source_with_scope(
        &mut self,
        text: &str,
        origin: Origin,
        base_dir: &str,
        bindings: &[(String, Value)],
    ) -> EvalResult<Value> {
        let (expr, env) = self.lower_with_scope(text, origin, base_dir, bindings)?;
        Ok(value::Thunk::new(expr, env))
    }

    /// Registers and lowers `text` with `bindings` in scope; the environment to run it in.
    fn lower_with_scope(
        &mut self,
        text: &str,
        origin: Origin,
        base_dir: &str,
        bindings: &[(String, Value)],
    ) -> EvalResult<(Rc<ir::Expr>, value::Env)> {
        self.machine.collector.collect_if_due();
        let text = source::prepare_source(text.to_owned());
        let file = self.machine.sources.add(origin, text.clone().into());
        let scope = value::Attrs::from_unsorted(
            bindings
                .iter()
                .map(|(name, v)| value::Attr {
                    name: Symbol::new(name),
                    value: v.clone(),
                    pos: None,
                })
                .collect(),
        );
        note_scope(&mut self.machine, file, &scope);
        let expr = lower_in(&self.machine, file, &text, base_dir)?;
        let values: value::EnvValues = scope.entries.iter().map(|a| a.value.clone()).collect();
        Ok((
            expr,
            value::new_env(values, Some(self.machine.globals.clone())),
        ))
    }

    /// Attaches a debugger that makes the `builtins.break` call numbered `skip` (from 0,
    /// counting every call in this evaluator from now on) stop the evaluation with
    /// [`ErrorKind::Breakpoint`]; `None` detaches it (`break` returns its argument, as in
    /// Nix without `--debugger`).
    pub fn set_breakpoints(&mut self, skip: Option<usize>) {
        self.machine.debugger = skip.map(|skip| debug::Debugger {
            skip,
            passed: 0,
            stop: None,
        });
    }

    /// Where the evaluation stopped, if a `break` call stopped it (see
    /// [`Evaluator::set_breakpoints`]).
    pub fn take_breakpoint(&mut self) -> Option<Breakpoint> {
        self.machine.debugger.as_mut()?.stop.take()
    }

    /// The variables in scope at a breakpoint, innermost first (the global names left
    /// out): what a REPL lists and lets expressions use there.
    pub fn breakpoint_scope(&mut self, stop: &Breakpoint) -> Vec<ScopeEntry> {
        let Some(env) = &stop.env else {
            return Vec::new();
        };
        let file = stop.span.file;
        let source = self.machine.sources.get(file);
        let scopes = file_scopes(&self.machine, file);
        let ctx = LowerCtx {
            file,
            base_dir: "/",
            home: None,
            sources: &self.machine.sources,
            lints: Lints::default(),
            io: &*self.machine.io,
            warned: std::cell::Cell::new(false),
        };
        let Some(scopes) = lower::scopes_at(&ctx, &source.text, scopes, stop.span) else {
            return Vec::new();
        };
        let machine = &mut self.machine;
        debug::visible_names(&scopes, env, |v| machine.force(v, None).ok())
    }

    /// Checks that `text` parses and has no static errors, without evaluating it.
    pub fn check_source(&mut self, text: &str, origin: Origin, base_dir: &str) -> EvalResult<()> {
        let text = source::prepare_source(text.to_owned());
        let file = self.machine.sources.add(origin, text.clone().into());
        lower_in(&self.machine, file, &text, base_dir).map(|_| ())
    }

    /// The value of a file as `import` gives it, not evaluated yet.
    pub fn import_lazily(&mut self, path: &str) -> EvalResult<Value> {
        builtins::import_path(&mut self.machine, &path::canonicalise(path), Span::NOWHERE)
    }

    /// For an unevaluated `v`, whether its expression is a set literal (`{ … }` or
    /// `rec { … }`): Nix reads a `flake.nix` only if it is one.
    pub fn unevaluated_is_set_literal(&self, v: &Value) -> Option<bool> {
        let Value::Thunk(t) = v else {
            return None;
        };
        match &*t.0.borrow() {
            value::ThunkState::Expr(expr, _) => Some(matches!(
                &**expr,
                ir::Expr::Attrs(_) | ir::Expr::RecAttrs(_)
            )),
            _ => None,
        }
    }

    /// Evaluates a file (a directory means its `default.nix`) like `import`.
    pub fn eval_file(&mut self, path: &str) -> EvalResult<Value> {
        self.machine.collector.collect_if_due();
        let v = self.import_lazily(path)?;
        self.machine.force(&v, None)
    }

    /// The values of `--arg`/`--argstr` arguments, as `nix-instantiate` makes them before
    /// it reads any file: every `--arg` expression is parsed now (so one that does not
    /// parse is an error even if no function takes it) and evaluated lazily, once.
    pub fn auto_args(
        &mut self,
        args: &[(String, AutoArg)],
        base_dir: &str,
    ) -> EvalResult<AutoArgs> {
        let mut values = Vec::new();
        for (name, arg) in args {
            let value = match arg {
                AutoArg::Str(s) => Value::string(s.as_bytes()),
                AutoArg::Expr(e) => {
                    let text = source::prepare_source(e.to_owned());
                    let file = self
                        .machine
                        .sources
                        .add(Origin::String, text.clone().into());
                    let expr = lower_in(&self.machine, file, &text, base_dir)?;
                    value::Thunk::new(expr, self.machine.globals.clone())
                }
            };
            values.push((Symbol::new(name), value));
        }
        Ok(AutoArgs(values))
    }

    /// Applies a function result to `--arg`/`--argstr` arguments as `nix-instantiate` does:
    /// only when some are given and the value is a function taking a set.
    pub fn apply_auto_args(&mut self, v: Value, args: &AutoArgs) -> EvalResult<Value> {
        if args.0.is_empty() {
            return Ok(v);
        }
        self.auto_call(v, args)
    }

    /// Selects an attribute path (`nix-instantiate -A a.b."c.d".0`) from `v` as Nix does:
    /// before each step a function taking a set is called with the `--arg`s
    /// ([`Evaluator::auto_call`]); a component that is a number indexes a list.
    pub fn select_attr_path(
        &mut self,
        mut v: Value,
        attr_path: &str,
        args: &AutoArgs,
    ) -> EvalResult<Value> {
        let fail = |msg: String| Error::new(ErrorKind::Other(msg), None);
        for component in split_attr_path(attr_path).map_err(fail)? {
            let here = self.auto_call(v, args)?;
            let wrong_type = |want: &str, got: &Value| {
                fail(format!(
                    "the expression selected by the selection path '{attr_path}' should be {want} but is {}",
                    got.type_phrase()
                ))
            };
            v = match component.parse::<usize>() {
                Ok(index) => match &here {
                    Value::List(items) => items.0.get(index).cloned().ok_or_else(|| {
                        fail(format!(
                            "list index {index} in selection path '{attr_path}' is out of range"
                        ))
                    })?,
                    other => return Err(wrong_type("a list", other)),
                },
                Err(_) => match &here {
                    Value::Attrs(_) if component.is_empty() => {
                        return Err(fail(format!(
                            "empty attribute name in selection path '{attr_path}'"
                        )));
                    }
                    Value::Attrs(set) => match set.get(Symbol::new(&component)) {
                        Some(found) => found.clone(),
                        None => {
                            let names: Vec<String> = set
                                .entries
                                .iter()
                                .map(|a| a.name.name().to_string())
                                .collect();
                            let mut e = fail(format!(
                                "attribute '{component}' in selection path '{attr_path}' not found"
                            ));
                            if let Some(s) =
                                suggest::did_you_mean(&component, names.iter().map(|n| n.as_str()))
                            {
                                e = e.with_note(s);
                            }
                            return Err(e);
                        }
                    },
                    other => return Err(wrong_type("a set", other)),
                },
            };
        }
        self.machine.force(&v, None)
    }

    /// Nix's `autoCallFunction`: a function taking a set is called with the `--arg`s it
    /// names (all of them with `...`); any other value is returned forced.
    pub fn auto_call(&mut self, v: Value, args: &AutoArgs) -> EvalResult<Value> {
        let v = self.machine.force(&v, None)?;
        // Given arguments, Nix calls a functor with itself first, then the result.
        if !args.0.is_empty() {
            if let Value::Attrs(set) = &v {
                if let Some(functor) = set.get(Symbol::new("__functor")).cloned() {
                    let result = self.machine.call_at_top(&functor, vec![v.clone()])?;
                    return self.auto_call(result, args);
                }
            }
        }
        let Value::Lambda(closure) = &v else {
            return Ok(v);
        };
        let ir::Param::Pattern(pattern) = &closure.def.param else {
            return Ok(v);
        };
        if let Some(missing) = pattern
            .formals
            .iter()
            .find(|f| f.default.is_none() && !args.0.iter().any(|(n, _)| *n == f.name))
        {
            return Err(Error::new(
                ErrorKind::MissingAutoArgument(missing.name.to_string()),
                Some(missing.span),
            ));
        }
        let mut entries: Vec<value::Attr> = args
            .0
            .iter()
            .map(|(name, value)| value::Attr {
                name: *name,
                value: value.clone(),
                pos: None,
            })
            .collect();
        // Only the formals the function names are passed (unless it takes `...`).
        if !pattern.ellipsis {
            entries.retain(|a| pattern.formals.iter().any(|f| f.name == a.name));
        }
        let set = Value::attrs(value::Attrs::from_unsorted(entries));
        self.machine.call_at_top(&v, vec![set])
    }

    /// Forces a value to weak head normal form.
    pub fn force(&mut self, v: &Value) -> EvalResult<Value> {
        self.machine.force(v, None)
    }

    /// A short rendering of a value as far as it has been evaluated, forcing nothing:
    /// what error messages and traces show (`«thunk»`, depth and width limited).
    pub fn print_brief(&self, v: &Value) -> String {
        print::print_for_error(v, &self.machine.sources)
    }

    /// Prints a value like `nix-instantiate --eval [--strict]`.
    pub fn print(&mut self, v: &Value, strict: bool) -> EvalResult<Vec<u8>> {
        print::print_result(&mut self.machine, v, strict)
    }

    /// Prints a value as `nix-instantiate --eval --json` does.
    pub fn to_json(&mut self, v: &Value) -> EvalResult<Vec<u8>> {
        let copied = CoerceMode::Interpolation;
        builtins::to_json(&mut self.machine, v, Span::NOWHERE, &mut None, copied)
    }

    /// Prints a value as `nix eval --json` does: as [`Evaluator::to_json`], but a path is
    /// written as it is, not copied to the store.
    pub fn to_json_uncopied(&mut self, v: &Value) -> EvalResult<Vec<u8>> {
        let uncopied = CoerceMode::NoCopy;
        builtins::to_json(&mut self.machine, v, Span::NOWHERE, &mut None, uncopied)
    }

    /// What `nix-instantiate --eval --json [--strict]` writes to standard output for `v`,
    /// and how it ends. Nix evaluates the whole document first (an evaluation error
    /// writes nothing), then streams it out: a string that is not UTF-8 stops it just
    /// after that string's opening quote. Without `strict`, parts not evaluated yet are
    /// an error (`cannot convert a thunk to JSON`), as in Nix.
    pub fn json_output(&mut self, v: &Value, strict: bool) -> (Vec<u8>, EvalResult<()>) {
        let copied = CoerceMode::Interpolation;
        let document = if strict {
            builtins::json_document(
                &mut self.machine,
                v,
                Span::NOWHERE,
                &mut None,
                false,
                copied,
            )
        } else {
            self.machine.force(v, None).and_then(|v| {
                builtins::json_document(
                    &mut self.machine,
                    &v,
                    Span::NOWHERE,
                    &mut None,
                    true,
                    copied,
                )
            })
        };
        match document {
            Err(e) => (Vec::new(), Err(e)),
            Ok((out, None)) => (out, Ok(())),
            Ok((mut out, Some((e, written)))) => {
                out.truncate(written);
                (out, Err(e))
            }
        }
    }

    /// What `nix-instantiate --eval --xml [--strict]` writes to standard output for `v`,
    /// and how it ends: Nix forces each value as it writes it (with `--strict`, all of
    /// them), so an error ends the document there, its open elements closed.
    pub fn xml_output(&mut self, v: &Value, strict: bool) -> (Vec<u8>, EvalResult<()>) {
        let (out, _, result) =
            xml::xml_document(&mut self.machine, v, Span::NOWHERE, true, !strict);
        (out, result)
    }

    /// Prints a value as `nix-instantiate --eval --raw` does (with or without `--strict`):
    /// coerced to a string as interpolation coerces it (a path is copied to the store, a
    /// set by its `__toString` or `outPath`), without quotes, escapes or a newline.
    pub fn to_raw(&mut self, v: &Value) -> EvalResult<Vec<u8>> {
        let v = self.machine.force(v, None)?;
        let frame = "while generating the nix-instantiate output";
        let mode = CoerceMode::Interpolation;
        let s = self
            .machine
            .coerce_to_string_in(&v, mode, Span::NOWHERE, frame, None)?;
        Ok(s.bytes.to_vec())
    }

    /// Renders an error like Nix on a terminal.
    pub fn render_error(&self, e: &Error) -> String {
        e.render(&self.machine.sources, self.machine.settings.show_trace)
    }

    /// All sources seen so far.
    pub fn sources(&self) -> &SourceMap {
        &self.machine.sources
    }

    /// Takes the `builtins.trace` lines printed so far.
    pub fn take_trace_lines(&mut self) -> Vec<String> {
        std::mem::take(&mut self.machine.trace_lines)
    }
}

impl Machine {
    fn call_at_top(&mut self, f: &Value, args: Vec<Value>) -> EvalResult<Value> {
        self.call(f, args, Span::NOWHERE)
    }
}

/// How Nix holds a value nothing has forced yet ([`Evaluator::unforced`]): constants and
/// what a variable already holds are values, every other expression a thunk; a thunk of a
/// set literal without dynamic attributes, a list literal or a function is "trivial".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unforced {
    /// A value.
    Value,
    /// A trivial thunk.
    TrivialThunk,
    /// Any other thunk.
    Thunk,
}

/// A view of one level of a value, for interactive display (REPL, expandable trees).
#[derive(Clone)]
pub enum ValueView {
    /// `null`
    Null,
    /// A Boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float, already formatted as Nix prints it.
    Float(String),
    /// A string's bytes.
    String(Vec<u8>),
    /// A path.
    Path(String),
    /// A list's elements (not forced).
    List(Vec<Value>),
    /// A set's attributes in Nix's order (values not forced).
    Attrs(Vec<(String, Value)>),
    /// A lambda: its name if known, and where it is defined (`FILE:LINE:COL`).
    Lambda(Option<String>, String),
    /// A builtin: its name, and whether partially applied.
    PrimOp(String, bool),
    /// Not evaluated yet.
    Thunk,
}

impl Evaluator {
    /// The attributes of `v` (forced) in the order Nix keeps a set's attributes: by the
    /// order their names were first met, as Nix's commands walk them (`nix flake
    /// check`), each with where it was defined; values not forced. `None` if `v` is not
    /// a set.
    pub fn bindings(
        &mut self,
        v: &Value,
    ) -> EvalResult<Option<Vec<(String, Value, Option<Span>)>>> {
        Ok(match self.machine.force(v, None)? {
            Value::Attrs(a) => Some(
                a.entries
                    .iter()
                    .map(|e| (e.name.name().to_string(), e.value.clone(), e.pos))
                    .collect(),
            ),
            _ => None,
        })
    }

    /// One level of a value; with `force`, evaluates it to weak head normal form first.
    pub fn view(&mut self, v: &Value, force: bool) -> EvalResult<ValueView> {
        let v = if force {
            self.machine.force(v, None)?
        } else {
            match v {
                Value::Thunk(t) => match t.done() {
                    Some(done) => done,
                    None => return Ok(ValueView::Thunk),
                },
                other => other.clone(),
            }
        };
        Ok(match &v {
            Value::Null => ValueView::Null,
            Value::Bool(b) => ValueView::Bool(*b),
            Value::Int(i) => ValueView::Int(*i),
            Value::Float(f) => ValueView::Float(float::format_float(*f)),
            Value::String(s) => ValueView::String(s.bytes.to_vec()),
            Value::Path(p) => ValueView::Path(p.to_string()),
            Value::List(l) => ValueView::List(l.to_vec()),
            Value::Attrs(a) => ValueView::Attrs(
                a.sorted_by_name()
                    .iter()
                    .map(|a| (a.name.name().to_string(), a.value.clone()))
                    .collect(),
            ),
            Value::Lambda(c) => ValueView::Lambda(
                c.def.name.map(|n| n.name().to_string()),
                self.machine.pos_string(c.def.span),
            ),
            Value::PrimOp(p) => ValueView::PrimOp(p.op.name.to_string(), !p.args.is_empty()),
            Value::Thunk(_) => ValueView::Thunk,
        })
    }

    /// Where each attribute of `v` was defined, by name, if `v` is an evaluated set (an
    /// attribute made by a builtin has no position).
    pub fn attr_positions(&self, v: &Value) -> Vec<(String, Span)> {
        let Some(Value::Attrs(a)) = v.evaluated() else {
            return Vec::new();
        };
        a.entries
            .iter()
            .filter_map(|attr| {
                let span = attr.pos.filter(|s| s.file.0 != 0)?;
                Some((attr.name.name().to_string(), span))
            })
            .collect()
    }

    /// `FILE:LINE:COL` of a position.
    pub fn position_text(&self, span: Span) -> String {
        self.machine.pos_string(span)
    }

    /// `  at FILE:LINE:COL:` and the source lines around it with a caret, indented as
    /// under a trace line of an error (`… while …`) whose lines a host indents.
    pub fn position_excerpt(&self, span: Span) -> String {
        let mut out = String::new();
        error::render_position(&mut out, &self.machine.sources, span, "  ", "");
        out
    }

    /// How Nix holds `v` if nothing has forced it yet: reading `flake.nix`, Nix forces
    /// only the thunks it calls trivial and reports any other as "a thunk".
    pub fn unforced(&self, v: &Value) -> Unforced {
        match v {
            Value::Thunk(t) => match &*t.0.borrow() {
                value::ThunkState::Expr(expr, _) => match &**expr {
                    ir::Expr::Attrs(def) | ir::Expr::RecAttrs(def) if def.dynamics.is_empty() => {
                        Unforced::TrivialThunk
                    }
                    ir::Expr::List(_) | ir::Expr::Lambda(_) => Unforced::TrivialThunk,
                    _ => Unforced::Thunk,
                },
                value::ThunkState::Done(_) => Unforced::Value,
                _ => Unforced::Thunk,
            },
            // `[ ]` is a constant here, a list literal (a trivial thunk) in Nix.
            Value::List(l) if l.is_empty() => Unforced::TrivialThunk,
            _ => Unforced::Value,
        }
    }

    /// `builtins.typeOf` of a value (forcing it).
    pub fn type_of(&mut self, v: &Value) -> EvalResult<&'static str> {
        Ok(self.machine.force(v, None)?.type_of())
    }
}

/// What the REPL's `:doc` shows for a value (see [`Evaluator::documentation`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Documentation {
    /// A builtin, or a builtin given some of its arguments (`builtins.map f`).
    Builtin {
        /// Its name in `builtins` (`map`).
        name: String,
        /// Its synopsis and text.
        doc: BuiltinDoc,
        /// How many arguments it has been given so far (0 for the builtin itself).
        applied: usize,
    },
    /// A function written in Nix.
    Lambda {
        /// The name Nix gives it in messages (from the binding that defines it), if any.
        name: Option<String>,
        /// Where it is defined, `FILE:LINE:COL` as in `«lambda @ FILE:LINE:COL»`.
        pos: String,
        /// Its doc comment (see [`Evaluator::documentation`]); `None` without one.
        doc: Option<String>,
    },
}

impl Evaluator {
    /// The documentation of a value, as `nix repl`'s `:doc` finds it, forcing the value:
    /// a builtin's (also when partially applied, a Nixpad extension), or a Nix function's
    /// doc comment, a `/** ... */` comment right before the function or before the
    /// attribute or `let` binding that defines it (cleaned as Nix does: delimiters and
    /// common indentation removed). As a Nixpad extension, a function without one is
    /// documented by the `#` comment lines directly above its binding. A set with
    /// `__functor` is documented as the function it behaves as. `None` for any other
    /// value.
    pub fn documentation(&mut self, v: &Value) -> EvalResult<Option<Documentation>> {
        let mut v = self.machine.force(v, None)?;
        // A functor's `__functor` is called with the set, as Nix does, until a function
        // comes out (a few levels at most).
        for _ in 0..32 {
            match &v {
                Value::PrimOp(p) => {
                    return Ok(builtin_doc(p.op.name).map(|doc| Documentation::Builtin {
                        name: p.op.name.to_string(),
                        doc,
                        applied: p.args.len(),
                    }))
                }
                Value::Lambda(c) => {
                    let span = c.def.span;
                    let src = self.machine.sources.get(span.file);
                    // `derivation` is a Nix function of Nixpad's own, documented as a
                    // builtin.
                    if corepkgs::is_derivation_file(&src.origin)
                        && Some(span.start as usize)
                            == crate::derivation::DERIVATION_NIX.find("drvAttrs@")
                    {
                        return Ok(builtin_doc("derivation").map(|doc| Documentation::Builtin {
                            name: "derivation".into(),
                            doc,
                            applied: 0,
                        }));
                    }
                    return Ok(Some(Documentation::Lambda {
                        name: c.def.name.map(|n| n.name().to_string()),
                        pos: self.machine.pos_string(span),
                        doc: builtins::docs::lambda_doc(&src.text, span.start),
                    }));
                }
                Value::Attrs(set) => {
                    let Some(functor) = set.get(Symbol::new("__functor")).cloned() else {
                        return Ok(None);
                    };
                    let applied = self
                        .machine
                        .call_at_top(&functor, vec![v.clone()])
                        .and_then(|f| self.machine.force(&f, None));
                    v = applied.map_err(|mut e| {
                        e.push_frame(
                            "while partially calling '__functor' to retrieve documentation",
                            None,
                        );
                        e
                    })?;
                }
                _ => return Ok(None),
            }
        }
        Ok(None)
    }
}

pub use derivation::DerivationInfo;

/// What [`Evaluator::read_derivation`] reads of a derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDerivation {
    /// Its `name`.
    pub name: String,
    /// Its `drvPath`, if it has one.
    pub drv_path: Option<String>,
}

/// Derivations: what `derivationStrict` computed, for `nix derivation show`-like views
/// and dependency graphs.
impl Evaluator {
    /// If `v` is a derivation (a set with `type = "derivation"`), its `.drv` path, forcing
    /// what is needed; `None` for any other value.
    pub fn derivation_path(&mut self, v: &Value) -> EvalResult<Option<String>> {
        let m = &mut self.machine;
        let v = m.force(v, None)?;
        let Value::Attrs(a) = &v else { return Ok(None) };
        if !m.is_derivation(a)? {
            return Ok(None);
        }
        let Some(p) = a.get(Symbol::new("drvPath")).cloned() else {
            return Ok(None);
        };
        match m.force(&p, None)? {
            Value::String(s) => Ok(Some(s.lossy().into_owned())),
            _ => Ok(None),
        }
    }

    /// A path-like value as the absolute path it names, as Nix's `coerceToPath` reads it
    /// (a path, a string, a set with `__toString` or `outPath`).
    pub fn coerce_to_path(&mut self, v: &Value) -> EvalResult<String> {
        let path = self.machine.coerce_to_path(v, Span::NOWHERE, "", None)?;
        Ok(path.lossy().into_owned())
    }

    /// Whether `path` names an existing file, folder or link (through the evaluator's I/O).
    pub fn path_exists(&self, path: &str) -> bool {
        self.machine.io.file_type(path).is_some()
    }

    /// A derivation as Nix's commands read one (`nix flake check`): its `name`, which
    /// must be a string, and its `drvPath`, if it has one, coerced to a store path; errors
    /// are framed as Nix frames them. `None` if `v` is not a derivation.
    pub fn read_derivation(&mut self, v: &Value) -> EvalResult<Option<ReadDerivation>> {
        let m = &mut self.machine;
        let v = m.force(v, None)?;
        let Value::Attrs(a) = &v else { return Ok(None) };
        if !m.is_derivation(a)? {
            return Ok(None);
        }
        let Some(name) = a.get(Symbol::new("name")).cloned() else {
            return Err(Error::new(
                ErrorKind::Other("derivation name missing".into()),
                None,
            ));
        };
        let name = crate::primop::want_string_no_ctx(
            m,
            &name,
            Span::NOWHERE,
            "while evaluating the 'name' attribute of a derivation",
        )?;
        let drv_path = match a.get_attr(Symbol::new("drvPath")) {
            None => None,
            Some(attr) => {
                let (value, at) = (attr.value.clone(), attr.pos);
                let frame = "while evaluating the 'drvPath' attribute of a derivation";
                let path =
                    m.coerce_to_string_in(&value, CoerceMode::NoCopy, Span::NOWHERE, frame, at)?;
                let path = path.lossy().into_owned();
                if !context::is_store_path(&m.settings.store_dir, &path) {
                    let mut e = Error::new(
                        ErrorKind::Other(format!("path '{path}' is not in the Nix store")),
                        None,
                    );
                    e.push_frame(frame, at);
                    return Err(e);
                }
                Some(path)
            }
        };
        Ok(Some(ReadDerivation {
            name: name.lossy().into_owned(),
            drv_path,
        }))
    }

    /// A derivation this evaluator computed (a value's or one of its inputs'), by `.drv`
    /// path: outputs, inputs, ATerm text and `nix derivation show` JSON.
    pub fn derivation_info(&self, drv_path: &str) -> Option<DerivationInfo> {
        self.machine.drv_store.info(drv_path)
    }

    /// The JSON `nix derivation show` prints for these `.drv` paths (with `recursive`,
    /// also for every input derivation, as `nix derivation show -r`).
    pub fn derivation_show_json(&self, drv_paths: &[String], recursive: bool) -> Vec<u8> {
        self.machine.drv_store.show_json(drv_paths, recursive)
    }
}
