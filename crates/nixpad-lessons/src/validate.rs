//! `nixpad lessons check`: proves every lesson works. For each lesson the reference
//! solution and every `alternatives/NAME/` must pass every check, the starter and every
//! `wrong/NAME/` must fail at least one (without breaking `check.nix`), every runnable
//! example must evaluate (or fail, when marked `error`), and nothing may be missing or
//! unsafe (see [`crate::load`]). The checks themselves must prove understanding:
//! `check.nix` may not search the raw `sources` text (it reads `syntax` instead), a lesson
//! whose answer is plain data ships `wrong/literal/`, there are at least
//! [`MIN_HINTS`] hints and the last one is not the whole solution, and no failing check
//! shows an expected store path.

use std::collections::BTreeMap;

use crate::check::{
    run_example, CheckOptions, CheckReport, CheckStatus, EvalFailure, FailureSource,
};
use crate::model::{load, Lesson, Loaded};
use crate::syntax::syntax_view;
use crate::tree::FileTree;

/// The fewest hints a lesson may have.
pub const MIN_HINTS: usize = 3;

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

/// Whether a report broke inside `check.nix` (rather than failing cleanly).
fn broken_in_check(report: &CheckReport) -> bool {
    let broken =
        |f: &Option<EvalFailure>| f.as_ref().is_some_and(|e| e.source == FailureSource::Check);
    broken(&report.error) || report.checks.iter().any(|c| broken(&c.error))
}

/// `text` reduced to its Nix tokens without whitespace or comments, for comparing code.
fn code_tokens(text: &str) -> String {
    use nixpad_eval::syntax::{tokens, TokenClass};
    tokens(text)
        .into_iter()
        .filter(|t| !matches!(t.class, TokenClass::Whitespace | TokenClass::Comment))
        .map(|t| &text[t.start..t.end])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Store paths (`/nix/store/HASH-…`, up to the hash) in `text`, but for copies of source
/// files (`HASH-source`: a flake's own files, named in error positions), which no learner
/// could copy an answer from.
fn store_paths(text: &str) -> Vec<&str> {
    const PREFIX: &str = "/nix/store/";
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(PREFIX) {
        let after = &rest[i + PREFIX.len()..];
        let hash_len = after
            .bytes()
            .take_while(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
            .count();
        if hash_len == 32 && !after[32..].starts_with("-source") {
            out.push(&rest[i..i + PREFIX.len() + 32]);
        }
        rest = after;
    }
    out
}

/// Failing checks of `report` that show a store path the learner's own value does not
/// hold: an expected derivation's path to copy.
fn revealed_store_paths(what: &str, report: &CheckReport, out: &mut Vec<String>) {
    for c in report
        .checks
        .iter()
        .filter(|c| c.status != CheckStatus::Passed)
    {
        let actual = c.actual.as_deref().unwrap_or("");
        let shown = [&c.expected, &c.message, &c.why];
        let leaked: Vec<&str> = shown
            .iter()
            .filter_map(|t| t.as_deref())
            .flat_map(store_paths)
            .filter(|p| !actual.contains(p))
            .collect();
        if let Some(p) = leaked.first() {
            out.push(format!(
                "check '{}' shows the store path {p}… to {what}: set `reveal = false` and explain with `why` or `check.drvDiff`",
                c.name
            ));
        }
    }
}

/// Whether the solution's main file evaluates to plain data (no function anywhere).
fn answer_is_plain_data(lesson: &Lesson, options: &CheckOptions) -> bool {
    let files = lesson.solution_files();
    let outcome = run_example(
        &format!("import ./{}", lesson.main),
        &files,
        lesson.nixpkgs,
        options,
    );
    outcome
        .output
        .is_some_and(|o| !o.contains("<LAMBDA>") && !o.contains("<PRIMOP"))
}

/// Validates one loaded lesson by running its checks and examples.
pub fn validate_lesson(lesson: &Lesson, options: &CheckOptions) -> Verdict {
    let options = &lesson.options(options);
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
    let broken_on_solution = broken_in_check(&solution);

    // Wrong answers (the starter is one) fail, cleanly, without showing store paths.
    let mut wrong = vec![("the starter".to_string(), lesson.starter_files())];
    for w in &lesson.wrong {
        wrong.push((format!("wrong answer '{}'", w.name), lesson.answer_files(w)));
    }
    for (what, files) in &wrong {
        let report = lesson.check(files, options);
        if report.passed {
            failures.push(format!(
                "{what} already passes every check (it must fail at least one)"
            ));
        }
        if !broken_on_solution && broken_in_check(&report) {
            let mut details = Vec::new();
            describe_failures(what, &report, &mut details);
            failures.push(format!(
                "check.nix itself fails on {what} (checks should fail cleanly, not break):\n{}",
                details.join("\n")
            ));
        }
        revealed_store_paths(what, &report, &mut failures);
    }
    for a in &lesson.alternatives {
        let report = lesson.check(&lesson.answer_files(a), options);
        if !report.passed {
            describe_failures(&format!("alternative '{}'", a.name), &report, &mut failures);
        }
    }

    // The checks prove understanding.
    if syntax_view(&lesson.check).variables.contains_key("sources") {
        failures.push(format!(
            "{}/check.nix reads `sources` (raw text, where comments and strings count): query `syntax.NAME` instead",
            lesson.dir
        ));
    }
    if !lesson.wrong.iter().any(|w| w.name == "literal") && answer_is_plain_data(lesson, options) {
        failures.push(format!(
            "{}: the answer is plain data, so the lesson needs wrong/literal/ (the value written out, the solution pasted in a # comment)",
            lesson.dir
        ));
    }
    if lesson.hints.len() < MIN_HINTS {
        failures.push(format!(
            "{md}: {} hints; give at least {MIN_HINTS}, from a nudge to nearly the answer",
            lesson.hints.len()
        ));
    }
    if let Some(last) = lesson.hints.last() {
        let hint = code_tokens(&last.plain_text());
        for f in lesson.files.iter().filter(|f| f.editable) {
            let answer = code_tokens(&f.solution);
            if !answer.is_empty() && hint.contains(&answer) {
                failures.push(format!(
                    "{md}: the last hint holds the whole solution of {} (the solution button is for that)",
                    f.name
                ));
            }
        }
    }

    let files = lesson.starter_files();
    let examples = lesson.document.runnable_examples();
    for ex in &examples {
        let outcome = run_example(&ex.code, &files, lesson.nixpkgs, options);
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
    // Name the lesson's own check files, not where they are mounted for evaluation.
    let check_file = format!("{}/check.nix", lesson.dir);
    for f in &mut failures {
        *f = f
            .replace("/.check/check.nix", &check_file)
            .replace("/.check/lib.nix", crate::model::LIBRARY_FILE);
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

#[cfg(test)]
mod tests {
    use super::store_paths;

    #[test]
    fn store_paths_leave_out_copies_of_sources() {
        let drv = "/nix/store/g5dhwa743bq245wddlqaj5yfkkfrbv82-hello-2.12.1.drv";
        let source = "/nix/store/b7h129dp6flk9i6km26yb2gq0s65c79l-source/flake.nix:3:5";
        let text = format!("expected {drv}, at {source}");
        assert_eq!(
            store_paths(&text),
            ["/nix/store/g5dhwa743bq245wddlqaj5yfkkfrbv82"]
        );
        assert!(store_paths(source).is_empty());
    }
}
