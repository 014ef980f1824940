//! Behaviour of the engine on small hand-made lesson trees.

use nixpad_lessons::*;

const CHAPTER: &str = "title = \"Basics\"\nsummary = \"The basics.\"\n";
const LESSON_MD: &str = "+++\ntitle = \"Sum\"\nsummary = \"Add numbers.\"\nfiles = [\"main.nix\"]\nhints = [\"Use `+`.\", \"`1 + 2` is `3`.\", \"Write `sum = 1 + 2;`, with the `+`.\"]\n+++\n\nAdd things.\n\n```nix runnable\n1 + 2\n```\n";
const CHECK: &str = r#"{ files, syntax, check, ... }:
let m = files."main.nix"; in
[
  { name = "sum is 3"; expected = 3; actual = m.sum; hint = 2; }
  (check.syntaxCheck { name = "uses +"; ok = syntax."main.nix".operators."+" or 0 > 0; hint = 1; message = "Write the sum with `+`."; })
]
"#;
/// The curriculum's own check library.
const LIBRARY: &str = include_str!("../../../lessons/lib/check.nix");

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
    t.insert("lib/check.nix".into(), LIBRARY.as_bytes().to_vec());
    t.insert(
        "01-basics/01-sum/wrong/literal/main.nix".into(),
        b"{ sum = 3; }\n# { sum = 1 + 2; }\n".to_vec(),
    );
    t.insert(
        "01-basics/01-sum/wrong/literal/note.md".into(),
        b"Writes the result instead of computing it.\n".to_vec(),
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
    assert_eq!(l.hints.len(), 3);
    assert_eq!(l.files.len(), 1);
    assert!(l.files[0].editable);
    assert_eq!(l.document.runnable_examples()[0].line, 10);
}

#[test]
fn experimental_features_reach_checks_and_examples_and_unknown_ones_are_problems() {
    let with = |features: &str| {
        LESSON_MD.replace(
            "files = [\"main.nix\"]\n",
            &format!("files = [\"main.nix\"]\nexperimental-features = {features}\n"),
        )
    };
    let ca_check = r#"{ files, ... }:
[ { name = "a content-addressed output is a placeholder"; expected = "/1lkr3hf7h81b3swyci7g48si90viks3cn4y6rmjbpfzl7gxd9j4n";
    actual = (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; __contentAddressed = true; }).outPath; }
  { name = "sum"; expected = 3; actual = files."main.nix".sum; } ]
"#;
    let md = with("[\"ca-derivations\"]");
    let l = lesson(&[
        ("01-basics/01-sum/lesson.md", &md),
        ("01-basics/01-sum/check.nix", ca_check),
    ]);
    assert_eq!(l.experimental_features, vec!["ca-derivations".to_string()]);
    assert!(check_with(&l, "{ sum = 1 + 2; }").passed);
    let example = run_example(
        "(derivation { name = \"a\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; __contentAddressed = true; }).drvPath",
        &Files::new(),
        false,
        &l.options(&CheckOptions::default()),
    );
    assert!(example.error.is_none(), "{:?}", example.error);
    // Without the feature, the same check fails with Nix's message.
    let plain = lesson(&[("01-basics/01-sum/check.nix", ca_check)]);
    let report = check_with(&plain, "{ sum = 1 + 2; }");
    assert!(!report.passed);
    let unknown = load(&tree(&[(
        "01-basics/01-sum/lesson.md",
        &with("[\"flakes\", \"nope\"]"),
    )]));
    let messages: Vec<String> = unknown.problems.iter().map(|p| p.message.clone()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("'nope' is not one a lesson may enable")),
        "{messages:?}"
    );
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
    assert!(
        e.rendered.starts_with("error: syntax error"),
        "{}",
        e.rendered
    );
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
    let budget = |fuel| CheckOptions {
        fuel,
        ..CheckOptions::default()
    };
    let out = run_example(
        "(import ./lib.nix).double 21",
        &files,
        false,
        &budget(100_000),
    );
    assert_eq!(out.output.as_deref(), Some("42"));
    let out = run_example("let x = x + 1; in x", &files, false, &budget(100_000));
    assert_eq!(out.error.unwrap().code, "E008");
    let out = run_example("let f = x: f x; in f 1", &files, false, &budget(10_000));
    assert_eq!(out.error.unwrap().source, FailureSource::Limit);
}

