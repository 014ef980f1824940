//! Evaluation errors: an [`ErrorKind`] with a stable code, a primary span, notes and a
//! trace of frames, rendered like Nix's terminal output.

use std::borrow::Cow;

use crate::source::{SourceMap, Span};

/// What went wrong. Each kind has a stable code (see [`ErrorKind::code`]).
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// The text does not parse.
    Syntax(String),
    /// A name bound nowhere.
    UndefinedVariable(String),
    /// An attribute or formal defined twice.
    Duplicate(String),
    /// A value of the wrong type, or an operation it does not support.
    Type(TypeMismatch),
    /// `e.name` where the set has no `name`.
    MissingAttribute(String),
    /// A function (`function 'f'`, as Nix names it) called without a required argument.
    MissingArgument {
        /// The function, as Nix names it in messages.
        function: String,
        /// The argument.
        argument: String,
    },
    /// A function to evaluate at the top level (`nix-instantiate --eval` of a file that
    /// is a function) has an argument (this one) neither defaulted nor given by `--arg`.
    MissingAutoArgument(String),
    /// A function called with an argument it does not take.
    UnexpectedArgument {
        /// The function, as Nix names it in messages.
        function: String,
        /// The argument.
        argument: String,
    },
    /// A thunk that needs its own value.
    InfiniteRecursion,
    /// `assert` with a false condition.
    AssertionFailed(String),
    /// `assert a == b` failed: Nix explains how the two sides differ.
    AssertionNotEqual(String),
    /// `throw`.
    Throw(String),
    /// `abort`.
    Abort(String),
    /// Division by zero.
    DivisionByZero,
    /// `builtins.NAME` given an index past a list's end (`index` and the list's size),
    /// or an empty list (`index` is `None`: `head`, `tail`).
    OutOfBounds {
        /// The builtin.
        builtin: &'static str,
        /// The index and the list's size.
        index: Option<(i64, usize)>,
    },
    /// Integer overflow in `left OPERATOR right`.
    Overflow {
        /// The operation as Nix names it: "adding", "subtracting", ….
        operation: &'static str,
        /// Its operator: `+`, `-`, `*`, `/`.
        operator: &'static str,
        /// The left operand.
        left: i64,
        /// The right operand.
        right: i64,
    },
    /// Too many nested calls.
    StackOverflow,
    /// Values or evaluations nested deeper than the native stack allows (Nix's own stack
    /// overflow): reported, as Nix does, without a trace.
    NativeStackExhausted,
    /// The step budget ran out.
    FuelExhausted,
    /// Reading a file failed.
    Io(String),
    /// A builtin that Nixpad cannot offer (network access).
    NotAvailable(String),
    /// Any other evaluation error (message as Nix words it).
    Other(String),
    /// `builtins.fromTOML`'s parser refused the text: its reports, shown verbatim (Nix
    /// shows them highlighted, so a closing newline leaves an indented empty line).
    Toml(String),
    /// An error Nix raises as a usage error (an unknown hash algorithm or format name):
    /// its commands follow the message with a pointer to their `--help`.
    Usage(String),
    /// Not an error: a debugger's `builtins.break` stopped the evaluation.
    Breakpoint,
    /// Not an error: a builtin deep in native re-entries stops to have a thunk forced on
    /// the machine's heap, and is called again after (never reaches the user).
    Suspended,
}

