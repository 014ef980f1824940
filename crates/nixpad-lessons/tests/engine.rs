//! Behaviour of the engine on small hand-made lesson trees.

use nixpad_lessons::*;

const CHAPTER: &str = "title = \"Basics\"\nsummary = \"The basics.\"\n";
const LESSON_MD: &str = "+++\ntitle = \"Sum\"\nsummary = \"Add numbers.\"\nfiles = [\"main.nix\"]\nhints = [\"Use `+`.\", \"`1 + 2` is `3`.\"]\n+++\n\nAdd things.\n\n```nix runnable\n1 + 2\n```\n";
const CHECK: &str = r#"{ files, sources, ... }:
let m = files."main.nix"; in
[
  { name = "sum is 3"; expected = 3; actual = m.sum; hint = 2; }
  { name = "uses +"; ok = builtins.replaceStrings [ "+" ] [ "" ] sources."main.nix" != sources."main.nix"; hint = 1; message = "Write the sum with `+`."; }
]
"#;

fn tree(extra: &[(&str, &str)]) -> FileTree {
    let mut t = FileTree::new();
    t.insert("README.md".into(), b"# ignored".to_vec());
    t.insert("01-basics/chapter.toml".into(), CHAPTER.as_bytes().to_vec());
    t.insert(
        "01-basics/01-sum/lesson.md".into(),
        LESSON_MD.as_bytes().to_vec(),
    );
    t.insert(
        "01-basics/01-sum/starter/main.nix".into(),
        b"{ sum = 0; }\n".to_vec(),
    );
    t.insert(
        "01-basics/01-sum/solution/main.nix".into(),
        b"{ sum = 1 + 2; }\n".to_vec(),
    );
    t.insert(
        "01-basics/01-sum/check.nix".into(),
        CHECK.as_bytes().to_vec(),
    );
    for (k, v) in extra {
        if v.is_empty() {
            t.remove(*k);
        } else {
            t.insert(k.to_string(), v.as_bytes().to_vec());
        }
    }
    t
}

fn lesson(extra: &[(&str, &str)]) -> Lesson {
    let loaded = load(&tree(extra));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded
        .curriculum
        .lesson("basics/sum")
        .expect("the lesson loads")
        .clone()
}

fn check_with(lesson: &Lesson, main: &str) -> CheckReport {
    let mut files = Files::new();
    files.insert("main.nix".into(), main.into());
    lesson.check(&files, &CheckOptions::default())
}

// ---- loading ----

#[test]
fn loads_ids_order_and_files() {
    let l = lesson(&[]);
    assert_eq!(l.id, "basics/sum");
    assert_eq!(l.dir, "01-basics/01-sum");
    assert_eq!(l.main, "main.nix");
    assert_eq!(l.hints.len(), 2);
    assert_eq!(l.files.len(), 1);
    assert!(l.files[0].editable);
    assert_eq!(l.document.runnable_examples()[0].line, 10);
}

#[test]
fn front_matter_errors_name_file_and_line() {
    let bad =
        "+++\ntitle = \"Sum\"\nsummary = \"x\"\nfiles = [\"main.nix\"\nhints = [\"a\"]\n+++\n";
    let loaded = load(&tree(&[("01-basics/01-sum/lesson.md", bad)]));
    assert_eq!(loaded.curriculum.lesson_count(), 0);
    let p = &loaded.problems[0];
    assert_eq!(p.file, "01-basics/01-sum/lesson.md");
    assert_eq!(p.line, Some(5), "{p}");

    let unknown =
        "+++\ntitle = \"Sum\"\nsummary = \"x\"\nfiles = [\"main.nix\"]\nhint = [\"a\"]\n+++\n";
    let loaded = load(&tree(&[("01-basics/01-sum/lesson.md", unknown)]));
    let p = &loaded.problems[0];
    assert!(p.message.contains("unknown field `hint`"), "{p}");
    assert_eq!(p.line, Some(5));

    let unclosed = "+++\ntitle = \"Sum\"\n";
    let loaded = load(&tree(&[("01-basics/01-sum/lesson.md", unclosed)]));
    assert!(
        loaded.problems[0].message.contains("not closed"),
        "{:?}",
        loaded.problems
    );

    let none = "# Just markdown\n";
    let loaded = load(&tree(&[("01-basics/01-sum/lesson.md", none)]));
    assert!(loaded.problems[0].message.contains("front matter"));
}