// ---- validation ----

/// Everything `lessons check` reports for the test tree with `extra` files.
fn fails(extra: &[(&str, &str)]) -> Vec<String> {
    validate(&tree(extra), &CheckOptions::default())
        .into_iter()
        .flat_map(|v| v.failures)
        .collect()
}

#[test]
fn validation_accepts_a_good_lesson() {
    let v = validate(&tree(&[]), &CheckOptions::default());
    assert_eq!(v.len(), 1);
    assert!(v[0].ok(), "{:?}", v[0].failures);
    assert_eq!((v[0].checks, v[0].examples), (2, 1));
}

#[test]
fn validation_rejects_bad_lessons() {
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
            .any(|m| m.contains("names hint 7 but the lesson has 3")),
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

// ---- syntax views ----

/// A file whose comments and strings mention every construct and builtin, and whose code
/// uses none of them: a view must count nothing from comments or string contents.
const DECOY: &str = r#"# with inherit inherit (x) rec let or ? // ++ assert if x: { a, ... }: a@{ } ${x}
# builtins.map map toString import throw abort derivation removeAttrs ./path <nixpkgs> 1.5
/* with rec let in inherit builtins.foldl' ${y} */
{
  a = "with builtins; map (x: x) [ ] ++ [ ] // { } \${y} inherit rec let";
  b = ''
    assert true; if a then b else c; ''${z} or ? builtins.filter
  '';
}
"#;

#[test]
fn comments_and_strings_never_count() {
    let v = syntax_view(DECOY);
    for (construct, n) in &v.uses {
        let expected = match *construct {
            "attrset" => 1,
            "stringLiteral" | "indentedString" => 1,
            _ => 0,
        };
        assert_eq!(*n, expected, "{construct}");
    }
    assert!(v.builtins.is_empty(), "{:?}", v.builtins);
    assert!(v.variables.is_empty(), "{:?}", v.variables);
    assert!(v.operators.is_empty(), "{:?}", v.operators);
    assert_eq!(
        v.bindings.keys().collect::<Vec<_>>(),
        vec!["a", "b"],
        "only the two keys are definitions"
    );
    // The string contents are data, not code.
    assert!(
        v.strings.iter().any(|s| s.contains("with builtins; map")),
        "{:?}",
        v.strings
    );
    assert!(v.ints.is_empty());
}

#[test]
fn every_construct_is_counted() {
    let code = r#"
      let
        inherit (builtins) length;
        f = { a, b ? 2, ... }@args: a + b;
        g = x: x.y.z or (x ? w);
        s = rec { p = ./p; q = <nixpkgs>; r = p; };
      in
      with s;
      assert true;
      {
        inherit f g;
        "${toString 1}" = [ 1 2.5 ] ++ [ ];
        u = { } // { k = -3; };
        v = if f { a = 1; } > 2 then "n${g}" else ''m'';
        w = s.${"p"};
        x = builtins.map (y: y) [ ] == map (y: y) [ ];
      }
    "#;
    let v = syntax_view(code);
    let n = |c: &str| v.uses[c];
    assert_eq!(n("let"), 1);
    assert_eq!(n("inherit"), 2);
    assert_eq!(n("inheritFrom"), 1);
    assert_eq!(n("rec"), 1);
    assert_eq!(n("with"), 1);
    assert_eq!(n("assert"), 1);
    assert_eq!(n("or"), 1);
    assert_eq!(n("hasAttr"), 1);
    assert_eq!(n("update"), 1);
    assert_eq!(n("concat"), 1);
    assert_eq!(n("if"), 1);
    assert_eq!(n("lambda"), 4);
    assert_eq!(n("setPattern"), 1);
    assert_eq!(n("ellipsis"), 1);
    assert_eq!(n("at"), 1);
    assert_eq!(n("interpolation"), 3);
    assert_eq!(n("dynamicAttr"), 2);
    assert_eq!(n("path"), 1);
    assert_eq!(n("searchPath"), 1);
    assert_eq!(n("indentedString"), 1);
    assert_eq!(n("float"), 1);
    assert_eq!(v.ints, vec![2, 1, 1, 3, 1, 2]);
    assert_eq!(v.operators["neg"], 1);
    assert_eq!(v.operators["=="], 1);
    // builtins.map, map, inherit (builtins) length, toString.
    assert_eq!(v.builtins.get("map"), Some(&2));
    assert_eq!(v.builtins.get("length"), Some(&1));
    assert_eq!(v.builtins.get("toString"), Some(&1));
    assert_eq!(v.interpolated.get("g"), Some(&1));
    assert_eq!(v.interpolated.get("toString"), Some(&1));
    assert_eq!(v.bindings.get("args"), Some(&1));
    assert_eq!(v.bindings.get("f"), Some(&2), "let f and inherit f");
    assert_eq!(v.variables.get("p"), Some(&1));
}

#[test]
fn shadowed_builtins_and_with_builtins() {
    let v = syntax_view("let map = f: xs: xs; in map (x: x) [ ]");
    assert!(!v.builtins.contains_key("map"), "{:?}", v.builtins);
    assert_eq!(v.variables.get("map"), Some(&1));
    let v = syntax_view("with builtins; length (filter (x: x) [ ]) + __add 1 2");
    assert_eq!(v.builtins.get("length"), Some(&1));
    assert_eq!(v.builtins.get("filter"), Some(&1));
    assert_eq!(v.builtins.get("add"), Some(&1));
    assert!(!v.builtins.contains_key("x"));
    let v = syntax_view("x: with x; length");
    assert!(
        v.builtins.is_empty(),
        "with of another set: {:?}",
        v.builtins
    );
    // A file that does not parse has the empty view.
    let v = syntax_view("{ with = ");
    assert!(v.uses.values().all(|n| *n == 0));
}

// ---- the new check features ----

fn lesson_with_check(check: &str) -> Lesson {
    lesson(&[("01-basics/01-sum/check.nix", check)])
}

#[test]
fn checks_receive_the_syntax_view_and_the_library() {
    let l = lesson_with_check(
        r#"{ files, syntax, check, ... }: let s = syntax."main.nix"; in [
          (check.syntaxCheck { name = "uses let"; ok = check.uses s "let"; message = "Bind with let."; })
          { name = "refers to n"; ok = check.refers s "n"; }
          { name = "lib call"; expected = 3; actual = check.call (a: b: a + b) [ 1 2 ]; }
          { name = "safe call"; expected = null; actual = check.call 1 [ 2 ]; }
        ]"#,
    );
    let r = check_with(&l, "# let n = 3; in { sum = n; }\n{ sum = 3; }");
    assert_eq!(r.checks[0].status, CheckStatus::Failed, "{}", r.to_text());
    assert_eq!(
        r.checks[0].expected, None,
        "syntax checks show no expected value"
    );
    assert_eq!(r.checks[0].message.as_deref(), Some("Bind with let."));
    assert_eq!(r.checks[1].status, CheckStatus::Failed);
    assert_eq!(r.checks[2].status, CheckStatus::Passed);
    assert_eq!(r.checks[3].status, CheckStatus::Passed);
    let r = check_with(&l, "let n = 3; in { sum = n; }");
    assert_eq!(r.passed_count(), 4, "{}", r.to_text());
}

