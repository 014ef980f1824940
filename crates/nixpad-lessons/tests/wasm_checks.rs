//! Checks run under wasm32 (V8 through node, as in the browser's worker): the reference
//! solutions of the heaviest lessons pass, the starters fail, and an endless loop ends.
//! The timings it prints are a benchmark, not an assertion (a shared machine must not fail
//! CI): `scripts/bench-lessons.sh` runs it with `--nocapture` and writes them into
//! BENCHMARKS.md.
#![cfg(target_arch = "wasm32")]

use nixpad_lessons::*;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

/// Embeds lesson files: `lesson!(tree, "CHAPTER/LESSON", "lesson.md", ...)`.
macro_rules! lesson {
    ($tree:ident, $dir:literal $(, $name:literal)*) => {
        $(
            $tree.insert(
                concat!($dir, "/", $name).to_string(),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/", $dir, "/", $name))
                    .as_bytes()
                    .to_vec(),
            );
        )*
    };
}

/// The heaviest lessons (most derivations and evaluation steps).
fn tree() -> FileTree {
    let mut t = FileTree::new();
    lesson!(t, "lib", "check.nix");
    lesson!(t, "01-language", "chapter.toml");
    lesson!(t, "02-derivations", "chapter.toml");
    lesson!(
        t,
        "01-language/13-laziness",
        "lesson.md",
        "check.nix",
        "starter/main.nix",
        "solution/main.nix"
    );
    lesson!(
        t,
        "01-language/16-recursion",
        "lesson.md",
        "check.nix",
        "starter/main.nix",
        "solution/main.nix"
    );
    lesson!(
        t,
        "02-derivations/02-store-paths",
        "lesson.md",
        "check.nix",
        "starter/main.nix",
        "solution/main.nix"
    );
    lesson!(
        t,
        "02-derivations/04-outputs",
        "lesson.md",
        "check.nix",
        "starter/main.nix",
        "solution/main.nix"
    );
    lesson!(
        t,
        "02-derivations/07-paths",
        "lesson.md",
        "check.nix",
        "starter/main.nix",
        "solution/main.nix",
        "starter/greeting.txt"
    );
    t
}

#[wasm_bindgen_test]
fn heavy_lessons_check_correctly_and_report_their_time() {
    let loaded = load(&tree());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let options = CheckOptions::default();
    for lesson in loaded.curriculum.lessons() {
        assert!(lesson.check_solution(&options).passed, "{}", lesson.id);
        assert!(!lesson.check_starter(&options).passed, "{}", lesson.id);
    }
    // Timed once every lesson has run (V8 compiles hot wasm code in tiers, as a page that
    // has checked a few attempts has).
    let mut slowest = (String::new(), 0.0f64);
    for lesson in loaded.curriculum.lessons() {
        // The median of several runs: the machine running the tests may be shared, and
        // one descheduled run should not decide.
        const RUNS: usize = 11;
        let mut times: Vec<f64> = (0..RUNS)
            .map(|_| {
                let start = js_sys::Date::now();
                let _ = lesson.check_solution(&options);
                js_sys::Date::now() - start
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        let ms = times[RUNS / 2];
        console_log!("{}: {ms:.2} ms per check run", lesson.id);
        if ms > slowest.1 {
            slowest = (lesson.id.clone(), ms);
        }
    }
    console_log!(
        "slowest under wasm32: {} at {:.2} ms per check run (median of 11)",
        slowest.0,
        slowest.1
    );
}

#[wasm_bindgen_test]
fn endless_loops_end_under_wasm() {
    let loaded = load(&tree());
    let lesson = loaded.curriculum.lesson("language/recursion").unwrap();
    let mut files = lesson.starter_files();
    files.insert("main.nix".into(), "let f = n: f (n + 1); in { factorial = f; range = a: b: builtins.foldl' (x: y: x + y) 0 (builtins.genList (i: i) 1000000); }".into());
    let start = js_sys::Date::now();
    let report = lesson.check(&files, &CheckOptions::default());
    let ms = js_sys::Date::now() - start;
    assert!(!report.passed);
    assert!(
        report.checks.iter().any(|c| c
            .error
            .as_ref()
            .is_some_and(|e| e.source == FailureSource::Limit)),
        "{}",
        report.to_text()
    );
    console_log!("endless loops stopped after {ms:.0} ms");
}