#[test]
fn missing_and_unexpected_files_are_problems() {
    let loaded = load(&tree(&[
        ("01-basics/01-sum/solution/main.nix", ""),
        ("01-basics/01-sum/starter/extra.nix", "1"),
    ]));
    let text: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.iter()
            .any(|p| p.contains("solution/main.nix does not exist")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.starts_with("01-basics/01-sum/starter/extra.nix: unexpected file")),
        "{text:?}"
    );
    assert_eq!(loaded.curriculum.lesson_count(), 0);

    let loaded = load(&tree(&[("01-basics/01-sum/check.nix", "")]));
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.file.ends_with("check.nix") && p.message.starts_with("missing")));

    let loaded = load(&tree(&[("01-basics/chapter.toml", "")]));
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.file == "01-basics/chapter.toml"));
    assert!(loaded.curriculum.chapters.is_empty());

    let loaded = load(&tree(&[(
        "01-basics/01-sum/lesson.md",
        &LESSON_MD.replace("Add things.", "See [x](lesson:basics/nope)."),
    )]));
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message.contains("lesson:basics/nope")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn bad_names_and_invalid_utf8_do_not_panic() {
    let mut t = tree(&[("01-basics/01-Sum Up/lesson.md", "x")]);
    t.insert(
        "01-basics/01-sum/starter/main.nix".into(),
        vec![0xff, 0xfe, 0x00],
    );
    let loaded = load(&t);
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.message.contains("folder name")));
    assert!(loaded.problems.iter().any(|p| p.message.contains("UTF-8")));
}

// ---- checks ----

#[test]
fn solution_passes_and_starter_fails_with_values() {
    let l = lesson(&[]);
    let ok = l.check_solution(&CheckOptions::default());
    assert!(ok.passed, "{}", ok.to_text());
    assert_eq!(ok.passed_count(), 2);

    let bad = l.check_starter(&CheckOptions::default());
    assert!(!bad.passed);
    let c = &bad.checks[0];
    assert_eq!(c.status, CheckStatus::Failed);
    assert_eq!(c.expected.as_deref(), Some("3"));
    assert_eq!(c.actual.as_deref(), Some("0"));
    assert_eq!(c.hint, Some(1));
    assert_eq!(
        bad.checks[1].message.as_deref(),
        Some("Write the sum with `+`.")
    );
    assert_eq!(bad.suggested_hint(), Some(1));
}

#[test]
fn values_are_pretty_printed() {
    let l = lesson(&[]);
    let r = check_with(
        &l,
        "{ sum = { a = [ 1 \"two\" null ]; f = x: x; \"b c\" = ./main.nix; }; }",
    );
    assert_eq!(
        r.checks[0].actual.as_deref(),
        Some("{ a = [ 1 \"two\" null ]; \"b c\" = /main.nix; f = «lambda»; }")
    );
    let r = check_with(
        &l,
        "{ sum = builtins.genList (i: { value = i; name = \"item number ${toString i}\"; }) 4; }",
    );
    let actual = r.checks[0].actual.clone().unwrap();
    assert!(
        actual.starts_with("[\n  { name = \"item number 0\"; value = 0; }\n"),
        "{actual}"
    );
    let r = check_with(&l, "{ sum = { ok = 1; bad = throw \"boom\"; }; }");
    assert_eq!(
        r.checks[0].actual.as_deref(),
        Some("{ bad = «error: boom»; ok = 1; }")
    );
}

