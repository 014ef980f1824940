//! The worker's side: runs [`Command`]s on the evaluator and keeps the current result
//! alive so the page can expand it level by level.
//!
//! Pure Rust (no JS): the worker binary only moves messages in and out, so everything
//! here is tested natively.

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use nixpad_eval::{syntax, Error, Evaluator, Limits, MemoryIO, Settings, Value, ValueView};
use nixpad_lessons::{
    failure, run_check, run_example, CheckCode, CheckOptions, FailureSource, Files, PackageSet,
    NIXPKGS_ROOT,
};

use crate::protocol::{
    Child, Command, ErrorInfo, FileEntry, Node, NodeId, NodeKind, Outcome, RequestId, ResultId,
    PAGE,
};
use crate::repl::Repl;

/// Levels of the result expanded before the page asks (infinite structures stop here).
pub const EAGER_DEPTH: u32 = 4;

/// Longest syntax tree text returned (bytes).
const MAX_TREE: usize = 1 << 20;

/// The current result: its evaluator and the values the page holds handles to.
struct Session {
    id: ResultId,
    ev: Evaluator,
    files: Files,
    /// The file evaluated.
    entry: String,
    nodes: Vec<Value>,
    root: Option<Value>,
}

/// Fetches the miniature nixpkgs' pack (`nixpkgs.pack`): the bytes, or why not.
pub type PackLoader = Box<dyn FnMut() -> Result<Vec<u8>, String>>;

/// The miniature nixpkgs, loaded the first time a program or lesson uses `<nixpkgs>`.
struct Packages {
    load: PackLoader,
    /// The package set (its files serve playground evaluations, lesson checks and the
    /// registry's nixpkgs); or why loading failed (not retried until the page asks again
    /// with a new engine).
    loaded: Option<Result<Rc<PackageSet>, String>>,
}

impl Packages {
    fn get(&mut self) -> Result<Rc<PackageSet>, String> {
        if self.loaded.is_none() {
            let files = (self.load)().and_then(|bytes| nixpad_pkgs::pack::unpack(&bytes));
            self.loaded = Some(files.map(|files| {
                Rc::new(PackageSet::from_files(
                    files.iter().map(|(p, b)| (p.as_str(), b.as_slice())),
                ))
            }));
        }
        self.loaded
            .clone()
            .unwrap_or_else(|| Err("not loaded".into()))
    }
}

/// Runs commands; owns at most one evaluated result and one REPL evaluator.
pub struct Engine {
    session: Option<Session>,
    repl: Repl,
    packages: Packages,
    /// Evaluators replaced by newer ones, dropped by [`Engine::tidy`] once the answer
    /// that replaced them is out (dropping one frees its values and collects its cycles).
    retired: Vec<Evaluator>,
    /// Nix's experimental features for the evaluators it makes.
    experimental_features: Vec<String>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// Whether the files use `<nixpkgs>` (or `<nixpkgs/…>`), so the package set must be there.
fn uses_nixpkgs(files: &Files) -> bool {
    files
        .values()
        .any(|t| t.contains("<nixpkgs>") || t.contains("<nixpkgs/"))
}

/// The error shown when the package set is needed but could not be loaded.
fn packages_missing(why: &str) -> ErrorInfo {
    let message = format!("the miniature nixpkgs (<nixpkgs>) could not be loaded: {why}");
    ErrorInfo {
        source: FailureSource::Check,
        code: "E004".into(),
        rendered: format!("error: {message}\n"),
        message,
        location: None,
    }
}

/// The files of a request by name.
fn by_name(files: Vec<FileEntry>) -> Files {
    files.into_iter().map(|f| (f.name, f.text)).collect()
}

/// A fresh evaluator over `files` placed under `/`, with Nix's experimental `features`;
/// with `packages`, `<nixpkgs>` is the miniature nixpkgs.
pub fn evaluator_for(
    files: &Files,
    packages: Option<&PackageSet>,
    features: &[String],
) -> Evaluator {
    let mut io = MemoryIO::new();
    for (name, text) in files {
        io.add_file(&format!("/{name}"), text.as_bytes().to_vec());
    }
    let mut settings = Settings {
        experimental_features: features.to_vec(),
        ..Settings::default()
    };
    let Some(packages) = packages else {
        return Evaluator::new(Rc::new(io), settings, Limits::default());
    };
    for (path, bytes) in packages.files() {
        io.add_file(&format!("{NIXPKGS_ROOT}/{path}"), bytes.clone());
    }
    settings.builtin_search_path = vec![("nixpkgs".into(), NIXPKGS_ROOT.into())];
    packages.evaluator(Rc::new(io), settings, Limits::default())
}

/// Turns an evaluator error into data: the innermost position inside the file tree
/// becomes the location the editor underlines (the lessons' [`failure`], one
/// implementation for the playground, the REPL and the checks).
pub fn error_info(ev: &Evaluator, e: &Error, files: &Files) -> ErrorInfo {
    failure(ev, e, files)
}

/// A string literal as Nix prints it.
pub fn quote(bytes: &[u8]) -> String {
    nixpad_eval::quote_string(bytes)
}

impl Engine {
    /// An engine with no result yet, without the miniature nixpkgs (`<nixpkgs>` is not
    /// found).
    pub fn new() -> Engine {
        Engine::with_packages(Box::new(|| Err("this evaluator has no package set".into())))
    }

    /// An engine that fetches the miniature nixpkgs with `load` when first needed.
    pub fn with_packages(load: PackLoader) -> Engine {
        Engine {
            session: None,
            repl: Repl::default(),
            packages: Packages { load, loaded: None },
            retired: Vec::new(),
            experimental_features: Vec::new(),
        }
    }

    /// Sets Nix's experimental features for the next evaluations (the REPL starts afresh
    /// when they change).
    pub fn set_experimental_features(&mut self, names: Vec<String>) {
        if names != self.experimental_features {
            self.retired.extend(self.repl.reset());
            self.experimental_features = names;
        }
    }

    /// Drops the evaluators the last request replaced (call it after answering).
    pub fn tidy(&mut self) {
        self.retired.clear();
    }

    /// The package set when `needed`: `Ok(None)` when not needed, `Err` with the
    /// learner-facing error when loading failed.
    fn packages_for(&mut self, needed: bool) -> Result<Option<Rc<PackageSet>>, ErrorInfo> {
        if !needed {
            return Ok(None);
        }
        self.packages
            .get()
            .map(Some)
            .map_err(|why| packages_missing(&why))
    }

    /// Check options with the package set when the lesson needs it.
    fn check_options(&mut self, nixpkgs: bool) -> Result<CheckOptions, ErrorInfo> {
        let mut options = CheckOptions::default();
        if nixpkgs {
            let set = self.packages.get().map_err(|why| packages_missing(&why))?;
            options.package_set = Some(set);
        }
        Ok(options)
    }

