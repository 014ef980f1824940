//! The input of the loader: a lesson directory as an in-memory map of files, and the
//! problems found in it.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A directory's files by relative path (`/`-separated, no leading `/`), e.g.
/// `01-language/02-strings/lesson.md`. The CLI reads a folder into one; tests build them
/// by hand. The engine never touches a filesystem itself.
pub type FileTree = BTreeMap<String, Vec<u8>>;

/// Something wrong with a lesson's files, placed by file and (when known) line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file, relative to the lessons root.
    pub file: String,
    /// 1-based line, when the problem has one.
    pub line: Option<u32>,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Problem {
    /// A problem with a whole file.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            line: None,
            message: message.into(),
        }
    }

    /// A problem at a line of a file.
    pub fn at(file: impl Into<String>, line: u32, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
