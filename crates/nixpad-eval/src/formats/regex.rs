//! Regular expressions exactly as Nix's `builtins.match` and `builtins.split`
//! evaluate them.
//!
//! Nix compiles every pattern with C++ `std::regex(re, std::regex::extended)`
//! from libstdc++ (POSIX ERE grammar) and runs `std::regex_match` (for
//! `match`) or `std::cregex_iterator` (for `split`).  This module re-implements
//! that engine's observable behaviour, including its quirks, without any
//! external crate, without `unsafe` and without native recursion (the
//! matcher and the parser both keep their stacks on the heap, so they run
//! in a wasm32 browser with a small native stack):
//!
//! * Strings are byte strings; every byte is one character.  Bytes `>= 0x80`
//!   are ordinary characters that belong to no character class (the "C"
//!   locale), and in ranges they compare as *signed* `char`s, so
//!   `[\x80-\xff]` is valid while `[a-\xc3]` is an invalid range.
//! * Syntax: literals, `.` (any byte but NUL), bracket expressions with
//!   ranges, `[^...]`, `]` first in a bracket is literal, `-` first or last is
//!   literal, `[[:class:]]` (`alnum alpha blank cntrl digit graph lower print
//!   punct space upper xdigit`, plus libstdc++'s `d`, `s`, `w`; names are
//!   case-insensitive), `[[.name.]]` collating symbols and `[[=name=]]`
//!   equivalence classes (POSIX names such as `hyphen` or single letters),
//!   anchors `^` `$`, groups, `|` (empty alternatives allowed), and the
//!   quantifiers `* + ? {n} {n,} {n,m}` (which may be stacked: `a**`,
//!   `a+?` = `(a+)?`; there are no lazy quantifiers).
//! * A backslash may only escape one of `. [ \ ( ) * + ? { | ^ $`; anything
//!   else (`\d`, `\s`, `\w`, `\]`, `\}`, `\n`, `\/`, a trailing `\`) is an
//!   invalid pattern, because Nix is built with `__STRICT_ANSI__`.  Inside
//!   brackets a backslash is an ordinary character.  `]` and `}` alone are
//!   ordinary characters; a quantifier after `^`/`$`, at the start of an
//!   alternative, or a stray `)` is an error.
//! * Matching is libstdc++'s depth-first backtracking executor in POSIX
//!   mode: alternatives are explored left first, greedy quantifiers try one
//!   more iteration first, *both* sides of every `|` are always explored, but
//!   a quantifier's "stop here" branch is skipped as soon as its "once more"
//!   branch found any match.  Among all matches found at the leftmost start
//!   the longest wins, and its submatches are those of the first path (in
//!   that order) that reached it.  So `(a|ab)(c|bcd)(d*)` on `abcd` gives
//!   `a`, `bcd`, `""` (not POSIX's leftmost-longest `ab`, `cd`...), and a
//!   group inside a loop keeps its value from an earlier iteration when a
//!   later iteration skips it: `((a)|b)*` on `ab` gives `b`, `a`.
//! * The matcher memoises the outcome of each visited (state, position,
//!   loop-counter context), so it is polynomial where libstdc++ is
//!   exponential (`(a*)*b` on a long run of `a`s), without changing results.
//!
//! Errors: [`Regex::new`] fails exactly where `std::regex` throws.  Nix turns
//! that into the evaluation error
//! `invalid regular expression '<pattern>'`, except when the compiled NFA
//! would exceed libstdc++'s `_GLIBCXX_REGEX_STATE_LIMIT` (100000 states, e.g.
//! `a{100000}`), for which Nix says
//! `memory limit exceeded by regular expression '<pattern>'`.  The `Err`
//! string of [`Regex::new`] starts with `memory limit exceeded` in exactly
//! that case.  Nix 2.26 prints, for `builtins.match "(" "x"`:
//!
//! ```text
//! error:
//!        … while calling the 'match' builtin
//!          at «string»:1:1:
//!             1| builtins.match "(" "x"
//!              | ^
//!
//!        error: invalid regular expression '('
//! ```
//!
//! (A NUL byte in a pattern is rejected too; Nix strings cannot hold one.)

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// libstdc++'s `_GLIBCXX_REGEX_STATE_LIMIT`.
const STATE_LIMIT: usize = 100_000;
/// An absent state link (`_S_invalid_state_id`).
const NONE: u32 = u32::MAX;
/// Prefix of the error for an NFA over [`STATE_LIMIT`].
const SPACE_ERROR: &str = "memory limit exceeded: the NFA has more than 100000 states";

// ---------------------------------------------------------------------------
// NFA

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// Placeholder removed after compilation (`_S_opcode_dummy`).
    Dummy,
    /// `|`: `alt` is the left branch, `next` the right one.
    Alt,
    /// A greedy quantifier: `alt` is "once more", `next` is "stop".
    Repeat(u32),
    SubBegin(u32),
    SubEnd(u32),
    LineBegin,
    LineEnd,
    Char(u8),
    /// `.`: any byte except NUL.
    Any,
    /// A bracket expression, as an index into `Regex::sets`.
    Set(u32),
    Accept,
}

impl Op {
    fn has_alt(self) -> bool {
        matches!(self, Op::Alt | Op::Repeat(_))
    }
}

#[derive(Clone, Copy, Debug)]
struct State {
    op: Op,
    next: u32,
    alt: u32,
}

/// A fragment of the NFA from `start` to `end` (`_StateSeq`).
#[derive(Clone, Copy, Debug)]
struct Seq {
    start: u32,
    end: u32,
}

impl Seq {
    fn one(s: u32) -> Seq {
        Seq { start: s, end: s }
    }
}

// ---------------------------------------------------------------------------
// Scanner (libstdc++ `_Scanner` for `regex_constants::extended`)

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Eof,
    OrdChar,
    AnyChar,
    LineBegin,
    LineEnd,
    Closure0,
    Closure1,
    Opt,
    Or,
    SubexprBegin,
    SubexprEnd,
    BracketBegin,
    BracketNegBegin,
    BracketEnd,
    BracketDash,
    CollSymbol,
    EquivClassName,
    CharClassName,
    IntervalBegin,
    IntervalEnd,
    DupCount,
    Comma,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScanState {
    Normal,
    Bracket,
    Brace,
}

/// Characters special outside brackets in extended syntax, which are also
/// the only ones a backslash may escape.
const SPECIAL: &[u8] = b".[\\()*+?{|^$";

#[derive(Debug)]
enum CompileError {
    Invalid(&'static str),
    Space,
}

type CResult<T> = Result<T, CompileError>;

fn invalid<T>(why: &'static str) -> CResult<T> {
    Err(CompileError::Invalid(why))
}

struct Scanner<'p> {
    p: &'p [u8],
    i: usize,
    state: ScanState,
    at_bracket_start: bool,
    tok: Tok,
    ch: u8,
    value: Vec<u8>,
}

