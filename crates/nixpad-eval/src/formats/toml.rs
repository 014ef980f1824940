//! `builtins.fromTOML`: a TOML 1.0 reader producing Nix values.
//!
//! Tables become sets, arrays lists, integers (decimal, `0x`, `0o`, `0b`, with `_`)
//! integers, floats (including `inf`/`nan`) floats. Dates and times are read and checked
//! as toml11 reads them; with the experimental feature `parse-toml-timestamps` each becomes
//! `{ _type = "timestamp"; value = TEXT; }` (TEXT as toml11 writes it back), without it
//! they are refused as Nix refuses them.
//!
//! Errors are reported as Nix's TOML parser (toml11) reports them: a title, the lines
//! concerned with their columns marked and labelled, hints. After an error the parser
//! goes on at the next line (after a broken inline table, at its closing brace), so one
//! text can give several reports, shown together as Nix shows them.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind, EvalResult};
use crate::machine::Machine;
use crate::primop::Args;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::*;

/// How deep arrays and inline tables may nest.
const MAX_DEPTH: usize = 500;

/// A parsed TOML value.
enum TVal {
    Str(Vec<u8>),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A date or time, as toml11 writes it back: refused once the whole text has parsed
    /// unless timestamps are wanted (as Nix does).
    Date(String),
    Array {
        items: Vec<TVal>,
        of_tables: bool,
    },
    Table(Table),
}

/// A part of the text: byte offsets, end exclusive.
#[derive(Clone, Copy)]
struct Region {
    start: usize,
    end: usize,
}

/// A table's entry, with the text that defined it (marked when a later line conflicts).
struct Entry {
    value: TVal,
    defined: Region,
}

#[derive(Default)]
struct Table {
    entries: BTreeMap<String, Entry>,
    /// Defined by a `[header]` (may not be defined again).
    explicit: bool,
    /// Created by dotted keys (may not get a `[header]`).
    dotted: bool,
    /// An inline table (may not be extended).
    inline: bool,
}

/// A marked part of the text in a [`Report`], with what it says there.
#[derive(Clone)]
struct Mark {
    region: Region,
    label: &'static str,
}

/// One error as Nix's TOML parser (toml11) reports it: a title, the marked lines, hints.
#[derive(Clone)]
struct Report {
    title: &'static str,
    marks: Vec<Mark>,
    hints: &'static [&'static str],
    /// toml11 ends this report's last hint without a newline (the next report, or the end
    /// of the message, follows on the same line).
    hints_unterminated: bool,
    /// A value the end of the text cut short (toml11 shows that region its own way:
    /// see [`Report::render_at_end`]).
    at_end: bool,
}

const INTEGER_HINTS: &[&str] = &[
    "Hint: valid  : -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755",
    "Hint: invalid: _42, 1__000, 0123",
];
const FLOAT_HINTS: &[&str] = &[
    "Hint: valid  : +1.0, -2e-2, 3.141_592_653_589, inf, nan",
    "Hint: invalid: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0",
];
const TIME_HINTS: &[&str] = &[
    "Hint: valid  : 1979-05-27T07:32:00, 1979-05-27 07:32:00.999999",
    "Hint: invalid: 1979-05-27T7:32:00, 1979-05-27 17:32",
];
const OFFSET_HINTS: &[&str] = &[
    "Hint: valid  : +09:00, -05:30",
    "Hint: invalid: +9:00,  -5:30",
];
const DATETIME_HINTS: &[&str] = &[
    "Hint: valid  : 1979-05-27T07:32:00-07:00, 1979-05-27 07:32:00.999999Z",
    "Hint: invalid: 1979-05-27T7:32:00-7:00, 1979-05-27 7:32-00:30",
];
const KEY_HINTS: &[&str] =
    &["Hint: non-ASCII scripts are allowed in toml v1.1.0, but not in v1.0.0."];

const SIMPLE_KEY: &str =
    "toml::parse_simple_key: invalid key: key must be \"quoted\", 'quoted-literal', or bare key.";
const UNKNOWN_VALUE: &str = "bad format: unknown value appeared";
const BAD_BOOLEAN: &str = "toml::parse_boolean: invalid boolean: boolean must be `true` or `false`, in lowercase. string must be surrounded by `\"`";
const NO_NEWLINE: &str = "toml::parse_table: newline (LF / CRLF) or EOF is expected";
const NO_NEWLINE_AFTER_HEADER: &str = "toml::parse_file: newline (or EOF) expected";
const MISSING_BRACKET: &str = "toml::parse_array: missing closing bracket `]`";
const NO_EQUALS: &str = "toml::parse_key_value_pair: invalid key value separator `=`";
const VALUE_EXISTS: &str = "toml::insert_value: failed to insert a value, value already exists";
const INLINE_IMMUTABLE: &str =
    "toml::insert_value: failed to insert a value: inline table is immutable";

impl Report {
    /// A report marking one character (or the end of the text) at `at`.
    fn at(title: &'static str, at: usize, label: &'static str) -> Report {
        Report {
            title,
            marks: vec![Mark {
                region: Region {
                    start: at,
                    end: at + 1,
                },
                label,
            }],
            hints: &[],
            hints_unterminated: false,
            at_end: false,
        }
    }

    /// A report of a value the end of the text cut short, saying `label`.
    fn at_end(title: &'static str, label: &'static str) -> Report {
        Report {
            at_end: true,
            ..Report::at(title, 0, label)
        }
    }