impl ErrorKind {
    /// A stable code for each kind, for documentation and tooling.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Syntax(_) => "E001",
            ErrorKind::UndefinedVariable(_) => "E002",
            ErrorKind::Duplicate(_) => "E003",
            ErrorKind::Type(_) => "E004",
            ErrorKind::MissingAttribute(_) => "E005",
            ErrorKind::MissingArgument { .. } | ErrorKind::MissingAutoArgument(_) => "E006",
            ErrorKind::UnexpectedArgument { .. } => "E007",
            ErrorKind::InfiniteRecursion => "E008",
            ErrorKind::AssertionFailed(_) | ErrorKind::AssertionNotEqual(_) => "E009",
            ErrorKind::Throw(_) => "E010",
            ErrorKind::Abort(_) => "E011",
            ErrorKind::DivisionByZero => "E012",
            ErrorKind::OutOfBounds { .. } => "E013",
            ErrorKind::Overflow { .. } => "E014",
            ErrorKind::StackOverflow => "E015",
            ErrorKind::NativeStackExhausted => "E022",
            ErrorKind::FuelExhausted => "E016",
            ErrorKind::Io(_) => "E017",
            ErrorKind::NotAvailable(_) => "E018",
            ErrorKind::Other(_) => "E099",
            ErrorKind::Usage(_) => "E020",
            ErrorKind::Toml(_) => "E021",
            ErrorKind::Suspended => "E098",
            ErrorKind::Breakpoint => "E019",
        }
    }

    /// The message, worded as Nix words it.
    pub fn message(&self) -> String {
        match self {
            ErrorKind::Type(t) => t.to_string(),
            ErrorKind::Syntax(m)
            | ErrorKind::Duplicate(m)
            | ErrorKind::Io(m)
            | ErrorKind::AssertionNotEqual(m)
            | ErrorKind::NotAvailable(m)
            | ErrorKind::Other(m)
            | ErrorKind::Usage(m) => m.clone(),
            ErrorKind::Toml(report) => format!("while parsing TOML: {report}"),
            ErrorKind::UndefinedVariable(n) => format!("undefined variable '{n}'"),
            ErrorKind::MissingAutoArgument(argument) => format!(
                "cannot evaluate a function that has an argument without a value ('{argument}')\n\
                 Nix attempted to evaluate a function as a top level expression; in\n\
                 this case it must have its arguments supplied either by default\n\
                 values, or passed explicitly with '--arg' or '--argstr'. See\n\
                 https://nixos.org/manual/nix/stable/language/constructs.html#functions."
            ),
            // Nix prints an attribute or argument name bare if it is an identifier,
            // quoted otherwise (`'"a b"'`).
            ErrorKind::MissingArgument { function, argument } => format!(
                "{function} called without required argument '{}'",
                crate::format_attr_name(argument)
            ),
            ErrorKind::UnexpectedArgument { function, argument } => format!(
                "{function} called with unexpected argument '{}'",
                crate::format_attr_name(argument)
            ),
            ErrorKind::OutOfBounds {
                builtin,
                index: None,
            } => format!("'builtins.{builtin}' called on an empty list"),
            ErrorKind::OutOfBounds {
                builtin,
                index: Some((index, size)),
            } => format!("'builtins.{builtin}' called with index {index} on a list of size {size}"),
            ErrorKind::Overflow {
                operation,
                operator,
                left,
                right,
            } => format!("integer overflow in {operation} {left} {operator} {right}"),
            ErrorKind::MissingAttribute(n) => {
                format!("attribute '{}' missing", crate::format_attr_name(n))
            }
            ErrorKind::InfiniteRecursion => "infinite recursion encountered".into(),
            ErrorKind::AssertionFailed(t) => format!("assertion '{t}' failed"),
            ErrorKind::Throw(m) => m.clone(),
            ErrorKind::Abort(m) => {
                format!("evaluation aborted with the following error message: '{m}'")
            }
            ErrorKind::DivisionByZero => "division by zero".into(),
            ErrorKind::StackOverflow => "stack overflow; max-call-depth exceeded".into(),
            ErrorKind::NativeStackExhausted => {
                "stack overflow (possible infinite recursion)".into()
            }
            ErrorKind::Breakpoint => "breakpoint reached".into(),
            ErrorKind::Suspended => "internal error: a suspended builtin was not resumed".into(),
            ErrorKind::FuelExhausted => {
                "evaluation step limit exceeded (the program ran too long)".into()
            }
        }
    }

    /// Whether `builtins.tryEval` catches this error (only `throw` and `assert`).
    pub fn is_catchable(&self) -> bool {
        matches!(
            self,
            ErrorKind::Throw(_) | ErrorKind::AssertionFailed(_) | ErrorKind::AssertionNotEqual(_)
        )
    }
}