#[test]
fn reveal_false_hides_the_expected_value_and_shows_why() {
    let l = lesson_with_check(
        r#"{ files, ... }: [ { name = "secret"; expected = 3; actual = files."main.nix".sum; reveal = false; why = "sum must add the two numbers"; } ]"#,
    );
    let r = check_with(&l, "{ sum = 4; }");
    let c = &r.checks[0];
    assert_eq!(c.status, CheckStatus::Failed);
    assert_eq!(c.expected, None);
    assert_eq!(c.actual.as_deref(), Some("4"));
    assert_eq!(c.why.as_deref(), Some("sum must add the two numbers"));
    assert!(r.to_text().contains("sum must add the two numbers"));
    // The report as sent to the page does not hold the value anywhere.
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("\"expected\":\"3\""), "{json}");
    // Reports from before `why` existed still read.
    let old = json.replace(",\"why\":\"sum must add the two numbers\"", "");
    assert!(serde_json::from_str::<CheckReport>(&old).is_ok(), "{old}");
}

#[test]
fn throws_checks_match_the_error_message() {
    let l = lesson_with_check(
        r#"{ files, ... }: let m = files."main.nix"; in [
          { name = "rejects big ports"; actual = m.port 70000; throws = "port [0-9]+ out of range"; }
          { name = "deep"; actual = [ (m.port 70000) ]; throws = "out of range"; }
        ]"#,
    );
    let good = "{ port = p: if p > 65535 then throw \"port ${toString p} out of range\" else p; }";
    let r = check_with(&l, good);
    assert!(r.passed, "{}", r.to_text());
    // No error at all: failed, with what came instead.
    let r = check_with(&l, "{ port = p: p; }");
    assert_eq!(r.checks[0].status, CheckStatus::Failed);
    assert_eq!(r.checks[0].actual.as_deref(), Some("no error: 70000"));
    assert!(r.checks[0]
        .expected
        .as_deref()
        .unwrap()
        .contains("port [0-9]+ out of range"));
    // Another error: failed, showing the message.
    let r = check_with(&l, "{ port = p: throw \"bad\"; }");
    assert_eq!(r.checks[0].status, CheckStatus::Failed);
    assert_eq!(r.checks[0].actual.as_deref(), Some("error: bad"));
    // A type error is an error too (tryEval could not see it).
    let l2 = lesson_with_check(
        r#"{ files, ... }: [ { name = "t"; actual = files."main.nix".sum; throws = "cannot add"; } ]"#,
    );
    let r = check_with(&l2, "{ sum = 1 + \"x\"; }");
    assert!(r.passed, "{}", r.to_text());
    // Loops are not throws.
    let r = check_with(&l2, "{ sum = let f = x: f x; in f 1; }");
    assert_eq!(r.checks[0].status, CheckStatus::Error);
    // A bad pattern is the check's bug.
    let l3 = lesson_with_check(
        r#"{ files, ... }: [ { name = "t"; actual = throw "x"; throws = "("; } ]"#,
    );
    let r = check_with(&l3, "{ sum = 3; }");
    assert_eq!(
        r.checks[0].error.as_ref().unwrap().source,
        FailureSource::Check
    );
}