    fn with_hints(mut self, hints: &'static [&'static str]) -> Report {
        self.hints = hints;
        self
    }

    /// A conflict: the new definition and the one it conflicts with.
    fn conflict(
        title: &'static str,
        new: (Region, &'static str),
        old: (Region, &'static str),
    ) -> Report {
        Report {
            title,
            marks: vec![
                Mark {
                    region: new.0,
                    label: new.1,
                },
                Mark {
                    region: old.0,
                    label: old.1,
                },
            ],
            hints: &[],
            hints_unterminated: false,
            at_end: false,
        }
    }

    /// The report as toml11 writes it: `[error] TITLE`, then for each mark its line,
    /// numbered, with the marked columns underlined and labelled, then the hints.
    fn render(&self, text: &[u8], out: &mut String) {
        use std::fmt::Write;
        if self.at_end {
            return self.render_at_end(text, out);
        }
        let located: Vec<(usize, usize, &[u8], &Mark)> = self
            .marks
            .iter()
            .map(|mark| {
                let at = mark.region.start.min(text.len());
                let line_start = text[..at]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |k| k + 1);
                let line_end = text[at..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(text.len(), |k| at + k);
                let line = 1 + text[..at].iter().filter(|&&c| c == b'\n').count();
                (line, at - line_start, &text[line_start..line_end], mark)
            })
            .collect();
        let width = located
            .iter()
            .map(|(line, ..)| line.to_string().len())
            .max()
            .unwrap_or(1);
        let pad = " ".repeat(width);
        let _ = writeln!(out, "[error] {}\n --> fromTOML", self.title);
        for (k, (line, column, line_text, mark)) in located.iter().enumerate() {
            if k > 0 {
                let _ = writeln!(out, " {pad} | ...");
            }
            let _ = writeln!(out, " {pad} |");
            let _ = write!(out, " {line:>width$} | ");
            let carets = mark.region.end.saturating_sub(mark.region.start).max(1);
            let indent = push_window(out, line_text, *column, carets);
            let _ = writeln!(
                out,
                "\n {pad} | {}{}-- {}",
                " ".repeat(indent),
                "^".repeat(carets),
                mark.label
            );
        }
        out.push_str(&self.hints.join("\n"));
        if !self.hints.is_empty() && !self.hints_unterminated {
            out.push('\n');
        }
    }

    /// toml11 ends its text with a newline, then shows a region running to the end as
    /// an empty mark on that newline's line, and a line numbered after it holding the
    /// whole text (newlines spelt out), underlined for the first line's length.
    fn render_at_end(&self, text: &[u8], out: &mut String) {
        use std::fmt::Write;
        let body = text.strip_suffix(b"\n").unwrap_or(text);
        let last_line_start = body.iter().rposition(|&c| c == b'\n').map_or(0, |k| k + 1);
        let end_line = 1 + body.iter().filter(|&&c| c == b'\n').count();
        let width = (end_line + 1).to_string().len();
        let pad = " ".repeat(width);
        let _ = writeln!(out, "[error] {}\n --> fromTOML\n {pad} |", self.title);
        let _ = write!(out, " {end_line:>width$} | ");
        push_shown(out, &body[last_line_start..]);
        let _ = writeln!(
            out,
            "\n {pad} | {}--",
            " ".repeat(body.len() - last_line_start)
        );
        let _ = write!(out, " {:>width$} | ", end_line + 1);
        for (k, line) in body.split(|&c| c == b'\n').enumerate() {
            if k > 0 {
                out.push_str("0x0a(LINE FEED)");
            }
            push_shown(out, line);
        }
        let first_line = body.iter().position(|&c| c == b'\n').unwrap_or(body.len());
        let label = self.marks.first().map_or("", |mark| mark.label);
        let _ = writeln!(out, "\n {pad} | {}-- {label}", "^".repeat(first_line + 1));
    }
}

/// The float `text` spells (ending at `end`).
fn float_value(text: &str, end: usize) -> Result<TVal, Report> {
    match text.parse::<f64>() {
        // A float too large for a double is a read error in Nix's TOML parser.
        Ok(f) if f.is_finite() => Ok(TVal::Float(f)),
        _ => Err(Report::at(
            "toml::parse_floating: failed to read floating point value from stream",
            end,
            "here",
        )),
    }
}

/// How many bytes of a line toml11 shows on each side of a mark before it cuts the
/// line short with `...`.
const WINDOW: usize = 30;

/// Writes the part of `line` toml11 shows around a mark of `length` bytes at `column`:
/// at most [`WINDOW`] bytes before the mark and after its last byte, each cut side
/// marked `... `/` ...`. Returns the column the mark has in what was written.
fn push_window(out: &mut String, line: &[u8], column: usize, length: usize) -> usize {
    let column = column.min(line.len());
    let start = column.saturating_sub(WINDOW);
    if start > 0 {
        out.push_str("... ");
    }
    let last = column + length - 1;
    let end = if line.len().saturating_sub(last) > WINDOW {
        last + WINDOW
    } else {
        line.len()
    };
    push_shown(out, &line[start..end]);
    if end < line.len() {
        out.push_str(" ...");
    }
    column - start + if start > 0 { 4 } else { 0 }
}

/// A line's text as toml11 shows it: bytes outside ASCII as `0xNN`.
fn push_shown(out: &mut String, line: &[u8]) {
    for &c in line {
        if c.is_ascii() {
            out.push(c as char);
        } else {
            out.push_str(&format!("0x{c:02x}"));
        }
    }
}

/// Why a part of the text did not parse.
enum Failure {
    /// This error; the parser goes on at the next line.
    Report(Report),
    /// Errors are recorded already; the parser goes on from where it stopped, with the
    /// check for the end of the line (toml11 resumes after a broken inline table there).
    Recorded,
}

impl From<Report> for Failure {
    fn from(report: Report) -> Failure {
        Failure::Report(report)
    }
}

type PResult<T> = Result<T, Failure>;

fn is_bare(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    /// The errors met so far (toml11 reports them all).
    errors: Vec<Report>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.s.get(self.i + k).copied()
    }

    fn at(&self, text: &[u8]) -> bool {
        self.s[self.i..].starts_with(text)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            while !matches!(self.peek(), None | Some(b'\n')) {
                self.i += 1;
            }
        }
    }

    /// Whitespace, newlines and comments (between lines, inside arrays).
    fn skip_ws_nl(&mut self) {
        loop {
            self.skip_ws();
            self.skip_comment();
            match self.peek() {
                Some(b'\n') => self.i += 1,
                Some(b'\r') if self.peek_at(1) == Some(b'\n') => self.i += 2,
                _ => return,
            }
        }
    }

    /// Past the end of the current line (where parsing resumes after an error).
    fn skip_line(&mut self) {
        while let Some(c) = self.peek() {
            self.i += 1;
            if c == b'\n' {
                return;
            }
        }
    }

    /// To the next line holding a well-formed `[header]` (or the end).
    fn skip_to_next_header(&mut self) {
        loop {
            self.skip_line();
            self.skip_ws();
            if self.peek().is_none() || self.header_is_well_formed() {
                return;
            }
        }
    }

    /// Whether a `[header]` starts here and ends its line.
    fn header_is_well_formed(&self) -> bool {
        if self.peek() != Some(b'[') {
            return false;
        }
        let mut trial = Parser {
            s: self.s,
            i: self.i,
            errors: Vec::new(),
        };
        let closing: &[u8] = if trial.at(b"[[") { b"]]" } else { b"]" };
        trial.i += closing.len();
        trial.skip_ws();
        trial.key(simple_key_error).is_ok() && {
            trial.skip_ws();
            trial.at(closing) && {
                trial.i += closing.len();
                trial.end_of_line(NO_NEWLINE_AFTER_HEADER, "").is_ok()
            }
        }
    }

    /// After a broken key: [`Parser::skip_past_value`], checking for the line's end there.
    fn skip_to_value_end(&mut self) {
        self.skip_past_value(true);
        if let Err(report) = self.end_of_value_line() {
            self.errors.push(report);
            self.skip_to_next_header();
        }
    }

    /// Past the `=` on this line and the value after it, to a separator (with `nested`,
    /// a bracketed or quoted value past its end first), or to the line's end if there is
    /// no `=` (how toml11 skips a broken key-value pair).
    fn skip_past_value(&mut self, nested: bool) {
        let line_end = self.s[self.i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.s.len(), |k| self.i + k);
        let Some(equals) = self.s[self.i..line_end].iter().position(|&c| c == b'=') else {
            self.i = line_end;
            return;
        };
        self.i += equals + 1;
        self.skip_ws();
        let close = match self.peek() {
            Some(b'[') => Some(b']'),
            Some(b'{') => Some(b'}'),
            Some(quote @ (b'"' | b'\'')) => Some(quote),
            _ => None,
        };
        if let Some(close) = close.filter(|_| nested) {
            self.i += 1;
            while let Some(c) = self.peek().filter(|&c| c != b'\n') {
                self.i += 1;
                if c == close {
                    break;
                }
            }
        }
        while !matches!(self.peek(), None | Some(b'\n' | b',' | b']' | b'}')) {
            self.i += 1;
        }
    }

    /// The end of a line: optional comment, then a newline or the end of the text.
    fn end_of_line(&mut self, title: &'static str, label: &'static str) -> Result<(), Report> {
        self.skip_ws();
        self.skip_comment();
        match self.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.i += 1;
                Ok(())
            }
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                self.i += 2;
                Ok(())
            }
            _ => Err(Report::at(title, self.i, label)),
        }
    }

    /// The end of a `key = value` line.
    fn end_of_value_line(&mut self) -> Result<(), Report> {
        self.end_of_line(NO_NEWLINE, "here")
    }

    /// One part of a key; `bad` reports a character that cannot start one.
    fn key_part(&mut self, bad: fn(usize) -> Report) -> Result<String, Report> {
        match self.peek() {
            Some(b'"') => {
                let b = self.basic_string()?;
                Ok(String::from_utf8_lossy(&b).into_owned())
            }
            Some(b'\'') => {
                let b = self.literal_string()?;
                Ok(String::from_utf8_lossy(&b).into_owned())
            }
            Some(c) if is_bare(c) => {
                let start = self.i;
                while self.peek().is_some_and(is_bare) {
                    self.i += 1;
                }
                Ok(String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
            }
            _ => Err(bad(self.i)),
        }
    }

    /// A dotted key and the text it spans.
    fn key(&mut self, bad: fn(usize) -> Report) -> Result<(Vec<String>, Region), Report> {
        let start = self.i;
        let mut parts = vec![self.key_part(bad)?];
        loop {
            let end = self.i;
            self.skip_ws();
            if self.peek() != Some(b'.') {
                return Ok((parts, Region { start, end }));
            }
            self.i += 1;
            self.skip_ws();
            parts.push(self.key_part(simple_key_error)?);
        }
    }

    /// An escape sequence after a backslash at `backslash`; `title` names the string kind.
    fn escape(
        &mut self,
        out: &mut Vec<u8>,
        backslash: usize,
        title: &'static str,
        label: &'static str,
    ) -> Result<(), Report> {
        let invalid = || Report::at(title, backslash, label);
        let c = self.peek().ok_or_else(invalid)?;
        self.i += 1;
        let simple = match c {
            b'b' => 8,
            b't' => b'\t',
            b'n' => b'\n',
            b'f' => 12,
            b'r' => b'\r',
            b'"' => b'"',
            b'\\' => b'\\',
            b'u' | b'U' => {
                let n = if c == b'u' { 4 } else { 8 };
                let digits = self.s.get(self.i..self.i + n).ok_or_else(invalid)?;
                let code = std::str::from_utf8(digits)
                    .ok()
                    .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|d| u32::from_str_radix(d, 16).ok())
                    .and_then(char::from_u32)
                    .ok_or_else(invalid)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(code.encode_utf8(&mut buf).as_bytes());
                self.i += n;
                return Ok(());
            }
            _ => return Err(invalid()),
        };
        out.push(simple);
        Ok(())
    }

    fn basic_string(&mut self) -> Result<Vec<u8>, Report> {
        const TITLE: &str = "toml::parse_basic_string: invalid string format";
        self.i += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None | Some(b'\n') => return Err(Report::at(TITLE, self.i, "expected \"")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let backslash = self.i;
                    self.i += 1;
                    self.escape(&mut out, backslash, TITLE, "expected \"")?;
                }
                Some(c) => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }

    fn ml_basic_string(&mut self) -> Result<Vec<u8>, Report> {
        const TITLE: &str = "toml::parse_ml_basic_string: invalid string format";
        self.i += 3;
        self.skip_first_newline();
        let mut out = Vec::new();
        loop {
            if self.at(b"\"\"\"") {
                // Up to two quotes may end the content right before the delimiter.
                let mut n = 3;
                while n < 5 && self.peek_at(n) == Some(b'"') {
                    n += 1;
                }
                out.extend(std::iter::repeat_n(b'"', n - 3));
                self.i += n;
                return Ok(out);
            }
            match self.peek() {
                None => return Err(Report::at_end(TITLE, "expected \"\"\"")),
                Some(b'\\') => {
                    // A backslash at the end of a line trims the newline and leading blanks.
                    let mut j = self.i + 1;
                    while matches!(self.s.get(j), Some(b' ' | b'\t')) {
                        j += 1;
                    }
                    if matches!(self.s.get(j), Some(b'\n' | b'\r')) {
                        self.i = j;
                        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                            self.i += 1;
                        }
                    } else {
                        let backslash = self.i;
                        self.i += 1;
                        self.escape(&mut out, backslash, TITLE, "expected \"\"\"")?;
                    }
                }
                Some(c) => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }

    fn skip_first_newline(&mut self) {
        if self.peek() == Some(b'\n') {
            self.i += 1;
        } else if self.at(b"\r\n") {
            self.i += 2;
        }
    }

    fn literal_string(&mut self) -> Result<Vec<u8>, Report> {
        self.i += 1;
        let start = self.i;
        loop {
            match self.peek() {
                None | Some(b'\n') => {
                    return Err(Report::at(
                        "toml::parse_literal_string: invalid string format",
                        self.i,
                        "expected '",
                    ))
                }
                Some(b'\'') => {
                    let out = self.s[start..self.i].to_vec();
                    self.i += 1;
                    return Ok(out);
                }
                Some(_) => self.i += 1,
            }
        }
    }

    fn ml_literal_string(&mut self) -> Result<Vec<u8>, Report> {
        self.i += 3;
        self.skip_first_newline();
        let start = self.i;
        loop {
            if self.at(b"'''") {
                let mut n = 3;
                while n < 5 && self.peek_at(n) == Some(b'\'') {
                    n += 1;
                }
                let out = self.s[start..self.i + n - 3].to_vec();
                self.i += n;
                return Ok(out);
            }
            if self.peek().is_none() {
                return Err(Report::at_end(
                    "toml::parse_ml_literal_string: invalid string format",
                    "expected '''",
                ));
            }
            self.i += 1;
        }
    }

    /// A value and the text it spans.
    fn value(&mut self, depth: usize) -> PResult<(TVal, Region)> {
        let start = self.i;
        let value = self.value_at(depth)?;
        Ok((value, Region { start, end: self.i }))
    }

    fn value_at(&mut self, depth: usize) -> PResult<TVal> {
        if depth > MAX_DEPTH {
            return Err(Report::at("toml::parse_value: too deeply nested", self.i, "here").into());
        }
        let start = self.i;
        match self.peek() {
            Some(b'"') if self.at(b"\"\"\"") => Ok(TVal::Str(self.ml_basic_string()?)),
            Some(b'"') => Ok(TVal::Str(self.basic_string()?)),
            Some(b'\'') if self.at(b"'''") => Ok(TVal::Str(self.ml_literal_string()?)),
            Some(b'\'') => Ok(TVal::Str(self.literal_string()?)),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.inline_table(depth),
            Some(b't' | b'f') => {
                for (word, value) in [(&b"true"[..], true), (b"false", false)] {
                    if self.at(word) {
                        self.i += word.len();
                        return Ok(TVal::Bool(value));
                    }
                }
                Err(Report::at(BAD_BOOLEAN, start, "expected true or false").into())
            }
            Some(b'+' | b'-')
                if matches!(self.s.get(start + 1..start + 4), Some(b"inf" | b"nan")) =>
            {
                self.i += 1;
                self.special_float(start)
            }
            Some(b'i' | b'I' | b'n' | b'N') => self.special_float(start),
            Some(c) if c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.') => Ok(self.number()?),
            Some(b'_') => Err(Report::at(
                "bad number: `_` must be surrounded by digits",
                start,
                "digits required before `_`",
            )
            .with_hints(INTEGER_HINTS)
            .into()),
            _ => Err(Report::at(UNKNOWN_VALUE, start, "here").into()),
        }
    }

    /// `inf` or `nan` (after its sign, from `start`).
    fn special_float(&mut self, start: usize) -> PResult<TVal> {
        let negative = self.s[start] == b'-';
        let value = match self.s.get(self.i..self.i + 3) {
            Some(b"inf") => f64::INFINITY,
            Some(b"nan") => f64::NAN,
            _ => {
                let title = if matches!(self.peek(), Some(b'i' | b'I')) {
                    "toml::parse_value: `inf` must be in lowercase. A string must be surrounded by quotes."
                } else {
                    "toml::parse_value: `nan` must be in lowercase. A string must be surrounded by quotes."
                };
                return Err(Report::at(
                    title,
                    start,
                    "expected from `1` to `9` or digit [0-9] or inf or nan",
                )
                .into());
            }
        };
        self.i += 3;
        Ok(TVal::Float(if negative { -value } else { value }))
    }

    /// A date, a time or a date-time at the cursor, as toml11 reads one: `None` (cursor
    /// unmoved) if the text starts as neither a full date (`1979-05-27`) nor a full time
    /// (`07:32:00`); else the value as toml11 writes it back, or its error.
    fn date_time(&mut self) -> Result<Option<String>, Report> {
        let start = self.i;
        let byte_at = |at: usize| self.s.get(at).copied();
        let is_date = self.mismatch(start, b"0000-00-00").is_none();
        let is_time = self.mismatch(start, b"00:00:00").is_none();
        if is_time {
            let time = self.time(start)?;
            check_time(&self.s[start..], start)?;
            return Ok(Some(time));
        }
        if !is_date {
            return Ok(None);
        }
        let date_end = start + 10;
        let mut text = String::from_utf8_lossy(&self.s[start..date_end]).into_owned();
        self.i = date_end;
        let delimiter = byte_at(date_end);
        let time_follows = match delimiter {
            Some(b'T' | b't') => true,
            Some(b' ') => byte_at(date_end + 1).is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
        if !time_follows {
            check_date(&self.s[start..], start)?;
            return Ok(Some(text));
        }
        let time_start = date_end + 1;
        text.push(delimiter.map_or(' ', char::from));
        text += &self.time(time_start)?;
        text += &self.offset()?;
        check_date(&self.s[start..], start)?;
        check_time(&self.s[time_start..], time_start)?;
        Ok(Some(text))
    }

    /// `HH:MM:SS` with an optional fraction at `at`, leaving the cursor after it: written
    /// back with at most nine digits of fraction (toml11 keeps nanoseconds).
    fn time(&mut self, at: usize) -> Result<String, Report> {
        if let Some((k, wanted)) = self.mismatch(at, b"00:00:00") {
            let label = match wanted {
                b':' => "expected :",
                _ => "expected digit [0-9]",
            };
            return Err(
                Report::at("bad time: must be HH:MM:SS.subsec", k, label).with_hints(TIME_HINTS)
            );
        }
        let mut end = at + 8;
        let mut text = String::from_utf8_lossy(&self.s[at..end]).into_owned();
        if self.s.get(end) == Some(&b'.') && self.s.get(end + 1).is_some_and(u8::is_ascii_digit) {
            let digits = self.s[end + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            text.push('.');
            text += &String::from_utf8_lossy(&self.s[end + 1..end + 1 + digits.min(9)]);
            end += 1 + digits;
        }
        self.i = end;
        Ok(text)
    }

    /// A date-time's offset at the cursor, if any: `Z` for a zero offset (however it is
    /// written), else `+HH:MM`/`-HH:MM` (toml11 keeps it in minutes: `+05:60` is
    /// written back `+06:00`).
    fn offset(&mut self) -> Result<String, Report> {
        let at = self.i;
        let sign = match self.peek() {
            Some(b'Z' | b'z') => {
                self.i += 1;
                return Ok("Z".into());
            }
            Some(sign @ (b'+' | b'-')) => sign,
            _ => return Ok(String::new()),
        };
        if let Some((k, wanted)) = self.mismatch(at + 1, b"00:00") {
            let label = match wanted {
                b':' => "expected z or Z or :",
                _ => "expected z or Z or digit [0-9]",
            };
            return Err(
                Report::at("bad offset: must be [+-]HH:MM or Z", k, label).with_hints(OFFSET_HINTS)
            );
        }
        self.i = at + 6;
        let minutes = two_digits(self.s, at + 1) * 60 + two_digits(self.s, at + 4);
        if minutes == 0 {
            return Ok("Z".into());
        }
        Ok(format!(
            "{}{:02}:{:02}",
            sign as char,
            minutes / 60,
            minutes % 60
        ))
    }

    /// Where the text at `at` first differs from `pattern` (`0` standing for any digit,
    /// other bytes for themselves), and what the pattern wanted there.
    fn mismatch(&self, at: usize, pattern: &[u8]) -> Option<(usize, u8)> {
        pattern.iter().enumerate().find_map(|(k, &want)| {
            let c = self.s.get(at + k).copied();
            let fits = match want {
                b'0' => c.is_some_and(|c| c.is_ascii_digit()),
                _ => c == Some(want),
            };
            (!fits).then_some((at + k, want))
        })
    }

    /// Digits (with `_` between two of them) from here; reports a misplaced `_` with
    /// `title`; returns them without underscores.
    fn digits(
        &mut self,
        is_digit: fn(u8) -> bool,
        title: &'static str,
        hints: &'static [&'static str],
    ) -> Result<String, Report> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if is_digit(c) {
                out.push(c as char);
            } else if c == b'_' {
                if out.is_empty() || !self.peek_at(1).is_some_and(is_digit) {
                    return Err(Report::at(title, self.i, "invalid underscore").with_hints(hints));
                }
            } else {
                break;
            }
            self.i += 1;
        }
        Ok(out)
    }

    /// A number or a date (the longest prefix that is one; what follows is the line's end).
    fn number(&mut self) -> Result<TVal, Report> {
        let start = self.i;
        if let Some(date) = self.date_time()? {
            return Ok(TVal::Date(date));
        }
        for (prefix, radix, name, label) in [
            (b"0x", 16, "hex", "expected hex [0-9a-fA-F]"),
            (b"0o", 8, "oct", "expected from `0` to `7`"),
            (b"0b", 2, "bin", "expected 0 or 1"),
        ] {
            if self.at(prefix) {
                self.i += 2;
                return self.prefixed_integer(radix, name, label);
            }
        }
        let negative = self.peek() == Some(b'-');
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.i += 1;
            // A sign cannot precede a `0x`, `0o` or `0b` integer.
            for (prefix, name, label) in [
                (b"0x", "hex", "expected 0x"),
                (b"0o", "oct", "expected 0o"),
                (b"0b", "bin", "expected 0b"),
            ] {
                if self.at(prefix) {
                    return Err(Report::at(prefixed_titles(name).0, start, label));
                }
            }
        }
        if self.peek() == Some(b'.') {
            return Err(Report::at(
                "bad float: integer part is required before decimal point",
                self.i,
                "missing integer part",
            )
            .with_hints(FLOAT_HINTS));
        }
        if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Err(Report::at(UNKNOWN_VALUE, start, "here"));
        }
        if self.peek() == Some(b'0')
            && self
                .peek_at(1)
                .is_some_and(|c| c.is_ascii_digit() || c == b'_')
        {
            return Err(Report::at(
                "bad integer: invalid digit after an integer",
                self.i + 1,
                "this digit is not allowed",
            )
            .with_hints(INTEGER_HINTS));
        }
        let is_dec = |c: u8| c.is_ascii_digit();
        let int_digits = self.digits(
            is_dec,
            "bad integer: `_` must be surrounded by digits",
            INTEGER_HINTS,
        )?;
        // Digits followed by `-` or `:` were meant as a date or a time.
        if matches!(self.peek(), Some(b'-' | b':')) {
            return Err(Report {
                hints_unterminated: true,
                ..Report::at("bad datetime: invalid format", self.i, "here")
                    .with_hints(DATETIME_HINTS)
            });
        }
        let mut text = format!("{}{int_digits}", if negative { "-" } else { "" });
        let mut float = false;
        if self.peek() == Some(b'.') {
            if !self.peek_at(1).is_some_and(is_dec) {
                return Err(
                    Report::at("bad float: invalid format", self.i, "here").with_hints(FLOAT_HINTS)
                );
            }
            self.i += 1;
            float = true;
            text.push('.');
            text += &self.digits(
                is_dec,
                "bad float: `_` must be surrounded by digits",
                FLOAT_HINTS,
            )?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let e = self.i;
            self.i += 1;
            let mut exponent = String::from("e");
            if let Some(sign @ (b'+' | b'-')) = self.peek() {
                exponent.push(sign as char);
                self.i += 1;
            }
            if !self.peek().is_some_and(is_dec) {
                self.i = e;
                // After a fraction the number is complete without the exponent, and what
                // follows it is reported where it stands (as toml11 does).
                if !float {
                    return Err(
                        Report::at("bad float: invalid format", e, "here").with_hints(FLOAT_HINTS)
                    );
                }
                return float_value(&text, self.i);
            }
            text += &exponent;
            float = true;
            text += &self.digits(
                is_dec,
                "bad float: `_` must be surrounded by digits",
                FLOAT_HINTS,
            )?;
        }
        if float {
            return float_value(&text, self.i);
        }
        text.parse::<i64>().map(TVal::Int).map_err(|_| {
            Report::at(
                "toml::parse_dec_integer: too large integer: current max digits = 2^63",
                self.i,
                "must be < 2^63",
            )
        })
    }

    /// The digits of a `0x`, `0o` or `0b` integer.
    fn prefixed_integer(
        &mut self,
        radix: u32,
        name: &'static str,
        label: &'static str,
    ) -> Result<TVal, Report> {
        let (invalid, too_large, underscore) = prefixed_titles(name);
        let is_digit: fn(u8) -> bool = match radix {
            16 => |c| c.is_ascii_hexdigit(),
            8 => |c| (b'0'..=b'7').contains(&c),
            _ => |c| c == b'0' || c == b'1',
        };
        if !self.peek().is_some_and(is_digit) {
            return Err(Report::at(invalid, self.i, label));
        }
        let digits = self.digits(is_digit, underscore, INTEGER_HINTS)?;
        i64::from_str_radix(&digits, radix)
            .map(TVal::Int)
            .map_err(|_| Report::at(too_large, self.i, "must be < 2^63"))
    }

    fn array(&mut self, depth: usize) -> PResult<TVal> {
        const MISSING: &str = MISSING_BRACKET;
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws_nl();
            match self.peek() {
                Some(b']') => {
                    self.i += 1;
                    return Ok(TVal::Array {
                        items,
                        of_tables: false,
                    });
                }
                None => return Err(Report::at_end(MISSING, "expected `]`, reached EOF").into()),
                _ => {}
            }
            match self.value(depth + 1) {
                Ok((item, _)) => items.push(item),
                // toml11 reports a broken element twice, unless nothing is left of the
                // array to skip (an unknown value, an unterminated string).
                Err(Failure::Report(report)) => {
                    let at = report.marks[0].region.start;
                    let rest_of_line_gone = report.title == UNKNOWN_VALUE
                        || matches!(self.s.get(at), None | Some(b'\n'));
                    self.errors.push(report.clone());
                    return Err(if at >= self.s.len() {
                        Report::at_end(MISSING, "expected `]`, reached EOF").into()
                    } else if rest_of_line_gone {
                        Report::at(MISSING, at, "expected `]`, reached EOF").into()
                    } else {
                        report.into()
                    });
                }
                Err(Failure::Recorded) => return Err(Failure::Recorded),
            }
            self.skip_ws_nl();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {}
                None => return Err(Report::at_end(MISSING, "expected `]`, reached EOF").into()),
                _ => {
                    return Err(Report::at(
                        "toml::parse_array: expected value-separator `,` or closing `]`",
                        self.i,
                        "here",
                    )
                    .into())
                }
            }
        }
    }

    fn inline_table(&mut self, depth: usize) -> PResult<TVal> {
        self.i += 1;
        let mut table = Table {
            inline: true,
            ..Table::default()
        };
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(TVal::Table(table));
        }
        loop {
            self.skip_ws();
            match self.pair(depth + 1) {
                Ok((key, key_region, value)) => insert_dotted(&mut table, &key, key_region, value)
                    .map_err(|report| self.abandon_inline_table(report))?,
                Err(Failure::Report(report)) => return Err(self.abandon_inline_table(report)),
                Err(Failure::Recorded) => return Err(Failure::Recorded),
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        return Err(Report::at(
                            "toml::parse_inline_table: trailing comma is not allowed in TOML-v1.0.0)",
                            self.i,
                            "here",
                        )
                        .into());
                    }
                }
                Some(b'}') => {
                    self.i += 1;
                    return Ok(TVal::Table(table));
                }
                _ => {
                    self.errors.push(Report::at(
                        "toml::parse_inline_table: expected value-separator `,` or closing `}`",
                        self.i,
                        "here",
                    ));
                    self.skip_past_value(false);
                    return Err(Failure::Recorded);
                }
            }
        }
    }

    /// `key = value` (on a line, or in an inline table at `depth`).
    fn pair(&mut self, depth: usize) -> PResult<(Vec<String>, Region, (TVal, Region))> {
        self.skip_ws();
        let (key, key_region) = self.key(simple_key_error)?;
        self.skip_ws();
        if self.peek() != Some(b'=') {
            return Err(Report::at(NO_EQUALS, self.i, "expected =").into());
        }
        self.i += 1;
        self.skip_ws();
        let value = self.value(depth)?;
        Ok((key, key_region, value))
    }

    /// After a broken pair in an inline table: records `report` and goes past the closing
    /// brace, or reports that the line ended without one.
    fn abandon_inline_table(&mut self, report: Report) -> Failure {
        self.errors.push(report);
        while let Some(c) = self.peek() {
            if c == b'\n' {
                break;
            }
            self.i += 1;
            if c == b'}' {
                return Failure::Recorded;
            }
        }
        Report::at(
            "toml::parse_inline_table: missing closing bracket `}`",
            self.i,
            "expected `}`, reached line end",
        )
        .into()
    }

    /// A `[table]` or `[[array of tables]]` header: checks it, makes it the current table.
    fn header(&mut self, root: &mut Table, current: &mut Vec<String>) -> Result<(), Report> {
        let start = self.i;
        let array = self.at(b"[[");
        let (title, closing, close_label) = if array {
            (
                "toml::parse_file: invalid array-table key",
                &b"]]"[..],
                "expected ]]",
            )
        } else {
            (
                "toml::parse_file: invalid table key",
                &b"]"[..],
                "expected ]",
            )
        };
        self.i += closing.len();
        self.skip_ws();
        let key_start = self.i;
        let no_key = || {
            Report::at(
                title,
                key_start,
                "expected basic key([a-zA-Z0-9_-]) or quoted key(\" or ')",
            )
        };
        let (key, _) = self.key(simple_key_error).map_err(|_| no_key())?;
        self.skip_ws();
        if !self.at(closing) {
            return Err(Report::at(title, self.i, close_label));
        }
        self.i += closing.len();
        let region = Region { start, end: self.i };
        self.end_of_line(NO_NEWLINE_AFTER_HEADER, "expected 0x0a(LINE FEED) or\n")?;
        let (last, path) = key.split_last().expect("a key has at least one part");
        // A header that conflicts with a definition is reported; its lines are read on.
        if let Err(report) = insert_header(root, path, last, array, region) {
            self.errors.push(report);
        }
        *current = key;
        Ok(())
    }

    /// A `key = value` line, inserted below the current table.
    fn key_value(&mut self, root: &mut Table, current: &[String]) -> PResult<()> {
        let (key, key_region, value) = self.pair(0)?;
        // toml11 inserts the value before it looks for the line's end: both can fail.
        let inserted = walk(root, current, key_region, false)
            .and_then(|table| insert_dotted(table, &key, key_region, value));
        if let Err(report) = inserted {
            self.errors.push(report);
        }
        Ok(self.end_of_value_line()?)
    }
}

