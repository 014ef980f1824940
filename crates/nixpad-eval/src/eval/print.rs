//! Printing values as `nix-instantiate --eval` does, iteratively (no native recursion
//! over the value's depth).

use rustc_hash::FxHashSet as HashSet;
use std::rc::Rc;

use crate::error::EvalResult;
use crate::machine::Machine;
use crate::symbol::Symbol;
use crate::value::{ThunkState, Value};

/// Whether `name` can be printed without quotes as an attribute name.
pub fn is_plain_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first.is_ascii_alphabetic() || first == '_') {
        return false;
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '\'' || c == '-') {
        return false;
    }
    !matches!(
        name,
        "if" | "then" | "else" | "assert" | "with" | "let" | "in" | "rec" | "inherit"
    )
}

/// Appends a string literal with Nix's escapes.
pub fn write_string_literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'$' if bytes.get(i + 1) == Some(&b'{') => out.extend_from_slice(b"\\$"),
            b => out.push(b),
        }
        i += 1;
    }
    out.push(b'"');
}

fn write_attr_name(out: &mut Vec<u8>, name: Symbol) {
    let plain = name.with_name(is_plain_identifier);
    if plain {
        name.with_name(|n| out.extend_from_slice(n.as_bytes()));
    } else {
        write_string_literal(out, &name.to_bytes());
    }
}

enum Work {
    Value(Value),
    /// The rest of a list's items, from this index.
    Items(Rc<crate::value::List>, usize),
    /// The rest of a set's attributes (sorted as printed), from this index.
    Attrs(Rc<[(Symbol, Value)]>, usize),
    /// A list item was printed: count it, then a space.
    ItemDone,
    /// An attribute was printed: count it, then `; `.
    AttrDone,
}

/// How deep, wide and long values are printed.
#[derive(Clone, Copy)]
pub struct PrintLimits {
    max_depth: usize,
    max_items: usize,
    max_string: usize,
}

const UNLIMITED: PrintLimits = PrintLimits {
    max_depth: usize::MAX,
    max_items: usize::MAX,
    max_string: usize::MAX,
};
const FOR_ERRORS: PrintLimits = PrintLimits {
    max_depth: 10,
    max_items: 10,
    max_string: 1024,
};

/// Prints a value that has been forced as far as wanted. Unevaluated thunks print as
/// `<CODE>` (or `«thunk»` in error messages), repeated sets/lists as `«repeated»`.
fn print_value(
    v: &Value,
    limits: PrintLimits,
    sources: Option<&crate::source::SourceMap>,
) -> Vec<u8> {
    let mut p = Printer {
        out: Vec::new(),
        seen: HashSet::default(),
        stack: vec![(Work::Value(v.clone()), 0)],
        limits,
        sources,
        items_printed: 0,
        attrs_printed: 0,
    };
    while let Some((work, depth)) = p.stack.pop() {
        match work {
            Work::Value(v) => p.value(&v, depth),
            Work::Items(items, index) => p.next_item(items, index, depth),
            Work::Attrs(attrs, index) => p.next_attr(attrs, index, depth),
            Work::ItemDone => {
                p.items_printed += 1;
                p.out.push(b' ');
            }
            Work::AttrDone => {
                p.attrs_printed += 1;
                p.out.extend_from_slice(b"; ");
            }
        }
    }
    p.out
}

/// [`print_value`]'s state: the text so far, the sets and lists printed (for
/// «repeated»), and the work left, innermost last (with each item's depth).
struct Printer<'a> {
    out: Vec<u8>,
    seen: HashSet<usize>,
    stack: Vec<(Work, usize)>,
    limits: PrintLimits,
    /// The sources, when printing for an error message (Nix's «…» forms).
    sources: Option<&'a crate::source::SourceMap>,
    /// List items printed so far, in the whole value: as in Nix, the limit on items
    /// counts nested lists' items too (an item is counted once printed).
    items_printed: usize,
    /// Attributes printed so far, in the whole value (counted as items are).
    attrs_printed: usize,
}