#[test]
fn syntax_errors_in_learner_code_have_spans() {
    let l = lesson(&[]);
    let r = check_with(&l, "{ sum = 1 +; }");
    assert!(!r.passed && r.checks.is_empty());
    let e = r.error.unwrap();
    assert_eq!(e.source, FailureSource::Learner);
    assert_eq!(e.code, "E001");
    let loc = e.location.unwrap();
    assert_eq!((loc.file.as_str(), loc.line), ("main.nix", 1));
    assert!(e.rendered.contains("main.nix:1:"), "{}", e.rendered);

    let r = check_with(&l, "{ sum = y; }");
    assert_eq!(r.error.unwrap().message, "undefined variable 'y'");
}

#[test]
fn runtime_errors_are_per_check_and_located() {
    let l = lesson(&[]);
    let r = check_with(&l, "{\n  sum = 1 + \"a\";\n}\n");
    let c = &r.checks[0];
    assert_eq!(c.status, CheckStatus::Error);
    let e = c.error.as_ref().unwrap();
    assert_eq!(e.source, FailureSource::Learner);
    let loc = e.location.as_ref().unwrap();
    // Somewhere in `1 + "a"` on line 2 (the evaluator picks the operator or an operand).
    assert_eq!(loc.line, 2);
    assert!((9..=16).contains(&loc.col), "{loc:?}");
    assert!(loc.end > loc.start);
    assert_eq!(c.expected.as_deref(), Some("3"));
    assert_eq!(r.checks[1].status, CheckStatus::Passed);

    let r = check_with(&l, "{ total = 3; }");
    let e = r.checks[0].error.as_ref().unwrap();
    assert_eq!(e.message, "attribute 'sum' missing");
}

#[test]
fn infinite_loops_end_with_the_step_budget() {
    let l = lesson(&[]);
    let r = check_with(
        &l,
        "{ sum = builtins.foldl' (a: b: a + b) 0 (builtins.genList (x: x) 1000000); }",
    );
    let c = &r.checks[0];
    assert_eq!(c.status, CheckStatus::Error);
    let e = c.error.as_ref().unwrap();
    assert_eq!(e.source, FailureSource::Limit);
    assert!(e.rendered.contains("ran too long"), "{}", e.rendered);
    assert_eq!(r.checks[1].status, CheckStatus::NotRun);

    let r = check_with(&l, "let loop = n: loop (n + 1); in { sum = loop 0; }");
    let e = r.checks[0].error.as_ref().unwrap();
    assert_eq!(e.source, FailureSource::Limit);
    assert!(e.rendered.contains("recursion"), "{}", e.rendered);
    assert_eq!(r.checks[1].status, CheckStatus::Passed);

    let r = check_with(&l, "let f = n: 1 + f n; in { sum = f 0 + 0; }");
    assert!(!r.passed);
}

#[test]
fn broken_checks_are_blamed_on_the_check() {
    let l = lesson(&[(
        "01-basics/01-sum/check.nix",
        "{ files, ... }: { not = \"a list\"; }",
    )]);
    let r = l.check_solution(&CheckOptions::default());
    let e = r.error.unwrap();
    assert_eq!(e.source, FailureSource::Check);
    assert!(e.message.contains("must return a list"), "{}", e.message);

    let l = lesson(&[(
        "01-basics/01-sum/check.nix",
        "{ files, ... }: [ { name = \"n\"; ok = 1; } ]",
    )]);
    let r = l.check_solution(&CheckOptions::default());
    assert_eq!(r.checks[0].status, CheckStatus::Error);
    assert!(r.checks[0]
        .error
        .as_ref()
        .unwrap()
        .message
        .contains("not a Boolean"));

    let l = lesson(&[("01-basics/01-sum/check.nix", "{ files, ... }: [ (")]);
    let r = l.check_solution(&CheckOptions::default());
    let e = r.error.unwrap();
    assert_eq!(e.source, FailureSource::Check);
    assert!(e.rendered.starts_with("error: syntax error"), "{}", e.rendered);
    assert!(!e.rendered.contains("«check»"), "{}", e.rendered);
}

