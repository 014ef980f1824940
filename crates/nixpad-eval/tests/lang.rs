//! Language behaviour that the data-driven corpus (`tests/corpus.rs`) cannot express:
//! traces, positions and errors checked piece by piece.

use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Settings};

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

/// The error evaluating and printing `expr` gives.
fn eval_error(expr: &str) -> Box<nixpad_eval::Error> {
    let mut ev = Evaluator::new(
        Rc::new(MemoryIO::new()),
        Settings::default(),
        Limits::default(),
    );
    let printed = ev
        .eval_source(expr, nixpad_eval::Origin::String, "/")
        .and_then(|v| ev.print(&v, true));
    match printed {
        Ok(_) => panic!("{expr}: no error"),
        Err(e) => e,
    }
}

/// Type errors carry their parts (what was wanted, what was found, the value) as data, and
/// their message is Nix 2.26's wording (texts taken from the oracle).
#[test]
fn type_errors_are_typed() {
    use nixpad_eval::{ErrorKind, TypeMismatch};
    let expected =
        |expected: &'static str, found: &'static str, shown: &str| TypeMismatch::Expected {
            expected: expected.into(),
            found: found.into(),
            shown: shown.into(),
        };
    let cases = [
        (
            "1 + { }",
            TypeMismatch::CannotAdd {
                added: "a set".into(),
                to: "an integer".into(),
            },
            "cannot add a set to an integer",
        ),
        (
            "if 1 then 2 else 3",
            expected("a Boolean", "an integer", "1"),
            "expected a Boolean but found an integer: 1",
        ),
        (
            "(x: x) 1 2",
            TypeMismatch::NotAFunction {
                found: "an integer".into(),
                shown: "1".into(),
            },
            "attempt to call something which is not a function but an integer: 1",
        ),
        (
            "\"${{ a = 1; }}\"",
            TypeMismatch::NotCoercible {
                found: "a set".into(),
                shown: "{ a = 1; }".into(),
            },
            "cannot coerce a set to a string: { a = 1; }",
        ),
        (
            "{ } < { }",
            TypeMismatch::Incomparable {
                left: "a set".into(),
                right: "a set".into(),
                same_type: true,
            },
            "cannot compare a set with a set; values of that type are incomparable",
        ),
        (
            "builtins.toJSON (x: x)",
            TypeMismatch::NotJson {
                found: Some("a function".into()),
            },
            "cannot convert a function to JSON",
        ),
    ];
    for (expr, mismatch, message) in cases {
        let e = eval_error(expr);
        assert_eq!(e.kind, ErrorKind::Type(mismatch), "{expr}");
        assert_eq!(e.message(), message, "{expr}");
    }
}

/// Argument, index and overflow errors carry their parts as data, worded as Nix 2.26.
#[test]
fn call_index_and_overflow_errors_are_typed() {
    use nixpad_eval::ErrorKind;
    let cases = [
        (
            "let f = { a }: a; in f { }",
            ErrorKind::MissingArgument {
                function: "function 'f'".into(),
                argument: "a".into(),
            },
            "function 'f' called without required argument 'a'",
        ),
        (
            "({ a }: a) { a = 1; b = 2; }",
            ErrorKind::UnexpectedArgument {
                function: "function 'anonymous lambda'".into(),
                argument: "b".into(),
            },
            "function 'anonymous lambda' called with unexpected argument 'b'",
        ),
        (
            "builtins.elemAt [ 1 ] 3",
            ErrorKind::OutOfBounds {
                builtin: "elemAt",
                index: Some((3, 1)),
            },
            "'builtins.elemAt' called with index 3 on a list of size 1",
        ),
        (
            "builtins.head [ ]",
            ErrorKind::OutOfBounds {
                builtin: "head",
                index: None,
            },
            "'builtins.head' called on an empty list",
        ),
        (
            "9223372036854775807 * 2",
            ErrorKind::Overflow {
                operation: "multiplying",
                operator: "*",
                left: i64::MAX,
                right: 2,
            },
            "integer overflow in multiplying 9223372036854775807 * 2",
        ),
    ];
    for (expr, kind, message) in cases {
        let e = eval_error(expr);
        assert_eq!(e.kind, kind, "{expr}");
        assert_eq!(e.message(), message, "{expr}");
    }
}