/// What a type error found, in parts (for tools and lesson checks); its `Display` is
/// the message as Nix 2.26 words it. Types are named as Nix names them in messages
/// ("an integer", "a set", "the built-in function 'map'"), `shown` is the value as
/// Nix prints it in an error.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeMismatch {
    /// `expected a set but found an integer: 1`.
    Expected {
        /// The type that was wanted.
        expected: Cow<'static, str>,
        /// The type of the value found.
        found: Cow<'static, str>,
        /// The value found.
        shown: String,
    },
    /// `cannot coerce a set to a string: { }`.
    NotCoercible {
        /// The type of the value.
        found: Cow<'static, str>,
        /// The value.
        shown: String,
    },
    /// `attempt to call something which is not a function but an integer: 1`.
    NotAFunction {
        /// The type of the value called.
        found: Cow<'static, str>,
        /// The value called.
        shown: String,
    },
    /// `cannot add a string to an integer`.
    CannotAdd {
        /// The type of the right-hand side.
        added: Cow<'static, str>,
        /// The type of the left-hand side.
        to: Cow<'static, str>,
    },
    /// `cannot compare a set with a set; values of that type are incomparable`.
    Incomparable {
        /// The type of the left-hand side.
        left: Cow<'static, str>,
        /// The type of the right-hand side.
        right: Cow<'static, str>,
        /// Whether both sides are of one type (which has no order).
        same_type: bool,
    },
    /// `cannot convert a function to JSON`; `found` is `None` for a value not yet
    /// evaluated where lazy JSON needs it evaluated (`cannot convert a thunk to JSON`).
    NotJson {
        /// The type of the value.
        found: Option<Cow<'static, str>>,
    },
}

impl std::fmt::Display for TypeMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypeMismatch::Expected {
                expected,
                found,
                shown,
            } => write!(f, "expected {expected} but found {found}: {shown}"),
            TypeMismatch::NotCoercible { found, shown } => {
                write!(f, "cannot coerce {found} to a string: {shown}")
            }
            TypeMismatch::NotAFunction { found, shown } => write!(
                f,
                "attempt to call something which is not a function but {found}: {shown}"
            ),
            TypeMismatch::CannotAdd { added, to } => write!(f, "cannot add {added} to {to}"),
            TypeMismatch::Incomparable {
                left,
                right,
                same_type,
            } => {
                write!(f, "cannot compare {left} with {right}")?;
                if *same_type {
                    f.write_str("; values of that type are incomparable")?;
                }
                Ok(())
            }
            TypeMismatch::NotJson { found } => write!(
                f,
                "cannot convert {} to JSON",
                found.as_deref().unwrap_or("a thunk")
            ),
        }
    }
}

/// One frame of the evaluation trace ("… while evaluating ...").
#[derive(Clone, Debug, PartialEq)]
pub struct TraceFrame {
    /// What was being done.
    pub message: String,
    /// Where.
    pub span: Option<Span>,
    /// Printed even where the trace is cut short (`builtins.addErrorContext`'s frames).
    pub always: bool,
    /// Whether `span` is printed with the frame; when not, the message names the place
    /// itself and `span` only tells tools (the lessons) where the frame is.
    pub quoted: bool,
}

impl TraceFrame {
    /// How much of the short trace's room the frame takes: Nix cuts a trace printed
    /// without `--show-trace` once its frames weigh more than [`SHORT_TRACE_ROOM`], a frame
    /// weighing 1 and its printed position 1 more (a repeated frame weighs nothing).
    fn weight(&self) -> usize {
        1 + usize::from(self.printed_span().is_some())
    }

    /// The position printed under the frame, if any.
    fn printed_span(&self) -> Option<Span> {
        self.span.filter(|span| span.file.0 != 0 && self.quoted)
    }

    fn render(&self, out: &mut String, sources: &SourceMap) {
        // As Nix prints a frame: every line of its message without trailing whitespace,
        // the lines after the first at the frame's own indentation, the message's closing
        // newlines kept as empty lines.
        for (i, line) in self.message.split('\n').enumerate() {
            let line = if i == 0 {
                format!("{TRACE_INDENT}… {line}")
            } else if line.trim_end().is_empty() {
                String::new()
            } else {
                format!("{TRACE_INDENT}{line}")
            };
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if let Some(span) = self.printed_span() {
            render_position(out, sources, span, "         ", SNIPPET_INDENT);
        }
        out.push('\n');
    }
}

/// See [`TraceFrame::weight`].
const SHORT_TRACE_ROOM: usize = 3;

/// How far the lines of a rendered error are indented.
const TRACE_INDENT: &str = "       ";

/// More repeats of earlier frames in a row than this are printed as one line saying how
/// many were left out, as Nix does.
const DUPLICATES_PRINTED: usize = 5;

/// Prints the frames held back as repeats of earlier ones: each of them, or a line
/// counting them when there are many.
fn flush_repeats(out: &mut String, sources: &SourceMap, repeats: &mut Vec<&TraceFrame>) {
    if repeats.len() > DUPLICATES_PRINTED {
        out.push_str(TRACE_INDENT);
        out.push_str(&format!("({} duplicate frames omitted)\n\n", repeats.len()));
    } else {
        for frame in repeats.iter() {
            frame.render(out, sources);
        }
    }
    repeats.clear();
}

/// An evaluation error with its location and context.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where (the innermost position).
    pub span: Option<Span>,
    /// Extra lines after the source snippet ("Did you mean a?").
    pub notes: Vec<String>,
    /// Context frames, outermost first.
    pub trace: Vec<TraceFrame>,
}