/// The titles of a `0x` (`hex`), `0o` (`oct`) or `0b` integer's errors: not one, too
/// large, a misplaced `_`.
fn prefixed_titles(name: &str) -> (&'static str, &'static str, &'static str) {
    match name {
        "hex" => (
            "toml::parse_hex_integer: invalid integer: hex_int must be like: 0xC0FFEE, 0xdead_beef",
            "toml::parse_hex_integer: too large integer: current max value = 2^63",
            "bad hex_int: `_` must be surrounded by digits",
        ),
        "oct" => (
            "toml::parse_oct_integer: invalid integer: oct_int must be like: 0o775, 0o04_44",
            "toml::parse_oct_integer: too large integer: current max value = 2^63",
            "bad oct_int: `_` must be surrounded by digits",
        ),
        _ => (
            "toml::parse_bin_integer: invalid integer: bin_int must be like: 0b0101, 0b1111_0000",
            "toml::parse_bin_integer: too large integer: current max value = 2^63",
            "bad bin_int: `_` must be surrounded by digits",
        ),
    }
}

/// Defines the table of a `[header]` (or the next table of a `[[header]]`): `last` below
/// the tables `path` leads through; `region` is the header's text.
fn insert_header(
    root: &mut Table,
    path: &[String],
    last: &str,
    array: bool,
    region: Region,
) -> Result<(), Report> {
    let parent = walk(root, path, region, false)?;
    if array {
        match parent.entries.get_mut(last) {
            None => {
                let first = TVal::Table(Table {
                    explicit: true,
                    ..Table::default()
                });
                let value = TVal::Array {
                    items: vec![first],
                    of_tables: true,
                };
                parent.entries.insert(
                    last.to_string(),
                    Entry {
                        value,
                        defined: region,
                    },
                );
            }
            Some(Entry {
                value:
                    TVal::Array {
                        items,
                        of_tables: true,
                    },
                ..
            }) => items.push(TVal::Table(Table {
                explicit: true,
                ..Table::default()
            })),
            Some(existing) => {
                return Err(Report::conflict(
                    "toml::insert_value: failed to insert an array of tables, value already exists",
                    (region, "while inserting this"),
                    (existing.defined, "non-table value already exists"),
                ))
            }
        }
    } else {
        match parent.entries.get_mut(last) {
            None => {
                let value = TVal::Table(Table {
                    explicit: true,
                    ..Table::default()
                });
                parent.entries.insert(
                    last.to_string(),
                    Entry {
                        value,
                        defined: region,
                    },
                );
            }
            Some(entry) => match &mut entry.value {
                TVal::Table(t) if !t.explicit && !t.dotted && !t.inline => {
                    t.explicit = true;
                    entry.defined = region;
                }
                _ => {
                    return Err(Report::conflict(
                        "toml::insert_value: failed to insert a table, table already defined",
                        (region, "inserting this"),
                        (entry.defined, "this table is explicitly defined"),
                    ))
                }
            },
        }
    }
    Ok(())
}

