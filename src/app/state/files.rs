//! The playground's files: the tree, the open file, the file Run evaluates, requests to
//! run, and the share panel.

use super::{Level, Outbox, SettingsState};
use crate::examples;
use crate::files::{fresh_name, renamed, validate_tree, MAX_FILES};
use crate::protocol::FileEntry;
use crate::share;
use crate::storage::{self, Settings};

/// The share panel's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareState {
    /// The link, and whether it reached the clipboard (`None`: still trying).
    Link(String, Option<bool>),
    /// Why no link could be made.
    Failed(String),
}

/// The files slice.
#[derive(Clone, Debug, PartialEq)]
pub struct FilesState {
    /// The file tree.
    pub files: Vec<FileEntry>,
    /// Index of the open file.
    pub active: usize,
    /// The file evaluated by Run.
    pub entry: String,
    /// Bumped on every change to the files' texts or names.
    pub revision: u64,
    /// Whether the current files still need saving (false right after loading them).
    pub dirty: bool,
    /// Bumped to ask for an evaluation (the app sends it).
    pub run_token: u64,
    /// The share panel.
    pub share: Option<ShareState>,
    /// Messages for the user.
    pub outbox: Outbox,
}

/// Changes to the files.
#[derive(Clone, Debug, PartialEq)]
pub enum FilesAction {
    /// Open file `usize`.
    Select(usize),
    /// Open the file with this name (an error's position), if there is one.
    Open(String),
    /// New text for the open file.
    Edit(String),
    /// Add a file with a fresh name.
    Add,
    /// Rename file `index` to `name`.
    Rename {
        /// Which file.
        index: usize,
        /// Its new name.
        name: String,
    },
    /// Delete file `usize` (not the last one).
    Delete(usize),
    /// Evaluate this file on Run (and run it).
    SetEntry(String),
    /// Replace all files (an example, a share link) and run them.
    Load {
        /// The new tree.
        files: Vec<FileEntry>,
        /// A notice to show.
        notice: String,
    },
    /// Add a template's files, as `nix flake init -t REFERENCE` copies them (identical
    /// files are kept, a file that exists with other text stops it: nothing is added),
    /// and run them.
    AddTemplate {
        /// The template (`templates#trivial`).
        reference: String,
        /// Its files: name, text.
        files: Vec<(String, String)>,
        /// Its welcome text, said after copying.
        welcome_text: Option<String>,
    },
    /// Ask for an evaluation.
    Run,
    /// Show the share panel with this content (or hide it).
    Share(Option<ShareState>),
    /// The clipboard took the link (or refused it).
    Copied(bool),
    /// The files were saved.
    Saved,
}

/// Where the initial files come from, read by the caller from the page.
#[derive(Clone, Debug, Default)]
pub struct Boot {
    /// `location.hash`.
    pub hash: String,
    /// localStorage's saved files, if any (or why they could not be read).
    pub saved_files: Option<Result<String, String>>,
    /// localStorage's saved settings, if any.
    pub saved_settings: Option<String>,
}

fn default_entry(files: &[FileEntry]) -> String {
    files
        .iter()
        .find(|f| f.name == "default.nix")
        .unwrap_or(&files[0])
        .name
        .clone()
}

impl FilesState {
    /// The state a page load starts from: the share link in the fragment if there is one
    /// (a broken link opens the default example with a notice), else the saved files,
    /// else the default example; and the saved settings. Returns whether the fragment
    /// held a link (to remove it). Anything ignored is said in the outbox.
    pub fn boot(boot: &Boot) -> (FilesState, SettingsState, bool) {
        let mut outbox = Outbox::default();
        let mut dirty = false;
        let mut active_name = None;
        let link = share::data_in_fragment(&boot.hash);
        let files = if let Some(data) = link {
            match share::decode(data) {
                Ok(files) => {
                    outbox.say(
                        Level::Info,
                        format!("Opened {} file(s) from a share link.", files.len()),
                    );
                    dirty = true;
                    files
                }
                Err(e) => {
                    outbox.say(Level::Warning, format!("This share link could not be opened: {e}. Showing the default example instead."));
                    examples::default_example().entries()
                }
            }
        } else {
            match &boot.saved_files {
                Some(Ok(saved)) => match storage::load_files(saved) {
                    Ok((files, active)) => {
                        active_name = Some(active);
                        files
                    }
                    Err(e) => {
                        outbox.say(Level::Warning, format!("Saved files in this browser were ignored: {e}. Showing the default example."));
                        examples::default_example().entries()
                    }
                },
                Some(Err(e)) => {
                    outbox.say(
                        Level::Warning,
                        format!(
                            "Saved files could not be read ({e}). Showing the default example."
                        ),
                    );
                    examples::default_example().entries()
                }
                None => examples::default_example().entries(),
            }
        };
        let settings = match &boot.saved_settings {
            Some(s) => storage::load_settings(s).unwrap_or_else(|e| {
                outbox.say(Level::Warning, format!("Saved settings were ignored: {e}."));
                Settings::default()
            }),
            None => Settings::default(),
        };
        outbox.end();
        let active = active_name
            .and_then(|n| files.iter().position(|f| f.name == n))
            .unwrap_or(0);
        let state = FilesState {
            entry: default_entry(&files),
            files,
            active,
            revision: 0,
            dirty,
            run_token: 1,
            share: None,
            outbox,
        };
        (state, SettingsState { settings }, link.is_some())
    }

