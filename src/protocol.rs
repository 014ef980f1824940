//! Messages between the page and the evaluation worker.
//!
//! The page owns no evaluator: it sends a [`Request`] and the worker answers with a
//! [`Reply`]. Both cross the worker boundary as plain JS objects (serde-wasm-bindgen), so
//! everything here is data: no `Value`s, only handles ([`NodeId`]) that name values the
//! worker keeps alive for the current result.

use serde::{Deserialize, Serialize};

/// Names a value the worker keeps for the current result, so the page can ask to expand it.
pub type NodeId = u32;

/// One file of the in-memory tree, by name relative to `/` (e.g. `overlay.nix`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// File name, relative to the root (`default.nix`, `lib/util.nix`).
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// Something the page asks the worker to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Evaluate `entry` among `files`; the result replaces the previous one.
    Eval {
        /// All files of the tree.
        files: Vec<FileEntry>,
        /// The file to evaluate (a name from `files`).
        entry: String,
        /// How many nodes of the result tree to expand eagerly.
        expand_budget: u32,
    },
    /// One level of a node of the current result: children `start..start+limit`.
    Expand {
        /// The id of the `Eval` request whose result holds the node.
        result: u32,
        /// The node.
        node: NodeId,
        /// First child to return.
        start: u32,
        /// How many children at most.
        limit: u32,
    },
    /// The current result printed like `nix-instantiate --eval --strict`.
    PrintStrict {
        /// The id of the `Eval` request whose result to print.
        result: u32,
    },
    /// The current result as `nix-instantiate --eval --json`.
    Json {
        /// The id of the `Eval` request whose result to print.
        result: u32,
    },
    /// The rnix syntax tree of a text.
    SyntaxTree {
        /// The text to parse.
        text: String,
    },
    /// One line of the REPL, evaluated against `files`.
    Repl {
        /// All files of the tree (`import ./x.nix` reads them).
        files: Vec<FileEntry>,
        /// The line typed (`expr`, `:t expr`, `:p expr`, `name = expr`, `:?`).
        line: String,
    },
    /// The derivations of the current result (the value, or those in a set or list),
    /// with their inputs.
    Derivations {
        /// The id of the `Eval` request whose result to look at.
        result: u32,
    },
    /// Runs the checks of lesson `lesson` (an id of the embedded curriculum) on `files`.
    Check {
        /// The lesson id (`language/strings`).
        lesson: String,
        /// The learner's files by name.
        files: Vec<FileEntry>,
    },
    /// Runs a prose example of lesson `lesson`, with the learner's files beside it.
    Example {
        /// The lesson id.
        lesson: String,
        /// The example's code.
        code: String,
        /// The learner's files by name.
        files: Vec<FileEntry>,
    },
}

/// A command with the number the page gave it (replies carry it back).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the page, echoed in the reply.
    pub id: u32,
    /// What to do.
    pub command: Command,
}

/// An evaluation error as data, for the editor (span) and the output (rendered text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Stable code (`E008`).
    pub code: String,
    /// The message's main line, as Nix words it.
    pub message: String,
    /// The whole error rendered like Nix on a terminal (trace, snippet, notes).
    pub rendered: String,
    /// Where: a file of the tree and a byte range in it, when the error has a position there.
    pub location: Option<Location>,
}

/// A byte range in one file of the tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// File name relative to the root (`overlay.nix`).
    pub file: String,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (bytes).
    pub col: u32,
}

/// What kind of value a node shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeKind {
    /// `null`, Booleans, numbers.
    Scalar,
    /// A string.
    String,
    /// A path.
    Path,
    /// A list (expandable).
    List,
    /// An attribute set (expandable).
    Attrs,
    /// A function or builtin.
    Function,
    /// Evaluating it failed: `text` is the message.
    Error,
    /// Not shown yet (beyond the eager budget); expand to force it.
    Lazy,
}

/// One value, shown one level deep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Handle to ask for its children.
    pub id: NodeId,
    /// What it is.
    pub kind: NodeKind,
    /// How it prints when not expanded (`42`, `"x"`, `«lambda»`, `{ … }`).
    pub text: String,
    /// Number of children (lists and sets).
    pub len: u32,
    /// Children already fetched (the first ones; `None` when not expanded yet).
    pub children: Option<Vec<Child>>,
    /// Why forcing it failed (kind [`NodeKind::Error`]).
    pub error: Option<ErrorInfo>,
}

/// A child of a list or set: its label and its node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Child {
    /// Attribute name (sets), `None` in lists.
    pub name: Option<String>,
    /// The value.
    pub node: Node,
}

/// What a command produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// Result of [`Command::Eval`]: the root node, or the error.
    Evaluated(Result<Node, ErrorInfo>),
    /// Result of [`Command::Expand`]: children from `start`.
    Expanded {
        /// The node expanded.
        node: NodeId,
        /// Index of the first child returned.
        start: u32,
        /// The children, or why forcing the node failed.
        children: Result<Vec<Child>, ErrorInfo>,
    },
    /// Text output (strict print, JSON, syntax tree), or its error.
    Text(Result<String, ErrorInfo>),
    /// A REPL answer: text, and whether it is an error.
    Repl {
        /// What to print.
        text: String,
        /// Whether it is an error message.
        is_error: bool,
    },
    /// The command named a node of a result that no longer exists.
    Stale,
    /// Result of [`Command::Derivations`].
    Derivations(Result<crate::drv::DrvReport, ErrorInfo>),
    /// Result of [`Command::Check`] (`Err`: no such lesson).
    Checked(Result<nixpad_lessons::CheckReport, String>),
    /// Result of [`Command::Example`].
    Example(nixpad_lessons::ExampleOutcome),
}

/// Everything the worker sends to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker's wasm is running and listening (sent once, first).
    Ready,
    /// The answer to request `id`.
    Done {
        /// The request's id.
        id: u32,
        /// What it produced.
        outcome: Outcome,
        /// `builtins.trace` lines printed while running it.
        trace: Vec<String>,
        /// Milliseconds spent in the evaluator.
        elapsed_ms: f64,
    },
    /// The worker panicked (a bug): the message; the worker is dead after this.
    Panic(String),
}
