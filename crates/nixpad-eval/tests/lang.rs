//! The data-driven language corpus: `tests/lang/eval-okay-*.nix` must print the `.exp`
//! text (as `nix-instantiate --eval --strict`), `eval-fail-*.nix` must fail with the
//! message in `.exp` (the innermost `error:` line). Expectations come from real Nix
//! (`scripts/regen-corpus.sh`).

use std::path::{Path, PathBuf};
use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Settings};

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

enum Outcome {
    Pass,
    Fail(String),
}

fn run_case(io: &Rc<MemoryIO>, path: &Path) -> Outcome {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    // Bytes: a printed string may hold bytes that are not UTF-8, as Nix prints them.
    let expected_bytes = match std::fs::read(path.with_extension("exp")) {
        Ok(e) => e,
        Err(_) => return Outcome::Fail(format!("{name}: missing .exp file")),
    };
    let expected = String::from_utf8_lossy(&expected_bytes).into_owned();
    let mut ev = Evaluator::new(io.clone(), Settings::default(), Limits::default());
    let result = ev
        .eval_file(&path.to_string_lossy())
        .and_then(|v| ev.print(&v, true));
    let okay = name.starts_with("eval-okay-");
    match (okay, result) {
        (true, Ok(mut out)) => {
            out.push(b'\n');
            let got = String::from_utf8_lossy(&out).into_owned();
            if out == expected_bytes {
                Outcome::Pass
            } else {
                Outcome::Fail(format!(
                    "{name}:\n  expected: {}\n  got:      {}",
                    expected.trim_end(),
                    got.trim_end()
                ))
            }
        }
        (true, Err(e)) => Outcome::Fail(format!(
            "{name}:\n  expected: {}\n  error:    {}",
            expected.trim_end(),
            e.message()
        )),
        (false, Ok(out)) => Outcome::Fail(format!(
            "{name}: expected failure `{}` but got {}",
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
                Outcome::Pass
            } else {
                Outcome::Fail(format!(
                    "{name}:\n  expected error: {}\n  got error:      {got}",
                    expected.trim_end()
                ))
            }
        }
    }
}

#[test]
fn language_corpus_matches_nix() {
    let dir = corpus_dir();
    let result = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut io = MemoryIO::new();
            load_tree(&mut io, &dir);
            let io = Rc::new(io);
            let filter = std::env::var("CORPUS_FILTER").unwrap_or_default();
            let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "nix"))
                .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&filter))
                .collect();
            cases.sort();
            let mut failures = Vec::new();
            for case in &cases {
                if let Outcome::Fail(msg) = run_case(&io, case) {
                    failures.push(msg);
                }
            }
            (cases.len(), failures)
        })
        .unwrap()
        .join()
        .expect("corpus thread");
    let (total, failures) = result;
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!(
        "corpus: {} passed, {} failed",
        total - failures.len(),
        failures.len()
    );
    assert!(total >= 1, "no corpus cases found");
    assert!(
        failures.is_empty(),
        "{} of {total} corpus cases differ from Nix",
        failures.len()
    );
}

/// `builtins.trace` prints a value that is not a string as Nix 2.26 does (texts taken from
/// the oracle): nothing inside it is forced, functions show where they are defined.
#[test]
fn trace_prints_values_like_nix() {
    let cases = [
        (
            "builtins.trace { a = 1; b = throw \"x\"; c = [ 1 (throw \"y\") ]; d = x: x; } 1",
            "trace: { a = 1; b = «thunk»; c = «thunk»; d = «thunk»; }",
        ),
        ("builtins.trace (x: x) 1", "trace: «lambda @ «string»:1:17»"),
        (
            "let s = { q = 1; }; l = [1 2 3]; in builtins.seq s (builtins.seq l (builtins.trace [ s s l l ] 1))",
            "trace: [ { q = 1; } «repeated» [ 1 2 3 ] «repeated» ]",
        ),
        (
            "let p = builtins.map; q = builtins.map (x: x); in builtins.seq p (builtins.seq q (builtins.trace [ p q ] 1))",
            "trace: [ «primop map» «partially applied primop map» ]",
        ),
        ("builtins.trace \"plain\" 1", "trace: plain"),
    ];
    for (expr, want) in cases {
        let mut ev = Evaluator::new(
            Rc::new(MemoryIO::new()),
            Settings::default(),
            Limits::default(),
        );
        let v = ev
            .eval_source(expr, nixpad_eval::Origin::String, "/")
            .expect(expr);
        assert_eq!(ev.print(&v, true).expect(expr), b"1", "{expr}");
        assert_eq!(ev.take_trace_lines(), vec![want.to_string()], "{expr}");
    }
}

