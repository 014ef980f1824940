//! The curriculum, embedded at build time (`build.rs` includes every file of `lessons/`),
//! and the lessons' keys in localStorage. Pure: used by the page and by the worker.

use std::sync::OnceLock;

use nixpad_lessons::{Curriculum, FileTree, Progress};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/lesson_files.rs"));
}

/// localStorage key of the learner's progress (`Progress::to_json`).
pub const PROGRESS_KEY: &str = "nixpad:progress";

/// The curriculum, loaded once from the embedded files.
pub fn curriculum() -> &'static Curriculum {
    static CURRICULUM: OnceLock<Curriculum> = OnceLock::new();
    CURRICULUM.get_or_init(|| {
        let mut tree = FileTree::new();
        for (path, bytes) in embedded::LESSON_FILES {
            tree.insert((*path).to_string(), bytes.to_vec());
        }
        nixpad_lessons::load(&tree).curriculum
    })
}

/// Index of lesson `id` in curriculum order.
pub fn lesson_index(id: &str) -> Option<usize> {
    curriculum().lessons().position(|l| l.id == id)
}

/// Reads stored progress; anything unreadable is dropped, with a message for the learner.
pub fn load_progress(stored: Option<Result<String, String>>) -> (Progress, Option<String>) {
    match stored {
        None => (Progress::new(), None),
        Some(Err(e)) => (
            Progress::new(),
            Some(format!(
                "Your lesson progress could not be read from this browser ({e})."
            )),
        ),
        Some(Ok(json)) => {
            let (progress, warnings) = Progress::from_json_lossy(&json);
            let notice = (!warnings.is_empty()).then(|| {
                format!(
                    "Saved lesson progress in this browser was damaged and was partly or wholly ignored: {}",
                    warnings.join("; ")
                )
            });
            (progress, notice)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_curriculum_loads_and_every_solution_passes() {
        let c = curriculum();
        assert!(c.lesson_count() > 10);
        let first = c.lessons().next().unwrap();
        assert_eq!(lesson_index(&first.id), Some(0));
        let report = first.check_solution(&Default::default());
        assert!(report.passed, "{}", report.to_text());
    }

    #[test]
    fn corrupt_progress_is_ignored_with_a_notice() {
        let (p, notice) = load_progress(Some(Ok("{not json".into())));
        assert_eq!(p, Progress::new());
        assert!(notice.is_some());
        assert_eq!(load_progress(None).1, None);
    }
}
