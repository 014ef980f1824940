//! The lowered-file cache (`EvalIO::cached_lowering` / `store_lowering`): every case of
//! the language corpus, and the package set, evaluated once to fill a cache and once
//! more from it, in a fresh thread (a fresh symbol table, as in another process) whose
//! names were interned in another order, must give the same output or the same error,
//! rendered with its positions. Damaged entries are refused and the file lowered again.
//! With file stamps (`EvalIO::source_stamp`), imported files come from the cache without
//! being read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use nixpad_eval::{EvalIO, Evaluator, FileType, Limits, MemoryIO, Origin, Settings};

/// Cache entries by fingerprint and key, shared between threads.
type Entries = Arc<Mutex<HashMap<(String, String), Vec<u8>>>>;

/// An in-memory file tree with an in-memory lowered-file cache that counts its hits,
/// and the files read.
struct CachingTree {
    tree: Arc<MemoryIO>,
    entries: Entries,
    hits: std::cell::Cell<usize>,
    reads: std::cell::Cell<usize>,
    /// Whether files have stamps (their length and a checksum of their bytes).
    stamps: bool,
    /// Changes each entry read (to check that damaged entries are refused).
    damage: Option<fn(&mut Vec<u8>)>,
}

impl EvalIO for CachingTree {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        self.reads.set(self.reads.get() + 1);
        self.tree.read_file(path)
    }
    fn source_stamp(&self, path: &str) -> Option<String> {
        let bytes = self.tree.read_file(path).ok().filter(|_| self.stamps)?;
        let sum = bytes.iter().fold(0u64, |h, &b| {
            h.wrapping_mul(1_000_003).wrapping_add(u64::from(b))
        });
        Some(format!("{}:{sum:x}", bytes.len()))
    }
    fn file_type(&self, path: &str) -> Option<FileType> {
        self.tree.file_type(path)
    }
    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String> {
        self.tree.read_dir(path)
    }
    fn read_link(&self, path: &str) -> Result<String, String> {
        self.tree.read_link(path)
    }
    fn env_var(&self, name: &str) -> Option<String> {
        self.tree.env_var(name)
    }
    fn keeps_lowerings(&self) -> bool {
        true
    }
    fn cached_lowering(&self, fingerprint: &str, key: &str) -> Option<Vec<u8>> {
        let mut bytes = self
            .entries
            .lock()
            .unwrap()
            .get(&(fingerprint.to_string(), key.to_string()))?
            .clone();
        self.hits.set(self.hits.get() + 1);
        if let Some(damage) = self.damage {
            damage(&mut bytes);
        }
        Some(bytes)
    }
    fn store_lowering(&self, fingerprint: &str, key: &str, bytes: &[u8]) {
        self.entries
            .lock()
            .unwrap()
            .insert((fingerprint.to_string(), key.to_string()), bytes.to_vec());
    }
}

fn load_tree(io: &mut MemoryIO, dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            load_tree(io, &path);
        } else {
            io.add_file(
                &path.to_string_lossy(),
                std::fs::read(&path).expect("a file"),
            );
        }
    }
}

/// How one evaluation went.
struct Outcome {
    /// What it printed, or its rendered error.
    out: String,
    /// Entries the cache gave.
    hits: usize,
    /// Files read.
    reads: usize,
}

/// Evaluates `source` over `tree` with the cache `entries` (damaged by `damage`, files
/// stamped if `stamps`).
fn evaluate(
    tree: &Arc<MemoryIO>,
    entries: &Entries,
    damage: Option<fn(&mut Vec<u8>)>,
    stamps: bool,
    source: &str,
) -> Outcome {
    let io = Rc::new(CachingTree {
        tree: tree.clone(),
        entries: entries.clone(),
        hits: Default::default(),
        reads: Default::default(),
        stamps,
        damage,
    });
    let settings = Settings {
        nix_path: vec![("nixpkgs".into(), nixpkgs().display().to_string())],
        ..Settings::default()
    };
    let mut ev = Evaluator::new(io.clone(), settings, Limits::default());
    let out = match ev
        .eval_source(source, Origin::String, "/")
        .and_then(|v| ev.print(&v, true))
    {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => ev.render_error(&e),
    };
    Outcome {
        out,
        hits: io.hits.get(),
        reads: io.reads.get(),
    }
}

/// Interns `names` in reverse order, so that symbols compare differently from the
/// thread that filled the cache.
fn intern_reversed(tree: &Arc<MemoryIO>, names: &[String]) {
    let fields: String = names
        .iter()
        .rev()
        .map(|n| format!("\"{n}\" = 0; "))
        .collect();
    let out = evaluate(
        tree,
        &Entries::default(),
        None,
        false,
        &format!("{{ {fields}}}"),
    )
    .out;
    assert!(out.starts_with('{'), "{out}");
}

