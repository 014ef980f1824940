//! What a request in flight is for, derived from its command, and which slice its answer
//! goes to.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::protocol::{Command, ResultId};

/// What a request in flight is for, so its answer lands in the right place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// An evaluation.
    Eval,
    /// Children of a node.
    Expand,
    /// JSON of a result.
    Json(ResultId),
    /// Strict print of a result.
    Strict(ResultId),
    /// Syntax tree of a text (its [`text_key`]).
    Syntax(u64),
    /// A REPL line (the entry is found by the request id).
    Repl,
    /// The derivations of a result.
    Drv(ResultId),
    /// A CycloneDX SBOM of one derivation of a result (its root label).
    Sbom(ResultId, String),
    /// The options of a result.
    Options(ResultId),
    /// The rebuild impact of a result.
    Impact(ResultId),
    /// The files as a flake (their [`text_key`]).
    Flake(u64),
    /// A template's files (its reference).
    FlakeInit(String),
    /// The checks of a lesson (its id).
    Check(String),
    /// A prose example of a lesson: lesson id, example number.
    Example(String, u32),
}

/// The slice of the state a request belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slice {
    /// [`super::ResultsState`].
    Results,
    /// [`super::ReplState`].
    Repl,
    /// [`super::LessonsState`].
    Lessons,
}

/// A key for a set of files (which flake is shown): equal files, equal keys.
pub fn files_key(files: &[crate::protocol::FileEntry]) -> u64 {
    let mut h = DefaultHasher::new();
    for f in files {
        f.name.hash(&mut h);
        f.text.hash(&mut h);
    }
    h.finish()
}

/// A key for a text (which syntax tree is shown): equal texts, equal keys.
pub fn text_key(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl Pending {
    /// The tag of a command: everything the page needs to place its answer.
    pub fn of(command: &Command) -> Pending {
        match command {
            Command::Eval { .. } => Pending::Eval,
            Command::Expand { .. } => Pending::Expand,
            Command::PrintStrict { result } => Pending::Strict(*result),
            Command::Json { result } => Pending::Json(*result),
            Command::SyntaxTree { text } => Pending::Syntax(text_key(text)),
            Command::Repl { .. } => Pending::Repl,
            Command::Derivations { result } => Pending::Drv(*result),
            Command::Sbom { result, root } => Pending::Sbom(*result, root.clone()),
            Command::Options { result } => Pending::Options(*result),
            Command::Impact { result } => Pending::Impact(*result),
            Command::Flake { files } => Pending::Flake(files_key(files)),
            Command::FlakeInit { reference, .. } => Pending::FlakeInit(reference.clone()),
            Command::Check { lesson, .. } => Pending::Check(lesson.clone()),
            Command::Example { lesson, index, .. } => Pending::Example(lesson.clone(), *index),
        }
    }

    /// Its name, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Pending::Eval => "Eval",
            Pending::Expand => "Expand",
            Pending::Json(_) => "Json",
            Pending::Strict(_) => "Strict",
            Pending::Syntax(_) => "Syntax",
            Pending::Repl => "Repl",
            Pending::Drv(_) => "Derivations",
            Pending::Sbom(..) => "Sbom",
            Pending::Options(_) => "Options",
            Pending::Impact(_) => "Impact",
            Pending::Flake(_) => "Flake",
            Pending::FlakeInit(_) => "FlakeInit",
            Pending::Check(_) => "Check",
            Pending::Example(..) => "Example",
        }
    }

    /// Where its answer goes.
    pub fn slice(&self) -> Slice {
        match self {
            Pending::Repl => Slice::Repl,
            Pending::Check(_) | Pending::Example(..) => Slice::Lessons,
            _ => Slice::Results,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_come_from_the_command() {
        let c = Command::Example {
            lesson: "a/b".into(),
            index: 2,
            code: String::new(),
            files: vec![],
            nixpkgs: false,
            experimental_features: Vec::new(),
        };
        assert_eq!(Pending::of(&c), Pending::Example("a/b".into(), 2));
        assert_eq!(Pending::of(&c).slice(), Slice::Lessons);
        let j = Command::Json {
            result: ResultId(7),
        };
        assert_eq!(Pending::of(&j), Pending::Json(ResultId(7)));
        assert_eq!(Pending::of(&j).slice(), Slice::Results);
        let s = |t: &str| Pending::of(&Command::SyntaxTree { text: t.into() });
        assert_eq!(s("1"), s("1"));
        assert_ne!(s("1"), s("2"));
    }
}
