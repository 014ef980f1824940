//! Runtime values. A [`Value`] is 16 bytes (asserted at compile time); everything large is
//! behind an `Rc` with a thin pointer.

use std::cell::RefCell;
use std::rc::Rc;

use crate::ir::{Expr, LambdaDef};
use crate::primop::PrimOp;
use crate::source::Span;
use crate::symbol::Symbol;

/// A Nix value, possibly not yet evaluated ([`Value::Thunk`]).
#[derive(Clone)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A 64-bit integer.
    Int(i64),
    /// A double.
    Float(f64),
    /// A byte string with its context.
    String(Rc<NixString>),
    /// An absolute, canonical path (an `Rc<String>`, a thin pointer, keeps `Value` at 16
    /// bytes).
    Path(Rc<String>),
    /// An attribute set.
    Attrs(Rc<Attrs>),
    /// A list; elements may be thunks.
    List(Rc<List>),
    /// A user function with its environment.
    Lambda(Rc<Closure>),
    /// A builtin, possibly partially applied.
    PrimOp(Rc<PrimOpApp>),
    /// A suspended computation, evaluated at most once.
    Thunk(Rc<Thunk>),
}

// Every variant is at most one word plus the tag: values are copied on every step.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// The elements of a list (dropped without native recursion).
#[derive(Default)]
pub struct List(pub Vec<Value>);

