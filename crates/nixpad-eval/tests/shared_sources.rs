//! Evaluators that share the lowering of a folder's files (`SharedSources`): the second
//! one reuses what the first lowered, gets the same values, and its errors still point at
//! the right file, line and column.

use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings, SharedSources};

fn io() -> Rc<MemoryIO> {
    let mut io = MemoryIO::new();
    io.add_file(
        "/lib/default.nix",
        b"{ double = x: x * 2; broken = x: x + \"a\"; }\n".to_vec(),
    );
    io.add_file(
        "/user.nix",
        b"let lib = import /lib; in lib.double 21\n".to_vec(),
    );
    Rc::new(io)
}

fn run(ev: &mut Evaluator, src: &str) -> Result<String, String> {
    ev.eval_source(src, Origin::String, "/")
        .and_then(|v| ev.print(&v, true))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| ev.render_error(&e))
}

#[test]
fn a_second_evaluator_reuses_the_lowering_and_reports_positions_in_shared_files() {
    let shared = SharedSources::new("/lib/");
    let mut first =
        Evaluator::with_shared_sources(io(), Settings::default(), Limits::default(), &shared);
    assert_eq!(run(&mut first, "import /user.nix"), Ok("42".into()));
    assert_eq!(shared.len(), 1, "only the file under the prefix is shared");
    let mut second =
        Evaluator::with_shared_sources(io(), Settings::default(), Limits::default(), &shared);
    assert_eq!(run(&mut second, "import /user.nix"), Ok("42".into()));
    assert_eq!(shared.len(), 1, "lowered once");
    // An error inside the shared file, raised by the second evaluator.
    let err = run(&mut second, "(import /lib).broken 1").unwrap_err();
    assert!(err.contains("cannot add a string to an integer"), "{err}");
    assert!(err.contains("at /lib/default.nix:1:38:"), "{err}");
    // The same as an evaluator that shares nothing.
    let mut alone = Evaluator::new(io(), Settings::default(), Limits::default());
    assert_eq!(run(&mut alone, "(import /lib).broken 1").unwrap_err(), err);
}

#[test]
fn a_changed_file_is_lowered_again() {
    let shared = SharedSources::new("/lib/");
    let mut first =
        Evaluator::with_shared_sources(io(), Settings::default(), Limits::default(), &shared);
    assert_eq!(run(&mut first, "import /user.nix"), Ok("42".into()));
    let mut other = MemoryIO::new();
    other.add_file("/lib/default.nix", b"{ double = x: x * 3; }\n".to_vec());
    let mut second = Evaluator::with_shared_sources(
        Rc::new(other),
        Settings::default(),
        Limits::default(),
        &shared,
    );
    assert_eq!(run(&mut second, "(import /lib).double 2"), Ok("6".into()));
}

#[test]
fn evaluators_that_lower_differently_do_not_share() {
    let shared = SharedSources::new("/lib/");
    let mut first =
        Evaluator::with_shared_sources(io(), Settings::default(), Limits::default(), &shared);
    assert_eq!(run(&mut first, "import /user.nix"), Ok("42".into()));
    // Another home directory changes how `~/x` paths lower: this evaluator lowers alone.
    let settings = Settings {
        home: Some("/elsewhere".into()),
        ..Settings::default()
    };
    let mut second = Evaluator::with_shared_sources(io(), settings, Limits::default(), &shared);
    assert_eq!(run(&mut second, "import /user.nix"), Ok("42".into()));
    assert_eq!(shared.len(), 1);
}

/// A file tree whose files have a stamp (here, the text's length) and which counts the
/// files it reads.
struct StampedTree {
    tree: MemoryIO,
    reads: std::cell::Cell<usize>,
}

impl nixpad_eval::EvalIO for StampedTree {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        self.reads.set(self.reads.get() + 1);
        self.tree.read_file(path)
    }
    fn file_type(&self, path: &str) -> Option<nixpad_eval::FileType> {
        self.tree.file_type(path)
    }
    fn read_dir(&self, path: &str) -> Result<Vec<(String, nixpad_eval::FileType)>, String> {
        self.tree.read_dir(path)
    }
    fn read_link(&self, path: &str) -> Result<String, String> {
        self.tree.read_link(path)
    }
    fn env_var(&self, name: &str) -> Option<String> {
        self.tree.env_var(name)
    }
    fn source_stamp(&self, path: &str) -> Option<String> {
        self.tree.read_file(path).ok().map(|t| t.len().to_string())
    }
}

#[test]
fn a_shared_file_whose_stamp_is_unchanged_is_not_read_again() {
    let shared = SharedSources::new("/lib/");
    let tree = |text: &str| {
        let mut tree = MemoryIO::new();
        tree.add_file("/lib/default.nix", text.as_bytes().to_vec());
        Rc::new(StampedTree {
            tree,
            reads: Default::default(),
        })
    };
    let evaluate = |io: &Rc<StampedTree>, src: &str| {
        let mut ev = Evaluator::with_shared_sources(
            io.clone(),
            Settings::default(),
            Limits::default(),
            &shared,
        );
        run(&mut ev, src)
    };
    let first = tree("{ double = x: x * 2; }\n");
    assert_eq!(evaluate(&first, "(import /lib).double 2"), Ok("4".into()));
    assert_eq!(first.reads.get(), 1);
    let same = tree("{ double = x: x * 2; }\n");
    assert_eq!(evaluate(&same, "(import /lib).double 3"), Ok("6".into()));
    assert_eq!(same.reads.get(), 0, "the stamp says the file is unchanged");
    // Another stamp: the file is read again, and its new text counts.
    let changed = tree("{ double = x: x * 2 + 1; }\n");
    assert_eq!(evaluate(&changed, "(import /lib).double 3"), Ok("7".into()));
    assert_eq!(changed.reads.get(), 1);
}
