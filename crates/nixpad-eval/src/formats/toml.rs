//! `builtins.fromTOML`: a TOML 1.0 reader producing Nix values.
//!
//! Tables become sets, arrays lists, integers (decimal, `0x`, `0o`, `0b`, with `_`)
//! integers, floats (including `inf`/`nan`) floats. Dates and times are refused as Nix
//! refuses them without the `parse-toml-timestamps` feature. Errors start with
//! `while parsing TOML: ` like Nix's; the common ones (a key or table defined twice, a
//! missing value, a missing `=`, a too large integer) use the same words as Nix.

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
    Array { items: Vec<TVal>, of_tables: bool },
    Table(Table),
}

#[derive(Default)]
struct Table {
    entries: BTreeMap<String, TVal>,
    /// Defined by a `[header]` (may not be defined again).
    explicit: bool,
    /// Created by dotted keys (may not get a `[header]`).
    dotted: bool,
    /// An inline table (may not be extended).
    inline: bool,
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

type PResult<T> = Result<T, String>;

fn is_bare(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
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

    /// Whitespace, newlines and comments (inside arrays).
    fn skip_ws_nl(&mut self) {
        loop {
            self.skip_ws();
            self.skip_comment();
            match self.peek() {
                Some(b'\n') => self.i += 1,
                Some(b'\r') if self.s.get(self.i + 1) == Some(&b'\n') => self.i += 2,
                _ => return,
            }
        }
    }

    /// The end of a line: optional comment, then a newline or the end.
    fn end_of_line(&mut self) -> PResult<()> {
        self.skip_ws();
        self.skip_comment();
        match self.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.i += 1;
                Ok(())
            }
            Some(b'\r') if self.s.get(self.i + 1) == Some(&b'\n') => {
                self.i += 2;
                Ok(())
            }
            _ => Err("[error] toml::parse_key_value_pair: invalid format: expected a newline after a value".into()),
        }
    }

    fn key_part(&mut self) -> PResult<String> {
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
            _ => Err(
                "[error] toml::parse_key: invalid key: expected a bare, basic or literal key"
                    .into(),
            ),
        }
    }

    fn key(&mut self) -> PResult<Vec<String>> {
        let mut parts = vec![self.key_part()?];
        loop {
            self.skip_ws();
            if self.peek() != Some(b'.') {
                return Ok(parts);
            }
            self.i += 1;
            self.skip_ws();
            parts.push(self.key_part()?);
        }
    }

    fn hex_escape(&mut self, n: usize, out: &mut Vec<u8>) -> PResult<()> {
        let digits = self
            .s
            .get(self.i..self.i + n)
            .ok_or("[error] toml::parse_escape_sequence: too short escape sequence")?;
        let text = std::str::from_utf8(digits)
            .map_err(|_| "[error] toml::parse_escape_sequence: invalid escape sequence")?;
        let code = u32::from_str_radix(text, 16)
            .map_err(|_| "[error] toml::parse_escape_sequence: invalid escape sequence")?;
        let c = char::from_u32(code).ok_or("[error] toml::read_utf8_codepoint: input codepoint is not a valid unicode scalar value")?;
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        self.i += n;
        Ok(())
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> PResult<()> {
        let c = self
            .peek()
            .ok_or("[error] toml::parse_escape_sequence: unterminated escape sequence")?;
        self.i += 1;
        match c {
            b'b' => out.push(8),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'f' => out.push(12),
            b'r' => out.push(b'\r'),
            b'"' => out.push(b'"'),
            b'\\' => out.push(b'\\'),
            b'u' => self.hex_escape(4, out)?,
            b'U' => self.hex_escape(8, out)?,
            _ => {
                return Err(
                    "[error] toml::parse_escape_sequence: unknown escape sequence appeared".into(),
                )
            }
        }
        Ok(())
    }

    fn basic_string(&mut self) -> PResult<Vec<u8>> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None | Some(b'\n') => {
                    return Err(
                        "[error] toml::parse_basic_string: the next token is not a valid string"
                            .into(),
                    )
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    self.escape(&mut out)?;
                }
                Some(c) => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }

    fn ml_basic_string(&mut self) -> PResult<Vec<u8>> {
        self.i += 3;
        self.skip_first_newline();
        let mut out = Vec::new();
        loop {
            if self.at(b"\"\"\"") {
                // Up to two quotes may end the content right before the delimiter.
                let mut n = 3;
                while n < 5 && self.s.get(self.i + n) == Some(&b'"') {
                    n += 1;
                }
                out.extend(std::iter::repeat_n(b'"', n - 3));
                self.i += n;
                return Ok(out);
            }
            match self.peek() {
                None => return Err("[error] toml::parse_ml_basic_string: the next token is not a valid multiline string".into()),
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
                        self.i += 1;
                        self.escape(&mut out)?;
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

    fn literal_string(&mut self) -> PResult<Vec<u8>> {
        self.i += 1;
        let start = self.i;
        loop {
            match self.peek() {
                None | Some(b'\n') => {
                    return Err(
                        "[error] toml::parse_literal_string: the next token is not a valid string"
                            .into(),
                    )
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

    fn ml_literal_string(&mut self) -> PResult<Vec<u8>> {
        self.i += 3;
        self.skip_first_newline();
        let start = self.i;
        loop {
            if self.at(b"'''") {
                let mut n = 3;
                while n < 5 && self.s.get(self.i + n) == Some(&b'\'') {
                    n += 1;
                }
                let out = self.s[start..self.i + n - 3].to_vec();
                self.i += n;
                return Ok(out);
            }
            if self.peek().is_none() {
                return Err("[error] toml::parse_ml_literal_string: the next token is not a valid multiline string".into());
            }
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> PResult<TVal> {
        if depth > MAX_DEPTH {
            return Err("[error] toml::parse_value: too deeply nested".into());
        }
        match self.peek() {
            Some(b'"') if self.at(b"\"\"\"") => Ok(TVal::Str(self.ml_basic_string()?)),
            Some(b'"') => Ok(TVal::Str(self.basic_string()?)),
            Some(b'\'') if self.at(b"'''") => Ok(TVal::Str(self.ml_literal_string()?)),
            Some(b'\'') => Ok(TVal::Str(self.literal_string()?)),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.inline_table(depth),
            _ if self.at(b"true") && !self.s.get(self.i + 4).is_some_and(|c| is_bare(*c)) => {
                self.i += 4;
                Ok(TVal::Bool(true))
            }
            _ if self.at(b"false") && !self.s.get(self.i + 5).is_some_and(|c| is_bare(*c)) => {
                self.i += 5;
                Ok(TVal::Bool(false))
            }
            _ => self.number(),
        }
    }

    fn number(&mut self) -> PResult<TVal> {
        let start = self.i;
        while self.peek().is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-' | b'.' | b':')
        }) {
            self.i += 1;
        }
        let tok = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        // A date-time (`1979-05-27`, `07:32:00`) has a dash after four digits or a colon.
        let b = tok.as_bytes();
        if (b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-')
            || (b.len() >= 3 && b[..2].iter().all(u8::is_ascii_digit) && b[2] == b':')
        {
            return Err("Dates and times are not supported".into());
        }
        if tok.is_empty() {
            return Err("[error] bad format: unknown value appeared".into());
        }
        let unknown = || "[error] bad format: unknown value appeared".to_string();
        let (sign, body) = match b[0] {
            b'+' => (1.0, &tok[1..]),
            b'-' => (-1.0, &tok[1..]),
            _ => (1.0, tok),
        };
        match body {
            "inf" => return Ok(TVal::Float(sign * f64::INFINITY)),
            "nan" => return Ok(TVal::Float(if sign < 0.0 { -f64::NAN } else { f64::NAN })),
            _ => {}
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
            if let Some(digits) = tok.strip_prefix(prefix) {
                let clean = underscores(digits).ok_or_else(unknown)?;
                return i64::from_str_radix(&clean, radix)
                    .map(TVal::Int)
                    .map_err(|_| {
                        "[error] toml::parse_integer: too large integer: current max value = 2^63"
                            .to_string()
                    });
            }
        }
        let clean = underscores(body).ok_or_else(unknown)?;
        if clean.is_empty() || !clean.as_bytes()[0].is_ascii_digit() {
            return Err(unknown());
        }
        let is_float = clean.contains(['.', 'e', 'E']);
        if !is_float {
            if clean.len() > 1 && clean.starts_with('0') {
                return Err(unknown());
            }
            if !clean.bytes().all(|c| c.is_ascii_digit()) {
                return Err(unknown());
            }
            let full = if sign < 0.0 {
                format!("-{clean}")
            } else {
                clean
            };
            return full.parse::<i64>().map(TVal::Int).map_err(|_| {
                "[error] toml::parse_dec_integer: too large integer: current max digits = 2^63"
                    .to_string()
            });
        }
        let ok_shape = {
            let (mantissa, exp) = match clean.find(['e', 'E']) {
                Some(k) => (&clean[..k], Some(&clean[k + 1..])),
                None => (clean.as_str(), None),
            };
            let (int, frac) = match mantissa.split_once('.') {
                Some((a, f)) => (a, Some(f)),
                None => (mantissa, None),
            };
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
            digits(int)
                && !(int.len() > 1 && int.starts_with('0'))
                && frac.is_none_or(digits)
                && exp.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)))
        };
        if !ok_shape {
            return Err(unknown());
        }
        match clean.parse::<f64>() {
            // A float too large for a double is a read error in Nix's TOML parser.
            Ok(f) if f.is_infinite() => Err(
                "[error] toml::parse_floating: failed to read floating point value from stream"
                    .to_string(),
            ),
            Ok(f) => Ok(TVal::Float(sign * f)),
            Err(_) => Err(unknown()),
        }
    }

    fn array(&mut self, depth: usize) -> PResult<TVal> {
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws_nl();
            if self.peek() == Some(b']') {
                self.i += 1;
                return Ok(TVal::Array {
                    items,
                    of_tables: false,
                });
            }
            items.push(self.value(depth + 1)?);
            self.skip_ws_nl();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {}
                _ => return Err("[error] toml::parse_array: missing array separator `,`".into()),
            }
        }
    }

    fn inline_table(&mut self, depth: usize) -> PResult<TVal> {
        self.i += 1;
        let mut table = Table::default();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            table.inline = true;
            return Ok(TVal::Table(table));
        }
        loop {
            self.skip_ws();
            let key = self.key()?;
            self.skip_ws();
            if self.peek() != Some(b'=') {
                return Err(
                    "[error] toml::parse_key_value_pair: invalid key value separator `=`".into(),
                );
            }
            self.i += 1;
            self.skip_ws();
            let v = self.value(depth + 1)?;
            insert_dotted(&mut table, &key, v)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    table.inline = true;
                    return Ok(TVal::Table(table));
                }
                _ => {
                    return Err(
                        "[error] toml::parse_inline_table: missing inline table separator `,`"
                            .into(),
                    )
                }
            }
        }
    }
}