/// Printing without `--strict` shows a formal's constant default as a value, as Nix 2.26
/// does (texts taken from the oracle); other defaults stay unevaluated code.
#[test]
fn lazy_print_shows_constant_formal_defaults() {
    let cases = [
        (
            "let f = { a ? \"\", b ? 1, c ? /x, d ? [ 1 ], g ? null, h ? 1.5, i ? x: x, j ? true, k ? \"a${\"b\"}\" }: { inherit a b c d g h i j k; }; in f { }",
            "{ a = \"\"; b = 1; c = /x; d = <CODE>; g = null; h = 1.5; i = <CODE>; j = true; k = <CODE>; }",
        ),
        (
            "let z = 3; y = z + 1; f = { a ? z, b ? y }: { inherit a b; }; in f { }",
            "{ a = 3; b = <CODE>; }",
        ),
    ];
    for (expr, want) in cases {
        let mut ev = Evaluator::new(
            Rc::new(MemoryIO::new()),
            Settings::default(),
            Limits::default(),
        );
        let v = ev
            .eval_source(expr, nixpad_eval::Origin::String, "/")
            .expect(expr);
        assert_eq!(
            String::from_utf8(ev.print(&v, false).expect(expr)).unwrap(),
            want,
            "{expr}"
        );
    }
}

/// A failed coercion in an interpolation is reported as Nix 2.26 does (positions taken from
/// the oracle): no position of its own, in a "while evaluating a path segment" frame at the `${`.
#[test]
fn interpolation_coercion_error_points_at_the_part() {
    let cases = [
        ("\"x${1}\"", "«string»:1:3"),
        ("/a/${1}", "«string»:1:4"),
        ("\"a${\"b\"}${ {} }\"", "«string»:1:9"),
    ];
    for (expr, at) in cases {
        let mut ev = Evaluator::new(
            Rc::new(MemoryIO::new()),
            Settings::default(),
            Limits::default(),
        );
        let e = ev
            .eval_source(expr, nixpad_eval::Origin::String, "/")
            .and_then(|v| ev.print(&v, true))
            .unwrap_err();
        let text = ev.render_error(&e);
        let ats: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("at "))
            .map(|l| l.trim())
            .collect();
        assert_eq!(ats, vec![format!("at {at}:")], "{expr}:\n{text}");
        assert!(
            text.contains("while evaluating a path segment"),
            "{expr}:\n{text}"
        );
    }
}

/// Infinite recursion through attribute selections is reported, as by Nix 2.26 (positions
/// from the oracle), at the definition of the attribute being re-entered.
#[test]
fn infinite_recursion_points_at_the_reentered_attribute() {
    let cases = [
        ("let a = { z = a.w; w = a.z; }; in a.z", "«string»:1:11"),
        (
            "let a = { z = a.b.c; b = { c = a.z; }; }; in a.z",
            "«string»:1:11",
        ),
        ("let x = x; in x", "«string»:1:9"),
    ];
    for (expr, at) in cases {
        let mut ev = Evaluator::new(
            Rc::new(MemoryIO::new()),
            Settings::default(),
            Limits::default(),
        );
        let e = ev
            .eval_source(expr, nixpad_eval::Origin::String, "/")
            .and_then(|v| ev.print(&v, true))
            .unwrap_err();
        let text = ev.render_error(&e);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let error_line = lines
            .iter()
            .position(|l| l.contains("infinite recursion encountered"))
            .expect(&text);
        assert_eq!(
            lines.get(error_line + 1).copied(),
            Some(format!("at {at}:").as_str()),
            "{expr}:\n{text}"
        );
    }
}
