//! The command line keeps lowered files across processes in `$NIXPAD_CACHE_DIR/lowered`
//! (else `$XDG_CACHE_HOME/nixpad`, else `~/.cache/nixpad`): a second run reads them
//! back and prints the same; a changed file is lowered again; damaged entries are
//! refused; a lowering that printed a lint warning is not kept (it would not warn
//! again); an empty `NIXPAD_CACHE_DIR` turns the cache off. Files unchanged for two
//! seconds are also kept by their stamp, and a change to one is still seen. Past its
//! bound the cache keeps its newest entries.

use std::path::{Path, PathBuf};
use std::process::Command;

const NIXPAD: &str = env!("CARGO_BIN_EXE_nixpad");

/// A fresh folder for one test: `cache/` and the Nix files it writes.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("lowered-cache")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a test folder");
    dir
}

/// `nixpad eval --strict ARGS` with the cache in `cache`: (stdout, stderr).
fn eval(cache: &str, args: &[&str]) -> (String, String) {
    let out = Command::new(NIXPAD)
        .env("NIXPAD_CACHE_DIR", cache)
        .arg("eval")
        .arg("--strict")
        .args(args)
        .output()
        .expect("nixpad runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The cache's entries (below its one evaluator-build folder).
fn entries(cache: &Path) -> Vec<PathBuf> {
    let Ok(builds) = std::fs::read_dir(cache.join("lowered")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for build in builds {
        for entry in std::fs::read_dir(build.expect("a build folder").path()).expect("entries") {
            out.push(entry.expect("an entry").path());
        }
    }
    out
}

#[test]
fn a_second_run_reads_the_lowering_back_and_a_changed_file_is_lowered_again() {
    let dir = folder("reuse");
    let cache = dir.join("cache");
    let cache_arg = cache.to_str().unwrap();
    std::fs::write(
        dir.join("lib.nix"),
        "rec { zeta = 1; alpha = zeta + 1; mid = { inherit alpha; b = \"${toString zeta}\"; }; }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("main.nix"),
        "let lib = import ./lib.nix; in { inherit (lib) mid; sum = lib.alpha + lib.zeta; }\n",
    )
    .unwrap();
    let main = dir.join("main.nix");
    let main = main.to_str().unwrap();
    let expected = "{ mid = { alpha = 2; b = \"1\"; }; sum = 3; }\n";
    assert_eq!(eval(cache_arg, &[main]).0, expected);
    assert_eq!(entries(&cache).len(), 2, "both files kept");
    assert_eq!(eval(cache_arg, &[main]).0, expected, "from the cache");

    std::fs::write(
        dir.join("lib.nix"),
        "rec { zeta = 5; alpha = zeta + 1; mid = 0; }\n",
    )
    .unwrap();
    assert_eq!(eval(cache_arg, &[main]).0, "{ mid = 0; sum = 11; }\n");
    assert_eq!(entries(&cache).len(), 3, "the changed file is a new entry");

    // Errors raised in a file read from the cache point at the same place.
    std::fs::write(dir.join("bad.nix"), "let x = 1;\nin x + \"a\"\n").unwrap();
    let bad = dir.join("bad.nix");
    let first = eval(cache_arg, &[bad.to_str().unwrap()]).1;
    assert!(first.contains("bad.nix:2:8"), "{first}");
    assert_eq!(eval(cache_arg, &[bad.to_str().unwrap()]).1, first);
}

/// Names are interned (and so ordered: `--strict` forces a set's attributes in that
/// order, as Nix does) in the order the lowering interned them, not the order the
/// lowered file stores its parts: here `inherit (e)`'s source, stored after the
/// attributes, names `src` before `beta` names `gamma`, so the first error is `s`,
/// from the cache too.
#[test]
fn a_lowering_read_back_interns_names_in_the_order_they_were_written() {
    let dir = folder("name-order");
    let cache = dir.join("cache");
    let cache_arg = cache.to_str().unwrap();
    std::fs::write(
        dir.join("set.nix"),
        "{ inherit (let src = { alpha = 1; }; in src) alpha; beta = { gamma = 1; }; }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("main.nix"),
        "builtins.seq (import ./set.nix) (builtins.listToAttrs [\n  \
         { name = \"gamma\"; value = throw \"g\"; }\n  \
         { name = \"src\"; value = throw \"s\"; }\n])\n",
    )
    .unwrap();
    let main = dir.join("main.nix");
    let main = main.to_str().unwrap();
    let first = eval(cache_arg, &[main]).1;
    assert!(first.ends_with("error: s\n"), "{first}");
    assert_eq!(entries(&cache).len(), 2, "both files kept");
    assert_eq!(eval(cache_arg, &[main]).1, first, "from the cache");
}

#[test]
fn files_kept_by_stamp_are_not_read_and_a_change_of_the_same_size_is_seen() {
    let dir = folder("stamps");
    let cache = dir.join("cache");
    let cache_arg = cache.to_str().unwrap();
    let lib = dir.join("lib.nix");
    std::fs::write(&lib, "{ value = 1; }\n").unwrap();
    std::fs::write(dir.join("main.nix"), "(import ./lib.nix).value * 10\n").unwrap();
    let main = dir.join("main.nix");
    let main = main.to_str().unwrap();
    // Stamps are only given to files unchanged for two seconds.
    assert_eq!(eval(cache_arg, &[main]).0, "10\n");
    assert_eq!(entries(&cache).len(), 2, "kept by content only");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(eval(cache_arg, &[main]).0, "10\n");
    assert_eq!(entries(&cache).len(), 4, "also kept by stamp");
    // Later runs find both files by stamp (tests/lowered_cache.rs in the evaluator
    // shows that such files are not read) and keep nothing new.
    let before = entries(&cache);
    assert_eq!(eval(cache_arg, &[main]).0, "10\n");
    assert_eq!(entries(&cache), before, "nothing new");
    // The same size, written at once: the stamp changes (and is not trusted yet).
    std::fs::write(&lib, "{ value = 2; }\n").unwrap();
    assert_eq!(eval(cache_arg, &[main]).0, "20\n");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(eval(cache_arg, &[main]).0, "20\n");
    assert_eq!(eval(cache_arg, &[main]).0, "20\n");
}

#[test]
fn damaged_entries_are_refused() {
    let dir = folder("damaged");
    let cache = dir.join("cache");
    let cache_arg = cache.to_str().unwrap();
    std::fs::write(
        dir.join("main.nix"),
        "let f = { a, b ? 2 }: a * b; in f { a = 21; }\n",
    )
    .unwrap();
    let main = dir.join("main.nix");
    let main = main.to_str().unwrap();
    assert_eq!(eval(cache_arg, &[main]).0, "42\n");
    for entry in entries(&cache) {
        let mut bytes = std::fs::read(&entry).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        std::fs::write(&entry, &bytes[..bytes.len() - 1]).unwrap();
    }
    assert_eq!(
        eval(cache_arg, &[main]),
        ("42\n".to_string(), String::new())
    );
}

#[test]
fn a_lowering_that_warned_is_not_kept_and_an_empty_setting_turns_the_cache_off() {
    let dir = folder("warned");
    let cache = dir.join("cache");
    let cache_arg = cache.to_str().unwrap();
    std::fs::write(dir.join("main.nix"), "/etc/hostname\n").unwrap();
    let main = dir.join("main.nix");
    let args = [
        main.to_str().unwrap(),
        "--option",
        "lint-absolute-path-literals",
        "warn",
    ];
    for _ in 0..2 {
        let (out, err) = eval(cache_arg, &args);
        assert_eq!(out, "/etc/hostname\n");
        assert!(err.contains("absolute path literal"), "{err}");
    }
    assert!(entries(&cache).is_empty(), "nothing kept");

    std::fs::write(dir.join("plain.nix"), "1 + 1\n").unwrap();
    let plain = dir.join("plain.nix");
    assert_eq!(eval("", &[plain.to_str().unwrap()]).0, "2\n");
    assert!(!Path::new("lowered").exists() && entries(&cache).is_empty());
}

#[test]
fn the_cache_keeps_its_newest_entries_when_it_grows_past_its_bound() {
    // MAX_LOWERED_ENTRIES in src/fs_io.rs: above it, the newest half is kept.
    const BOUND: usize = 4096;
    let dir = folder("bounded");
    let cache = dir.join("cache");
    let cache_arg = cache.to_str().unwrap();
    std::fs::write(dir.join("first.nix"), "1 + 1\n").unwrap();
    assert_eq!(
        eval(cache_arg, &[dir.join("first.nix").to_str().unwrap()]).0,
        "2\n"
    );
    let first = entries(&cache);
    assert_eq!(first.len(), 1, "{first:?}");
    let build = first[0].parent().expect("a build folder").to_path_buf();
    let old = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    let fillers = BOUND + 4;
    for i in 0..fillers {
        let path = build.join(format!("filler-{i:05}"));
        std::fs::write(&path, "not a lowering").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(old + std::time::Duration::from_secs(i as u64))
            .unwrap();
    }

    std::fs::write(dir.join("second.nix"), "2 + 2\n").unwrap();
    assert_eq!(
        eval(cache_arg, &[dir.join("second.nix").to_str().unwrap()]).0,
        "4\n"
    );
    let kept = entries(&cache);
    assert_eq!(
        kept.len(),
        BOUND / 2 + 1,
        "the newest half and the new entry"
    );
    assert!(kept.contains(&first[0]), "the newest entry is kept");
    assert!(kept.contains(&build.join(format!("filler-{:05}", fillers - 1))));
    assert!(
        !kept.contains(&build.join("filler-00000")),
        "the oldest is removed"
    );
    assert_eq!(
        eval(cache_arg, &[dir.join("first.nix").to_str().unwrap()]).0,
        "2\n"
    );
}
