//! `:doc`: every builtin is documented, with a synopsis that fits its arity, and Nix
//! functions are documented by their doc comments.

use std::rc::Rc;

use nixpad_eval::{
    builtin_arity, builtin_doc, is_global_builtin, Documentation, Evaluator, MemoryIO, Origin,
    Settings, Value, ValueView,
};

/// An evaluator with every experimental builtin (`getFlake`, `fetchTree`) and `files`.
fn evaluator(files: &[(&str, &str)]) -> Evaluator {
    let mut io = MemoryIO::new();
    for (path, text) in files {
        io.add_file(path, text.as_bytes().to_vec());
    }
    let settings = Settings {
        experimental_features: vec!["flakes".into()],
        ..Settings::default()
    };
    Evaluator::new(Rc::new(io), settings, Default::default())
}

fn eval(ev: &mut Evaluator, src: &str) -> Value {
    ev.eval_source(src, Origin::String, "/")
        .unwrap_or_else(|e| panic!("{src}: {}", e.message()))
}

fn doc_of(ev: &mut Evaluator, src: &str) -> Option<Documentation> {
    let v = eval(ev, src);
    ev.documentation(&v)
        .unwrap_or_else(|e| panic!("{src}: {}", e.message()))
}

/// The names `builtins.attrNames builtins` gives.
fn builtin_names(ev: &mut Evaluator) -> Vec<String> {
    let list = eval(ev, "builtins.attrNames builtins");
    let ValueView::List(items) = ev.view(&list, true).unwrap() else {
        panic!("not a list")
    };
    items
        .iter()
        .map(|item| match ev.view(item, true).unwrap() {
            ValueView::String(s) => String::from_utf8(s).unwrap(),
            _ => panic!("not a string"),
        })
        .collect()
}

#[test]
fn every_builtin_has_documentation() {
    let mut ev = evaluator(&[]);
    let names = builtin_names(&mut ev);
    assert!(names.len() > 100, "{names:?}");
    for name in &names {
        let doc = builtin_doc(name).unwrap_or_else(|| panic!("builtins.{name} has no doc"));
        assert!(!doc.text.trim().is_empty(), "builtins.{name}: empty text");
        assert!(
            doc.text.ends_with('.') && doc.text.len() > 30,
            "builtins.{name}: {:?}",
            doc.text
        );
        assert!(
            doc.args.iter().all(|a| !a.is_empty() && !a.contains(' ')),
            "builtins.{name}: {:?}",
            doc.args
        );
        assert_eq!(
            Some(doc.args.len()),
            builtin_arity(name),
            "builtins.{name}: the synopsis has {:?}",
            doc.args
        );
    }
    assert_eq!(builtin_doc("nope"), None);
    assert_eq!(builtin_doc("__map"), None);
}

#[test]
fn synopses_fit_how_many_arguments_the_builtins_take() {
    let mut ev = evaluator(&[]);
    for name in builtin_names(&mut ev) {
        let arity = builtin_doc(&name).unwrap().args.len();
        let value = eval(&mut ev, &format!("builtins.{name}"));
        let Some(Documentation::Builtin { name: got, .. }) = ev.documentation(&value).unwrap()
        else {
            // Constants are not functions (so have no `:doc`), except `derivation`.
            assert_eq!(arity, 0, "builtins.{name}");
            continue;
        };
        assert_eq!(got, name);
        if name == "derivation" {
            continue;
        }
        // Given one argument fewer than the synopsis names, a builtin is still waiting.
        let partial = format!("builtins.{name}{}", " null".repeat(arity - 1));
        match doc_of(&mut ev, &partial) {
            Some(Documentation::Builtin {
                name: got, applied, ..
            }) => assert_eq!((got.as_str(), applied), (name.as_str(), arity - 1)),
            other => panic!("{partial}: {other:?}"),
        }
    }
}

