//! nixpad-lessons: Nixpad's lesson engine.
//!
//! A lesson is a folder `lessons/CHAPTER/LESSON/` with a `lesson.md` (TOML front matter
//! between `+++` lines, then Markdown), `starter/` and `solution/` files and a `check.nix`
//! written in Nix (the format is documented for lesson authors in `lessons/README.md`).
//!
//! # Invariants
//! - **Pure.** The crate never touches a filesystem, a clock or the DOM. Lesson folders come
//!   in as a [`FileTree`] (the CLI reads the disk), learner code goes to the evaluator
//!   through a [`nixpad_eval::MemoryIO`]. It builds for `wasm32-unknown-unknown`.
//! - **Never panics on input.** Bad front matter, missing files, a broken `check.nix`,
//!   corrupt progress JSON: each becomes a [`Problem`], an [`EvalFailure`] or an error value.
//! - **Bounded.** Every check run and example has a step budget ([`CheckOptions::fuel`]):
//!   an infinite loop in an exercise ends as a failed check.
//! - **Safe prose.** Markdown becomes a [`Document`] tree with no raw HTML and only
//!   `http(s):`, `mailto:`, `#anchor` and `lesson:ID` links.
//!
//! # Using it from the web app
//!
//! The page fetches the curriculum when a lesson is opened, from a pack made by `nixpad
//! lessons pack lessons -o curriculum.pack` (the build puts it in `dist/`):
//!
//! ```
//! # let bytes = nixpad_lessons::Curriculum::default().to_pack();
//! use nixpad_lessons::Curriculum;
//! let curriculum = Curriculum::from_pack(&bytes).expect("a valid pack");
//! for chapter in &curriculum.chapters {
//!     for lesson in &chapter.lessons {
//!         // lesson.id ("language/strings") is the deep-link route and the progress key;
//!         // lesson.document is the prose, lesson.hints the hints, lesson.files the editor tabs.
//!         let _ = (curriculum.next(&lesson.id), curriculum.previous(&lesson.id));
//!     }
//! }
//! ```
//!
//! The **worker** (which also runs the playground) checks an attempt: the page sends it
//! the lesson's `check.nix` and every file of the lesson ([`run_check`]), so the worker
//! holds no curriculum. Natively, [`Lesson::check`] does the same from a loaded lesson:
//!
//! ```
//! use nixpad_lessons::{load, CheckOptions, CheckStatus, FileTree};
//! # let mut tree = FileTree::new();
//! # tree.insert("01-a/chapter.toml".into(), b"title = \"A\"\nsummary = \"S\"\n".to_vec());
//! # tree.insert("01-a/01-b/lesson.md".into(), b"+++\ntitle = \"B\"\nsummary = \"S\"\nfiles = [\"main.nix\"]\nhints = [\"h\"]\n+++\nText\n".to_vec());
//! # tree.insert("01-a/01-b/starter/main.nix".into(), b"{ x = 0; }".to_vec());
//! # tree.insert("01-a/01-b/solution/main.nix".into(), b"{ x = 1; }".to_vec());
//! # tree.insert("01-a/01-b/check.nix".into(), b"{ files, ... }: [ { name = \"x is 1\"; expected = 1; actual = files.\"main.nix\".x; hint = 1; } ]".to_vec());
//! # let curriculum = load(&tree).curriculum;
//! let lesson = curriculum.lesson("a/b").unwrap();
//! let mut files = lesson.starter_files();          // or the editor's current texts
//! files.insert("main.nix".into(), "{ x = 2; }".into());
//! let report = lesson.check(&files, &CheckOptions::default());
//! assert!(!report.passed);
//! let c = &report.checks[0];
//! assert_eq!((c.status, c.expected.as_deref(), c.actual.as_deref()), (CheckStatus::Failed, Some("1"), Some("2")));
//! assert_eq!(report.suggested_hint(), Some(0));
//! // report.error / c.error carry `EvalFailure { location: Some(Location { file, start, end, .. }), rendered, .. }`
//! // for the editor to underline; CheckReport is serde-serialisable for the worker message.
//! ```
//!
//! Runnable prose examples go through [`run_example`] (same budget, prints like
//! `nix-instantiate --eval --strict`), with the lesson's starter files beside them.
//!
//! The **page** keeps a [`Progress`] in localStorage: read it at start with
//! [`Progress::from_json_lossy`] (a corrupt entry is dropped with a warning, never a crash),
//! update it with [`Progress::record_attempt`], [`Progress::show_next_hint`],
//! [`Progress::reveal_solution`] (allowed after a failed attempt) and [`Progress::set_code`],
//! write [`Progress::to_json`] back; export is `to_json`, import is
//! [`Progress::from_json`] (all-or-nothing, with a clear error) then [`Progress::merge`];
//! reset is [`Progress::reset`] or [`Progress::reset_lesson`]. [`Progress::chapters`] gives
//! done/total per chapter and [`Progress::first_unfinished`] the lesson to continue with.
//!
//! Timing: a check run is one fresh evaluator (about 2 ms to create under wasm32). The
//! slowest lesson of the curriculum checks in about 0.2 ms natively (`nixpad lessons
//! bench`) and 12 ms in optimised wasm32 under node (`tests/wasm_checks.rs`).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod check;
mod definitions;
mod flake_mode;
mod markdown;
mod model;
mod pretty;
mod progress;
mod syntax;
mod tree;
mod validate;

pub use check::{
    failure, hidden_inputs, run_check, run_example, CheckCode, CheckIO, CheckOptions, CheckReport,
    CheckResult, CheckStatus, EvalFailure, ExampleOutcome, FailureSource, Files, FlakeSummary,
    Location, PackageSet, NIXPKGS_ROOT,
};
pub use definitions::module_error_location;
pub use flake_mode::{load_flake, LoadedFlake};
pub use markdown::{
    is_safe_url, parse_markdown, Block, CodeBlock, Document, Inline, EXPECT_ERROR, RUNNABLE,
};
pub use model::{
    load, split_front_matter, Chapter, Curriculum, KnownAnswer, Lesson, LessonFile, Loaded,
    PackError, Position, LIBRARY_FILE, MAX_PACK_BYTES, PACK_FORMAT, PACK_VERSION,
};
pub use pretty::{attr_name, pretty, quote, PrettyLimits};
pub use progress::{
    ChapterProgress, LessonProgress, Progress, ProgressError, MAX_FILE_BYTES, MAX_PROGRESS_BYTES,
    PROGRESS_FORMAT, PROGRESS_VERSION,
};
pub use syntax::{syntax_view, SyntaxView, CONSTRUCTS};
pub use tree::{FileTree, Problem};
pub use validate::{merge_verdict, problems_by_dir, validate, validate_lesson, Verdict, MIN_HINTS};