/// Shorthand for evaluation results.
pub type EvalResult<T> = Result<T, Box<Error>>;

/// The message as Nix words it (`error: attribute 'x' missing`), without positions: those
/// need the evaluator's sources ([`Error::render`]).
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: {}", self.message())
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A new error of `kind` at `span`.
    pub fn new(kind: ErrorKind, span: Option<Span>) -> Box<Error> {
        Box::new(Error {
            kind,
            span,
            notes: Vec::new(),
            trace: Vec::new(),
        })
    }

    /// The native stack (Nix's) given out: too deep a nesting of values or of
    /// evaluation. Nix reports it without a place or a trace.
    #[cold]
    pub fn stack_exhausted() -> Box<Error> {
        Error::new(ErrorKind::NativeStackExhausted, None)
    }

    /// An error Nix words freely ([`ErrorKind::Other`]) at `span`.
    pub fn other(message: impl Into<String>, span: Span) -> Box<Error> {
        Error::new(ErrorKind::Other(message.into()), Some(span))
    }

    /// A refused hash or hash algorithm or format name at `span`: an unknown name is a
    /// usage error, as in Nix ([`ErrorKind::Usage`]).
    pub fn hash(error: crate::store::HashError, span: Option<Span>) -> Box<Error> {
        let kind = if error.unknown_name {
            ErrorKind::Usage(error.message)
        } else {
            ErrorKind::Other(error.message)
        };
        Error::new(kind, span)
    }

    /// Adds a note line.
    pub fn with_note(mut self: Box<Self>, note: String) -> Box<Error> {
        self.notes.push(note);
        self
    }

    /// Adds a trace frame outside the existing ones.
    pub fn push_frame(&mut self, message: impl Into<String>, span: Option<Span>) {
        self.push_outermost(TraceFrame {
            message: message.into(),
            span,
            always: false,
            quoted: true,
        });
    }

    /// Adds a frame outside the existing ones whose message names its place in words:
    /// `span` is kept for tools but not printed.
    pub fn push_frame_unquoted(&mut self, message: impl Into<String>, span: Option<Span>) {
        self.push_outermost(TraceFrame {
            message: message.into(),
            span,
            always: false,
            quoted: false,
        });
    }

    /// Adds a frame of `builtins.addErrorContext` outside the existing ones: it has no
    /// position and is printed even in a trace cut short.
    pub fn push_context_frame(&mut self, message: impl Into<String>) {
        self.push_outermost(TraceFrame {
            message: message.into(),
            span: None,
            always: true,
            quoted: true,
        });
    }

    /// Puts `frame` outside the existing ones, unless the error is Nix's native stack
    /// overflow, which Nix reports without a trace.
    fn push_outermost(&mut self, frame: TraceFrame) {
        if self.kind != ErrorKind::NativeStackExhausted {
            self.trace.insert(0, frame);
        }
    }

    /// The message's first line, as compared with Nix in tests.
    pub fn message(&self) -> String {
        self.kind.message()
    }

    /// Renders the error as Nix writes it to standard error (see
    /// [`crate::print::as_logged`]). Without `show_trace`, a long trace is cut short as
    /// Nix cuts it (see [`TraceFrame::weight`]).
    pub fn render(&self, sources: &SourceMap, show_trace: bool) -> String {
        let mut out = String::new();
        let indent = TRACE_INDENT;
        if self.trace.is_empty() {
            push_error_line(&mut out, &self.kind, indent);
        } else {
            out.push_str("error:\n");
            // As Nix prints a trace: a frame without a message is not printed, one
            // repeating an earlier one (same message, same position) is held back and
            // weighs nothing; a short trace is cut once its frames weigh more than the
            // room, `addErrorContext` frames still printed.
            let mut weight = 0;
            let mut cut = false;
            let mut seen = std::collections::HashSet::new();
            let mut repeats = Vec::new();
            for frame in self.trace.iter().filter(|f| !f.message.is_empty()) {
                cut |= !show_trace && weight > SHORT_TRACE_ROOM;
                if cut {
                    if frame.always {
                        frame.render(&mut out, sources);
                    }
                    continue;
                }
                if !seen.insert((frame.message.as_str(), frame.printed_span())) {
                    repeats.push(frame);
                    continue;
                }
                flush_repeats(&mut out, sources, &mut repeats);
                weight += frame.weight();
                frame.render(&mut out, sources);
            }
            flush_repeats(&mut out, sources, &mut repeats);
            if cut {
                out.push_str(indent);
                out.push_str(
                    "(stack trace truncated; use '--show-trace' to show the full, detailed trace)\n\n",
                );
            }
            out.push_str(indent);
            push_error_line(&mut out, &self.kind, indent);
        }
        if let Some(span) = self.span {
            render_position(&mut out, sources, span, indent, SNIPPET_INDENT);
        }
        for note in &self.notes {
            out.push_str(indent);
            out.push_str(note);
            out.push('\n');
        }
        crate::print::as_logged(&out)
    }
}

