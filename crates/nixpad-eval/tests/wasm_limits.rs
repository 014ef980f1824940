//! Deep evaluation under wasm32, where V8 gives a native stack of about 1 MB: deep Nix
//! recursion must work (it lives on the heap) and runaway recursion must end in Nix's
//! error, never a trap. Run with `cargo test -p nixpad-eval --target wasm32-unknown-unknown`
//! (node runs it through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};
use wasm_bindgen_test::wasm_bindgen_test;

fn eval(src: &str) -> Result<String, String> {
    let mut ev = Evaluator::new(
        Rc::new(MemoryIO::new()),
        Settings::default(),
        Limits::default(),
    );
    ev.eval_source(src, Origin::String, "/")
        .and_then(|v| ev.print(&v, true))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| e.message())
}

#[wasm_bindgen_test]
fn nine_thousand_nested_calls_work() {
    assert_eq!(
        eval("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 9000"),
        Ok("9000".into())
    );
}

#[wasm_bindgen_test]
fn runaway_recursion_is_nix_stack_overflow() {
    assert_eq!(
        eval("let f = n: 1 + f (n + 1); in f 0"),
        Err("stack overflow; max-call-depth exceeded".into())
    );
}

#[wasm_bindgen_test]
fn long_thunk_chains_work() {
    // A chain of 20,000 thunks, each needing the previous one (no function calls).
    let mut src = String::from("let x0 = 0;");
    for i in 1..=20_000 {
        src.push_str(&format!(" x{i} = x{} + 1;", i - 1));
    }
    src.push_str(" in x20000");
    assert_eq!(eval(&src), Ok("20000".into()));
}

#[wasm_bindgen_test]
fn long_operator_chains_work() {
    // A left-associative chain is lowered in a loop; what bounds its length here is
    // rnix's parser, whose recursion over the chain fits the browser's stack to about
    // 4,000 operators (natively the CLI reads chains of any length, as Nix does).
    let sum = vec!["1"; 3_000].join(" + ");
    assert_eq!(eval(&sum), Ok("3000".into()));
    let strings = vec!["\"a\""; 3_000].join(" + ");
    assert_eq!(
        eval(&format!("builtins.stringLength ({strings})")),
        Ok("3000".into())
    );
    let all = vec!["true"; 3_000].join(" && ");
    assert_eq!(eval(&all), Ok("true".into()));
}

#[wasm_bindgen_test]
fn nesting_through_builtins_is_bounded_by_max_call_depth_only() {
    // Each level calls back from `foldl'`: on the heap, as deep as Nix allows.
    let src = "let f = n: if n == 0 then 0 else builtins.foldl' (a: b: a + b) 1 [ (f (n - 1)) ]; in f 2000";
    assert_eq!(eval(src), Ok("2000".into()));
    let src = "let f = n: if n == 0 then 0 else builtins.foldl' (a: b: a + b) 1 [ (f (n - 1)) ]; in f 100000";
    assert_eq!(
        eval(src),
        Err("stack overflow; max-call-depth exceeded".into())
    );
}

fn derivation_chain(n: u32) -> String {
    format!(
        "let chain = builtins.foldl' (prev: i: derivation {{ name = \"d${{toString i}}\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; dep = prev; }}) \"\" (builtins.genList (i: i) {n}); in chain.drvPath"
    )
}

#[wasm_bindgen_test]
fn a_chain_of_derivations_through_interpolation_gives_nix_drv_path() {
    // `bench/drv-chain.nix`: each derivation interpolates the one before.
    let src = include_str!("../../../bench/drv-chain.nix");
    assert_eq!(
        eval(src),
        Ok("\"/nix/store/8l2r0shczjis8i2v0pb0np2lin31zngv-step-5000.drv\"".into())
    );
}

#[wasm_bindgen_test]
fn a_chain_of_derivations_as_deep_as_nix_allows_gives_nix_drv_path() {
    // Each derivation's input hashing forces the previous one: builtins suspend and the
    // chain is forced on the heap, up to max-call-depth (which counts the builtin calls,
    // as Nix does: 5,000 levels pass, 5,001 do not).
    assert_eq!(
        eval(&derivation_chain(3000)),
        Ok("\"/nix/store/jmwy10kqrc7f90h5knk92d10ykig1myy-d2999.drv\"".into())
    );
    assert_eq!(
        eval(&derivation_chain(5_000)),
        Ok("\"/nix/store/kdil72bcpw6zfl1nx5sfx9g12xghd7iw-d4999.drv\"".into())
    );
    assert_eq!(
        eval(&derivation_chain(5_001)),
        Err("stack overflow; max-call-depth exceeded".into())
    );
}

#[wasm_bindgen_test]
fn deep_data_prints_or_fails_cleanly() {
    let deep = "let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in f 5000";
    assert!(eval(deep).is_ok());
    let endless = "let f = n: { a = f (n + 1); }; in f 0";
    assert_eq!(
        eval(endless),
        Err("stack overflow (possible infinite recursion)".into())
    );
}

fn deep_walk(walk: &str) {
    let src = format!("let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in {walk}");
    assert_eq!(
        eval(&src),
        Err("stack overflow (possible infinite recursion)".into()),
        "{walk}"
    );
}

#[wasm_bindgen_test]
fn deep_equality_is_iterative() {
    // As in Nix 2.26: 100,000 levels compare; a structure far deeper is an error.
    let src = "let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in (f 100000) == (f 100000)";
    assert_eq!(eval(src), Ok("true".into()));
    deep_walk("(f 300000) == (f 300000)");
}

#[wasm_bindgen_test]
fn deep_comparison_agrees_with_nix() {
    // `<` on lists compares the first elements with `==` (iterative), then the lengths.
    let src = "let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in (f 100000) < (f 100000)";
    assert_eq!(eval(src), Ok("false".into()));
}

#[wasm_bindgen_test]
fn deep_to_json_fails_cleanly() {
    deep_walk("builtins.toJSON (f 100000)");
}

#[wasm_bindgen_test]
fn deep_to_string_fails_cleanly() {
    deep_walk("toString (f 100000)");
}