impl Printer<'_> {
    /// Prints `v` at `depth`, or schedules its parts.
    fn value(&mut self, v: &Value, depth: usize) {
        // Sets are "repeated" by the identity of the set itself; lists of three or more
        // items by the identity of their items (shared by every copy), shorter ones by
        // the identity of the cell holding them (the thunk), as in Nix, which keeps one
        // or two items inside the value itself.
        let cell = match v {
            Value::Thunk(t) => Some(Rc::as_ptr(t) as *const u8 as usize),
            _ => None,
        };
        let v = match v {
            Value::Thunk(t) => match &*t.0.borrow() {
                ThunkState::Done(inner) => inner.clone(),
                _ => {
                    let unevaluated = if self.sources.is_some() {
                        "«thunk»"
                    } else {
                        "<CODE>"
                    };
                    self.out.extend_from_slice(unevaluated.as_bytes());
                    return;
                }
            },
            other => other.clone(),
        };
        match &v {
            Value::List(items) => self.list(items, cell, depth),
            Value::Attrs(attrs) => self.attrs(attrs, depth),
            other => self.scalar(other),
        }
    }

    /// Prints a value that is neither a list nor a set.
    fn scalar(&mut self, v: &Value) {
        let in_error = self.sources.is_some();
        let out = &mut self.out;
        match v {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
            Value::Float(f) => out.extend_from_slice(crate::float::format_float(*f).as_bytes()),
            Value::String(s) => {
                let max = self.limits.max_string;
                if s.bytes.len() > max {
                    write_string_literal(out, &s.bytes[..max]);
                    let elided = format!(" {}", elided(s.bytes.len() - max, "byte"));
                    out.extend_from_slice(elided.as_bytes());
                } else {
                    write_string_literal(out, &s.bytes);
                }
            }
            Value::Path(p) => match crate::corepkgs::name(p) {
                Some(name) => out.extend_from_slice(format!("<nix/{name}>").as_bytes()),
                None => out.extend_from_slice(p.as_bytes()),
            },
            Value::Lambda(c) => match self.sources {
                Some(sources) => {
                    let src = sources.get(c.def.span.file);
                    let lc = src.line_col(c.def.span.start);
                    let name = c
                        .def
                        .name
                        .map(|n| format!("{} ", crate::format_attr_name(&n.name())));
                    let name = name.unwrap_or_default();
                    let origin = src.origin.display();
                    let text = format!("«lambda {name}@ {origin}:{}:{}»", lc.line, lc.col);
                    out.extend_from_slice(text.as_bytes());
                }
                None => out.extend_from_slice(b"<LAMBDA>"),
            },
            Value::PrimOp(p) if in_error => {
                let text = if p.args.is_empty() {
                    format!("«primop {}»", p.op.name)
                } else {
                    format!("«partially applied primop {}»", p.op.name)
                };
                out.extend_from_slice(text.as_bytes())
            }
            Value::PrimOp(p) if p.args.is_empty() => out.extend_from_slice(b"<PRIMOP>"),
            Value::PrimOp(_) => out.extend_from_slice(b"<PRIMOP-APP>"),
            Value::Thunk(_) | Value::List(_) | Value::Attrs(_) => out.extend_from_slice(b"<CODE>"),
        }
    }

    /// Whether `id` (a set's or list's identity) was printed before; then, or at the
    /// depth limit, prints what stands for it (`elided`: `[ ... ]` or `{ ... }`).
    fn elided(&mut self, id: usize, depth: usize, elided: &str) -> bool {
        if !self.seen.insert(id) {
            self.out.extend_from_slice("«repeated»".as_bytes());
            return true;
        }
        if depth >= self.limits.max_depth {
            self.out.extend_from_slice(elided.as_bytes());
            return true;
        }
        false
    }

    /// Prints a list's opening and schedules its items (`cell`: the thunk holding it).
    fn list(&mut self, items: &Rc<crate::value::List>, cell: Option<usize>, depth: usize) {
        if items.is_empty() {
            self.out.extend_from_slice(b"[ ]");
            return;
        }
        let items_id = Rc::as_ptr(items) as *const u8 as usize;
        let id = if items.len() >= 3 {
            items_id
        } else {
            cell.unwrap_or(items_id)
        };
        if self.elided(id, depth, "[ ... ]") {
            return;
        }
        self.out.extend_from_slice(b"[ ");
        self.next_item(items.clone(), 0, depth);
    }

    /// Prints item `index` of a list (at `depth`) and schedules the rest, or closes it:
    /// once the whole value has had its share of items, the rest are elided.
    fn next_item(&mut self, items: Rc<crate::value::List>, index: usize, depth: usize) {
        let left = items.len() - index;
        if left == 0 {
            self.out.push(b']');
        } else if self.items_printed >= self.limits.max_items {
            let text = format!("{} ]", elided(left, "item"));
            self.out.extend_from_slice(text.as_bytes());
        } else {
            let item = items[index].clone();
            self.stack.push((Work::Items(items, index + 1), depth));
            self.stack.push((Work::ItemDone, depth));
            self.stack.push((Work::Value(item), depth + 1));
        }
    }

    /// Prints a set's opening and schedules its attributes, by name.
    fn attrs(&mut self, attrs: &Rc<crate::value::Attrs>, depth: usize) {
        if attrs.is_empty() {
            self.out.extend_from_slice(b"{ }");
            return;
        }
        if self.elided(Rc::as_ptr(attrs) as usize, depth, "{ ... }") {
            return;
        }
        self.out.extend_from_slice(b"{ ");
        let mut sorted = attrs.sorted_by_name();
        if self.limits.max_items != usize::MAX {
            // As Nix, a limited print puts the attributes naming a value's kind first.
            crate::sort::sort_by_key(&mut sorted, |a| {
                !matches!(&*a.name.name(), "_type" | "type")
            });
        }
        let sorted: Rc<[(Symbol, Value)]> =
            sorted.iter().map(|a| (a.name, a.value.clone())).collect();
        self.next_attr(sorted, 0, depth);
    }

    /// Prints attribute `index` of a set (at `depth`) and schedules the rest, or closes
    /// it (eliding the rest as [`Printer::next_item`] does).
    fn next_attr(&mut self, attrs: Rc<[(Symbol, Value)]>, index: usize, depth: usize) {
        let left = attrs.len() - index;
        if left == 0 {
            self.out.push(b'}');
        } else if self.attrs_printed >= self.limits.max_items {
            let text = format!("{} }}", elided(left, "attribute"));
            self.out.extend_from_slice(text.as_bytes());
        } else {
            let (name, value) = attrs[index].clone();
            write_attr_name(&mut self.out, name);
            self.out.extend_from_slice(b" = ");
            self.stack.push((Work::Attrs(attrs, index + 1), depth));
            self.stack.push((Work::AttrDone, depth));
            self.stack.push((Work::Value(value), depth + 1));
        }
    }
}

