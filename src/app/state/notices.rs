//! Messages at the top of the page until dismissed.

/// How loud a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Good to know.
    Info,
    /// Something was ignored, refused or failed.
    Warning,
}

/// A message at the top of the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Identifies it for dismissal.
    pub id: u64,
    /// How loud.
    pub level: Level,
    /// The text (shown as text, never HTML).
    pub text: String,
}

/// The notices shown (at most [`MAX_NOTICES`], newest last).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticesState {
    /// The notices.
    pub list: Vec<Notice>,
    next_id: u64,
}

/// Most notices shown at once (older ones go).
pub const MAX_NOTICES: usize = 4;

/// Changes to the notices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticesAction {
    /// Show a notice (an identical one moves to the end).
    Notify(Level, String),
    /// Hide notice `u64`.
    Dismiss(u64),
}

impl NoticesState {
    /// Applies one action.
    pub fn apply(&mut self, action: NoticesAction) {
        match action {
            NoticesAction::Notify(level, text) => {
                self.list.retain(|n| n.text != text);
                self.next_id += 1;
                self.list.push(Notice {
                    id: self.next_id,
                    level,
                    text,
                });
                if self.list.len() > MAX_NOTICES {
                    self.list.remove(0);
                }
            }
            NoticesAction::Dismiss(id) => self.list.retain(|n| n.id != id),
        }
    }
}

reducer!(NoticesState, NoticesAction);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_dedupe_cap_and_dismiss() {
        let mut n = NoticesState::default();
        for i in 0..6 {
            n.apply(NoticesAction::Notify(Level::Info, format!("n{i}")));
        }
        n.apply(NoticesAction::Notify(Level::Warning, "n3".into()));
        let texts: Vec<_> = n.list.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["n2", "n4", "n5", "n3"]);
        let id = n.list[0].id;
        n.apply(NoticesAction::Dismiss(id));
        assert_eq!(n.list.len(), 3);
    }
}