#[test]
fn global_builtins_have_documentation() {
    let mut ev = evaluator(&[]);
    let globals: Vec<String> = builtin_names(&mut ev)
        .into_iter()
        .filter(|n| is_global_builtin(n))
        .collect();
    for name in [
        "map",
        "toString",
        "import",
        "derivation",
        "throw",
        "abort",
        "baseNameOf",
        "dirOf",
        "isNull",
        "removeAttrs",
        "placeholder",
        "scopedImport",
        "fetchTarball",
    ] {
        assert!(globals.iter().any(|g| g == name), "{name} is not global");
    }
    for name in globals {
        match doc_of(&mut ev, &name) {
            Some(Documentation::Builtin {
                name: got,
                doc,
                applied: 0,
            }) => {
                assert_eq!(got, name);
                assert_eq!(Some(doc), builtin_doc(&name));
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn partially_applied_builtins_and_values_without_documentation() {
    let mut ev = evaluator(&[]);
    match doc_of(&mut ev, "builtins.map (x: x)") {
        Some(Documentation::Builtin { name, doc, applied }) => {
            assert_eq!((name.as_str(), applied), ("map", 1));
            assert_eq!(doc.args, &["f", "list"]);
        }
        other => panic!("{other:?}"),
    }
    for src in [
        "1",
        "\"map\"",
        "{ }",
        "[ map ]",
        "null",
        "builtins.nixVersion",
    ] {
        assert_eq!(doc_of(&mut ev, src), None, "{src}");
    }
}

const LIB: &str = r#"{
  /**
    Adds one to `x`.

    # Example

        inc 1
  */
  inc = x: x + 1;

  # Subtracts one from `x`.
  # Works on floats too.
  dec = x: x - 1;

  /** Joins two lists. */
  join = a: b: a ++ b;

  # Not about `twice`: a blank line follows.

  twice = f: x: f (f x);

  functor = {
    __functor = self: /** Calls the functor. */ x: x;
  };
}
"#;

fn lambda_doc(ev: &mut Evaluator, src: &str) -> (Option<String>, String, Option<String>) {
    match doc_of(ev, src) {
        Some(Documentation::Lambda { name, pos, doc }) => (name, pos, doc),
        other => panic!("{src}: {other:?}"),
    }
}

#[test]
fn functions_are_documented_by_their_doc_comments() {
    let mut ev = evaluator(&[("/lib.nix", LIB)]);
    let (name, pos, doc) = lambda_doc(&mut ev, "(import /lib.nix).inc");
    assert_eq!(name.as_deref(), Some("inc"));
    assert_eq!(pos, "/lib.nix:9:9");
    assert_eq!(
        doc.as_deref(),
        Some("Adds one to `x`.\n\n# Example\n\n    inc 1")
    );
    let (_, _, doc) = lambda_doc(&mut ev, "(import /lib.nix).dec");
    assert_eq!(
        doc.as_deref(),
        Some("Subtracts one from `x`.\nWorks on floats too.")
    );
    // A curried function keeps its documentation when partially applied.
    let (_, pos, doc) = lambda_doc(&mut ev, "(import /lib.nix).join [ 1 ]");
    assert_eq!(pos, "/lib.nix:16:13");
    assert_eq!(doc.as_deref(), Some("Joins two lists."));
    let (name, _, doc) = lambda_doc(&mut ev, "(import /lib.nix).twice");
    assert_eq!((name.as_deref(), doc), (Some("twice"), None));
    let (_, _, doc) = lambda_doc(&mut ev, "(import /lib.nix).functor");
    assert_eq!(doc.as_deref(), Some("Calls the functor."));
    // Written in the expression itself.
    let (name, pos, doc) = lambda_doc(&mut ev, "/** Doubles. */ x: x * 2");
    assert_eq!(
        (name, pos, doc.as_deref()),
        (None, "«string»:1:17".into(), Some("Doubles."))
    );
    let (_, _, doc) = lambda_doc(&mut ev, "let f = /** not here */ (x: x); in f");
    assert_eq!(doc, None);
}

#[test]
fn a_failing_functor_is_an_error() {
    let mut ev = evaluator(&[]);
    let v = eval(&mut ev, "{ __functor = self: throw \"no doc\"; }");
    let e = ev.documentation(&v).unwrap_err();
    assert!(e.message().contains("no doc"), "{}", e.message());
}
