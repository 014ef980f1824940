//! Running a lesson's `check.nix` against the learner's files.
//!
//! Each run gets a fresh [`Evaluator`] over a [`MemoryIO`] holding the learner's files at
//! `/NAME` and the check at `/.check/check.nix`, with a step budget ([`CheckOptions::fuel`])
//! so an infinite loop ends as a failed check, not a frozen page. The check file is a
//! function `{ files, sources, ... }: [ CHECK ... ]` (see `lessons/README.md`).

use std::collections::BTreeMap;
use std::rc::Rc;

use nixpad_eval::{
    Error, ErrorKind, Evaluator, Limits, MemoryIO, Origin, Settings, Span, Value, ValueView,
};
use serde::{Deserialize, Serialize};

use crate::model::Lesson;
use crate::pretty::{pretty, PrettyLimits};

/// Where the check file is mounted.
const CHECK_PATH: &str = "/.check/check.nix";
/// The origin name of the driver expression.
const DRIVER: &str = "check";

/// Knobs of a check run.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Evaluation steps allowed for the whole run (learner code, checks and printing).
    /// Every reference solution of the curriculum needs fewer than 1,000; the default,
    /// 500,000, stops a runaway loop after about 70 ms natively (a few hundred in wasm).
    pub fuel: u64,
    /// Bounds on the pretty-printed `expected`/`actual` values.
    pub pretty: PrettyLimits,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            fuel: 500_000,
            pretty: PrettyLimits::default(),
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

fn evaluator(files: &Files, extra: &[(&str, &str)], fuel: u64) -> Evaluator {
    let mut io = MemoryIO::new();
    for (name, text) in files {
        io.add_file(&format!("/{name}"), text.as_bytes().to_vec());
    }
    for (path, text) in extra {
        io.add_file(path, text.as_bytes().to_vec());
    }
    let limits = Limits {
        fuel: Some(fuel),
        ..Limits::default()
    };
    Evaluator::new(Rc::new(io), Settings::default(), limits)
}

