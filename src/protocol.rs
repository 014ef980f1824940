//! Messages between the page and the evaluation worker, and what both sides share.
//!
//! The page owns no evaluator: it sends a [`Request`] and the worker answers with a
//! [`Reply`]. Both cross the worker boundary as plain JS objects (serde-wasm-bindgen), so
//! everything here is data: no `Value`s, only handles ([`NodeId`]) that name values the
//! worker keeps alive for the current result ([`ResultId`]).
//!
//! Every request gets exactly one answer the user can see: a [`Reply::Done`], or a
//! [`Reply::Refused`] when the worker could not read it; the page turns a request it could
//! not send into a failure of that request (`app::client`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// An error from the evaluator, as data (message, rendering, position in a file): the
/// lessons' type, so the playground, the REPL and the lesson checks share one.
pub use nixpad_lessons::EvalFailure as ErrorInfo;
/// A byte range in one file of the tree, with its 1-based line and column.
pub use nixpad_lessons::Location;

/// How an attribute name prints (bare when it is an identifier, else quoted): the worker's
/// REPL and the page's value tree print names the same way.
pub use nixpad_eval::format_attr_name as attr_name;

/// Most children returned by one expansion (the value tree asks for more page by page).
pub const PAGE: u32 = 200;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Chosen by the page for each request; the worker's answer carries it back.
    RequestId
);
id_type!(
    /// Names an evaluated result: the [`RequestId`] of the `Eval` request that made it.
    ResultId
);
id_type!(
    /// Names a value the worker keeps for the current result, so the page can expand it.
    NodeId
);

impl From<RequestId> for ResultId {
    fn from(id: RequestId) -> ResultId {
        ResultId(id.0)
    }
}

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
        /// The result that holds the node.
        result: ResultId,
        /// The node.
        node: NodeId,
        /// First child to return.
        start: u32,
        /// How many children at most.
        limit: u32,
    },
    /// The current result printed like `nix-instantiate --eval --strict`.
    PrintStrict {
        /// The result to print.
        result: ResultId,
    },
    /// The current result as `nix-instantiate --eval --json`.
    Json {
        /// The result to print.
        result: ResultId,
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
    /// A CycloneDX SBOM of one derivation of the current result (see [`Command::Derivations`]):
    /// the value itself (`root` empty), or its element `root` (an attribute name, `[i]`).
    Sbom {
        /// The result that holds it.
        result: ResultId,
        /// Which of its derivations.
        root: String,
    },
    /// The derivations of the current result (the value, or those in a set or list),
    /// with their inputs.
    Derivations {
        /// The result to look at.
        result: ResultId,
    },
    /// The options of the current result (a module system result: a set with `options`),
    /// for the options browser.
    Options {
        /// The result to look at.
        result: ResultId,
    },
    /// The rebuild impact of the current result (an overlay, overlays, a package set, or
    /// `{ before; after; }`) on the miniature nixpkgs.
    Impact {
        /// The result to look at.
        result: ResultId,
    },
    /// The files as a flake (`flake.nix` at the root): `nix flake show`, the lock file,
    /// `nix flake check`, the outputs' derivations and apps.
    Flake {
        /// All files of the tree.
        files: Vec<FileEntry>,
    },
    /// `nix flake init -t REFERENCE`: the template's files, to add to the tree.
    FlakeInit {
        /// `templates#trivial`, or `#NAME` for a template of the files' own flake.
        reference: String,
        /// All files of the tree.
        files: Vec<FileEntry>,
    },
    /// Runs a lesson's checks (`check.nix`) on the learner's files. The page sends the
    /// check itself: the worker holds no curriculum.
    Check {
        /// The lesson id (`language/strings`), echoed for the page.
        lesson: String,
        /// The text of the lesson's `check.nix`.
        check: String,
        /// The text of the shared check library (`lessons/lib/check.nix`), passed to the
        /// check as `check`; "" when the pack has none.
        library: String,
        /// Every file of the lesson: the learner's texts, and the read-only ones.
        files: Vec<FileEntry>,
        /// The lesson uses the miniature nixpkgs (`nixpkgs = true`): the worker loads it.
        #[serde(default)]
        nixpkgs: bool,
        /// The learner's files are a flake (`flake = true`).
        #[serde(default)]
        flake: bool,
        /// Nix's experimental features the lesson enables.
        #[serde(default)]
        experimental_features: Vec<String>,
    },
    /// Runs a prose example of a lesson, with the learner's files beside it.
    Example {
        /// The lesson id, echoed for the page.
        lesson: String,
        /// Which runnable example of the lesson (0-based), echoed for the page.
        index: u32,
        /// The example's code.
        code: String,
        /// The learner's files by name.
        files: Vec<FileEntry>,
        /// The lesson uses the miniature nixpkgs (`nixpkgs = true`).
        #[serde(default)]
        nixpkgs: bool,
        /// Nix's experimental features the lesson enables.
        #[serde(default)]
        experimental_features: Vec<String>,
    },
}