impl<'p> Scanner<'p> {
    fn new(p: &'p [u8]) -> CResult<Scanner<'p>> {
        let mut sc = Scanner {
            p,
            i: 0,
            state: ScanState::Normal,
            at_bracket_start: false,
            tok: Tok::Eof,
            ch: 0,
            value: Vec::new(),
        };
        sc.advance()?;
        Ok(sc)
    }

    fn advance(&mut self) -> CResult<()> {
        if self.i >= self.p.len() {
            self.tok = Tok::Eof;
            return Ok(());
        }
        match self.state {
            ScanState::Normal => self.scan_normal(),
            ScanState::Bracket => self.scan_bracket(),
            ScanState::Brace => self.scan_brace(),
        }
    }

    fn scan_normal(&mut self) -> CResult<()> {
        let c = self.p[self.i];
        self.i += 1;
        if c != 0 && !SPECIAL.contains(&c) {
            self.tok = Tok::OrdChar;
            self.ch = c;
            return Ok(());
        }
        self.tok = match c {
            b'\\' => {
                let Some(&e) = self.p.get(self.i) else {
                    return invalid("trailing backslash");
                };
                if e == 0 || !SPECIAL.contains(&e) {
                    return invalid("invalid escape");
                }
                self.i += 1;
                self.ch = e;
                Tok::OrdChar
            }
            b'(' => Tok::SubexprBegin,
            b')' => Tok::SubexprEnd,
            b'[' => {
                self.state = ScanState::Bracket;
                self.at_bracket_start = true;
                if self.p.get(self.i) == Some(&b'^') {
                    self.i += 1;
                    Tok::BracketNegBegin
                } else {
                    Tok::BracketBegin
                }
            }
            b'{' => {
                self.state = ScanState::Brace;
                Tok::IntervalBegin
            }
            b'^' => Tok::LineBegin,
            b'$' => Tok::LineEnd,
            b'.' => Tok::AnyChar,
            b'*' => Tok::Closure0,
            b'+' => Tok::Closure1,
            b'?' => Tok::Opt,
            b'|' => Tok::Or,
            _ => return invalid("NUL byte in pattern"),
        };
        Ok(())
    }

    fn scan_bracket(&mut self) -> CResult<()> {
        let c = self.p[self.i];
        self.i += 1;
        if c == b'-' {
            self.tok = Tok::BracketDash;
        } else if c == b'[' {
            match self.p.get(self.i) {
                None => return invalid("unterminated bracket expression"),
                Some(&k @ (b'.' | b':' | b'=')) => {
                    self.i += 1;
                    self.eat_class(k)?;
                    self.tok = match k {
                        b'.' => Tok::CollSymbol,
                        b':' => Tok::CharClassName,
                        _ => Tok::EquivClassName,
                    };
                }
                Some(_) => {
                    self.tok = Tok::OrdChar;
                    self.ch = b'[';
                }
            }
        } else if c == b']' && !self.at_bracket_start {
            self.tok = Tok::BracketEnd;
            self.state = ScanState::Normal;
        } else {
            self.tok = Tok::OrdChar;
            self.ch = c;
        }
        self.at_bracket_start = false;
        Ok(())
    }

    /// Reads the name of `[:name:]`, `[.name.]` or `[=name=]` after its
    /// opening delimiter `k`.
    fn eat_class(&mut self, k: u8) -> CResult<()> {
        self.value.clear();
        while self.i < self.p.len() && self.p[self.i] != k {
            self.value.push(self.p[self.i]);
            self.i += 1;
        }
        if self.p.get(self.i) != Some(&k) || self.p.get(self.i + 1) != Some(&b']') {
            return invalid("unterminated character class");
        }
        self.i += 2;
        Ok(())
    }

    fn scan_brace(&mut self) -> CResult<()> {
        let c = self.p[self.i];
        self.i += 1;
        if c.is_ascii_digit() {
            self.value.clear();
            self.value.push(c);
            while self.i < self.p.len() && self.p[self.i].is_ascii_digit() {
                self.value.push(self.p[self.i]);
                self.i += 1;
            }
            self.tok = Tok::DupCount;
        } else if c == b',' {
            self.tok = Tok::Comma;
        } else if c == b'}' {
            self.state = ScanState::Normal;
            self.tok = Tok::IntervalEnd;
        } else {
            return invalid("invalid character in braces");
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Character classes ("C" locale)

/// POSIX collating element names, indexed by the character they name
/// (`regex_traits<char>::lookup_collatename`).
const COLLATE_NAMES: [&str; 128] = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "alert",
    "backspace",
    "tab",
    "newline",
    "vertical-tab",
    "form-feed",
    "carriage-return",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "IS4",
    "IS3",
    "IS2",
    "IS1",
    "space",
    "exclamation-mark",
    "quotation-mark",
    "number-sign",
    "dollar-sign",
    "percent-sign",
    "ampersand",
    "apostrophe",
    "left-parenthesis",
    "right-parenthesis",
    "asterisk",
    "plus-sign",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less-than-sign",
    "equals-sign",
    "greater-than-sign",
    "question-mark",
    "commercial-at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "left-square-bracket",
    "backslash",
    "right-square-bracket",
    "circumflex",
    "underscore",
    "grave-accent",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "left-curly-bracket",
    "vertical-line",
    "right-curly-bracket",
    "tilde",
    "DEL",
];

fn lookup_collate(name: &[u8]) -> Option<u8> {
    COLLATE_NAMES
        .iter()
        .position(|n| n.as_bytes() == name)
        .map(|i| i as u8)
}

/// A character class of the "C" locale as a predicate on bytes.
type ClassFn = fn(u8) -> bool;

fn is_punct(c: u8) -> bool {
    c.is_ascii_punctuation()
}

fn lookup_class(name: &[u8]) -> Option<ClassFn> {
    let lower: Vec<u8> = name.iter().map(|c| c.to_ascii_lowercase()).collect();
    let f: ClassFn = match &lower[..] {
        b"d" | b"digit" => |c| c.is_ascii_digit(),
        b"w" => |c| c.is_ascii_alphanumeric() || c == b'_',
        b"s" | b"space" => |c| matches!(c, b' ' | b'\t'..=b'\r'),
        b"alnum" => |c| c.is_ascii_alphanumeric(),
        b"alpha" => |c| c.is_ascii_alphabetic(),
        b"blank" => |c| c == b' ' || c == b'\t',
        b"cntrl" => |c| c < 0x20 || c == 0x7f,
        b"graph" => |c| (0x21..0x7f).contains(&c),
        b"lower" => |c| c.is_ascii_lowercase(),
        b"print" => |c| (0x20..0x7f).contains(&c),
        b"punct" => is_punct,
        b"upper" => |c| c.is_ascii_uppercase(),
        b"xdigit" => |c| c.is_ascii_hexdigit(),
        _ => return None,
    };
    Some(f)
}

/// The bracket-expression state libstdc++ calls `_BracketState`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    Char(u8),
    Class,
}

#[derive(Default)]
struct Bracket {
    chars: Vec<u8>,
    ranges: Vec<(i8, i8)>,
    classes: Vec<ClassFn>,
    equiv: Vec<u8>,
}

impl Bracket {
    fn make_range(&mut self, l: u8, r: u8) -> CResult<()> {
        // `char` is signed: bytes >= 0x80 sort before ASCII.
        if (l as i8) > (r as i8) {
            return invalid("invalid range in bracket expression");
        }
        self.ranges.push((l as i8, r as i8));
        Ok(())
    }

    fn matches(&self, c: u8) -> bool {
        self.chars.contains(&c)
            || self
                .ranges
                .iter()
                .any(|&(l, r)| l <= c as i8 && c as i8 <= r)
            || self.classes.iter().any(|f| f(c))
            || self.equiv.contains(&c.to_ascii_lowercase())
    }
}

// ---------------------------------------------------------------------------
// Compiler (libstdc++ `_Compiler`, made iterative)

/// One group (or the whole pattern) being parsed.
struct Ctx {
    /// The `SubBegin` state and group number; `None` at top level.
    group: Option<(u32, u32)>,
    /// The alternatives finished so far, joined.
    disj: Option<Seq>,
    /// The terms of the current alternative.
    terms: Vec<Seq>,
}

struct Compiler<'p> {
    sc: Scanner<'p>,
    /// The matched token's character and text (`_M_value`).
    ch: u8,
    value: Vec<u8>,
    states: Vec<State>,
    sets: Vec<[u64; 4]>,
    groups: u32,
}

impl<'p> Compiler<'p> {
    fn insert(&mut self, op: Op, next: u32, alt: u32) -> CResult<u32> {
        self.states.push(State { op, next, alt });
        if self.states.len() > STATE_LIMIT {
            return Err(CompileError::Space);
        }
        Ok((self.states.len() - 1) as u32)
    }

    fn insert_op(&mut self, op: Op) -> CResult<u32> {
        self.insert(op, NONE, NONE)
    }

    fn append(&mut self, seq: &mut Seq, other: Seq) {
        self.states[seq.end as usize].next = other.start;
        seq.end = other.end;
    }

    fn match_tok(&mut self, t: Tok) -> CResult<bool> {
        if self.sc.tok != t {
            return Ok(false);
        }
        self.ch = self.sc.ch;
        std::mem::swap(&mut self.value, &mut self.sc.value);
        self.sc.advance()?;
        Ok(true)
    }

    /// `_M_cur_int_value(10)`, which rejects counts that overflow `int`.
    fn int_value(&self) -> CResult<i64> {
        let mut v: i32 = 0;
        for &d in &self.value {
            match v
                .checked_mul(10)
                .and_then(|v| v.checked_add(i32::from(d - b'0')))
            {
                Some(n) => v = n,
                None => return invalid("repetition count too large"),
            }
        }
        Ok(i64::from(v))
    }

    fn compile(&mut self) -> CResult<u32> {
        let begin0 = self.insert_subexpr_begin()?;
        let mut stack = vec![Ctx {
            group: None,
            disj: None,
            terms: Vec::new(),
        }];
        loop {
            // A term: an assertion, or an atom with its quantifiers.
            let assertion = if self.match_tok(Tok::LineBegin)? {
                Some(Op::LineBegin)
            } else if self.match_tok(Tok::LineEnd)? {
                Some(Op::LineEnd)
            } else {
                None
            };
            if let Some(op) = assertion {
                let s = self.insert_op(op)?;
                top(&mut stack)?.terms.push(Seq::one(s));
                continue;
            }
            let atom = if self.match_tok(Tok::AnyChar)? {
                Some(Seq::one(self.insert_op(Op::Any)?))
            } else if self.match_tok(Tok::OrdChar)? {
                let c = self.ch;
                Some(Seq::one(self.insert_op(Op::Char(c))?))
            } else if self.match_tok(Tok::SubexprBegin)? {
                let g = self.groups;
                let s = self.insert_subexpr_begin()?;
                stack.push(Ctx {
                    group: Some((s, g)),
                    disj: None,
                    terms: Vec::new(),
                });
                continue;
            } else if self.match_tok(Tok::BracketNegBegin)? {
                Some(self.bracket(true)?)
            } else if self.match_tok(Tok::BracketBegin)? {
                Some(self.bracket(false)?)
            } else {
                None
            };
            if let Some(a) = atom {
                let q = self.quantifiers(a)?;
                top(&mut stack)?.terms.push(q);
                continue;
            }

            // No term: the alternative ends with a dummy state.
            let d = self.insert_op(Op::Dummy)?;
            let ctx = top(&mut stack)?;
            let terms = std::mem::take(&mut ctx.terms);
            let prev = ctx.disj.take();
            let mut alt = Seq::one(d);
            for t in terms.into_iter().rev() {
                let mut t = t;
                self.append(&mut t, alt);
                alt = t;
            }
            let disj = match prev {
                None => alt,
                Some(mut lhs) => {
                    let end = self.insert_op(Op::Dummy)?;
                    self.append(&mut lhs, Seq::one(end));
                    self.append(&mut alt, Seq::one(end));
                    let x = self.insert(Op::Alt, alt.start, lhs.start)?;
                    Seq { start: x, end }
                }
            };
            top(&mut stack)?.disj = Some(disj);
            if self.match_tok(Tok::Or)? {
                continue;
            }

            // The disjunction ends: close the group or the pattern.
            let Some(ctx) = stack.pop() else {
                return invalid("internal parser error");
            };
            match ctx.group {
                Some((begin, g)) => {
                    if !self.match_tok(Tok::SubexprEnd)? {
                        return invalid("unmatched '('");
                    }
                    let mut r = Seq::one(begin);
                    self.append(&mut r, disj);
                    let e = self.insert_op(Op::SubEnd(g))?;
                    self.append(&mut r, Seq::one(e));
                    let q = self.quantifiers(r)?;
                    top(&mut stack)?.terms.push(q);
                }
                None => {
                    if !self.match_tok(Tok::Eof)? {
                        return invalid("unmatched ')' or misplaced quantifier");
                    }
                    let mut r = Seq::one(begin0);
                    self.append(&mut r, disj);
                    let e = self.insert_op(Op::SubEnd(0))?;
                    self.append(&mut r, Seq::one(e));
                    let acc = self.insert_op(Op::Accept)?;
                    self.append(&mut r, Seq::one(acc));
                    return Ok(begin0);
                }
            }
        }
    }

