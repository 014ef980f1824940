//! Source files and spans: byte offsets into normalised text, printed 1-based.

use std::cell::RefCell;
use std::rc::Rc;

/// Identifies one source text registered in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one source file (0-based, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file the range belongs to.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The placeholder position of what has no source (file 0, the evaluator's empty
    /// "none" source, holds nothing else).
    pub const NOWHERE: Span = Span {
        file: FileId(0),
        start: 0,
        end: 0,
    };
}

/// How a source is named in messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file on a (real or virtual) filesystem, by absolute path.
    File(String),
    /// An expression given with `-E`: printed `«string»`.
    String,
    /// Standard input: printed `«stdin»`.
    Stdin,
    /// Anything else (a REPL line, a lesson check), printed `«NAME»`.
    Other(String),
}

impl Origin {
    /// The name Nix prints in positions.
    pub fn display(&self) -> String {
        match self {
            Origin::File(p) => match crate::corepkgs::name(p) {
                Some(name) => format!("<nix/{name}>"),
                None => p.clone(),
            },
            Origin::String => "«string»".into(),
            Origin::Stdin => "«stdin»".into(),
            Origin::Other(n) => format!("«{n}»"),
        }
    }
}

/// One registered source text, with its line-start table.
#[derive(Debug)]
pub struct Source {
    /// Where the text came from.
    pub origin: Origin,
    /// The text.
    pub text: Rc<str>,
    /// Where each line starts, computed when a position is first asked for (most files
    /// an evaluation reads never need one).
    line_starts: std::cell::OnceCell<Vec<u32>>,
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in bytes, like Nix).
    pub col: u32,
}

/// All sources seen by an evaluation; cheap to clone (shared).
#[derive(Clone, Default, Debug)]
pub struct SourceMap {
    files: Rc<RefCell<Vec<Rc<Source>>>>,
    /// Files registered in a [`crate::SharedSources`], seen by every evaluator sharing
    /// it: their ids are `SHARED_BASE` and above.
    shared: Option<Rc<RefCell<Vec<Rc<Source>>>>>,
}

/// File ids at or above this one name files of the shared part of a [`SourceMap`].
const SHARED_BASE: u32 = 1 << 31;

/// The first of the 256 code points that stand for bytes of a source file that are not
/// UTF-8 (rnix needs text): byte `b` becomes `RAW_BYTE_BASE + b`, the last 256 code
/// points of Unicode's plane-16 private-use area, and string literals turn them back
/// into the byte, so that `"\xff"` in a file is the one byte 0xFF, as in Nix.
const RAW_BYTE_BASE: u32 = 0x10FF00;

/// Decodes a source file: valid UTF-8 as is, every other byte as its stand-in.
pub fn decode_source(bytes: Vec<u8>) -> String {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return text,
        Err(e) => e.into_bytes(),
    };
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.push(char::from_u32(RAW_BYTE_BASE + b as u32).expect("plane-16 code point"));
        }
    }
    out
}

/// Turns the stand-ins of [`decode_source`] in literal text back into raw bytes.
pub fn restore_raw_bytes(bytes: Vec<u8>) -> Vec<u8> {
    // Every stand-in is encoded as F4 8F BC|BD|BE|BF xx.
    if !bytes.windows(2).any(|w| w == [0xF4, 0x8F]) {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match (c as u32).checked_sub(RAW_BYTE_BASE) {
                Some(b) if b < 256 => out.push(b as u8),
                _ => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            }
        }
        out.extend_from_slice(chunk.invalid());
    }
    out
}

/// Prepares source text for rnix. Nix keeps `\r` inside strings (so do we), but ends a
/// `#` comment at a bare `\r`, which rnix does not: such a `\r` becomes `\n` (same
/// length, so every span stays right).
pub fn prepare_source(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    while let Ok(current) = std::str::from_utf8(&bytes) {
        let mut offset = 0;
        let mut fix = None;
        for (kind, tok) in rnix::tokenize(current) {
            if kind == rnix::SyntaxKind::TOKEN_COMMENT && tok.starts_with('#') {
                if let Some(p) = tok.find('\r') {
                    fix = Some(offset + p);
                    break;
                }
            }
            offset += tok.len();
        }
        match fix {
            Some(p) => bytes[p] = b'\n',
            None => break,
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

impl SourceMap {
    /// Registers a text (already normalised) and returns its id.
    pub fn add(&self, origin: Origin, text: Rc<str>) -> FileId {
        let mut files = self.files.borrow_mut();
        files.push(Rc::new(Source::new(origin, text)));
        FileId(files.len() as u32 - 1)
    }

    /// Gives the map a shared part (see [`crate::SharedSources`]); the ids of the files
    /// already registered stay valid.
    pub(crate) fn set_shared(&mut self, shared: Rc<RefCell<Vec<Rc<Source>>>>) {
        self.shared = Some(shared);
    }

    /// Registers a file in the shared part (`None` when there is none).
    pub(crate) fn add_shared(&self, origin: Origin, text: Rc<str>) -> Option<FileId> {
        let mut files = self.shared.as_ref()?.borrow_mut();
        files.push(Rc::new(Source::new(origin, text)));
        Some(FileId(SHARED_BASE + files.len() as u32 - 1))
    }

    /// The source with this id.
    pub fn get(&self, id: FileId) -> Rc<Source> {
        match (id.0.checked_sub(SHARED_BASE), &self.shared) {
            (Some(i), Some(shared)) => shared.borrow()[i as usize].clone(),
            _ => self.files.borrow()[id.0 as usize].clone(),
        }
    }

    pub fn line_col(&self, id: FileId, offset: u32) -> LineCol {
        let src = self.get(id);
        src.line_col(offset)
    }
}

impl Source {
    fn new(origin: Origin, text: Rc<str>) -> Source {
        Source {
            origin,
            text,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    /// Where each line starts (offsets of the bytes after each line end, and 0). As in
    /// Nix, a line ends at `\n`, `\r\n` or a bare `\r`.
    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = vec![0u32];
            starts.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(i, &b)| {
                        b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                    })
                    .map(|(i, _)| i as u32 + 1),
            );
            starts
        })
    }

    /// Line and column of a byte offset.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let starts = self.line_starts();
        let line = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        LineCol {
            line: line as u32 + 1,
            col: offset - starts[line] + 1,
        }
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line - 1) as usize;
        let starts = self.line_starts();
        let start = starts.get(i).copied().unwrap_or(self.text.len() as u32) as usize;
        let end = starts
            .get(i + 1)
            .map(|e| *e as usize - 1)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// Number of lines (a trailing newline starts an empty last line).
    pub fn line_count(&self) -> u32 {
        self.line_starts().len() as u32
    }
}
