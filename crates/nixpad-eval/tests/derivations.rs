//! Derivation known answers: each `tests/derivations/NAME.nix` must give exactly the
//! `.drv` files (`NAME.drv`: path line, ATerm bytes, newline, for every derivation in the
//! closure) and the `nix derivation show -r` JSON (`NAME.json`) that real Nix 2.26 gives.
//! The expected files come from the oracle (`scripts/regen-derivations.sh`); these tests
//! do not need it.

mod support;

use std::path::{Path, PathBuf};
use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/derivations")
}

fn load_tree(io: &mut MemoryIO, dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("data directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            load_tree(io, &path);
        } else {
            io.add_file(
                &path.to_string_lossy(),
                std::fs::read(&path).expect("read data file"),
            );
        }
    }
}

fn evaluator() -> Evaluator {
    evaluator_with(Vec::new())
}

/// An evaluator over the vectors with the given experimental features.
fn evaluator_with(experimental_features: Vec<String>) -> Evaluator {
    let mut io = MemoryIO::new();
    load_tree(&mut io, &data_dir());
    let settings = Settings {
        experimental_features,
        ..Settings::default()
    };
    Evaluator::new(Rc::new(io), settings, Limits::default())
}

/// Evaluates an expression to a derivation and returns its `.drv` path.
fn drv_path(ev: &mut Evaluator, expr: &str) -> String {
    let v = ev
        .eval_source(expr, Origin::String, &data_dir().to_string_lossy())
        .unwrap_or_else(|e| panic!("{}", ev.render_error(&e)));
    ev.derivation_path(&v)
        .expect("forcing drvPath")
        .expect("a derivation")
}

