//! The lessons: the packs they come from (loaded on demand), the learner's progress
//! (saved in localStorage by the app), and the worker's check and example runs.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use super::{Level, Outbox, Pending};
use crate::lessons::PackSource;
use crate::protocol::{Outcome, RequestId};
use nixpad_lessons::{CheckReport, Curriculum, ExampleOutcome, Progress};

/// A lesson's last check run.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckView {
    /// Sent to the worker.
    Running,
    /// The report.
    Done(CheckReport),
    /// It could not run (the worker was replaced, the request failed): why.
    Failed(String),
}

/// A prose example's last run.
#[derive(Clone, Debug, PartialEq)]
pub enum ExampleView {
    /// Sent to the worker.
    Running,
    /// Its output or error.
    Done(ExampleOutcome),
    /// It could not run: why.
    Failed(String),
}

/// Where a lesson pack's loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum PackStatus {
    /// Being fetched.
    Loading,
    /// Loaded: its lessons are in the curriculum (but those whose id was taken already).
    Loaded {
        /// Its chapters.
        curriculum: Rc<Curriculum>,
        /// Ids of its lessons left out because an earlier pack has them.
        skipped: Vec<String>,
    },
    /// There is none (404 for a pack that may be absent).
    Absent,
    /// It could not be fetched or read: why (shown with its URL).
    Failed(String),
}

/// One lesson pack and where its loading stands.
#[derive(Clone, Debug, PartialEq)]
pub struct PackLoad {
    /// Where it comes from.
    pub source: PackSource,
    /// Where its loading stands.
    pub status: PackStatus,
}

/// The lessons slice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonsState {
    /// The packs, in the order their chapters are shown (empty until lessons are opened).
    pub packs: Vec<PackLoad>,
    /// Every loaded pack's chapters, in pack order (a lesson id appears once).
    pub curriculum: Rc<Curriculum>,
    /// Done, attempts, hints, revealed solutions and code per lesson.
    pub progress: Rc<Progress>,
    /// Bumped on every change of `progress` (the app saves it).
    pub progress_rev: u64,
    /// Requests of this slice in flight.
    pub pending: BTreeMap<RequestId, Pending>,
    /// The last check run per lesson id.
    pub checks: Rc<HashMap<String, CheckView>>,
    /// The last run per (lesson id, example number).
    pub examples: Rc<HashMap<(String, u32), ExampleView>>,
    /// Check runs finished since start (tests wait on it).
    pub checks_run: u32,
    /// Messages for the user.
    pub outbox: Outbox,
}

/// Changes to the lessons.
#[derive(Clone, Debug, PartialEq)]
pub enum LessonsAction {
    /// Start loading these packs (ignored once started).
    LoadPacks(Vec<PackSource>),
    /// A pack arrived (`Ok(None)`: there is none), or failed to load: why.
    PackArrived(String, Result<Option<Curriculum>, String>),
    /// New text for a lesson's file.
    Edit {
        /// The lesson id.
        lesson: String,
        /// The file name.
        file: String,
        /// Its text.
        text: String,
    },
    /// Unfold the lesson's next hint (it has `usize` hints).
    Hint(String, usize),
    /// Show the lesson's reference solution (after a failed attempt).
    Reveal(String),
    /// Put the reference solution into the lesson's editor (once revealed).
    UseSolution(String),
    /// Forget one lesson's progress and code.
    Reset(String),
    /// Forget all lesson progress.
    ResetAll,
    /// Merge imported progress into the current one.
    Import(Progress),
    /// Replace the progress (read from storage at start).
    ProgressLoaded(Progress),
    /// A request of this slice was sent to the worker.
    Sent(RequestId, Pending),
    /// The worker answered request `id`.
    Answer(RequestId, Outcome),
    /// Request `id` got no answer: why.
    Failed(RequestId, String),
    /// The worker was replaced: every run still going fails with this message.
    WorkerLost(String),
}

impl LessonsState {
    fn progress_mut(&mut self) -> &mut Progress {
        self.progress_rev += 1;
        Rc::make_mut(&mut self.progress)
    }

    /// Whether any pack is still loading.
    pub fn loading(&self) -> bool {
        self.packs.is_empty() || self.packs.iter().any(|p| p.status == PackStatus::Loading)
    }

