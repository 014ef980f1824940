//! JSON reading and string writing, independent of evaluator values, matching
//! Nix 2.26 (`builtins.fromJSON` / `builtins.toJSON`) byte for byte.
//!
//! Nix 2.26 parses JSON with nlohmann::json 3.11's SAX parser (no comments,
//! strict: trailing garbage is an error) and serialises with nlohmann's
//! `dump()`. This module reimplements both observable behaviours, including
//! the exact error texts (line/column positions and the `last read: '...'`
//! excerpt), without recursion: [`parse`] keeps its own stack and accepts any
//! nesting depth, and comparing or debug-printing a [`Json`] is iterative too.
//! Dropping a [`Json`] uses Rust's ordinary (recursive) drop glue: consume a
//! parsed document by moving its contents out, or call [`Json::dispose`].
//!
//! Behaviour summary (checked against the Nix 2.26 oracle):
//! * numbers: a number without `.`/exponent that fits in `i64` is an
//!   [`Json::Int`] (`-0` is `Int(0)`); a non-negative one in
//!   `2^63 ..= 2^64-1` is an error
//!   (`unsigned json number 9223372036854775808 outside of Nix integer range`);
//!   anything else (fraction, exponent, or an integer that overflows
//!   `u64`/`i64`, e.g. `18446744073709551616` or `-9223372036854775809`) is a
//!   [`Json::Float`] (`1e2` is `Float(100.0)`, `-0.0` keeps its sign,
//!   `1e-400` underflows to `0.0` silently); a float that overflows to
//!   infinity is an error (`[json.exception.out_of_range.406] number overflow
//!   parsing '1e400'`).
//! * strings: `\u` escapes are decoded to UTF-8, surrogate pairs are combined,
//!   lone or mismatched surrogates are errors; raw bytes must be well-formed
//!   UTF-8 (ill-formed bytes are errors) and raw control characters
//!   U+0000..U+001F are errors, DEL (0x7F) is allowed. A string or object key
//!   that decodes to contain a NUL byte (`"\u0000"`) is rejected with
//!   `input string 'a␀b' cannot be represented as Nix string because it
//!   contains null bytes`.
//! * a UTF-8 byte order mark at the very start is skipped; a NUL byte outside a
//!   string ends the input (anything after it is ignored).
//! * errors are reported in the order Nix reports them: semantic errors (NUL
//!   bytes, unsigned overflow, float overflow) as soon as the offending value
//!   or key is read, before later syntax errors.
//! * the `last read: '...'` excerpt is everything read since the start of the
//!   last string or number token (nlohmann does not reset it for punctuation,
//!   whitespace or literals), so `[1,\n  tru` reports `'1,<U+000A>  tru'` and a
//!   long run of brackets is repeated in full; bytes below 0x20 are shown as
//!   `<U+00XX>`. Columns count bytes, and reset to 0 after a newline.

use std::collections::HashMap;
use std::fmt;

use super::float::parse_decimal;

/// A parsed JSON document.
///
/// `PartialEq` and `Debug` are implemented without recursion, so arbitrarily
/// deep documents are safe to compare and print. There is deliberately no
/// custom `Drop` (so values can be moved out by destructuring): the implicit
/// drop recurses once per nesting level, which can overflow a small stack for
/// very deep documents. Either consume the value by moving its children out
/// with an explicit work list (then nothing deep is ever dropped), or call
/// [`Json::dispose`] to drop it iteratively. [`parse`] itself never drops a
/// deep value recursively, also on errors.
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer that fits in `i64` (written without fraction or exponent).
    Int(i64),
    /// Any other number (always finite).
    Float(f64),
    /// A string, as the UTF-8 bytes it decodes to (never contains NUL).
    String(Vec<u8>),
    /// An array, elements in document order.
    Array(Vec<Json>),
    /// An object. Keys are unique: when a key occurs more than once the
    /// **last** value wins (as in Nix), and the entry stays at the position of
    /// the key's first occurrence; otherwise document order is kept. (Nix sorts
    /// attribute names anyway, so only the duplicate rule is observable.)
    Object(Vec<(Vec<u8>, Json)>),
}

impl Json {
    /// Drops `self` without native recursion, whatever its depth (the
    /// implicit drop recurses once per nesting level).
    pub fn dispose(self) {
        let mut stack = vec![self];
        while let Some(j) = stack.pop() {
            match j {
                Json::Array(items) => stack.extend(items),
                Json::Object(entries) => stack.extend(entries.into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
    }
}

impl PartialEq for Json {
    /// Structural equality; floats are compared by bit pattern (so `-0.0`
    /// differs from `0.0`), object entries in order.
    fn eq(&self, other: &Json) -> bool {
        let mut stack: Vec<(&Json, &Json)> = vec![(self, other)];
        while let Some((a, b)) = stack.pop() {
            match (a, b) {
                (Json::Null, Json::Null) => {}
                (Json::Bool(x), Json::Bool(y)) if x == y => {}
                (Json::Int(x), Json::Int(y)) if x == y => {}
                (Json::Float(x), Json::Float(y)) if x.to_bits() == y.to_bits() => {}
                (Json::String(x), Json::String(y)) if x == y => {}
                (Json::Array(x), Json::Array(y)) if x.len() == y.len() => {
                    stack.extend(x.iter().zip(y.iter()));
                }
                (Json::Object(x), Json::Object(y)) if x.len() == y.len() => {
                    for ((ka, va), (kb, vb)) in x.iter().zip(y.iter()) {
                        if ka != kb {
                            return false;
                        }
                        stack.push((va, vb));
                    }
                }
                _ => return false,
            }
        }
        true
    }
}

impl fmt::Debug for Json {
    /// Prints like a derived `Debug` (`Array([Int(1), String("a")])`), with
    /// strings shown as escaped text; iterative.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        enum Task<'a> {
            Value(&'a Json),
            Text(&'static str),
            Key(&'a [u8]),
        }
        let mut stack = vec![Task::Value(self)];
        while let Some(t) = stack.pop() {
            match t {
                Task::Text(s) => f.write_str(s)?,
                Task::Key(k) => write!(f, "(\"{}\", ", k.escape_ascii())?,
                Task::Value(v) => match v {
                    Json::Null => f.write_str("Null")?,
                    Json::Bool(b) => write!(f, "Bool({})", b)?,
                    Json::Int(i) => write!(f, "Int({})", i)?,
                    Json::Float(x) => write!(f, "Float({:?})", x)?,
                    Json::String(s) => write!(f, "String(\"{}\")", s.escape_ascii())?,
                    Json::Array(items) => {
                        f.write_str("Array([")?;
                        stack.push(Task::Text("])"));
                        for (i, item) in items.iter().enumerate().rev() {
                            stack.push(Task::Value(item));
                            if i > 0 {
                                stack.push(Task::Text(", "));
                            }
                        }
                    }
                    Json::Object(entries) => {
                        f.write_str("Object([")?;
                        stack.push(Task::Text("])"));
                        for (i, (k, item)) in entries.iter().enumerate().rev() {
                            stack.push(Task::Text(")"));
                            stack.push(Task::Value(item));
                            stack.push(Task::Key(k));
                            if i > 0 {
                                stack.push(Task::Text(", "));
                            }
                        }
                    }
                },
            }
        }
        Ok(())
    }
}

/// Parses `text` as `builtins.fromJSON` does.
///
/// On failure returns `Err(message)` where `message` is exactly the text Nix
/// prints after `error: `, e.g.
/// `[json.exception.parse_error.101] parse error at line 1, column 2: syntax
/// error while parsing object key - unexpected end of input; expected string
/// literal`, `unsigned json number 12345678901234567890 outside of Nix integer
/// range`, or `input string 'a␀b' cannot be represented as Nix string because
/// it contains null bytes`. Nix may print raw non-UTF-8 input bytes inside the
/// message (in the `last read: '...'` part); those are replaced by U+FFFD here
/// since the message is a `String`.
///
/// See the module documentation for number, string and duplicate-key rules.
/// Uses an explicit stack: any nesting depth is accepted (bounded only by
/// memory).
pub fn parse(text: &[u8]) -> Result<Json, JsonError> {
    let mut p = Parser {
        lexer: Lexer::new(text),
        last_token: Tok::Uninitialized,
        builder: Builder::default(),
    };
    p.parse()
}

/// Why [`parse`] failed. Nix frames the two kinds differently: only malformed JSON is
/// reported "while decoding a JSON string"; a well-formed value that Nix cannot hold
/// (an integer out of range, a string with a NUL byte) is reported bare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// The text is not JSON, or a number overflows a float (nlohmann's exceptions).
    Syntax(String),
    /// The JSON is well formed but holds a value Nix cannot represent.
    Unrepresentable(String),
}

impl JsonError {
    /// The message, as Nix prints it.
    pub fn message(&self) -> &str {
        match self {
            JsonError::Syntax(m) | JsonError::Unrepresentable(m) => m,
        }
    }
}

fn lossy(m: Vec<u8>) -> String {
    String::from_utf8_lossy(&m).into_owned()
}

/// Appends the JSON string literal for `s`, with quotes, escaped as
/// `builtins.toJSON` does (nlohmann `dump()`): `"` → `\"`, `\` → `\\`,
/// backspace/form feed/newline/carriage return/tab → `\b` `\f` `\n` `\r` `\t`,
/// other bytes below 0x20 → `\u00XX` with **lowercase** hex (`\u001b`);
/// everything else, including `/`, DEL (0x7F) and non-ASCII UTF-8, is copied
/// unchanged.
///
/// Nix refuses to serialise strings that are not well-formed UTF-8 (the whole
/// `toJSON` call fails); this function does not check and copies such bytes
/// unchanged. Use [`write_string_checked`] to get Nix's error instead.
pub fn write_string(out: &mut Vec<u8>, s: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push(b'"');
    for &c in s {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c < 0x20 => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(c >> 4)]);
                out.push(HEX[usize::from(c & 15)]);
            }
            c => out.push(c),
        }
    }
    out.push(b'"');
}

