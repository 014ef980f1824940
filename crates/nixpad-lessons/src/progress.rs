//! The learner's progress: per lesson, whether it is done, attempts, hints shown, whether
//! the solution was revealed, and the code being written. Stored as JSON (localStorage,
//! export files); reading tolerates anything and reports what was wrong.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Curriculum;

/// The `format` field of a progress file.
pub const PROGRESS_FORMAT: &str = "nixpad-progress";
/// The progress version this crate writes and reads.
pub const PROGRESS_VERSION: u32 = 1;
/// Largest progress JSON accepted (localStorage holds about 5 MB anyway).
pub const MAX_PROGRESS_BYTES: usize = 8 << 20;
/// Largest text kept for one file.
pub const MAX_FILE_BYTES: usize = 256 << 10;

/// One lesson's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LessonProgress {
    /// Every check passed at least once.
    pub done: bool,
    /// Times the learner ran the checks.
    pub attempts: u32,
    /// Of those, how many did not pass.
    pub failed_attempts: u32,
    /// Hints unfolded so far (they unfold in order, one at a time).
    pub hints_shown: u32,
    /// The learner looked at the reference solution.
    pub solution_revealed: bool,
    /// The learner's current text per file (absent: the starter).
    pub code: BTreeMap<String, String>,
}

/// Progress through the whole course, by lesson id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Per lesson id (`language/strings`). Ids of lessons not in the current curriculum
    /// are kept (another pack may have them).
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// Why stored or imported progress could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressError(pub String);

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read the progress file: {}", self.0)
    }
}

impl std::error::Error for ProgressError {}

/// Done and total lessons of a chapter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChapterProgress {
    /// The chapter's id.
    pub chapter: String,
    /// Lessons done.
    pub done: usize,
    /// Lessons in the chapter.
    pub total: usize,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    lessons: &'a BTreeMap<String, LessonProgress>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '/')
}

fn check_entry(id: &str, p: &LessonProgress) -> Result<(), String> {
    if !valid_id(id) {
        return Err(format!(
            "'{}' is not a lesson id",
            id.chars().take(80).collect::<String>()
        ));
    }
    for (name, text) in &p.code {
        if name.is_empty() || name.len() > 64 || name.contains('/') {
            return Err(format!(
                "lesson '{id}': '{}' is not a file name",
                name.chars().take(80).collect::<String>()
            ));
        }
        if text.len() > MAX_FILE_BYTES {
            return Err(format!(
                "lesson '{id}': file '{name}' is larger than {MAX_FILE_BYTES} bytes"
            ));
        }
    }
    Ok(())
}

/// Reads the envelope, returning the raw lesson entries.
fn envelope(json: &str) -> Result<serde_json::Map<String, serde_json::Value>, ProgressError> {
    if json.len() > MAX_PROGRESS_BYTES {
        return Err(ProgressError(format!(
            "it is larger than {MAX_PROGRESS_BYTES} bytes"
        )));
    }
    if json.trim().is_empty() {
        return Err(ProgressError("it is empty".into()));
    }
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| ProgressError(format!("it is not valid JSON ({e})")))?;
    let serde_json::Value::Object(mut obj) = value else {
        return Err(ProgressError("it is not a JSON object".into()));
    };
    if obj.get("format").and_then(|f| f.as_str()) != Some(PROGRESS_FORMAT) {
        return Err(ProgressError(format!(
            "it is not a Nixpad progress file (no \"format\": \"{PROGRESS_FORMAT}\")"
        )));
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == PROGRESS_VERSION as u64 => {}
        Some(v) => {
            return Err(ProgressError(format!(
                "it has version {v}; this Nixpad reads version {PROGRESS_VERSION}"
            )))
        }
        None => return Err(ProgressError("it has no version number".into())),
    }
    match obj.remove("lessons") {
        Some(serde_json::Value::Object(lessons)) => Ok(lessons),
        None => Ok(serde_json::Map::new()),
        Some(_) => Err(ProgressError("\"lessons\" is not an object".into())),
    }
}

impl Progress {
    /// No progress.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Serialises as JSON (for localStorage and export).
    pub fn to_json(&self) -> String {
        let env = Envelope {
            format: PROGRESS_FORMAT,
            version: PROGRESS_VERSION,
            lessons: &self.lessons,
        };
        serde_json::to_string_pretty(&env).unwrap_or_default()
    }

    /// Reads JSON written by [`Progress::to_json`]. Anything else (corrupt text, another
    /// program's file, a newer version, a malformed lesson entry) is an error that says
    /// what is wrong. Use this for imports, where all-or-nothing is expected.
    pub fn from_json(json: &str) -> Result<Progress, ProgressError> {
        let entries = envelope(json)?;
        let mut progress = Progress::new();
        for (id, value) in entries {
            let p: LessonProgress = serde_json::from_value(value).map_err(|e| {
                ProgressError(format!(
                    "lesson '{}': {e}",
                    id.chars().take(80).collect::<String>()
                ))
            })?;
            check_entry(&id, &p).map_err(ProgressError)?;
            progress.lessons.insert(id, p);
        }
        Ok(progress)
    }