#[test]
fn traces_are_collected() {
    let l = lesson(&[]);
    let r = check_with(&l, "{ sum = builtins.trace \"adding\" (1 + 2); }");
    assert!(r.passed, "{}", r.to_text());
    assert_eq!(r.trace.len(), 1);
    assert!(r.trace[0].contains("adding"), "{:?}", r.trace);
}

#[test]
fn examples_run_beside_the_lesson_files() {
    let mut files = Files::new();
    files.insert("lib.nix".into(), "{ double = x: x * 2; }".into());
    let out = run_example("(import ./lib.nix).double 21", &files, 100_000);
    assert_eq!(out.output.as_deref(), Some("42"));
    let out = run_example("let x = x + 1; in x", &files, 100_000);
    assert_eq!(out.error.unwrap().code, "E008");
    let out = run_example("let f = x: f x; in f 1", &files, 10_000);
    assert_eq!(out.error.unwrap().source, FailureSource::Limit);
}

// ---- validation ----

#[test]
fn validation_accepts_a_good_lesson() {
    let v = validate(&tree(&[]), &CheckOptions::default());
    assert_eq!(v.len(), 1);
    assert!(v[0].ok(), "{:?}", v[0].failures);
    assert_eq!((v[0].checks, v[0].examples), (2, 1));
}

#[test]
fn validation_rejects_bad_lessons() {
    let fails = |extra: &[(&str, &str)]| -> Vec<String> {
        validate(&tree(extra), &CheckOptions::default())
            .into_iter()
            .flat_map(|v| v.failures)
            .collect()
    };
    let f = fails(&[("01-basics/01-sum/solution/main.nix", "{ sum = 4; }")]);
    assert!(f.iter().any(|m| m.contains("the solution fails check 'sum is 3'") && m.contains("got:      4")), "{f:?}");
    let f = fails(&[("01-basics/01-sum/starter/main.nix", "{ sum = 1 + 2; }")]);
    assert!(
        f.iter().any(|m| m.contains("starter already passes")),
        "{f:?}"
    );
    let f = fails(&[(
        "01-basics/01-sum/lesson.md",
        &LESSON_MD.replace("1 + 2\n```", "1 + \"x\"\n```"),
    )]);
    assert!(
        f.iter()
            .any(|m| m.contains("lesson.md:10: the runnable example fails")),
        "{f:?}"
    );
    let f = fails(&[(
        "01-basics/01-sum/lesson.md",
        &LESSON_MD.replace("nix runnable", "nix runnable error"),
    )]);
    assert!(
        f.iter()
            .any(|m| m.contains("marked `error` but evaluates to 3")),
        "{f:?}"
    );
    let f = fails(&[(
        "01-basics/01-sum/lesson.md",
        &LESSON_MD.replace("Add things.", "Add <b>things</b>."),
    )]);
    assert!(f.iter().any(|m| m.contains("raw HTML")), "{f:?}");
    let f = fails(&[(
        "01-basics/01-sum/check.nix",
        "{ files, ... }: [ { name = \"n\"; expected = 3; actual = files.\"main.nix\".sum; hint = 7; } ]",
    )]);
    assert!(
        f.iter()
            .any(|m| m.contains("names hint 7 but the lesson has 2")),
        "{f:?}"
    );
    let f = fails(&[(
        "01-basics/01-sum/check.nix",
        "{ files, ... }: [ { name = \"n\"; ok = builtins.div 1 files.\"main.nix\".sum == 1; } ]",
    )]);
    assert!(
        f.iter()
            .any(|m| m.contains("check.nix itself fails on the starter")),
        "{f:?}"
    );
}

// ---- packs and navigation ----

