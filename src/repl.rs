//! The REPL, as `nix repl` has it: lines evaluated against the editor's files, lazy
//! `name = expr` bindings, `:p`, `:t` and `:doc`, and a debugger.
//!
//! The debugger: a line whose evaluation reaches `builtins.break` stops there. The REPL
//! shows where, the argument and the variables in scope, and evaluates what is typed next
//! in that scope until `:c` (continue) or `:q`. Evaluation is pure and deterministic, so a
//! stop is reached by evaluating the line from scratch in a fresh evaluator (the bindings
//! bound again from their text) up to the chosen `break` call, and `:c` does the same up
//! to the next one: the stop does not depend on what earlier lines happened to force.

use nixpad_eval::{
    BuiltinDoc, Documentation, Error, ErrorKind, Evaluator, Origin, Value, ValueView,
};
use nixpad_lessons::Files;

use crate::engine::{error_info, scalar_text};
use crate::protocol::attr_name;

const REPL_HELP: &str = "\
The following commands are available:

  <expr>        Evaluate and print expression
  <x> = <expr>  Bind expression to variable
  :p <expr>     Evaluate and print expression recursively (strictly)
  :t <expr>     Describe result of evaluation
  :doc <expr>   Show the documentation of a builtin or of a function
  :?            Show this help

Files of the editor are under /: try `import ./default.nix`.
builtins.break stops an evaluation and shows its scope (:? there for more).";

const STOPPED_HELP: &str = "\
The evaluation is stopped at a builtins.break call:

  <expr>        Evaluate an expression in the scope of the stop (also :p, :t, :doc)
  :env          Show the variables in scope again
  :c            Continue: go on to the next builtins.break, or to the line's result
  :q            Leave the debugger without finishing the line
  :?            Show this help";

/// Most variables of a stop's scope listed (the rest are counted).
const MAX_LISTED: usize = 40;

/// A `name = expr` line: its name, its text (bound again in a fresh evaluator) and its
/// value in the REPL's evaluator.
struct Binding {
    name: String,
    text: String,
    value: Value,
}

/// A line stopped at a `builtins.break` call.
struct Stop {
    /// The line.
    line: String,
    /// Which `break` call stopped it (from 0, in evaluation order).
    index: usize,
    /// The evaluator that stopped (fresh for this run).
    ev: Evaluator,
    /// The names lines typed at the stop see: the bindings, then the scope of the call
    /// (which shadows them).
    scope: Vec<(String, Value)>,
    /// Where it stopped and what is in scope, as `:env` prints it.
    report: String,
    /// How many trace lines the run had printed when it stopped (a run to the next stop
    /// prints them again: only the new ones are shown).
    traces: usize,
}

/// The REPL's evaluator (for one set of files), its bindings and its stop.
#[derive(Default)]
pub struct Repl {
    ev: Option<(Files, Evaluator)>,
    bindings: Vec<Binding>,
    stop: Option<Stop>,
}

/// The answer to one line.
pub struct Answer {
    /// What to print.
    pub text: String,
    /// Whether it is an error.
    pub is_error: bool,
    /// Whether the REPL is stopped at a breakpoint after this line.
    pub stopped: bool,
    /// `builtins.trace` output the line printed.
    pub traces: Vec<String>,
}

impl Repl {
    /// Forgets the evaluators (the files or Nix's settings changed), returning them to
    /// be dropped after the answer is out; the bindings stay, as values.
    pub fn reset(&mut self) -> Vec<Evaluator> {
        let stopped = self.stop.take().map(|s| s.ev);
        self.ev
            .take()
            .map(|(_, ev)| ev)
            .into_iter()
            .chain(stopped)
            .collect()
    }

    /// Answers `line` with `files` in the editor; `fresh` makes an evaluator over them.
    /// Evaluators let go of are pushed to `retired`.
    pub fn line(
        &mut self,
        files: Files,
        line: &str,
        fresh: &mut dyn FnMut(&Files) -> Evaluator,
        retired: &mut Vec<Evaluator>,
    ) -> Answer {
        let ev = match &mut self.ev {
            Some((f, ev)) if *f == files => ev,
            _ => {
                retired.extend(self.reset());
                let ev = fresh(&files);
                &mut self.ev.insert((files.clone(), ev)).1
            }
        };
        let line = line.trim();
        if self.stop.is_some() {
            return self.at_stop(&files, line, fresh, retired);
        }
        ev.set_breakpoints(Some(0));
        let scope: Vec<(String, Value)> = self
            .bindings
            .iter()
            .map(|b| (b.name.clone(), b.value.clone()))
            .collect();
        let (text, is_error, bound) = answer(ev, &files, &scope, line);
        let traces = ev.take_trace_lines();
        if ev.take_breakpoint().is_some() {
            return self.run_to_stop(&files, line, 0, 0, fresh, retired);
        }
        if let Some(binding) = bound {
            self.bindings.retain(|b| b.name != binding.name);
            self.bindings.push(binding);
        }
        Answer {
            text,
            is_error,
            stopped: false,
            traces,
        }
    }