    /// Reads JSON, keeping whatever is readable: malformed lesson entries are dropped, an
    /// unreadable file gives empty progress. The warnings say what was dropped. Use this
    /// for localStorage at start-up, where losing one entry beats losing everything.
    pub fn from_json_lossy(json: &str) -> (Progress, Vec<String>) {
        let mut warnings = Vec::new();
        let mut progress = Progress::new();
        match envelope(json) {
            Err(e) => warnings.push(e.to_string()),
            Ok(entries) => {
                for (id, value) in entries {
                    let parsed = serde_json::from_value::<LessonProgress>(value)
                        .map_err(|e| e.to_string())
                        .and_then(|p| check_entry(&id, &p).map(|_| p));
                    match parsed {
                        Ok(p) => {
                            progress.lessons.insert(id, p);
                        }
                        Err(e) => warnings.push(format!(
                            "dropped lesson '{}': {e}",
                            id.chars().take(80).collect::<String>()
                        )),
                    }
                }
            }
        }
        (progress, warnings)
    }

    /// One lesson's progress, if any was recorded.
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.lessons.get(id)
    }

    fn entry(&mut self, id: &str) -> &mut LessonProgress {
        self.lessons.entry(id.to_string()).or_default()
    }

    /// Whether a lesson is done.
    pub fn is_done(&self, id: &str) -> bool {
        self.lesson(id).is_some_and(|p| p.done)
    }

    /// Records a run of the checks; a passing run marks the lesson done (for good).
    pub fn record_attempt(&mut self, id: &str, passed: bool) {
        let p = self.entry(id);
        p.attempts = p.attempts.saturating_add(1);
        if passed {
            p.done = true;
        } else {
            p.failed_attempts = p.failed_attempts.saturating_add(1);
        }
    }

    /// How many hints are unfolded.
    pub fn hints_shown(&self, id: &str) -> usize {
        self.lesson(id).map_or(0, |p| p.hints_shown as usize)
    }

    /// Unfolds the next hint of a lesson that has `hint_count` hints; returns its index,
    /// or `None` when all are already shown.
    pub fn show_next_hint(&mut self, id: &str, hint_count: usize) -> Option<usize> {
        let shown = self.hints_shown(id);
        if shown >= hint_count {
            return None;
        }
        self.entry(id).hints_shown = shown as u32 + 1;
        Some(shown)
    }

    /// Whether the solution may be revealed: after at least one failed attempt (or when
    /// it was already revealed).
    pub fn can_reveal_solution(&self, id: &str) -> bool {
        self.lesson(id)
            .is_some_and(|p| p.failed_attempts > 0 || p.solution_revealed)
    }

    /// Marks the solution as revealed, if allowed; returns whether it is revealed now.
    pub fn reveal_solution(&mut self, id: &str) -> bool {
        if !self.can_reveal_solution(id) {
            return false;
        }
        self.entry(id).solution_revealed = true;
        true
    }

    /// Saves the learner's text of a file (too-large texts are not saved; returns whether
    /// it was).
    pub fn set_code(&mut self, id: &str, file: &str, text: &str) -> bool {
        if text.len() > MAX_FILE_BYTES || !valid_id(id) {
            return false;
        }
        self.entry(id)
            .code
            .insert(file.to_string(), text.to_string());
        true
    }

    /// The learner's saved text of a file.
    pub fn code(&self, id: &str, file: &str) -> Option<&str> {
        self.lesson(id)
            .and_then(|p| p.code.get(file))
            .map(String::as_str)
    }

    /// Forgets a lesson's progress (its code goes back to the starter).
    pub fn reset_lesson(&mut self, id: &str) {
        self.lessons.remove(id);
    }

    /// Forgets everything.
    pub fn reset(&mut self) {
        self.lessons.clear();
    }

    /// Merges imported progress into this one: done and revealed if either says so, the
    /// larger counters, and the imported code replacing this code file by file.
    pub fn merge(&mut self, other: &Progress) {
        for (id, theirs) in &other.lessons {
            let mine = self.entry(id);
            mine.done |= theirs.done;
            mine.solution_revealed |= theirs.solution_revealed;
            mine.attempts = mine.attempts.max(theirs.attempts);
            mine.failed_attempts = mine.failed_attempts.max(theirs.failed_attempts);
            mine.hints_shown = mine.hints_shown.max(theirs.hints_shown);
            for (file, text) in &theirs.code {
                mine.code.insert(file.clone(), text.clone());
            }
        }
    }

    /// Done/total per chapter of `curriculum`, in order.
    pub fn chapters(&self, curriculum: &Curriculum) -> Vec<ChapterProgress> {
        curriculum
            .chapters
            .iter()
            .map(|c| ChapterProgress {
                chapter: c.id.clone(),
                done: c.lessons.iter().filter(|l| self.is_done(&l.id)).count(),
                total: c.lessons.len(),
            })
            .collect()
    }

    /// The first lesson not done yet (where "Continue" should go).
    pub fn first_unfinished<'a>(
        &self,
        curriculum: &'a Curriculum,
    ) -> Option<&'a crate::model::Lesson> {
        curriculum.lessons().find(|l| !self.is_done(&l.id))
    }
}
