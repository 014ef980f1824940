//! `builtins.break` with a debugger attached: the chosen call stops the evaluation and
//! leaves its scope to inspect; without one, `break` returns its argument.

use std::rc::Rc;

use nixpad_eval::{Breakpoint, ErrorKind, Evaluator, MemoryIO, Origin, Value};

fn evaluator(files: &[(&str, &str)]) -> Evaluator {
    let mut io = MemoryIO::new();
    for (path, text) in files {
        io.add_file(path, text.as_bytes().to_vec());
    }
    Evaluator::new(Rc::new(io), Default::default(), Default::default())
}

/// Evaluates `src` strictly with the debugger waiting for break call number `skip`, and
/// returns the stop (or the printed value when nothing stopped).
fn run(ev: &mut Evaluator, src: &str, skip: usize) -> Result<Breakpoint, String> {
    ev.set_breakpoints(Some(skip));
    let printed = ev
        .eval_source(src, Origin::String, "/")
        .and_then(|v| ev.print(&v, true));
    match (ev.take_breakpoint(), printed) {
        (Some(stop), Err(e)) => {
            assert_eq!(e.kind, ErrorKind::Breakpoint);
            assert_eq!(e.message(), "breakpoint reached");
            Ok(stop)
        }
        (None, Ok(text)) => Err(String::from_utf8(text).unwrap()),
        (stop, Err(e)) => panic!("{src}: error {} (stop: {})", e.message(), stop.is_some()),
        (Some(_), Ok(_)) => panic!("{src}: stopped, yet a value was printed"),
    }
}

/// The scope at `stop` as `name = value` lines (values as far as they were evaluated).
fn scope(ev: &mut Evaluator, stop: &Breakpoint) -> Vec<String> {
    ev.breakpoint_scope(stop)
        .iter()
        .map(|e| {
            let with = if e.from_with { " (with)" } else { "" };
            format!("{}{with} = {}", e.name, shown(ev, &e.value))
        })
        .collect()
}

fn shown(ev: &mut Evaluator, v: &Value) -> String {
    String::from_utf8(ev.print(v, false).unwrap()).unwrap()
}

fn position(ev: &Evaluator, stop: &Breakpoint) -> (u32, u32) {
    let at = ev.sources().line_col(stop.span.file, stop.span.start);
    (at.line, at.col)
}

#[test]
fn without_a_debugger_break_returns_its_argument() {
    let mut ev = evaluator(&[]);
    let v = ev
        .eval_source("builtins.break 1 + builtins.break 2", Origin::String, "/")
        .unwrap();
    assert_eq!(ev.print(&v, true).unwrap(), b"3");
    assert!(ev.take_breakpoint().is_none());
}

#[test]
fn the_stop_shows_the_scope_of_the_call_innermost_first() {
    let mut ev = evaluator(&[]);
    // `with`'s `x` is shadowed by the lexical one; its `w` is seen.
    let src = "with { w = 5; x = 7; }; let\n  x = 1;\n  f = y: let z = y * 10; in builtins.break (z + x);\nin f 2";
    let stop = run(&mut ev, src, 0).unwrap();
    assert_eq!(position(&ev, &stop), (3, 29));
    assert_eq!(shown(&mut ev, &stop.value), "21");
    assert_eq!(
        scope(&mut ev, &stop),
        ["z = 20", "y = 2", "x = 1", "f = <LAMBDA>", "w (with) = 5"]
    );
}

#[test]
fn each_run_stops_at_the_next_call_until_none_is_left() {
    let mut ev = evaluator(&[]);
    let src = "let f = n: builtins.break n; in [ (f 1) (f 2) (builtins.break 3) ]";
    let mut values = Vec::new();
    for skip in 0.. {
        match run(&mut ev, src, skip) {
            Ok(stop) => {
                let value = ev.force(&stop.value).unwrap();
                values.push(shown(&mut ev, &value));
            }
            Err(printed) => {
                assert_eq!(printed, "[ 1 2 3 ]");
                break;
            }
        }
    }
    assert_eq!(values, ["1", "2", "3"]);
}

#[test]
fn try_eval_does_not_catch_a_stop() {
    let mut ev = evaluator(&[]);
    let stop = run(&mut ev, "(builtins.tryEval (builtins.break 1)).success", 0);
    assert!(stop.is_ok());
}

#[test]
fn a_stop_in_an_imported_file_names_that_file_s_variables() {
    let mut ev = evaluator(&[(
        "/lib.nix",
        "{ greeting }:\nname: builtins.break \"${greeting}, ${name}\"\n",
    )]);
    let stop = run(&mut ev, "import /lib.nix { greeting = \"hi\"; } \"you\"", 0).unwrap();
    assert_eq!(position(&ev, &stop), (2, 7));
    assert_eq!(
        scope(&mut ev, &stop),
        ["name = \"you\"", "greeting = \"hi\""]
    );
}

#[test]
fn a_stop_in_a_repl_line_sees_the_repl_bindings() {
    let mut ev = evaluator(&[]);
    let bindings = vec![("answer".to_string(), Value::Int(42))];
    ev.set_breakpoints(Some(0));
    let forced = ev
        .eval_source_with_scope(
            "let q = answer + 1; in builtins.break q",
            Origin::String,
            "/",
            &bindings,
        )
        .and_then(|v| ev.force(&v));
    assert!(matches!(forced, Err(e) if e.kind == ErrorKind::Breakpoint));
    let stop = ev.take_breakpoint().unwrap();
    assert_eq!(scope(&mut ev, &stop), ["q = 43", "answer = 42"]);
}