    /// A line typed while stopped.
    fn at_stop(
        &mut self,
        files: &Files,
        line: &str,
        fresh: &mut dyn FnMut(&Files) -> Evaluator,
        retired: &mut Vec<Evaluator>,
    ) -> Answer {
        let stop = self.stop.as_mut().expect("stopped");
        let reply = |text: &str, is_error| Answer {
            text: text.to_string(),
            is_error,
            stopped: true,
            traces: Vec::new(),
        };
        match line {
            ":c" | ":continue" => {
                let stop = self.stop.take().expect("stopped");
                retired.push(stop.ev);
                self.run_to_stop(
                    files,
                    &stop.line,
                    stop.index + 1,
                    stop.traces,
                    fresh,
                    retired,
                )
            }
            ":q" | ":quit" => {
                let stop = self.stop.take().expect("stopped");
                retired.push(stop.ev);
                Answer {
                    text: format!("Left the debugger; `{}` was not finished.", stop.line),
                    is_error: false,
                    stopped: false,
                    traces: Vec::new(),
                }
            }
            ":env" => reply(&stop.report, false),
            ":?" | ":help" => reply(STOPPED_HELP, false),
            _ if split_binding(line).is_some() => reply(
                "error: no bindings while stopped at a breakpoint (:c continues, :q leaves)",
                true,
            ),
            _ => {
                let (text, is_error, _) = answer(&mut stop.ev, files, &stop.scope, line);
                Answer {
                    traces: stop.ev.take_trace_lines(),
                    ..reply(&text, is_error)
                }
            }
        }
    }

    /// Evaluates `line` from scratch in a fresh evaluator until `break` call `index`;
    /// stops there, or answers the line when no such call comes. `traces_seen`: trace
    /// lines the previous runs showed.
    fn run_to_stop(
        &mut self,
        files: &Files,
        line: &str,
        index: usize,
        traces_seen: usize,
        fresh: &mut dyn FnMut(&Files) -> Evaluator,
        retired: &mut Vec<Evaluator>,
    ) -> Answer {
        let mut ev = fresh(files);
        let mut scope: Vec<(String, Value)> = Vec::new();
        for b in &self.bindings {
            // A binding that no longer evaluates is left out, as an unbound name.
            if let Ok(value) = bind(&mut ev, &scope, &b.text) {
                scope.retain(|(n, _)| *n != b.name);
                scope.push((b.name.clone(), value));
            }
        }
        ev.set_breakpoints(Some(index));
        let (text, is_error, _) = answer(&mut ev, files, &scope, line);
        let mut traces = ev.take_trace_lines();
        let all_traces = traces.len();
        traces.drain(..traces_seen.min(all_traces));
        let Some(stop) = ev.take_breakpoint() else {
            retired.push(ev);
            return Answer {
                text,
                is_error,
                stopped: false,
                traces,
            };
        };
        // Expressions typed at the stop run with `break` returning its argument.
        ev.set_breakpoints(None);
        let entries = ev.breakpoint_scope(&stop);
        let report = stop_report(&mut ev, &stop, &entries);
        scope.extend(entries.into_iter().rev().map(|e| (e.name, e.value)));
        self.stop = Some(Stop {
            line: line.to_string(),
            index,
            ev,
            scope,
            report: report.clone(),
            traces: all_traces,
        });
        Answer {
            text: report,
            is_error: false,
            stopped: true,
            traces,
        }
    }
}

