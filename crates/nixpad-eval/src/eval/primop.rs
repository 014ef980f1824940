//! What the machine knows of builtins: a [`PrimOp`] (name, arity, how each argument is
//! forced, the implementation), its [`Args`], and the [`CallLoop`] of a builtin that calls
//! back into Nix. The builtins themselves (`crate::builtins`) fill in a table of these; the
//! machine calls what it is given and never names a builtin.
//!
//! The machine forces and checks the arguments a builtin's declaration gives a kind (`S`,
//! `L`, `I`, `s`, `B`, `F`) before calling it; the others arrive as they are. [`Args`]'
//! accessors give an argument typed, forcing and checking it only if the machine has not,
//! with Nix's "while evaluating the first argument passed to builtins.X" in the error: no
//! builtin words that itself.

use std::rc::Rc;

use crate::error::{Error, ErrorKind, EvalResult};
use crate::machine::Machine;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::*;

/// A builtin function.
pub struct PrimOp {
    /// Its name in `builtins`.
    pub name: &'static str,
    /// How many arguments it takes.
    pub arity: u8,
    /// One byte per argument, saying how it is forced and checked before the call, in
    /// order (as Nix forces them): `_` lazy, `.` forced, `S` set, `L` list, `I` integer,
    /// `N` number (an integer or a float), `s` string, `F` function, `B` Boolean.
    pub args: &'static [u8],
    /// The implementation; arguments not marked `_` arrive forced and checked.
    pub func: PrimFn,
}

/// A builtin's implementation.
pub enum PrimFn {
    /// Computes the result (forcing what it needs through the machine).
    Value(fn(&mut Machine, Args, Span) -> EvalResult<Value>),
    /// Computes the result from its arguments alone, once they are forced, forcing and
    /// calling nothing else and with no effect: the machine's quick path may call it
    /// (`isAttrs x`, `elemAt l i` in a small function) and, on an error, leave the call
    /// to the machine, which makes it again and reports it.
    Pure(fn(&mut Machine, Args, Span) -> EvalResult<Value>),
    /// Calls Nix functions, the calls made by the machine as frames on its heap (see
    /// [`CallLoop`]).
    Calls(fn(&mut Machine, Args, Span) -> EvalResult<Box<dyn CallLoop>>),
}

/// A builtin that calls back into Nix (`foldl'`, `sort`, ...), as the machine runs it: it
/// says what to do next, the machine does it on its heap (a call, a forcing) and comes
/// back with the value, so nesting through such builtins never deepens the native stack.
pub trait CallLoop {
    /// The span of the builtin call, for errors and traces.
    fn span(&self) -> Span;

    /// Goes on after `last`, the (forced) value of the previous call or forcing, or from
    /// the start when `last` is `None`.
    fn advance(&mut self, m: &mut Machine, last: Option<Value>) -> EvalResult<LoopStep>;
}

/// The arguments of a call a builtin makes: one or two, stored without an allocation.
pub type CallArgs = smallvec::SmallVec<[Value; 2]>;

/// What the machine does next for a [`CallLoop`].
pub enum LoopStep {
    /// Call this function with these arguments (one or two, kept inline) and come back
    /// with the result.
    Call(Value, CallArgs),
    /// Force this value and come back with it.
    Force(Value),
    /// The builtin's result.
    Done(Value),
}

/// What a value being checked is, for the frame Nix adds to an error about it: made into
/// text only when there is an error.
#[derive(Clone, Copy)]
pub(crate) enum What<'a> {
    /// Words given by the caller ("while evaluating the return value of …").
    Text(&'a str),
    /// Argument `index` of a builtin ([`argument_frame`]).
    Argument(&'static PrimOp, usize),
}

impl What<'_> {
    /// The frame's text.
    pub(crate) fn frame(self) -> String {
        match self {
            What::Text(text) => text.to_string(),
            What::Argument(op, index) => argument_frame(op, index),
        }
    }
}

impl<'a> From<&'a str> for What<'a> {
    fn from(text: &'a str) -> What<'a> {
        What::Text(text)
    }
}

impl<'a> From<&'a String> for What<'a> {
    fn from(text: &'a String) -> What<'a> {
        What::Text(text)
    }
}

/// The arguments of a builtin call, with the builtin they were passed to.
pub struct Args {
    op: &'static PrimOp,
    values: Vec<Value>,
}

impl std::ops::Deref for Args {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        &self.values
    }
}

/// The builtins whose one argument Nix calls "the argument" in its errors (the others
/// number theirs: "the first argument"), as Nix 2.26 words them.
const UNNUMBERED: &[&str] = &[
    "addDrvOutputDependencies",
    "attrNames",
    "attrValues",
    "derivationStrict",
    "fromTOML",
    "getContext",
    "hasContext",
    "listToAttrs",
    "stringLength",
    "unsafeDiscardOutputDependency",
    "unsafeDiscardStringContext",
];

