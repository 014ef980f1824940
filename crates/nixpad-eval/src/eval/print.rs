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
    Text(&'static str),
    Owned(String),
    AttrName(Symbol),
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
    let in_error = sources.is_some();
    let mut out = Vec::new();
    let mut seen: HashSet<usize> = HashSet::default();
    // (work, depth)
    let mut stack: Vec<(Work, usize)> = vec![(Work::Value(v.clone()), 0)];
    while let Some((work, depth)) = stack.pop() {
        let v = match work {
            Work::Text(t) => {
                out.extend_from_slice(t.as_bytes());
                continue;
            }
            Work::Owned(t) => {
                out.extend_from_slice(t.as_bytes());
                continue;
            }
            Work::AttrName(n) => {
                write_attr_name(&mut out, n);
                out.extend_from_slice(b" = ");
                continue;
            }
            Work::Value(v) => v,
        };
        // Sets are "repeated" by the identity of the set itself; lists of three or more
        // items by the identity of their items (shared by every copy), shorter ones by
        // the identity of the cell holding them (the thunk), as in Nix, which keeps one
        // or two items inside the value itself.
        let cell = match &v {
            Value::Thunk(t) => Some(Rc::as_ptr(t) as *const u8 as usize),
            _ => None,
        };
        let v = match &v {
            Value::Thunk(t) => match &*t.0.borrow() {
                ThunkState::Done(inner) => inner.clone(),
                _ => {
                    out.extend_from_slice(if in_error {
                        "«thunk»".as_bytes()
                    } else {
                        b"<CODE>"
                    });
                    continue;
                }
            },
            other => other.clone(),
        };
        match &v {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
            Value::Float(f) => out.extend_from_slice(crate::float::format_float(*f).as_bytes()),
            Value::String(s) => {
                if s.bytes.len() > limits.max_string {
                    write_string_literal(&mut out, &s.bytes[..limits.max_string]);
                    out.extend_from_slice(
                        format!(" «{} bytes elided»", s.bytes.len() - limits.max_string).as_bytes(),
                    );
                } else {
                    write_string_literal(&mut out, &s.bytes);
                }
            }
            Value::Path(p) => match crate::corepkgs::name(p) {
                Some(name) => out.extend_from_slice(format!("<nix/{name}>").as_bytes()),
                None => out.extend_from_slice(p.as_bytes()),
            },
            Value::Lambda(c) => match sources {
                Some(sources) => {
                    let src = sources.get(c.def.span.file);
                    let lc = src.line_col(c.def.span.start);
                    let name = c.def.name.map(|n| format!("{n} ")).unwrap_or_default();
                    out.extend_from_slice(
                        format!(
                            "«lambda {name}@ {}:{}:{}»",
                            src.origin.display(),
                            lc.line,
                            lc.col
                        )
                        .as_bytes(),
                    );
                }
                None => out.extend_from_slice(b"<LAMBDA>"),
            },
            Value::PrimOp(p) if p.args.is_empty() => {
                if in_error {
                    out.extend_from_slice(format!("«primop {}»", p.op.name).as_bytes())
                } else {
                    out.extend_from_slice(b"<PRIMOP>")
                }
            }
            Value::PrimOp(p) => {
                if in_error {
                    out.extend_from_slice(
                        format!("«partially applied primop {}»", p.op.name).as_bytes(),
                    )
                } else {
                    out.extend_from_slice(b"<PRIMOP-APP>")
                }
            }
            Value::Thunk(_) => out.extend_from_slice(b"<CODE>"),
            Value::List(items) => {
                if items.is_empty() {
                    out.extend_from_slice(b"[ ]");
                    continue;
                }
                let items_id = Rc::as_ptr(items) as *const u8 as usize;
                let id = if items.len() >= 3 {
                    items_id
                } else {
                    cell.unwrap_or(items_id)
                };
                if !seen.insert(id) {
                    out.extend_from_slice("«repeated»".as_bytes());
                    continue;
                }
                if depth >= limits.max_depth {
                    out.extend_from_slice(b"[ ... ]");
                    continue;
                }
                out.extend_from_slice(b"[ ");
                stack.push((Work::Text("]"), depth));
                if items.len() > limits.max_items {
                    let n = items.len() - limits.max_items;
                    stack.push((Work::Owned(format!("«{n} items elided» ")), depth));
                }
                for item in items.iter().take(limits.max_items).rev() {
                    stack.push((Work::Text(" "), depth));
                    stack.push((Work::Value(item.clone()), depth + 1));
                }
            }
            Value::Attrs(attrs) => {
                if attrs.is_empty() {
                    out.extend_from_slice(b"{ }");
                    continue;
                }
                if !seen.insert(Rc::as_ptr(attrs) as usize) {
                    out.extend_from_slice("«repeated»".as_bytes());
                    continue;
                }
                if depth >= limits.max_depth {
                    out.extend_from_slice(b"{ ... }");
                    continue;
                }
                out.extend_from_slice(b"{ ");
                stack.push((Work::Text("}"), depth));
                let sorted = attrs.sorted_by_name();
                if sorted.len() > limits.max_items {
                    let n = sorted.len() - limits.max_items;
                    stack.push((Work::Owned(format!("«{n} attributes elided» ")), depth));
                }
                for a in sorted.iter().take(limits.max_items).rev() {
                    stack.push((Work::Text("; "), depth));
                    stack.push((Work::Value(a.value.clone()), depth + 1));
                    stack.push((Work::AttrName(a.name), depth));
                }
            }
        }
    }
    out
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
