//! The app's state and every way it changes ([`Action`]), apart from the views.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use yew::Reducible;

use crate::examples;
use crate::files::{fresh_name, renamed, validate_tree, MAX_FILES};
use crate::protocol::{Child, ErrorInfo, FileEntry, Node, NodeId, Outcome};
use crate::share;
use crate::storage::{self, Settings};

/// The output panel's views. A `Derivation` view (drvPath, ATerm, `nix derivation show`)
/// slots in here once the evaluator can describe derivations.
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
}

impl OutputTab {
    /// All tabs in display order.
    pub const ALL: [OutputTab; 6] = [
        OutputTab::Value,
        OutputTab::Json,
        OutputTab::Strict,
        OutputTab::Trace,
        OutputTab::Syntax,
        OutputTab::Derivation,
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
        }
    }
}

/// What a request in flight is for, so its reply lands in the right place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// An evaluation.
    Eval,
    /// Children of a node.
    Expand,
    /// JSON of result `u32`.
    Json(u32),
    /// Strict print of result `u32`.
    Strict(u32),
    /// Syntax tree of the open file at a revision.
    Syntax(u64),
    /// A REPL line (index into the REPL log).
    Repl(usize),
    /// The derivations of result `u32`.
    Drv(u32),
    /// The checks of a lesson (its id).
    Check(String),
    /// A prose example of a lesson: lesson id, example number.
    Example(String, usize),
}

/// The worker's answer about a result's derivations (`None` while it works).
pub type DrvAnswer = Option<Result<Rc<crate::drv::DrvReport>, ErrorInfo>>;

/// A lesson's last check run.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckView {
    /// Sent to the worker.
    Running,
    /// The report.
    Done(nixpad_lessons::CheckReport),
    /// It could not run (the worker was replaced, no such lesson): why.
    Failed(String),
}

/// A prose example's last run.
#[derive(Clone, Debug, PartialEq)]
pub enum ExampleView {
    /// Sent to the worker.
    Running,
    /// Its output or error.
    Done(nixpad_lessons::ExampleOutcome),
    /// It could not run: why.
    Failed(String),
}

/// The lessons' state: progress (saved in localStorage) and the worker's answers.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LessonsState {
    /// Done, attempts, hints, revealed solutions and code per lesson.
    pub progress: Rc<nixpad_lessons::Progress>,
    /// Bumped on every change of `progress` (the app saves it).
    pub progress_rev: u64,
    /// The last check run per lesson id.
    pub checks: Rc<HashMap<String, CheckView>>,
    /// The last run per (lesson id, example number).
    pub examples: Rc<HashMap<(String, usize), ExampleView>>,
    /// Check runs finished since start (tests wait on it).
    pub checks_run: u32,
}

impl LessonsState {
    fn progress_mut(&mut self) -> &mut nixpad_lessons::Progress {
        self.progress_rev += 1;
        Rc::make_mut(&mut self.progress)
    }
}

/// A text view's content.
#[derive(Clone, Debug, PartialEq)]
pub enum TextView {
    /// Not asked for this result yet.
    Empty,
    /// Asked; `u64` says for which result or revision.
    Loading(u64),
    /// The text or its error, for result or revision `u64`.
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
    /// The value of evaluation `id`.
    Value {
        /// The `Eval` request id (nodes belong to it).
        id: u32,
        /// The root node, eagerly expanded a few levels.
        root: Rc<Node>,
    },
    /// The evaluation failed.
    Error(ErrorInfo),
    /// The worker was stopped or crashed: the message.
    Stopped(String),
}

/// How loud a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Good to know.
    Info,
    /// Something was ignored or refused.
    Warning,
}

/// A message at the top of the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Identifies it for dismissal.
    pub id: u64,
    /// How loud.
    pub level: Level,
    /// The text (shown as text, never HTML).
    pub text: String,
}

/// One REPL exchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplEntry {
    /// What was typed.
    pub input: String,
    /// The answer (`None` while running).
    pub output: Option<String>,
    /// Whether the answer is an error.
    pub is_error: bool,
}