    fn insert_subexpr_begin(&mut self) -> CResult<u32> {
        let g = self.groups;
        self.groups += 1;
        self.insert_op(Op::SubBegin(g))
    }

    fn insert_repeat(&mut self, next: u32, alt: u32) -> CResult<u32> {
        // The repeat index is assigned after compilation.
        self.insert(Op::Repeat(0), next, alt)
    }

    /// Applies all quantifiers following an atom (`while (_M_quantifier())`).
    fn quantifiers(&mut self, atom: Seq) -> CResult<Seq> {
        let mut e = atom;
        loop {
            if self.match_tok(Tok::Closure0)? {
                let r = self.insert_repeat(NONE, e.start)?;
                self.append(&mut e, Seq::one(r));
                e = Seq::one(r);
            } else if self.match_tok(Tok::Closure1)? {
                let r = self.insert_repeat(NONE, e.start)?;
                self.append(&mut e, Seq::one(r));
            } else if self.match_tok(Tok::Opt)? {
                let end = self.insert_op(Op::Dummy)?;
                let r = self.insert_repeat(NONE, e.start)?;
                self.append(&mut e, Seq::one(end));
                let mut rs = Seq::one(r);
                self.append(&mut rs, Seq::one(end));
                e = rs;
            } else if self.match_tok(Tok::IntervalBegin)? {
                e = self.interval(e)?;
            } else {
                return Ok(e);
            }
        }
    }

    fn interval(&mut self, r: Seq) -> CResult<Seq> {
        if !self.match_tok(Tok::DupCount)? {
            return invalid("invalid interval");
        }
        let mut e = Seq::one(self.insert_op(Op::Dummy)?);
        let min = self.int_value()?;
        let mut infinite = false;
        let mut n: i64 = 0;
        if self.match_tok(Tok::Comma)? {
            if self.match_tok(Tok::DupCount)? {
                n = self.int_value()? - min;
            } else {
                infinite = true;
            }
        }
        if !self.match_tok(Tok::IntervalEnd)? {
            return invalid("unterminated interval");
        }
        let mut i = 0;
        while i < min {
            let c = self.clone_seq(r)?;
            self.append(&mut e, c);
            i += 1;
        }
        if infinite {
            let mut tmp = self.clone_seq(r)?;
            let s = self.insert_repeat(NONE, tmp.start)?;
            self.append(&mut tmp, Seq::one(s));
            self.append(&mut e, Seq::one(s));
        } else {
            if n < 0 {
                return invalid("invalid range in interval");
            }
            let end = self.insert_op(Op::Dummy)?;
            let mut alts = Vec::new();
            let mut i = 0;
            while i < n {
                let tmp = self.clone_seq(r)?;
                let alt = self.insert_repeat(tmp.start, end)?;
                alts.push(alt);
                self.append(
                    &mut e,
                    Seq {
                        start: alt,
                        end: tmp.end,
                    },
                );
                i += 1;
            }
            self.append(&mut e, Seq::one(end));
            for a in alts {
                let st = &mut self.states[a as usize];
                std::mem::swap(&mut st.next, &mut st.alt);
            }
        }
        Ok(e)
    }

    /// `_StateSeq::_M_clone`, including its copying a state twice when it
    /// is pushed twice before being visited (which matters for the state
    /// count only).
    fn clone_seq(&mut self, seq: Seq) -> CResult<Seq> {
        let mut map: BTreeMap<u32, u32> = BTreeMap::new();
        let mut stack = vec![seq.start];
        while let Some(u) = stack.pop() {
            let dup = self.states[u as usize];
            let id = self.insert(dup.op, dup.next, dup.alt)?;
            map.insert(u, id);
            if dup.op.has_alt() && dup.alt != NONE && !map.contains_key(&dup.alt) {
                stack.push(dup.alt);
            }
            if u == seq.end {
                continue;
            }
            if dup.next != NONE && !map.contains_key(&dup.next) {
                stack.push(dup.next);
            }
        }
        for &v in map.values() {
            let st = self.states[v as usize];
            let next = if st.next == NONE {
                NONE
            } else {
                map.get(&st.next).copied().unwrap_or(st.next)
            };
            let alt = if st.op.has_alt() && st.alt != NONE {
                map.get(&st.alt).copied().unwrap_or(st.alt)
            } else {
                st.alt
            };
            let s = &mut self.states[v as usize];
            s.next = next;
            s.alt = alt;
        }
        let start = map.get(&seq.start).copied().unwrap_or(NONE);
        let end = map.get(&seq.end).copied().unwrap_or(NONE);
        if start == NONE || end == NONE {
            return invalid("internal error while copying a repetition");
        }
        Ok(Seq { start, end })
    }

    /// `_M_insert_bracket_matcher`, after `[` or `[^`.
    fn bracket(&mut self, neg: bool) -> CResult<Seq> {
        let mut m = Bracket::default();
        let mut last = Last::None;
        if self.match_tok(Tok::OrdChar)? {
            last = Last::Char(self.ch);
        } else if self.match_tok(Tok::BracketDash)? {
            last = Last::Char(b'-');
        }
        while self.expression_term(&mut last, &mut m)? {}
        if let Last::Char(c) = last {
            m.chars.push(c);
        }
        let mut bits = [0u64; 4];
        for c in 0..=255u8 {
            if m.matches(c) != neg {
                bits[usize::from(c >> 6)] |= 1u64 << (c & 63);
            }
        }
        let idx = self.sets.len() as u32;
        self.sets.push(bits);
        Ok(Seq::one(self.insert_op(Op::Set(idx))?))
    }