#[test]
fn packs_round_trip_and_reject_garbage() {
    let mut t = tree(&[]);
    t.insert(
        "01-basics/02-more/lesson.md".into(),
        LESSON_MD.replace("Sum", "More").into_bytes(),
    );
    for f in ["starter/main.nix", "solution/main.nix", "check.nix"] {
        let v = t[&format!("01-basics/01-sum/{f}")].clone();
        t.insert(format!("01-basics/02-more/{f}"), v);
    }
    let c = load(&t).curriculum;
    let json = c.to_pack_json();
    let back = Curriculum::from_pack_json(&json).unwrap();
    assert_eq!(back, c);
    assert_eq!(
        back.next("basics/sum").map(|l| l.id.as_str()),
        Some("basics/more")
    );
    assert_eq!(
        back.previous("basics/more").map(|l| l.id.as_str()),
        Some("basics/sum")
    );
    assert!(back.next("basics/more").is_none() && back.previous("basics/sum").is_none());
    assert_eq!(back.position("basics/more").map(|p| p.overall), Some(1));

    for bad in [
        "",
        "[]",
        "{\"format\":\"other\"}",
        "{\"format\":\"nixpad-lessons\",\"version\":9,\"chapters\":[]}",
        "{\"format\":\"nixpad-lessons\",\"version\":1,\"chapters\":[{\"id\":1}]}",
    ] {
        assert!(Curriculum::from_pack_json(bad).is_err(), "{bad}");
    }
    let dup = json.replace("basics/more", "basics/sum");
    assert!(Curriculum::from_pack_json(&dup)
        .unwrap_err()
        .0
        .contains("twice"));
}

#[test]
fn compressed_packs_round_trip_and_damage_is_an_error() {
    let c = load(&tree(&[])).curriculum;
    let pack = c.to_pack();
    assert!(pack.len() < c.to_pack_json().len());
    assert_eq!(Curriculum::from_pack(&pack).unwrap(), c);
    // Plain pack JSON reads too (a hand-made pack need not be compressed).
    assert_eq!(
        Curriculum::from_pack(format!("\n {}", c.to_pack_json()).as_bytes()).unwrap(),
        c
    );
    let truncated = &pack[..pack.len() / 2];
    let flipped: Vec<u8> = pack.iter().map(|b| b ^ 0x5a).collect();
    for bad in [&b""[..], b"PK\x03\x04", truncated, &flipped] {
        let e = Curriculum::from_pack(bad).unwrap_err();
        assert!(
            e.to_string().starts_with("cannot read the lesson pack"),
            "{e}"
        );
    }
    // A zlib bomb stops at the limit instead of filling memory.
    let huge = vec![b' '; MAX_PACK_BYTES + 1];
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&huge, 10);
    assert!(bomb.len() < 100_000);
    let e = Curriculum::from_pack(&bomb).unwrap_err();
    assert!(e.0.contains("larger than"), "{e}");
}

// ---- progress ----

#[test]
fn progress_records_hints_attempts_and_reveal() {
    let mut p = Progress::new();
    assert!(!p.can_reveal_solution("basics/sum"));
    assert_eq!(p.show_next_hint("basics/sum", 2), Some(0));
    assert_eq!(p.show_next_hint("basics/sum", 2), Some(1));
    assert_eq!(p.show_next_hint("basics/sum", 2), None);
    assert!(!p.reveal_solution("basics/sum"));
    p.record_attempt("basics/sum", false);
    assert!(p.reveal_solution("basics/sum"));
    p.record_attempt("basics/sum", true);
    p.record_attempt("basics/sum", false);
    let l = p.lesson("basics/sum").unwrap();
    assert!(l.done && l.solution_revealed);
    assert_eq!((l.attempts, l.failed_attempts, l.hints_shown), (3, 2, 2));
    assert!(p.set_code("basics/sum", "main.nix", "{ sum = 3; }"));
    assert!(!p.set_code("basics/sum", "main.nix", &"x".repeat(MAX_FILE_BYTES + 1)));
    assert_eq!(p.code("basics/sum", "main.nix"), Some("{ sum = 3; }"));
    let back = Progress::from_json(&p.to_json()).unwrap();
    assert_eq!(back, p);
    p.reset_lesson("basics/sum");
    assert!(p.lesson("basics/sum").is_none());
}