/// The share panel's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareState {
    /// The link, and whether it reached the clipboard (`None`: still trying).
    Link(String, Option<bool>),
    /// Why no link could be made.
    Failed(String),
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The file tree.
    pub files: Vec<FileEntry>,
    /// Index of the open file.
    pub active: usize,
    /// The file evaluated by Run.
    pub entry: String,
    /// Bumped on every change to the files.
    pub revision: u64,
    /// Whether the current files still need saving (false right after loading them from storage).
    pub dirty: bool,
    /// User settings.
    pub settings: Settings,
    /// Bumped to ask for an evaluation (the app sends it).
    pub run_token: u64,
    /// Requests in flight, by id.
    pub pending: BTreeMap<u32, Pending>,
    /// The latest `Eval` request sent.
    pub latest_eval: Option<u32>,
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
    pub trace: Vec<String>,
    /// The REPL log.
    pub repl: Vec<ReplEntry>,
    /// Messages at the top.
    pub notices: Vec<Notice>,
    next_notice: u64,
    /// The share panel.
    pub share: Option<ShareState>,
    /// The derivations of the current result: for which result, and the answer once known.
    pub drv: Option<(u32, DrvAnswer)>,
    /// Lessons: progress and check results.
    pub lessons: LessonsState,
}

/// Everything that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open file `usize`.
    SelectFile(usize),
    /// New text for the open file.
    Edit(String),
    /// Add a file with a fresh name.
    AddFile,
    /// Rename file `index` to `name`.
    RenameFile {
        /// Which file.
        index: usize,
        /// Its new name.
        name: String,
    },
    /// Delete file `usize` (not the last one).
    DeleteFile(usize),
    /// Evaluate this file on Run.
    SetEntry(String),
    /// Replace all files (an example) and run them.
    LoadFiles {
        /// The new tree.
        files: Vec<FileEntry>,
        /// A notice to show.
        notice: String,
    },
    /// Ask for an evaluation.
    Run,
    /// A request was sent to the worker.
    Sent(u32, Pending),
    /// The worker answered request `id`.
    Reply {
        /// The request.
        id: u32,
        /// Its outcome.
        outcome: Outcome,
        /// Trace lines it printed.
        trace: Vec<String>,
        /// Time in the evaluator.
        elapsed_ms: f64,
    },
    /// Request `u32` was dropped before reaching the worker (superseded).
    Cancelled(u32),
    /// The worker was replaced (time limit, Stop, crash): the message.
    WorkerLost(String),
    /// Show an output tab.
    ShowTab(OutputTab),
    /// Open or close a node.
    Toggle(NodeId),
    /// Underline this error in the editor (and open its file).
    FocusError(ErrorInfo),
    /// A REPL line was typed (its request follows with [`Action::Sent`]).
    ReplInput(String),
    /// Clear the REPL log.
    ReplClear,
    /// Set the time limit.
    SetTimeout(u32),
    /// Turn run-as-you-type on or off.
    SetLive(bool),
    /// Show a notice.
    Notify(Level, String),
    /// Hide notice `u64`.
    Dismiss(u64),
    /// Show the share panel with this content (or hide it).
    Share(Option<ShareState>),
    /// The clipboard took the link (or refused it).
    Copied(bool),
    /// The files were saved.
    Saved,
    /// New text for a lesson's file.
    LessonEdit {
        /// The lesson id.
        lesson: String,
        /// The file name.
        file: String,
        /// Its text.
        text: String,
    },
    /// Unfold the lesson's next hint (it has `usize` hints).
    LessonHint(String, usize),
    /// Show the lesson's reference solution (after a failed attempt).
    LessonReveal(String),
    /// Put the reference solution into the lesson's editor (once revealed).
    LessonUseSolution(String),
    /// Forget one lesson's progress and code.
    LessonReset(String),
    /// Forget all lesson progress.
    ProgressReset,
    /// Merge imported progress into the current one.
    ProgressImport(nixpad_lessons::Progress),
    /// Replace the progress (read from storage at start).
    ProgressLoaded(nixpad_lessons::Progress),
}

/// Where the initial files come from, read by the caller from the page.
#[derive(Clone, Debug, Default)]
pub struct Boot {
    /// `location.hash`.
    pub hash: String,
    /// localStorage's saved files, if any (or why they could not be read).
    pub saved_files: Option<Result<String, String>>,
    /// localStorage's saved settings, if any.
    pub saved_settings: Option<String>,
}

fn default_entry(files: &[FileEntry]) -> String {
    files
        .iter()
        .find(|f| f.name == "default.nix")
        .unwrap_or(&files[0])
        .name
        .clone()
}