/// A string that nlohmann's serializer refuses: Nix's message and how much of the string
/// it had written when it stopped.
#[derive(Debug, PartialEq)]
pub struct BadUtf8 {
    /// The text Nix prints after `error: `.
    pub message: String,
    /// The bytes of the escaped string (after its opening quote) that the serializer had
    /// flushed from its 512-byte buffer before it met the bad byte.
    pub written: usize,
}

/// Like [`write_string`], but first checks that `s` is well-formed UTF-8 the
/// way nlohmann's serializer does; on failure nothing is written and the
/// error is exactly the text Nix prints after `error: ` for `builtins.toJSON`:
/// `JSON serialization error: [json.exception.type_error.316] invalid UTF-8
/// byte at index 1: 0xA0` (index within `s`, first offending byte: overlong
/// forms, surrogates and code points above U+10FFFF are rejected at the byte
/// where they become impossible) or `JSON serialization error:
/// [json.exception.type_error.316] incomplete UTF-8 string; last byte: 0xC3`
/// (string ends inside a sequence).
///
/// Nix serialises the whole value before writing, in output order (object
/// keys sorted, each key before its value), and reports the first bad string
/// in that order — and only after every other evaluation error.
pub fn write_string_checked(out: &mut Vec<u8>, s: &[u8]) -> Result<(), BadUtf8> {
    if let Some((start, message)) = utf8_error(s) {
        return Err(BadUtf8 {
            message,
            written: flushed_before(&s[..start]),
        });
    }
    write_string(out, s);
    Ok(())
}

/// How many bytes of the escaped `valid` (well-formed UTF-8) nlohmann's serializer has
/// written out when it goes past its end: it escapes into a 512-byte buffer and empties
/// it after a code point that leaves less than 13 bytes free.
fn flushed_before(valid: &[u8]) -> usize {
    const BUFFER: usize = 512;
    let (mut buffered, mut flushed) = (0, 0);
    let mut i = 0;
    while i < valid.len() {
        let (width, escaped) = match valid[i] {
            b'"' | b'\\' | 0x08 | 0x0C | b'\n' | b'\r' | b'\t' => (1, 2),
            c if c < 0x20 => (1, 6),
            c if c < 0x80 => (1, 1),
            c if c >= 0xF0 => (4, 4),
            c if c >= 0xE0 => (3, 3),
            _ => (2, 2),
        };
        buffered += escaped;
        i += width;
        if BUFFER - buffered < 13 {
            flushed += buffered;
            buffered = 0;
        }
    }
    flushed
}

/// Where the sequence nlohmann rejects starts in `s`, and Nix's message for it.
fn utf8_error(s: &[u8]) -> Option<(usize, String)> {
    const PREFIX: &str = "JSON serialization error: [json.exception.type_error.316] ";
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        let ranges: &[(u8, u8)] = match b {
            0x00..=0x7F => &[],
            0xC2..=0xDF => &[(0x80, 0xBF)],
            0xE0 => &[(0xA0, 0xBF), (0x80, 0xBF)],
            0xE1..=0xEC | 0xEE | 0xEF => &[(0x80, 0xBF), (0x80, 0xBF)],
            0xED => &[(0x80, 0x9F), (0x80, 0xBF)],
            0xF0 => &[(0x90, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
            0xF1..=0xF3 => &[(0x80, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
            0xF4 => &[(0x80, 0x8F), (0x80, 0xBF), (0x80, 0xBF)],
            _ => {
                return Some((
                    i,
                    format!("{PREFIX}invalid UTF-8 byte at index {i}: 0x{b:02X}"),
                ))
            }
        };
        for (j, &(lo, hi)) in ranges.iter().enumerate() {
            let k = i + 1 + j;
            match s.get(k) {
                None => {
                    let last = s.last().copied().unwrap_or(0);
                    return Some((
                        i,
                        format!("{PREFIX}incomplete UTF-8 string; last byte: 0x{last:02X}"),
                    ));
                }
                Some(&c) if c < lo || c > hi => {
                    return Some((
                        i,
                        format!("{PREFIX}invalid UTF-8 byte at index {k}: 0x{c:02X}"),
                    ));
                }
                Some(_) => {}
            }
        }
        i += 1 + ranges.len();
    }
    None
}

// ---------------------------------------------------------------------------
// lexer (mirrors nlohmann::detail::lexer, including its position bookkeeping)

const EOF: i32 = -1;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Uninitialized,
    LiteralTrue,
    LiteralFalse,
    LiteralNull,
    ValueString,
    ValueUnsigned,
    ValueInteger,
    ValueFloat,
    BeginArray,
    BeginObject,
    EndArray,
    EndObject,
    NameSeparator,
    ValueSeparator,
    ParseError,
    EndOfInput,
    LiteralOrValue,
}

fn token_type_name(t: Tok) -> &'static str {
    match t {
        Tok::Uninitialized => "<uninitialized>",
        Tok::LiteralTrue => "true literal",
        Tok::LiteralFalse => "false literal",
        Tok::LiteralNull => "null literal",
        Tok::ValueString => "string literal",
        Tok::ValueUnsigned | Tok::ValueInteger | Tok::ValueFloat => "number literal",
        Tok::BeginArray => "'['",
        Tok::BeginObject => "'{'",
        Tok::EndArray => "']'",
        Tok::EndObject => "'}'",
        Tok::NameSeparator => "':'",
        Tok::ValueSeparator => "','",
        Tok::ParseError => "<parse error>",
        Tok::EndOfInput => "end of input",
        Tok::LiteralOrValue => "'[', '{', or a literal",
    }
}

const CONTROL_MESSAGES: [&str; 32] = [
    "invalid string: control character U+0000 (NUL) must be escaped to \\u0000",
    "invalid string: control character U+0001 (SOH) must be escaped to \\u0001",
    "invalid string: control character U+0002 (STX) must be escaped to \\u0002",
    "invalid string: control character U+0003 (ETX) must be escaped to \\u0003",
    "invalid string: control character U+0004 (EOT) must be escaped to \\u0004",
    "invalid string: control character U+0005 (ENQ) must be escaped to \\u0005",
    "invalid string: control character U+0006 (ACK) must be escaped to \\u0006",
    "invalid string: control character U+0007 (BEL) must be escaped to \\u0007",
    "invalid string: control character U+0008 (BS) must be escaped to \\u0008 or \\b",
    "invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t",
    "invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n",
    "invalid string: control character U+000B (VT) must be escaped to \\u000B",
    "invalid string: control character U+000C (FF) must be escaped to \\u000C or \\f",
    "invalid string: control character U+000D (CR) must be escaped to \\u000D or \\r",
    "invalid string: control character U+000E (SO) must be escaped to \\u000E",
    "invalid string: control character U+000F (SI) must be escaped to \\u000F",
    "invalid string: control character U+0010 (DLE) must be escaped to \\u0010",
    "invalid string: control character U+0011 (DC1) must be escaped to \\u0011",
    "invalid string: control character U+0012 (DC2) must be escaped to \\u0012",
    "invalid string: control character U+0013 (DC3) must be escaped to \\u0013",
    "invalid string: control character U+0014 (DC4) must be escaped to \\u0014",
    "invalid string: control character U+0015 (NAK) must be escaped to \\u0015",
    "invalid string: control character U+0016 (SYN) must be escaped to \\u0016",
    "invalid string: control character U+0017 (ETB) must be escaped to \\u0017",
    "invalid string: control character U+0018 (CAN) must be escaped to \\u0018",
    "invalid string: control character U+0019 (EM) must be escaped to \\u0019",
    "invalid string: control character U+001A (SUB) must be escaped to \\u001A",
    "invalid string: control character U+001B (ESC) must be escaped to \\u001B",
    "invalid string: control character U+001C (FS) must be escaped to \\u001C",
    "invalid string: control character U+001D (GS) must be escaped to \\u001D",
    "invalid string: control character U+001E (RS) must be escaped to \\u001E",
    "invalid string: control character U+001F (US) must be escaped to \\u001F",
];

struct Lexer<'a> {
    input: &'a [u8],
    pos: usize,
    current: i32,
    next_unget: bool,
    chars_read_total: usize,
    chars_read_current_line: usize,
    lines_read: usize,
    /// Raw bytes read since the last string/number token started (for
    /// `last read:`); like nlohmann, not reset for other tokens.
    token_string: Vec<u8>,
    /// Decoded string contents / number text.
    token_buffer: Vec<u8>,
    error_message: &'static str,
    value_unsigned: u64,
    value_integer: i64,
    value_float: f64,
}

