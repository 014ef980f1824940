//! The real curriculum in `lessons/`: it validates, it is big enough, and — when real Nix
//! is available (`NIX_ORACLE`, or `../shared/tools/nix-oracle` beside the repository) —
//! every runnable example prints what real Nix prints, and the reference solution, every
//! alternative and every wrong answer get the same check results under real Nix as under
//! Nixpad (solutions and alternatives pass everything), so the values learners see (store
//! paths included) are the ones real Nix computes.

use std::path::{Path, PathBuf};
use std::process::Command;

use nixpad_lessons::*;

mod support;
use support::read_tree;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")
}

/// Check options with the miniature nixpkgs loaded, as the CLI and the web app run lessons.
fn options() -> CheckOptions {
    CheckOptions {
        package_set: Some(std::rc::Rc::new(PackageSet::from_files(
            nixpad_pkgs::files().iter().map(|(p, b)| (*p, *b)),
        ))),
        ..CheckOptions::default()
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
        assert!(
            l.hints.len() >= MIN_HINTS,
            "{} has fewer than three hints",
            l.id
        );
        assert!(!l.document.blocks.is_empty(), "{} has no text", l.id);
    }
    let failures: Vec<String> = validate(&tree, &options())
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

/// Runs real Nix on a file for a lesson (with `<nixpkgs>` the repository's nixpkgs-lite
/// when the lesson uses it, and the experimental features it enables); `Ok(stdout)` or
/// `Err(stderr)`.
fn real_nix(oracle: &str, file: &Path, lesson: &Lesson) -> Result<String, String> {
    let mut search = vec![
        "--extra-experimental-features".to_string(),
        lesson.experimental_features.join(" "),
    ];
    if lesson.nixpkgs {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../nixpkgs-lite");
        search.extend(["-I".to_string(), format!("nixpkgs={}", folder.display())]);
    }
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
        .args(&search)
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
        write_file(&dir.join(name), text);
    }
    dir
}