/// What the REPL prints at a stop: where, the argument of `break`, the variables in scope.
fn stop_report(
    ev: &mut Evaluator,
    stop: &nixpad_eval::Breakpoint,
    entries: &[nixpad_eval::ScopeEntry],
) -> String {
    let place = ev.render_error(&Error::new(ErrorKind::Breakpoint, Some(stop.span)));
    let mut out = place.replacen("error: breakpoint reached", "info: breakpoint reached", 1);
    out.push_str(&format!(
        "\nbuiltins.break was given: {}\n",
        repl_print(ev, &stop.value)
    ));
    if entries.is_empty() {
        out.push_str("\nNo variables in scope here (only the builtins).\n");
    } else {
        out.push_str("\nIn scope here (innermost first; values as far as evaluated):\n");
        for e in entries.iter().take(MAX_LISTED) {
            let with = if e.from_with { "   (from with)" } else { "" };
            out.push_str(&format!(
                "  {} = {}{with}\n",
                attr_name(&e.name),
                ev.print_brief(&e.value)
            ));
        }
        if entries.len() > MAX_LISTED {
            out.push_str(&format!("  … and {} more\n", entries.len() - MAX_LISTED));
        }
    }
    out.push_str(
        "\nType an expression to evaluate it here; :env shows this again, :c continues, :q leaves.",
    );
    out
}

/// Binds `text` lazily, as `nix repl` does: `x = throw "…"` fails only when `x` is used.
fn bind(ev: &mut Evaluator, scope: &[(String, Value)], text: &str) -> Result<Value, Box<Error>> {
    ev.delay_source_with_scope(text, repl_origin(), "/", scope)
}

fn repl_origin() -> Origin {
    Origin::Other("repl".into())
}

/// Answers one line with the names of `scope` visible: the text, whether it is an
/// error, and the binding it makes (`name = expr`).
fn answer(
    ev: &mut Evaluator,
    files: &Files,
    scope: &[(String, Value)],
    line: &str,
) -> (String, bool, Option<Binding>) {
    if line.is_empty() {
        return (String::new(), false, None);
    }
    if line == ":?" || line == ":help" {
        return (REPL_HELP.to_string(), false, None);
    }
    let doc = line
        .strip_prefix(":doc")
        .filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
    let (mode, expr) = if let Some(rest) = doc {
        ('d', rest)
    } else if let Some(rest) = line.strip_prefix(":t") {
        ('t', rest)
    } else if let Some(rest) = line.strip_prefix(":p") {
        ('p', rest)
    } else if line.starts_with(':') {
        let cmd = line.split_whitespace().next().unwrap_or(line);
        return (format!("error: unknown command '{cmd}'"), true, None);
    } else {
        ('e', line)
    };
    if mode == 'e' {
        if let Some((name, text)) = split_binding(line) {
            return match bind(ev, scope, text) {
                Ok(value) => {
                    let binding = Binding {
                        name: name.to_string(),
                        text: text.to_string(),
                        value,
                    };
                    (String::new(), false, Some(binding))
                }
                Err(e) => (error_info(ev, &e, files).rendered, true, None),
            };
        }
    }
    let value = match ev.eval_source_with_scope(expr.trim(), repl_origin(), "/", scope) {
        Ok(v) => v,
        Err(e) => return (error_info(ev, &e, files).rendered, true, None),
    };
    let answer = match mode {
        't' => describe_type(ev, &value),
        'd' => match doc_text(ev, &value, expr.trim()) {
            Ok(Some(text)) => Ok(text),
            Ok(None) => {
                return (
                    "error: value does not have documentation".into(),
                    true,
                    None,
                )
            }
            Err(e) => Err(e),
        },
        'p' => ev
            .print(&value, true)
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
        _ => Ok(repl_print(ev, &value)),
    };
    match answer {
        Ok(text) => (text, false, None),
        Err(e) => (ev.render_error(&e), true, None),
    }
}

/// `name = expr` (not `==`), when `line` binds a variable.
fn split_binding(line: &str) -> Option<(&str, &str)> {
    let end =
        line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '\'' || c == '-'))?;
    let name = &line[..end];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return None;
    }
    let rest = line[end..].trim_start().strip_prefix('=')?;
    if rest.starts_with('=') {
        return None;
    }
    let value = rest.trim();
    (!value.is_empty()).then_some((name, value))
}

fn describe_type(ev: &mut Evaluator, v: &Value) -> Result<String, Box<Error>> {
    let ty = ev.type_of(v)?;
    Ok(match (ty, ev.view(v, true)?) {
        (_, ValueView::PrimOp(_, true)) => "a partially applied built-in function",
        (_, ValueView::PrimOp(_, false)) => "a built-in function",
        ("int", _) => "an integer",
        ("bool", _) => "a Boolean",
        ("string", _) => "a string",
        ("path", _) => "a path",
        ("null", _) => "null",
        ("set", _) => "a set",
        ("list", _) => "a list",
        ("lambda", _) => "a function",
        ("float", _) => "a float",
        (other, _) => other,
    }
    .to_string())
}

