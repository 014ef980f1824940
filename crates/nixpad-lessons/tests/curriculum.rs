//! The real curriculum in `lessons/`: it validates, it is big enough, and — when real Nix
//! is available (`NIX_ORACLE`, or `../shared/tools/nix-oracle` beside the repository) —
//! every runnable example prints what real Nix prints and every reference solution passes
//! its checks under real Nix too, so the values learners see (store paths included) are
//! the ones real Nix computes.

use std::path::{Path, PathBuf};
use std::process::Command;

use nixpad_lessons::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")
}

fn read_tree(dir: &Path, prefix: &str, out: &mut FileTree) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if e.path().is_dir() {
            read_tree(&e.path(), &rel, out);
        } else {
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
}

fn curriculum() -> (FileTree, Curriculum) {
    let mut tree = FileTree::new();
    read_tree(&root(), "", &mut tree);
    let loaded = load(&tree);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    (tree, loaded.curriculum)
}

#[test]
fn curriculum_is_complete_and_validates() {
    let (tree, c) = curriculum();
    assert!(c.lesson_count() >= 25, "only {} lessons", c.lesson_count());
    assert_eq!(c.chapters[0].id, "language");
    assert_eq!(c.chapters[1].id, "derivations");
    for l in c.lessons() {
        assert!(l.hints.len() >= 2, "{} has fewer than two hints", l.id);
        assert!(!l.document.blocks.is_empty(), "{} has no text", l.id);
    }
    let failures: Vec<String> = validate(&tree, &CheckOptions::default())
        .into_iter()
        .filter(|v| !v.ok())
        .map(|v| format!("{}: {}", v.dir, v.failures.join("\n")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // The pack the web app loads reads back to the same curriculum.
    assert_eq!(Curriculum::from_pack_json(&c.to_pack_json()).unwrap(), c);
}

fn oracle() -> Option<String> {
    let path = std::env::var("NIX_ORACLE").ok().unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/tools/nix-oracle")
            .to_string_lossy()
            .into_owned()
    });
    Path::new(&path).exists().then_some(path)
}

/// Runs real Nix on a file; `Ok(stdout)` or `Err(stderr)`.
fn real_nix(oracle: &str, file: &Path) -> Result<String, String> {
    let out = Command::new("timeout")
        .args([
            "-s",
            "KILL",
            "60",
            oracle,
            "nix-instantiate",
            "--store",
            "dummy://",
            "--eval",
            "--strict",
        ])
        .arg(file)
        .output()
        .expect("run the oracle");
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn scratch(lesson: &Lesson, files: &std::collections::BTreeMap<String, String>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "nixpad-lessons-{}-{}",
        std::process::id(),
        lesson.id.replace('/', "-")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn examples_and_solutions_agree_with_real_nix() {
    let Some(oracle) = oracle() else {
        eprintln!("real Nix (NIX_ORACLE) not found: comparison with real Nix not run");
        return;
    };
    let (_, c) = curriculum();
    let mut mismatches = Vec::new();
    for lesson in c.lessons() {
        // Runnable examples: nixpad's output is real Nix's output.
        let starter = lesson.starter_files();
        for ex in lesson.document.runnable_examples() {
            let dir = scratch(lesson, &starter);
            std::fs::write(dir.join("example.nix"), &ex.code).unwrap();
            let real = real_nix(&oracle, &dir.join("example.nix"));
            let ours = run_example(&ex.code, &starter, CheckOptions::default().fuel);
            match (&real, &ours.output) {
                (Ok(r), Some(o)) if r == o => {}
                (Err(_), None) if ex.expect_error => {}
                _ => mismatches.push(format!(
                    "{} line {}:\n  real Nix: {:?}\n  nixpad:   {:?}",
                    lesson.id,
                    ex.line,
                    real,
                    ours.output
                        .ok_or_else(|| ours.error.map(|e| e.rendered).unwrap_or_default())
                )),
            }
            let _ = std::fs::remove_dir_all(&dir);
        }
        // The reference solution passes every check under real Nix.
        let mut files = lesson.solution_files();
        files.insert("check.nix".into(), lesson.check.clone());
        let nix_files: Vec<&String> = files
            .keys()
            .filter(|n| n.ends_with(".nix") && *n != "check.nix")
            .collect();
        let imports: String = nix_files
            .iter()
            .map(|n| format!("\"{n}\" = import ./{n}; "))
            .collect();
        let sources: String = files
            .keys()
            .filter(|n| *n != "check.nix")
            .map(|n| format!("\"{n}\" = builtins.readFile ./{n}; "))
            .collect();
        let driver = format!(
            "let checks = import ./check.nix {{ files = {{ {imports}}}; sources = {{ {sources}}}; }}; in \
             map (c: c.name) (builtins.filter (c: !(if c ? ok then c.ok else c.actual == c.expected)) checks)"
        );
        files.insert("driver.nix".into(), driver);
        let dir = scratch(lesson, &files);
        match real_nix(&oracle, &dir.join("driver.nix")) {
            Ok(out) if out == "[ ]" => {}
            other => mismatches.push(format!(
                "{}: the solution under real Nix: {other:?}",
                lesson.id
            )),
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}