impl<'a> Lexer<'a> {
    fn new(input: &'a [u8]) -> Self {
        Lexer {
            input,
            pos: 0,
            current: EOF,
            next_unget: false,
            chars_read_total: 0,
            chars_read_current_line: 0,
            lines_read: 0,
            token_string: Vec::new(),
            token_buffer: Vec::new(),
            error_message: "",
            value_unsigned: 0,
            value_integer: 0,
            value_float: 0.0,
        }
    }

    fn get(&mut self) -> i32 {
        self.chars_read_total += 1;
        self.chars_read_current_line += 1;
        if self.next_unget {
            self.next_unget = false;
        } else if self.pos < self.input.len() {
            self.current = i32::from(self.input[self.pos]);
            self.pos += 1;
        } else {
            self.current = EOF;
        }
        if self.current != EOF {
            self.token_string.push(self.current as u8);
        }
        if self.current == i32::from(b'\n') {
            self.lines_read += 1;
            self.chars_read_current_line = 0;
        }
        self.current
    }

    fn unget(&mut self) {
        self.next_unget = true;
        self.chars_read_total = self.chars_read_total.saturating_sub(1);
        if self.chars_read_current_line == 0 {
            if self.lines_read > 0 {
                self.lines_read -= 1;
            }
        } else {
            self.chars_read_current_line -= 1;
        }
        if self.current != EOF {
            self.token_string.pop();
        }
    }

    fn add(&mut self, c: i32) {
        self.token_buffer.push(c as u8);
    }

    fn reset(&mut self) {
        self.token_buffer.clear();
        self.token_string.clear();
        if self.current != EOF {
            self.token_string.push(self.current as u8);
        }
    }

    /// `last read` text: bytes <= 0x1F shown as `<U+00XX>`.
    fn token_string_escaped(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.token_string.len());
        for &c in &self.token_string {
            if c <= 0x1F {
                out.extend_from_slice(format!("<U+{:04X}>", c).as_bytes());
            } else {
                out.push(c);
            }
        }
        out
    }

    fn skip_bom(&mut self) -> bool {
        if self.get() == 0xEF {
            return self.get() == 0xBB && self.get() == 0xBF;
        }
        self.unget();
        true
    }

    fn scan(&mut self) -> Tok {
        if self.chars_read_total == 0 && !self.skip_bom() {
            self.error_message = "invalid BOM; must be 0xEF 0xBB 0xBF if given";
            return Tok::ParseError;
        }
        loop {
            self.get();
            if !matches!(self.current, 0x20 | 0x09 | 0x0A | 0x0D) {
                break;
            }
        }
        match self.current {
            0x5B => Tok::BeginArray,
            0x5D => Tok::EndArray,
            0x7B => Tok::BeginObject,
            0x7D => Tok::EndObject,
            0x3A => Tok::NameSeparator,
            0x2C => Tok::ValueSeparator,
            0x74 => self.scan_literal(b"true", Tok::LiteralTrue),
            0x66 => self.scan_literal(b"false", Tok::LiteralFalse),
            0x6E => self.scan_literal(b"null", Tok::LiteralNull),
            0x22 => self.scan_string(),
            0x2D | 0x30..=0x39 => self.scan_number(),
            0 | EOF => Tok::EndOfInput,
            _ => {
                self.error_message = "invalid literal";
                Tok::ParseError
            }
        }
    }

    fn scan_literal(&mut self, text: &[u8], tok: Tok) -> Tok {
        for &c in &text[1..] {
            if self.get() != i32::from(c) {
                self.error_message = "invalid literal";
                return Tok::ParseError;
            }
        }
        tok
    }

    fn get_codepoint(&mut self) -> Option<u32> {
        let mut cp: u32 = 0;
        for factor in [12u32, 8, 4, 0] {
            let c = self.get();
            let d = match c {
                0x30..=0x39 => c - 0x30,
                0x41..=0x46 => c - 0x37,
                0x61..=0x66 => c - 0x57,
                _ => return None,
            };
            cp += (d as u32) << factor;
        }
        Some(cp)
    }

    fn next_byte_in_range(&mut self, ranges: &[(i32, i32)]) -> bool {
        self.add(self.current);
        for &(lo, hi) in ranges {
            let c = self.get();
            if lo <= c && c <= hi {
                self.add(c);
            } else {
                self.error_message = "invalid string: ill-formed UTF-8 byte";
                return false;
            }
        }
        true
    }

    fn scan_string(&mut self) -> Tok {
        const HEX4: &str = "invalid string: '\\u' must be followed by 4 hex digits";
        const SURR_HI: &str =
            "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
        const SURR_LO: &str = "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF";
        self.reset();
        loop {
            let c = self.get();
            match c {
                EOF => {
                    self.error_message = "invalid string: missing closing quote";
                    return Tok::ParseError;
                }
                0x22 => return Tok::ValueString,
                0x5C => {
                    let e = self.get();
                    match e {
                        0x22 => self.add(0x22),
                        0x5C => self.add(0x5C),
                        0x2F => self.add(0x2F),
                        0x62 => self.add(0x08),
                        0x66 => self.add(0x0C),
                        0x6E => self.add(0x0A),
                        0x72 => self.add(0x0D),
                        0x74 => self.add(0x09),
                        0x75 => {
                            let Some(cp1) = self.get_codepoint() else {
                                self.error_message = HEX4;
                                return Tok::ParseError;
                            };
                            let mut cp = cp1;
                            if (0xD800..=0xDBFF).contains(&cp1) {
                                if self.get() == 0x5C && self.get() == 0x75 {
                                    let Some(cp2) = self.get_codepoint() else {
                                        self.error_message = HEX4;
                                        return Tok::ParseError;
                                    };
                                    if (0xDC00..=0xDFFF).contains(&cp2) {
                                        cp = (cp1 << 10) + cp2 - 0x35F_DC00;
                                    } else {
                                        self.error_message = SURR_HI;
                                        return Tok::ParseError;
                                    }
                                } else {
                                    self.error_message = SURR_HI;
                                    return Tok::ParseError;
                                }
                            } else if (0xDC00..=0xDFFF).contains(&cp1) {
                                self.error_message = SURR_LO;
                                return Tok::ParseError;
                            }
                            let cp = cp as i32;
                            if cp < 0x80 {
                                self.add(cp);
                            } else if cp <= 0x7FF {
                                self.add(0xC0 | (cp >> 6));
                                self.add(0x80 | (cp & 0x3F));
                            } else if cp <= 0xFFFF {
                                self.add(0xE0 | (cp >> 12));
                                self.add(0x80 | ((cp >> 6) & 0x3F));
                                self.add(0x80 | (cp & 0x3F));
                            } else {
                                self.add(0xF0 | (cp >> 18));
                                self.add(0x80 | ((cp >> 12) & 0x3F));
                                self.add(0x80 | ((cp >> 6) & 0x3F));
                                self.add(0x80 | (cp & 0x3F));
                            }
                        }
                        _ => {
                            self.error_message =
                                "invalid string: forbidden character after backslash";
                            return Tok::ParseError;
                        }
                    }
                }
                0x00..=0x1F => {
                    self.error_message = CONTROL_MESSAGES[c as usize];
                    return Tok::ParseError;
                }
                0x20..=0x7F => self.add(c),
                0xC2..=0xDF => {
                    if !self.next_byte_in_range(&[(0x80, 0xBF)]) {
                        return Tok::ParseError;
                    }
                }
                0xE0 => {
                    if !self.next_byte_in_range(&[(0xA0, 0xBF), (0x80, 0xBF)]) {
                        return Tok::ParseError;
                    }
                }
                0xE1..=0xEC | 0xEE | 0xEF => {
                    if !self.next_byte_in_range(&[(0x80, 0xBF), (0x80, 0xBF)]) {
                        return Tok::ParseError;
                    }
                }
                0xED => {
                    if !self.next_byte_in_range(&[(0x80, 0x9F), (0x80, 0xBF)]) {
                        return Tok::ParseError;
                    }
                }
                0xF0 => {
                    if !self.next_byte_in_range(&[(0x90, 0xBF), (0x80, 0xBF), (0x80, 0xBF)]) {
                        return Tok::ParseError;
                    }
                }
                0xF1..=0xF3 => {
                    if !self.next_byte_in_range(&[(0x80, 0xBF), (0x80, 0xBF), (0x80, 0xBF)]) {
                        return Tok::ParseError;
                    }
                }
                0xF4 => {
                    if !self.next_byte_in_range(&[(0x80, 0x8F), (0x80, 0xBF), (0x80, 0xBF)]) {
                        return Tok::ParseError;
                    }
                }
                _ => {
                    self.error_message = "invalid string: ill-formed UTF-8 byte";
                    return Tok::ParseError;
                }
            }
        }
    }

    fn scan_number(&mut self) -> Tok {
        self.reset();
        match self.number_text() {
            Ok(kind) => self.number_value(kind),
            Err(message) => {
                self.error_message = message;
                Tok::ParseError
            }
        }
    }

    /// Reads a number (`-`? digits (`.` digits)? ([eE] [+-]? digits)?, with no leading
    /// zero) into the token buffer and says what it is: `ValueUnsigned`, `ValueInteger`
    /// (negative) or `ValueFloat`; or the error message, as Nix's parser words it.
    fn number_text(&mut self) -> Result<Tok, &'static str> {
        let is_digit = |c: i32| (0x30..=0x39).contains(&c);
        let mut kind = Tok::ValueUnsigned;
        let first = self.current;
        self.add(first);
        let mut lead = first;
        if first == 0x2D {
            kind = Tok::ValueInteger;
            lead = self.get();
            if !is_digit(lead) {
                return Err("invalid number; expected digit after '-'");
            }
            self.add(lead);
        }
        let mut c = if lead == 0x30 {
            self.get()
        } else {
            self.more_digits()
        };
        if c == 0x2E {
            kind = Tok::ValueFloat;
            self.add(c);
            let d = self.get();
            if !is_digit(d) {
                return Err("invalid number; expected digit after '.'");
            }
            self.add(d);
            c = self.more_digits();
        }
        if c == 0x65 || c == 0x45 {
            kind = Tok::ValueFloat;
            self.add(c);
            let mut d = self.get();
            if d == 0x2B || d == 0x2D {
                self.add(d);
                d = self.get();
                if !is_digit(d) {
                    return Err("invalid number; expected digit after exponent sign");
                }
            } else if !is_digit(d) {
                return Err("invalid number; expected '+', '-', or digit after exponent");
            }
            self.add(d);
            self.more_digits();
        }
        self.unget();
        Ok(kind)
    }

    /// Adds the digits that come next to the token buffer; returns the character after
    /// them (read).
    fn more_digits(&mut self) -> i32 {
        loop {
            let c = self.get();
            if !(0x30..=0x39).contains(&c) {
                return c;
            }
            self.add(c);
        }
    }

    /// The number in the token buffer as a token of `kind`; an integer too large for
    /// 64 bits becomes a float, as in Nix.
    fn number_value(&mut self, kind: Tok) -> Tok {
        let buf = &self.token_buffer;
        match kind {
            Tok::ValueUnsigned => {
                if let Some(v) = unsigned_value(buf) {
                    self.value_unsigned = v;
                    return Tok::ValueUnsigned;
                }
            }
            Tok::ValueInteger => {
                if let Some(v) = negative_value(&buf[1..]) {
                    self.value_integer = v;
                    return Tok::ValueInteger;
                }
            }
            _ => {}
        }
        self.value_float = parse_decimal(buf).unwrap_or(0.0);
        Tok::ValueFloat
    }
}