    /// Rebuilds the merged curriculum from the loaded packs, in pack order.
    fn merge(&mut self) {
        let mut seen = HashSet::new();
        let mut merged = Curriculum::default();
        for pack in &mut self.packs {
            let PackStatus::Loaded {
                curriculum,
                skipped,
            } = &mut pack.status
            else {
                continue;
            };
            skipped.clear();
            for chapter in &curriculum.chapters {
                let mut chapter = chapter.clone();
                chapter.lessons.retain(|l| {
                    let fresh = seen.insert(l.id.clone());
                    if !fresh {
                        skipped.push(l.id.clone());
                    }
                    fresh
                });
                if !chapter.lessons.is_empty() {
                    merged.chapters.push(chapter);
                }
            }
        }
        self.curriculum = Rc::new(merged);
    }

    fn fail(&mut self, pending: Pending, message: String) {
        match pending {
            Pending::Check(lesson) => {
                Rc::make_mut(&mut self.checks).insert(lesson, CheckView::Failed(message));
            }
            Pending::Example(lesson, i) => {
                Rc::make_mut(&mut self.examples).insert((lesson, i), ExampleView::Failed(message));
            }
            _ => {}
        }
    }

    /// Pack `url` arrived (or failed): the curriculum is rebuilt, problems are said.
    fn arrived(&mut self, url: &str, result: Result<Option<Curriculum>, String>) {
        let Some(pack) = self.packs.iter_mut().find(|p| p.source.url == url) else {
            return;
        };
        pack.status = match result {
            Ok(Some(curriculum)) => PackStatus::Loaded {
                curriculum: Rc::new(curriculum),
                skipped: Vec::new(),
            },
            Ok(None) => PackStatus::Absent,
            Err(why) => {
                let text = format!("The lesson pack {url} could not be loaded: {why}");
                self.outbox.say(Level::Warning, text);
                PackStatus::Failed(why)
            }
        };
        self.merge();
        let skipped = self.packs.iter().find_map(|p| match &p.status {
            PackStatus::Loaded { skipped, .. } if p.source.url == url && !skipped.is_empty() => {
                Some(skipped.join(", "))
            }
            _ => None,
        });
        if let Some(ids) = skipped {
            let text = format!(
                "Lessons of {url} were left out: an earlier pack has lessons with the same ids ({ids})."
            );
            self.outbox.say(Level::Warning, text);
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: LessonsAction) {
        match action {
            LessonsAction::LoadPacks(sources) => {
                if self.packs.is_empty() {
                    self.packs = sources
                        .into_iter()
                        .map(|source| PackLoad {
                            source,
                            status: PackStatus::Loading,
                        })
                        .collect();
                }
            }
            LessonsAction::PackArrived(url, result) => self.arrived(&url, result),
            LessonsAction::Edit { lesson, file, text } => {
                if !self.progress_mut().set_code(&lesson, &file, &text) {
                    self.outbox
                        .say(Level::Warning, format!("{file} is too large to be saved."));
                }
            }
            LessonsAction::Hint(lesson, count) => {
                self.progress_mut().show_next_hint(&lesson, count);
            }
            LessonsAction::Reveal(lesson) => {
                self.progress_mut().reveal_solution(&lesson);
            }
            LessonsAction::UseSolution(id) => {
                let curriculum = self.curriculum.clone();
                let Some(lesson) = curriculum.lesson(&id) else {
                    return;
                };
                let revealed = self
                    .progress
                    .lesson(&id)
                    .is_some_and(|p| p.solution_revealed);
                if !revealed {
                    return;
                }
                let progress = self.progress_mut();
                for f in lesson.files.iter().filter(|f| f.editable) {
                    progress.set_code(&id, &f.name, &f.solution);
                }
            }
            LessonsAction::Reset(lesson) => {
                self.progress_mut().reset_lesson(&lesson);
                Rc::make_mut(&mut self.checks).remove(&lesson);
            }
            LessonsAction::ResetAll => {
                self.progress_mut().reset();
                self.checks = Rc::default();
                self.outbox
                    .say(Level::Info, "All lesson progress was reset.".into());
            }
            LessonsAction::Import(imported) => {
                let n = imported.lessons.len();
                self.progress_mut().merge(&imported);
                self.outbox
                    .say(Level::Info, format!("Imported progress for {n} lesson(s)."));
            }
            LessonsAction::ProgressLoaded(progress) => self.progress = Rc::new(progress),
            LessonsAction::Sent(id, pending) => {
                match &pending {
                    Pending::Check(l) => {
                        Rc::make_mut(&mut self.checks).insert(l.clone(), CheckView::Running);
                    }
                    Pending::Example(l, i) => {
                        Rc::make_mut(&mut self.examples)
                            .insert((l.clone(), *i), ExampleView::Running);
                    }
                    _ => {}
                }
                self.pending.insert(id, pending);
            }
            LessonsAction::Answer(id, outcome) => {
                let Some(pending) = self.pending.remove(&id) else {
                    return;
                };
                match (pending, outcome) {
                    (Pending::Check(lesson), Outcome::Checked(report)) => {
                        self.checks_run += 1;
                        self.progress_mut().record_attempt(&lesson, report.passed);
                        Rc::make_mut(&mut self.checks).insert(lesson, CheckView::Done(report));
                    }
                    (Pending::Example(lesson, i), Outcome::Example(outcome)) => {
                        Rc::make_mut(&mut self.examples)
                            .insert((lesson, i), ExampleView::Done(outcome));
                    }
                    (pending, Outcome::Failed(why)) => self.fail(pending, why),
                    (pending, other) => self.fail(
                        pending,
                        format!("Unexpected answer from the evaluator ({}).", other.kind()),
                    ),
                }
            }
            LessonsAction::Failed(id, why) => {
                if let Some(pending) = self.pending.remove(&id) {
                    self.fail(pending, why);
                }
            }
            LessonsAction::WorkerLost(message) => {
                for (_, pending) in std::mem::take(&mut self.pending) {
                    self.fail(pending, message.clone());
                }
            }
        }
    }
}

reducer!(LessonsState, LessonsAction, outbox);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::pack_sources;
    use nixpad_lessons::{Chapter, Lesson, LessonFile};
    use yew::Reducible;