    /// Runs request `id`; returns its outcome and the `builtins.trace` lines it printed.
    pub fn run(&mut self, id: RequestId, command: Command) -> (Outcome, Vec<String>) {
        match command {
            Command::Eval {
                files,
                entry,
                expand_budget,
            } => {
                if let Some(old) = self.session.take() {
                    self.retired.push(old.ev);
                }
                let files = by_name(files);
                let packages = match self.packages_for(uses_nixpkgs(&files)) {
                    Ok(p) => p,
                    Err(e) => return (Outcome::Evaluated(Err(e)), Vec::new()),
                };
                let mut session = Session {
                    id: id.into(),
                    ev: evaluator_for(&files, packages.as_deref(), &self.experimental_features),
                    files,
                    entry: entry.clone(),
                    nodes: Vec::new(),
                    root: None,
                };
                let outcome = Outcome::Evaluated(session.eval(&entry, expand_budget));
                let trace = session.ev.take_trace_lines();
                self.session = Some(session);
                (outcome, trace)
            }
            Command::Expand {
                result,
                node,
                start,
                limit,
            } => match &mut self.session {
                Some(s) if s.id == result && (node.0 as usize) < s.nodes.len() => {
                    let children = s.children(node, start, limit.min(PAGE));
                    let trace = s.ev.take_trace_lines();
                    (
                        Outcome::Expanded {
                            node,
                            start,
                            children,
                        },
                        trace,
                    )
                }
                _ => (Outcome::Stale, Vec::new()),
            },
            Command::PrintStrict { result } | Command::Json { result } => {
                let json = matches!(command, Command::Json { .. });
                self.on_result(result, |ev, files, root| {
                    let printed = if json {
                        ev.to_json(root)
                    } else {
                        ev.print(root, true)
                    };
                    Outcome::Text(
                        printed
                            .map(|b| String::from_utf8_lossy(&b).into_owned())
                            .map_err(|e| error_info(ev, &e, files)),
                    )
                })
            }
            Command::Sbom {
                result,
                root: label,
            } => self.on_result(result, |ev, files, root| {
                Outcome::Text(
                    crate::drv::sbom(ev, root, &label).map_err(|e| error_info(ev, &e, files)),
                )
            }),
            Command::Derivations { result } => self.on_result(result, |ev, files, root| {
                Outcome::Derivations(
                    crate::drv::collect(ev, root).map_err(|e| error_info(ev, &e, files)),
                )
            }),
            Command::Options { result } => self.on_result(result, |ev, files, root| {
                let in_tree = |path: &str| {
                    let name = path.strip_prefix('/')?;
                    files.contains_key(name).then(|| name.to_string())
                };
                Outcome::Options(
                    crate::options::collect(ev, root, &in_tree)
                        .map_err(|e| error_info(ev, &e, files)),
                )
            }),
            Command::Impact { result } => self.impact(result),
            Command::Flake { files } => {
                let overview = match self.packages.get() {
                    Ok(set) => crate::flake::overview(&by_name(files), set.files()),
                    Err(why) => crate::flake::FlakeOverview {
                        error: Some(packages_missing(&why).message),
                        ..Default::default()
                    },
                };
                (Outcome::Flake(overview), Vec::new())
            }
            Command::FlakeInit { reference, files } => {
                let init = self
                    .packages
                    .get()
                    .map_err(|why| packages_missing(&why).message)
                    .and_then(|set| crate::flake::init(&reference, &by_name(files), set.files()));
                (Outcome::FlakeInit(init), Vec::new())
            }
            Command::SyntaxTree { text } => {
                let mut tree = syntax::syntax_tree(&text);
                if tree.len() > MAX_TREE {
                    let mut cut = MAX_TREE;
                    while !tree.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    tree.truncate(cut);
                    tree.push_str("\n… (cut: the tree is too long to show)\n");
                }
                (Outcome::Text(Ok(tree)), Vec::new())
            }
            Command::Repl { files, line } => self.repl_line(by_name(files), &line),
            Command::Check {
                check,
                library,
                files,
                nixpkgs,
                flake,
                experimental_features,
                ..
            } => {
                let code = CheckCode {
                    check: &check,
                    library: &library,
                    nixpkgs,
                    flake,
                };
                // Without the package set the check reports that it is missing.
                let options = CheckOptions {
                    experimental_features,
                    ..self.check_options(nixpkgs).unwrap_or_default()
                };
                let report = run_check(code, &by_name(files), &options);
                (Outcome::Checked(report), Vec::new())
            }
            Command::Example {
                code,
                files,
                nixpkgs,
                experimental_features,
                ..
            } => {
                let options = CheckOptions {
                    experimental_features,
                    ..self.check_options(nixpkgs).unwrap_or_default()
                };
                let outcome = run_example(&code, &by_name(files), nixpkgs, &options);
                let trace = outcome.trace.clone();
                (Outcome::Example(outcome), trace)
            }
        }
    }

    /// Runs `f` on the current result (its evaluator, files and value) when `result` is
    /// still the current one; otherwise the answer is [`Outcome::Stale`].
    fn on_result(
        &mut self,
        result: ResultId,
        f: impl FnOnce(&mut Evaluator, &Files, &Value) -> Outcome,
    ) -> (Outcome, Vec<String>) {
        match &mut self.session {
            Some(Session {
                id,
                ev,
                files,
                root: Some(root),
                ..
            }) if *id == result => {
                let outcome = f(ev, files, root);
                (outcome, ev.take_trace_lines())
            }
            _ => (Outcome::Stale, Vec::new()),
        }
    }

    /// The rebuild impact of result `result`: its program evaluated again with the
    /// package set (an overlay alone does not name `<nixpkgs>`).
    fn impact(&mut self, result: ResultId) -> (Outcome, Vec<String>) {
        let (files, entry) = match &self.session {
            Some(s) if s.id == result => (s.files.clone(), s.entry.clone()),
            _ => return (Outcome::Stale, Vec::new()),
        };
        let set = match self.packages.get() {
            Ok(set) => set,
            Err(why) => return (Outcome::Impact(Err(packages_missing(&why))), Vec::new()),
        };
        let mut ev = evaluator_for(&files, Some(&set), &self.experimental_features);
        let path = format!("/{}", entry.trim_start_matches('/'));
        let report = ev
            .eval_file(&path)
            .and_then(|root| crate::impact::collect(&mut ev, &root))
            .map_err(|e| error_info(&ev, &e, &files));
        (Outcome::Impact(report), ev.take_trace_lines())
    }