/// The value of ASCII decimal `digits`; `None` if it does not fit in 64 bits.
fn unsigned_value(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |v, &d| {
        v.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })
}

/// Minus the value of ASCII decimal `digits`, accumulated negatively so that `i64::MIN`
/// fits; `None` if it does not fit in 64 bits.
fn negative_value(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0i64, |v, &d| {
        v.checked_mul(10)?.checked_sub(i64::from(d - b'0'))
    })
}

// ---------------------------------------------------------------------------
// value building (the part Nix's JSONSax does)

enum Frame {
    Array(Vec<Json>),
    Object(Vec<(Vec<u8>, Json)>, Vec<u8>),
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    root: Option<Json>,
}

impl Builder {
    fn value(&mut self, v: Json) {
        match self.stack.last_mut() {
            None => self.root = Some(v),
            Some(Frame::Array(items)) => items.push(v),
            Some(Frame::Object(entries, key)) => entries.push((std::mem::take(key), v)),
        }
    }

    fn end_container(&mut self) {
        match self.stack.pop() {
            Some(Frame::Array(items)) => self.value(Json::Array(items)),
            Some(Frame::Object(entries, _)) => self.value(Json::Object(dedupe(entries))),
            None => {}
        }
    }
}

impl Drop for Builder {
    /// Partial results (after an error) may be deep: tear them down iteratively.
    fn drop(&mut self) {
        let mut all: Vec<Json> = Vec::new();
        for frame in self.stack.drain(..) {
            match frame {
                Frame::Array(items) => all.extend(items),
                Frame::Object(entries, _) => all.extend(entries.into_iter().map(|(_, v)| v)),
            }
        }
        if let Some(root) = self.root.take() {
            all.push(root);
        }
        Json::Array(all).dispose();
    }
}

/// Last value wins; entry keeps the position of the first occurrence.
fn dedupe(entries: Vec<(Vec<u8>, Json)>) -> Vec<(Vec<u8>, Json)> {
    if entries.len() < 2 {
        return entries;
    }
    let mut index: HashMap<Vec<u8>, usize> = HashMap::with_capacity(entries.len());
    let mut out: Vec<(Vec<u8>, Json)> = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        match index.get(&k) {
            Some(&i) => std::mem::replace(&mut out[i].1, v).dispose(),
            None => {
                index.insert(k.clone(), out.len());
                out.push((k, v));
            }
        }
    }
    out
}

/// Nix's message for a string that contains a NUL byte (shown as `␀`).
pub(crate) fn null_byte_error(s: &[u8]) -> Vec<u8> {
    let mut m = b"input string '".to_vec();
    for &c in s {
        if c == 0 {
            m.extend_from_slice("␀".as_bytes());
        } else {
            m.push(c);
        }
    }
    m.extend_from_slice(b"' cannot be represented as Nix string because it contains null bytes");
    m
}

// ---------------------------------------------------------------------------
// parser (mirrors nlohmann::detail::parser::sax_parse_internal)

struct Parser<'a> {
    lexer: Lexer<'a>,
    last_token: Tok,
    builder: Builder,
}

impl<'a> Parser<'a> {
    fn get_token(&mut self) -> Tok {
        self.last_token = self.lexer.scan();
        self.last_token
    }

    fn parse_error(&self, msg: &[u8]) -> JsonError {
        let mut m = format!(
            "[json.exception.parse_error.101] parse error at line {}, column {}: ",
            self.lexer.lines_read + 1,
            self.lexer.chars_read_current_line
        )
        .into_bytes();
        m.extend_from_slice(msg);
        JsonError::Syntax(lossy(m))
    }

    fn exception_message(&self, expected: Tok, context: &str) -> Vec<u8> {
        let mut m = b"syntax error ".to_vec();
        if !context.is_empty() {
            m.extend_from_slice(b"while parsing ");
            m.extend_from_slice(context.as_bytes());
            m.push(b' ');
        }
        m.extend_from_slice(b"- ");
        if self.last_token == Tok::ParseError {
            m.extend_from_slice(self.lexer.error_message.as_bytes());
            m.extend_from_slice(b"; last read: '");
            m.extend_from_slice(&self.lexer.token_string_escaped());
            m.push(b'\'');
        } else {
            m.extend_from_slice(b"unexpected ");
            m.extend_from_slice(token_type_name(self.last_token).as_bytes());
        }
        if expected != Tok::Uninitialized {
            m.extend_from_slice(b"; expected ");
            m.extend_from_slice(token_type_name(expected).as_bytes());
        }
        m
    }

    fn syntax_error(&self, expected: Tok, context: &str) -> JsonError {
        self.parse_error(&self.exception_message(expected, context))
    }