fn data_lesson(check: &str) -> Lesson {
    let md = "+++\ntitle = \"Sum\"\nsummary = \"Add numbers.\"\nfiles = [\"main.nix\"]\nreadonly = [\"data.nix\"]\nhints = [\"a\", \"b\", \"c\"]\n+++\n\nText.\n";
    lesson(&[
        ("01-basics/01-sum/lesson.md", md),
        ("01-basics/01-sum/starter/data.nix", "[ 1 2 ]"),
        ("01-basics/01-sum/starter/main.nix", "{ sum = 0; }"),
        (
            "01-basics/01-sum/solution/main.nix",
            "{ sum = builtins.foldl' (a: b: a + b) 0 (import ./data.nix); }",
        ),
        ("01-basics/01-sum/wrong/literal/main.nix", "{ sum = 3; }"),
        ("01-basics/01-sum/check.nix", check),
    ])
}

#[test]
fn files_import_with_adds_in_folders_are_listed_there() {
    let l = data_lesson(
        r#"{ files, importWith, ... }: [
          { name = "example"; expected = 3; actual = files."main.nix".sum; }
          { name = "listing"; expected = { root = { "data.nix" = "regular"; "lib" = "directory"; "main.nix" = "regular"; "top.nix" = "regular"; };
              lib = { "a.nix" = "regular"; "deep" = "directory"; }; deep = { "b.nix" = "regular"; }; value = 2; };
            actual = { root = importWith { "lib/a.nix" = "1"; "lib/deep/b.nix" = "2"; "top.nix" = "builtins.readDir ./."; } "top.nix";
                   lib = importWith { "lib/a.nix" = "1"; "lib/deep/b.nix" = "2"; "top.nix" = "builtins.readDir ./lib"; } "top.nix";
                   deep = importWith { "lib/a.nix" = "1"; "lib/deep/b.nix" = "2"; "top.nix" = "builtins.readDir ./lib/deep"; } "top.nix";
                   value = importWith { "lib/a.nix" = "1"; "lib/deep/b.nix" = "2"; "top.nix" = "import ./lib/deep/b.nix"; } "top.nix"; }; }
        ]"#,
    );
    let r = l.check_solution(&CheckOptions::default());
    assert!(r.passed, "{}", r.to_text());
}