/// The builtins whose name Nix quotes in these messages ("passed to 'builtins.head'").
const QUOTED: &[&str] = &["dirOf", "elemAt", "head", "tail"];

/// What Nix says an error in argument `index` of `op` happened in ("while evaluating
/// the first argument passed to builtins.map"), word for word as Nix 2.26 says it.
pub(crate) fn argument_frame(op: &PrimOp, index: usize) -> String {
    // `foldl'` is `foldlStrict` inside Nix, and its messages say so.
    let name = if op.name == "foldl'" {
        "foldlStrict"
    } else {
        op.name
    };
    let builtin = if QUOTED.contains(&name) {
        format!("'builtins.{name}'")
    } else {
        format!("builtins.{name}")
    };
    if UNNUMBERED.contains(&name) {
        return format!("while evaluating the argument passed to {builtin}");
    }
    let ordinal = ["first", "second", "third", "fourth"][index.min(3)];
    let described = match (name, index) {
        ("substring", 0) => " (the start offset)",
        ("substring", 1) => " (the substring length)",
        ("substring", 2) => " (the string)",
        ("concatStringsSep", 0) => " (the separator string)",
        ("concatStringsSep", 1) => " (the list of strings to concat)",
        ("warn", 0) => "; the message",
        _ => "",
    };
    format!("while evaluating the {ordinal} argument{described} passed to {builtin}")
}

impl Args {
    /// The arguments `values` of a call of `op`.
    pub(crate) fn new(op: &'static PrimOp, values: Vec<Value>) -> Args {
        Args { op, values }
    }

    /// Argument `i`, a list.
    pub fn list(&self, m: &mut Machine, i: usize, span: Span) -> EvalResult<Rc<List>> {
        want_list(m, &self.values[i], span, What::Argument(self.op, i))
    }

    /// Argument `i`, a set.
    pub fn attrs(&self, m: &mut Machine, i: usize, span: Span) -> EvalResult<Rc<Attrs>> {
        want_attrs(m, &self.values[i], span, What::Argument(self.op, i))
    }

    /// Argument `i`, an integer.
    pub fn int(&self, m: &mut Machine, i: usize, span: Span) -> EvalResult<i64> {
        want_int(m, &self.values[i], span, What::Argument(self.op, i))
    }

    /// Argument `i`, a string (not coerced), with its context.
    pub fn string(&self, m: &mut Machine, i: usize, span: Span) -> EvalResult<Rc<NixString>> {
        want_string(m, &self.values[i], span, What::Argument(self.op, i))
    }

    /// Argument `i`, a string that must not refer to store paths (a name, a pattern).
    pub fn string_no_ctx(
        &self,
        m: &mut Machine,
        i: usize,
        span: Span,
    ) -> EvalResult<Rc<NixString>> {
        want_string_no_ctx(m, &self.values[i], span, What::Argument(self.op, i))
    }

    /// Argument `i`, a function (a lambda, a builtin, or a set with `__functor`).
    pub fn function(&self, m: &mut Machine, i: usize, span: Span) -> EvalResult<Value> {
        want_function(m, &self.values[i], span, What::Argument(self.op, i))
    }

    /// Argument `i` coerced to a string (`mode` says how); an error coercing it (not one
    /// forcing it, as in Nix) names the argument.
    pub fn coerced(
        &self,
        m: &mut Machine,
        i: usize,
        mode: crate::machine::CoerceMode,
        span: Span,
    ) -> EvalResult<NixString> {
        m.coerce_to_string_in(&self.values[i], mode, span, self.what(i), None)
    }

    /// What argument `i` is, for helpers that check an argument their own way (a path,
    /// an attribute name).
    pub(crate) fn what(&self, i: usize) -> What<'static> {
        What::Argument(self.op, i)
    }

    /// `e`, an error about argument `i`, with the frame naming the argument.
    pub fn in_argument(&self, mut e: Box<Error>, i: usize) -> Box<Error> {
        e.push_frame(argument_frame(self.op, i), None);
        e
    }

    /// A type error for argument `i` (`v`, forced), which is not `expected`.
    pub fn type_error(
        &self,
        m: &mut Machine,
        i: usize,
        expected: &'static str,
        v: &Value,
        span: Span,
    ) -> Box<Error> {
        arg_error(m, expected, v, span, self.what(i))
    }
}