/// Turns an evaluator error into an [`EvalFailure`], locating it in a learner file.
pub fn failure(ev: &Evaluator, e: &Error, learner_files: &Files) -> EvalFailure {
    let spans = std::iter::once(e.span).chain(e.trace.iter().rev().map(|f| f.span));
    let location = spans
        .flatten()
        .find_map(|span| locate(ev, span, learner_files));
    let source = if matches!(e.kind, ErrorKind::FuelExhausted | ErrorKind::StackOverflow) {
        FailureSource::Limit
    } else if location.is_some() {
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
    let mut rendered = ev.render_error(&shown);
    if e.kind == ErrorKind::FuelExhausted {
        rendered.push_str("       (the code ran too long: is there an infinite loop or a recursion without an end?)\n");
    } else if e.kind == ErrorKind::StackOverflow {
        rendered
            .push_str("       (too many nested calls: does the recursion reach its base case?)\n");
    }
    EvalFailure {
        source,
        code: e.kind.code().to_string(),
        message: e.message(),
        rendered,
        location,
    }
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
    let name = path.strip_prefix('/')?;
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

fn nix_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The driver: imports the learner's `.nix` files lazily and applies the check to them.
fn driver(files: &Files) -> String {
    let mut imports = String::new();
    let mut sources = String::new();
    for name in files.keys() {
        let path = nix_string(&format!("/{name}"));
        if name.ends_with(".nix") {
            imports.push_str(&format!(
                "    {} = import (/. + {path});\n",
                nix_string(name)
            ));
        }
        sources.push_str(&format!(
            "    {} = builtins.readFile (/. + {path});\n",
            nix_string(name)
        ));
    }
    format!(
        "let\n  files = {{\n{imports}  }};\n  sources = {{\n{sources}  }};\n  checks = import {CHECK_PATH} {{ inherit files sources; }};\n\
         in if builtins.isList checks\n  then map (c: c // {{ __passed = if c ? ok then c.ok else c.actual == c.expected; }}) checks\n  \
         else throw \"check.nix must return a list of checks, not a ${{builtins.typeOf checks}}\"\n"
    )
}

fn attr<'a>(attrs: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// Runs `check` (the text of a `check.nix`) against `files`. Never panics: every error
/// ends up in the report.
pub fn run_check(check: &str, files: &Files, options: &CheckOptions) -> CheckReport {
    let mut report = CheckReport {
        passed: false,
        checks: Vec::new(),
        error: None,
        trace: Vec::new(),
    };
    let mut ev = evaluator(files, &[(CHECK_PATH, check)], options.fuel);
    // A check.nix that does not parse is the lesson's bug: say so plainly.
    if let Err(e) = ev.check_source(check, Origin::File(CHECK_PATH.into()), "/.check") {
        report.error = Some(failure(&ev, &e, files));
        return report;
    }
    // Syntax and scope errors in the learner's files first: they stop everything.
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".nix")) {
        if let Err(e) = ev.check_source(text, Origin::File(format!("/{name}")), "/") {
            report.error = Some(failure(&ev, &e, files));
            return report;
        }
    }
    let list = match ev
        .eval_source(&driver(files), Origin::Other(DRIVER.into()), "/")
        .and_then(|v| ev.view(&v, true))
    {
        Ok(ValueView::List(items)) => items,
        Ok(_) => Vec::new(),
        Err(e) => {
            report.error = Some(failure(&ev, &e, files));
            report.trace = ev.take_trace_lines();
            return report;
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
        if let Some(Ok(ValueView::String(s))) = attr(&attrs, "name").map(|v| ev.view(v, true)) {
            result.name = String::from_utf8_lossy(&s).into_owned();
        }
        if let Some(Ok(ValueView::String(s))) = attr(&attrs, "message").map(|v| ev.view(v, true)) {
            result.message = Some(String::from_utf8_lossy(&s).into_owned());
        }
        if let Some(Ok(ValueView::Int(n))) = attr(&attrs, "hint").map(|v| ev.view(v, true)) {
            result.hint = usize::try_from(n).ok().and_then(|n| n.checked_sub(1));
        }
        let passed = attr(&attrs, "__passed").map(|v| ev.view(v, true));
        match passed {
            Some(Ok(ValueView::Bool(true))) => result.status = CheckStatus::Passed,
            Some(Ok(ValueView::Bool(false))) => result.status = CheckStatus::Failed,
            Some(Ok(_)) => {
                result.status = CheckStatus::Error;
                result.error = Some(EvalFailure {
                    source: FailureSource::Check,
                    code: "E004".into(),
                    message: "the check's `ok` is not a Boolean".into(),
                    rendered: format!(
                        "error: check '{}': `ok` must be true or false\n",
                        result.name
                    ),
                    location: None,
                });
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
            if let Some(v) = attr(&attrs, "expected") {
                result.expected = Some(pretty(&mut ev, v, &options.pretty));
            }
            // After an error the actual value would only repeat it.
            if result.error.is_none() {
                if let Some(v) = attr(&attrs, "actual") {
                    result.actual = Some(pretty(&mut ev, v, &options.pretty));
                }
            }
        }
        report.checks.push(result);
    }
    report.trace = ev.take_trace_lines();
    report.passed = !report.checks.is_empty()
        && report
            .checks
            .iter()
            .all(|c| c.status == CheckStatus::Passed);
    report
}

impl Lesson {
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
        run_check(&self.check, &files, options)
    }

    /// Checks the reference solution (it should pass).
    pub fn check_solution(&self, options: &CheckOptions) -> CheckReport {
        run_check(&self.check, &self.solution_files(), options)
    }

    /// Checks the starter files (they should fail).
    pub fn check_starter(&self, options: &CheckOptions) -> CheckReport {
        run_check(&self.check, &self.starter_files(), options)
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
/// may `import ./main.nix`) and prints its value strictly, within the step budget.
pub fn run_example(code: &str, files: &Files, fuel: u64) -> ExampleOutcome {
    let mut all = files.clone();
    all.insert("example.nix".into(), code.to_string());
    let mut ev = evaluator(&all, &[], fuel);
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