    /// The open file.
    pub fn active_file(&self) -> &FileEntry {
        &self.files[self.active.min(self.files.len() - 1)]
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.dirty = true;
        self.share = None;
    }

    /// Applies one action.
    pub fn apply(&mut self, action: FilesAction) {
        match action {
            FilesAction::Select(i) if i < self.files.len() => {
                self.active = i;
                self.dirty = true;
            }
            FilesAction::Select(_) => {}
            FilesAction::Open(name) => {
                if let Some(i) = self.files.iter().position(|f| f.name == name) {
                    self.active = i;
                }
            }
            FilesAction::Edit(text) => {
                let i = self.active.min(self.files.len() - 1);
                if self.files[i].text != text {
                    self.files[i].text = text;
                    self.changed();
                }
            }
            FilesAction::Add => {
                if self.files.len() >= MAX_FILES {
                    self.outbox
                        .say(Level::Warning, format!("At most {MAX_FILES} files."));
                    return;
                }
                let name = fresh_name(&self.files);
                self.files.push(FileEntry {
                    name,
                    text: "{ }\n".into(),
                });
                self.active = self.files.len() - 1;
                self.changed();
            }
            FilesAction::Rename { index, name } => {
                let Some(old) = self.files.get(index).map(|f| f.name.clone()) else {
                    return;
                };
                let name = name.trim().to_string();
                match renamed(&self.files, &old, &name) {
                    Ok(files) => {
                        self.files = files;
                        if self.entry == old {
                            self.entry = name;
                        }
                        self.changed();
                    }
                    Err(e) => self
                        .outbox
                        .say(Level::Warning, format!("Cannot rename {old}: {e}")),
                }
            }
            FilesAction::Delete(i) => {
                if self.files.len() <= 1 || i >= self.files.len() {
                    self.outbox
                        .say(Level::Warning, "The last file cannot be deleted.".into());
                    return;
                }
                let gone = self.files.remove(i);
                if self.active >= i && self.active > 0 {
                    self.active -= 1;
                }
                if self.entry == gone.name {
                    self.entry = default_entry(&self.files);
                }
                self.outbox
                    .say(Level::Info, format!("Deleted {}.", gone.name));
                self.changed();
            }
            FilesAction::SetEntry(name) => {
                if self.files.iter().any(|f| f.name == name) {
                    self.entry = name;
                    self.run_token += 1;
                }
            }
            FilesAction::Load { files, notice } => {
                if let Err(e) = validate_tree(&files) {
                    self.outbox
                        .say(Level::Warning, format!("Cannot open these files: {e}"));
                    return;
                }
                self.entry = default_entry(&files);
                self.files = files;
                self.active = 0;
                self.changed();
                self.outbox.say(Level::Info, notice);
                self.run_token += 1;
            }
            FilesAction::AddTemplate {
                reference,
                files,
                welcome_text,
            } => {
                let mut tree = self.files.clone();
                for (name, text) in &files {
                    match tree.iter().find(|f| &f.name == name) {
                        Some(f) if &f.text == text => {}
                        Some(_) => {
                            self.outbox.say(Level::Warning, format!("nix flake init -t {reference}: refusing to overwrite the existing file {name}; merge it by hand or rename yours first."));
                            return;
                        }
                        None => tree.push(FileEntry {
                            name: name.clone(),
                            text: text.clone(),
                        }),
                    }
                }
                if let Err(e) = validate_tree(&tree) {
                    self.outbox.say(
                        Level::Warning,
                        format!("nix flake init -t {reference}: {e}"),
                    );
                    return;
                }
                self.files = tree;
                if let Some(i) = self.files.iter().position(|f| f.name == "flake.nix") {
                    self.active = i;
                }
                self.changed();
                self.run_token += 1;
                let mut said = format!("Copied the template {reference} into the files.");
                if let Some(welcome) = welcome_text {
                    said.push_str(&format!(" {}", welcome.trim()));
                }
                self.outbox.say(Level::Info, said);
            }
            FilesAction::Run => self.run_token += 1,
            FilesAction::Share(share) => self.share = share,
            FilesAction::Copied(ok) => {
                if let Some(ShareState::Link(_, copied)) = &mut self.share {
                    *copied = Some(ok);
                }
            }
            FilesAction::Saved => self.dirty = false,
        }
    }
}

