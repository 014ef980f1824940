//! `nixpad lessons check`: proves every lesson works. For each lesson the reference
//! solution must pass every check, the starter must fail at least one (without breaking
//! `check.nix`), every runnable example must evaluate (or fail, when marked `error`), and
//! nothing may be missing or unsafe (see [`crate::load`]).

use std::collections::BTreeMap;

use crate::check::{run_example, CheckOptions, CheckReport, CheckStatus, FailureSource};
use crate::model::{load, Lesson, Loaded};
use crate::tree::FileTree;

/// What `lessons check` says about one lesson folder (or a chapter folder's own files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The lesson's folder relative to the root (or the chapter's, for chapter problems).
    pub dir: String,
    /// The lesson id, when the lesson loaded.
    pub id: Option<String>,
    /// Checks in `check.nix` (as run on the solution).
    pub checks: usize,
    /// Runnable examples evaluated.
    pub examples: usize,
    /// Everything wrong; empty means the lesson passed.
    pub failures: Vec<String>,
}

impl Verdict {
    /// Whether nothing is wrong.
    pub fn ok(&self) -> bool {
        self.failures.is_empty()
    }
}

fn describe_failures(what: &str, report: &CheckReport, out: &mut Vec<String>) {
    if let Some(e) = &report.error {
        let whose = match e.source {
            FailureSource::Check => "check.nix fails".to_string(),
            _ => format!("{what} does not evaluate"),
        };
        out.push(format!("{whose}:\n{}", e.rendered.trim_end()));
    }
    for c in &report.checks {
        if c.status == CheckStatus::Passed {
            continue;
        }
        let mut s = format!("{what} fails check '{}'", c.name);
        if let Some(e) = &c.expected {
            s.push_str(&format!(
                "\n  expected: {}",
                e.replace('\n', "\n            ")
            ));
        }
        if let Some(a) = &c.actual {
            s.push_str(&format!(
                "\n  got:      {}",
                a.replace('\n', "\n            ")
            ));
        }
        if let Some(e) = &c.error {
            s.push_str(&format!("\n{}", e.rendered.trim_end()));
        }
        out.push(s);
    }
}

/// Validates one loaded lesson by running its checks and examples.
pub fn validate_lesson(lesson: &Lesson, options: &CheckOptions) -> Verdict {
    let mut failures = Vec::new();
    let md = format!("{}/lesson.md", lesson.dir);

    let solution = lesson.check_solution(options);
    if solution.error.is_none() && solution.checks.is_empty() {
        failures.push(format!("{}/check.nix returns no checks", lesson.dir));
    }
    if !solution.passed {
        describe_failures("the solution", &solution, &mut failures);
    }
    for c in &solution.checks {
        if let Some(h) = c.hint {
            if h >= lesson.hints.len() {
                failures.push(format!(
                    "check '{}' names hint {} but the lesson has {} hints",
                    c.name,
                    h + 1,
                    lesson.hints.len()
                ));
            }
        }
    }

    let starter = lesson.check_starter(options);
    if starter.passed {
        failures.push("the starter already passes every check (it must fail at least one)".into());
    }
    let broken = |f: &Option<crate::check::EvalFailure>| {
        f.as_ref().is_some_and(|e| e.source == FailureSource::Check)
    };
    let broken_on_solution =
        broken(&solution.error) || solution.checks.iter().any(|c| broken(&c.error));
    if !broken_on_solution
        && (broken(&starter.error) || starter.checks.iter().any(|c| broken(&c.error)))
    {
        let mut details = Vec::new();
        describe_failures("the starter", &starter, &mut details);
        failures.push(format!(
            "check.nix itself fails on the starter (checks should fail cleanly, not break):\n{}",
            details.join("\n")
        ));
    }

    let files = lesson.starter_files();
    let examples = lesson.document.runnable_examples();
    for ex in &examples {
        let outcome = run_example(&ex.code, &files, options.fuel);
        match (&outcome.error, ex.expect_error) {
            (Some(e), false) => failures.push(format!(
                "{md}:{}: the runnable example fails:\n{}",
                ex.line,
                e.rendered.trim_end()
            )),
            (None, true) => failures.push(format!(
                "{md}:{}: the example is marked `error` but evaluates to {}",
                ex.line,
                outcome.output.unwrap_or_default()
            )),
            _ => {}
        }
    }
    // Name the lesson's own check file, not where it is mounted for evaluation.
    let check_file = format!("{}/check.nix", lesson.dir);
    for f in &mut failures {
        *f = f.replace("/.check/check.nix", &check_file);
    }
    Verdict {
        dir: lesson.dir.clone(),
        id: Some(lesson.id.clone()),
        checks: solution.checks.len(),
        examples: examples.len(),
        failures,
    }
}

/// Problems of a load, grouped by lesson folder (or chapter folder for chapter files).
pub fn problems_by_dir(loaded: &Loaded) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in &loaded.problems {
        let parts: Vec<&str> = p.file.split('/').collect();
        let dir = if parts.len() >= 3 {
            format!("{}/{}", parts[0], parts[1])
        } else {
            parts[0].to_string()
        };
        out.entry(dir).or_default().push(p.to_string());
    }
    out
}

/// Loads and validates a whole lesson tree; verdicts are in folder order.
pub fn validate(files: &FileTree, options: &CheckOptions) -> Vec<Verdict> {
    let loaded = load(files);
    let mut verdicts: BTreeMap<String, Verdict> = BTreeMap::new();
    for (dir, problems) in problems_by_dir(&loaded) {
        verdicts.insert(
            dir.clone(),
            Verdict {
                dir,
                id: None,
                checks: 0,
                examples: 0,
                failures: problems,
            },
        );
    }
    for lesson in loaded.curriculum.lessons() {
        let v = validate_lesson(lesson, options);
        merge_verdict(&mut verdicts, v);
    }
    verdicts.into_values().collect()
}

/// Adds a lesson's verdict to the per-folder verdicts (keeping problems found at load).
pub fn merge_verdict(verdicts: &mut BTreeMap<String, Verdict>, v: Verdict) {
    match verdicts.get_mut(&v.dir) {
        Some(existing) => {
            existing.id = v.id;
            existing.checks = v.checks;
            existing.examples = v.examples;
            existing.failures.extend(v.failures);
        }
        None => {
            verdicts.insert(v.dir.clone(), v);
        }
    }
}
