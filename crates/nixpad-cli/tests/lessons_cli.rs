//! `nixpad lessons check|pack|bench` on small lesson folders: output, exit codes, packs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn nixpad(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nixpad"))
        .args(args)
        .output()
        .expect("run nixpad");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A lesson folder with one chapter and one lesson; `solution` is main.nix's answer.
fn folder(name: &str, solution: &str, markdown: &str) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("nixpad-lessons-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let lesson = root.join("01-basics/01-sum");
    for dir in ["starter", "solution", "wrong/literal"] {
        std::fs::create_dir_all(lesson.join(dir)).unwrap();
    }
    let write = |p: &Path, text: &str| std::fs::write(p, text).unwrap();
    write(&root.join("README.md"), "# Lessons\n");
    write(
        &root.join("01-basics/chapter.toml"),
        "title = \"Basics\"\nsummary = \"S\"\n",
    );
    write(
        &lesson.join("lesson.md"),
        &format!("+++\ntitle = \"Sum\"\nsummary = \"S\"\nfiles = [\"main.nix\"]\nhints = [\"a\", \"b\", \"c\"]\n+++\n\n{markdown}"),
    );
    write(&lesson.join("starter/main.nix"), "{ sum = 0; }\n");
    write(&lesson.join("solution/main.nix"), solution);
    // The answer is data: the literal fake must be known to fail.
    write(&lesson.join("wrong/literal/main.nix"), "{ sum = 4; }\n");
    write(&lesson.join("wrong/literal/note.md"), "Guesses the sum.\n");
    write(
        &lesson.join("check.nix"),
        "{ files, ... }: [ { name = \"sum is 3\"; expected = 3; actual = files.\"main.nix\".sum; hint = 1; } ]\n",
    );
    root
}

#[test]
fn check_passes_a_good_folder() {
    let dir = folder(
        "good",
        "{ sum = 1 + 2; }\n",
        "Text.\n\n```nix runnable\n1 + 2\n```\n",
    );
    let (code, out, _) = nixpad(&["lessons", "check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("ok    01-basics/01-sum (basics/sum): 1 checks, 1 examples"),
        "{out}"
    );
    assert!(out.ends_with("1 passed, 0 failed\n"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn check_fails_with_reasons_and_nonzero_exit() {
    let dir = folder("bad", "{ sum = 4; }\n", "Text <b>bold</b>.\n");
    let (code, out, _) = nixpad(&["lessons", "check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL  01-basics/01-sum"), "{out}");
    assert!(out.contains("raw HTML"), "{out}");
    assert!(out.ends_with("0 passed, 1 failed\n"), "{out}");

    // A solution that fails its check.
    let dir2 = folder("wrong", "{ sum = 4; }\n", "Text.\n");
    let (code, out, _) = nixpad(&["lessons", "check", dir2.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("the solution fails check 'sum is 3'") && out.contains("got:      4"),
        "{out}"
    );

    let (code, _, err) = nixpad(&["lessons", "check", "/nonexistent/lessons"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a directory"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dir2);
}

#[test]
fn pack_writes_a_loadable_bundle_and_bench_reports() {
    let dir = folder("pack", "{ sum = 1 + 2; }\n", "Text.\n");
    let out_file = dir.join("lessons.pack");
    let (code, out, err) = nixpad(&[
        "lessons",
        "pack",
        dir.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("packed 1 chapters, 1 lessons"), "{out}");
    let pack = std::fs::read(&out_file).unwrap();
    let curriculum = nixpad_lessons::Curriculum::from_pack(&pack).unwrap();
    assert_eq!(
        curriculum
            .lessons()
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>(),
        ["basics/sum"]
    );

    let (code, out, _) = nixpad(&["lessons", "bench", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("slowest lesson check: basics/sum"), "{out}");

    let (code, _, err) = nixpad(&["lessons", "pack", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("usage"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn pack_refuses_a_broken_folder() {
    let dir = folder("broken", "{ sum = 3; }\n", "Text.\n");
    std::fs::remove_file(dir.join("01-basics/01-sum/check.nix")).unwrap();
    let (code, _, err) = nixpad(&["lessons", "pack", dir.to_str().unwrap(), "-o", "/dev/null"]);
    assert_eq!(code, 1);
    assert!(err.contains("check.nix: missing"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}