/// The `.drv` files of a closure in the layout of `NAME.drv`.
fn closure_aterms(ev: &Evaluator, top: &str) -> Vec<u8> {
    let mut paths = std::collections::BTreeSet::new();
    let mut todo = vec![top.to_string()];
    while let Some(p) = todo.pop() {
        let info = ev
            .derivation_info(&p)
            .expect("every input derivation is known");
        todo.extend(info.input_drvs.iter().map(|(d, _)| d.clone()));
        paths.insert(p);
    }
    let mut out = Vec::new();
    for p in paths {
        out.extend_from_slice(p.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(&ev.derivation_info(&p).expect("known").aterm);
        out.push(b'\n');
    }
    out
}

#[test]
fn known_answer_hello() {
    let mut ev = evaluator();
    let p = drv_path(
        &mut ev,
        r#"derivation { name = "hello"; builder = "/bin/sh"; system = "x86_64-linux"; }"#,
    );
    assert_eq!(p, "/nix/store/x0sj6ynccvc1a8kxr8fifnlf7qlxw6hd-hello.drv");
    let info = ev.derivation_info(&p).expect("known");
    assert_eq!(
        info.outputs,
        vec![(
            "out".to_string(),
            "/nix/store/pnwh4xsfs4j508bs9iw6bpkyc4zw6ryx-hello".to_string()
        )]
    );
    assert!(info.input_drvs.is_empty() && info.input_srcs.is_empty());
    assert_eq!(
        String::from_utf8(info.aterm).unwrap(),
        r#"Derive([("out","/nix/store/pnwh4xsfs4j508bs9iw6bpkyc4zw6ryx-hello","","")],[],[],"x86_64-linux","/bin/sh",[],[("builder","/bin/sh"),("name","hello"),("out","/nix/store/pnwh4xsfs4j508bs9iw6bpkyc4zw6ryx-hello"),("system","x86_64-linux")])"#
    );
}

#[test]
fn to_file_known_answer() {
    let mut ev = evaluator();
    let v = ev
        .eval_source(r#"builtins.toFile "a" "b""#, Origin::String, "/")
        .unwrap();
    assert_eq!(
        ev.print(&v, true).unwrap(),
        br#""/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a""#
    );
}

#[test]
fn every_vector_matches_nix() {
    let dir = data_dir();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "nix"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 12,
        "expected the known-answer vectors, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_stem().unwrap().to_string_lossy().to_string();
        let mut ev = evaluator_with(support::experimental_features(case));
        let v = ev
            .eval_file(&case.to_string_lossy())
            .unwrap_or_else(|e| panic!("{name}: {}", ev.render_error(&e)));
        let top = match ev.derivation_path(&v) {
            Ok(Some(p)) => p,
            other => {
                failures.push(format!("{name}: not a derivation ({:?})", other.err()));
                continue;
            }
        };
        let want_json = std::fs::read(case.with_extension("json")).expect("NAME.json");
        let got_json = ev.derivation_show_json(std::slice::from_ref(&top), true);
        if got_json != want_json {
            failures.push(format!(
                "{name}: show JSON differs\n--- nix:\n{}\n--- nixpad:\n{}",
                String::from_utf8_lossy(&want_json),
                String::from_utf8_lossy(&got_json)
            ));
        }
        let want_drv = std::fs::read(case.with_extension("drv")).expect("NAME.drv");
        let got_drv = closure_aterms(&ev, &top);
        if got_drv != want_drv {
            failures.push(format!(
                "{name}: .drv files differ\n--- nix:\n{}\n--- nixpad:\n{}",
                String::from_utf8_lossy(&want_drv),
                String::from_utf8_lossy(&got_drv)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn dependency_graph_and_output_contexts() {
    let mut ev = evaluator();
    let top = drv_path(&mut ev, "import ./depends.nix");
    let info = ev.derivation_info(&top).expect("known");
    let inputs: Vec<(String, Vec<String>)> = info
        .input_drvs
        .iter()
        .map(|(p, o)| (p.rsplit_once('-').unwrap().1.to_string(), o.clone()))
        .collect();
    assert_eq!(
        inputs,
        vec![
            (
                "lib.drv".to_string(),
                vec!["dev".to_string(), "man".to_string(), "out".to_string()]
            ),
            ("tool.drv".to_string(), vec!["out".to_string()]),
        ]
    );
    let v = ev
        .eval_source(
            "let d = import ./depends.nix; in builtins.attrNames (builtins.getContext \"${d} ${d.drvPath}\")",
            Origin::String,
            &data_dir().to_string_lossy(),
        )
        .unwrap();
    assert_eq!(
        ev.print(&v, true).unwrap(),
        format!("[ \"{top}\" ]").into_bytes()
    );
}

#[test]
fn chain_of_fifty_has_fifty_distinct_derivations() {
    let mut ev = evaluator();
    let top = drv_path(&mut ev, "import ./chain-50.nix");
    let mut seen = 0;
    let mut p = Some(top);
    while let Some(cur) = p {
        let info = ev.derivation_info(&cur).expect("known");
        seen += 1;
        assert!(info.input_drvs.len() <= 1);
        p = info.input_drvs.first().map(|(d, _)| d.clone());
    }
    assert_eq!(seen, 50);
}

/// Printing without `--strict` shows what is not evaluated yet exactly as Nix does
/// (expected texts from `nix-instantiate --eval` of Nix 2.26).
#[test]
fn lazy_printing_matches_nix() {
    let cases = [
        (
            r#"derivation { name = "hello"; builder = "/bin/sh"; system = "x86_64-linux"; }"#,
            r#"{ all = <CODE>; builder = "/bin/sh"; drvAttrs = { builder = "/bin/sh"; name = "hello"; system = "x86_64-linux"; }; drvPath = <CODE>; name = "hello"; out = «repeated»; outPath = <CODE>; outputName = "out"; system = "x86_64-linux"; type = "derivation"; }"#,
        ),
        (
            r#"derivation { name = "a"; builder = "b"; system = "c"; outputs = ["out" "dev"]; }"#,
            r#"{ all = <CODE>; builder = "b"; dev = <CODE>; drvAttrs = { builder = "b"; name = "a"; outputs = [ "out" "dev" ]; system = "c"; }; drvPath = <CODE>; name = "a"; out = «repeated»; outPath = <CODE>; outputName = "out"; outputs = «repeated»; system = "c"; type = "derivation"; }"#,
        ),
        (
            r#"let d = derivation { name = "a"; builder = "b"; system = "c"; outputs = ["out" "dev"]; }; in d.dev"#,
            r#"{ all = <CODE>; builder = "b"; dev = «repeated»; drvAttrs = { builder = "b"; name = "a"; outputs = [ "out" "dev" ]; system = "c"; }; drvPath = <CODE>; name = "a"; out = { all = <CODE>; builder = "b"; dev = «repeated»; drvAttrs = «repeated»; drvPath = <CODE>; name = "a"; out = «repeated»; outPath = <CODE>; outputName = "out"; outputs = «repeated»; system = "c"; type = "derivation"; }; outPath = <CODE>; outputName = "dev"; outputs = «repeated»; system = "c"; type = "derivation"; }"#,
        ),
    ];
    for (expr, want) in cases {
        let mut ev = evaluator();
        let v = ev.eval_source(expr, Origin::String, "/").unwrap();
        assert_eq!(
            String::from_utf8(ev.print(&v, false).unwrap()).unwrap(),
            want,
            "{expr}"
        );
    }
}

/// An evaluator with Nix's `flakes` experimental feature (`getFlake`, `fetchTree`).
fn flakes_evaluator() -> Evaluator {
    let settings = Settings {
        experimental_features: vec!["flakes".into()],
        ..Settings::default()
    };
    Evaluator::new(Rc::new(MemoryIO::new()), settings, Limits::default())
}

/// Builtins that need the network say so, with a hint for lessons.
#[test]
fn network_builtins_are_not_available() {
    for name in [
        "fetchurl",
        "fetchTarball",
        "fetchGit",
        "fetchMercurial",
        "fetchTree",
    ] {
        let mut ev = if name == "fetchTree" {
            flakes_evaluator()
        } else {
            evaluator()
        };
        let Err(err) = ev.eval_source(
            &format!(r#"builtins.{name} "https://example.org/x""#),
            Origin::String,
            "/",
        ) else {
            panic!("builtins.{name} should fail");
        };
        assert_eq!(err.kind.code(), "E018", "{name}");
        assert!(
            err.message().contains("not available in Nixpad") && err.message().contains("mock"),
            "{}",
            err.message()
        );
    }
    let mut ev = flakes_evaluator();
    let Err(err) = ev.eval_source(r#"builtins.getFlake "nixpkgs""#, Origin::String, "/") else {
        panic!("builtins.getFlake should fail");
    };
    assert!(
        err.message().contains("not available in Nixpad yet"),
        "{}",
        err.message()
    );
    // Without the feature they do not exist, as in Nix.
    let Err(err) = evaluator().eval_source("builtins.getFlake", Origin::String, "/") else {
        panic!("builtins.getFlake should be missing without the flakes feature");
    };
    assert_eq!(err.message(), "attribute 'getFlake' missing");
}

/// A fetch pinned by a SHA-256 hash names its store path before anything is downloaded:
/// when that path is there to read (a flake input), `fetchurl` and `fetchTarball` give
/// it, with the path in the string's context, as Nix does; otherwise they need the
/// network, which Nixpad has not. (The paths are Nix's fixed-output paths for these
/// hashes and names.)
#[test]
fn pinned_fetches_give_the_store_path_when_it_is_there() {
    let hash = "0000000000000000000000000000000000000000000000000000";
    let file = "/nix/store/agaczl1qly5b2g6465p958ybnvyjb9h3-a.txt";
    let tree = "/nix/store/bqfq4db6nwycmkdrql9igsbrayqsw3g2-source";
    let fetch_file =
        format!(r#"builtins.fetchurl {{ url = "https://example.org/a.txt"; sha256 = "{hash}"; }}"#);
    let fetch_tree = format!(
        r#"builtins.fetchTarball {{ url = "https://example.org/a.tar.gz"; sha256 = "{hash}"; }}"#
    );
    let mut io = MemoryIO::new();
    io.add_file(file, "contents");
    io.add_file(&format!("{tree}/default.nix"), "1");
    let mut ev = Evaluator::new(Rc::new(io), Settings::default(), Limits::default());
    for (program, path) in [(&fetch_file, file), (&fetch_tree, tree)] {
        let context = format!("builtins.attrNames (builtins.getContext ({program}))");
        let shown = |ev: &mut Evaluator, text: &str| {
            let v = ev
                .eval_source(text, Origin::String, "/")
                .expect("evaluates");
            String::from_utf8(ev.print(&v, true).expect("prints")).expect("UTF-8")
        };
        assert_eq!(shown(&mut ev, program), format!("\"{path}\""));
        assert_eq!(shown(&mut ev, &context), format!("[ \"{path}\" ]"));
    }
    let mut empty = Evaluator::new(
        Rc::new(MemoryIO::new()),
        Settings::default(),
        Limits::default(),
    );
    for program in [&fetch_file, &fetch_tree] {
        let Err(e) = empty.eval_source(program, Origin::String, "/") else {
            panic!("{program} needs the network");
        };
        assert!(e.message().contains("needs the network"), "{}", e.message());
    }
}