/// Removes `_` between digits; `None` if an underscore is not between two digits.
fn underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        if c == b'_'
            && !(k > 0
                && k + 1 < b.len()
                && b[k - 1].is_ascii_alphanumeric()
                && b[k + 1].is_ascii_alphanumeric())
        {
            return None;
        }
    }
    Some(s.replace('_', ""))
}

/// Inserts `a.b.c = v` below `table`.
fn insert_dotted(table: &mut Table, key: &[String], v: TVal) -> PResult<()> {
    let (last, path) = key.split_last().expect("a key has at least one part");
    let mut t = table;
    for part in path {
        let entry = t.entries.entry(part.clone()).or_insert_with(|| {
            TVal::Table(Table {
                dotted: true,
                ..Table::default()
            })
        });
        t =
            match entry {
                TVal::Table(inner) if !inner.inline && (inner.dotted || !inner.explicit) => inner,
                _ => return Err(
                    "[error] toml::insert_value: failed to insert a value, value already exists"
                        .into(),
                ),
            };
    }
    if t.entries.contains_key(last) {
        return Err(
            "[error] toml::insert_value: failed to insert a value, value already exists".into(),
        );
    }
    t.entries.insert(last.clone(), v);
    Ok(())
}

/// Finds (creating implicitly) the table a `[header]` path leads through.
fn walk<'t>(root: &'t mut Table, path: &[String]) -> PResult<&'t mut Table> {
    let mut t = root;
    for part in path {
        let entry = t
            .entries
            .entry(part.clone())
            .or_insert_with(|| TVal::Table(Table::default()));
        t = match entry {
            TVal::Table(inner) if !inner.inline => inner,
            TVal::Array {
                items,
                of_tables: true,
            } => match items.last_mut() {
                Some(TVal::Table(inner)) => inner,
                _ => return Err(
                    "[error] toml::insert_value: failed to insert a table, value already exists"
                        .into(),
                ),
            },
            _ => {
                return Err(
                    "[error] toml::insert_value: failed to insert a table, value already exists"
                        .into(),
                )
            }
        };
    }
    Ok(t)
}