#[test]
fn import_with_replaces_files_for_hidden_inputs() {
    let l = data_lesson(
        r#"{ files, importWith, ... }: [
          { name = "example"; expected = 3; actual = files."main.nix".sum; }
          { name = "hidden"; expected = 15; actual = (importWith { "data.nix" = "[ 4 5 6 ]"; } "main.nix").sum; reveal = false; why = "sum adds whatever data.nix holds"; }
          { name = "added file"; expected = 7; actual = importWith { "extra.nix" = "7"; } "extra.nix"; }
        ]"#,
    );
    let r = l.check_solution(&CheckOptions::default());
    assert!(r.passed, "{}", r.to_text());
    let mut fake = l.solution_files();
    fake.insert("main.nix".into(), "{ sum = 3; }".into());
    let r = l.check(&fake, &CheckOptions::default());
    assert_eq!(r.checks[1].status, CheckStatus::Failed);
    assert_eq!(r.checks[1].expected, None);
    // The hidden inputs are reported for reproducing the run elsewhere.
    let inputs = hidden_inputs(
        l.check_code(),
        &l.solution_files(),
        &CheckOptions::default(),
    );
    assert_eq!(inputs.len(), 2);
    assert!(inputs
        .iter()
        .any(|o| o.get("data.nix").map(String::as_str) == Some("[ 4 5 6 ]")));
    // Errors in the learner's file imported through importWith point at the learner's file.
    let mut broken = l.solution_files();
    broken.insert(
        "main.nix".into(),
        "{ sum = builtins.head (import ./data.nix) + \"x\"; }".into(),
    );
    let r = l.check(&broken, &CheckOptions::default());
    let e = r.checks[1].error.as_ref().unwrap();
    assert_eq!(e.source, FailureSource::Learner);
    assert_eq!(e.location.as_ref().unwrap().file, "main.nix");
    assert!(!e.rendered.contains(".with"), "{}", e.rendered);
    // Bad overrides are the check's bug, clearly.
    let l = data_lesson(
        r#"{ importWith, ... }: [ { name = "bad"; expected = 1; actual = importWith { "data.nix" = 1; } "main.nix"; } ]"#,
    );
    let r = l.check_solution(&CheckOptions::default());
    let e = r.checks[0].error.as_ref().unwrap();
    assert!(
        e.message.contains("importWith: the overrides must be"),
        "{}",
        e.message
    );
}