/// `«N things elided»`, singular for one.
fn elided(n: usize, thing: &str) -> String {
    let plural = if n == 1 { "" } else { "s" };
    format!("«{n} {thing}{plural} elided»")
}

/// Prints the result of `nix-instantiate --eval [--strict]`.
pub fn print_result(m: &mut Machine, v: &Value, strict: bool) -> EvalResult<Vec<u8>> {
    let v = if strict {
        m.deep_force(v, None)?
    } else {
        m.force(v, None)?
    };
    Ok(print_value(&v, UNLIMITED, None))
}

/// A short rendering for error messages (depth, width and length limited).
pub fn print_for_error(v: &Value, sources: &crate::source::SourceMap) -> String {
    String::from_utf8_lossy(&print_value(v, FOR_ERRORS, Some(sources))).into_owned()
}

/// What `builtins.trace` prints for a value that is not a string: the form used in error
/// messages (`«thunk»`, `«lambda @ FILE:LINE:COL»`, `«repeated»`), without any limit.
pub fn print_for_trace(v: &Value, sources: &crate::source::SourceMap) -> String {
    String::from_utf8_lossy(&print_value(v, UNLIMITED, Some(sources))).into_owned()
}

/// A message as Nix's logger writes it to standard error when that is not a terminal:
/// escape sequences (`ESC [ ... final`, `ESC ] ... ESC \`, two-byte `ESC X`) dropped, `\r`
/// and BEL dropped, and each tab expanded with spaces to the next multiple of 8 columns.
/// Columns are counted as Nix counts them: from the start of the message, not of the line
/// (a newline, like every control character, is zero columns wide), each character by its
/// width on a terminal ([`display_width`]).
pub fn as_logged(text: &str) -> String {
    if !text.contains(['\x1b', '\t', '\r', '\x07']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => skip_escape_sequence(&mut chars),
            '\r' | '\x07' => {}
            '\t' => loop {
                out.push(' ');
                column += 1;
                if column.is_multiple_of(8) {
                    break;
                }
            },
            _ => {
                out.push(c);
                column += display_width(c);
            }
        }
    }
    out
}

