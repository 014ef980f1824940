//! Version strings: `builtins.compareVersions`, `builtins.splitVersion` and
//! `builtins.parseDrvName`, with Nix's ordering of version components.
//!
//! A version splits into components at `.` and `-`; a component is a run of digits or a
//! run of other characters. Components compare as numbers when both are numeric; `""`
//! (a missing component) is older than a number, `pre` is older than anything else, a
//! number is newer than a word, and words compare as strings.

use std::cmp::Ordering;

use crate::builtins::Args;
use crate::error::EvalResult;
use crate::machine::Machine;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::*;

/// The components of a version string.
pub fn split_version(s: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    let sep = |c: u8| c == b'.' || c == b'-';
    loop {
        while i < s.len() && sep(s[i]) {
            i += 1;
        }
        if i >= s.len() {
            break;
        }
        let start = i;
        if s[i].is_ascii_digit() {
            while i < s.len() && s[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            while i < s.len() && !sep(s[i]) && !s[i].is_ascii_digit() {
                i += 1;
            }
        }
        out.push(&s[start..i]);
    }
    out
}

/// A numeric component's value; as in Nix, only what fits a 32-bit `int` is a number (a
/// longer run of digits compares as text).
fn as_number(c: &[u8]) -> Option<i32> {
    if c.is_empty() || !c.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(c).ok()?.parse().ok()
}

/// Whether component `a` is older than component `b`.
fn component_less(a: &[u8], b: &[u8]) -> bool {
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => x < y,
        (_, Some(_)) if a.is_empty() => true,
        _ if a == b"pre" && b != b"pre" => true,
        _ if b == b"pre" => false,
        (_, Some(_)) => true,
        (Some(_), _) => false,
        _ => a < b,
    }
}

/// Compares two version strings as `builtins.compareVersions` does.
pub fn compare_versions(a: &[u8], b: &[u8]) -> Ordering {
    let (ca, cb) = (split_version(a), split_version(b));
    for i in 0..ca.len().max(cb.len()) {
        let x = ca.get(i).copied().unwrap_or(b"");
        let y = cb.get(i).copied().unwrap_or(b"");
        if component_less(x, y) {
            return Ordering::Less;
        }
        if component_less(y, x) {
            return Ordering::Greater;
        }
    }
    Ordering::Equal
}

/// `builtins.compareVersions a b`: -1, 0 or 1.
pub fn prim_compare_versions(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let a = args.string_no_ctx(m, 0, span)?.bytes.to_vec();
    let b = args.string_no_ctx(m, 1, span)?.bytes.to_vec();
    Ok(Value::Int(match compare_versions(&a, &b) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }))
}

/// `builtins.splitVersion s`
pub fn prim_split_version(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.string_no_ctx(m, 0, span)?.bytes.to_vec();
    Ok(Value::list(
        split_version(&s)
            .into_iter()
            .map(|c| Value::string(c.to_vec()))
            .collect(),
    ))
}

/// `builtins.parseDrvName s`: `{ name; version; }`, split at the first `-` that is not
/// followed by a letter.
pub fn prim_parse_drv_name(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let b = args.string_no_ctx(m, 0, span)?.bytes.to_vec();
    let split =
        (0..b.len()).find(|&i| b[i] == b'-' && i + 1 < b.len() && !b[i + 1].is_ascii_alphabetic());
    let (name, version) = match split {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (&b[..], &b""[..]),
    };
    Ok(Value::attrs(Attrs::from_unsorted(vec![
        Attr {
            name: Symbol::new("name"),
            value: Value::string(name.to_vec()),
            pos: None,
        },
        Attr {
            name: Symbol::new("version"),
            value: Value::string(version.to_vec()),
            pos: None,
        },
    ])))
}