/// The identifiers of the Nix file `path`, or of the Nix files below it.
fn identifiers(path: &Path, out: &mut Vec<String>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("a readable folder") {
            identifiers(&entry.expect("an entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "nix") {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || "_-'".contains(c))) {
            if word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                out.push(word.to_string());
            }
        }
    }
}

/// Evaluates each of `sources` (with the folder or file whose names matter) to fill a
/// cache, then again from it in fresh threads (with those names interned in reverse
/// order), without and with file stamps, and every `damage_every`th one with damaged
/// entries; returns the differences.
fn check_from_cache(
    dirs: &[PathBuf],
    sources: Vec<(String, PathBuf)>,
    damage_every: usize,
) -> Vec<String> {
    let mut io = MemoryIO::new();
    for dir in dirs {
        load_tree(&mut io, dir);
    }
    let tree = Arc::new(io);
    let mut problems = Vec::new();
    let mut total_hits = 0;
    let (mut fresh_reads, mut stamped_reads) = (0, 0);
    for (index, (source, names_from)) in sources.into_iter().enumerate() {
        let mut names = Vec::new();
        identifiers(&names_from, &mut names);
        names.sort();
        names.dedup();
        let entries = Entries::default();
        let run =
            |entries: &Entries, damage: Option<fn(&mut Vec<u8>)>, stamps: bool, reorder: bool| {
                let (tree, entries, names, source) =
                    (tree.clone(), entries.clone(), names.clone(), source.clone());
                std::thread::Builder::new()
                    .stack_size(256 << 20)
                    .spawn(move || {
                        if reorder {
                            intern_reversed(&tree, &names);
                        }
                        evaluate(&tree, &entries, damage, stamps, &source)
                    })
                    .expect("a thread")
                    .join()
                    .expect("no panic")
            };
        // Fills the cache, with the entries kept by content and by stamp.
        run(&entries, None, true, false);
        // What a fresh lowering gives with the names in the other order (which decides,
        // say, where an infinite recursion in a `rec` set is noticed).
        let fresh = run(&Entries::default(), None, false, true);
        fresh_reads += fresh.reads;
        let fresh = fresh.out;
        for stamps in [false, true] {
            let cached = run(&entries, None, stamps, true);
            total_hits += cached.hits;
            if stamps {
                stamped_reads += cached.reads;
            }
            if cached.out != fresh {
                let cached = cached.out;
                problems.push(format!(
                    "{source} (stamps: {stamps})\n  fresh:  {fresh}\n  cached: {cached}"
                ));
            }
        }
        let flip: fn(&mut Vec<u8>) = |b| {
            let at = b.len() / 2;
            b[at] ^= 0x55;
        };
        let cut: fn(&mut Vec<u8>) = |b| b.truncate(b.len() * 2 / 3);
        let damages = if index % damage_every == 0 {
            vec![flip, cut]
        } else {
            vec![]
        };
        for (damage, stamps) in damages.into_iter().flat_map(|d| [(d, false), (d, true)]) {
            let damaged = run(&entries, Some(damage), stamps, true).out;
            if damaged != fresh {
                problems.push(format!(
                    "{source} (damaged entries)\n  fresh: {fresh}\n  got:   {damaged}"
                ));
            }
        }
    }
    assert!(total_hits > 0, "the cache was never used");
    assert!(
        stamped_reads < fresh_reads,
        "files with stamps were read anyway ({stamped_reads} reads, {fresh_reads} without the cache)"
    );
    problems
}

#[test]
fn every_corpus_case_evaluates_alike_from_the_cache() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang");
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .map(|p| (format!("import {}", p.display()), p))
        .collect();
    cases.sort();
    assert!(cases.len() > 1000, "the corpus is missing");
    let problems = check_from_cache(&[dir], cases, 10);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The package set's folder.
fn nixpkgs() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.join("nixpkgs-lite")
        .canonicalize()
        .expect("nixpkgs-lite")
}

#[test]
fn the_package_set_evaluates_alike_from_the_cache() {
    let pkgs = nixpkgs();
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../nixpad-pkgs/tests")
        .canonicalize()
        .expect("its tests");
    let overlays = format!(
        "[ (import {0}/overlays/security-patch.nix) (import {0}/overlays/features.nix) ]",
        tests.display()
    );
    let sources = vec![
        (
            format!("(import {} {{ }}).hello.drvPath", pkgs.display()),
            pkgs.clone(),
        ),
        (
            format!(
                "import {}/all-drv-paths.nix {{ overlays = {overlays}; }}",
                tests.display()
            ),
            pkgs.clone(),
        ),
    ];
    let problems = check_from_cache(&[pkgs, tests], sources, 1);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