impl std::ops::Deref for List {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl Drop for List {
    fn drop(&mut self) {
        if self.0.iter().any(value_frees) {
            drop_later(std::mem::take(&mut self.0).into_iter().map(Garbage::Value));
        }
    }
}

impl Drop for Attrs {
    fn drop(&mut self) {
        if self.entries.iter().any(|a| value_frees(&a.value)) {
            drop_later(
                std::mem::take(&mut self.entries)
                    .into_iter()
                    .map(|a| Garbage::Value(a.value)),
            );
        }
    }
}

impl Drop for Thunk {
    fn drop(&mut self) {
        let deep = match self.0.get_mut() {
            ThunkState::Expr(_, env) => Rc::strong_count(env) == 1,
            ThunkState::Apply(app) => value_frees(&app.0) || app.1.iter().any(value_frees),
            ThunkState::Done(v) | ThunkState::Eager(v) => value_frees(v),
            ThunkState::Blackhole => false,
        };
        if !deep {
            return;
        }
        match std::mem::replace(self.0.get_mut(), ThunkState::Blackhole) {
            ThunkState::Expr(_, env) => drop_later(std::iter::once(Garbage::Env(env))),
            ThunkState::Apply(app) => {
                let (f, args) = *app;
                drop_later(
                    std::iter::once(Garbage::Value(f)).chain(args.into_iter().map(Garbage::Value)),
                )
            }
            ThunkState::Done(v) | ThunkState::Eager(v) => {
                drop_later(std::iter::once(Garbage::Value(v)))
            }
            ThunkState::Blackhole => {}
        }
    }
}

impl Drop for EnvFrame {
    fn drop(&mut self) {
        let deep = self.values.get_mut().iter().any(value_frees)
            || self
                .parent
                .as_ref()
                .is_some_and(|p| Rc::strong_count(p) == 1);
        if !deep {
            return;
        }
        let values = std::mem::take(self.values.get_mut());
        let parent = self.parent.take();
        if enter_drop() {
            drop(values);
            drop(parent);
            leave_drop();
        } else {
            drop_later(
                values
                    .into_iter()
                    .map(Garbage::Value)
                    .chain(parent.map(Garbage::Env)),
            );
        }
    }
}

impl Drop for Closure {
    fn drop(&mut self) {
        if Rc::strong_count(&self.env) == 1 {
            let env = std::mem::replace(&mut self.env, empty_env());
            drop_later(std::iter::once(Garbage::Env(env)));
        }
    }
}

impl Drop for PrimOpApp {
    fn drop(&mut self) {
        if self.args.iter().any(value_frees) {
            drop_later(
                std::mem::take(&mut self.args)
                    .into_iter()
                    .map(Garbage::Value),
            );
        }
    }
}

/// Whether dropping this value frees a heap structure (and so recurses into it).
#[inline]
fn value_frees(v: &Value) -> bool {
    match v {
        Value::List(r) => Rc::strong_count(r) == 1,
        Value::Attrs(r) => Rc::strong_count(r) == 1,
        Value::Thunk(r) => Rc::strong_count(r) == 1,
        Value::Lambda(r) => Rc::strong_count(r) == 1,
        Value::PrimOp(r) => Rc::strong_count(r) == 1,
        _ => false,
    }
}

/// Something whose drop may free a deep structure.
enum Garbage {
    Value(Value),
    Env(Env),
}

impl Garbage {
    /// Whether dropping it frees its allocation (and so recurses into its contents).
    fn frees(&self) -> bool {
        match self {
            Garbage::Value(v) => value_frees(v),
            Garbage::Env(e) => Rc::strong_count(e) == 1,
        }
    }
}

thread_local! {
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static DROP_QUEUE: RefCell<Vec<Garbage>> = const { RefCell::new(Vec::new()) };
    static DROPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static EMPTY_ENV: Env = Rc::new(EnvFrame { values: RefCell::new(EnvValues::new()), parent: None, with: None });
}

fn empty_env() -> Env {
    EMPTY_ENV.with(|e| e.clone())
}

/// How deep drops may nest natively before the rest is queued.
const MAX_DROP_DEPTH: u32 = 100;

/// Enters a native drop level if drops are still shallow; pair with [`leave_drop`].
#[inline]
fn enter_drop() -> bool {
    DROP_DEPTH
        .try_with(|d| {
            let depth = d.get();
            if depth < MAX_DROP_DEPTH {
                d.set(depth + 1);
                true
            } else {
                false
            }
        })
        .unwrap_or(false)
}

/// Leaves a level entered with [`enter_drop`].
#[inline]
fn leave_drop() {
    let _ = DROP_DEPTH.try_with(|d| d.set(d.get() - 1));
}

/// Drops `items`: directly while drops are shallow, through a queue beyond
/// [`MAX_DROP_DEPTH`], so freeing a million-deep list does not recurse natively.
fn drop_later(items: impl Iterator<Item = Garbage>) {
    if enter_drop() {
        for item in items {
            drop(item);
        }
        leave_drop();
        return;
    }
    let mut queued = false;
    for item in items {
        if item.frees() {
            // `try_with`: during thread teardown the queue may be gone; then drop in place.
            queued |= DROP_QUEUE.try_with(|q| q.borrow_mut().push(item)).is_ok();
        }
    }
    if !queued || DROPPING.try_with(|d| d.replace(true)).unwrap_or(true) {
        return;
    }
    while let Some(next) = DROP_QUEUE.with(|q| q.borrow_mut().pop()) {
        drop(next);
    }
    DROPPING.with(|d| d.set(false));
}

/// One element of a string's context: what store objects the string refers to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContextElem {
    /// A plain store path (a source, a `toFile` result).
    Opaque(String),
    /// A derivation and all its outputs (`drvPath`).
    AllOutputs(String),
    /// One output of a derivation: (drv path, output name).
    Built(String, String),
}

/// The context of a string: `None` for almost every string; else its elements, sorted
/// and without duplicates, shared by every string made from it (a derivation's output
/// path keeps one context however many strings interpolate it).
pub type Context = Option<Rc<[ContextElem]>>;

/// The context made of `elems`, sorted and without duplicates; `None` if there are none.
pub fn context_of(elems: impl IntoIterator<Item = ContextElem>) -> Context {
    // Inserted in order: contexts are small, and this needs no sort of its own in the
    // browser build.
    let mut sorted: Vec<ContextElem> = Vec::new();
    for e in elems {
        if let Err(at) = sorted.binary_search(&e) {
            sorted.insert(at, e);
        }
    }
    (!sorted.is_empty()).then(|| sorted.into())
}