    /// Reads an object key (current token must be a string) and the `:`.
    fn object_key(&mut self) -> Result<(), JsonError> {
        if self.last_token != Tok::ValueString {
            return Err(self.syntax_error(Tok::ValueString, "object key"));
        }
        let key = std::mem::take(&mut self.lexer.token_buffer);
        if key.contains(&0) {
            return Err(JsonError::Unrepresentable(lossy(null_byte_error(&key))));
        }
        if let Some(Frame::Object(_, k)) = self.builder.stack.last_mut() {
            *k = key;
        }
        if self.get_token() != Tok::NameSeparator {
            return Err(self.syntax_error(Tok::NameSeparator, "object separator"));
        }
        Ok(())
    }

    fn parse(&mut self) -> Result<Json, JsonError> {
        self.get_token();
        // true = array, false = object
        let mut states: Vec<bool> = Vec::new();
        let mut skip_to_state_evaluation = false;
        loop {
            if !skip_to_state_evaluation {
                match self.last_token {
                    Tok::BeginObject => {
                        self.builder
                            .stack
                            .push(Frame::Object(Vec::new(), Vec::new()));
                        if self.get_token() == Tok::EndObject {
                            self.builder.end_container();
                        } else {
                            self.object_key()?;
                            states.push(false);
                            self.get_token();
                            continue;
                        }
                    }
                    Tok::BeginArray => {
                        self.builder.stack.push(Frame::Array(Vec::new()));
                        if self.get_token() == Tok::EndArray {
                            self.builder.end_container();
                        } else {
                            states.push(true);
                            continue;
                        }
                    }
                    Tok::ValueFloat => {
                        let v = self.lexer.value_float;
                        if !v.is_finite() {
                            let mut m =
                                b"[json.exception.out_of_range.406] number overflow parsing '"
                                    .to_vec();
                            m.extend_from_slice(&self.lexer.token_string_escaped());
                            m.push(b'\'');
                            return Err(JsonError::Syntax(lossy(m)));
                        }
                        self.builder.value(Json::Float(v));
                    }
                    Tok::LiteralFalse => self.builder.value(Json::Bool(false)),
                    Tok::LiteralNull => self.builder.value(Json::Null),
                    Tok::LiteralTrue => self.builder.value(Json::Bool(true)),
                    Tok::ValueInteger => self.builder.value(Json::Int(self.lexer.value_integer)),
                    Tok::ValueString => {
                        let s = std::mem::take(&mut self.lexer.token_buffer);
                        if s.contains(&0) {
                            return Err(JsonError::Unrepresentable(lossy(null_byte_error(&s))));
                        }
                        self.builder.value(Json::String(s));
                    }
                    Tok::ValueUnsigned => {
                        let u = self.lexer.value_unsigned;
                        match i64::try_from(u) {
                            Ok(i) => self.builder.value(Json::Int(i)),
                            Err(_) => {
                                return Err(JsonError::Unrepresentable(format!(
                                    "unsigned json number {u} outside of Nix integer range"
                                )))
                            }
                        }
                    }
                    Tok::ParseError => return Err(self.syntax_error(Tok::Uninitialized, "value")),
                    Tok::EndOfInput => {
                        if self.lexer.chars_read_total == 1 {
                            return Err(self.parse_error(
                                b"attempting to parse an empty input; check that your input string or stream contains the expected JSON",
                            ));
                        }
                        return Err(self.syntax_error(Tok::LiteralOrValue, "value"));
                    }
                    _ => return Err(self.syntax_error(Tok::LiteralOrValue, "value")),
                }
            } else {
                skip_to_state_evaluation = false;
            }

            let Some(&in_array) = states.last() else {
                break;
            };
            if in_array {
                if self.get_token() == Tok::ValueSeparator {
                    self.get_token();
                    continue;
                }
                if self.last_token == Tok::EndArray {
                    self.builder.end_container();
                    states.pop();
                    skip_to_state_evaluation = true;
                    continue;
                }
                return Err(self.syntax_error(Tok::EndArray, "array"));
            }
            if self.get_token() == Tok::ValueSeparator {
                self.get_token();
                self.object_key()?;
                self.get_token();
                continue;
            }
            if self.last_token == Tok::EndObject {
                self.builder.end_container();
                states.pop();
                skip_to_state_evaluation = true;
                continue;
            }
            return Err(self.syntax_error(Tok::EndObject, "object"));
        }
        // strict: the whole input must be consumed
        if self.get_token() != Tok::EndOfInput {
            return Err(self.syntax_error(Tok::EndOfInput, "value"));
        }
        Ok(self.builder.root.take().unwrap_or(Json::Null))
    }
}

#[cfg(test)]
mod tests {
    //! Expected values and messages come from Nix 2.26
    //! (`builtins.fromJSON` / `builtins.toJSON` via `nix-instantiate --eval`).
    use super::*;