    fn repl_line(&mut self, files: Files, line: &str) -> (Outcome, Vec<String>) {
        // The REPL's scope outlives one line, so `<nixpkgs>` is there whenever the package
        // set can be loaded (a line may use it later).
        let packages = self.packages.get().ok();
        let features = &self.experimental_features;
        let mut fresh = |files: &Files| evaluator_for(files, packages.as_deref(), features);
        let answer = self.repl.line(files, line, &mut fresh, &mut self.retired);
        let outcome = Outcome::Repl {
            text: answer.text,
            is_error: answer.is_error,
            stopped: answer.stopped,
        };
        (outcome, answer.traces)
    }
}

/// The text of a value that has no children.
pub(crate) fn scalar_text(ev: &mut Evaluator, v: &Value, view: &ValueView) -> String {
    match view {
        ValueView::Null => "null".into(),
        ValueView::Bool(b) => b.to_string(),
        ValueView::Int(i) => i.to_string(),
        ValueView::Float(f) => f.clone(),
        ValueView::String(bytes) => quote(bytes),
        ValueView::Path(_) => ev
            .print(v, false)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default(),
        ValueView::Lambda(Some(name), pos) => format!("«lambda {name} @ {pos}»"),
        ValueView::Lambda(None, pos) => format!("«lambda @ {pos}»"),
        ValueView::PrimOp(name, false) => format!("«primop {name}»"),
        ValueView::PrimOp(name, true) => format!("«partially applied primop {name}»"),
        ValueView::Thunk => "«thunk»".into(),
        ValueView::List(items) => format!("[ {} items ]", items.len()),
        ValueView::Attrs(items) => format!("{{ {} attributes }}", items.len()),
    }
}

impl Session {
    fn register(&mut self, v: Value) -> NodeId {
        self.nodes.push(v);
        NodeId((self.nodes.len() - 1) as u32)
    }

    fn eval(&mut self, entry: &str, budget: u32) -> Result<Node, ErrorInfo> {
        let path = format!("/{}", entry.trim_start_matches('/'));
        let root = match self.ev.eval_file(&path) {
            Ok(v) => v,
            Err(e) => return Err(error_info(&self.ev, &e, &self.files)),
        };
        self.root = Some(root.clone());
        let id = self.register(root);
        let mut node = self.describe(id);
        if let Some(error) = node.error.take() {
            // Forcing the root failed: that is the evaluation's error.
            return Err(error);
        }
        Ok(self.eager(node, budget))
    }

    /// Forces node `id` to weak head normal form and describes it (no children).
    fn describe(&mut self, id: NodeId) -> Node {
        let v = self.nodes[id.0 as usize].clone();
        let mut error = None;
        let (kind, text, len) = match self.ev.view(&v, true) {
            Err(e) => {
                let info = error_info(&self.ev, &e, &self.files);
                let text = info.message.clone();
                error = Some(info);
                (NodeKind::Error, text, 0)
            }
            Ok(ValueView::List(items)) => (
                NodeKind::List,
                if items.is_empty() {
                    "[ ]".into()
                } else {
                    "[ … ]".into()
                },
                items.len(),
            ),
            Ok(ValueView::Attrs(items)) => (
                NodeKind::Attrs,
                if items.is_empty() {
                    "{ }".into()
                } else {
                    "{ … }".into()
                },
                items.len(),
            ),
            Ok(view) => {
                let kind = match view {
                    ValueView::String(_) => NodeKind::String,
                    ValueView::Path(_) => NodeKind::Path,
                    ValueView::Lambda(..) | ValueView::PrimOp(..) => NodeKind::Function,
                    ValueView::Thunk => NodeKind::Lazy,
                    _ => NodeKind::Scalar,
                };
                (kind, scalar_text(&mut self.ev, &v, &view), 0)
            }
        };
        Node {
            id,
            kind,
            text,
            len: len as u32,
            children: None,
            error,
        }
    }

    /// Children `start..start+limit` of node `id`, each forced one level.
    fn children(&mut self, id: NodeId, start: u32, limit: u32) -> Result<Vec<Child>, ErrorInfo> {
        let v = self.nodes[id.0 as usize].clone();
        let items: Vec<(Option<String>, Value)> = match self.ev.view(&v, true) {
            Err(e) => return Err(error_info(&self.ev, &e, &self.files)),
            Ok(ValueView::List(items)) => items.into_iter().map(|v| (None, v)).collect(),
            Ok(ValueView::Attrs(items)) => items.into_iter().map(|(n, v)| (Some(n), v)).collect(),
            Ok(_) => Vec::new(),
        };
        let mut out = Vec::new();
        for (name, value) in items.into_iter().skip(start as usize).take(limit as usize) {
            let child = self.register(value);
            out.push(Child {
                name,
                node: self.describe(child),
            });
        }
        Ok(out)
    }