/// Writes a file, making its folder first (lesson files may be in folders).
fn write_file(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn examples_and_solutions_agree_with_real_nix() {
    let Some(oracle) = oracle() else {
        eprintln!("real Nix (NIX_ORACLE) not found: comparison with real Nix not run");
        return;
    };
    let (_, c) = curriculum();
    let mut mismatches = Vec::new();
    // `LESSONS=flakes/` compares only the lessons whose id starts so (while writing them).
    let only = std::env::var("LESSONS").unwrap_or_default();
    for lesson in c.lessons().filter(|l| l.id.starts_with(&only)) {
        // Runnable examples: nixpad's output is real Nix's output.
        let starter = lesson.starter_files();
        for ex in lesson.document.runnable_examples() {
            let dir = scratch(lesson, &starter);
            std::fs::write(dir.join("example.nix"), &ex.code).unwrap();
            let real = real_nix(&oracle, &dir.join("example.nix"), lesson);
            let ours = run_example(
                &ex.code,
                &starter,
                lesson.nixpkgs,
                &lesson.options(&options()),
            );
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
        // The solution, the alternatives and the wrong answers: the same checks pass.
        let mut answers = vec![("the solution".to_string(), lesson.solution_files())];
        for a in &lesson.alternatives {
            answers.push((format!("alternative '{}'", a.name), lesson.answer_files(a)));
        }
        for w in &lesson.wrong {
            answers.push((format!("wrong answer '{}'", w.name), lesson.answer_files(w)));
        }
        for (what, files) in answers {
            // Real Nix cannot read error messages (tryEval hides them): a `throws` check
            // that failed only because the message did not match ("error: …" as its
            // actual value) counts as passed there.
            let ours: Vec<bool> = lesson
                .check(&files, &options())
                .checks
                .iter()
                .map(|c| {
                    c.status == CheckStatus::Passed
                        || (c.status == CheckStatus::Failed
                            && c.actual
                                .as_deref()
                                .is_some_and(|a| a.starts_with("error: ")))
                })
                .collect();
            match checks_under_real_nix(&oracle, lesson, &files, ours.len()) {
                Ok(real) if real == ours => {}
                Ok(real) => mismatches.push(format!(
                    "{}: {what}: checks passed under real Nix {real:?}, under nixpad {ours:?}",
                    lesson.id
                )),
                Err(e) => mismatches.push(format!("{}: {what} under real Nix: {e}", lesson.id)),
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}

/// Which checks pass for `files` under real Nix, in order. The driver mirrors Nixpad's:
/// the same `syntax` views (computed by Nixpad: they are inputs), the library, and
/// `importWith` served from real folders holding the hidden inputs the checks use.
fn checks_under_real_nix(
    oracle: &str,
    lesson: &Lesson,
    files: &std::collections::BTreeMap<String, String>,
    count: usize,
) -> Result<Vec<bool>, String> {
    let quote = |s: &str| {
        format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('$', "\\$")
                .replace('\n', "\\n")
                .replace('\r', "\\r")
                .replace('\t', "\\t")
        )
    };
    let mut all = files.clone();
    all.insert("check.nix".into(), lesson.check.clone());
    all.insert("lib-check.nix".into(), lesson.check_library.clone());
    let learner: Vec<&String> = files.keys().collect();
    let mut imports = String::new();
    let mut sources = String::new();
    let mut syntax = String::new();
    for name in &learner {
        if name.ends_with(".nix") {
            imports.push_str(&format!("{} = import ./{name}; ", quote(name)));
            syntax.push_str(&format!(
                "{} = {}; ",
                quote(name),
                syntax_view(&files[*name]).to_nix()
            ));
        }
        sources.push_str(&format!("{} = builtins.readFile ./{name}; ", quote(name)));
    }
    let dir = scratch(lesson, &all);
    let mut overlays = String::new();
    let overrides = hidden_inputs(lesson.check_code(), files, &lesson.options(&options()));
    for (i, set) in overrides.iter().enumerate() {
        let folder = dir.join(".with").join(i.to_string());
        std::fs::create_dir_all(&folder).unwrap();
        for (name, text) in files.iter().chain(set.iter()) {
            write_file(&folder.join(name), text);
        }
        let json = serde_json::to_string(set).unwrap();
        overlays.push_str(&format!("{} = \"{i}\"; ", quote(&json)));
    }
    // A flake lesson: the check also gets `flake`. Its report (lock, show, check) is
    // Nixpad's, an input like `syntax`; its outputs are the same call of `outputs`, which
    // real Nix evaluates over copies of the sources (flake semantics themselves are
    // compared with real Nix in nixpad-cli's flake_oracle test).
    let flake_arg = if lesson.flake {
        let loaded = load_flake(files, &options()).expect("a package set");
        std::fs::write(dir.join("flake-report.json"), &loaded.report).unwrap();
        if let (Some(expression), Some(store)) = (&loaded.expression, &loaded.store) {
            let store_copy = dir.join("store");
            let mut expression = expression.clone();
            for token in expression.clone().split('"') {
                let Some(rest) = token.strip_prefix("/nix/store/") else {
                    continue;
                };
                let name = rest.split('/').next().unwrap();
                copy_store_tree(
                    &**store,
                    &format!("/nix/store/{name}"),
                    &store_copy.join(name),
                );
            }
            // Outside the store, a path string cannot refer to a store path.
            expression =
                expression.replace(nixpad_flake::IN_STORE_BINDING, "inStore = path: _: path;");
            expression = expression.replace("/nix/store/", &format!("{}/", store_copy.display()));
            std::fs::write(dir.join("call-flake.nix"), expression).unwrap();
        }
        " flake = let report = builtins.fromJSON (builtins.readFile ./flake-report.json); in            report // { outputs = if report.error == null then import ./call-flake.nix else throw report.error; };"
    } else {
        ""
    };
    let passed =
        "c: if c ? throws then !(builtins.tryEval (builtins.deepSeq c.actual true)).success \
                  else if c ? ok then c.ok else c.actual == c.expected";
    std::fs::write(
        dir.join("checks.nix"),
        format!(
            "let overlays = {{ {overlays}}}; \
             importWith = o: n: import (./.with + \"/${{overlays.${{builtins.toJSON o}}}}/${{n}}\"); \
             in import ./check.nix {{ files = {{ {imports}}}; sources = {{ {sources}}}; syntax = {{ {syntax}}}; \
             check = import ./lib-check.nix; inherit importWith;{flake_arg} }}"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("driver.nix"),
        format!("map (c: let p = {passed}; r = builtins.tryEval (builtins.deepSeq p p); in r.success && r.value) (import ./checks.nix)"),
    )
    .unwrap();
    let parse = |out: &str| -> Vec<bool> {
        out.trim_matches(|c| c == '[' || c == ']' || c == ' ')
            .split_whitespace()
            .map(|w| w == "true")
            .collect()
    };
    let result = match real_nix(oracle, &dir.join("driver.nix"), lesson) {
        Ok(out) => Ok(parse(&out)),
        // An error tryEval cannot catch (a type error, a missing attribute): one check at a
        // time, an error counting as a failure, or as the wanted error of a `throws` check.
        Err(_) => {
            let mut results = Vec::new();
            for i in 0..count {
                let one = dir.join(format!("one-{i}.nix"));
                std::fs::write(
                    &one,
                    format!("let c = builtins.elemAt (import ./checks.nix) {i}; in ({passed}) c"),
                )
                .unwrap();
                let throws = dir.join(format!("throws-{i}.nix"));
                std::fs::write(
                    &throws,
                    format!("builtins.elemAt (import ./checks.nix) {i} ? throws"),
                )
                .unwrap();
                let wants_error = real_nix(oracle, &throws, lesson).is_ok_and(|o| o == "true");
                results.push(match real_nix(oracle, &one, lesson) {
                    Ok(o) => o == "true",
                    Err(_) => wants_error,
                });
            }
            Ok(results)
        }
    };
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Copies a source tree of the flake's store (read through the check's I/O) to `to`.
fn copy_store_tree(io: &dyn nixpad_eval::EvalIO, from: &str, to: &Path) {
    if to.exists() {
        return;
    }
    std::fs::create_dir_all(to).unwrap();
    for (name, kind) in io.read_dir(from).unwrap_or_default() {
        let source = format!("{from}/{name}");
        match kind {
            nixpad_eval::FileType::Directory => copy_store_tree(io, &source, &to.join(&name)),
            _ => std::fs::write(to.join(&name), io.read_file(&source).unwrap()).unwrap(),
        }
    }
}
