//! The playground's answers: the value tree of the latest evaluation, the text views
//! (JSON, strict, syntax tree), the trace, the derivations, and the error underlined in
//! the editor.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use super::{Level, Outbox, Pending};
use crate::protocol::{Child, ErrorInfo, Node, NodeId, Outcome, RequestId, ResultId};

/// The output panel's views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputTab {
    /// The value as an expandable tree.
    Value,
    /// `--json`.
    Json,
    /// `--strict` text.
    Strict,
    /// `builtins.trace` lines.
    Trace,
    /// The rnix syntax tree of the open file.
    Syntax,
    /// The derivations of the result: paths, ATerm, `nix derivation show`, graph.
    Derivation,
    /// The options of a module system result, with their values and definitions.
    Options,
    /// The rebuild impact of an overlay on the miniature nixpkgs.
    Impact,
    /// The files as a flake: `nix flake show`, lock file, check, derivations, apps.
    Flake,
}

impl OutputTab {
    /// All tabs in display order.
    pub const ALL: [OutputTab; 9] = [
        OutputTab::Value,
        OutputTab::Json,
        OutputTab::Strict,
        OutputTab::Trace,
        OutputTab::Syntax,
        OutputTab::Derivation,
        OutputTab::Options,
        OutputTab::Impact,
        OutputTab::Flake,
    ];

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            OutputTab::Value => "Value",
            OutputTab::Json => "JSON",
            OutputTab::Strict => "Strict",
            OutputTab::Trace => "Trace",
            OutputTab::Syntax => "Syntax tree",
            OutputTab::Derivation => "Derivation",
            OutputTab::Options => "Options",
            OutputTab::Impact => "Impact",
            OutputTab::Flake => "Flake",
        }
    }

    /// A stable id fragment for tests and aria attributes.
    pub fn key(self) -> &'static str {
        match self {
            OutputTab::Value => "value",
            OutputTab::Json => "json",
            OutputTab::Strict => "strict",
            OutputTab::Trace => "trace",
            OutputTab::Syntax => "syntax",
            OutputTab::Derivation => "drv",
            OutputTab::Options => "options",
            OutputTab::Impact => "impact",
            OutputTab::Flake => "flake",
        }
    }
}

/// The worker's answer about a result's derivations (`None` while it works).
pub type DrvAnswer = Option<Result<Rc<crate::drv::DrvReport>, ErrorInfo>>;

/// The worker's answer about a result's rebuild impact (`None` while it works).
pub type ImpactAnswer = Option<Result<Rc<crate::impact::ImpactReport>, ErrorInfo>>;

/// The worker's answer about a result's options (`None` while it works).
pub type OptionsAnswer = Option<Result<Rc<crate::options::OptionsReport>, ErrorInfo>>;

/// The worker's answer about the files as a flake: for which files ([`super::requests::files_key`]),
/// and the answer once known.
pub type FlakeAnswer = Option<(u64, Option<Rc<crate::flake::FlakeOverview>>)>;

/// A text view's content.
#[derive(Clone, Debug, PartialEq)]
pub enum TextView {
    /// Not asked for this result yet.
    Empty,
    /// Asked; `u64` says for which result or text.
    Loading(u64),
    /// The text or its error, for result or text `u64`.
    Ready(u64, Result<String, ErrorInfo>),
}

impl TextView {
    /// Whether it holds or awaits the content for `key`.
    pub fn is_for(&self, key: u64) -> bool {
        matches!(self, TextView::Loading(k) | TextView::Ready(k, _) if *k == key)
    }
}

/// The value panel's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    /// Nothing run yet.
    Empty,
    /// The value of a result.
    Value {
        /// The result (its nodes belong to it).
        id: ResultId,
        /// The root node, eagerly expanded a few levels.
        root: Rc<Node>,
    },
    /// The evaluation failed.
    Error(ErrorInfo),
    /// The worker was stopped or crashed, or the request failed: the message.
    Stopped(String),
}

