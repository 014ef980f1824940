//! Nesting through builtins under the browser's limits (a native re-entry budget of 200,
//! 400 levels of value walks), natively: builtins suspend on thunks and call back on the heap, so the depth that
//! matters is Nix's own `max-call-depth`.

use std::rc::Rc;

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};

fn eval(src: &str) -> Result<String, String> {
    // The browser's budget of native re-entries, on a stack big enough for it in a debug
    // build (each re-entry takes far more stack unoptimised than in the release wasm).
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let limits = Limits {
                max_native_depth: 200,
                max_structural_depth: 400,
                ..Limits::default()
            };
            let mut ev = Evaluator::new(Rc::new(MemoryIO::new()), Settings::default(), limits);
            ev.eval_source(&src, Origin::String, "/")
                .and_then(|v| ev.print(&v, true))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|e| e.message())
        })
        .expect("spawn")
        .join()
        .expect("no panic")
}

fn chain(n: u32) -> String {
    format!(
        "let chain = builtins.foldl' (prev: i: derivation {{ name = \"d${{toString i}}\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; dep = prev; }}) \"\" (builtins.genList (i: i) {n}); in chain.drvPath"
    )
}

#[test]
fn a_chain_of_3000_derivations() {
    assert_eq!(
        eval(&chain(3000)),
        Ok("\"/nix/store/jmwy10kqrc7f90h5knk92d10ykig1myy-d2999.drv\"".into())
    );
}

/// Each derivation interpolates the one before into a string (`bench/drv-chain.nix`):
/// the coercion forces each `outPath` on the heap.
#[test]
fn a_chain_of_5000_derivations_through_interpolation() {
    let src = include_str!("../../../bench/drv-chain.nix");
    assert_eq!(
        eval(src),
        Ok("\"/nix/store/8l2r0shczjis8i2v0pb0np2lin31zngv-step-5000.drv\"".into())
    );
}

/// A chain as deep as real Nix allows (it counts each builtin call, here `derivation`'s
/// `derivationStrict`, towards max-call-depth: 5,000 levels pass, 5,001 do not), on the
/// heap.
#[test]
fn a_chain_of_derivations_as_deep_as_max_call_depth_allows() {
    assert_eq!(
        eval(&chain(5_000)),
        Ok("\"/nix/store/kdil72bcpw6zfl1nx5sfx9g12xghd7iw-d4999.drv\"".into())
    );
    assert_eq!(
        eval(&chain(5_001)),
        Err("stack overflow; max-call-depth exceeded".into())
    );
}

/// Programs that nest 2,000 levels through each builtin that calls back or forces, with
/// the results real Nix 2.26 gives.
const NESTED: &[(&str, &str)] = &[
    ("let f = n: if n == 0 then 0 else builtins.foldl' (a: b: a + b) 1 [ (f (n - 1)) ]; in f 2000", "2000"),
    ("let f = n: if n == 0 then true else builtins.all (x: x) [ (f (n - 1)) ]; in f 2000", "true"),
    ("let f = n: if n == 0 then false else builtins.any (x: x) [ (f (n - 1)) ]; in f 2000", "false"),
    ("let f = n: if n == 0 then [ 0 ] else builtins.concatMap (x: [ (x + 1) ]) (f (n - 1)); in f 2000", "[ 2000 ]"),
    ("let f = n: if n == 0 then 0 else builtins.length (builtins.partition (x: x >= 0) [ (f (n - 1)) ]).right; in f 2000", "1"),
    ("let f = n: if n == 0 then [ ] else builtins.filter (x: builtins.length x >= 0) [ (f (n - 1)) ]; in builtins.length (f 1500)", "1"),
    ("let f = n: if n == 0 then \"a\" else builtins.head (builtins.attrNames (builtins.groupBy (x: f (n - 1)) [ 1 ])); in f 1500", "\"a\""),
    ("let f = n: if n == 0 then \"a\" else builtins.head (builtins.attrNames (builtins.listToAttrs [ { name = f (n - 1); value = 1; } ])); in f 2000", "\"a\""),
    ("let f = n: if n == 0 then \"\" else \"${builtins.toString (f (n - 1))}x\"; in builtins.stringLength (f 3000)", "3000"),
    ("let f = n: if n == 0 then 0 else 1 + builtins.getAttr \"x\" { x = f (n - 1); }; in f 3000", "3000"),
    ("let f = n: if n == 0 then 0 else 1 + builtins.elemAt [ (f (n - 1)) ] 0; in f 3000", "3000"),
];

#[test]
fn nesting_through_builtins_works_on_the_heap() {
    for (src, want) in NESTED {
        assert_eq!(eval(src).as_deref(), Ok(*want), "{src}");
    }
}

#[test]
fn runaway_nesting_through_a_builtin_is_nix_max_call_depth_error() {
    let src = "let f = n: if n == 0 then 0 else builtins.foldl' (a: b: a + b) 1 [ (f (n - 1)) ]; in f 100000";
    assert_eq!(
        eval(src),
        Err("stack overflow; max-call-depth exceeded".into())
    );
}

#[test]
fn errors_inside_callbacks_name_the_builtin() {
    let err = eval("builtins.foldl' (a: b: a + b) 0 [ 1 \"x\" ]").unwrap_err();
    assert_eq!(err, "cannot add a string to an integer");
    let err = eval("builtins.filter (x: 1) [ 1 ]").unwrap_err();
    assert_eq!(err, "expected a Boolean but found an integer: 1");
}

#[test]
fn deep_equality_is_iterative() {
    // Nix 2.26 compares 100,000 nested lists; far deeper, it overflows its stack.
    let src = "let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in (f 100000) == (f 100000)";
    assert_eq!(eval(src), Ok("true".into()));
    let src =
        "let f = n: if n == 0 then [ ] else [ { a = f (n - 1); } ]; in (f 50000) == (f 50001)";
    assert_eq!(eval(src), Ok("false".into()));
    let src = "let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in (f 300000) == (f 300000)";
    assert_eq!(
        eval(src),
        Err("stack overflow (possible infinite recursion)".into())
    );
}

#[test]
fn sort_calls_its_comparator_on_the_heap() {
    // Each level sorts with a comparator that sorts again, 1,500 levels deep.
    let src = "let f = n: if n == 0 then 0 else builtins.head (builtins.sort (a: b: a < b) [ (f (n - 1) + 1) 2000000 ]); in f 1500";
    assert_eq!(eval(src), Ok("1500".into()));
    assert_eq!(
        eval("builtins.sort (a: b: a < b) [ 5 3 9 1 3 ]"),
        Ok("[ 1 3 3 5 9 ]".into())
    );
    assert_eq!(
        eval("builtins.sort (a: b: 1) [ 2 1 ]").unwrap_err(),
        "expected a Boolean but found an integer: 1"
    );
    assert_eq!(eval("builtins.sort 1 [ ]"), Ok("[ ]".into()));
}
