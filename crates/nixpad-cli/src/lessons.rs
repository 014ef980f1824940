//! `nixpad lessons check|pack|bench`: validates, bundles and times the curriculum.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use nixpad_lessons::{
    load, merge_verdict, problems_by_dir, validate_lesson, CheckOptions, FileTree, PackageSet,
    Verdict,
};

pub const USAGE: &str = "\
  nixpad lessons check [DIR]            validate every lesson (default DIR: lessons)
  nixpad lessons pack DIR -o FILE.pack  bundle the lessons for the web app (compressed)
  nixpad lessons bench [DIR]            time each lesson's checks, print the slowest";

/// Largest file read from a lesson folder.
const MAX_FILE: u64 = 1 << 20;

/// Reads a folder into a [`FileTree`] (relative `/` paths; hidden entries skipped).
pub(crate) fn read_tree(root: &Path) -> Result<FileTree, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut FileTree) -> Result<(), String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read '{}': {e}", dir.display()))?;
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}/{name}")
            };
            let path = entry.path();
            let meta = std::fs::metadata(&path)
                .map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
            if meta.is_dir() {
                walk(&path, &rel, out)?;
            } else if meta.len() > MAX_FILE {
                return Err(format!(
                    "'{}' is larger than {MAX_FILE} bytes",
                    path.display()
                ));
            } else {
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
                out.insert(rel, bytes);
            }
        }
        Ok(())
    }
    if !root.is_dir() {
        return Err(format!("'{}' is not a directory", root.display()));
    }
    let mut out = FileTree::new();
    walk(root, "", &mut out)?;
    Ok(out)
}

/// Check options with the miniature nixpkgs (embedded in the binary) loaded, for lessons
/// with `nixpkgs = true`.
fn check_options() -> CheckOptions {
    let files = nixpad_pkgs::files().iter().map(|(p, b)| (*p, *b));
    CheckOptions {
        package_set: Some(std::rc::Rc::new(PackageSet::from_files(files))),
        ..CheckOptions::default()
    }
}

fn check(dir: &str) -> ExitCode {
    let tree = match read_tree(Path::new(dir)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let loaded = load(&tree);
    let options = check_options();
    let mut verdicts: BTreeMap<String, Verdict> = BTreeMap::new();
    for (d, failures) in problems_by_dir(&loaded) {
        verdicts.insert(
            d.clone(),
            Verdict {
                dir: d,
                id: None,
                checks: 0,
                examples: 0,
                failures,
            },
        );
    }
    let mut times = BTreeMap::new();
    for lesson in loaded.curriculum.lessons() {
        let start = Instant::now();
        let v = validate_lesson(lesson, &options);
        times.insert(lesson.dir.clone(), start.elapsed());
        merge_verdict(&mut verdicts, v);
    }
    let (mut passed, mut failed) = (0, 0);
    for v in verdicts.values() {
        let name = match &v.id {
            Some(id) => format!("{} ({id})", v.dir),
            None => v.dir.clone(),
        };
        if v.ok() {
            passed += 1;
            let ms = times.get(&v.dir).map_or(0.0, |t| t.as_secs_f64() * 1000.0);
            println!(
                "ok    {name}: {} checks, {} examples, {ms:.1} ms",
                v.checks, v.examples
            );
        } else {
            failed += 1;
            println!("FAIL  {name}");
            for f in &v.failures {
                for (i, line) in f.lines().enumerate() {
                    println!("      {}{line}", if i == 0 { "- " } else { "  " });
                }
            }
        }
    }
    if verdicts.is_empty() {
        println!("no lessons found in '{dir}'");
        failed += 1;
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn pack(dir: &str, out: &str) -> ExitCode {
    let tree = match read_tree(Path::new(dir)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let loaded = load(&tree);
    if !loaded.problems.is_empty() {
        for p in &loaded.problems {
            eprintln!("error: {dir}/{p}");
        }
        eprintln!(
            "error: not packing: fix the problems above (`nixpad lessons check {dir}` shows all)"
        );
        return ExitCode::from(1);
    }
    let pack = loaded.curriculum.to_pack();
    if let Err(e) = std::fs::write(out, &pack) {
        eprintln!("error: cannot write '{out}': {e}");
        return ExitCode::from(1);
    }
    println!(
        "packed {} chapters, {} lessons into {out} ({} bytes)",
        loaded.curriculum.chapters.len(),
        loaded.curriculum.lesson_count(),
        pack.len()
    );
    ExitCode::SUCCESS
}

fn bench(dir: &str) -> ExitCode {
    let tree = match read_tree(Path::new(dir)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let loaded = load(&tree);
    let options = check_options();
    const RUNS: usize = 20;
    let mut rows = Vec::new();
    for lesson in loaded.curriculum.lessons() {
        let mut worst = 0.0f64;
        let mut samples = Vec::new();
        for files in [lesson.solution_files(), lesson.starter_files()] {
            for _ in 0..RUNS {
                let start = Instant::now();
                let report = lesson.check(&files, &options);
                let ms = start.elapsed().as_secs_f64() * 1000.0;
                std::hint::black_box(report);
                samples.push(ms);
                worst = worst.max(ms);
            }
        }
        samples.sort_by(|a, b| a.total_cmp(b));
        let median = samples[samples.len() / 2];
        println!(
            "{:<40} median {median:>7.2} ms   max {worst:>7.2} ms",
            lesson.id
        );
        rows.push((lesson.id.clone(), median, worst));
    }
    match rows.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
        Some((id, median, worst)) => {
            println!("slowest lesson check: {id}: median {median:.2} ms, max {worst:.2} ms ({} runs each of solution and starter)", RUNS);
            ExitCode::SUCCESS
        }
        None => {
            println!("no lessons found in '{dir}'");
            ExitCode::from(1)
        }
    }
}

/// Runs `nixpad lessons ARGS...`.
pub fn main(args: &[String]) -> ExitCode {
    let usage = || {
        eprintln!("usage:\n{USAGE}");
        ExitCode::from(1)
    };
    match args.first().map(String::as_str) {
        Some("check") if args.len() <= 2 => check(args.get(1).map_or("lessons", String::as_str)),
        Some("bench") if args.len() <= 2 => bench(args.get(1).map_or("lessons", String::as_str)),
        Some("pack") => match &args[1..] {
            [dir, o, out] if o == "-o" => pack(dir, out),
            [o, out, dir] if o == "-o" => pack(dir, out),
            _ => usage(),
        },
        _ => usage(),
    }
}