/// The results slice.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultsState {
    /// Requests of this slice in flight.
    pub pending: BTreeMap<RequestId, Pending>,
    /// The latest `Eval` request sent.
    pub latest_eval: Option<RequestId>,
    /// The value panel.
    pub output: Output,
    /// Milliseconds the last evaluation took in the worker.
    pub eval_ms: Option<f64>,
    /// Evaluations finished since start (tests wait on it).
    pub evaluations: u32,
    /// Children fetched after the first answer, by node.
    pub fetched: Rc<HashMap<NodeId, Vec<Child>>>,
    /// Nodes shown open.
    pub open: Rc<HashSet<NodeId>>,
    /// The error underlined in the editor.
    pub focus_error: Option<ErrorInfo>,
    /// The output tab shown.
    pub tab: OutputTab,
    /// JSON of the current result.
    pub json: TextView,
    /// Strict print of the current result.
    pub strict: TextView,
    /// Syntax tree of the open file.
    pub syntax: TextView,
    /// `builtins.trace` lines of the last evaluation and what followed.
    pub trace: Rc<Vec<String>>,
    /// The derivations of the current result: for which result, and the answer once known.
    pub drv: Option<(ResultId, DrvAnswer)>,
    /// The last SBOM asked for: a number that grows with each answer (the view downloads
    /// each once), the root's label, and the CycloneDX JSON or why not.
    pub sbom: Option<(u32, String, Result<String, String>)>,
    /// The options of the current result: for which result, and the answer once known.
    pub options: Option<(ResultId, OptionsAnswer)>,
    /// The rebuild impact of the current result: for which result, and the answer.
    pub impact: Option<(ResultId, ImpactAnswer)>,
    /// The files as a flake.
    pub flake: FlakeAnswer,
    /// The last template copied (`nix flake init -t`): a number that grows with each
    /// answer, the template's reference and its files or why not. The flake view hands
    /// the files to the files slice.
    pub flake_init: Option<(u32, String, Result<crate::flake::TemplateInit, String>)>,
    /// Messages for the user.
    pub outbox: Outbox,
}

impl Default for ResultsState {
    fn default() -> Self {
        ResultsState {
            pending: BTreeMap::new(),
            latest_eval: None,
            output: Output::Empty,
            eval_ms: None,
            evaluations: 0,
            fetched: Rc::default(),
            open: Rc::default(),
            focus_error: None,
            tab: OutputTab::Value,
            json: TextView::Empty,
            strict: TextView::Empty,
            syntax: TextView::Empty,
            trace: Rc::default(),
            drv: None,
            sbom: None,
            options: None,
            impact: None,
            flake: None,
            flake_init: None,
            outbox: Outbox::default(),
        }
    }
}

/// Changes to the results.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultsAction {
    /// A request of this slice was sent to the worker.
    Sent(RequestId, Pending),
    /// The worker answered request `id`.
    Answer {
        /// The request.
        id: RequestId,
        /// Its outcome.
        outcome: Outcome,
        /// Trace lines it printed.
        trace: Vec<String>,
        /// Time in the evaluator.
        elapsed_ms: f64,
    },
    /// Request `id` was dropped before reaching the worker (superseded).
    Cancelled(RequestId),
    /// Request `id` got no answer (not sendable, not readable by the worker): why.
    Failed(RequestId, String),
    /// The worker was replaced (time limit, Stop, crash): its results are gone.
    WorkerLost(String),
    /// Show an output tab.
    ShowTab(OutputTab),
    /// Open or close a node.
    Toggle(NodeId),
    /// Underline this error in the editor.
    FocusError(ErrorInfo),
    /// File `String` was edited: an underline in it no longer fits its text.
    Edited(String),
    /// The template's files were handed to the files (they are not handed again).
    TemplateCopied,
}

/// Nodes that arrived with their children are shown open.
fn collect_open(node: &Node, open: &mut HashSet<NodeId>) {
    if let Some(children) = &node.children {
        open.insert(node.id);
        for c in children {
            collect_open(&c.node, open);
        }
    }
}

