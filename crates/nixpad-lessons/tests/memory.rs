//! A lesson checked 1,000 times keeps a flat memory profile: each check's evaluators, their
//! values and the reference cycles among them are given back (a language lesson, and an
//! overlay lesson over the miniature nixpkgs, whose fixed points are cycles everywhere).
//! Measured with a counting allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicIsize, Ordering};

use nixpad_lessons::*;

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

fn read_tree(dir: &Path, prefix: &str, out: &mut FileTree) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if e.path().is_dir() {
            read_tree(&e.path(), &rel, out);
        } else {
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
}

/// The bytes each check leaves allocated, over `runs` checks after a warm-up.
fn per_check(lesson: &Lesson, options: &CheckOptions, runs: usize) -> isize {
    let check = || assert!(lesson.check_solution(options).passed, "{}", lesson.id);
    for _ in 0..runs / 10 {
        check();
    }
    let before = LIVE.load(Ordering::Relaxed);
    for _ in 0..runs {
        check();
    }
    (LIVE.load(Ordering::Relaxed) - before) / runs as isize
}

/// One test: the allocation counter is shared by the whole process.
#[test]
fn checking_a_lesson_again_and_again_keeps_memory_flat() {
    let mut tree = FileTree::new();
    read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons"),
        "",
        &mut tree,
    );
    let curriculum = load(&tree).curriculum;
    let options = CheckOptions {
        package_set: Some(std::rc::Rc::new(PackageSet::from_files(
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