fn simple_key_error(at: usize) -> Report {
    Report::at(
        SIMPLE_KEY,
        at,
        "expected alpha [a-zA-Z], digit [0-9], -, or _",
    )
    .with_hints(KEY_HINTS)
}

/// The table below `table` that `path` leads to: through tables (the last element of an
/// array of tables), creating missing ones — made by dotted keys (`dotted`) or by a
/// header's path. `new` is the text inserting (for the marks of a conflict).
fn walk<'t>(
    table: &'t mut Table,
    path: &[String],
    new: Region,
    dotted: bool,
) -> Result<&'t mut Table, Report> {
    let mut t = table;
    for part in path {
        let entry = t.entries.entry(part.clone()).or_insert_with(|| Entry {
            value: TVal::Table(Table {
                dotted,
                ..Table::default()
            }),
            defined: new,
        });
        let defined = entry.defined;
        t = match &mut entry.value {
            TVal::Table(inner) if inner.inline => {
                return Err(Report::conflict(
                    INLINE_IMMUTABLE,
                    (new, "inserting this"),
                    (defined, "to this table"),
                ))
            }
            TVal::Table(inner) if !dotted || inner.dotted || !inner.explicit => inner,
            TVal::Array {
                items,
                of_tables: true,
            } if !dotted => match items.last_mut() {
                Some(TVal::Table(inner)) => inner,
                _ => unreachable!("an array of tables holds tables"),
            },
            _ => {
                return Err(Report::conflict(
                    VALUE_EXISTS,
                    (new, "while inserting this"),
                    (defined, "non-table value already exists"),
                ))
            }
        };
    }
    Ok(t)
}