impl State {
    /// The state a page load starts from: the share link in the fragment if there is one
    /// (a broken link opens the default example with a notice), else the saved files,
    /// else the default example. Returns whether the fragment held a link (to remove it).
    pub fn boot(boot: &Boot) -> (State, bool) {
        let mut notices = Vec::new();
        let mut dirty = false;
        let mut active_name = None;
        let link = share::data_in_fragment(&boot.hash);
        let files = if let Some(data) = link {
            match share::decode(data) {
                Ok(files) => {
                    notices.push((
                        Level::Info,
                        format!("Opened {} file(s) from a share link.", files.len()),
                    ));
                    dirty = true;
                    files
                }
                Err(e) => {
                    notices.push((Level::Warning, format!("This share link could not be opened: {e}. Showing the default example instead.")));
                    examples::default_example().entries()
                }
            }
        } else {
            match &boot.saved_files {
                Some(Ok(saved)) => match storage::load_files(saved) {
                    Ok((files, active)) => {
                        active_name = Some(active);
                        files
                    }
                    Err(e) => {
                        notices.push((Level::Warning, format!("Saved files in this browser were ignored: {e}. Showing the default example.")));
                        examples::default_example().entries()
                    }
                },
                Some(Err(e)) => {
                    notices.push((
                        Level::Warning,
                        format!(
                            "Saved files could not be read ({e}). Showing the default example."
                        ),
                    ));
                    examples::default_example().entries()
                }
                None => examples::default_example().entries(),
            }
        };
        let settings = match &boot.saved_settings {
            Some(s) => storage::load_settings(s).unwrap_or_else(|e| {
                notices.push((Level::Warning, format!("Saved settings were ignored: {e}.")));
                Settings::default()
            }),
            None => Settings::default(),
        };
        let active = active_name
            .and_then(|n| files.iter().position(|f| f.name == n))
            .unwrap_or(0);
        let mut state = State {
            entry: default_entry(&files),
            files,
            active,
            revision: 0,
            dirty,
            settings,
            run_token: 1,
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
            trace: Vec::new(),
            repl: Vec::new(),
            notices: Vec::new(),
            next_notice: 1,
            share: None,
            drv: None,
            lessons: LessonsState::default(),
        };
        for (level, text) in notices {
            state.notify(level, text);
        }
        (state, link.is_some())
    }

    fn notify(&mut self, level: Level, text: String) {
        self.notices.retain(|n| n.text != text);
        self.notices.push(Notice {
            id: self.next_notice,
            level,
            text,
        });
        self.next_notice += 1;
        if self.notices.len() > 4 {
            self.notices.remove(0);
        }
    }

    fn files_changed(&mut self) {
        self.revision += 1;
        self.dirty = true;
        self.share = None;
    }

    /// The open file.
    pub fn active_file(&self) -> &FileEntry {
        &self.files[self.active.min(self.files.len() - 1)]
    }