/// The union of two slices sorted by `cmp`, in order; of two equal elements, `b`'s.
#[inline]
fn merge_sorted<T: Clone>(a: &[T], b: &[T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match cmp(&a[i], &b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i].clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j].clone());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(b[j].clone());
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Adds the elements of `extra` to `ctx`, sharing `extra` when `ctx` has none of its own
/// or `extra` holds all of `ctx` (so most merges allocate nothing).
pub fn merge_context(ctx: &mut Context, extra: &Context) {
    let Some(extra) = extra else { return };
    let Some(own) = ctx else {
        *ctx = Some(extra.clone());
        return;
    };
    if Rc::ptr_eq(own, extra) || extra.iter().all(|e| own.binary_search(e).is_ok()) {
        return;
    }
    if own.iter().all(|e| extra.binary_search(e).is_ok()) {
        *ctx = Some(extra.clone());
        return;
    }
    let merged = merge_sorted(own, extra, Ord::cmp);
    *ctx = Some(merged.into());
}

/// A Nix string: bytes (not necessarily UTF-8) plus context.
#[derive(Clone, Debug, PartialEq)]
pub struct NixString {
    /// The bytes.
    pub bytes: Box<[u8]>,
    /// The store paths this string depends on.
    pub context: Context,
}

impl NixString {
    /// A string without context.
    pub fn plain(bytes: impl Into<Box<[u8]>>) -> NixString {
        NixString {
            bytes: bytes.into(),
            context: None,
        }
    }

    /// The bytes read as UTF-8, with invalid sequences replaced.
    pub fn lossy(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }
}

/// One attribute of a set.
#[derive(Clone)]
pub struct Attr {
    /// Its name.
    pub name: Symbol,
    /// Its value (maybe a thunk).
    pub value: Value,
    /// Where it was defined, for `unsafeGetAttrPos`.
    pub pos: Option<Span>,
}

/// An attribute set, sorted by symbol id for binary search.
#[derive(Clone, Default)]
pub struct Attrs {
    /// The attributes, sorted by `name` (symbol order, not alphabetical).
    pub entries: Vec<Attr>,
}

/// Sorts attributes by name, keeping the order of equal names.
pub fn sort_attrs(entries: &mut [Attr]) {
    crate::sort::sort_by_key(entries, |a| a.name);
}

impl Attrs {
    /// Builds a set from attributes in any order; later duplicates win.
    pub fn from_unsorted(mut entries: Vec<Attr>) -> Attrs {
        sort_attrs(&mut entries);
        entries.dedup_by(|later, earlier| {
            if later.name == earlier.name {
                std::mem::swap(later, earlier);
                true
            } else {
                false
            }
        });
        Attrs { entries }
    }

    /// Looks an attribute up.
    pub fn get(&self, name: Symbol) -> Option<&Value> {
        self.entries
            .binary_search_by_key(&name, |a| a.name)
            .ok()
            .map(|i| &self.entries[i].value)
    }

    /// Looks an attribute up, with its position.
    pub fn get_attr(&self, name: Symbol) -> Option<&Attr> {
        self.entries
            .binary_search_by_key(&name, |a| a.name)
            .ok()
            .map(|i| &self.entries[i])
    }

    /// Number of attributes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The attributes in alphabetical order of their names (Nix's iteration order).
    pub fn sorted_by_name(&self) -> Vec<&Attr> {
        let mut v: Vec<(Rc<str>, &Attr)> =
            self.entries.iter().map(|a| (a.name.name(), a)).collect();
        crate::sort::sort_by(&mut v, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        v.into_iter().map(|(_, a)| a).collect()
    }

    /// `self // other`: attributes of `other` win.
    pub fn update(&self, other: &Attrs) -> Attrs {
        let entries = merge_sorted(&self.entries, &other.entries, |a, b| a.name.cmp(&b.name));
        Attrs { entries }
    }
}

/// A lambda closed over its environment.
pub struct Closure {
    /// The lambda's code.
    pub def: Rc<LambdaDef>,
    /// The environment it was created in.
    pub env: Env,
}

/// A builtin with the arguments applied so far.
pub struct PrimOpApp {
    /// Which builtin.
    pub op: &'static PrimOp,
    /// Arguments given so far (fewer than its arity).
    pub args: Vec<Value>,
}

/// The state of a thunk.
pub enum ThunkState {
    /// Evaluate this expression in this environment.
    Expr(Rc<Expr>, Env),
    /// Apply a function to arguments (lazy results of `map`, `genList`, ...).
    Apply(Box<(Value, EnvValues)>),
    /// Being evaluated: reaching it again is infinite recursion.
    Blackhole,
    /// Evaluated.
    Done(Value),
    /// Computed ahead of need because that could not fail (arithmetic on values); it
    /// prints as unevaluated (`<CODE>`) until something forces it, as in Nix.
    Eager(Value),
}

/// A suspended computation.
pub struct Thunk(pub RefCell<ThunkState>);

impl Thunk {
    /// A thunk for `expr` in `env`.
    pub fn new(expr: Rc<Expr>, env: Env) -> Value {
        Value::Thunk(Rc::new(Thunk(RefCell::new(ThunkState::Expr(expr, env)))))
    }