/// Inserts `a.b.c = v` below `table`; `key` is the text of `a.b.c`.
fn insert_dotted(
    table: &mut Table,
    key: &[String],
    key_region: Region,
    (value, defined): (TVal, Region),
) -> Result<(), Report> {
    let (last, path) = key.split_last().expect("a key has at least one part");
    let t = walk(table, path, key_region, true)?;
    if let Some(existing) = t.entries.get(last) {
        return Err(Report::conflict(
            VALUE_EXISTS,
            (key_region, "inserting this"),
            (existing.defined, "but value already exists"),
        ));
    }
    t.entries.insert(last.clone(), Entry { value, defined });
    Ok(())
}

/// Parses the whole text; on errors, their reports as toml11 writes them.
fn parse(text: &[u8]) -> Result<Table, String> {
    let mut p = Parser {
        s: text,
        i: 0,
        errors: Vec::new(),
    };
    let mut root = Table::default();
    // The path of the current table.
    let mut current: Vec<String> = Vec::new();
    // How many errors there were before the current table's header.
    let mut errors_before_table = 0;
    loop {
        p.skip_ws_nl();
        let Some(c) = p.peek() else { break };
        let statement = p.i;
        let is_header = c == b'[';
        // A table whose lines had errors is left for the next well-formed header.
        if is_header && p.errors.len() > errors_before_table && !p.header_is_well_formed() {
            p.skip_to_next_header();
            continue;
        }
        if is_header {
            errors_before_table = p.errors.len();
        }
        let outcome = if is_header {
            p.header(&mut root, &mut current).map_err(Failure::Report)
        } else {
            p.key_value(&mut root, &current)
        };
        match outcome {
            Ok(()) => {}
            // toml11 leaves a table at a broken header or a line that does not end after
            // its value, and goes on at the next header.
            Err(Failure::Report(report)) if is_header || report.title == NO_NEWLINE => {
                p.errors.push(report);
                p.skip_to_next_header();
            }
            // After a broken key it skips to the `=` on the line and past the value.
            Err(Failure::Report(report))
                if report.title == SIMPLE_KEY || report.title == NO_EQUALS =>
            {
                p.errors.push(report);
                p.skip_to_value_end();
            }
            Err(Failure::Report(report)) => {
                // After a multi-line string cut short, it resumes at the line after the
                // one the string started on.
                if report.at_end && report.title != MISSING_BRACKET {
                    p.i = statement;
                }
                p.errors.push(report);
                p.skip_line();
            }
            Err(Failure::Recorded) => {
                if let Err(report) = p.end_of_value_line() {
                    p.errors.push(report);
                    p.skip_to_next_header();
                }
            }
        }
    }
    if p.errors.is_empty() {
        return Ok(root);
    }
    let mut out = String::new();
    for report in &p.errors {
        report.render(text, &mut out);
    }
    Err(out)
}

