//! The REPL log.

use crate::protocol::{Outcome, RequestId};

/// Most REPL exchanges kept (older ones go).
pub const MAX_ENTRIES: usize = 200;

/// One REPL exchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplEntry {
    /// What was typed.
    pub input: String,
    /// The request evaluating it, while it runs.
    pub request: Option<RequestId>,
    /// The answer (`None` while running).
    pub output: Option<String>,
    /// Whether the answer is an error.
    pub is_error: bool,
}

/// The REPL slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReplState {
    /// The log, oldest first.
    pub log: Vec<ReplEntry>,
    /// Whether the REPL is stopped at a `builtins.break` (its last answer said so).
    pub stopped: bool,
}

/// Changes to the REPL.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplAction {
    /// Line `String` was sent as request `RequestId`.
    Sent(RequestId, String),
    /// The worker answered request `id`.
    Answer(RequestId, Outcome),
    /// Request `id` got no answer (not sendable or readable, worker lost): why.
    Failed(RequestId, String),
    /// The worker was replaced: every line still running fails with this message.
    WorkerLost(String),
    /// Clear the log.
    Clear,
}

impl ReplState {
    /// Whether a line is being evaluated.
    pub fn busy(&self) -> bool {
        self.log.iter().any(|e| e.request.is_some())
    }

    fn finish(&mut self, id: RequestId, text: String, is_error: bool) {
        if let Some(entry) = self.log.iter_mut().find(|e| e.request == Some(id)) {
            entry.request = None;
            entry.output = Some(text);
            entry.is_error = is_error;
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: ReplAction) {
        match action {
            ReplAction::Sent(id, input) => {
                self.log.push(ReplEntry {
                    input,
                    request: Some(id),
                    output: None,
                    is_error: false,
                });
                if self.log.len() > MAX_ENTRIES {
                    self.log.remove(0);
                }
            }
            ReplAction::Answer(
                id,
                Outcome::Repl {
                    text,
                    is_error,
                    stopped,
                },
            ) => {
                self.stopped = stopped;
                self.finish(id, text, is_error)
            }
            ReplAction::Answer(id, Outcome::Failed(why)) | ReplAction::Failed(id, why) => {
                self.finish(id, why, true)
            }
            ReplAction::Answer(id, other) => self.finish(
                id,
                format!("Unexpected answer from the evaluator ({}).", other.kind()),
                true,
            ),
            ReplAction::WorkerLost(message) => {
                // A new worker has a new REPL, which is not stopped.
                self.stopped = false;
                let running: Vec<RequestId> = self.log.iter().filter_map(|e| e.request).collect();
                for id in running {
                    self.finish(id, message.clone(), true);
                }
            }
            ReplAction::Clear => self.log.clear(),
        }
    }
}

reducer!(ReplState, ReplAction);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_find_their_line_by_request() {
        let mut r = ReplState::default();
        r.apply(ReplAction::Sent(RequestId(5), "1 + 1".into()));
        r.apply(ReplAction::Sent(RequestId(6), "x".into()));
        assert!(r.busy());
        r.apply(ReplAction::Answer(
            RequestId(6),
            Outcome::Repl {
                text: "undefined".into(),
                is_error: true,
                stopped: true,
            },
        ));
        assert!(r.stopped);
        r.apply(ReplAction::WorkerLost("stopped".into()));
        assert!(!r.stopped);
        assert_eq!(r.log[0].output.as_deref(), Some("stopped"));
        assert_eq!(r.log[1].output.as_deref(), Some("undefined"));
        assert!(r.log.iter().all(|e| e.is_error) && !r.busy());
        for i in 0..MAX_ENTRIES as u32 {
            r.apply(ReplAction::Sent(RequestId(10 + i), "1".into()));
        }
        assert_eq!(r.log.len(), MAX_ENTRIES);
        r.apply(ReplAction::Failed(RequestId(10), "not sent".into()));
        assert_eq!(r.log[0].output.as_deref(), Some("not sent"));
    }
}