    /// `_M_expression_term`: returns false at the closing `]`.
    fn expression_term(&mut self, last: &mut Last, m: &mut Bracket) -> CResult<bool> {
        fn push_char(last: &mut Last, m: &mut Bracket, c: u8) {
            if let Last::Char(p) = *last {
                m.chars.push(p);
            }
            *last = Last::Char(c);
        }
        fn push_class(last: &mut Last, m: &mut Bracket) {
            if let Last::Char(p) = *last {
                m.chars.push(p);
            }
            *last = Last::Class;
        }
        if self.match_tok(Tok::BracketEnd)? {
            return Ok(false);
        }
        if self.match_tok(Tok::CollSymbol)? {
            let Some(c) = lookup_collate(&self.value) else {
                return invalid("invalid collating element");
            };
            m.chars.push(c);
            push_char(last, m, c);
        } else if self.match_tok(Tok::EquivClassName)? {
            push_class(last, m);
            let Some(c) = lookup_collate(&self.value) else {
                return invalid("invalid equivalence class");
            };
            m.equiv.push(c.to_ascii_lowercase());
        } else if self.match_tok(Tok::CharClassName)? {
            push_class(last, m);
            let Some(f) = lookup_class(&self.value) else {
                return invalid("invalid character class");
            };
            m.classes.push(f);
        } else if self.match_tok(Tok::OrdChar)? {
            push_char(last, m, self.ch);
        } else if self.match_tok(Tok::BracketDash)? {
            if self.match_tok(Tok::BracketEnd)? {
                push_char(last, m, b'-');
                return Ok(false);
            }
            match *last {
                Last::Class => return invalid("invalid start of range"),
                Last::Char(l) => {
                    if self.match_tok(Tok::OrdChar)? {
                        m.make_range(l, self.ch)?;
                    } else if self.match_tok(Tok::BracketDash)? {
                        m.make_range(l, b'-')?;
                    } else {
                        return invalid("invalid end of range");
                    }
                    *last = Last::None;
                }
                Last::None => return invalid("invalid '-' in bracket expression"),
            }
        } else {
            return invalid("unterminated bracket expression");
        }
        Ok(true)
    }
}

/// The innermost context (the top-level one is only popped at the end).
fn top(stack: &mut [Ctx]) -> CResult<&mut Ctx> {
    match stack.last_mut() {
        Some(ctx) => Ok(ctx),
        None => invalid("internal parser error"),
    }
}

// ---------------------------------------------------------------------------
// The compiled form

/// A compiled regular expression.
///
/// Compiled with the grammar and quirks of libstdc++'s
/// `std::regex(pattern, std::regex::extended)`; see the module
/// documentation.
#[derive(Debug)]
pub struct Regex {
    states: Vec<State>,
    sets: Vec<[u64; 4]>,
    /// Whether a state can be reached along more than one edge, making it
    /// worth memoising.
    join: Vec<bool>,
    start: u32,
    /// Capture groups including group 0.
    groups: usize,
    repeats: usize,
    /// The bytes a match can begin with, when every match consumes at least one byte
    /// (`None` when the pattern can match the empty string): a search skips the other
    /// starting positions, where the executor could only fail.
    first_bytes: Option<[u64; 4]>,
    /// The executor's buffers, kept from one search to the next (a `split` searches a
    /// string many times) so that a search allocates nothing once they have grown.
    scratch: std::cell::RefCell<Scratch>,
}

/// The buffers of [`Exec`] that outlive a search (emptied before each).
#[derive(Default)]
struct Scratch {
    best: Vec<Cap>,
    caps: Vec<Cap>,
    rep: Vec<(usize, u8)>,
    active: Vec<Active>,
    frames: Vec<Frame>,
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}

/// Whether byte `c` is in the bitmap `bits`.
fn bit_set(bits: &[u64; 4], c: u8) -> bool {
    (bits[usize::from(c >> 6)] >> (c & 63)) & 1 == 1
}

/// The bytes a match from `start` can consume first: the union over the consuming states
/// reached through zero-width ones (anchors count as zero-width, which can only widen
/// the set); `None` if an accepting state is reached without consuming anything.
fn first_bytes(states: &[State], sets: &[[u64; 4]], start: u32) -> Option<[u64; 4]> {
    let mut bits = [0u64; 4];
    let mut seen = vec![false; states.len()];
    let mut todo = vec![start];
    while let Some(s) = todo.pop() {
        if s == NONE || std::mem::replace(&mut seen[s as usize], true) {
            continue;
        }
        let st = states[s as usize];
        match st.op {
            Op::Accept => return None,
            Op::Char(c) => bits[usize::from(c >> 6)] |= 1 << (c & 63),
            // Any byte but NUL.
            Op::Any => bits = [!1, !0, !0, !0],
            Op::Set(i) => {
                for (b, set) in bits.iter_mut().zip(&sets[i as usize]) {
                    *b |= set;
                }
            }
            Op::Alt | Op::Repeat(_) => todo.extend([st.next, st.alt]),
            Op::Dummy | Op::SubBegin(_) | Op::SubEnd(_) | Op::LineBegin | Op::LineEnd => {
                todo.push(st.next)
            }
        }
    }
    Some(bits)
}

impl Regex {
    /// Compiles `pattern` (a POSIX extended regular expression as
    /// libstdc++ reads it).
    ///
    /// Fails exactly where `std::regex` would throw.  Nix reports such a
    /// pattern as `invalid regular expression '<pattern>'`, except when the
    /// error string returned here starts with `memory limit exceeded` (the
    /// compiled NFA would have more than 100000 states, like `a{100000}`),
    /// which Nix reports as
    /// `memory limit exceeded by regular expression '<pattern>'`.
    pub fn new(pattern: &[u8]) -> Result<Regex, String> {
        let sc = Scanner::new(pattern).map_err(error_text)?;
        let mut c = Compiler {
            sc,
            ch: 0,
            value: Vec::new(),
            states: Vec::new(),
            sets: Vec::new(),
            groups: 0,
        };
        let start = c.compile().map_err(error_text)?;
        Ok(Regex::finish(c.states, c.sets, start, c.groups as usize))
    }

    /// Removes dummy states and keeps only what `start` reaches.
    fn finish(mut states: Vec<State>, sets: Vec<[u64; 4]>, start: u32, groups: usize) -> Regex {
        let n = states.len();
        let skip = |states: &[State], mut s: u32| -> u32 {
            let mut guard = 0;
            while s != NONE && states[s as usize].op == Op::Dummy && guard <= n {
                s = states[s as usize].next;
                guard += 1;
            }
            s
        };
        for i in 0..n {
            let next = skip(&states, states[i].next);
            let alt = if states[i].op.has_alt() {
                skip(&states, states[i].alt)
            } else {
                states[i].alt
            };
            states[i].next = next;
            states[i].alt = alt;
        }
        let start = skip(&states, start);
        // Renumber the reachable states.
        let mut map = vec![NONE; n];
        let mut order = Vec::new();
        let mut todo = vec![start];
        while let Some(s) = todo.pop() {
            if s == NONE || map[s as usize] != NONE {
                continue;
            }
            map[s as usize] = order.len() as u32;
            order.push(s);
            let st = states[s as usize];
            todo.push(st.next);
            if st.op.has_alt() {
                todo.push(st.alt);
            }
        }
        let mut repeats = 0u32;
        let mut out = Vec::with_capacity(order.len());
        for &s in &order {
            let st = states[s as usize];
            let op = match st.op {
                Op::Repeat(_) => {
                    repeats += 1;
                    Op::Repeat(repeats - 1)
                }
                op => op,
            };
            let remap = |t: u32| if t == NONE { NONE } else { map[t as usize] };
            out.push(State {
                op,
                next: remap(st.next),
                alt: if st.op.has_alt() { remap(st.alt) } else { NONE },
            });
        }
        let mut indegree = vec![0u32; out.len()];
        for st in &out {
            for t in [st.next, st.alt] {
                if t != NONE {
                    indegree[t as usize] += 1;
                }
            }
        }
        let start = if start == NONE {
            NONE
        } else {
            map[start as usize]
        };
        Regex {
            first_bytes: if start == NONE {
                None
            } else {
                first_bytes(&out, &sets, start)
            },
            join: indegree.iter().map(|&d| d >= 2).collect(),
            states: out,
            sets,
            start,
            groups,
            repeats: repeats as usize,
            scratch: Default::default(),
        }
    }

    /// Number of capture groups (not counting the whole match).
    pub fn group_count(&self) -> usize {
        self.groups.saturating_sub(1)
    }

    /// Whole-string match as builtins.match: Some(captures for groups
    /// 1..=n, None where a group did not take part) or None.
    ///
    /// This is `std::regex_match`: the match must span all of `s`, and the
    /// captures are those of the first path (alternatives left first,
    /// quantifiers greedy) that reaches the end of `s`.
    pub fn full_match(&self, s: &[u8]) -> Option<Vec<Option<(usize, usize)>>> {
        let mut caps = self.search(s, 0, true)?;
        caps.remove(0);
        Some(caps)
    }

    /// Search from byte offset `start` as builtins.split does: Some(vec
    /// with the whole match at index 0 then groups 1..=n).
    ///
    /// This is `std::regex_search` over `s[start..]` with `^` matching only
    /// when `start == 0` (libstdc++'s `match_prev_avail` is set for every
    /// later search); `$` matches only at `s.len()`.  The match starts at
    /// the leftmost possible position and is the longest of the matches
    /// the (pruned, see the module documentation) search finds there.
    /// Offsets are into `s`.  Returns None when there is no match or
    /// `start > s.len()`.
    ///
    /// `builtins.split re s` is then (as Nix's `std::cregex_iterator`):
    ///
    /// ```text
    /// out = []; from = 0; at = 0
    /// while let Some(m) = find_at(s, at):
    ///     out.push(s[from..m[0].start]); out.push(groups of m, null if None)
    ///     from = m[0].end
    ///     if m[0] is empty: if m[0].end == s.len() { break } else { at = m[0].end + 1 }
    ///     else: at = m[0].end
    /// out.push(s[from..])
    /// ```
    ///
    /// So an empty match is reported, and the next search starts one byte
    /// later, but a match may start right where the previous one ended:
    /// `builtins.split "a*" "bab"` is `[ "" [ ] "b" [ ] "" [ ] "b" [ ] "" ]`
    /// (matches at 0..0, 1..2, 2..2 and 3..3) and `builtins.split "" "ab"`
    /// is `[ "" [ ] "a" [ ] "b" [ ] "" ]`.  With no match at all the result
    /// is `[ s ]`.  (After an empty match libstdc++ first retries for a
    /// non-empty match anchored at the same position, then searches from
    /// the next byte.  The retry is not modelled: a plain search there
    /// already returns the longest match, so the retry could only differ
    /// through the loop-counter pruning of nested empty loops, and no such
    /// case turned up in thousands of random `split` cases checked against
    /// Nix.)
    pub fn find_at(&self, s: &[u8], start: usize) -> Option<Vec<Option<(usize, usize)>>> {
        if start > s.len() {
            return None;
        }
        self.search(s, start, false)
    }

    fn search(&self, s: &[u8], start: usize, exact: bool) -> Option<Vec<Option<(usize, usize)>>> {
        self.search_with(s, start, exact, None)
    }