    fn pack(chapter: &str, lessons: &[&str]) -> Curriculum {
        let lesson = |id: &str| Lesson {
            id: format!("{chapter}/{id}"),
            dir: String::new(),
            title: id.to_uppercase(),
            summary: String::new(),
            hints: vec![],
            main: "main.nix".into(),
            files: vec![LessonFile {
                name: "main.nix".into(),
                editable: true,
                starter: "0".into(),
                solution: "1".into(),
            }],
            check: String::new(),
            check_library: String::new(),
            wrong: vec![],
            alternatives: vec![],
            nixpkgs: false,
            experimental_features: Vec::new(),
            flake: false,
            document: Default::default(),
        };
        Curriculum {
            chapters: vec![Chapter {
                id: chapter.into(),
                title: chapter.into(),
                summary: String::new(),
                lessons: lessons.iter().map(|l| lesson(l)).collect(),
            }],
        }
    }

    fn ids(s: &LessonsState) -> Vec<&str> {
        s.curriculum.lessons().map(|l| l.id.as_str()).collect()
    }

    #[test]
    fn packs_merge_in_order_and_failures_are_named() {
        let mut s = LessonsState::default();
        assert!(s.loading());
        let sources = pack_sources("?lessons=extra.pack");
        s.apply(LessonsAction::LoadPacks(sources));
        assert_eq!(s.packs.len(), 3);
        // The extra pack arrives first; the curriculum still lists the built-in one first.
        s.apply(LessonsAction::PackArrived(
            "extra.pack".into(),
            Ok(Some(pack("intro", &["a", "z"]))),
        ));
        s.apply(LessonsAction::PackArrived(
            "./curriculum.pack".into(),
            Ok(Some(pack("intro", &["a", "b"]))),
        ));
        assert!(s.loading());
        let seq = s.outbox.seq;
        let s = Rc::new(s).reduce(LessonsAction::PackArrived(
            "./workshop.pack".into(),
            Err("HTTP 500".into()),
        ));
        assert!(!s.loading());
        assert_eq!(ids(&s), ["intro/a", "intro/b", "intro/z"]);
        assert_eq!(s.outbox.seq, seq + 1);
        assert!(s.outbox.messages[0].1.contains("./workshop.pack"));
        assert!(
            matches!(&s.packs[2].status, PackStatus::Loaded { skipped, .. } if skipped == &["intro/a"])
        );
    }

    #[test]
    fn checks_record_attempts_and_fail_visibly() {
        let mut s = LessonsState::default();
        s.apply(LessonsAction::Sent(
            RequestId(1),
            Pending::Check("c/l".into()),
        ));
        assert_eq!(s.checks["c/l"], CheckView::Running);
        s.apply(LessonsAction::Answer(
            RequestId(1),
            Outcome::Checked(CheckReport {
                passed: false,
                checks: vec![],
                error: None,
                trace: vec![],
                flake: None,
            }),
        ));
        assert_eq!(s.progress.lesson("c/l").map(|p| p.attempts), Some(1));
        s.apply(LessonsAction::Sent(
            RequestId(2),
            Pending::Example("c/l".into(), 0),
        ));
        s.apply(LessonsAction::Failed(RequestId(2), "could not send".into()));
        assert_eq!(
            s.examples[&("c/l".to_string(), 0)],
            ExampleView::Failed("could not send".into())
        );
    }
}