    /// A thunk already holding `v`, which prints as unevaluated until forced (what Nix
    /// computes lazily but cannot fail).
    pub fn eager(v: Value) -> Value {
        Value::Thunk(Rc::new(Thunk(RefCell::new(ThunkState::Eager(v)))))
    }

    /// A thunk applying `f` to `args`.
    pub fn apply(f: Value, args: EnvValues) -> Value {
        Value::Thunk(Rc::new(Thunk(RefCell::new(ThunkState::Apply(Box::new((
            f, args,
        )))))))
    }

    /// Whether the thunk has been evaluated (an eagerly computed one counts as not yet).
    pub fn is_evaluated(&self) -> bool {
        matches!(&*self.0.borrow(), ThunkState::Done(_))
    }

    /// Whether the thunk is being evaluated (needing it now is infinite recursion).
    pub fn is_blackhole(&self) -> bool {
        matches!(&*self.0.borrow(), ThunkState::Blackhole)
    }

    /// The value, if already evaluated (this counts as forcing it).
    #[inline(always)]
    pub fn done(&self) -> Option<Value> {
        let eager = match &*self.0.borrow() {
            ThunkState::Done(v) => return Some(v.clone()),
            ThunkState::Eager(_) => true,
            _ => false,
        };
        if eager {
            self.take_eager()
        } else {
            None
        }
    }

    /// Turns an eagerly computed value into an evaluated one and returns it (the rare
    /// path of [`Thunk::done`]).
    #[cold]
    fn take_eager(&self) -> Option<Value> {
        let mut state = self.0.borrow_mut();
        // The value moves from one state to the other: only the copy returned is a clone.
        match std::mem::replace(&mut *state, ThunkState::Blackhole) {
            ThunkState::Eager(v) => {
                *state = ThunkState::Done(v.clone());
                Some(v)
            }
            other => {
                *state = other;
                None
            }
        }
    }
}

/// One level of the environment chain.
pub struct EnvFrame {
    /// Slots of the variables bound at this level (filled after creation for `rec`/`let`).
    pub values: RefCell<EnvValues>,
    /// The enclosing level.
    pub parent: Option<Env>,
    /// For a `with` level: where the `with` expression is. The level's only slot holds
    /// its namespace (a thunk or a set).
    pub with: Option<Span>,
}

/// A shared environment level.
pub type Env = Rc<EnvFrame>;

/// The slots of one environment level; one or two are stored inline.
pub type EnvValues = smallvec::SmallVec<[Value; 2]>;

/// Creates an environment level with `values` under `parent`.
pub fn new_env(values: EnvValues, parent: Option<Env>) -> Env {
    Rc::new(EnvFrame {
        values: RefCell::new(values),
        parent,
        with: None,
    })
}

impl Value {
    /// The value itself, or a thunk's value if it is evaluated already; `None` for a thunk
    /// not evaluated yet.
    #[inline]
    pub fn evaluated(&self) -> Option<Value> {
        match self {
            Value::Thunk(t) => t.done(),
            other => Some(other.clone()),
        }
    }

