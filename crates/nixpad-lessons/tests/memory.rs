//! Memory is given back: programs full of reference cycles (`rec` sets, `let` bindings
//! holding closures, fixed points, default arguments) evaluated over and over keep a flat
//! memory profile, whether each gets its own evaluator (a worker), one evaluator runs them
//! all (a REPL session), or a lesson is checked again and again (a language lesson, and an
//! overlay lesson over the miniature nixpkgs, whose fixed points are cycles everywhere).
//! Measured with a counting allocator: the bytes still allocated after many runs must not
//! grow with the number of runs. (Here rather than in nixpad-eval: one allocator for all.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::rc::Rc;
use std::sync::atomic::{AtomicIsize, Ordering};

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings, Value};
use nixpad_lessons::*;

mod support;

/// The system allocator, counting the bytes currently allocated.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: forwards to the system allocator with the same layout.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

/// A program whose value is small but whose evaluation leaves cycles behind: a `rec` set
/// whose attributes refer to each other, a recursive function in a `let`, a fixed point,
/// a function with a default argument, a list holding its own thunk.
fn cyclic(i: usize) -> String {
    format!(
        "let
          fix = f: let x = f x; in x;
          r = rec {{ a = {i}; b = a + 1; f = y: b + y; self = r; }};
          go = n: if n == 0 then 0 else go (n - 1);
          p = fix (self: {{ n = {i}; next = self.n + 1; get = _: self; }});
          d = {{ x ? {i}, y ? x + 1 }}: y;
          xs = [ xs {i} ];
          big = builtins.genList (k: {{ inherit k; again = big; }}) 50;
        in r.f 1 + go 20 + p.next + (p.get null).n + d {{ }} + builtins.elemAt xs 1
           + builtins.length big"
    )
}

fn new_evaluator() -> Evaluator {
    Evaluator::new(
        Rc::new(MemoryIO::new()),
        Settings::default(),
        Limits::default(),
    )
}

/// The bytes left allocated by `runs` runs of `step` (after a warm-up of `warm` runs).
fn growth(warm: usize, runs: usize, mut step: impl FnMut(usize)) -> isize {
    for i in 0..warm {
        step(i);
    }
    let before = live();
    for i in warm..warm + runs {
        step(i);
    }
    live() - before
}

/// The bytes each check leaves allocated, over `runs` checks after a warm-up.
fn per_check(lesson: &Lesson, options: &CheckOptions, runs: usize) -> isize {
    let check = || assert!(lesson.check_solution(options).passed, "{}", lesson.id);
    for _ in 0..runs / 10 {
        check();
    }
    let before = live();
    for _ in 0..runs {
        check();
    }
    (live() - before) / runs as isize
}

/// Runs the scenarios one after the other: the allocation counter is shared by the whole
/// process, so they must not run in parallel.
#[test]
fn memory_stays_flat() {
    // A worker: a new evaluator for each of 1,000 programs.
    let per_worker_run = growth(200, 1000, |i| {
        let mut ev = new_evaluator();
        let v = ev.eval_source(&cyclic(i), Origin::String, "/").unwrap();
        assert!(matches!(ev.force(&v).unwrap(), Value::Int(_)));
    }) / 1000;
    assert!(
        per_worker_run < 64,
        "a worker keeps {per_worker_run} bytes per evaluation"
    );

    // A REPL session: one evaluator, 10,000 inputs, each bound to the previous one's
    // value: a fixed point whose closures must survive every collection while the
    // session holds it. The session keeps each input's text (for error positions).
    let mut ev = new_evaluator();
    // Defined once: the values it makes refer to its own level, not to an input's (whose
    // `last` would chain every value to the one before).
    let mk = ev
        .eval_source(
            "n: let fix = f: let x = f x; in x; in fix (self: { inherit n; get = _: self; })",
            Origin::String,
            "/",
        )
        .unwrap();
    let mut last = ev
        .eval_source("{ n = 0; get = _: { n = 0; }; }", Origin::String, "/")
        .unwrap();
    let mut kept_text = 0;
    let per_input = growth(1000, 9000, |i| {
        let text = format!(
            "let v = {}; in mk (v + (last.get null).n - last.n)",
            cyclic(i)
        );
        if i >= 1000 {
            kept_text += text.len();
        }
        let bindings = [
            ("last".to_string(), last.clone()),
            ("mk".to_string(), mk.clone()),
        ];
        let v = ev
            .eval_source_with_scope(&text, Origin::Other("repl".into()), "/", &bindings)
            .unwrap();
        let printed = ev.print(&v, true).unwrap();
        // cyclic(i) is 5 i + 54; `last.get null` is `last` itself.
        let expected = format!("{{ get = <LAMBDA>; n = {}; }}", 5 * i + 54);
        assert_eq!(String::from_utf8_lossy(&printed), expected, "input {i}");
        last = v;
    });
    let beyond_text = (per_input - kept_text as isize) / 9000;
    assert!(
        beyond_text < 256,
        "a REPL session keeps {beyond_text} bytes per input besides its text"
    );
    drop(ev);

    // A lesson checked again and again.
    let mut tree = FileTree::new();
    support::read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons"),
        "",
        &mut tree,
    );
    let curriculum = load(&tree).curriculum;
    let options = CheckOptions {
        package_set: Some(Rc::new(PackageSet::from_files(
            nixpad_pkgs::files().iter().map(|(p, b)| (*p, *b)),
        ))),
        ..CheckOptions::default()
    };
    let language = curriculum
        .lesson("language/attrsets")
        .expect("a language lesson");
    let bytes = per_check(language, &options, 1000);
    assert!(bytes < 64, "a language check keeps {bytes} bytes");
    let overlay = curriculum
        .lesson("overlays/final-and-prev")
        .expect("an overlay lesson");
    let bytes = per_check(overlay, &options, 100);
    assert!(bytes < 256, "an overlay check keeps {bytes} bytes");
}