reducer!(FilesState, FilesAction, outbox);

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;
    use yew::Reducible;

    fn boot(hash: &str, saved: Option<&str>) -> (FilesState, bool) {
        let (files, _, had_link) = FilesState::boot(&Boot {
            hash: hash.into(),
            saved_files: saved.map(|s| Ok(s.to_string())),
            saved_settings: Some("garbage".into()),
        });
        (files, had_link)
    }

    fn said(s: &FilesState) -> Vec<String> {
        s.outbox.messages.iter().map(|(_, t)| t.clone()).collect()
    }

    #[test]
    fn boot_prefers_links_then_storage_then_the_example() {
        let files = vec![FileEntry {
            name: "a.nix".into(),
            text: "1".into(),
        }];
        let link = share::fragment(&share::encode(&files).unwrap());
        let (s, had_link) = boot(&link, None);
        assert!(had_link && s.dirty);
        assert_eq!(s.files, files);
        assert_eq!(s.entry, "a.nix");

        let (s, had_link) = boot("#/?files=AAAA", None);
        assert!(had_link);
        assert_eq!(s.files, examples::default_example().entries());
        assert!(said(&s).iter().any(|n| n.contains("could not be opened")));
        assert!(said(&s).iter().any(|n| n.contains("settings were ignored")));
        assert_eq!(s.outbox.seq, 1);

        let saved = storage::save_files(&files, "a.nix").unwrap();
        let (s, had_link) = boot("#/examples", Some(&saved));
        assert!(!had_link && !s.dirty);
        assert_eq!(s.files, files);

        let (s, _) = boot("", Some("{\"other\":\"app\"}"));
        assert_eq!(s.files, examples::default_example().entries());
        assert_eq!(said(&s).len(), 2);
    }

    #[test]
    fn file_actions() {
        let (s, _) = boot("", None);
        let s = Rc::new(s);
        let step = |s: Rc<FilesState>, a| s.reduce(a);
        let s = step(s, FilesAction::Add);
        assert_eq!(s.active_file().name, "new.nix");
        let seq = s.outbox.seq;
        let s = step(
            s.clone(),
            FilesAction::Rename {
                index: s.active,
                name: "x y".into(),
            },
        );
        assert_eq!(s.active_file().name, "new.nix");
        assert_eq!(s.outbox.seq, seq + 1, "the refusal is said");
        let s = step(
            s.clone(),
            FilesAction::Rename {
                index: s.active,
                name: "overlay.nix".into(),
            },
        );
        assert_eq!(s.active_file().name, "overlay.nix");
        assert!(s.outbox.messages.is_empty());
        let s = step(s, FilesAction::Edit("final: prev: {}".into()));
        assert_eq!(s.files[1].text, "final: prev: {}");
        let s = step(s, FilesAction::Open("default.nix".into()));
        assert_eq!(s.active, 0);
        let s = step(s, FilesAction::Delete(1));
        let s = step(s, FilesAction::Delete(0));
        assert_eq!(s.files.len(), 1);
        assert_eq!(s.entry, "default.nix");
        assert_eq!(said(&s), ["The last file cannot be deleted."]);
    }
    #[test]
    fn templates_add_files_without_overwriting() {
        let (s, _) = boot("", None);
        let s = Rc::new(s).reduce(FilesAction::Load {
            files: vec![FileEntry {
                name: "flake.nix".into(),
                text: "mine".into(),
            }],
            notice: String::new(),
        });
        let template = |text: &str| FilesAction::AddTemplate {
            reference: "templates#t".into(),
            files: vec![
                ("flake.nix".into(), text.into()),
                ("src/main.nix".into(), "1".into()),
            ],
            welcome_text: Some("Welcome".into()),
        };
        let refused = s.clone().reduce(template("theirs"));
        assert_eq!(
            refused.files.len(),
            1,
            "a different flake.nix stops the copy"
        );
        assert!(said(&refused)
            .last()
            .unwrap()
            .contains("refusing to overwrite"));
        let copied = s.reduce(template("mine"));
        let names: Vec<&str> = copied.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["flake.nix", "src/main.nix"]);
        assert!(said(&copied).last().unwrap().contains("Welcome"));
    }
}