#[test]
fn drv_diff_names_attributes_not_paths() {
    let l = lesson_with_check(
        r#"{ files, check, ... }:
        let
          want = derivation { name = "x"; builder = "/bin/sh"; system = "x86_64-linux"; args = [ "-c" "true" ]; };
          got = files."main.nix".drv or null;
        in [ { name = "the derivation"; ok = check.drvDiff want got == ""; reveal = false; why = check.drvDiff want got; } ]"#,
    );
    let r = check_with(&l, "{ drv = derivation { name = \"x\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; args = [ \"-c\" \"true\" ]; }; sum = 3; }");
    assert!(r.passed, "{}", r.to_text());
    let r = check_with(&l, "{ drv = derivation { name = \"x\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; args = [ \"-c\" \"false\" ]; extra = 1; }; }");
    let why = r.checks[0].why.as_deref().unwrap();
    assert!(
        why.contains("`args` differs") && why.contains("`extra` is not expected"),
        "{why}"
    );
    assert!(!why.contains("/nix/store"), "{why}");
    let r = check_with(&l, "{ drv = { drvPath = \"/nix/store/x\"; }; }");
    assert!(r.checks[0]
        .why
        .as_deref()
        .unwrap()
        .contains("not a derivation"));
}

// ---- known answers and the rules of `lessons check` ----

#[test]
fn known_answers_load_and_are_verified() {
    let l = lesson(&[(
        "01-basics/01-sum/alternatives/spaced/main.nix",
        "{ sum = 1 +   2; }",
    )]);
    assert_eq!(l.wrong.len(), 1);
    assert_eq!(
        l.wrong[0].note,
        "Writes the result instead of computing it."
    );
    assert_eq!(l.alternatives[0].name, "spaced");
    // A wrong answer that passes, an alternative that fails.
    let f = fails(&[(
        "01-basics/01-sum/wrong/literal/main.nix",
        "{ sum = 1 + 2; }",
    )]);
    assert!(
        f.iter()
            .any(|m| m.contains("wrong answer 'literal' already passes")),
        "{f:?}"
    );
    let f = fails(&[(
        "01-basics/01-sum/alternatives/three/main.nix",
        "{ sum = 3; }",
    )]);
    assert!(
        f.iter()
            .any(|m| m.contains("alternative 'three' fails check 'uses +'")),
        "{f:?}"
    );
    // A data answer without wrong/literal.
    let f = fails(&[
        ("01-basics/01-sum/wrong/literal/main.nix", ""),
        ("01-basics/01-sum/wrong/literal/note.md", ""),
    ]);
    assert!(
        f.iter().any(|m| m.contains("needs wrong/literal/")),
        "{f:?}"
    );
    // Notes: missing, or more than one line; answer folders need a learner file.
    let loaded = load(&tree(&[
        ("01-basics/01-sum/wrong/three/main.nix", "{ sum = 3; }"),
        ("01-basics/01-sum/wrong/literal/note.md", "one\ntwo\n"),
        ("01-basics/01-sum/alternatives/empty/other.nix", "1"),
    ]));
    let text: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.iter()
            .any(|p| p.contains("wrong/three: missing note.md")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|p| p.contains("note.md must be one line")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains("alternatives/empty/other.nix: unexpected file")),
        "{text:?}"
    );
}

