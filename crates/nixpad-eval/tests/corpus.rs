//! The data-driven language corpus, one test per case: `tests/lang/eval-okay-*.nix` must
//! print the `.exp` text (as `nix-instantiate --eval --strict`), `eval-fail-*.nix` must
//! fail with the message in `.exp` (the innermost `error:` line). Expectations come from
//! real Nix (`scripts/regen-corpus.sh`). A case is named by its file
//! (`cargo test -p nixpad-eval --test corpus eval-okay-attrs-update`).

mod support;

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use libtest_mimic::{Arguments, Failed, Trial};
use nixpad_eval::{EvalIO, Evaluator, FileType, Limits, MemoryIO, Settings};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang")
}

/// Loads every file below `dir` into an in-memory tree at the same absolute paths.
fn load_tree(io: &mut MemoryIO, dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("corpus directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            load_tree(io, &path);
        } else {
            io.add_file(
                &path.to_string_lossy(),
                std::fs::read(&path).expect("read corpus file"),
            );
        }
    }
}

/// The corpus tree, loaded once and shared by every case's evaluator.
struct SharedTree(Arc<MemoryIO>);

impl EvalIO for SharedTree {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        self.0.read_file(path)
    }
    fn file_type(&self, path: &str) -> Option<FileType> {
        self.0.file_type(path)
    }
    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String> {
        self.0.read_dir(path)
    }
    fn read_link(&self, path: &str) -> Result<String, String> {
        self.0.read_link(path)
    }
    fn env_var(&self, name: &str) -> Option<String> {
        self.0.env_var(name)
    }
}

/// Runs one case; `Err` says how it differs from real Nix.
fn run_case(tree: Arc<MemoryIO>, path: &Path) -> Result<(), String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    // Bytes: a printed string may hold bytes that are not UTF-8, as Nix prints them.
    let expected_bytes = std::fs::read(path.with_extension("exp"))
        .map_err(|_| format!("{name}: missing .exp file"))?;
    let expected = String::from_utf8_lossy(&expected_bytes).into_owned();
    let settings = Settings {
        experimental_features: support::experimental_features(path),
        // Any home folder: the cases that use `~/` print paths relative to it.
        home: Some("/home/corpus".into()),
        ..Settings::default()
    };
    let mut ev = Evaluator::new(Rc::new(SharedTree(tree)), settings, Limits::default());
    let result = ev
        .eval_file(&path.to_string_lossy())
        .and_then(|v| ev.print(&v, true));
    let okay = name.starts_with("eval-okay-");
    match (okay, result) {
        (true, Ok(mut out)) => {
            out.push(b'\n');
            if out == expected_bytes {
                Ok(())
            } else {
                Err(format!(
                    "expected: {}\ngot:      {}",
                    expected.trim_end(),
                    String::from_utf8_lossy(&out).trim_end()
                ))
            }
        }
        (true, Err(e)) => Err(format!(
            "expected: {}\nerror:    {}",
            expected.trim_end(),
            e.message()
        )),
        (false, Ok(out)) => Err(format!(
            "expected failure `{}` but got {}",
            expected.trim_end(),
            String::from_utf8_lossy(&out)
        )),
        (false, Err(e)) => {
            // Paths under the corpus folder are written `CORPUS/…` in `.exp` files, so that
            // they do not depend on where the repository is checked out.
            let folder = path.parent().unwrap().to_string_lossy().into_owned();
            let got = e.message().replace(&folder, "CORPUS");
            let got = got.lines().next().unwrap_or("");
            if got == expected.trim_end_matches('\n') {
                Ok(())
            } else {
                Err(format!(
                    "expected error: {}\ngot error:      {got}",
                    expected.trim_end()
                ))
            }
        }
    }
}

fn main() {
    let args = Arguments::from_args();
    let dir = corpus_dir();
    let mut io = MemoryIO::new();
    load_tree(&mut io, &dir);
    let tree = Arc::new(io);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .collect();
    cases.sort();
    assert!(cases.len() > 1000, "the corpus is missing: {}", cases.len());
    let trials = cases
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let tree = tree.clone();
            Trial::test(name, move || {
                // Deeply nested cases need more than a test thread's stack natively.
                std::thread::Builder::new()
                    .stack_size(256 << 20)
                    .spawn(move || run_case(tree, &path))
                    .expect("spawn a case thread")
                    .join()
                    .map_err(|_| Failed::from("the evaluator panicked"))?
                    .map_err(Failed::from)
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