/// Nix's type error for a value that is not `expected`, in context `what`: without a
/// position of its own (the builtin's call has one).
pub(crate) fn arg_error<'a>(
    m: &mut Machine,
    expected: &'static str,
    v: &Value,
    _span: Span,
    what: impl Into<What<'a>>,
) -> Box<Error> {
    let mut e = m.type_error(expected, v, None);
    e.push_frame(what.into().frame(), None);
    e
}

/// Whether an error forcing a value that must be `expected` is in the frame naming the
/// value, as in Nix: its checks for strings, integers, Booleans and functions catch every
/// error, those for lists and sets only the type error.
pub(crate) fn force_errors_framed(expected: &str) -> bool {
    matches!(
        expected,
        "a string" | "an integer" | "a float" | "a Boolean" | "a function"
    )
}

/// `v` forced and read by `pick`, or Nix's type error saying it is not `expected`, in
/// context `what`.
#[inline]
fn want<T>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: What,
    expected: &'static str,
    pick: impl Fn(&Value) -> Option<T>,
) -> EvalResult<T> {
    // A value of the kind already (never a thunk): no forcing, no call.
    if let Some(x) = pick(v) {
        return Ok(x);
    }
    want_forced(m, v, span, what, expected, pick)
}

/// [`want`] for a thunk, or a value of another kind (its error).
#[inline(never)]
fn want_forced<T>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: What,
    expected: &'static str,
    pick: impl Fn(&Value) -> Option<T>,
) -> EvalResult<T> {
    let forced;
    let v = if let Value::Thunk(_) = v {
        forced = m.force(v, Some(span)).map_err(|mut e| {
            if force_errors_framed(expected) && e.kind != crate::error::ErrorKind::Suspended {
                e.push_frame(what.frame(), None);
            }
            e
        })?;
        &forced
    } else {
        v
    };
    match pick(v) {
        Some(x) => Ok(x),
        None => Err(arg_error(m, expected, v, span, what)),
    }
}

/// A list, forced.
pub(crate) fn want_list<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<What<'a>>,
) -> EvalResult<Rc<List>> {
    want(m, v, span, what.into(), "a list", |v| match v {
        Value::List(l) => Some(l.clone()),
        _ => None,
    })
}

/// A set, forced.
pub(crate) fn want_attrs<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<What<'a>>,
) -> EvalResult<Rc<Attrs>> {
    want(m, v, span, what.into(), "a set", |v| match v {
        Value::Attrs(a) => Some(a.clone()),
        _ => None,
    })
}

/// An integer, forced.
fn want_int<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<What<'a>>,
) -> EvalResult<i64> {
    want(m, v, span, what.into(), "an integer", |v| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    })
}

/// A Boolean, forced.
pub(crate) fn want_bool<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<What<'a>>,
) -> EvalResult<bool> {
    want(m, v, span, what.into(), "a Boolean", |v| match v {
        Value::Bool(b) => Some(*b),
        _ => None,
    })
}

/// A string value (no coercion), with its context.
pub(crate) fn want_string<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<What<'a>>,
) -> EvalResult<Rc<NixString>> {
    want(m, v, span, what.into(), "a string", |v| match v {
        Value::String(s) => Some(s.clone()),
        _ => None,
    })
}

/// A string that must not refer to store paths (a name, a pattern, an algorithm).
pub(crate) fn want_string_no_ctx<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<What<'a>>,
) -> EvalResult<Rc<NixString>> {
    let what = what.into();
    let s = want_string(m, v, span, what)?;
    if let Some(mut e) = context_not_allowed(&s, Some(span)) {
        e.push_frame(what.frame(), None);
        return Err(e);
    }
    Ok(s)
}

/// Nix's error for a string with context where none is allowed (an attribute name, a
/// regular expression), or `None` when `s` has no context.
pub(crate) fn context_not_allowed(s: &NixString, span: Option<Span>) -> Option<Box<Error>> {
    let first = s.context.as_ref().and_then(|c| c.iter().next())?;
    let base = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    let shown = match first {
        ContextElem::Opaque(p) => base(p),
        ContextElem::AllOutputs(d) => format!("={}", base(d)),
        ContextElem::Built(d, o) => format!("!{o}!{}", base(d)),
    };
    Some(Error::new(
        ErrorKind::Other(format!(
            "the string '{}' is not allowed to refer to a store path (such as '{shown}')",
            s.lossy()
        )),
        span,
    ))
}

/// A function (a lambda, a builtin, or a set with `__functor`), forced.
pub(crate) fn want_function<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<What<'a>>,
) -> EvalResult<Value> {
    want(m, v, span, what.into(), "a function", |v| match v {
        Value::Lambda(_) | Value::PrimOp(_) => Some(v.clone()),
        Value::Attrs(a) if a.get(Symbol::new("__functor")).is_some() => Some(v.clone()),
        _ => None,
    })
}