/// What `:doc` prints for a value (`expr`: the text it came from), as `nix repl` does:
/// a builtin's synopsis and documentation, or where a function is defined and its doc
/// comment; `None` when the value has no documentation. Beyond Nix, a partially applied
/// builtin shows the builtin's documentation, and `:doc builtins.NAME` documents the
/// constants too (`builtins.nixVersion`).
fn doc_text(ev: &mut Evaluator, v: &Value, expr: &str) -> Result<Option<String>, Box<Error>> {
    Ok(Some(match ev.documentation(v)? {
        Some(Documentation::Builtin { name, doc, applied }) => {
            let mut text = builtin_doc_text(&name, &doc);
            if applied > 0 {
                text.push_str(&format!(
                    "\n\n(This value is `builtins.{name}` given {applied} of its {} arguments.)",
                    doc.args.len()
                ));
            }
            text
        }
        Some(Documentation::Lambda { name, pos, doc }) => {
            let mut text = match name {
                Some(name) => format!("Function {name}\n… defined at {pos}"),
                None => format!("Function defined at {pos}"),
            };
            text.push_str("\n\n");
            text.push_str(doc.as_deref().unwrap_or(
                "(No documentation: write a /** ... */ comment right before the function or \
                 its binding, or # comment lines directly above the binding.)",
            ));
            text
        }
        None => {
            let name = expr.strip_prefix("builtins.").unwrap_or_default();
            match nixpad_eval::builtin_doc(name) {
                Some(doc) => builtin_doc_text(name, &doc),
                None => return Ok(None),
            }
        }
    }))
}

/// `Synopsis: builtins.NAME ARG…`, a blank line and the text.
fn builtin_doc_text(name: &str, doc: &BuiltinDoc) -> String {
    let mut synopsis = format!("Synopsis: builtins.{name}");
    for arg in doc.args {
        synopsis.push(' ');
        synopsis.push_str(arg);
    }
    format!("{synopsis}\n\n{}", doc.text)
}

/// How `nix repl` shows a value: forced one level deep, nested containers elided.
fn repl_print(ev: &mut Evaluator, v: &Value) -> String {
    let mut out = String::new();
    repl_value(ev, v, 0, &mut out);
    out
}

fn repl_value(ev: &mut Evaluator, v: &Value, depth: u32, out: &mut String) {
    match ev.view(v, true) {
        Err(e) => out.push_str(&format!("«error: {}»", e.message())),
        Ok(ValueView::List(items)) if depth > 0 => {
            out.push_str(if items.is_empty() { "[ ]" } else { "[ ... ]" })
        }
        Ok(ValueView::Attrs(items)) if depth > 0 => {
            out.push_str(if items.is_empty() { "{ }" } else { "{ ... }" })
        }
        Ok(ValueView::List(items)) => {
            let parts: Vec<String> = items
                .iter()
                .map(|item| {
                    let mut s = String::new();
                    repl_value(ev, item, depth + 1, &mut s);
                    s
                })
                .collect();
            out.push_str(&layout("[", "]", &parts, ""));
        }
        Ok(ValueView::Attrs(items)) => {
            let parts: Vec<String> = items
                .iter()
                .map(|(name, item)| {
                    let mut s = format!("{} = ", attr_name(name));
                    repl_value(ev, item, depth + 1, &mut s);
                    s
                })
                .collect();
            out.push_str(&layout("{", "}", &parts, ";"));
        }
        Ok(view) => out.push_str(&scalar_text(ev, v, &view)),
    }
}

/// One line when short, else one element a line.
fn layout(open: &str, close: &str, parts: &[String], sep: &str) -> String {
    if parts.is_empty() {
        return format!("{open} {close}");
    }
    let one_line: usize = parts.iter().map(|p| p.len() + sep.len() + 1).sum();
    if one_line <= 60 && parts.len() <= 6 {
        let mut s = open.to_string();
        for p in parts {
            s.push(' ');
            s.push_str(p);
            s.push_str(sep);
        }
        s.push(' ');
        s.push_str(close);
        s
    } else {
        let mut s = format!("{open}\n");
        for p in parts {
            s.push_str("  ");
            s.push_str(p);
            s.push_str(sep);
            s.push('\n');
        }
        s.push_str(close);
        s
    }
}
