//! The app's state, one slice per concern, each with its own actions and reducer:
//!
//! | slice | what | actions |
//! |---|---|---|
//! | [`files`] | the playground's files, the entry file, Run requests, the share panel | [`FilesAction`] |
//! | [`results`] | the playground's answers: value tree, text views, trace, derivations | [`ResultsAction`] |
//! | [`repl`] | the REPL log | [`ReplAction`] |
//! | [`settings`] | time limit, run as you type | [`SettingsAction`] |
//! | [`lessons`] | lesson packs, progress, check and example runs | [`LessonsAction`] |
//! | [`notices`] | messages at the top | [`NoticesAction`] |
//!
//! Each slice is its own `use_reducer` and its own context, so a change re-renders only
//! the components that read that slice. Reducers are pure (`apply`, tested natively); a
//! reducer that has something to tell the user puts it in its [`Outbox`], which the app
//! forwards to the notices. Worker requests are tagged by [`Pending::of`] their command,
//! and their answers are routed to the slice that asked ([`Pending::slice`]).

/// Implements `yew::Reducible` for a slice through its `apply`: on a copy of the state
/// (`Rc::unwrap_or_clone`: no copy when nothing else holds it), with its outbox, if it
/// has one, holding only what this action says.
macro_rules! reducer {
    ($state:ty, $action:ty) => {
        impl yew::Reducible for $state {
            type Action = $action;

            fn reduce(self: std::rc::Rc<Self>, action: $action) -> std::rc::Rc<Self> {
                let mut next = std::rc::Rc::unwrap_or_clone(self);
                next.apply(action);
                std::rc::Rc::new(next)
            }
        }
    };
    ($state:ty, $action:ty, outbox) => {
        impl yew::Reducible for $state {
            type Action = $action;

            fn reduce(self: std::rc::Rc<Self>, action: $action) -> std::rc::Rc<Self> {
                let mut next = std::rc::Rc::unwrap_or_clone(self);
                next.outbox.begin();
                next.apply(action);
                next.outbox.end();
                std::rc::Rc::new(next)
            }
        }
    };
}

pub mod files;
pub mod lessons;
pub mod notices;
pub mod repl;
pub mod requests;
pub mod results;
pub mod settings;

use std::rc::Rc;

pub use files::{Boot, FilesAction, FilesState, ShareState};
pub use lessons::{CheckView, ExampleView, LessonsAction, LessonsState, PackLoad, PackStatus};
pub use notices::{Level, Notice, NoticesAction, NoticesState};
pub use repl::{ReplAction, ReplEntry, ReplState};
pub use requests::{Pending, Slice};
pub use results::{DrvAnswer, Output, OutputTab, ResultsAction, ResultsState, TextView};
pub use settings::{SettingsAction, SettingsState};

/// Messages a reducer wants shown, from its latest action (`seq` changes when there are
/// new ones; the app forwards them to [`NoticesState`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox {
    /// Bumped whenever `messages` is replaced by new ones.
    pub seq: u64,
    /// The new messages.
    pub messages: Rc<Vec<(Level, String)>>,
}

impl Outbox {
    /// Queues one message (kept with the others of the same action).
    pub fn say(&mut self, level: Level, text: String) {
        Rc::make_mut(&mut self.messages).push((level, text));
    }

    /// Starts a new action's messages: the previous ones were forwarded already.
    pub fn begin(&mut self) {
        if !self.messages.is_empty() {
            self.messages = Rc::default();
        }
    }

    /// Marks the messages of this action as new, if there are any.
    pub fn end(&mut self) {
        if !self.messages.is_empty() {
            self.seq += 1;
        }
    }
}