    /// Expands containers breadth first until `budget` children have been shown.
    fn eager(&mut self, root: Node, budget: u32) -> Node {
        let mut fetched: HashMap<NodeId, Vec<Child>> = HashMap::new();
        let mut queue = VecDeque::from([(root.id, root.kind, root.len, 0u32)]);
        let mut used = 0u32;
        while let Some((id, kind, len, depth)) = queue.pop_front() {
            if !matches!(kind, NodeKind::List | NodeKind::Attrs) || len == 0 || depth >= EAGER_DEPTH
            {
                continue;
            }
            let want = len.min(PAGE);
            if used > 0 && used + want > budget {
                continue;
            }
            let Ok(children) = self.children(id, 0, want) else {
                continue;
            };
            used += children.len() as u32;
            queue.extend(
                children
                    .iter()
                    .map(|c| (c.node.id, c.node.kind, c.node.len, depth + 1)),
            );
            fetched.insert(id, children);
        }
        assemble(root, &mut fetched)
    }
}

fn assemble(mut node: Node, fetched: &mut HashMap<NodeId, Vec<Child>>) -> Node {
    if let Some(children) = fetched.remove(&node.id) {
        node.children = Some(
            children
                .into_iter()
                .map(|c| Child {
                    name: c.name,
                    node: assemble(c.node, fetched),
                })
                .collect(),
        );
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::attr_name;

    fn files(list: &[(&str, &str)]) -> Vec<FileEntry> {
        list.iter()
            .map(|(n, t)| FileEntry {
                name: n.to_string(),
                text: t.to_string(),
            })
            .collect()
    }

    fn eval(engine: &mut Engine, list: &[(&str, &str)]) -> Result<Node, ErrorInfo> {
        let cmd = Command::Eval {
            files: files(list),
            entry: "default.nix".into(),
            expand_budget: 50,
        };
        match engine.run(RequestId(1), cmd).0 {
            Outcome::Evaluated(r) => r,
            other => panic!("unexpected {other:?}"),
        }
    }

    /// Renders a node tree as compact text, for assertions.
    fn show(node: &Node) -> String {
        match &node.children {
            None => node.text.clone(),
            Some(children) => {
                let inner: Vec<String> = children
                    .iter()
                    .map(|c| match &c.name {
                        Some(n) => format!("{} = {};", attr_name(n), show(&c.node)),
                        None => show(&c.node),
                    })
                    .collect();
                let (o, c) = if node.kind == NodeKind::List {
                    ("[", "]")
                } else {
                    ("{", "}")
                };
                format!("{o} {} {c}", inner.join(" "))
            }
        }
    }

    #[test]
    fn an_sbom_of_a_root_derivation_of_the_result() {
        let mut engine = Engine::new();
        let program = "let d = name: deps: derivation { inherit name deps; builder = \"/bin/sh\"; system = \"x86_64-linux\"; }; lib = d \"lib\" [ ]; in { app = d \"app\" [ lib ]; n = 1; }";
        eval(&mut engine, &[("default.nix", program)]).expect("evaluates");
        let sbom = |engine: &mut Engine, root: &str| match engine
            .run(
                RequestId(2),
                Command::Sbom {
                    result: ResultId(1),
                    root: root.into(),
                },
            )
            .0
        {
            Outcome::Text(text) => text,
            other => panic!("{other:?}"),
        };
        let json: serde_json::Value =
            serde_json::from_str(&sbom(&mut engine, "app").expect("an SBOM")).expect("JSON");
        assert_eq!(json["bomFormat"], "CycloneDX");
        assert_eq!(json["specVersion"], "1.5");
        let missing = sbom(&mut engine, "n").unwrap_err();
        assert!(
            missing.message.contains("no derivation 'n'"),
            "{}",
            missing.message
        );
    }

    #[test]
    fn experimental_features_reach_the_evaluator() {
        let program = [(
            "default.nix",
            "(derivation { name = \"a\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; __contentAddressed = true; }).outPath",
        )];
        let mut engine = Engine::new();
        let refused = eval(&mut engine, &program).unwrap_err();
        assert!(
            refused.message.contains("'ca-derivations' is disabled"),
            "{}",
            refused.message
        );
        engine.set_experimental_features(vec!["ca-derivations".into()]);
        let placeholder = eval(&mut engine, &program).expect("content-addressed");
        assert_eq!(
            placeholder.text,
            "\"/1lkr3hf7h81b3swyci7g48si90viks3cn4y6rmjbpfzl7gxd9j4n\""
        );
        let (answer, is_error) = repl(&mut engine, "builtins.placeholder \"out\"");
        assert!(!is_error, "{answer}");
    }

    #[test]
    fn evaluates_and_expands_eagerly() {
        let mut e = Engine::new();
        let node = eval(
            &mut e,
            &[(
                "default.nix",
                "{ a = 1; b = [ \"x\" ./. ]; c = x: x; \"d e\" = null; }",
            )],
        )
        .unwrap();
        // Newer evaluators print a lambda's position as Nix 2.26 does (`«lambda c @ …»`).
        assert_eq!(
            show(&node).replace(" @ /default.nix:1:31", ""),
            "{ a = 1; b = [ \"x\" / ]; c = «lambda c»; \"d e\" = null; }"
        );
    }

    #[test]
    fn imports_between_files_and_reports_locations() {
        let mut e = Engine::new();
        let ok = eval(
            &mut e,
            &[
                ("default.nix", "(import ./overlay.nix) + 1"),
                ("overlay.nix", "41"),
            ],
        )
        .unwrap();
        assert_eq!(ok.text, "42");
        let err = eval(
            &mut e,
            &[
                ("default.nix", "import ./overlay.nix"),
                ("overlay.nix", "{\n  a = 1;\n}.a + \"x\""),
            ],
        )
        .unwrap_err();
        let loc = err.location.expect("a location");
        assert_eq!((loc.file.as_str(), loc.line), ("overlay.nix", 3));
        assert!(err.rendered.contains("overlay.nix"), "{}", err.rendered);
    }

    #[test]
    fn errors_in_children_stay_in_their_node() {
        let mut e = Engine::new();
        let node = eval(&mut e, &[("default.nix", "{ a = throw \"boom\"; b = 2; }")]).unwrap();
        assert_eq!(show(&node), "{ a = boom; b = 2; }");
        let a = &node.children.as_ref().unwrap()[0].node;
        assert_eq!(a.kind, NodeKind::Error);
        let loc = a
            .error
            .as_ref()
            .and_then(|e| e.location.clone())
            .expect("a location");
        assert_eq!((loc.line, loc.col), (1, 7));
    }

    #[test]
    fn lazy_nodes_expand_on_demand() {
        let mut e = Engine::new();
        let text = "let deep = n: if n == 0 then {} else { next = deep (n - 1); }; in deep 1000";
        let node = eval(&mut e, &[("default.nix", text)]).unwrap();
        // The depth limit stops the eager expansion long before 1000 levels.
        let mut depth = 0;
        let mut cur = &node;
        while let Some(children) = &cur.children {
            cur = &children[0].node;
            depth += 1;
        }
        assert_eq!(depth, EAGER_DEPTH);
        let (out, _) = e.run(
            RequestId(2),
            Command::Expand {
                result: ResultId(1),
                node: cur.id,
                start: 0,
                limit: 10,
            },
        );
        match out {
            Outcome::Expanded {
                children: Ok(children),
                ..
            } => assert_eq!(children[0].name.as_deref(), Some("next")),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            e.run(
                RequestId(3),
                Command::Expand {
                    result: ResultId(1),
                    node: NodeId(99_999),
                    start: 0,
                    limit: 1
                }
            )
            .0,
            Outcome::Stale
        );
        assert_eq!(
            e.run(
                RequestId(3),
                Command::Expand {
                    result: ResultId(7),
                    node: cur.id,
                    start: 0,
                    limit: 1
                }
            )
            .0,
            Outcome::Stale
        );
    }

    #[test]
    fn text_views_and_trace() {
        let mut e = Engine::new();
        let (out, trace) = e.run(
            RequestId(1),
            Command::Eval {
                files: files(&[("default.nix", "builtins.trace \"hi\" { a.b = [ 1 2 ]; }")]),
                entry: "default.nix".into(),
                expand_budget: 0,
            },
        );
        assert!(matches!(out, Outcome::Evaluated(Ok(_))));
        assert_eq!(trace, vec!["trace: hi".to_string()]);
        assert_eq!(
            e.run(
                RequestId(2),
                Command::PrintStrict {
                    result: ResultId(1)
                }
            )
            .0,
            Outcome::Text(Ok("{ a = { b = [ 1 2 ]; }; }".into()))
        );
        assert_eq!(
            e.run(
                RequestId(3),
                Command::Json {
                    result: ResultId(1)
                }
            )
            .0,
            Outcome::Text(Ok("{\"a\":{\"b\":[1,2]}}".into()))
        );
        match e
            .run(
                RequestId(4),
                Command::SyntaxTree {
                    text: "1 + 2".into(),
                },
            )
            .0
        {
            Outcome::Text(Ok(t)) => assert!(t.contains("NODE_BIN_OP")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn infinite_recursion_is_an_error() {
        let mut e = Engine::new();
        let err = eval(&mut e, &[("default.nix", "let x = x; in x")]).unwrap_err();
        assert_eq!(err.code, "E008");
        assert_eq!(
            err.location.map(|l| l.file),
            Some("default.nix".to_string())
        );
    }

    fn repl(e: &mut Engine, line: &str) -> (String, bool) {
        match e
            .run(
                RequestId(1),
                Command::Repl {
                    files: files(&[("default.nix", "{ x = 1; }")]),
                    line: line.into(),
                },
            )
            .0
        {
            Outcome::Repl { text, is_error, .. } => (text, is_error),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn repl_commands() {
        let mut e = Engine::new();
        assert_eq!(repl(&mut e, "1 + 2"), ("3".into(), false));
        assert_eq!(repl(&mut e, ":t 1"), ("an integer".into(), false));
        assert_eq!(
            repl(&mut e, ":t builtins.map"),
            ("a built-in function".into(), false)
        );
        assert_eq!(
            repl(&mut e, "(import ./default.nix).x"),
            ("1".into(), false)
        );
        assert_eq!(
            repl(&mut e, "{ a = { b = 1; }; c = 1 + 1; }"),
            ("{ a = { ... }; c = 2; }".into(), false)
        );
        assert_eq!(
            repl(&mut e, ":p { a = { b = 1; }; }"),
            ("{ a = { b = 1; }; }".into(), false)
        );
        assert_eq!(repl(&mut e, "y = 40"), (String::new(), false));
        assert_eq!(repl(&mut e, "y + 2"), ("42".into(), false));
        assert_eq!(repl(&mut e, "y == 40"), ("true".into(), false));
        let (text, is_error) = repl(&mut e, "nope");
        assert!(
            is_error && text.contains("undefined variable 'nope'"),
            "{text}"
        );
        assert!(repl(&mut e, ":x").1);
        // Bindings are lazy and not recursive, as in `nix repl`; a new one replaces the old.
        assert_eq!(
            repl(&mut e, "boom = throw \"later\""),
            (String::new(), false)
        );
        let (text, is_error) = repl(&mut e, "boom");
        assert!(is_error && text.contains("later"), "{text}");
        assert_eq!(repl(&mut e, "y = y + 1"), (String::new(), false));
        assert_eq!(repl(&mut e, "y"), ("41".into(), false));
        let (text, is_error) = repl(&mut e, "w = (");
        assert!(is_error && text.contains("syntax error"), "{text}");
        assert!(repl(&mut e, ":?").0.contains(":t"));
    }

    fn repl_in(e: &mut Engine, list: &[(&str, &str)], line: &str) -> (String, bool) {
        let command = Command::Repl {
            files: files(list),
            line: line.into(),
        };
        match e.run(RequestId(1), command).0 {
            Outcome::Repl { text, is_error, .. } => (text, is_error),
            other => panic!("{other:?}"),
        }
    }

    /// A REPL line through the engine: text, error, stopped.
    fn repl_debug(e: &mut Engine, list: &[(&str, &str)], line: &str) -> (String, bool, bool) {
        let command = Command::Repl {
            files: files(list),
            line: line.into(),
        };
        match e.run(RequestId(1), command).0 {
            Outcome::Repl {
                text,
                is_error,
                stopped,
            } => (text, is_error, stopped),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn repl_stops_at_break_shows_the_scope_and_continues() {
        let mut e = Engine::new();
        let lib = "{\n  double = n: let twice = n * 2; in builtins.break twice;\n}\n";
        let list = [("lib.nix", lib)];
        assert_eq!(
            repl_debug(&mut e, &list, "base = 20"),
            (String::new(), false, false)
        );
        let line = "let lib = import ./lib.nix; in [ (lib.double base) (lib.double 1) ]";
        // A value printed one level deep forces its elements: the first one stops.
        let (text, is_error, stopped) = repl_debug(&mut e, &list, line);
        assert!(!is_error && stopped, "{text}");
        assert!(text.starts_with("info: breakpoint reached"), "{text}");
        assert!(text.contains("/lib.nix:2:37"), "{text}");
        assert!(text.contains("builtins.break was given: 40"), "{text}");
        assert!(text.contains("  twice = 40\n  n = 20\n"), "{text}");
        // Expressions see the stop's scope and the REPL's bindings.
        assert_eq!(
            repl_debug(&mut e, &list, "n + twice + base"),
            ("80".into(), false, true)
        );
        assert_eq!(
            repl_debug(&mut e, &list, ":t n"),
            ("an integer".into(), false, true)
        );
        assert!(repl_debug(&mut e, &list, "x = 1").1);
        assert_eq!(repl_debug(&mut e, &list, ":env").0, text);
        // :c stops at the next call, then finishes the line.
        let (text, _, stopped) = repl_debug(&mut e, &list, ":c");
        assert!(stopped && text.contains("  n = 1\n"), "{text}");
        assert_eq!(
            repl_debug(&mut e, &list, ":c"),
            ("[ 40 2 ]".into(), false, false)
        );
        // Out of the debugger, lines are evaluated as before; :q leaves a stop.
        assert_eq!(
            repl_debug(&mut e, &list, "base"),
            ("20".into(), false, false)
        );
        assert!(repl_debug(&mut e, &list, "builtins.break 1").2);
        let (text, _, stopped) = repl_debug(&mut e, &list, ":q");
        assert!(!stopped && text.contains("not finished"), "{text}");
        // Changing the files leaves a stop too.
        assert!(repl_debug(&mut e, &list, "builtins.break 1").2);
        assert_eq!(repl_debug(&mut e, &[], "1 + 1"), ("2".into(), false, false));
    }

    #[test]
    fn repl_doc_shows_documentation() {
        let mut e = Engine::new();
        let (map, is_error) = repl(&mut e, ":doc builtins.map");
        assert!(!is_error, "{map}");
        assert!(
            map.starts_with("Synopsis: builtins.map f list\n\n"),
            "{map}"
        );
        assert_eq!(
            map,
            format!(
                "Synopsis: builtins.map f list\n\n{}",
                nixpad_eval::builtin_doc("map").unwrap().text
            )
        );
        assert_eq!(repl(&mut e, ":doc map"), (map.clone(), false));
        let (partial, is_error) = repl(&mut e, ":doc map (x: x)");
        assert!(!is_error && partial.starts_with(&map), "{partial}");
        assert!(
            partial.ends_with("given 1 of its 2 arguments.)"),
            "{partial}"
        );
        let (version, is_error) = repl(&mut e, ":doc builtins.nixVersion");
        assert!(
            !is_error && version.starts_with("Synopsis: builtins.nixVersion\n\nThe version"),
            "{version}"
        );
        assert_eq!(
            repl(&mut e, ":doc 1"),
            ("error: value does not have documentation".into(), true)
        );
        let (text, is_error) = repl(&mut e, ":doc nope");
        assert!(
            is_error && text.contains("undefined variable 'nope'"),
            "{text}"
        );
        assert!(repl(&mut e, ":docs map").1, "an unknown command");
        assert!(repl(&mut e, ":?").0.contains(":doc <expr>"));

        let lib = "{\n  /** Adds one. */\n  inc = x: x + 1;\n  # Subtracts one.\n  dec = x: x - 1;\n  twice = f: x: f (f x);\n}\n";
        let files = [("default.nix", "1"), ("lib.nix", lib)];
        assert_eq!(
            repl_in(&mut e, &files, ":doc (import ./lib.nix).inc"),
            (
                "Function inc\n… defined at /lib.nix:3:9\n\nAdds one.".into(),
                false
            )
        );
        assert_eq!(
            repl_in(&mut e, &files, ":doc (import ./lib.nix).dec"),
            (
                "Function dec\n… defined at /lib.nix:5:9\n\nSubtracts one.".into(),
                false
            )
        );
        let (text, is_error) = repl_in(&mut e, &files, ":doc (import ./lib.nix).twice");
        assert!(
            !is_error
                && text
                    .starts_with("Function twice\n… defined at /lib.nix:6:11\n\n(No documentation"),
            "{text}"
        );
        assert_eq!(
            repl_in(&mut e, &files, ":doc /** Doubles. */ x: x * 2"),
            ("Function defined at «repl»:1:17\n\nDoubles.".into(), false)
        );
    }

    #[test]
    fn repl_doc_shows_the_comments_of_nixpkgs_functions() {
        let mut e = engine_with_pack(Rc::new(std::cell::Cell::new(0)));
        let (text, is_error) = repl_in(
            &mut e,
            &[],
            ":doc (import <nixpkgs> { }).lib.optionalString",
        );
        assert!(!is_error, "{text}");
        assert!(
            text.starts_with("Function optionalString\n… defined at ")
                && text.contains("/lib/strings.nix:"),
            "{text}"
        );
        assert!(
            text.ends_with("\n\nThe string when `cond` holds, \"\" otherwise."),
            "{text}"
        );
    }

    #[test]
    fn names_and_strings_print_like_nix() {
        assert_eq!(attr_name("a-b'"), "a-b'");
        assert_eq!(attr_name("a b"), "\"a b\"");
        assert_eq!(attr_name("in"), "\"in\"");
        assert_eq!(quote(b"a\"${x}\n"), "\"a\\\"\\${x}\\n\"");
    }

    #[test]
    fn lesson_checks_and_examples_run_in_the_engine() {
        let check = r#"{ files, ... }: [
          { name = "x is 1"; expected = 1; actual = files."main.nix".x; }
          { name = "the helper is read"; ok = files."lib.nix" == 2; }
        ]"#;
        let mut e = Engine::new();
        let mut run_check = |main: &str| match e
            .run(
                RequestId(1),
                Command::Check {
                    lesson: "c/l".into(),
                    check: check.into(),
                    library: String::new(),
                    files: files(&[("main.nix", main), ("lib.nix", "2")]),
                    nixpkgs: false,
                    experimental_features: Vec::new(),
                    flake: false,
                },
            )
            .0
        {
            Outcome::Checked(r) => r,
            other => panic!("{other:?}"),
        };
        assert!(run_check("{ x = 1; }").passed);
        let failed = run_check("{ x = 2; }");
        assert!(!failed.passed);
        assert_eq!(failed.checks[0].actual.as_deref(), Some("2"));
        let broken = run_check("{ x = ; }");
        let error = broken.error.expect("a syntax error");
        assert_eq!(error.location.map(|l| l.file).as_deref(), Some("main.nix"));
        match e
            .run(
                RequestId(2),
                Command::Example {
                    lesson: "c/l".into(),
                    index: 0,
                    code: "(import ./main.nix).x + 2".into(),
                    files: files(&[("main.nix", "{ x = 1; }")]),
                    nixpkgs: false,
                    experimental_features: Vec::new(),
                },
            )
            .0
        {
            Outcome::Example(o) => assert_eq!(o.output.as_deref().map(str::trim), Some("3")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_impact_view_lists_what_an_overlay_rebuilds() {
        let mut e = engine_with_pack(Rc::new(std::cell::Cell::new(0)));
        let overlay = "final: prev: {\n  zlib = prev.zlib.overrideAttrs (old: { NIX_CFLAGS = \"-O3\"; });\n}\n";
        eval(&mut e, &[("default.nix", overlay)]).unwrap();
        let report = match e
            .run(
                RequestId(2),
                Command::Impact {
                    result: ResultId(1),
                },
            )
            .0
        {
            Outcome::Impact(Ok(r)) => r,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            report.compared,
            "import <nixpkgs> { } without and with the overlay"
        );
        // zlib changed itself; everything that depends on it rebuilds through it.
        let zlib = report
            .changed
            .iter()
            .find(|r| r.attr == "zlib")
            .expect("zlib changed");
        assert!(zlib.direct && zlib.kind == "rebuild");
        assert_eq!(zlib.causes, ["attribute NIX_CFLAGS changed"]);
        let curl = report
            .changed
            .iter()
            .find(|r| r.attr == "curl")
            .expect("curl changed");
        assert!(!curl.direct);
        assert!(
            curl.causes.iter().any(|c| c.starts_with("input zlib-")),
            "{:?}",
            curl.causes
        );
        assert_eq!(report.direct, 1);
        assert!(
            report.rebuilds > 10 && report.rebuilds < report.common,
            "{report:?}"
        );
        assert!(report.roots[0].0.starts_with("zlib-"), "{:?}", report.roots);
        assert_eq!(report.roots[0].1, report.rebuilds);
        assert!(zlib.deeper_roots.is_empty(), "zlib changed itself");
        assert!(
            !report.changed.iter().any(|r| r.attr == "hello"),
            "hello does not use zlib"
        );
        assert!(report.text.starts_with(&format!(
            "{} of {} packages rebuild",
            report.rebuilds, report.common
        )));
        // A program that is not an overlay says what the view needs.
        eval(&mut e, &[("default.nix", "42")]).unwrap();
        match e
            .run(
                RequestId(3),
                Command::Impact {
                    result: ResultId(1),
                },
            )
            .0
        {
            Outcome::Impact(Err(e)) => {
                assert!(e.message.contains("needs an overlay"), "{}", e.message)
            }
            other => panic!("{other:?}"),
        }
    }

    /// An engine whose package loader counts its calls and serves the real pack.
    fn engine_with_pack(calls: Rc<std::cell::Cell<u32>>) -> Engine {
        Engine::with_packages(Box::new(move || {
            calls.set(calls.get() + 1);
            Ok(nixpad_pkgs::pack::pack())
        }))
    }

    #[test]
    fn nixpkgs_is_loaded_once_when_a_program_uses_it() {
        let calls = Rc::new(std::cell::Cell::new(0));
        let mut e = engine_with_pack(calls.clone());
        let plain = eval(&mut e, &[("default.nix", "1 + 1")]).unwrap();
        assert_eq!(plain.text, "2");
        assert_eq!(
            calls.get(),
            0,
            "a program without <nixpkgs> does not load it"
        );
        let hello = "(import <nixpkgs> { }).hello.drvPath";
        let node = eval(&mut e, &[("default.nix", hello)]).unwrap();
        assert_eq!(
            node.text,
            "\"/nix/store/g5dhwa743bq245wddlqaj5yfkkfrbv82-hello-2.12.1.drv\""
        );
        eval(&mut e, &[("default.nix", hello)]).unwrap();
        assert_eq!(calls.get(), 1, "loaded once");
    }

    #[test]
    fn a_missing_package_set_is_a_clear_error() {
        let mut e = Engine::with_packages(Box::new(|| Err("offline".into())));
        let error = eval(&mut e, &[("default.nix", "import <nixpkgs> { }")]).unwrap_err();
        assert_eq!(
            error.message,
            "the miniature nixpkgs (<nixpkgs>) could not be loaded: offline"
        );
        let mut e = Engine::with_packages(Box::new(|| Ok(b"damaged".to_vec())));
        let error = eval(&mut e, &[("default.nix", "import <nixpkgs> { }")]).unwrap_err();
        assert!(
            error.message.contains("not a nixpkgs pack"),
            "{}",
            error.message
        );
    }

    #[test]
    fn nixpkgs_lessons_are_checked_with_the_package_set() {
        let mut e = engine_with_pack(Rc::new(std::cell::Cell::new(0)));
        let check = r#"{ files, ... }: [
          { name = "names hello"; expected = (import <nixpkgs> { }).hello.pname; actual = files."main.nix".name; }
        ]"#;
        let mut run = |nixpkgs: bool| match e
            .run(
                RequestId(1),
                Command::Check {
                    lesson: "c/l".into(),
                    check: check.into(),
                    library: String::new(),
                    files: files(&[("main.nix", "{ name = (import <nixpkgs> { }).hello.pname; }")]),
                    experimental_features: Vec::new(),
                    nixpkgs,
                    flake: false,
                },
            )
            .0
        {
            Outcome::Checked(r) => r,
            other => panic!("{other:?}"),
        };
        assert!(run(true).passed);
        // A lesson that does not declare it does not see it.
        assert!(!run(false).passed);
        match e
            .run(
                RequestId(2),
                Command::Repl {
                    files: vec![],
                    line: "(import <nixpkgs> { }).hello.version".into(),
                },
            )
            .0
        {
            Outcome::Repl { text, is_error, .. } => {
                assert_eq!((text.as_str(), is_error), ("\"2.12.1\"", false))
            }
            other => panic!("{other:?}"),
        }
    }
    #[test]
    fn the_options_browser_lists_options_values_and_definitions() {
        let mut e = engine_with_pack(Rc::new(std::cell::Cell::new(0)));
        let main = "let lib = import <nixpkgs/lib>; in\nlib.evalModules { modules = [ ./web.nix ./machine.nix ]; }\n";
        let web = r#"{ lib, config, ... }: {
  options.services.web = {
    enable = lib.mkEnableOption "the web server";
    port = lib.mkOption { type = lib.types.port; default = 80; description = "Where it listens."; };
    root = lib.mkOption { type = lib.types.str; };
    hosts = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule { options.ssl = lib.mkEnableOption "TLS"; });
      default = { };
    };
  };
}
"#;
        let machine = "{ lib, ... }: {\n  services.web.enable = true;\n  services.web.port = lib.mkForce 8080;\n}\n";
        let tree = [
            ("default.nix", main),
            ("web.nix", web),
            ("machine.nix", machine),
        ];
        eval(&mut e, &tree).unwrap();
        let report = match e
            .run(
                RequestId(2),
                Command::Options {
                    result: ResultId(1),
                },
            )
            .0
        {
            Outcome::Options(Ok(r)) => r,
            other => panic!("{other:?}"),
        };
        assert!(report.found);
        let names: Vec<&str> = report.options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "services.web.enable",
                "services.web.hosts",
                "services.web.hosts.<name>.ssl",
                "services.web.port",
                "services.web.root"
            ]
        );
        let ssl = &report.options[2];
        assert!(ssl.sub && ssl.value == Ok(String::new()) && ssl.definitions.is_empty());
        assert_eq!(ssl.type_description, "boolean");
        let port = &report.options[3];
        assert_eq!(
            port.type_description,
            "16 bit unsigned integer; between 0 and 65535 (both inclusive)"
        );
        assert_eq!(port.description.as_deref(), Some("Where it listens."));
        assert_eq!(port.default.as_deref(), Some("80"));
        assert_eq!(port.value, Ok("8080".into()));
        assert_eq!(port.declarations, ["/web.nix"]);
        assert_eq!(port.definitions[0].file, "/machine.nix");
        let at = &port.positions[0];
        assert_eq!(
            (at.file.as_str(), at.in_tree, at.line),
            ("machine.nix", true, 3)
        );
        let root = &report.options[4];
        assert_eq!(
            root.value,
            Err("The option `services.web.root' is used but not defined.".into())
        );
        assert!(root.positions.is_empty());
        // A NixOS system (nixos-lite): its options, with the configuration's values.
        let nixos =
            "import <nixpkgs/nixos> { configuration = { networking.hostName = \"box\"; }; }";
        eval(&mut e, &[("default.nix", nixos)]).unwrap();
        let report = match e
            .run(
                RequestId(4),
                Command::Options {
                    result: ResultId(1),
                },
            )
            .0
        {
            Outcome::Options(Ok(r)) => r,
            other => panic!("{other:?}"),
        };
        let host = report
            .options
            .iter()
            .find(|o| o.name == "networking.hostName")
            .unwrap();
        assert_eq!(host.value, Ok("\"box\"".into()));
        assert!(report
            .options
            .iter()
            .any(|o| o.name == "users.users.<name>.uid" && o.sub));
        // A value that is not a module system result has no options.
        eval(&mut e, &[("default.nix", "{ a = 1; }")]).unwrap();
        match e
            .run(
                RequestId(3),
                Command::Options {
                    result: ResultId(1),
                },
            )
            .0
        {
            Outcome::Options(Ok(r)) => assert!(!r.found),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_module_definition_is_underlined_where_it_is_written() {
        let mut e = engine_with_pack(Rc::new(std::cell::Cell::new(0)));
        let main = "let lib = import <nixpkgs/lib>; in\n(lib.evalModules { modules = [ ./machine.nix { options.port = lib.mkOption { type = lib.types.port; }; } ]; }).config.port\n";
        let machine = "{\n  # the web port\n  port = \"eighty\";\n}\n";
        let error = eval(&mut e, &[("default.nix", main), ("machine.nix", machine)]).unwrap_err();
        assert!(
            error
                .message
                .starts_with("A definition for option `port' is not of type"),
            "{}",
            error.message
        );
        let at = error.location.unwrap();
        assert_eq!(
            (
                at.file.as_str(),
                at.line,
                &machine[at.start as usize..at.end as usize]
            ),
            ("machine.nix", 3, "\"eighty\"")
        );
    }
    #[test]
    fn the_files_as_a_flake() {
        let mut e = engine_with_pack(Rc::new(std::cell::Cell::new(0)));
        let flake = r#"{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }: {
    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;
    apps.x86_64-linux.default = { type = "app"; program = "${self.packages.x86_64-linux.default}/bin/hello"; };
    devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell { packages = [ nixpkgs.legacyPackages.x86_64-linux.jq ]; GREETING = "hi"; };
  };
}"#;
        let overview = match e
            .run(
                RequestId(1),
                Command::Flake {
                    files: files(&[("flake.nix", flake)]),
                },
            )
            .0
        {
            Outcome::Flake(o) => o,
            other => panic!("{other:?}"),
        };
        assert_eq!(overview.error, None);
        assert!(
            overview.show.contains("package 'hello-2.12.1'"),
            "{}",
            overview.show
        );
        assert_eq!(overview.check_error, None);
        // Nix 2.26 warns about an app without meta.
        assert_eq!(
            overview.warnings,
            ["app 'apps.x86_64-linux.default' lacks attribute 'meta'"]
        );
        let shell = overview
            .derivations
            .iter()
            .find(|d| d.attr == "devShells.x86_64-linux.default")
            .unwrap();
        assert!(
            shell
                .environment
                .contains(&("GREETING".to_string(), "hi".to_string())),
            "{:?}",
            shell.environment
        );
        assert!(shell
            .environment
            .iter()
            .any(|(k, v)| k == "nativeBuildInputs" && v.contains("jq")));
        assert!(!shell.environment.iter().any(|(k, _)| k == "builder"));
        let hello = overview
            .derivations
            .iter()
            .find(|d| d.attr == "packages.x86_64-linux.default")
            .unwrap();
        assert!(hello.environment.is_empty());
        assert_eq!(hello.attr, "packages.x86_64-linux.default");
        assert_eq!(
            hello.drv_path,
            "/nix/store/g5dhwa743bq245wddlqaj5yfkkfrbv82-hello-2.12.1.drv"
        );
        let out = &hello.outputs[0].1;
        assert_eq!(
            overview.apps,
            [(
                "apps.x86_64-linux.default".to_string(),
                Ok(format!("{out}/bin/hello"))
            )]
        );
        assert!(overview.lock.unwrap().contains("\"nixos-24.11\""));
        // Not a flake: said plainly.
        match e
            .run(
                RequestId(2),
                Command::Flake {
                    files: files(&[("default.nix", "1")]),
                },
            )
            .0
        {
            Outcome::Flake(o) => assert!(o.error.unwrap().contains("no flake.nix")),
            other => panic!("{other:?}"),
        }
        match e
            .run(
                RequestId(3),
                Command::Flake {
                    files: files(&[("flake.nix", "{ outputs = 1; }")]),
                },
            )
            .0
        {
            Outcome::Flake(o) => assert!(o.error.is_some()),
            other => panic!("{other:?}"),
        }
    }
    #[test]
    fn templates_are_listed_and_copied_as_nix_flake_init_does() {
        let mut e = engine_with_pack(Rc::new(std::cell::Cell::new(0)));
        let overview = match e
            .run(
                RequestId(1),
                Command::Flake {
                    files: files(&[("default.nix", "1")]),
                },
            )
            .0
        {
            Outcome::Flake(o) => o,
            other => panic!("{other:?}"),
        };
        assert!(overview
            .templates
            .iter()
            .any(|(r, d)| r == "templates#trivial" && d.contains("one package")));
        assert!(
            overview
                .registry
                .contains("global flake:nixpkgs github:NixOS/nixpkgs/nixpkgs-unstable"),
            "{}",
            overview.registry
        );
        let init = match e
            .run(
                RequestId(2),
                Command::FlakeInit {
                    reference: "templates#utils".into(),
                    files: vec![],
                },
            )
            .0
        {
            Outcome::FlakeInit(Ok(init)) => init,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            init.files
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>(),
            ["flake.nix"]
        );
        assert!(init.welcome_text.unwrap().contains("Getting started"));
        // The files' own flake's templates, as `#NAME`.
        let own = r#"{ outputs = { self }: { templates.mine = { path = ./tpl; description = "Mine"; }; }; }"#;
        let tree = files(&[
            ("flake.nix", own),
            ("tpl/flake.nix", "{ outputs = _: { }; }"),
            ("tpl/notes.md", "hi"),
        ]);
        match e
            .run(
                RequestId(3),
                Command::Flake {
                    files: tree.clone(),
                },
            )
            .0
        {
            Outcome::Flake(o) => assert!(
                o.templates
                    .contains(&("#mine".to_string(), "Mine".to_string())),
                "{:?}",
                o.templates
            ),
            other => panic!("{other:?}"),
        }
        match e
            .run(
                RequestId(4),
                Command::FlakeInit {
                    reference: "#mine".into(),
                    files: tree,
                },
            )
            .0
        {
            Outcome::FlakeInit(Ok(init)) => assert_eq!(init.files.len(), 2),
            other => panic!("{other:?}"),
        }
        match e
            .run(
                RequestId(5),
                Command::FlakeInit {
                    reference: "templates#nope".into(),
                    files: vec![],
                },
            )
            .0
        {
            Outcome::FlakeInit(Err(e)) => assert!(e.contains("nope"), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