fn parse(text: &[u8]) -> PResult<Table> {
    let mut p = Parser { s: text, i: 0 };
    let mut root = Table::default();
    // The path of the current table, and whether it is an array-of-tables element.
    let mut current: Vec<String> = Vec::new();
    loop {
        p.skip_ws_nl();
        let Some(c) = p.peek() else { break };
        if c == b'[' {
            let array = p.at(b"[[");
            p.i += if array { 2 } else { 1 };
            p.skip_ws();
            let key = p.key()?;
            p.skip_ws();
            if array && !p.at(b"]]") || !array && p.peek() != Some(b']') {
                return Err("[error] toml::parse_table_key: invalid table key: missing `]`".into());
            }
            p.i += if array { 2 } else { 1 };
            p.end_of_line()?;
            let (last, path) = key.split_last().expect("a key has at least one part");
            let parent = walk(&mut root, path)?;
            if array {
                match parent.entries.entry(last.clone()).or_insert(TVal::Array { items: Vec::new(), of_tables: true }) {
                    TVal::Array { items, of_tables: true } => items.push(TVal::Table(Table { explicit: true, ..Table::default() })),
                    _ => return Err("[error] toml::insert_value: failed to insert a table, value already exists".into()),
                }
            } else {
                match parent.entries.get_mut(last) {
                    None => {
                        parent.entries.insert(last.clone(), TVal::Table(Table { explicit: true, ..Table::default() }));
                    }
                    Some(TVal::Table(t)) if !t.explicit && !t.dotted && !t.inline => t.explicit = true,
                    Some(_) => return Err("[error] toml::insert_value: failed to insert a table, table already defined".into()),
                }
            }
            current = key;
            continue;
        }
        let key = p.key()?;
        p.skip_ws();
        if p.peek() != Some(b'=') {
            return Err(
                "[error] toml::parse_key_value_pair: invalid key value separator `=`".into(),
            );
        }
        p.i += 1;
        p.skip_ws();
        let v = p.value(0)?;
        p.end_of_line()?;
        let table = walk(&mut root, &current)?;
        insert_dotted(table, &key, v)?;
    }
    Ok(root)
}