#[test]
fn corrupt_or_foreign_progress_is_a_clear_error() {
    let cases = [
        ("", "empty"),
        ("{not json", "not valid JSON"),
        ("[1,2]", "not a JSON object"),
        ("{\"theme\":\"dark\"}", "not a Nixpad progress file"),
        ("{\"format\":\"nixpad-progress\",\"version\":2}", "version 2"),
        ("{\"format\":\"nixpad-progress\",\"version\":1,\"lessons\":[]}", "not an object"),
        ("{\"format\":\"nixpad-progress\",\"version\":1,\"lessons\":{\"a/b\":{\"attempts\":-1}}}", "lesson 'a/b'"),
        ("{\"format\":\"nixpad-progress\",\"version\":1,\"lessons\":{\"a/b\":{\"done\":\"yes\"}}}", "lesson 'a/b'"),
        ("{\"format\":\"nixpad-progress\",\"version\":1,\"lessons\":{\"<script>\":{}}}", "not a lesson id"),
        ("{\"format\":\"nixpad-progress\",\"version\":1,\"lessons\":{\"a/b\":{\"code\":{\"../x\":\"\"}}}}", "not a file name"),
    ];
    for (json, want) in cases {
        let e = Progress::from_json(json).unwrap_err();
        assert!(e.to_string().contains(want), "{json}: {e}");
    }
    let huge = format!(
        "{{\"format\":\"nixpad-progress\",\"version\":1,\"x\":\"{}\"}}",
        "a".repeat(MAX_PROGRESS_BYTES)
    );
    assert!(Progress::from_json(&huge).unwrap_err().0.contains("larger"));
}

#[test]
fn lossy_reading_keeps_the_good_entries() {
    let json = r#"{"format":"nixpad-progress","version":1,"lessons":{
        "a/good":{"done":true,"attempts":2},
        "a/bad":{"done":"maybe"},
        "a/also-good":{"hints_shown":1,"code":{"main.nix":"1"}}}}"#;
    let (p, warnings) = Progress::from_json_lossy(json);
    assert!(p.is_done("a/good"));
    assert_eq!(p.code("a/also-good", "main.nix"), Some("1"));
    assert!(p.lesson("a/bad").is_none());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("a/bad"));
    let (p, warnings) = Progress::from_json_lossy("\u{0}garbage");
    assert!(p.lessons.is_empty() && warnings.len() == 1);
}

#[test]
fn merge_and_chapter_progress() {
    let mut mine = Progress::new();
    mine.record_attempt("basics/sum", false);
    mine.set_code("basics/sum", "main.nix", "mine");
    mine.set_code("basics/sum", "other.nix", "kept");
    let mut theirs = Progress::new();
    theirs.record_attempt("basics/sum", true);
    theirs.record_attempt("basics/sum", true);
    theirs.set_code("basics/sum", "main.nix", "theirs");
    theirs.show_next_hint("x/y", 3);
    mine.merge(&theirs);
    let l = mine.lesson("basics/sum").unwrap();
    assert!(l.done);
    assert_eq!((l.attempts, l.failed_attempts), (2, 1));
    assert_eq!(mine.code("basics/sum", "main.nix"), Some("theirs"));
    assert_eq!(mine.code("basics/sum", "other.nix"), Some("kept"));
    assert_eq!(mine.hints_shown("x/y"), 1);

    let c = load(&tree(&[])).curriculum;
    assert_eq!(
        mine.chapters(&c),
        vec![ChapterProgress {
            chapter: "basics".into(),
            done: 1,
            total: 1
        }]
    );
    assert!(mine.first_unfinished(&c).is_none());
    mine.reset();
    assert_eq!(
        mine.first_unfinished(&c).map(|l| l.id.as_str()),
        Some("basics/sum")
    );
}