/// How many terminal columns `c` takes: none for control and combining characters and
/// zero-width spaces, two for wide East Asian characters and emoji, one otherwise.
fn display_width(c: char) -> usize {
    const ZERO: &[(char, char)] = &[
        ('\0', '\x1f'),
        ('\x7f', '\u{9f}'),
        ('\u{300}', '\u{36f}'),
        ('\u{483}', '\u{489}'),
        ('\u{591}', '\u{5bd}'),
        ('\u{610}', '\u{61a}'),
        ('\u{64b}', '\u{65f}'),
        ('\u{1ab0}', '\u{1aff}'),
        ('\u{1dc0}', '\u{1dff}'),
        ('\u{200b}', '\u{200f}'),
        ('\u{2028}', '\u{202e}'),
        ('\u{2060}', '\u{2064}'),
        ('\u{20d0}', '\u{20ff}'),
        ('\u{fe00}', '\u{fe0f}'),
        ('\u{fe20}', '\u{fe2f}'),
        ('\u{feff}', '\u{feff}'),
        ('\u{e0000}', '\u{e0fff}'),
    ];
    const WIDE: &[(char, char)] = &[
        ('\u{1100}', '\u{115f}'),
        ('\u{231a}', '\u{231b}'),
        ('\u{2329}', '\u{232a}'),
        ('\u{23e9}', '\u{23ec}'),
        ('\u{25fd}', '\u{25fe}'),
        ('\u{2614}', '\u{2615}'),
        ('\u{2648}', '\u{2653}'),
        ('\u{26a1}', '\u{26a1}'),
        ('\u{26bd}', '\u{26be}'),
        ('\u{26c4}', '\u{26c5}'),
        ('\u{26d4}', '\u{26d4}'),
        ('\u{26ea}', '\u{26ea}'),
        ('\u{26f2}', '\u{26f5}'),
        ('\u{26fa}', '\u{26fd}'),
        ('\u{2705}', '\u{2705}'),
        ('\u{270a}', '\u{270b}'),
        ('\u{2728}', '\u{2728}'),
        ('\u{274c}', '\u{274c}'),
        ('\u{2753}', '\u{2755}'),
        ('\u{2757}', '\u{2757}'),
        ('\u{2795}', '\u{2797}'),
        ('\u{27b0}', '\u{27b0}'),
        ('\u{27bf}', '\u{27bf}'),
        ('\u{2b1b}', '\u{2b1c}'),
        ('\u{2b50}', '\u{2b50}'),
        ('\u{2b55}', '\u{2b55}'),
        ('\u{2e80}', '\u{303e}'),
        ('\u{3041}', '\u{33ff}'),
        ('\u{3400}', '\u{4dbf}'),
        ('\u{4e00}', '\u{9fff}'),
        ('\u{a000}', '\u{a4cf}'),
        ('\u{a960}', '\u{a97f}'),
        ('\u{ac00}', '\u{d7a3}'),
        ('\u{f900}', '\u{faff}'),
        ('\u{fe10}', '\u{fe19}'),
        ('\u{fe30}', '\u{fe6f}'),
        ('\u{ff00}', '\u{ff60}'),
        ('\u{ffe0}', '\u{ffe6}'),
        ('\u{16fe0}', '\u{18cff}'),
        ('\u{1b000}', '\u{1b2ff}'),
        ('\u{1f004}', '\u{1f004}'),
        ('\u{1f0cf}', '\u{1f0cf}'),
        ('\u{1f18e}', '\u{1f18e}'),
        ('\u{1f191}', '\u{1f19a}'),
        ('\u{1f200}', '\u{1f251}'),
        ('\u{1f300}', '\u{1f320}'),
        ('\u{1f32d}', '\u{1f335}'),
        ('\u{1f337}', '\u{1f37c}'),
        ('\u{1f37e}', '\u{1f393}'),
        ('\u{1f3a0}', '\u{1f3ca}'),
        ('\u{1f3cf}', '\u{1f3d3}'),
        ('\u{1f3e0}', '\u{1f3f0}'),
        ('\u{1f3f4}', '\u{1f3f4}'),
        ('\u{1f3f8}', '\u{1f43e}'),
        ('\u{1f440}', '\u{1f440}'),
        ('\u{1f442}', '\u{1f4fc}'),
        ('\u{1f4ff}', '\u{1f53d}'),
        ('\u{1f54b}', '\u{1f54e}'),
        ('\u{1f550}', '\u{1f567}'),
        ('\u{1f57a}', '\u{1f57a}'),
        ('\u{1f595}', '\u{1f596}'),
        ('\u{1f5a4}', '\u{1f5a4}'),
        ('\u{1f5fb}', '\u{1f64f}'),
        ('\u{1f680}', '\u{1f6c5}'),
        ('\u{1f6cc}', '\u{1f6cc}'),
        ('\u{1f6d0}', '\u{1f6d2}'),
        ('\u{1f6d5}', '\u{1f6d7}'),
        ('\u{1f6dc}', '\u{1f6df}'),
        ('\u{1f6eb}', '\u{1f6ec}'),
        ('\u{1f6f4}', '\u{1f6fc}'),
        ('\u{1f7e0}', '\u{1f7eb}'),
        ('\u{1f7f0}', '\u{1f7f0}'),
        ('\u{1f90c}', '\u{1f93a}'),
        ('\u{1f93c}', '\u{1f945}'),
        ('\u{1f947}', '\u{1f9ff}'),
        ('\u{1fa70}', '\u{1faff}'),
        ('\u{20000}', '\u{3fffd}'),
    ];
    let within = |ranges: &[(char, char)]| {
        ranges
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    };
    if c.is_ascii() {
        usize::from(c >= ' ' && c != '\x7f')
    } else if within(ZERO) {
        0
    } else if within(WIDE) {
        2
    } else {
        1
    }
}

/// Consumes what follows an `ESC` as part of its escape sequence.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars>) {
    let skip_while = |chars: &mut std::iter::Peekable<std::str::Chars>, lo, hi| {
        while chars.next_if(|c| (lo..=hi).contains(c)).is_some() {}
    };
    match chars.peek() {
        // Control sequence: parameter bytes, intermediate bytes, one final byte.
        Some('[') => {
            chars.next();
            skip_while(chars, '\x30', '\x3f');
            skip_while(chars, '\x20', '\x2f');
            chars.next_if(|c| ('\x40'..='\x7e').contains(c));
        }
        // Operating system command: up to and including `ESC \` (or the end).
        Some(']') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\x1b' && chars.next_if_eq(&'\\').is_some() {
                    break;
                }
            }
        }
        Some('\x40'..='\x5f') => {
            chars.next();
        }
        _ => {}
    }
}