impl ResultsState {
    /// Whether a request of this slice is in flight.
    pub fn busy(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Whether an evaluation is in flight.
    pub fn running(&self) -> bool {
        self.pending.values().any(|p| *p == Pending::Eval)
    }

    /// The shown result, if it is a value.
    pub fn result_id(&self) -> Option<ResultId> {
        match &self.output {
            Output::Value { id, .. } => Some(*id),
            _ => None,
        }
    }

    /// Records the answer to an SBOM request, with the next sequence number (the view
    /// downloads each answer once).
    fn set_sbom(&mut self, root: String, answer: Result<String, String>) {
        let seq = self.sbom.as_ref().map_or(0, |(n, _, _)| n + 1);
        self.sbom = Some((seq, root, answer));
    }

    /// Request `pending` failed: its place shows why.
    fn fail(&mut self, pending: Pending, message: &str) {
        match pending {
            Pending::Eval => self.output = Output::Stopped(message.to_string()),
            Pending::Json(_) => self.json = TextView::Empty,
            Pending::Strict(_) => self.strict = TextView::Empty,
            Pending::Syntax(_) => self.syntax = TextView::Empty,
            Pending::Drv(_) => self.drv = None,
            Pending::Sbom(_, root) => self.set_sbom(root, Err(message.to_string())),
            Pending::Options(_) => self.options = None,
            Pending::Impact(_) => self.impact = None,
            Pending::Flake(_) => self.flake = None,
            Pending::FlakeInit(_) => {}
            Pending::Expand | Pending::Repl | Pending::Check(_) | Pending::Example(..) => {}
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: ResultsAction) {
        match action {
            ResultsAction::Sent(id, pending) => {
                match &pending {
                    Pending::Eval => self.latest_eval = Some(id),
                    Pending::Json(r) => self.json = TextView::Loading(r.0 as u64),
                    Pending::Strict(r) => self.strict = TextView::Loading(r.0 as u64),
                    Pending::Syntax(key) => self.syntax = TextView::Loading(*key),
                    Pending::Drv(r) => self.drv = Some((*r, None)),
                    Pending::Options(r) => self.options = Some((*r, None)),
                    Pending::Impact(r) => self.impact = Some((*r, None)),
                    Pending::Flake(key) => self.flake = Some((*key, None)),
                    _ => {}
                }
                self.pending.insert(id, pending);
            }
            ResultsAction::Answer {
                id,
                outcome,
                trace,
                elapsed_ms,
            } => {
                if let Some(pending) = self.pending.remove(&id) {
                    self.answer(id, pending, outcome, trace, elapsed_ms);
                }
            }
            ResultsAction::Cancelled(id) => {
                self.pending.remove(&id);
            }
            ResultsAction::Failed(id, message) => {
                if let Some(pending) = self.pending.remove(&id) {
                    // Where the answer would have gone shows why; a failed page of a
                    // tree has no place of its own, so it is said at the top.
                    if pending == Pending::Expand {
                        self.outbox.say(Level::Warning, message.clone());
                    }
                    self.fail(pending, &message);
                }
            }
            ResultsAction::WorkerLost(message) => {
                for (_, pending) in std::mem::take(&mut self.pending) {
                    self.fail(pending, &message);
                }
                // The worker's result is gone with it: the tree cannot be expanded further.
                if let Output::Value { .. } = self.output {
                    self.output = Output::Stopped(message);
                }
                self.json = TextView::Empty;
                self.strict = TextView::Empty;
                self.drv = None;
                self.options = None;
                self.impact = None;
                self.flake = None;
                self.focus_error = None;
                self.eval_ms = None;
            }
            ResultsAction::ShowTab(tab) => self.tab = tab,
            ResultsAction::Toggle(node) => {
                let open = Rc::make_mut(&mut self.open);
                if !open.remove(&node) {
                    open.insert(node);
                }
            }
            ResultsAction::FocusError(error) => self.focus_error = Some(error),
            ResultsAction::TemplateCopied => self.flake_init = None,
            ResultsAction::Edited(file) => {
                // Its span no longer fits the text; the output still shows the error.
                let in_file = self
                    .focus_error
                    .as_ref()
                    .and_then(|e| e.location.as_ref())
                    .is_some_and(|l| l.file == file);
                if in_file {
                    self.focus_error = None;
                }
            }
        }
    }

    fn answer(
        &mut self,
        id: RequestId,
        pending: Pending,
        outcome: Outcome,
        trace: Vec<String>,
        elapsed_ms: f64,
    ) {
        let extend_trace = |s: &mut ResultsState| {
            if !trace.is_empty() {
                Rc::make_mut(&mut s.trace).extend(trace.iter().cloned());
            }
        };
        match (pending, outcome) {
            (pending, Outcome::Failed(message)) => {
                if pending == Pending::Expand {
                    self.outbox.say(Level::Warning, message.clone());
                }
                self.fail(pending, &message);
            }
            (Pending::Eval, Outcome::Evaluated(result)) => {
                self.trace = Rc::new(trace);
                if Some(id) != self.latest_eval {
                    return;
                }
                self.evaluations += 1;
                self.eval_ms = Some(elapsed_ms);
                self.fetched = Rc::default();
                self.drv = None;
                self.options = None;
                self.impact = None;
                self.json = TextView::Empty;
                self.strict = TextView::Empty;
                match result {
                    Ok(root) => {
                        let mut open = HashSet::new();
                        collect_open(&root, &mut open);
                        self.open = Rc::new(open);
                        // Errors inside the value stay in their nodes until clicked:
                        // laziness means they may be harmless.
                        self.focus_error = None;
                        self.output = Output::Value {
                            id: id.into(),
                            root: Rc::new(root),
                        };
                    }
                    Err(error) => {
                        self.open = Rc::default();
                        self.focus_error = Some(error.clone());
                        self.output = Output::Error(error);
                    }
                }
            }
            (
                Pending::Expand,
                Outcome::Expanded {
                    node,
                    start,
                    children,
                },
            ) => {
                extend_trace(self);
                match children {
                    Ok(children) => {
                        let fetched = Rc::make_mut(&mut self.fetched);
                        let list = fetched.entry(node).or_default();
                        list.truncate(start as usize);
                        list.extend(children);
                        Rc::make_mut(&mut self.open).insert(node);
                    }
                    Err(error) => self.focus_error = Some(error),
                }
            }
            (Pending::Json(r), Outcome::Text(text)) => {
                extend_trace(self);
                self.json = TextView::Ready(r.0 as u64, text);
            }
            (Pending::Strict(r), Outcome::Text(text)) => {
                extend_trace(self);
                self.strict = TextView::Ready(r.0 as u64, text);
            }
            (Pending::Syntax(key), Outcome::Text(text)) => self.syntax = TextView::Ready(key, text),
            (Pending::Drv(r), Outcome::Derivations(report)) => {
                extend_trace(self);
                self.drv = Some((r, Some(report.map(Rc::new))));
            }
            (Pending::Drv(_), Outcome::Stale) => self.drv = None,
            (Pending::Sbom(_, root), Outcome::Text(json)) => {
                self.set_sbom(root, json.map_err(|e| e.message))
            }
            (Pending::Options(r), Outcome::Options(report)) => {
                extend_trace(self);
                self.options = Some((r, Some(report.map(Rc::new))));
            }
            (Pending::Options(_), Outcome::Stale) => self.options = None,
            (Pending::Impact(r), Outcome::Impact(report)) => {
                extend_trace(self);
                self.impact = Some((r, Some(report.map(Rc::new))));
            }
            (Pending::Impact(_), Outcome::Stale) => self.impact = None,
            (Pending::Flake(key), Outcome::Flake(overview)) => {
                self.flake = Some((key, Some(Rc::new(overview))));
            }
            (Pending::FlakeInit(reference), Outcome::FlakeInit(init)) => {
                let seq = self.flake_init.as_ref().map_or(0, |(n, _, _)| n + 1);
                self.flake_init = Some((seq, reference, init));
            }
            (_, Outcome::Stale) => {}
            (pending, outcome) => {
                self.outbox.say(
                    Level::Warning,
                    format!(
                        "Unexpected answer from the evaluator ({} to a {} request).",
                        outcome.kind(),
                        pending.kind()
                    ),
                );
            }
        }
    }
}

reducer!(ResultsState, ResultsAction, outbox);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::NodeKind;
    use yew::Reducible;

    fn node() -> Node {
        Node {
            id: NodeId(0),
            kind: NodeKind::Scalar,
            text: "1".into(),
            len: 0,
            children: None,
            error: None,
        }
    }

    fn reply(id: u32) -> ResultsAction {
        ResultsAction::Answer {
            id: RequestId(id),
            outcome: Outcome::Evaluated(Ok(node())),
            trace: vec![],
            elapsed_ms: 1.0,
        }
    }

    #[test]
    fn replies_for_stale_or_lost_requests() {
        let mut s = ResultsState::default();
        s.apply(ResultsAction::Sent(RequestId(1), Pending::Eval));
        s.apply(ResultsAction::Sent(RequestId(2), Pending::Eval));
        s.apply(reply(1));
        assert_eq!(s.output, Output::Empty);
        s.apply(reply(2));
        assert_eq!(s.result_id(), Some(ResultId(2)));
        s.apply(ResultsAction::Sent(RequestId(3), Pending::Eval));
        s.apply(ResultsAction::WorkerLost("stopped".into()));
        assert!(matches!(s.output, Output::Stopped(_)));
        assert!(!s.busy());
        s.apply(reply(3));
        assert!(matches!(s.output, Output::Stopped(_)));
    }

    #[test]
    fn a_failed_request_shows_why_where_its_answer_would_go() {
        let mut s = ResultsState::default();
        s.apply(ResultsAction::Sent(RequestId(1), Pending::Eval));
        s.apply(ResultsAction::Failed(RequestId(1), "unreadable".into()));
        assert_eq!(s.output, Output::Stopped("unreadable".into()));
        assert!(!s.busy());
        s.apply(ResultsAction::Sent(
            RequestId(2),
            Pending::Json(ResultId(1)),
        ));
        assert!(s.json.is_for(1));
        s.apply(ResultsAction::Answer {
            id: RequestId(2),
            outcome: Outcome::Failed("no".into()),
            trace: vec![],
            elapsed_ms: 0.0,
        });
        assert_eq!(s.json, TextView::Empty);
        s.apply(ResultsAction::Sent(RequestId(3), Pending::Expand));
        let seq = s.outbox.seq;
        let s = Rc::new(s).reduce(ResultsAction::Failed(RequestId(3), "lost page".into()));
        assert_eq!(s.outbox.seq, seq + 1);
        assert_eq!(s.outbox.messages[0].1, "lost page");
    }
}