    fn ok(text: &[u8]) -> Json {
        match parse(text) {
            Ok(j) => j,
            Err(e) => panic!(
                "unexpected error for {:?}: {}",
                text.escape_ascii().to_string(),
                e.message()
            ),
        }
    }
    fn err(text: &[u8]) -> String {
        match parse(text) {
            Ok(j) => panic!(
                "unexpected success for {:?}: {:?}",
                text.escape_ascii().to_string(),
                j
            ),
            Err(e) => e.message().to_string(),
        }
    }
    fn s(x: &str) -> Json {
        Json::String(x.as_bytes().to_vec())
    }
    fn arr(items: Vec<Json>) -> Json {
        Json::Array(items)
    }
    fn obj(entries: Vec<(&str, Json)>) -> Json {
        Json::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.as_bytes().to_vec(), v))
                .collect(),
        )
    }
    fn written(x: &[u8]) -> String {
        let mut out = Vec::new();
        write_string(&mut out, x);
        String::from_utf8_lossy(&out).into_owned()
    }
    fn checked(x: &[u8]) -> Result<String, String> {
        let mut out = Vec::new();
        write_string_checked(&mut out, x)
            .map(|()| String::from_utf8_lossy(&out).into_owned())
            .map_err(|e| e.message)
    }
    /// Runs `f` on a thread with a small stack, like the wasm32 target.
    fn small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap();
    }

    // ---- values ----

    #[test]
    fn literals() {
        assert_eq!(ok(b"null"), Json::Null);
        assert_eq!(ok(b"true"), Json::Bool(true));
        assert_eq!(ok(b"false"), Json::Bool(false));
        assert_eq!(ok(b" \t\r\n1 \t\r\n"), Json::Int(1));
    }

    #[test]
    fn containers() {
        assert_eq!(
            ok(b"[1,2,3]"),
            arr(vec![Json::Int(1), Json::Int(2), Json::Int(3)])
        );
        assert_eq!(ok(b"{}"), obj(vec![]));
        assert_eq!(ok(b"[]"), arr(vec![]));
        assert_eq!(ok(b"  {\"a\" : 1 }   "), obj(vec![("a", Json::Int(1))]));
        assert_eq!(
            ok(b"{\"a\":[{\"b\":null,\"c\":true,\"d\":false}]}"),
            obj(vec![(
                "a",
                arr(vec![obj(vec![
                    ("b", Json::Null),
                    ("c", Json::Bool(true)),
                    ("d", Json::Bool(false))
                ])])
            )])
        );
        assert_eq!(ok(b"{\"\":1}"), obj(vec![("", Json::Int(1))]));
        assert_eq!(ok(b"[\n]"), arr(vec![]));
        assert_eq!(ok(b"{\n\"a\"\n:\n1\n}"), obj(vec![("a", Json::Int(1))]));
    }

    #[test]
    fn duplicate_keys_last_wins() {
        assert_eq!(ok(b"{\"a\":1,\"a\":2}"), obj(vec![("a", Json::Int(2))]));
        assert_eq!(
            ok(b"{\"b\":1,\"a\":2,\"b\":3}"),
            obj(vec![("b", Json::Int(3)), ("a", Json::Int(2))])
        );
        assert_eq!(
            ok(b"{\"a\":1,\"a\":2,\"b\":{\"c\":1,\"c\":[1]}}"),
            obj(vec![
                ("a", Json::Int(2)),
                ("b", obj(vec![("c", arr(vec![Json::Int(1)]))]))
            ])
        );
        // "\u0041" is "A": duplicates are detected after unescaping.
        assert_eq!(
            ok(b"{\"A\":1,\"\\u0041\":2}"),
            obj(vec![("A", Json::Int(2))])
        );
    }

    #[test]
    fn integers() {
        assert_eq!(ok(b"0"), Json::Int(0));
        assert_eq!(ok(b"-0"), Json::Int(0));
        assert_eq!(ok(b"-12"), Json::Int(-12));
        assert_eq!(ok(b"9223372036854775807"), Json::Int(i64::MAX));
        assert_eq!(ok(b"-9223372036854775808"), Json::Int(i64::MIN));
        assert_eq!(
            ok(b"[9223372036854775806,-9223372036854775807]"),
            arr(vec![Json::Int(i64::MAX - 1), Json::Int(-i64::MAX)])
        );
    }

    #[test]
    fn integers_that_become_floats() {
        // Too big for u64 / i64: nlohmann falls back to a double.
        assert_eq!(
            ok(b"18446744073709551616"),
            Json::Float(1.8446744073709552e19)
        );
        assert_eq!(
            ok(b"-9223372036854775809"),
            Json::Float(-9.223372036854776e18)
        );
        assert_eq!(
            ok(b"-12345678901234567890"),
            Json::Float(-1.2345678901234567e19)
        );
        assert_eq!(ok(b"100000000000000000000000000000"), Json::Float(1e29));
    }

    #[test]
    fn floats() {
        assert_eq!(ok(b"1.0"), Json::Float(1.0));
        assert_eq!(ok(b"1e2"), Json::Float(100.0));
        assert_eq!(ok(b"1E2"), Json::Float(100.0));
        assert_eq!(ok(b"1e-2"), Json::Float(0.01));
        assert_eq!(ok(b"0.1"), Json::Float(0.1));
        assert_eq!(ok(b"-0.5e+1"), Json::Float(-5.0));
        assert_eq!(ok(b"0e5"), Json::Float(0.0));
        assert_eq!(ok(b"-0e5"), Json::Float(-0.0));
        assert_eq!(ok(b"1e-0"), Json::Float(1.0));
        assert_eq!(
            ok(b"12345678901234567890.0"),
            Json::Float(1.2345678901234567e19)
        );
        assert_eq!(
            ok(b"9223372036854775807.0"),
            Json::Float(9.223372036854776e18)
        );
        assert_eq!(ok(b"1.5e308"), Json::Float(1.5e308));
    }

    #[test]
    fn float_signed_zero_and_underflow() {
        assert_eq!(ok(b"-0.0"), Json::Float(-0.0));
        assert_ne!(ok(b"-0.0"), Json::Float(0.0));
        assert_eq!(
            ok(b"[0,-0,0.0,-0.0]"),
            arr(vec![
                Json::Int(0),
                Json::Int(0),
                Json::Float(0.0),
                Json::Float(-0.0)
            ])
        );
        assert_eq!(ok(b"1e-400"), Json::Float(0.0));
        assert_eq!(ok(b"1e-330"), Json::Float(0.0));
        assert_eq!(ok(b"4.9e-324"), Json::Float(5e-324)); // subnormals are fine here
        assert_eq!(ok(b"1.7976931348623157e308"), Json::Float(f64::MAX));
    }

    #[test]
    fn float_long_mantissa_and_exponent() {
        let text = format!("0.{}1e100005", "0".repeat(100000));
        assert_eq!(ok(text.as_bytes()), Json::Float(10000.0));
        let text = format!("1{}e-400", "0".repeat(400));
        assert_eq!(ok(text.as_bytes()), Json::Float(1.0));
    }

    #[test]
    fn string_escapes() {
        assert_eq!(
            ok(b"\"\\/\\b\\f\\n\\r\\t\\\"\\\\\""),
            s("/\u{8}\u{c}\n\r\t\"\\")
        );
        assert_eq!(ok(b"\"\\u0041\\u0062\""), s("Ab"));
        assert_eq!(
            ok(b"\"\\u00e9\\u20AC\\uFFFF\""),
            s("\u{e9}\u{20ac}\u{ffff}")
        );
        assert_eq!(ok(b"[\"\",\"\"]"), arr(vec![s(""), s("")]));
    }

    #[test]
    fn string_surrogate_pairs() {
        assert_eq!(ok(b"\"\\ud83d\\ude00\""), s("\u{1F600}"));
        assert_eq!(ok(b"\"\\uD800\\uDC00\""), s("\u{10000}"));
        assert_eq!(ok(b"\"\\uDBFF\\uDFFF\""), s("\u{10FFFF}"));
    }

    #[test]
    fn string_raw_utf8_and_del() {
        assert_eq!(ok(b"\"\xc3\xa9\""), s("\u{e9}"));
        assert_eq!(ok(b"\"\xf0\x9f\x98\x80\""), s("\u{1F600}"));
        assert_eq!(
            ok(b"\"\xc2\xa0\xee\x80\x80\xed\x9f\xbf\xe0\xa0\x80\xf4\x8f\xbf\xbf\""),
            s("\u{a0}\u{e000}\u{d7ff}\u{800}\u{10ffff}")
        );
        assert_eq!(ok(b"\"\x7f\""), s("\u{7f}"));
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        assert_eq!(ok(b"\xef\xbb\xbf1"), Json::Int(1));
        assert_eq!(ok(b"\xef\xbb\xbf [true]"), arr(vec![Json::Bool(true)]));
    }

    #[test]
    fn nul_byte_ends_input_outside_strings() {
        // Not reachable from Nix (its strings cannot hold NUL); nlohmann treats
        // a NUL outside a string as end of input.
        assert_eq!(ok(b"1\x00garbage"), Json::Int(1));
        assert!(err(b"\x00").contains("attempting to parse an empty input"));
        assert!(err(b"\"\x00\"").contains(
            "control character U+0000 (NUL) must be escaped to \\u0000; last read: '\"<U+0000>'"
        ));
    }

    #[test]
    fn errors_replace_invalid_utf8_in_message() {
        // Nix prints the raw byte; the String message carries U+FFFD instead.
        assert_eq!(
            err(b"\"\xff\""),
            "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"\u{fffd}'"
        );
    }

    // ---- errors (messages generated from the oracle) ----

    #[test]
    fn err_empty_and_whitespace() {
        assert_eq!(err(b""), "[json.exception.parse_error.101] parse error at line 1, column 1: attempting to parse an empty input; check that your input string or stream contains the expected JSON");
        assert_eq!(err(b"  "), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
        assert_eq!(err(b"\t"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
        assert_eq!(err(b"\n\n"), "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
    }

    #[test]
    fn err_unexpected_tokens() {
        assert_eq!(err(b"[1,]"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal");
        assert_eq!(err(b"{\"a\":1,}"), "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing object key - unexpected '}'; expected string literal");
        assert_eq!(err(b"]"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal");
        assert_eq!(err(b"}"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal");
        assert_eq!(err(b":"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected ':'; expected '[', '{', or a literal");
        assert_eq!(err(b","), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal");
        assert_eq!(err(b"[1}"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing array - unexpected '}'; expected ']'");
        assert_eq!(err(b"{\"a\":1]"), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing object - unexpected ']'; expected '}'");
        assert_eq!(err(b"[1 2]"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing array - unexpected number literal; expected ']'");
        assert_eq!(err(b"{\"a\" 1}"), "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing object separator - unexpected number literal; expected ':'");
        assert_eq!(err(b"{1:2}"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected number literal; expected string literal");
    }

    #[test]
    fn err_unclosed() {
        assert_eq!(err(b"{"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected end of input; expected string literal");
        assert_eq!(err(b"["), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
        assert_eq!(err(b"[1,2"), "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing array - unexpected end of input; expected ']'");
        assert_eq!(err(b"{\"a\":"), "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
        assert_eq!(err(b"{\"a\":1"), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing object - unexpected end of input; expected '}'");
        assert_eq!(err(b"{\"a\":1,"), "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing object key - unexpected end of input; expected string literal");
        assert_eq!(err(b"{\"a\":1,\"b\""), "[json.exception.parse_error.101] parse error at line 1, column 11: syntax error while parsing object separator - unexpected end of input; expected ':'");
        assert_eq!(err(b"[[[[[]]]]"), "[json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing array - unexpected end of input; expected ']'");
    }

    #[test]
    fn err_trailing_garbage() {
        assert_eq!(err(b"1 2"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input");
        assert_eq!(err(b"01"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected number literal; expected end of input");
        assert_eq!(err(b"{\"a\":1}x"), "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid literal; last read: '1}x'; expected end of input");
        assert_eq!(err(b"[1,2]\n\n\n   x"), "[json.exception.parse_error.101] parse error at line 4, column 4: syntax error while parsing value - invalid literal; last read: '2]<U+000A><U+000A><U+000A>   x'; expected end of input");
        assert_eq!(err(b"true false"), "[json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing value - unexpected false literal; expected end of input");
        assert_eq!(err(b"123abc"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: '123a'; expected end of input");
        assert_eq!(err(b"1 // x"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid literal; last read: '1 /'; expected end of input");
        assert_eq!(err(b"/* c */ 1"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '/'");
    }

    #[test]
    fn err_bad_literals() {
        assert_eq!(err(b"tru"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'tru'");
        assert_eq!(err(b"  tru"), "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid literal; last read: '  tru'");
        assert_eq!(err(b"[tru"), "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid literal; last read: '[tru'");
        assert_eq!(err(b"nul"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'nul'");
        assert_eq!(err(b"truex"), "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid literal; last read: 'truex'; expected end of input");
        assert_eq!(err(b"fals"), "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid literal; last read: 'fals'");
        assert_eq!(err(b"x"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: 'x'");
        assert_eq!(err(b"Infinity"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: 'I'");
        assert_eq!(err(b"NaN"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: 'N'");
        assert_eq!(err(b"+1"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '+'");
        assert_eq!(err(b".5"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '.'");
        assert_eq!(err(b"\xc3\xa9"), "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '�'");
    }

    #[test]
    fn err_last_read_accumulates() {
        assert_eq!(err(b"[1,tru"), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid literal; last read: '1,tru'");
        assert_eq!(err(b"[\"a\",tru"), "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing value - invalid literal; last read: '\"a\",tru'");
        assert_eq!(err(b"[1, 2 x"), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing array - invalid literal; last read: '2 x'; expected ']'");
        assert_eq!(err(b"[1,\n  tru"), "[json.exception.parse_error.101] parse error at line 2, column 6: syntax error while parsing value - invalid literal; last read: '1,<U+000A>  tru'");
    }

    #[test]
    fn err_positions_multiline() {
        assert_eq!(err(b"1\nx"), "[json.exception.parse_error.101] parse error at line 2, column 1: syntax error while parsing value - invalid literal; last read: '1<U+000A>x'; expected end of input");
        assert_eq!(err(b"1\n\nx"), "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error while parsing value - invalid literal; last read: '1<U+000A><U+000A>x'; expected end of input");
        assert_eq!(err(b"\n\nx"), "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error while parsing value - invalid literal; last read: '<U+000A><U+000A>x'");
        assert_eq!(err(b"[1,\r\n2,\rx"), "[json.exception.parse_error.101] parse error at line 2, column 4: syntax error while parsing value - invalid literal; last read: '2,<U+000D>x'");
        assert_eq!(err(b"\"a\nb\""), "[json.exception.parse_error.101] parse error at line 2, column 0: syntax error while parsing value - invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n; last read: '\"a<U+000A>'");
        assert_eq!(err(b"{\n\"a\"\n:\n1\n,\n}"), "[json.exception.parse_error.101] parse error at line 6, column 1: syntax error while parsing object key - unexpected '}'; expected string literal");
    }

    #[test]
    fn err_bad_numbers() {
        assert_eq!(err(b"-"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-'");
        assert_eq!(err(b"-a"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-a'");
        assert_eq!(err(b"--1"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '--'");
        assert_eq!(err(b"1."), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected digit after '.'; last read: '1.'");
        assert_eq!(err(b"1.e5"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected digit after '.'; last read: '1.e'");
        assert_eq!(err(b"1..2"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected digit after '.'; last read: '1..'");
        assert_eq!(err(b"1e"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1e'");
        assert_eq!(err(b"1e+"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid number; expected digit after exponent sign; last read: '1e+'");
        assert_eq!(err(b"1.5e"), "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1.5e'");
        assert_eq!(err(b"-01"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input");
        assert_eq!(err(b"0x10"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid literal; last read: '0x'; expected end of input");
    }

    #[test]
    fn err_bad_escapes() {
        assert_eq!(err(b"\"abc"), "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid string: missing closing quote; last read: '\"abc'");
        assert_eq!(err(b"\"\\x\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"\\x'");
        assert_eq!(err(b"\"\\"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"\\'");
        assert_eq!(err(b"\"\\u"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u'");
        assert_eq!(err(b"\"\\u12\""), "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u12\"'");
        assert_eq!(err(b"\"\\u12G4\""), "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u12G'");
        assert_eq!(err(b"\"\\u0041\\u00\""), "[json.exception.parse_error.101] parse error at line 1, column 12: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u0041\\u00\"'");
    }

    #[test]
    fn err_surrogates() {
        assert_eq!(err(b"\"\\ud800\""), "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'");
        assert_eq!(err(b"\"\\ud800\\u0041\""), "[json.exception.parse_error.101] parse error at line 1, column 13: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\\u0041'");
        assert_eq!(err(b"\"\\udc00\""), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\udc00'");
        assert_eq!(err(b"\"\\uD83D\\uDE0\""), "[json.exception.parse_error.101] parse error at line 1, column 13: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\uD83D\\uDE0\"'");
        assert_eq!(err(b"\"\\uD83D\\u\""), "[json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\uD83D\\u\"'");
        assert_eq!(err(b"\"\\uD83Dx\""), "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\uD83Dx'");
        assert_eq!(err(b"\"\\uDC00\\uD800\""), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\uDC00'");
    }

    #[test]
    fn err_control_chars() {
        assert_eq!(err(b"\"a\x01b\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: control character U+0001 (SOH) must be escaped to \\u0001; last read: '\"a<U+0001>'");
        assert_eq!(err(b"\"a\tb\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"a<U+0009>'");
        assert_eq!(err(b"\"\x1f\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: control character U+001F (US) must be escaped to \\u001F; last read: '\"<U+001F>'");
        assert_eq!(err(b"{\"a\":\"\x01\"}"), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: control character U+0001 (SOH) must be escaped to \\u0001; last read: '\"<U+0001>'");
        assert_eq!(err(b"\"\x08\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: control character U+0008 (BS) must be escaped to \\u0008 or \\b; last read: '\"<U+0008>'");
        assert_eq!(err(b"\"\x0c\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: control character U+000C (FF) must be escaped to \\u000C or \\f; last read: '\"<U+000C>'");
        assert_eq!(err(b"\"\r\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: control character U+000D (CR) must be escaped to \\u000D or \\r; last read: '\"<U+000D>'");
        assert_eq!(err(b"\"\x1b\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: control character U+001B (ESC) must be escaped to \\u001B; last read: '\"<U+001B>'");
    }

    #[test]
    fn err_bad_utf8_in_strings() {
        assert_eq!(err(b"\"\xc3\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"�\"'");
        assert_eq!(err(b"\"\xc3x\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"�x'");
        assert_eq!(err(b"\"\xe0\x80\x80\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"��'");
        assert_eq!(err(b"\"\xed\xa0\x80\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"��'");
        assert_eq!(err(b"\"\xf4\x90\x80\x80\""), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"��'");
        assert_eq!(err(b"\"\x80\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"�'");
        assert_eq!(err(b"\"\xff\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"�'");
        assert_eq!(err(b"\"\xc0\xaf\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"�'");
        assert_eq!(err(b"\"\xf5\""), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"�'");
        assert_eq!(err(b"\"\xe2\x82\""), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"�\"'");
    }

    #[test]
    fn err_bom() {
        assert_eq!(err(b"\xef\xbbx"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid BOM; must be 0xEF 0xBB 0xBF if given; last read: '�x'");
        assert_eq!(err(b"\xef"), "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid BOM; must be 0xEF 0xBB 0xBF if given; last read: '�'");
        assert_eq!(err(b"\xef\xbb"), "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid BOM; must be 0xEF 0xBB 0xBF if given; last read: '�'");
        assert_eq!(err(b"\xef\xbb\xbftru"), "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid literal; last read: '﻿tru'");
        assert_eq!(err(b"\xef\xbb\xbf"), "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
    }

    #[test]
    fn err_integer_range() {
        assert_eq!(
            err(b"9223372036854775808"),
            "unsigned json number 9223372036854775808 outside of Nix integer range"
        );
        assert_eq!(
            err(b"12345678901234567890"),
            "unsigned json number 12345678901234567890 outside of Nix integer range"
        );
        assert_eq!(
            err(b"18446744073709551615"),
            "unsigned json number 18446744073709551615 outside of Nix integer range"
        );
        assert_eq!(
            err(b"[9223372036854775808"),
            "unsigned json number 9223372036854775808 outside of Nix integer range"
        );
        assert_eq!(
            err(b"[12345678901234567890, tru"),
            "unsigned json number 12345678901234567890 outside of Nix integer range"
        );
    }

    #[test]
    fn err_float_overflow() {
        assert_eq!(
            err(b"1e400"),
            "[json.exception.out_of_range.406] number overflow parsing '1e400'"
        );
        assert_eq!(
            err(b"-1e400"),
            "[json.exception.out_of_range.406] number overflow parsing '-1e400'"
        );
        assert_eq!(
            err(b"2e308"),
            "[json.exception.out_of_range.406] number overflow parsing '2e308'"
        );
        assert_eq!(
            err(b"[1e999, tru"),
            "[json.exception.out_of_range.406] number overflow parsing '1e999'"
        );
        assert_eq!(
            err(b"1.7976931348623159e308"),
            "[json.exception.out_of_range.406] number overflow parsing '1.7976931348623159e308'"
        );
    }

    #[test]
    fn err_null_bytes() {
        assert_eq!(
            err(b"\"\\u0000\""),
            "input string '␀' cannot be represented as Nix string because it contains null bytes"
        );
        assert_eq!(
            err(b"\"a\\u0000b\""),
            "input string 'a␀b' cannot be represented as Nix string because it contains null bytes"
        );
        assert_eq!(
            err(b"{\"\\u0000\":1}"),
            "input string '␀' cannot be represented as Nix string because it contains null bytes"
        );
        assert_eq!(
            err(b"{\"a\\u0000b\":1}"),
            "input string 'a␀b' cannot be represented as Nix string because it contains null bytes"
        );
        assert_eq!(
            err(b"{\"\\u0000\" 1}"),
            "input string '␀' cannot be represented as Nix string because it contains null bytes"
        );
        assert_eq!(err(b"[\"\\u0000"), "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing value - invalid string: missing closing quote; last read: '\"\\u0000'");
    }

    // ---- nesting depth: explicit stack, no recursion ----

    #[test]
    fn deep_arrays() {
        small_stack(|| {
            let n = 100_000;
            let text = format!("{}{}", "[".repeat(n), "]".repeat(n));
            let j = ok(text.as_bytes());
            let mut depth = 0;
            let mut cur = &j;
            while let Json::Array(items) = cur {
                depth += 1;
                match items.first() {
                    Some(x) => cur = x,
                    None => break,
                }
            }
            assert_eq!(depth, n);
            let j2 = ok(text.as_bytes());
            assert_eq!(j, j2);
            let dbg = format!("{:?}", j2);
            assert!(dbg.starts_with("Array([Array([") && dbg.ends_with("])])"));
            j.dispose();
            j2.dispose();
        });
    }

    #[test]
    fn deep_objects() {
        small_stack(|| {
            let n = 100_000;
            let text = format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
            let j = ok(text.as_bytes());
            let mut depth = 0;
            let mut cur = &j;
            while let Json::Object(entries) = cur {
                depth += 1;
                cur = &entries[0].1;
            }
            assert_eq!(depth, n);
            assert_eq!(*cur, Json::Int(1));
            j.dispose();
        });
    }

    #[test]
    fn deep_duplicate_value_is_replaced_without_recursion() {
        small_stack(|| {
            let n = 100_000;
            let text = format!("{{\"a\":{}{},\"a\":1}}", "[".repeat(n), "]".repeat(n));
            assert_eq!(ok(text.as_bytes()), obj(vec![("a", Json::Int(1))]));
        });
    }

    #[test]
    fn dispose_flat_and_nested() {
        ok(b"[1,{\"a\":[2,\"x\"]},null]").dispose();
        Json::Null.dispose();
    }

    #[test]
    fn deep_errors_drop_partial_values() {
        small_stack(|| {
            let n = 100_000;
            // A complete deep value followed by a syntax error: the partial
            // result must be dropped without recursion.
            let text = format!("[{}{},x]", "[".repeat(n), "]".repeat(n));
            assert!(err(text.as_bytes()).starts_with(
                "[json.exception.parse_error.101] parse error at line 1, column 200003: syntax error while parsing value - invalid literal; last read: '"
            ));
            let text = format!("{}x", "[".repeat(n));
            let e = err(text.as_bytes());
            assert!(e.starts_with("[json.exception.parse_error.101] parse error at line 1, column 100001: syntax error while parsing value - invalid literal; last read: '[[[["));
            assert!(e.ends_with("[[x'"));
            let text = "[".repeat(n);
            assert!(err(text.as_bytes()).ends_with("column 100001: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"));
        });
    }

    // ---- write_string / write_string_checked ----

    #[test]
    fn write_quotes_and_backslashes() {
        assert_eq!(written(b"a\"b"), "\"a\\\"b\"");
        assert_eq!(written(b"a\\b"), "\"a\\\\b\"");
        assert_eq!(written(b""), "\"\"");
        assert_eq!(written(b"$"), "\"$\"");
    }

    #[test]
    fn write_slash_is_not_escaped() {
        assert_eq!(written(b"/"), "\"/\"");
        assert_eq!(written(b"a/b</c>"), "\"a/b</c>\"");
    }

    #[test]
    fn write_named_control_escapes() {
        assert_eq!(written(b"\x08\x0c\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
    }

    #[test]
    fn write_other_control_chars_lowercase_hex() {
        assert_eq!(written(b"\x01\x02\x1f"), "\"\\u0001\\u0002\\u001f\"");
        assert_eq!(written(b"\x0b"), "\"\\u000b\"");
        assert_eq!(written(b"\x1b"), "\"\\u001b\"");
        assert_eq!(written(b"\x00"), "\"\\u0000\"");
    }

    #[test]
    fn write_del_and_non_ascii_raw() {
        assert_eq!(written(b"\x7f"), "\"\u{7f}\"");
        assert_eq!(written("é€😀\u{ffff}".as_bytes()), "\"é€😀\u{ffff}\"");
    }

    #[test]
    fn write_checked_valid() {
        assert_eq!(checked("é€😀".as_bytes()), Ok("\"é€😀\"".to_string()));
        assert_eq!(checked(b"\x01"), Ok("\"\\u0001\"".to_string()));
    }

    #[test]
    fn write_checked_invalid_utf8() {
        let p = "JSON serialization error: [json.exception.type_error.316] ";
        assert_eq!(
            checked(b"\xff"),
            Err(format!("{}invalid UTF-8 byte at index 0: 0xFF", p))
        );
        assert_eq!(
            checked(b"\xc3x"),
            Err(format!("{}invalid UTF-8 byte at index 1: 0x78", p))
        );
        assert_eq!(
            checked(b"\xed\xa0\x80"),
            Err(format!("{}invalid UTF-8 byte at index 1: 0xA0", p))
        );
        assert_eq!(
            checked(b"\xc0\x80"),
            Err(format!("{}invalid UTF-8 byte at index 0: 0xC0", p))
        );
        assert_eq!(
            checked(b"\xf4\x90\x80\x80"),
            Err(format!("{}invalid UTF-8 byte at index 1: 0x90", p))
        );
        assert_eq!(
            checked(b"ab\x80cd"),
            Err(format!("{}invalid UTF-8 byte at index 2: 0x80", p))
        );
    }

    #[test]
    fn a_bad_string_reports_what_nlohmann_flushed_before_it() {
        let written = |s: &[u8]| {
            write_string_checked(&mut Vec::new(), s)
                .unwrap_err()
                .written
        };
        assert_eq!(written(b"abc\xc3"), 0, "a short prefix stays in the buffer");
        // The buffer is emptied after a code point that leaves under 13 of 512 bytes free.
        let mut long = vec![b'a'; 600];
        long.push(0xFF);
        assert_eq!(written(&long), 500);
        let mut escaped = b"\t".repeat(300);
        escaped.extend_from_slice(b"\xe2\x82");
        assert_eq!(written(&escaped), 500, "escapes count as written");
        let mut wide = "é".repeat(260).into_bytes();
        wide.push(0x80);
        assert_eq!(written(&wide), 500);
    }

    #[test]
    fn write_checked_incomplete_utf8() {
        let p = "JSON serialization error: [json.exception.type_error.316] ";
        assert_eq!(
            checked(b"a\xc3"),
            Err(format!("{}incomplete UTF-8 string; last byte: 0xC3", p))
        );
        assert_eq!(
            checked(b"\xe2\x82"),
            Err(format!("{}incomplete UTF-8 string; last byte: 0x82", p))
        );
        let mut out = b"keep".to_vec();
        assert!(write_string_checked(&mut out, b"\xf0\x9f\x98").is_err());
        assert_eq!(out, b"keep"); // nothing written on error
    }

    #[test]
    fn write_round_trips_through_parse() {
        let sample: Vec<u8> = (1u8..0x80).chain("é€😀".bytes()).collect();
        let mut out = Vec::new();
        write_string(&mut out, &sample);
        assert_eq!(ok(&out), Json::String(sample));
    }

    #[test]
    fn debug_format() {
        let j = ok(b"{\"k\":[1,2.5,\"x\",null,true]}");
        assert_eq!(
            format!("{:?}", j),
            "Object([(\"k\", Array([Int(1), Float(2.5), String(\"x\"), Null, Bool(true)]))])"
        );
    }
}