/// The two-digit number at `at` of `text` (checked to be digits by the reader).
fn two_digits(text: &[u8], at: usize) -> u32 {
    u32::from(text[at] - b'0') * 10 + u32::from(text[at + 1] - b'0')
}

/// toml11's check of the date `YYYY-MM-DD` that `text` (at offset `at`) starts with.
fn check_date(text: &[u8], at: usize) -> Result<(), Report> {
    let year = two_digits(text, 0) * 100 + two_digits(text, 2);
    let (month, day) = (two_digits(text, 5), two_digits(text, 8));
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if (1..=12).contains(&month) && (1..=days).contains(&day) {
        return Ok(());
    }
    Err(Report::at(
        "toml::parse_local_date: invalid date.",
        at,
        "month must be 01-12, day must be any of 01-28,29,30,31 depending on the month/year.",
    ))
}

/// toml11's check of the time `HH:MM:SS` that `text` (at offset `at`) starts with.
fn check_time(text: &[u8], at: usize) -> Result<(), Report> {
    let title = "toml::parse_local_time: invalid time.";
    if two_digits(text, 0) > 23 || two_digits(text, 3) > 59 {
        return Err(Report::at(
            title,
            at,
            "hour must be 00-23, minute must be 00-59.",
        ));
    }
    if two_digits(text, 6) > 60 {
        return Err(Report::at(title, at, "second must be 00-60."));
    }
    Ok(())
}