    /// [`Regex::search`] with memoisation starting after `memo_after`
    /// steps instead of the default budget (for tests).
    fn search_with(
        &self,
        s: &[u8],
        start: usize,
        exact: bool,
        memo_after: Option<u64>,
    ) -> Option<Vec<Option<(usize, usize)>>> {
        if self.start == NONE {
            return None;
        }
        let Scratch {
            mut best,
            mut caps,
            mut rep,
            mut active,
            mut frames,
        } = self.scratch.take();
        best.clear();
        caps.clear();
        caps.resize(self.groups, Cap::default());
        rep.clear();
        rep.resize(self.repeats, (0, 0));
        active.clear();
        frames.clear();
        let mut ex = Exec {
            re: self,
            s,
            exact,
            begin: start,
            prev_avail: start > 0,
            has_sol: false,
            best_end: None,
            best,
            caps,
            rep,
            active,
            frames,
            memo: FxMap::default(),
            memo_ctx: FxMap::default(),
            generation: 0,
            steps: 0,
            // Plain backtracking costs a few steps per byte for ordinary
            // patterns; past this budget memoisation pays for itself.
            memo_after: memo_after
                .unwrap_or(64 + 8 * (s.len() - start + 1) as u64 + 4 * self.states.len() as u64),
        };
        let found = ex.search_from(start);
        self.scratch.replace(Scratch {
            best: ex.best,
            caps: ex.caps,
            rep: ex.rep,
            active: ex.active,
            frames: ex.frames,
        });
        found
    }
}

impl Exec<'_> {
    /// The groups of the first match at `start` or after it (at `start` only if the
    /// search is exact).
    fn search_from(&mut self, start: usize) -> Option<Vec<Option<(usize, usize)>>> {
        let (re, s, exact) = (self.re, self.s, self.exact);
        let mut b = start;
        loop {
            if let Some(first) = &re.first_bytes {
                // No match begins where its first byte cannot be.
                while b < s.len() && !bit_set(first, s[b]) {
                    if exact {
                        return None;
                    }
                    b += 1;
                }
                if b >= s.len() {
                    return None;
                }
            }
            self.begin = b;
            self.prev_avail = start > 0 || b > start;
            self.generation += 1;
            self.has_sol = false;
            self.best_end = None;
            self.run(re.start, b);
            if self.has_sol && self.best_end.is_some() {
                return Some(
                    self.best
                        .iter()
                        .map(|c| {
                            if c.matched && c.first <= c.second {
                                Some((c.first, c.second))
                            } else {
                                None
                            }
                        })
                        .collect(),
                );
            }
            if exact || b >= s.len() {
                return None;
            }
            b += 1;
        }
    }
}

fn error_text(e: CompileError) -> String {
    match e {
        CompileError::Invalid(why) => why.to_string(),
        CompileError::Space => SPACE_ERROR.to_string(),
    }
}

// ---------------------------------------------------------------------------
// Executor (libstdc++ `_Executor` in DFS mode, with an explicit stack and
// memoisation)

#[derive(Clone, Copy, Default, Debug)]
struct Cap {
    first: usize,
    second: usize,
    matched: bool,
}

/// A visited (state, position) together with its loop-counter context: the
/// counters of the repeats last entered at this very position, the only
/// ones that can influence what happens next.  Used when that context is
/// not empty; the common empty case is packed into a `u64`.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    state: u32,
    pos: usize,
    ctx: Vec<(u32, u8)>,
}

/// How a repeat's "once more" branch was entered.
#[derive(Clone, Copy)]
enum RepEntry {
    /// First entry at this position: an `Active` record was pushed.
    Fresh,
    /// Second entry at the same position: the counter was incremented.
    Again,
}

enum Frame {
    Explore(u32, usize),
    /// A repeat's "once more" branch is done: restore its counter, then
    /// take the "stop" branch (`next`) unless a match was found.
    RepeatDone(u32, u32, usize, RepEntry),
    /// An alternative's left branch is done: run the right one.
    AltRhs(u32, usize),
    MergeSol(bool),
    RestoreFirst(u32, usize),
    RestoreEnd(u32, usize, bool),
    Memo(u64),
    MemoCtx(Box<Key>),
}

/// An active entry of a repeat's "once more" branch (`_M_rep_count`).
struct Active {
    rep: u32,
    pos: usize,
    saved: (usize, u8),
}

/// A small fast hasher for the memo tables (FxHash).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// One `regex_match` / `regex_search` run.
///
/// This is libstdc++'s `_Executor::_M_dfs` for POSIX syntax with the
/// recursion turned into `frames`.  `has_sol` plays the role of
/// `_M_has_sol`: it is false whenever a state is entered, and when the
/// frames of a state's subtree are done it tells whether that subtree
/// reached an accepting state.
struct Exec<'a> {
    re: &'a Regex,
    s: &'a [u8],
    exact: bool,
    begin: usize,
    prev_avail: bool,
    has_sol: bool,
    best_end: Option<usize>,
    best: Vec<Cap>,
    caps: Vec<Cap>,
    /// Per repeat: position and count of its innermost active entry.
    rep: Vec<(usize, u8)>,
    /// Active repeat entries, innermost last (positions never decrease).
    active: Vec<Active>,
    frames: Vec<Frame>,
    /// Outcome of explored (state, position) pairs with an empty context,
    /// with the generation (start position) that explored them.  A success
    /// is reused only within its generation (a re-run could only find
    /// matches no longer than the best one already recorded); a failure
    /// holds for every later start too.
    memo: FxMap<u64, (bool, u32)>,
    memo_ctx: FxMap<Key, (bool, u32)>,
    generation: u32,
    steps: u64,
    memo_after: u64,
}

impl<'a> Exec<'a> {
    fn run(&mut self, start: u32, pos: usize) {
        self.frames.push(Frame::Explore(start, pos));
        while let Some(f) = self.frames.pop() {
            match f {
                Frame::Explore(s, pos) => self.explore(s, pos),
                Frame::RepeatDone(r, next, pos, entry) => {
                    match entry {
                        RepEntry::Fresh => {
                            if let Some(a) = self.active.pop() {
                                self.rep[a.rep as usize] = a.saved;
                            }
                        }
                        RepEntry::Again => {
                            let c = &mut self.rep[r as usize].1;
                            *c = c.saturating_sub(1);
                        }
                    }
                    if !self.has_sol {
                        self.frames.push(Frame::Explore(next, pos));
                    }
                }
                Frame::AltRhs(next, pos) => {
                    self.frames.push(Frame::MergeSol(self.has_sol));
                    self.frames.push(Frame::Explore(next, pos));
                    self.has_sol = false;
                }
                Frame::MergeSol(b) => self.has_sol |= b,
                Frame::RestoreFirst(k, v) => self.caps[k as usize].first = v,
                Frame::RestoreEnd(k, v, m) => {
                    let c = &mut self.caps[k as usize];
                    c.second = v;
                    c.matched = m;
                }
                Frame::Memo(k) => {
                    self.memo.insert(k, (self.has_sol, self.generation));
                }
                Frame::MemoCtx(k) => {
                    self.memo_ctx.insert(*k, (self.has_sol, self.generation));
                }
            }
        }
    }

    /// Looks `(s, pos)` up in the memo tables.  Returns true if its outcome
    /// is known (and sets `has_sol` to it); otherwise arranges for the
    /// outcome to be recorded once its subtree is done.
    fn memoised(&mut self, s: u32, pos: usize) -> bool {
        let usable = |known: Option<&(bool, u32)>, generation: u32| match known {
            Some(&(sol, g)) if !sol || g == generation => Some(sol),
            _ => None,
        };
        let mut ctx = Vec::new();
        for a in self.active.iter().rev() {
            if a.pos != pos {
                break;
            }
            ctx.push((a.rep, self.rep[a.rep as usize].1));
        }
        if ctx.is_empty() {
            let key = (u64::from(s) << 44) | pos as u64;
            if let Some(sol) = usable(self.memo.get(&key), self.generation) {
                self.has_sol = sol;
                return true;
            }
            self.frames.push(Frame::Memo(key));
        } else {
            crate::sort::sort_by(&mut ctx, Ord::cmp);
            let key = Key { state: s, pos, ctx };
            if let Some(sol) = usable(self.memo_ctx.get(&key), self.generation) {
                self.has_sol = sol;
                return true;
            }
            self.frames.push(Frame::MemoCtx(Box::new(key)));
        }
        false
    }