/// A command with the number the page gave it (replies carry it back).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the page, echoed in the reply.
    pub id: RequestId,
    /// What to do.
    pub command: Command,
    /// Nix's experimental features in force (the playground's settings), e.g.
    /// `ca-derivations`.
    #[serde(default)]
    pub experimental_features: Vec<String>,
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
        /// Whether the REPL is stopped at a `builtins.break` after this line.
        stopped: bool,
    },
    /// The command named a node of a result that no longer exists.
    Stale,
    /// Result of [`Command::Derivations`].
    Derivations(Result<crate::drv::DrvReport, ErrorInfo>),
    /// Result of [`Command::Options`].
    Options(Result<crate::options::OptionsReport, ErrorInfo>),
    /// Result of [`Command::Impact`].
    Impact(Result<crate::impact::ImpactReport, ErrorInfo>),
    /// Result of [`Command::Flake`].
    Flake(crate::flake::FlakeOverview),
    /// Result of [`Command::FlakeInit`].
    FlakeInit(Result<crate::flake::TemplateInit, String>),
    /// Result of [`Command::Check`].
    Checked(nixpad_lessons::CheckReport),
    /// Result of [`Command::Example`].
    Example(nixpad_lessons::ExampleOutcome),
    /// The request could not be carried out (the page shows why, where its answer goes).
    Failed(String),
}

/// Everything the worker sends to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker's wasm is running and listening (sent once, first).
    Ready,
    /// The answer to request `id`.
    Done {
        /// The request's id.
        id: RequestId,
        /// What it produced.
        outcome: Outcome,
        /// `builtins.trace` lines printed while running it.
        trace: Vec<String>,
        /// Milliseconds spent in the evaluator.
        elapsed_ms: f64,
    },
    /// The worker could not read a request: its id when that much was readable (else
    /// it is the oldest request in flight: requests are answered in order), and why.
    Refused {
        /// The request's id, if it could be read.
        id: Option<RequestId>,
        /// Why it could not be read.
        message: String,
    },
    /// The worker panicked (a bug): the message; the worker is dead after this.
    Panic(String),
}

impl Outcome {
    /// Its variant's name, for messages about an answer that came where it was not expected.
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::Evaluated(_) => "Evaluated",
            Outcome::Expanded { .. } => "Expanded",
            Outcome::Text(_) => "Text",
            Outcome::Repl { .. } => "Repl",
            Outcome::Stale => "Stale",
            Outcome::Derivations(_) => "Derivations",
            Outcome::Options(_) => "Options",
            Outcome::Impact(_) => "Impact",
            Outcome::Flake(_) => "Flake",
            Outcome::FlakeInit(_) => "FlakeInit",
            Outcome::Checked(_) => "Checked",
            Outcome::Example(_) => "Example",
            Outcome::Failed(_) => "Failed",
        }
    }
}

impl Command {
    /// Whether it starts a new evaluation (a newer one supersedes it).
    pub fn is_eval(&self) -> bool {
        matches!(self, Command::Eval { .. })
    }
}