fn to_value(v: TVal) -> Value {
    match v {
        TVal::Str(s) => Value::string(s),
        TVal::Int(i) => Value::Int(i),
        TVal::Float(f) => Value::Float(f),
        TVal::Bool(b) => Value::Bool(b),
        TVal::Array { items, .. } => Value::list(items.into_iter().map(to_value).collect()),
        TVal::Table(t) => table_value(t),
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
    t.entries.iter().find_map(|(k, v)| {
        if k.contains('\0') {
            Some(k.as_bytes())
        } else {
            in_value(v)
        }
    })
}

fn table_value(t: Table) -> Value {
    Value::attrs(Attrs::from_unsorted(
        t.entries
            .into_iter()
            .map(|(k, v)| Attr {
                name: Symbol::new(&k),
                value: to_value(v),
                pos: None,
            })
            .collect(),
    ))
}

/// `builtins.fromTOML s`
pub fn prim_from_toml(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.string_no_ctx(m, 0, span)?;
    match parse(&s.bytes).and_then(|t| match first_null_byte_string(&t) {
        Some(bad) => Err(format!(
            "error: {}",
            String::from_utf8_lossy(&crate::json::null_byte_error(bad))
        )),
        None => Ok(t),
    }) {
        Ok(t) => Ok(table_value(t)),
        Err(msg) => Err(Error::new(
            ErrorKind::Other(format!("while parsing TOML: {msg}")),
            Some(span),
        )),
    }
}