    fn explore(&mut self, s: u32, pos: usize) {
        let Some(&st) = self.re.states.get(s as usize) else {
            return;
        };
        self.steps += 1;
        if self.steps > self.memo_after && self.re.join[s as usize] && self.memoised(s, pos) {
            return;
        }
        let text = self.s;
        match st.op {
            Op::Dummy => self.frames.push(Frame::Explore(st.next, pos)),
            Op::Char(c) => {
                if text.get(pos) == Some(&c) {
                    self.frames.push(Frame::Explore(st.next, pos + 1));
                }
            }
            Op::Any => {
                if matches!(text.get(pos), Some(&c) if c != 0) {
                    self.frames.push(Frame::Explore(st.next, pos + 1));
                }
            }
            Op::Set(i) => {
                if let Some(&c) = text.get(pos) {
                    if bit_set(&self.re.sets[i as usize], c) {
                        self.frames.push(Frame::Explore(st.next, pos + 1));
                    }
                }
            }
            Op::SubBegin(k) => {
                let c = &mut self.caps[k as usize];
                self.frames.push(Frame::RestoreFirst(k, c.first));
                c.first = pos;
                self.frames.push(Frame::Explore(st.next, pos));
            }
            Op::SubEnd(k) => {
                let c = &mut self.caps[k as usize];
                self.frames.push(Frame::RestoreEnd(k, c.second, c.matched));
                c.second = pos;
                c.matched = true;
                self.frames.push(Frame::Explore(st.next, pos));
            }
            Op::LineBegin => {
                if pos == self.begin && !self.prev_avail {
                    self.frames.push(Frame::Explore(st.next, pos));
                }
            }
            Op::LineEnd => {
                if pos == text.len() {
                    self.frames.push(Frame::Explore(st.next, pos));
                }
            }
            Op::Alt => {
                self.frames.push(Frame::AltRhs(st.next, pos));
                self.frames.push(Frame::Explore(st.alt, pos));
            }
            Op::Repeat(r) => {
                // `_M_rep_once_more`: enter the body at most twice in a row
                // at the same position.
                let (p, count) = self.rep[r as usize];
                if count == 0 || p != pos {
                    self.active.push(Active {
                        rep: r,
                        pos,
                        saved: (p, count),
                    });
                    self.rep[r as usize] = (pos, 1);
                    self.frames
                        .push(Frame::RepeatDone(r, st.next, pos, RepEntry::Fresh));
                    self.frames.push(Frame::Explore(st.alt, pos));
                } else if count < 2 {
                    self.rep[r as usize].1 += 1;
                    self.frames
                        .push(Frame::RepeatDone(r, st.next, pos, RepEntry::Again));
                    self.frames.push(Frame::Explore(st.alt, pos));
                } else {
                    self.frames.push(Frame::Explore(st.next, pos));
                }
            }
            Op::Accept => {
                let sol = !self.exact || pos == text.len();
                self.has_sol = sol;
                if sol && self.best_end.is_none_or(|b| b < pos) {
                    self.best_end = Some(pos);
                    self.best.clone_from(&self.caps);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug)]
    enum K {
        M,
        S,
    }
    use K::{M, S};

    /// Renders bytes as a JSON string the way Python's `json.dumps` does
    /// for the latin-1 reading of the bytes.
    fn js(b: &[u8]) -> String {
        let mut o = String::from("\"");
        for &c in b {
            match c {
                b'"' => o.push_str("\\\""),
                b'\\' => o.push_str("\\\\"),
                b'\n' => o.push_str("\\n"),
                b'\r' => o.push_str("\\r"),
                b'\t' => o.push_str("\\t"),
                8 => o.push_str("\\b"),
                12 => o.push_str("\\f"),
                c if !(0x20..0x80).contains(&c) => o.push_str(&format!("\\u{:04x}", c)),
                c => o.push(c as char),
            }
        }
        o.push('"');
        o
    }

    fn groups(s: &[u8], g: &[Option<(usize, usize)>]) -> String {
        let v: Vec<String> = g
            .iter()
            .map(|x| match x {
                Some((a, b)) => js(&s[*a..*b]),
                None => "null".into(),
            })
            .collect();
        format!("[{}]", v.join(","))
    }

    /// `builtins.split`, looping over `find_at` as its documentation says.
    fn split(re: &Regex, s: &[u8]) -> String {
        let mut out: Vec<String> = Vec::new();
        let (mut from, mut at) = (0, 0);
        while let Some(m) = re.find_at(s, at) {
            let (a, b) = m[0].expect("whole match");
            out.push(js(&s[from..a]));
            out.push(groups(s, &m[1..]));
            from = b;
            if a == b {
                if b == s.len() {
                    break;
                }
                at = b + 1;
            } else {
                at = b;
            }
        }
        out.push(js(&s[from..]));
        format!("[{}]", out.join(","))
    }

    fn run(kind: K, p: &[u8], s: &[u8]) -> String {
        let re = match Regex::new(p) {
            Ok(re) => re,
            Err(e) if e.starts_with("memory limit exceeded") => return "error:memory".into(),
            Err(_) => return "error:invalid".into(),
        };
        match kind {
            M => match re.full_match(s) {
                None => "null".into(),
                Some(g) => {
                    assert_eq!(g.len(), re.group_count());
                    groups(s, &g)
                }
            },
            S => split(&re, s),
        }
    }

    /// `(kind, pattern, string, result)`: the results are those of real Nix
    /// 2.26.3 (`builtins.match` / `builtins.split`, printed as JSON;
    /// `error:invalid` is "invalid regular expression", `error:memory` is
    /// "memory limit exceeded by regular expression").
    const CASES: &[(K, &[u8], &[u8], &str)] = &[
        (M, b"(a|ab)(c|bcd)(d*)", b"abcd", r#"["a","bcd",""]"#),
        (
            S,
            b"(a|ab)(c|bcd)(d*)",
            b"xabcdx",
            r#"["x",["a","bcd",""],"x"]"#,
        ),
        (M, b"(a*)(ab)*b", b"ab", r#"["a",null]"#),
        (M, b"(a|ab)(bc|c)?", b"abc", r#"["a","bc"]"#),
        (S, b"(a|ab)(bc|c)?", b"abc", r#"["",["a","bc"],""]"#),
        (M, b"(a*)(a*)", b"aaa", r#"["aaa",""]"#),
        (M, b"(a*)+", b"aa", r#"[""]"#),
        (M, b"(a|aa)*", b"aaa", r#"["a"]"#),
        (M, b"(aa|a)*", b"aaa", r#"["a"]"#),
        (M, b"((a)|b)*", b"ab", r#"["b","a"]"#),
        (M, b"((a)|(b))*", b"ab", r#"["b","a","b"]"#),
        (M, b"(a*)*", b"b", r#"null"#),
        (M, b"(a*)*", b"", r#"[""]"#),
        (M, b"(a|)*", b"aa", r#"[""]"#),
        (
            S,
            b"a?(ab)?",
            b"ab",
            r#"["",[null],"",[null],"b",[null],""]"#,
        ),
        (M, b"a?(ab)?", b"ab", r#"["ab"]"#),
        (S, b"(a|ab)", b"ab", r#"["",["ab"],""]"#),
        (S, b"(ab|a)(bc)?", b"abc", r#"["",["a","bc"],""]"#),
        (
            S,
            b"x*(xy)?",
            b"xy",
            r#"["",[null],"",[null],"y",[null],""]"#,
        ),
        (M, b"(.*)-(.*)", b"a-b-c", r#"["a-b","c"]"#),
        (M, b"(.*?)", b"ab", r#"["ab"]"#),
        (
            M,
            b"([^-]*)-([0-9].*)",
            b"hello-1.2.3",
            r#"["hello","1.2.3"]"#,
        ),
        (
            M,
            b"(.*)\\.tar\\.(gz|bz2|xz)",
            b"foo-1.0.tar.xz",
            r#"["foo-1.0","xz"]"#,
        ),
        (M, b"([a-z]+)([0-9]*)", b"abc123", r#"["abc","123"]"#),
        (M, b"(a)|(b)", b"b", r#"[null,"b"]"#),
        (M, b"(a)?b", b"b", r#"[null]"#),
        (M, b"(a)*b", b"b", r#"[null]"#),
        (M, b"(a(b)?)+", b"aba", r#"["a","b"]"#),
        (M, b"()", b"", r#"[""]"#),
        (M, b"(|a)", b"a", r#"["a"]"#),
        (M, b"^a$", b"a", r#"[]"#),
        (M, b"a^b", b"ab", r#"null"#),
        (M, b"a$b", b"ab", r#"null"#),
        (S, b"^a", b"aaa", r#"["",[],"aa"]"#),
        (S, b"a$", b"aaa", r#"["aa",[],""]"#),
        (S, b"^", b"ab", r#"["",[],"ab"]"#),
        (S, b"$", b"ab", r#"["ab",[],""]"#),
        (S, b"^|b", b"ab", r#"["",[],"a",[],""]"#),
        (S, b"(^a)|b", b"aab", r#"["",["a"],"a",[null],""]"#),
        (M, b"(^a)", b"a", r#"["a"]"#),
        (S, b"a*", b"bab", r#"["",[],"b",[],"",[],"b",[],""]"#),
        (S, b"", b"ab", r#"["",[],"a",[],"b",[],""]"#),
        (S, b"", b"", r#"["",[],""]"#),
        (S, b"b", b"abcbd", r#"["a",[],"c",[],"d"]"#),
        (
            S,
            b"(b)|(c)",
            b"abcbd",
            r#"["a",["b",null],"",[null,"c"],"",["b",null],"d"]"#,
        ),
        (S, b"x", b"abc", r#"["abc"]"#),
        (S, b"[[:space:]]+", b" a  b ", r#"["",[],"a",[],"b",[],""]"#),
        (
            S,
            b"(,)",
            b",a,,b,",
            r#"["",[","],"a",[","],"",[","],"b",[","],""]"#,
        ),
        (S, b"a|", b"bab", r#"["",[],"b",[],"",[],"b",[],""]"#),
        (S, b"|a", b"bab", r#"["",[],"b",[],"",[],"b",[],""]"#),
        (S, b"a?", b"aab", r#"["",[],"",[],"",[],"b",[],""]"#),
        (
            S,
            b"(a)*",
            b"baab",
            r#"["",[null],"b",["a"],"",[null],"b",[null],""]"#,
        ),
        (
            S,
            b"([0-9]+)\\.",
            b"1.22.333",
            r#"["",["1"],"",["22"],"333"]"#,
        ),
        (S, b".*", b"", r#"["",[],""]"#),
        (S, b".*", b"ab", r#"["",[],"",[],""]"#),
        (S, b"b*$", b"abb", r#"["a",[],"",[],""]"#),
        (M, b"[[:alpha:]]+", b"abcZ", r#"[]"#),
        (M, b"[[:digit:]]+", b"0129", r#"[]"#),
        (M, b"[[:alnum:]]+", b"a1Z9", r#"[]"#),
        (M, b"[[:upper:]]+", b"ABZ", r#"[]"#),
        (M, b"[[:lower:]]+", b"abz", r#"[]"#),
        (M, b"[[:space:]]+", b" \t\n\r\x0b\x0c", r#"[]"#),
        (M, b"[[:blank:]]+", b" \t", r#"[]"#),
        (M, b"[[:blank:]]", b"\n", r#"null"#),
        (M, b"[[:punct:]]+", b"!/:@[`{~", r#"[]"#),
        (M, b"[[:punct:]]", b"a", r#"null"#),
        (M, b"[[:xdigit:]]+", b"09afAF", r#"[]"#),
        (M, b"[[:xdigit:]]", b"g", r#"null"#),
        (M, b"[[:cntrl:]]+", b"\x01\x1f\x7f", r#"[]"#),
        (M, b"[[:print:]]+", b" a~", r#"[]"#),
        (M, b"[[:print:]]", b"\x7f", r#"null"#),
        (M, b"[[:graph:]]+", b"!a~", r#"[]"#),
        (M, b"[[:graph:]]", b" ", r#"null"#),
        (M, b"[[:w:]]+", b"a_1", r#"[]"#),
        (M, b"[[:d:]]+", b"42", r#"[]"#),
        (M, b"[[:s:]]+", b" \t", r#"[]"#),
        (M, b"[[:ALPHA:]]+", b"ab", r#"[]"#),
        (M, b"[^[:alpha:]]+", b"1 2", r#"[]"#),
        (M, b"[]a]+", b"]a]", r#"[]"#),
        (M, b"[^]a]+", b"bcd", r#"[]"#),
        (M, b"[a-]+", b"a-a", r#"[]"#),
        (M, b"[-a]+", b"a-a", r#"[]"#),
        (M, b"[--/]+", b"-./", r#"[]"#),
        (M, b"[a-c-]+", b"b-", r#"[]"#),
        (M, b"[\\]+", b"\\\\", r#"[]"#),
        (M, b"[\\n]+", b"\\n", r#"[]"#),
        (M, b"[a\\]]+", b"a]", r#"[]"#),
        (M, b"[.]", b".", r#"[]"#),
        (M, b"[.]", b"a", r#"null"#),
        (M, b"[*+?{}()|^$]+", b"*+?{}()|$", r#"[]"#),
        (M, b"[[.hyphen.]]", b"-", r#"[]"#),
        (M, b"[[.a.]-c]+", b"abc", r#"[]"#),
        (M, b"[[=a=]]+", b"aA", r#"[]"#),
        (M, b"[[:alpha:][:digit:]]+", b"a1", r#"[]"#),
        (M, b"[[]+", b"[[", r#"[]"#),
        (M, b"[a[]+", b"a[", r#"[]"#),
        (M, b"a{2,3}", b"aaa", r#"[]"#),
        (M, b"a{2,3}", b"aaaa", r#"null"#),
        (M, b"(a){2,3}", b"aaa", r#"["a"]"#),
        (M, b"(a|b){2,}", b"abab", r#"["b"]"#),
        (M, b"a{0}b", b"b", r#"[]"#),
        (M, b"a{0,0}b", b"b", r#"[]"#),
        (M, b"(a){0}b", b"b", r#"[null]"#),
        (M, b"a{00002}", b"aa", r#"[]"#),
        (M, b"a**", b"aa", r#"[]"#),
        (M, b"a+?", b"aa", r#"[]"#),
        (M, b"(a+)?", b"aa", r#"["aa"]"#),
        (M, b"a{1}{2}", b"aa", r#"[]"#),
        (M, b"x*{2}", b"xx", r#"[]"#),
        (M, b"(ab|a){1,2}(b*)", b"abb", r#"["ab","b"]"#),
        (M, b"(a?){3}", b"aa", r#"[""]"#),
        (M, b"(a|b)*c", b"ababc", r#"["b"]"#),
        (M, b"a+", b"", r#"null"#),
        (M, b"\\.", b".", r#"[]"#),
        (M, b"\\.", b"a", r#"null"#),
        (M, b"a.c", b"a\nc", r#"[]"#),
        (
            M,
            b"\\(\\)\\[\\*\\+\\?\\{\\|\\^\\$\\\\",
            b"()[*+?{|^$\\",
            r#"[]"#,
        ),
        (M, b"]", b"]", r#"[]"#),
        (M, b"}", b"}", r#"[]"#),
        (M, b"a}", b"a}", r#"[]"#),
        (M, b"a||b", b"b", r#"[]"#),
        (M, b"|", b"", r#"[]"#),
        (M, b"a{", b"a", r#"error:invalid"#),
        (M, b"(", b"x", r#"error:invalid"#),
        (M, b")", b")", r#"error:invalid"#),
        (M, b"a)", b"a)", r#"error:invalid"#),
        (M, b"\\d", b"d", r#"error:invalid"#),
        (M, b"\\s", b" ", r#"error:invalid"#),
        (M, b"\\w", b"w", r#"error:invalid"#),
        (M, b"\\]", b"]", r#"error:invalid"#),
        (M, b"\\}", b"}", r#"error:invalid"#),
        (M, b"\\n", b"n", r#"error:invalid"#),
        (M, b"\\/", b"/", r#"error:invalid"#),
        (M, b"a\\", b"a", r#"error:invalid"#),
        (M, b"*a", b"a", r#"error:invalid"#),
        (M, b"a|*b", b"a", r#"error:invalid"#),
        (M, b"(*a)", b"a", r#"error:invalid"#),
        (M, b"^*", b"a", r#"error:invalid"#),
        (M, b"a{1", b"a", r#"error:invalid"#),
        (M, b"a{,3}", b"aaa", r#"error:invalid"#),
        (M, b"a{3,2}", b"aaa", r#"error:invalid"#),
        (M, b"a{1a}", b"a", r#"error:invalid"#),
        (M, b"a{2147483648}", b"", r#"error:invalid"#),
        (M, b"[a", b"a", r#"error:invalid"#),
        (M, b"[]", b"a", r#"error:invalid"#),
        (M, b"[[:foo:]]", b"a", r#"error:invalid"#),
        (M, b"[[:alpha:]", b"a", r#"error:invalid"#),
        (M, b"[[:alpha:]-z]", b"a", r#"error:invalid"#),
        (M, b"[a-c-e]", b"a", r#"error:invalid"#),
        (M, b"[z-a]", b"a", r#"error:invalid"#),
        (M, b"[[.foo.]]", b"a", r#"error:invalid"#),
        (M, b"[[=foo=]]", b"a", r#"error:invalid"#),
        (M, b"[--]", b"-", r#"[]"#),
        (M, b"([^/]*)/?(.*)", b"foo/bar/baz", r#"["foo","bar/baz"]"#),
        (S, b"(\\.|-)", b"1.2-3", r#"["1",["."],"2",["-"],"3"]"#),
        (
            M,
            b"[[:space:]]*([^[:space:]].*[^[:space:]])[[:space:]]*",
            b"  hello world  ",
            r#"["hello world"]"#,
        ),
        (M, b"(.*)-([^-]*)", b"foo-bar-1.0", r#"["foo-bar","1.0"]"#),
        (S, b"[[:space:]]+", b"a b  c", r#"["a",[],"b",[],"c"]"#),
        (M, b"[a-zA-Z0-9_.+-]+", b"foo_1.2+x-y", r#"[]"#),
        (M, b".*\\.nix", b"default.nix", r#"[]"#),
        (
            M,
            b"([0-9]+)\\.([0-9]+)\\.?([0-9]*)",
            b"1.2",
            r#"["1","2",""]"#,
        ),
        (M, b"[]\\[^$.*+?(){}|-]+", b"][^$.*+?(){}|-\\", r#"[]"#),
        (S, b"(a)|b", b"xaybz", r#"["x",["a"],"y",[null],"z"]"#),
        (M, b"([^=]+)=(.*)", b"key=val=ue", r#"["key","val=ue"]"#),
        (M, b"(/[^/]+)+", b"/nix/store/abc", r#"["/abc"]"#),
        (S, b"\n", b"l1\nl2\n", r#"["l1",[],"l2",[],""]"#),
        (M, b"#.*|[[:space:]]*", b"# comment", r#"[]"#),
        (
            M,
            b"(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?",
            b"1.20.3-rc.1",
            r#"["1","20","3","-rc.1"]"#,
        ),
        (M, b"a{100000}", b"a", r#"error:memory"#),
        (M, b"a{99993}", b"", r#"null"#),
        (M, b"a{99994}", b"", r#"error:memory"#),
        (M, b"(a{1000}){100}", b"", r#"error:memory"#),
    ];

    #[test]
    fn agrees_with_nix() {
        for &(kind, p, s, want) in CASES {
            assert_eq!(
                run(kind, p, s),
                want,
                "{kind:?} {:?} {:?}",
                String::from_utf8_lossy(p),
                String::from_utf8_lossy(s)
            );
        }
    }

    #[test]
    fn memoisation_does_not_change_results() {
        for &(_, p, s, _) in CASES {
            let Ok(re) = Regex::new(p) else { continue };
            assert_eq!(
                re.search_with(s, 0, true, Some(0)),
                re.search_with(s, 0, true, None),
                "{:?}",
                String::from_utf8_lossy(p)
            );
            for start in 0..=s.len() {
                assert_eq!(
                    re.search_with(s, start, false, Some(0)),
                    re.search_with(s, start, false, None),
                    "{:?} from {start}",
                    String::from_utf8_lossy(p)
                );
            }
        }
    }

    #[test]
    fn high_bytes_are_plain_characters() {
        // Checked against Nix: no class contains bytes >= 0x80, `.` takes
        // one byte, ranges compare bytes as signed chars.
        let e = "\u{e9}".as_bytes();
        for class in ["alpha", "print", "punct", "cntrl", "graph", "alnum"] {
            let re = Regex::new(format!("[[:{class}:]]+").as_bytes()).unwrap();
            assert_eq!(re.full_match(e), None, "{class}");
        }
        assert_eq!(
            Regex::new(b"[\x80-\xff]+").unwrap().full_match(e),
            Some(vec![])
        );
        assert_eq!(Regex::new(b"..").unwrap().full_match(e), Some(vec![]));
        assert_eq!(
            Regex::new(b"(.)(.)").unwrap().full_match(e),
            Some(vec![Some((0, 1)), Some((1, 2))])
        );
        assert_eq!(Regex::new(b"[^a]+").unwrap().full_match(e), Some(vec![]));
        assert!(Regex::new(b"[a-\xc3]").is_err());
        assert_eq!(
            Regex::new(b"\xc3\xa9+")
                .unwrap()
                .full_match(b"\xc3\xa9\xa9"),
            Some(vec![])
        );
    }

    #[test]
    fn error_texts() {
        let e = Regex::new(b"a{100000}").unwrap_err();
        assert!(e.starts_with("memory limit exceeded"), "{e}");
        for p in [&b"("[..], b"\\d", b"[z-a]", b"a\\", b"\0"] {
            let e = Regex::new(p).unwrap_err();
            assert!(!e.starts_with("memory limit exceeded"), "{e}");
        }
    }

    #[test]
    fn find_at_offsets() {
        let re = Regex::new(b"(b+)").unwrap();
        assert_eq!(re.group_count(), 1);
        let s = b"abbcb";
        assert_eq!(re.find_at(s, 0), Some(vec![Some((1, 3)), Some((1, 3))]));
        assert_eq!(re.find_at(s, 2), Some(vec![Some((2, 3)), Some((2, 3))]));
        assert_eq!(re.find_at(s, 3), Some(vec![Some((4, 5)), Some((4, 5))]));
        assert_eq!(re.find_at(s, 5), None);
        assert_eq!(re.find_at(s, 6), None);
        // `^` only matches at offset 0.
        let re = Regex::new(b"^a").unwrap();
        assert_eq!(re.find_at(b"aa", 0), Some(vec![Some((0, 1))]));
        assert_eq!(re.find_at(b"aa", 1), None);
        // `$` only at the very end.
        let re = Regex::new(b"a$").unwrap();
        assert_eq!(re.find_at(b"aa", 0), Some(vec![Some((1, 2))]));
        assert_eq!(Regex::new(b"").unwrap().group_count(), 0);
        assert_eq!(Regex::new(b"((a)(b))|(c)").unwrap().group_count(), 4);
    }

    #[test]
    fn a_pattern_searched_again_finds_what_a_new_one_finds() {
        // The executor's buffers are kept from one search to the next: a search that
        // failed deep in repeats and groups must leave nothing that changes the next.
        let patterns: [&[u8]; 5] = [
            b"((a|b)*c)+d",
            b"(x{2,3})*y",
            b"([[:alpha:]]+)([0-9]*)",
            b"(a|ab)(c|bcd)(d*)",
            b"()|z",
        ];
        let texts: [&[u8]; 6] = [
            b"ababcabcd",
            b"xxxxxy",
            b"abc123 de4",
            b"abcd",
            b"zz",
            b"aab",
        ];
        for pattern in patterns {
            let reused = Regex::new(pattern).unwrap();
            for _ in 0..2 {
                assert_same_searches(pattern, &texts, &reused, || Regex::new(pattern).unwrap());
            }
        }
    }

    /// Asserts that `searched` finds what a pattern made by `other` (anew for each search)
    /// finds, from every start in every text, and matches the same texts whole.
    fn assert_same_searches(
        pattern: &[u8],
        texts: &[&[u8]],
        searched: &Regex,
        other: impl Fn() -> Regex,
    ) {
        for text in texts {
            for start in 0..=text.len() + 1 {
                assert_eq!(
                    searched.find_at(text, start),
                    other().find_at(text, start),
                    "{:?} in {:?} from {start}",
                    String::from_utf8_lossy(pattern),
                    String::from_utf8_lossy(text),
                );
            }
            assert_eq!(searched.full_match(text), other().full_match(text));
        }
    }

    #[test]
    fn skipping_impossible_starts_finds_the_same_matches() {
        let patterns: [&[u8]; 12] = [
            b",",
            b"[.-]",
            b"(a|b)c",
            b"x*y",
            b"^ab",
            b"b$",
            b"(^a|c)d?",
            b"[^a]+",
            b"a|",
            b"(a*)",
            b".b",
            b"([[:digit:]]+)\\.",
        ];
        let texts: [&[u8]; 7] = [
            b"",
            b"a",
            b"ab,c",
            b"1.2-3",
            b"cabbd",
            b"xxy ab bb",
            b"12.3.",
        ];
        for pattern in patterns {
            let filtered = Regex::new(pattern).unwrap();
            let plain = || {
                let mut plain = Regex::new(pattern).unwrap();
                plain.first_bytes = None;
                plain
            };
            assert_same_searches(pattern, &texts, &filtered, plain);
        }
        // Patterns that can match nothing have no first bytes to skip by.
        assert!(Regex::new(b"a|").unwrap().first_bytes.is_none());
        assert!(Regex::new(b"(^a|c)d?").unwrap().first_bytes.is_some());
    }

    #[test]
    fn pathological_patterns_stay_fast() {
        let a30 = [b'a'; 30];
        let re = Regex::new(b"(a*)*b").unwrap();
        assert_eq!(re.full_match(&a30), None);
        assert_eq!(re.find_at(&a30, 0), None);
        let mut ab = a30.to_vec();
        ab.push(b'b');
        assert_eq!(re.full_match(&ab), Some(vec![Some((30, 30))]));
        let a2000 = vec![b'a'; 2000];
        assert_eq!(re.find_at(&a2000, 0), None);
        let re = Regex::new(b"(x+x+)+y").unwrap();
        assert_eq!(re.find_at(&[b'x'; 200], 0), None);
        let re = Regex::new(b"((a|aa)*)*c").unwrap();
        assert_eq!(re.full_match(&[b'a'; 100]), None);
    }

    #[test]
    fn long_inputs_use_no_native_stack() {
        // Run with a small native stack, as in a browser.
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(long_inputs)
            .unwrap()
            .join()
            .unwrap();
    }

    fn long_inputs() {
        let big = vec![b'q'; 200_000];
        let re = Regex::new(b"(.*)").unwrap();
        assert_eq!(re.full_match(&big), Some(vec![Some((0, big.len()))]));
        let re = Regex::new(b"(q|r)*").unwrap();
        assert_eq!(
            re.full_match(&big),
            Some(vec![Some((big.len() - 1, big.len()))])
        );
        let nested = format!("{}a{}", "(".repeat(5000), ")*".repeat(5000));
        let re = Regex::new(nested.as_bytes()).unwrap();
        assert_eq!(re.group_count(), 5000);
        assert!(re.full_match(b"aaa").is_some());
        let re = Regex::new(b",").unwrap();
        let csv: Vec<u8> = (0..100_000)
            .map(|i| if i % 7 == 0 { b',' } else { b'x' })
            .collect();
        let mut n = 0;
        let mut at = 0;
        while let Some(m) = re.find_at(&csv, at) {
            n += 1;
            at = m[0].unwrap().1;
        }
        assert_eq!(n, (0..100_000).filter(|i| i % 7 == 0).count());
    }

    #[test]
    fn arbitrary_patterns_do_not_panic() {
        let alphabet: &[u8] = b"a()[]{}|*+?^$.\\-,:=0]\xff";
        let inputs: [&[u8]; 4] = [b"", b"a", b"a]-,", b"\xff(a)"];
        let mut pattern = Vec::new();
        // Every pattern of up to three bytes.
        let n = alphabet.len();
        for len in 0..=3u32 {
            for mut code in 0..n.pow(len) {
                pattern.clear();
                for _ in 0..len {
                    pattern.push(alphabet[code % n]);
                    code /= n;
                }
                if let Ok(re) = Regex::new(&pattern) {
                    for s in inputs {
                        let _ = re.full_match(s);
                        for start in 0..=s.len() + 1 {
                            let _ = re.find_at(s, start);
                        }
                    }
                }
            }
        }
        // And some longer pseudo-random ones.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            pattern.clear();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for i in 0..(x % 12) {
                pattern.push(alphabet[((x >> (4 * i)) % n as u64) as usize]);
            }
            if let Ok(re) = Regex::new(&pattern) {
                for s in inputs {
                    let _ = re.full_match(s);
                    let _ = re.find_at(s, 0);
                }
            }
        }
    }
}