#[test]
fn lessons_check_rejects_weak_checks_and_hints() {
    let f = fails(&[(
        "01-basics/01-sum/check.nix",
        "{ files, sources, ... }: [ { name = \"n\"; ok = builtins.stringLength sources.\"main.nix\" > 0 && files.\"main.nix\".sum == 3; } ]",
    )]);
    assert!(f.iter().any(|m| m.contains("reads `sources`")), "{f:?}");
    let two = LESSON_MD.replace(", \\\"Write `sum = 1 + 2;`, with the `+`.\\\"", "");
    let two = two.replace(", \"Write `sum = 1 + 2;`, with the `+`.\"", "");
    let f = fails(&[("01-basics/01-sum/lesson.md", &two)]);
    assert!(
        f.iter().any(|m| m.contains("2 hints; give at least 3")),
        "{f:?}"
    );
    let giveaway = LESSON_MD.replace(
        "Write `sum = 1 + 2;`, with the `+`.",
        "Type `{ sum = 1 + 2; }`.",
    );
    let f = fails(&[("01-basics/01-sum/lesson.md", &giveaway)]);
    assert!(
        f.iter()
            .any(|m| m.contains("last hint holds the whole solution")),
        "{f:?}"
    );
    // A failing check that shows an expected store path.
    let f = fails(&[(
        "01-basics/01-sum/check.nix",
        r#"{ files, ... }: [ { name = "path"; expected = (derivation { name = "x"; builder = "b"; system = "s"; }).outPath; actual = if files."main.nix".sum == 3 then (derivation { name = "x"; builder = "b"; system = "s"; }).outPath else ""; } ]"#,
    )]);
    assert!(
        f.iter()
            .any(|m| m.contains("check 'path' shows the store path /nix/store/")),
        "{f:?}"
    );
}

#[test]
fn the_library_is_loaded_from_lib_and_nothing_else_lives_there() {
    let l = lesson(&[]);
    assert!(l.check_library.contains("drvDiff"));
    let loaded = load(&tree(&[("lib/other.nix", "1")]));
    assert!(
        loaded.problems.iter().any(|p| p.file == "lib/other.nix"),
        "{:?}",
        loaded.problems
    );
}

// ---- the miniature nixpkgs ----

/// A lesson with `nixpkgs = true` whose check compares the learner's package with the
/// package set's own.
fn nixpkgs_lesson() -> Lesson {
    let md = LESSON_MD.replace("hints = [", "nixpkgs = true\nhints = [");
    lesson(&[
        ("01-basics/01-sum/lesson.md", &md),
        (
            "01-basics/01-sum/check.nix",
            "{ files, ... }: [ { name = \"hello's name\"; expected = (import <nixpkgs> { }).hello.name; actual = files.\"main.nix\".sum; } ]",
        ),
        ("01-basics/01-sum/solution/main.nix", "{ sum = (import <nixpkgs> { }).hello.name; }\n"),
        ("01-basics/01-sum/wrong/literal/main.nix", "{ sum = \"hello\"; }\n"),
    ])
}

/// A tiny stand-in package set (the real one is tested in the curriculum test).
fn tiny_package_set() -> CheckOptions {
    let files: [(&str, &[u8]); 2] = [
        (
            "default.nix",
            b"{ ... }: { hello = { name = \"hello-2.12\"; }; }",
        ),
        ("lib.nix", b"{ greet = who: \"hello \" + who; }"),
    ];
    CheckOptions {
        package_set: Some(std::rc::Rc::new(PackageSet::from_files(files))),
        ..CheckOptions::default()
    }
}

#[test]
fn nixpkgs_lessons_see_the_package_set() {
    let l = nixpkgs_lesson();
    assert!(l.nixpkgs);
    let r = l.check_solution(&tiny_package_set());
    assert!(r.passed, "{}", r.to_text());
    let mut files = Files::new();
    files.insert("main.nix".into(), "{ sum = \"hello\"; }".into());
    assert!(!l.check(&files, &tiny_package_set()).passed);
    // Runnable examples see it too.
    let out = run_example(
        "(import <nixpkgs> { }).hello.name",
        &Files::new(),
        true,
        &tiny_package_set(),
    );
    assert_eq!(out.output.as_deref(), Some("\"hello-2.12\""));
}

#[test]
fn nixpkgs_lessons_without_the_package_set_say_so() {
    let r = nixpkgs_lesson().check_solution(&CheckOptions::default());
    let e = r.error.expect("an error");
    assert!(e.message.contains("miniature nixpkgs"), "{}", e.message);
    // A lesson that does not declare it does not see <nixpkgs>, even when it is loaded.
    let out = run_example("<nixpkgs>", &Files::new(), false, &tiny_package_set());
    assert!(out.error.is_some(), "{:?}", out.output);
}