/// `error: MESSAGE` and a newline; a message whose first line is blank leaves `error:`
/// alone on its line (Nix prints no line with trailing whitespace).
fn push_error_line(out: &mut String, kind: &ErrorKind, indent: &str) {
    let mut message = String::new();
    push_message(&mut message, kind, indent);
    out.push_str("error:");
    if !message.is_empty() && !message.starts_with('\n') {
        out.push(' ');
    }
    out.push_str(&message);
    out.push('\n');
}

/// An error's message, indented.
fn push_message(out: &mut String, kind: &ErrorKind, indent: &str) {
    push_indented(out, &kind.message(), indent);
    if let ErrorKind::Toml(report) = kind {
        // Nix highlights the report and trims the text before it removes the colour
        // codes: the report's closing newlines stay, the last line (holding the code
        // that ends the highlight) indented.
        let newlines = report.len() - report.trim_end_matches('\n').len();
        for k in 0..newlines {
            out.push('\n');
            if k + 1 == newlines {
                out.push_str(indent);
            }
        }
    }
}

/// Appends `text`'s lines, the second and later after `indent`.
pub(crate) fn push_indented(out: &mut String, text: &str, indent: &str) {
    // Nix prints a message's lines indented, without trailing whitespace, an empty line
    // without its indentation.
    for (i, line) in text.trim_end().split('\n').enumerate() {
        let line = line.trim_end();
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
}

/// How far an error's source lines are indented.
const SNIPPET_INDENT: &str = "       ";

/// Writes `at FILE:LINE:COL:` (after `indent`) and the source lines around it with a
/// caret (after `snippet_indent`).
pub(crate) fn render_position(
    out: &mut String,
    sources: &SourceMap,
    span: Span,
    indent: &str,
    snippet_indent: &str,
) {
    if span.file.0 == 0 {
        return;
    }
    let src = sources.get(span.file);
    let lc = src.line_col(span.start);
    out.push_str(&format!(
        "{indent}at {}:{}:{}:\n",
        src.origin.display(),
        lc.line,
        lc.col
    ));
    // An empty text has no line to show.
    if src.text.is_empty() {
        return;
    }
    if lc.line > 1 {
        let prev = lc.line - 1;
        let line = format!("{snippet_indent}{prev:>6}| {}", src.line_text(prev));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    // Nix prints every source line without trailing whitespace.
    let line = format!("{snippet_indent}{:>6}| {}", lc.line, src.line_text(lc.line));
    out.push_str(line.trim_end());
    out.push('\n');
    out.push_str(&format!(
        "{snippet_indent}      | {}^\n",
        " ".repeat(lc.col as usize - 1)
    ));
    if lc.line < src.line_count() {
        let next = lc.line + 1;
        let line = format!("{snippet_indent}{next:>6}| {}", src.line_text(next));
        out.push_str(line.trim_end());
        out.push('\n');
    }
}