    /// Whether the value holds references a cycle could run through (a thunk given such
    /// a value is tracked by the cycle collector).
    #[inline]
    pub fn may_refer_back(&self) -> bool {
        matches!(
            self,
            Value::Attrs(_)
                | Value::List(_)
                | Value::Lambda(_)
                | Value::PrimOp(_)
                | Value::Thunk(_)
        )
    }

    /// A plain string value.
    pub fn string(s: impl Into<Vec<u8>>) -> Value {
        Value::String(Rc::new(NixString::plain(s.into().into_boxed_slice())))
    }

    /// A string value with context.
    pub fn string_with_context(s: impl Into<Vec<u8>>, context: Context) -> Value {
        Value::String(Rc::new(NixString {
            bytes: s.into().into_boxed_slice(),
            context,
        }))
    }

    /// An attribute set value.
    pub fn attrs(a: Attrs) -> Value {
        Value::Attrs(Rc::new(a))
    }

    /// A list value.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(List(v)))
    }

    /// The type name as `builtins.typeOf` says it.
    pub fn type_of(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::String(_) => "string",
            Value::Path(_) => "path",
            Value::Attrs(_) => "set",
            Value::List(_) => "list",
            Value::Lambda(_) | Value::PrimOp(_) => "lambda",
            Value::Thunk(_) => "thunk",
        }
    }

    /// The type name with an article, as in Nix's type errors ("an integer", "a set").
    pub fn type_phrase(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Value::PrimOp(p) if p.args.is_empty() => {
                format!("the built-in function '{}'", p.op.name).into()
            }
            Value::PrimOp(p) => {
                format!("the partially applied built-in function '{}'", p.op.name).into()
            }
            _ => self.simple_type_phrase().into(),
        }
    }

    fn simple_type_phrase(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a Boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::String(s) if s.context.as_ref().is_some_and(|c| !c.is_empty()) => {
                "a string with context"
            }
            Value::String(_) => "a string",
            Value::Path(_) => "a path",
            Value::Attrs(_) => "a set",
            Value::List(_) => "a list",
            Value::Lambda(_) => "a function",
            Value::PrimOp(p) if p.args.is_empty() => "a built-in function",
            Value::PrimOp(_) => "a partially applied built-in function",
            Value::Thunk(_) => "a thunk",
        }
    }

    /// Identity of the heap object behind a value (for `«repeated»` and pointer equality).
    pub fn identity(&self) -> Option<usize> {
        match self {
            Value::Attrs(a) => Some(Rc::as_ptr(a) as *const u8 as usize),
            Value::List(l) => Some(Rc::as_ptr(l) as *const u8 as usize),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opaque(p: &str) -> ContextElem {
        ContextElem::Opaque(p.into())
    }

    #[test]
    fn contexts_are_sorted_sets() {
        let c = context_of([opaque("/b"), opaque("/a"), opaque("/b")]);
        assert_eq!(c.as_deref(), Some(&[opaque("/a"), opaque("/b")][..]));
        assert_eq!(context_of([]), None);
    }

    #[test]
    fn merging_shares_a_context_that_holds_the_other() {
        let ab = context_of([opaque("/a"), opaque("/b")]);
        let mut none = None;
        merge_context(&mut none, &ab);
        assert!(Rc::ptr_eq(none.as_ref().unwrap(), ab.as_ref().unwrap()));
        let mut a = context_of([opaque("/a")]);
        merge_context(&mut a, &ab);
        assert!(Rc::ptr_eq(a.as_ref().unwrap(), ab.as_ref().unwrap()));
        let mut kept = ab.clone();
        merge_context(&mut kept, &context_of([opaque("/b")]));
        assert!(Rc::ptr_eq(kept.as_ref().unwrap(), ab.as_ref().unwrap()));
    }

    #[test]
    fn merging_interleaves_in_order() {
        let mut ac = context_of([opaque("/a"), opaque("/c")]);
        merge_context(
            &mut ac,
            &context_of([opaque("/b"), opaque("/c"), opaque("/d")]),
        );
        let want = context_of(["/a", "/b", "/c", "/d"].map(opaque));
        assert_eq!(ac, want);
    }
}