#[test]
fn errors_inside_the_package_set_are_the_learners() {
    // The check hands the learner's value to a library function, which fails on it: the
    // lesson is not broken, the learner's value is wrong.
    let md = LESSON_MD.replace("hints = [", "nixpkgs = true\nhints = [");
    let l = lesson(&[
        ("01-basics/01-sum/lesson.md", &md),
        (
            "01-basics/01-sum/check.nix",
            "{ files, ... }: [ { name = \"greets\"; expected = \"hello 3\"; actual = (import <nixpkgs/lib.nix>).greet files.\"main.nix\".sum; } ]",
        ),
        ("01-basics/01-sum/solution/main.nix", "{ sum = \"3\"; }\n"),
        ("01-basics/01-sum/wrong/literal/main.nix", "{ sum = 3; }\n"),
    ]);
    assert!(l.check_solution(&tiny_package_set()).passed);
    let mut files = Files::new();
    files.insert("main.nix".into(), "{ sum = 3; }".into());
    let r = l.check(&files, &tiny_package_set());
    let e = r.checks[0].error.as_ref().expect("an error");
    assert_eq!(e.source, FailureSource::Learner, "{}", e.rendered);
}

/// The real package set (a flake lesson's registry needs nixpkgs-lite's flake outputs).
fn real_package_set() -> CheckOptions {
    CheckOptions {
        package_set: Some(std::rc::Rc::new(PackageSet::from_files(
            nixpad_pkgs::files().iter().map(|(p, b)| (*p, *b)),
        ))),
        ..CheckOptions::default()
    }
}

#[test]
fn flake_lessons_see_the_flake_as_nix_does() {
    let check = r#"{ flake, ... }: [
      { name = "hello"; expected = "hello-2.12.1"; actual = flake.outputs.packages.x86_64-linux.default.name or null; }
      { name = "locked"; expected = [ "github" "NixOS" ]; actual = let n = flake.lock.nodes.nixpkgs or { }; in [ (n.locked.type or null) (n.locked.owner or null) ]; }
      { name = "shown"; expected = "derivation"; actual = flake.show.packages.x86_64-linux.default.type or null; }
      { name = "checked"; ok = flake.check.ok; message = toString flake.check.error; }
      { name = "self"; expected = true; actual = flake.outputs ? outPath && flake.outputs.inputs ? nixpkgs; }
    ]"#;
    let code = |flake| CheckCode {
        check,
        library: "",
        nixpkgs: false,
        flake,
    };
    let good = r#"{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }: { packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello; };
}"#;
    let mut files = Files::new();
    files.insert("flake.nix".into(), good.into());
    let options = real_package_set();
    let report = run_check(code(true), &files, &options);
    assert!(report.passed, "{}", report.to_text());

    // Impure code fails `nix flake check` with Nix's message; the outputs still evaluate.
    let impure = good.replace(
        "nixpkgs.legacyPackages.x86_64-linux.hello",
        "(import <nixpkgs> { }).hello",
    );
    files.insert("flake.nix".into(), impure);
    let report = run_check(code(true), &files, &options);
    let checked = report.checks.iter().find(|c| c.name == "checked").unwrap();
    assert_eq!(checked.status, CheckStatus::Failed);
    let message = checked.message.as_deref().unwrap_or_default();
    assert!(message.contains("pure evaluation mode"), "{message}");

    // A flake.nix Nix refuses: the outputs are that error; the report says why.
    files.insert("flake.nix".into(), "{ outputs = 1; }".into());
    let report = run_check(code(true), &files, &options);
    assert!(!report.passed);
    let hello = &report.checks[0];
    assert_eq!(hello.status, CheckStatus::Error, "{}", report.to_text());
    // Without flake mode, `flake` is not an argument of the check.
    let report = run_check(code(false), &files, &options);
    assert!(
        report.error.is_some()
            || report
                .checks
                .iter()
                .all(|c| c.status != CheckStatus::Passed)
    );
}