    /// Whether any request is in flight.
    pub fn busy(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Whether an evaluation is in flight.
    pub fn running(&self) -> bool {
        self.pending.values().any(|p| *p == Pending::Eval)
    }

    /// The id of the shown result, if it is a value.
    pub fn result_id(&self) -> Option<u32> {
        match &self.output {
            Output::Value { id, .. } => Some(*id),
            _ => None,
        }
    }

    /// Applies one action (the reducer's step; also used at start-up).
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SelectFile(i) if i < self.files.len() => {
                self.active = i;
                self.dirty = true;
            }
            Action::SelectFile(_) => {}
            Action::Edit(text) => {
                let i = self.active.min(self.files.len() - 1);
                if self.files[i].text != text {
                    self.files[i].text = text;
                    // Its span no longer fits the text; the output still shows the error.
                    let name = &self.files[i].name;
                    if self
                        .focus_error
                        .as_ref()
                        .and_then(|e| e.location.as_ref())
                        .is_some_and(|l| &l.file == name)
                    {
                        self.focus_error = None;
                    }
                    self.files_changed();
                }
            }
            Action::AddFile => {
                if self.files.len() >= MAX_FILES {
                    self.notify(Level::Warning, format!("At most {MAX_FILES} files."));
                    return;
                }
                let name = fresh_name(&self.files);
                self.files.push(FileEntry {
                    name,
                    text: "{ }\n".into(),
                });
                self.active = self.files.len() - 1;
                self.files_changed();
            }
            Action::RenameFile { index, name } => {
                let Some(old) = self.files.get(index).map(|f| f.name.clone()) else {
                    return;
                };
                let name = name.trim().to_string();
                match renamed(&self.files, &old, &name) {
                    Ok(files) => {
                        self.files = files;
                        if self.entry == old {
                            self.entry = name;
                        }
                        self.files_changed();
                    }
                    Err(e) => self.notify(Level::Warning, format!("Cannot rename {old}: {e}")),
                }
            }
            Action::DeleteFile(i) => {
                if self.files.len() <= 1 || i >= self.files.len() {
                    self.notify(Level::Warning, "The last file cannot be deleted.".into());
                    return;
                }
                let gone = self.files.remove(i);
                if self.active >= i && self.active > 0 {
                    self.active -= 1;
                }
                if self.entry == gone.name {
                    self.entry = default_entry(&self.files);
                }
                self.notify(Level::Info, format!("Deleted {}.", gone.name));
                self.files_changed();
            }
            Action::SetEntry(name) => {
                if self.files.iter().any(|f| f.name == name) {
                    self.entry = name;
                    self.run_token += 1;
                }
            }
            Action::LoadFiles { files, notice } => {
                if let Err(e) = validate_tree(&files) {
                    self.notify(Level::Warning, format!("Cannot open these files: {e}"));
                    return;
                }
                self.entry = default_entry(&files);
                self.files = files;
                self.active = 0;
                self.focus_error = None;
                self.files_changed();
                self.notify(Level::Info, notice);
                self.run_token += 1;
            }
            Action::Run => self.run_token += 1,
            Action::LessonEdit { lesson, file, text } => {
                if !self.lessons.progress_mut().set_code(&lesson, &file, &text) {
                    self.notify(Level::Warning, format!("{file} is too large to be saved."));
                }
            }
            Action::LessonHint(lesson, count) => {
                self.lessons.progress_mut().show_next_hint(&lesson, count);
            }
            Action::LessonReveal(lesson) => {
                self.lessons.progress_mut().reveal_solution(&lesson);
            }
            Action::LessonUseSolution(lesson) => {
                let Some(l) = crate::lessons::curriculum().lesson(&lesson) else {
                    return;
                };
                if !self
                    .lessons
                    .progress
                    .lesson(&lesson)
                    .is_some_and(|p| p.solution_revealed)
                {
                    return;
                }
                let progress = self.lessons.progress_mut();
                for f in l.files.iter().filter(|f| f.editable) {
                    progress.set_code(&lesson, &f.name, &f.solution);
                }
            }
            Action::LessonReset(lesson) => {
                self.lessons.progress_mut().reset_lesson(&lesson);
                Rc::make_mut(&mut self.lessons.checks).remove(&lesson);
            }
            Action::ProgressReset => {
                self.lessons.progress_mut().reset();
                self.lessons.checks = Rc::default();
                self.notify(Level::Info, "All lesson progress was reset.".into());
            }
            Action::ProgressImport(imported) => {
                let n = imported.lessons.len();
                self.lessons.progress_mut().merge(&imported);
                self.notify(Level::Info, format!("Imported progress for {n} lesson(s)."));
            }
            Action::ProgressLoaded(progress) => {
                self.lessons.progress = Rc::new(progress);
            }
            Action::Sent(id, pending) => {
                match &pending {
                    Pending::Eval => self.latest_eval = Some(id),
                    Pending::Json(r) => self.json = TextView::Loading(*r as u64),
                    Pending::Strict(r) => self.strict = TextView::Loading(*r as u64),
                    Pending::Syntax(rev) => self.syntax = TextView::Loading(*rev),
                    Pending::Expand | Pending::Repl(_) => {}
                    Pending::Drv(r) => self.drv = Some((*r, None)),
                    Pending::Check(l) => {
                        Rc::make_mut(&mut self.lessons.checks)
                            .insert(l.clone(), CheckView::Running);
                    }
                    Pending::Example(l, i) => {
                        Rc::make_mut(&mut self.lessons.examples)
                            .insert((l.clone(), *i), ExampleView::Running);
                    }
                }
                self.pending.insert(id, pending);
            }
            Action::Reply {
                id,
                outcome,
                trace,
                elapsed_ms,
            } => {
                let Some(pending) = self.pending.remove(&id) else {
                    return;
                };
                self.reply(id, pending, outcome, trace, elapsed_ms);
            }
            Action::Cancelled(id) => {
                self.pending.remove(&id);
            }
            Action::WorkerLost(message) => {
                let lost = std::mem::take(&mut self.pending);
                for (_, pending) in lost {
                    match pending {
                        Pending::Eval => self.output = Output::Stopped(message.clone()),
                        Pending::Repl(i) => {
                            if let Some(entry) = self.repl.get_mut(i) {
                                entry.output = Some(message.clone());
                                entry.is_error = true;
                            }
                        }
                        Pending::Json(_) => self.json = TextView::Empty,
                        Pending::Strict(_) => self.strict = TextView::Empty,
                        Pending::Syntax(_) => self.syntax = TextView::Empty,
                        Pending::Expand => {}
                        Pending::Drv(_) => self.drv = None,
                        Pending::Check(l) => {
                            Rc::make_mut(&mut self.lessons.checks)
                                .insert(l, CheckView::Failed(message.clone()));
                        }
                        Pending::Example(l, i) => {
                            Rc::make_mut(&mut self.lessons.examples)
                                .insert((l, i), ExampleView::Failed(message.clone()));
                        }
                    }
                }
                // The worker's result is gone with it: the tree cannot be expanded further.
                if let Output::Value { .. } = self.output {
                    self.output = Output::Stopped(message.clone());
                }
                self.json = TextView::Empty;
                self.strict = TextView::Empty;
                self.drv = None;
                self.focus_error = None;
                self.eval_ms = None;
                self.notify(Level::Warning, message);
            }
            Action::ShowTab(tab) => self.tab = tab,
            Action::Toggle(node) => {
                let open = Rc::make_mut(&mut self.open);
                if !open.remove(&node) {
                    open.insert(node);
                }
            }
            Action::FocusError(error) => {
                if let Some(loc) = &error.location {
                    if let Some(i) = self.files.iter().position(|f| f.name == loc.file) {
                        self.active = i;
                    }
                }
                self.focus_error = Some(error);
            }
            Action::ReplInput(line) => {
                self.repl.push(ReplEntry {
                    input: line,
                    output: None,
                    is_error: false,
                });
                if self.repl.len() > 200 {
                    self.repl.remove(0);
                    for p in self.pending.values_mut() {
                        if let Pending::Repl(i) = p {
                            *i = i.saturating_sub(1);
                        }
                    }
                }
            }
            Action::ReplClear => self.repl.clear(),
            Action::SetTimeout(ms) => self.settings.timeout_ms = ms,
            Action::SetLive(live) => self.settings.live = live,
            Action::Notify(level, text) => self.notify(level, text),
            Action::Dismiss(id) => self.notices.retain(|n| n.id != id),
            Action::Share(share) => self.share = share,
            Action::Copied(ok) => {
                if let Some(ShareState::Link(_, copied)) = &mut self.share {
                    *copied = Some(ok);
                }
            }
            Action::Saved => self.dirty = false,
        }
    }

    fn reply(
        &mut self,
        id: u32,
        pending: Pending,
        outcome: Outcome,
        trace: Vec<String>,
        elapsed_ms: f64,
    ) {
        match (pending, outcome) {
            (Pending::Eval, Outcome::Evaluated(result)) => {
                self.trace = trace;
                if Some(id) != self.latest_eval {
                    return;
                }
                self.evaluations += 1;
                self.eval_ms = Some(elapsed_ms);
                self.fetched = Rc::default();
                self.drv = None;
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
                            id,
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
                self.trace.extend(trace);
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
                self.trace.extend(trace);
                self.json = TextView::Ready(r as u64, text);
            }
            (Pending::Strict(r), Outcome::Text(text)) => {
                self.trace.extend(trace);
                self.strict = TextView::Ready(r as u64, text);
            }
            (Pending::Syntax(rev), Outcome::Text(text)) => self.syntax = TextView::Ready(rev, text),
            (Pending::Repl(i), Outcome::Repl { text, is_error }) => {
                self.trace.extend(trace);
                if let Some(entry) = self.repl.get_mut(i) {
                    entry.output = Some(text);
                    entry.is_error = is_error;
                }
            }
            (Pending::Drv(r), Outcome::Derivations(report)) => {
                self.trace.extend(trace);
                self.drv = Some((r, Some(report.map(Rc::new))));
            }
            (Pending::Drv(_), Outcome::Stale) => self.drv = None,
            (Pending::Check(lesson), Outcome::Checked(report)) => {
                self.lessons.checks_run += 1;
                let view = match report {
                    Ok(report) => {
                        self.lessons
                            .progress_mut()
                            .record_attempt(&lesson, report.passed);
                        CheckView::Done(report)
                    }
                    Err(e) => CheckView::Failed(e),
                };
                Rc::make_mut(&mut self.lessons.checks).insert(lesson, view);
            }
            (Pending::Example(lesson, i), Outcome::Example(outcome)) => {
                Rc::make_mut(&mut self.lessons.examples)
                    .insert((lesson, i), ExampleView::Done(outcome));
            }
            (Pending::Json(_) | Pending::Strict(_), Outcome::Stale) => {}
            (_, Outcome::Stale) => {}
            (pending, outcome) => {
                self.notify(
                    Level::Warning,
                    format!("Unexpected answer from the evaluator ({pending:?}: {outcome:?})."),
                );
            }
        }
    }
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

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::NodeKind;

    fn boot(hash: &str, saved: Option<&str>) -> (State, bool) {
        State::boot(&Boot {
            hash: hash.into(),
            saved_files: saved.map(|s| Ok(s.to_string())),
            saved_settings: Some("garbage".into()),
        })
    }

    #[test]
    fn boot_prefers_links_then_storage_then_the_example() {
        let files = vec![FileEntry {
            name: "a.nix".into(),
            text: "1".into(),
        }];
        let link = share::fragment(&share::encode(&files).unwrap());
        let (s, had_link) = boot(&link, None);
        assert!(had_link && s.dirty);
        assert_eq!(s.files, files);
        assert_eq!(s.entry, "a.nix");

        let (s, had_link) = boot("#/?files=AAAA", None);
        assert!(had_link);
        assert_eq!(s.files, examples::default_example().entries());
        assert!(s
            .notices
            .iter()
            .any(|n| n.text.contains("could not be opened")));
        assert!(s
            .notices
            .iter()
            .any(|n| n.text.contains("settings were ignored")));

        let saved = storage::save_files(&files, "a.nix").unwrap();
        let (s, had_link) = boot("#/examples", Some(&saved));
        assert!(!had_link && !s.dirty);
        assert_eq!(s.files, files);

        let (s, _) = boot("", Some("{\"other\":\"app\"}"));
        assert_eq!(s.files, examples::default_example().entries());
        assert_eq!(s.notices.len(), 2);
    }

    #[test]
    fn file_actions() {
        let (mut s, _) = boot("", None);
        s.apply(Action::AddFile);
        assert_eq!(s.active_file().name, "new.nix");
        s.apply(Action::RenameFile {
            index: s.active,
            name: "x y".into(),
        });
        assert_eq!(s.active_file().name, "new.nix");
        s.apply(Action::RenameFile {
            index: s.active,
            name: "overlay.nix".into(),
        });
        assert_eq!(s.active_file().name, "overlay.nix");
        s.apply(Action::Edit("final: prev: {}".into()));
        assert_eq!(s.files[1].text, "final: prev: {}");
        s.apply(Action::DeleteFile(1));
        s.apply(Action::DeleteFile(0));
        assert_eq!(s.files.len(), 1);
        assert_eq!(s.entry, "default.nix");
    }

    #[test]
    fn replies_for_stale_or_lost_requests() {
        let (mut s, _) = boot("", None);
        s.apply(Action::Sent(1, Pending::Eval));
        s.apply(Action::Sent(2, Pending::Eval));
        let node = Node {
            id: 0,
            kind: NodeKind::Scalar,
            text: "1".into(),
            len: 0,
            children: None,
            error: None,
        };
        let reply = |id| Action::Reply {
            id,
            outcome: Outcome::Evaluated(Ok(node.clone())),
            trace: vec![],
            elapsed_ms: 1.0,
        };
        s.apply(reply(1));
        assert_eq!(s.output, Output::Empty);
        s.apply(reply(2));
        assert_eq!(s.result_id(), Some(2));
        s.apply(Action::Sent(3, Pending::Eval));
        s.apply(Action::WorkerLost("stopped".into()));
        assert!(matches!(s.output, Output::Stopped(_)));
        assert!(!s.busy());
        s.apply(reply(3));
        assert!(matches!(s.output, Output::Stopped(_)));
    }
}