/// Whether a date or time is anywhere below `t` (Nix refuses them).
fn has_date(t: &Table) -> bool {
    fn in_value(v: &TVal) -> bool {
        match v {
            TVal::Date(_) => true,
            TVal::Array { items, .. } => items.iter().any(in_value),
            TVal::Table(t) => has_date(t),
            _ => false,
        }
    }
    t.entries.values().any(|e| in_value(&e.value))
}

fn to_value(v: TVal) -> Value {
    match v {
        TVal::Str(s) => Value::string(s),
        TVal::Int(i) => Value::Int(i),
        TVal::Float(f) => Value::Float(f),
        TVal::Bool(b) => Value::Bool(b),
        TVal::Array { items, .. } => Value::list(items.into_iter().map(to_value).collect()),
        TVal::Table(t) => table_value(t),
        TVal::Date(text) => Value::attrs(Attrs::from_unsorted(vec![
            Attr {
                name: Symbol::new("_type"),
                value: Value::string("timestamp"),
                pos: None,
            },
            Attr {
                name: Symbol::new("value"),
                value: Value::string(text),
                pos: None,
            },
        ])),
    }
}

/// The first key or string (in key order) that Nix cannot hold: one with a NUL byte.
fn first_null_byte_string(t: &Table) -> Option<&[u8]> {
    fn in_value(v: &TVal) -> Option<&[u8]> {
        match v {
            TVal::Str(s) if s.contains(&0) => Some(s),
            TVal::Array { items, .. } => items.iter().find_map(in_value),
            TVal::Table(t) => first_null_byte_string(t),
            _ => None,
        }
    }
    t.entries.iter().find_map(|(k, e)| {
        if k.contains('\0') {
            Some(k.as_bytes())
        } else {
            in_value(&e.value)
        }
    })
}

fn table_value(t: Table) -> Value {
    Value::attrs(Attrs::from_unsorted(
        t.entries
            .into_iter()
            .map(|(k, e)| Attr {
                name: Symbol::new(&k),
                value: to_value(e.value),
                pos: None,
            })
            .collect(),
    ))
}

/// `builtins.fromTOML s`
pub fn prim_from_toml(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.string_no_ctx(m, 0, span)?;
    let timestamps = m
        .settings
        .experimental_features
        .iter()
        .any(|f| f == "parse-toml-timestamps");
    let checked = parse(&s.bytes).and_then(|t| {
        if !timestamps && has_date(&t) {
            return Err("Dates and times are not supported".to_string());
        }
        match first_null_byte_string(&t) {
            Some(bad) => Err(format!(
                "error: {}",
                String::from_utf8_lossy(&crate::json::null_byte_error(bad))
            )),
            None => Ok(t),
        }
    });
    match checked {
        Ok(t) => Ok(table_value(t)),
        Err(report) => Err(Error::new(ErrorKind::Toml(report), Some(span))),
    }
}
