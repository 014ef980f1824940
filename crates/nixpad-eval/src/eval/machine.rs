//! The evaluation machine: a loop over an explicit stack of [`Frame`]s on the heap, so
//! that deep Nix recursion (calls, thunk chains, operators) never deepens the native
//! stack. Builtins that must force values re-enter the loop ([`Machine::force`]); those
//! re-entries are counted and bounded.

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::error::{Error, ErrorKind, EvalResult, TypeMismatch};
use crate::io::EvalIO;
use crate::ir::*;
use crate::primop::{force_errors_framed, What};
use crate::source::{SourceMap, Span};
use crate::symbol::Symbol;
use crate::value::*;

/// Limits and settings of one evaluator.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Nix's `max-call-depth`: nested function calls allowed.
    pub max_call_depth: u32,
    /// Re-entries of the machine from builtins allowed (bounds native stack use).
    pub max_native_depth: u32,
    /// Heap frames allowed (bounds memory on runaway non-call recursion).
    pub max_frames: usize,
    /// Nesting allowed in recursive walks over values (`==`, `<`, `toJSON`, `toString`).
    pub max_structural_depth: u32,
    /// Evaluation steps allowed, if bounded.
    pub fuel: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_call_depth: 10_000,
            max_native_depth: if cfg!(target_arch = "wasm32") {
                200
            } else {
                1_000
            },
            max_frames: 4_000_000,
            max_structural_depth: if cfg!(target_arch = "wasm32") {
                400
            } else {
                10_000
            },
            fuel: None,
        }
    }
}

/// A continuation: what to do with the value being returned.
enum Frame {
    /// Store the value in the thunk; the state restores it if evaluation fails (a
    /// `Blackhole` leaves the thunk as it is: a lazy application is never marked).
    Update(Rc<Thunk>, ThunkState),
    /// Apply the returned function to one argument.
    Apply1(Value, Span),
    /// Apply the returned function to these arguments (stored last first).
    ApplyRev(Vec<Value>, Span),
    /// A functor (a set with `__functor`) called at this position is being applied to
    /// itself and its argument (for the trace; returns the call's value unchanged).
    Functor(Span),
    /// A lambda body is being evaluated: leave the call depth on return. The lambda and
    /// the call site (none for a call made by a builtin) name the call in `--show-trace`.
    CallReturn(Rc<LambdaDef>, Option<Span>),
    /// Bind a pattern lambda's argument (the returned attribute set), called at the call
    /// site as in `CallReturn`. The call depth is entered already; the
    /// `CallReturn` frame follows once the argument is bound: as in Nix, an error in the
    /// argument is reported "from call site" only, never "while calling" the lambda.
    BindPattern(Rc<Closure>, Option<Span>),
    /// A call of a builtin, from forcing its arguments to forcing its result: it counts
    /// towards `max-call-depth` (leave it on return) and an error in it is reported
    /// "while calling" the builtin, as in Nix.
    PrimOpCall(&'static crate::primop::PrimOp, Span),
    /// The file at this path, returned by `import`, is being evaluated (for the trace).
    EvalFile(Rc<str>),
    /// Force the next strict argument of a builtin, then call it.
    PrimOpArgs(Box<PendingPrimOp>),
    /// A builtin suspended on a thunk (see [`Machine::force`]): call it again once the
    /// thunk is forced.
    Retry(Box<PendingPrimOp>),
    /// A builtin calling back into Nix once per list element.
    Calls(Box<PendingCalls>),
    /// Branch on the returned condition.
    If(Rc<IfExpr>, Env),
    /// Check the assertion, then evaluate the body.
    Assert(Rc<AssertExpr>, Env),
    /// Evaluate the right operand of a binary operator.
    BinLeft(Rc<BinOpExpr>, Env),
    /// Combine the left operand with the returned right operand.
    BinRight(Rc<BinOpExpr>, Value),
    /// Short-circuit operators: check the left operand, then evaluate the right one if
    /// needed.
    BoolLeft(Rc<BinOpExpr>, Env),
    /// Short-circuit operators: check the right operand.
    BoolRight(BinOp, Span),
    /// `!`, with its operand's position (none for a constant), where Nix reports errors
    /// in it.
    Not(Option<Span>),
    /// unary `-`
    Negate(Span),
    /// Continue selecting `path[index]` of the returned value; the span is where the
    /// attribute selected last (`path[index - 1]`) was defined.
    Select(Rc<SelectExpr>, usize, Env, Option<Span>),
    /// The value of a selection (`e.a.b`, or its `or` default) is being evaluated; the
    /// span is where the attribute selected last was defined; the environment is the
    /// selection's when its path has dynamic names (a message names them evaluated).
    Selected(Rc<SelectExpr>, Span, Option<Env>),
    /// Continue testing `path[index]` of the returned value.
    HasAttr(Rc<HasAttrExpr>, usize, Env),
    /// With a debugger attached: a call is being made from this environment (returns
    /// the call's value unchanged).
    CallSite(Env, Span),
    /// Append the returned value to the interpolation and go on with `parts[index+1]`.
    Interp(Box<PendingInterp>),
}

/// A builtin waiting for its strict arguments to be forced.
struct PendingPrimOp {
    op: &'static crate::primop::PrimOp,
    args: Vec<Value>,
    index: usize,
    span: Span,
}

/// A builtin calling back into Nix ([`crate::primop::CallLoop`]).
struct PendingCalls {
    calls: Box<dyn crate::primop::CallLoop>,
    /// [`Machine::builtin_call`] before the builtin started, restored when it ends.
    outer_call: Option<Span>,
}

/// An interpolation in progress.
struct PendingInterp {
    expr: Rc<InterpExpr>,
    index: usize,
    env: Env,
    acc: Vec<u8>,
    ctx: Context,
    /// The value coming back is what part `index`'s `__toString` returned (a failed
    /// coercion of it is reported in that frame, not in "a path segment", as in Nix).
    to_string_result: bool,
}

/// Evaluation state shared by the machine and the builtins.
pub struct Machine {
    frames: Vec<Frame>,
    call_depth: u32,
    /// The span of the builtin calling back into Nix ([`Machine::call`]), if one is: its
    /// calls have no call site in `--show-trace` traces, as in Nix.
    builtin_call: Option<Span>,
    native_depth: u32,
    /// The native depth whose builtin may suspend on a thunk instead of forcing it.
    suspendable: Option<u32>,
    /// The thunk a builtin suspended on.
    suspended_on: Option<Value>,
    structural_depth: u32,
    /// Steps left, if bounded.
    fuel: Option<u64>,
    /// Limits in force.
    pub limits: Limits,
    /// The host.
    pub io: Rc<dyn EvalIO>,
    /// Every source seen.
    pub sources: SourceMap,
    /// The root environment: the global names.
    pub globals: Env,
    /// Slots of the global names.
    pub global_names: HashMap<Symbol, u32>,
    /// The `builtins` set.
    pub builtins: Value,
    /// Values of imported files, by path.
    pub import_cache: HashMap<String, (Rc<Expr>, Value)>,
    /// Store paths of the sources copied to the store (`"${./file}"`), by path: like the
    /// import cache, a source is read and hashed once per evaluator.
    pub copied_sources: HashMap<String, String>,
    /// `builtins.trace` lines, in order.
    pub trace_lines: Vec<String>,
    /// The regular expressions `match` and `split` compiled, by pattern (a library calls
    /// them with the same few patterns thousands of times).
    pub(crate) regexes: HashMap<Box<[u8]>, Rc<crate::regex::Regex>>,
    /// Settings the builtins consult.
    pub settings: crate::Settings,
    /// Derivations written by `derivationStrict` in this evaluation.
    pub drv_store: crate::derivation::DrvStore,
    /// Lowered files shared with other evaluators, if any.
    pub(crate) shared_sources: Option<crate::SharedSources>,
    /// The SHA-256 of [`crate::lowering_context`], once a file has been lowered through
    /// the host's lowered-file cache.
    pub(crate) lowering_digest: Option<[u8; 32]>,
    /// Finds and breaks the reference cycles nothing uses any more.
    pub(crate) collector: crate::collect::Collector,
    /// Makes `builtins.break` stop the evaluation, when attached.
    pub(crate) debugger: Option<crate::debug::Debugger>,
    /// How many calls [`Machine::quick`] is making now (lazy applications it forces, calls
    /// in quick bodies), one inside another; `u32::MAX` while it only looks ahead (see
    /// [`Machine::delay`]) and must force or call nothing.
    quick_forces: u32,
    /// How many bodies [`Machine::quick_call`] is evaluating now, one inside another:
    /// only there does [`Machine::quick`] try `if`s and calls, where the function's shape
    /// says they are likely to succeed.
    quick_bodies: u32,
    /// The names of the extra scope of the files lowered with one (a REPL's bindings,
    /// `scopedImport`'s set), in slot order: a debugger lowers them again.
    pub(crate) scoped_files: HashMap<crate::source::FileId, Vec<Symbol>>,
    /// Search path entries found missing (`-I /nonexistent`): Nix warns of each once.
    pub(crate) missing_search_entries: std::collections::HashSet<String>,
}

enum Step {
    Eval(Rc<Expr>, Env),
    Return(Value),
}

/// The frame of an error in the condition of an `if`.
const BRANCH_CONDITION: &str = "while evaluating a branch condition";
/// The frame of an error in the condition of an `assert`.
const ASSERT_CONDITION: &str = "in the condition of the assert statement";
/// The frame of an error in the operand of `!`.
const NOT_ARGUMENT: &str = "in the argument of the not operator";

/// The frame of an error coercing an operand of `+` or an interpolated part to a string.
const PATH_SEGMENT: &str = "while evaluating a path segment";

/// Where an error binding the argument of `lambda`, called at `site`, is "from": the
/// call site, for a call made by a builtin the lambda itself, and nowhere for a lazy call
/// forced without a position (as in Nix).
fn bind_site(lambda: &LambdaDef, site: Option<Span>) -> Option<Span> {
    match site {
        Some(site) if site.file.0 == 0 => None,
        Some(site) => Some(site),
        None => Some(lambda.span),
    }
}

/// Where the function `f` was written, if it is an evaluated lambda.
pub(crate) fn evaluated_lambda_span(f: &Value) -> Option<Span> {
    match f {
        Value::Lambda(closure) => Some(closure.def.span),
        Value::Thunk(t) => match &*t.0.borrow() {
            ThunkState::Done(Value::Lambda(closure)) => Some(closure.def.span),
            _ => None,
        },
        _ => None,
    }
}

/// What a builtin's argument of table kind `kind` must be (`"a set"` for `S`).
fn expected_kind(kind: u8) -> &'static str {
    match kind {
        b'S' => "a set",
        b'L' => "a list",
        b'I' => "an integer",
        b'N' => "a float",
        b's' => "a string",
        b'B' => "a Boolean",
        b'F' => "a function",
        _ => "a value",
    }
}

/// An error in the `side` operand of `b`, with the frame Nix adds for that operator.
fn operand_error(b: &BinOpExpr, side: &str, mut e: Box<Error>) -> Box<Error> {
    if b.op == BinOp::Update {
        return in_update_operand(e, side, b.span);
    }
    // `a - b` is a call of `__sub`: an error in an operand is inside it (as the unwinding
    // of `Frame::BinLeft` and `Frame::BinRight` reports it).
    if let Some(name) = operator_builtin(b.op) {
        e.push_frame(call_frame(name), Some(b.span));
    }
    e
}

/// `e` as Nix reports an error in the `side` ("left" or "right") operand of `//` at `span`.
fn in_update_operand(mut e: Box<Error>, side: &str, span: Span) -> Box<Error> {
    e.push_frame(
        format!("in the {side} operand of the update (//) operator"),
        Some(span),
    );
    e
}

/// The frame of a call of builtin `name`: "while calling the 'X' builtin".
fn call_frame(name: &str) -> String {
    format!("while calling the '{name}' builtin")
}

/// Nix reports a builtin's own errors under "while calling the 'X' builtin", with the
/// position on that frame rather than on the message.
fn builtin_error(op: &crate::primop::PrimOp, e: Box<Error>, span: Span) -> Box<Error> {
    named_builtin_error(op.name, e, span)
}

/// [`builtin_error`] for builtin `name`. `addErrorContext` adds its message instead of a
/// frame of its own, as in Nix.
fn named_builtin_error(name: &str, mut e: Box<Error>, span: Span) -> Box<Error> {
    if name != "addErrorContext" {
        // The call's own position is the frame's, except for a call beyond the call
        // depth, which Nix reports at the call too.
        let too_deep = matches!(e.kind, ErrorKind::StackOverflow);
        if (e.span == Some(span) && !too_deep) || e.span.is_none() {
            e.span = None;
        }
        e.push_frame(call_frame(name), Some(span));
    }
    e
}

/// The `outPath` of `v` when it is a set and that `outPath` is not evaluated yet (asked
/// after [`to_string_function`], which takes precedence).
fn unforced_out_path(v: &Value) -> Option<Value> {
    let Value::Attrs(a) = v else {
        return None;
    };
    match a.get(Symbol::new("outPath"))? {
        Value::Thunk(t) if t.done().is_none() => Some(Value::Thunk(t.clone())),
        _ => None,
    }
}

/// Whether `e` is a failure to copy an interpolated path to the store: Nix reports it
/// bare, without a position or a "path segment" frame.
fn is_copy_error(e: &Error) -> bool {
    matches!(e.kind, ErrorKind::Io(_)) && e.span.is_none() && e.trace.is_empty()
}

/// The `__toString` function of `v`, when it is a set that has one.
fn to_string_function(v: &Value) -> Option<Value> {
    match v {
        Value::Attrs(a) => a.get(Symbol::new("__toString")).cloned(),
        _ => None,
    }
}

/// `e`, an error coercing part `index` of an interpolation (or, `to_string_result`,
/// what its `__toString` returned), as Nix reports it: without a position of its own,
/// in a frame at the part's `${`.
fn in_coercion_frame(
    mut e: Box<Error>,
    expr: &InterpExpr,
    index: usize,
    to_string_result: bool,
) -> Box<Error> {
    if is_copy_error(&e) {
        return e;
    }
    if e.span == Some(expr.span) {
        e.span = None;
    }
    let frame = if to_string_result {
        "while evaluating the result of the `__toString` attribute"
    } else {
        PATH_SEGMENT
    };
    e.push_frame(frame, Some(part_span(expr, index)));
    e
}

/// Where part `index` of an interpolation starts (its `${`).
fn part_span(expr: &InterpExpr, index: usize) -> Span {
    match &expr.parts[index] {
        InterpPart::Expr(_, span) => *span,
        InterpPart::Lit(_) => expr.span,
    }
}

/// How far below `max-call-depth` [`Machine::delay`] stops computing operators that
/// count as calls ahead of time (a thunk is usually forced within a few calls of where it
/// is made).
const EAGER_CALL_MARGIN: u32 = 64;

/// How many calls [`Machine::quick`] may be making inside one another (each a few native
/// frames: the bound keeps chains of lazy applications and calls on the heap machine).
const MAX_QUICK_FORCES: u32 = 4;

/// The comparisons an equality test has left: left and right value, depth, and whether
/// they are a list's or set's slots; a few are kept inline, as comparing scalars is common.
type EqualityWork = smallvec::SmallVec<[(Value, Value, u32, bool); 2]>;

/// Whether Nix parses `op` as a call of a builtin (`__lessThan` for the comparisons,
/// `__sub`, `__mul`, `__div`): it counts towards `max-call-depth` while its operands are
/// evaluated.
fn counts_as_call(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Less
            | BinOp::LessEq
            | BinOp::Greater
            | BinOp::GreaterEq
            | BinOp::Sub
            | BinOp::Mul
            | BinOp::Div
    )
}

/// The builtin Nix calls for `op`, where its errors name that call (`a <= b` is
/// `!(b < a)` in Nix, with frames of its own that are not reproduced here).
fn operator_builtin(op: BinOp) -> Option<&'static str> {
    match op {
        BinOp::Less | BinOp::Greater => Some("lessThan"),
        BinOp::Sub => Some("sub"),
        BinOp::Mul => Some("mul"),
        BinOp::Div => Some("div"),
        _ => None,
    }
}

/// How deeply `==` compares nested lists and sets before giving up with Nix's "stack
/// overflow" (a structure that never ends, compared with itself rebuilt). Nix 2.26 compares
/// 100,000 levels and overflows its stack at 1,000,000.
const EQUALITY_DEPTH: u32 = 200_000;

/// How close to `max_native_depth` builtins start suspending instead of re-entering.
const SUSPEND_MARGIN: u32 = 8;

/// Whether calling `def` returns a function without evaluating anything: a plain
/// parameter (nothing to check) and a function literal as the body.
#[inline]
fn returns_lambda_at_once(def: &LambdaDef) -> bool {
    matches!(def.param, Param::Ident(_)) && matches!(&*def.body, Expr::Lambda(_))
}

/// The function of a lazy application, if the machine's quick path may call it
/// ([`LambdaDef::quick_body`]) and forcing it does nothing but return it: a function, an
/// evaluated thunk of one, or a thunk of a function literal (made into its closure and
/// kept, as forcing it would).
fn quick_function(f: &Value) -> Option<Rc<Closure>> {
    let t = match f {
        Value::Lambda(closure) if closure.def.quick_body => return Some(closure.clone()),
        Value::Thunk(t) => t,
        _ => return None,
    };
    if let Some(v) = t.done() {
        return match v {
            Value::Lambda(closure) if closure.def.quick_body => Some(closure),
            _ => None,
        };
    }
    let closure = match &*t.0.borrow() {
        ThunkState::Expr(expr, env) => match &**expr {
            Expr::Lambda(def) if def.quick_body => Rc::new(Closure {
                def: def.clone(),
                env: env.clone(),
            }),
            _ => return None,
        },
        _ => return None,
    };
    *t.0.borrow_mut() = ThunkState::Done(Value::Lambda(closure.clone()));
    Some(closure)
}

/// Whether a forced builtin argument is of the kind its builtin declares for it (see
/// [`crate::primop::PrimOp::args`]).
#[inline(always)]
fn primop_arg_fits(kind: u8, v: &Value) -> bool {
    match (kind, v) {
        (b'S', Value::Attrs(_))
        | (b'L', Value::List(_))
        | (b'I', Value::Int(_))
        | (b'N', Value::Int(_) | Value::Float(_))
        | (b's', Value::String(_))
        | (b'B', Value::Bool(_))
        | (b'F', Value::Lambda(_) | Value::PrimOp(_))
        | (b'.' | b'_', _) => true,
        (b'F', Value::Attrs(a)) => a.get(Symbol::new("__functor")).is_some(),
        _ => false,
    }
}

/// The environment level `level` levels up from `env`.
#[inline(always)]
fn env_at(env: &Env, level: u32) -> &Env {
    let mut e = env;
    for _ in 0..level {
        e = e
            .parent
            .as_ref()
            .expect("lowering guarantees the level exists");
    }
    e
}

/// An operator on two integers, when the result is an integer or a Boolean (`None` on
/// overflow, division by zero and the other operators: the general path reports them).
#[inline(always)]
fn int_binop(op: BinOp, a: i64, b: i64) -> Option<Value> {
    Some(match op {
        BinOp::Less => Value::Bool(a < b),
        BinOp::LessEq => Value::Bool(a <= b),
        BinOp::Greater => Value::Bool(a > b),
        BinOp::GreaterEq => Value::Bool(a >= b),
        BinOp::Eq => Value::Bool(a == b),
        BinOp::NotEq => Value::Bool(a != b),
        BinOp::Add => Value::Int(a.checked_add(b)?),
        BinOp::Sub => Value::Int(a.checked_sub(b)?),
        BinOp::Mul => Value::Int(a.checked_mul(b)?),
        BinOp::Div if b != 0 => Value::Int(a.checked_div(b)?),
        _ => return None,
    })
}

/// Looks a lexical variable up.
fn lookup(env: &Env, level: u32, slot: u32) -> Value {
    env_at(env, level).values.borrow()[slot as usize].clone()
}

/// Looks a lexical variable up for its value: `Ok` with the value if it is one or an
/// evaluated thunk's (forcing an eagerly computed one, as [`Thunk::done`] does), `Err`
/// with the thunk still to force. Only the value is shared, not the thunk.
#[inline]
fn lookup_evaluated(env: &Env, level: u32, slot: u32) -> Result<Value, Rc<Thunk>> {
    let values = env_at(env, level).values.borrow();
    match &values[slot as usize] {
        Value::Thunk(t) => t.done().ok_or_else(|| t.clone()),
        v => Ok(v.clone()),
    }
}

impl Machine {
    /// Drops every value the machine holds (its globals, imports and stack), before the
    /// evaluator is dropped and its cycles collected.
    pub(crate) fn release_values(&mut self) {
        self.frames.clear();
        self.suspended_on = None;
        self.globals = new_env(EnvValues::new(), None);
        self.builtins = Value::Null;
        self.import_cache.clear();
    }

    /// A machine over `io`, without globals yet: the evaluator installs the builtins
    /// (`crate::builtins::install`), the machine only calls what it is given.
    pub fn new(io: Rc<dyn EvalIO>, limits: Limits, settings: crate::Settings) -> Machine {
        let fuel = limits.fuel;
        let m = Machine {
            frames: Vec::new(),
            call_depth: 0,
            builtin_call: None,
            native_depth: 0,
            suspendable: None,
            suspended_on: None,
            structural_depth: 0,
            fuel,
            limits,
            io,
            sources: SourceMap::default(),
            globals: new_env(EnvValues::new(), None),
            global_names: HashMap::default(),
            builtins: Value::Null,
            import_cache: HashMap::default(),
            copied_sources: HashMap::default(),
            trace_lines: Vec::new(),
            regexes: HashMap::default(),
            settings,
            drv_store: Default::default(),
            shared_sources: None,
            lowering_digest: None,
            collector: Default::default(),
            debugger: None,
            quick_forces: 0,
            quick_bodies: 0,
            scoped_files: HashMap::default(),
            missing_search_entries: Default::default(),
        };
        // FileId(0) is a placeholder for positions that have no source.
        m.sources
            .add(crate::source::Origin::Other("none".into()), "".into());
        m
    }

    /// Shares the lowering of `shared`'s files with the other machines that use it, when
    /// this machine lowers as they do (else it lowers everything itself). Lints that warn
    /// or fail while lowering rule sharing out: a file lowered once would warn once.
    pub(crate) fn share_sources(&mut self, shared: crate::SharedSources) {
        if self.settings.lints == crate::Lints::default()
            && shared.accepts(crate::lowering_context(self))
        {
            self.sources.set_shared(shared.files.clone());
            self.shared_sources = Some(shared);
        }
    }

    /// Evaluates `expr` in `env` to weak head normal form.
    pub fn eval(&mut self, expr: &Rc<Expr>, env: &Env) -> EvalResult<Value> {
        let base = self.frames.len();
        self.run(base, Step::Eval(expr.clone(), env.clone()))
    }

    /// [`Machine::eval`] for an expression that is often a variable already evaluated (a
    /// dynamic attribute name): [`Machine::quick`] first, without entering the machine.
    fn eval_small(&mut self, expr: &Rc<Expr>, env: &Env) -> EvalResult<Value> {
        match self.quick(expr, env, 1) {
            Some(Ok(v)) => Ok(v),
            _ => self.eval(expr, env),
        }
    }

    /// Forces a value to weak head normal form, re-entering the machine natively. Deep in
    /// re-entries, a builtin allowed to ([`Machine::call_primop`]) gets
    /// [`ErrorKind::Suspended`] instead, and is called again once the thunk is forced.
    pub fn force(&mut self, v: &Value, span: Option<Span>) -> EvalResult<Value> {
        match v {
            Value::Thunk(t) => {
                if let Some(done) = t.done() {
                    return Ok(done);
                }
                if self.suspendable == Some(self.native_depth) && !t.is_blackhole() {
                    self.suspended_on = Some(v.clone());
                    return Err(Error::new(ErrorKind::Suspended, None));
                }
                let base = self.frames.len();
                match self.force_step(v.clone(), span) {
                    Ok(step) => self.run(base, step),
                    Err(e) => Err(self.unwind(base, e)),
                }
            }
            other => Ok(other.clone()),
        }
    }

    /// Calls a function value with arguments and forces the result.
    pub fn call(&mut self, f: &Value, args: Vec<Value>, span: Span) -> EvalResult<Value> {
        self.call_with_site(f, args, span, span, Some(span))
    }

    /// Calls `f` for the code at `span`, as Nix calls it at `at`: the call site its
    /// traces show. [`Span::NOWHERE`] for builtins that give their calls no position
    /// (`genericClosure`'s operator, a path filter): neither the call nor a builtin
    /// called then has one in traces.
    pub(crate) fn call_at(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        span: Span,
        at: Span,
    ) -> EvalResult<Value> {
        self.call_with_site(f, args, span, at, None)
    }

    /// Calls `f` at `at` with [`Machine::builtin_call`] set to `builtin` meanwhile.
    fn call_with_site(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        span: Span,
        at: Span,
        builtin: Option<Span>,
    ) -> EvalResult<Value> {
        // A builtin that has called back cannot be called again from the start.
        if self.suspendable == Some(self.native_depth) {
            self.suspendable = None;
        }
        let outer = std::mem::replace(&mut self.builtin_call, builtin);
        let r = self.call_from_builtin(f, args, span, at);
        self.builtin_call = outer;
        r
    }

    fn call_from_builtin(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        span: Span,
        at: Span,
    ) -> EvalResult<Value> {
        let f = self.force(f, Some(span))?;
        let base = self.frames.len();
        let mut args = args.into_iter();
        let Some(first) = args.next() else {
            return Ok(f);
        };
        // The remaining arguments wait in frames (last pushed first): no allocation
        // for the common one- and two-argument calls.
        let mut rest: Vec<Value> = args.collect();
        if rest.len() == 1 {
            let second = rest.pop().expect("one");
            if let Err(e) = self.push(Frame::Apply1(second, at)) {
                return Err(self.unwind(base, e));
            }
        } else {
            rest.reverse();
        }
        let step = match self.apply_step(f, first, rest, at) {
            Ok(s) => s,
            Err(e) => return Err(self.unwind(base, e)),
        };
        self.run(base, step)
    }

    /// Runs the machine until the frames are back at `base` (frames above `base` may
    /// already have been pushed by the caller while preparing `step`).
    fn run(&mut self, base: usize, mut step: Step) -> EvalResult<Value> {
        if self.native_depth >= self.limits.max_native_depth {
            return Err(self.unwind(base, Error::stack_exhausted()));
        }
        self.native_depth += 1;
        let result = loop {
            let next = match step {
                Step::Eval(expr, env) => self.eval_step(&expr, &env),
                Step::Return(v) => {
                    if self.frames.len() == base {
                        break Ok(v);
                    }
                    let frame = self.frames.pop().expect("frames above base");
                    self.continue_frame(frame, v)
                }
            };
            match next {
                Ok(s) => step = s,
                Err(e) => break Err(self.unwind(base, e)),
            }
        };
        self.native_depth -= 1;
        result
    }

    /// Pops frames down to `base` after an error, restoring thunks and adding context.
    fn unwind(&mut self, base: usize, mut err: Box<Error>) -> Box<Error> {
        while self.frames.len() > base {
            match self.frames.pop().expect("len > base") {
                Frame::Update(_, ThunkState::Blackhole) => {}
                Frame::Update(thunk, saved) => *thunk.0.borrow_mut() = saved,
                Frame::BindPattern(closure, site) => {
                    self.call_depth -= 1;
                    if let Some(call_site) = bind_site(&closure.def, site) {
                        err.push_frame("from call site", Some(call_site));
                    }
                }
                Frame::CallReturn(lambda, call) => {
                    self.call_depth -= 1;
                    if self.settings.show_trace {
                        let called = match lambda.name {
                            Some(name) => format!("while calling '{name}'"),
                            None => "while calling anonymous lambda".to_string(),
                        };
                        err.push_frame(called, Some(lambda.span));
                        // A lazy call forced where no position is known has no site.
                        if let Some(call) = call.filter(|c| c.file.0 != 0) {
                            err.push_frame("from call site", Some(call));
                        }
                    }
                }
                Frame::PrimOpArgs(p) if force_errors_framed(expected_kind(p.op.args[p.index])) => {
                    err.push_frame(crate::primop::argument_frame(p.op, p.index), None);
                }
                Frame::PrimOpCall(op, span) => {
                    self.call_depth -= 1;
                    err = builtin_error(op, err, span);
                }
                Frame::Functor(span) => err.push_frame(
                    "while calling a functor (an attribute set with a '__functor' attribute)",
                    Some(span),
                ),
                Frame::EvalFile(path) => {
                    err.push_frame(format!("while evaluating the file '{path}':"), None);
                }
                Frame::Calls(state) => self.builtin_call = state.outer_call,
                Frame::BinRight(b, _) | Frame::BinLeft(b, _) if counts_as_call(b.op) => {
                    self.call_depth -= 1;
                    // `a - b` is a call of `__sub`: an error in an operand is inside it.
                    if let Some(name) = operator_builtin(b.op) {
                        err.push_frame(call_frame(name), Some(b.span));
                    }
                }
                Frame::Select(expr, _, env, Some(pos)) if self.names_selection(pos) => {
                    let frame = self.selection_frame(&expr, Some(&env));
                    err.push_frame(frame, Some(pos))
                }
                Frame::Selected(expr, pos, env) if self.names_selection(pos) => {
                    let frame = self.selection_frame(&expr, env.as_ref());
                    err.push_frame(frame, Some(pos))
                }
                // Nix adds these frames to every error in the condition or operand.
                Frame::BoolLeft(b, _) => err.push_frame(
                    format!("in the left operand of the {}", bool_op_name(b.op)),
                    Some(b.span),
                ),
                Frame::BoolRight(op, span) => err.push_frame(
                    format!("in the right operand of the {}", bool_op_name(op)),
                    Some(span),
                ),
                Frame::BinLeft(b, _) if b.op == BinOp::Update => {
                    err = in_update_operand(err, "left", b.span)
                }
                Frame::BinRight(b, _) if b.op == BinOp::Update => {
                    err = in_update_operand(err, "right", b.span)
                }
                // `-x` is a call of `__sub 0 x`.
                Frame::Negate(span) => err.push_frame(call_frame("sub"), Some(span)),
                Frame::If(branch, _) => err.push_frame(BRANCH_CONDITION, Some(branch.span)),
                Frame::Assert(assert, _) => err.push_frame(ASSERT_CONDITION, Some(assert.span)),
                Frame::Not(operand) => err.push_frame(NOT_ARGUMENT, operand),
                _ => {}
            }
        }
        err
    }

    /// The store path a path is copied to when interpolated (`"${./file}"`): read once
    /// per evaluator through the I/O trait, as a NAR.
    pub fn copy_path_to_store(&mut self, path: &str) -> EvalResult<String> {
        if let Some(store_path) = self.copied_sources.get(path) {
            return Ok(store_path.clone());
        }
        // Without a position: Nix reports a path it cannot copy bare.
        let node =
            crate::io::read_nar(&*self.io, path).map_err(|e| Error::new(ErrorKind::Io(e), None))?;
        let name = crate::path::base_name(path);
        let store_dir = &self.settings.store_dir;
        let store_path = crate::store::make_source_path(store_dir, name, &node);
        // A base name that is no store path name is a store error, reported bare too.
        crate::store::check_name(name).map_err(|e| {
            let base = crate::store::store_path_base(store_dir, &store_path);
            Error::new(
                ErrorKind::Io(crate::store::invalid_store_path_message(base, &e)),
                None,
            )
        })?;
        self.copied_sources
            .insert(path.to_owned(), store_path.clone());
        Ok(store_path)
    }

    /// `builtins.break value` called at `span`: stops the evaluation when a debugger is
    /// attached and this is the call it waits for (or it has stopped already).
    pub(crate) fn reach_breakpoint(&mut self, value: &Value, span: Span) -> EvalResult<()> {
        let Some(debugger) = &mut self.debugger else {
            return Ok(());
        };
        if debugger.stop.is_none() && debugger.passed < debugger.skip {
            debugger.passed += 1;
            return Ok(());
        }
        if debugger.stop.is_none() {
            let env = self.frames.iter().rev().find_map(|f| match f {
                Frame::CallSite(env, site) if *site == span => Some(env.clone()),
                _ => None,
            });
            debugger.stop = Some(crate::debug::Breakpoint {
                span,
                value: value.clone(),
                env,
            });
        }
        Err(Error::new(ErrorKind::Breakpoint, Some(span)))
    }

    /// Called by `import` as it returns the unevaluated value of the file at `path`:
    /// the value is evaluated (at the end of the call) in a frame naming the file.
    pub(crate) fn evaluating_file(&mut self, path: &str) -> EvalResult<()> {
        self.push(Frame::EvalFile(path.into()))
    }

    /// Enters a function call (Nix's `max-call-depth`: a call fails when more calls
    /// than that are already open).
    #[inline]
    fn enter_call(&mut self, span: Span) -> EvalResult<()> {
        if self.call_depth > self.limits.max_call_depth {
            return Err(Error::new(ErrorKind::StackOverflow, Some(span)));
        }
        self.call_depth += 1;
        Ok(())
    }

    #[inline(always)]
    fn push(&mut self, frame: Frame) -> EvalResult<()> {
        if self.frames.len() >= self.limits.max_frames {
            return Err(Error::stack_exhausted());
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Begins forcing `v`; `span` is where it is needed (for infinite recursion). A lazy
    /// application forced here has no call site (as when Nix's builtins force a value),
    /// or the function's own position when there is no `span` (Nix's `determinePos`, as
    /// printing and `deepSeq` force).
    fn force_step(&mut self, v: Value, span: Option<Span>) -> EvalResult<Step> {
        self.force_step_at(v, span, false)
    }

    /// The step beginning an operand of an operator, when it is a variable of one that Nix
    /// calls a builtin for (`__lessThan`, `__sub`, ...): forced without a call site, as
    /// that builtin forces its arguments; `None` for an operand evaluated as any expression.
    fn forced_operand(
        &mut self,
        operand: &Rc<Expr>,
        env: &Env,
        call: bool,
    ) -> Option<EvalResult<Step>> {
        match &**operand {
            Expr::Var { level, slot, span } if call => {
                Some(self.force_step_at(lookup(env, *level, *slot), Some(*span), false))
            }
            _ => None,
        }
    }

    /// Begins forcing the value of a variable or selection at `span`, which is also the
    /// call site of a lazy application forced here.
    fn force_expr_step(&mut self, v: Value, span: Span) -> EvalResult<Step> {
        self.force_step_at(v, Some(span), true)
    }

    fn force_step_at(
        &mut self,
        v: Value,
        span: Option<Span>,
        span_is_call_site: bool,
    ) -> EvalResult<Step> {
        let Value::Thunk(t) = v else {
            return Ok(Step::Return(v));
        };
        if let Some(done) = t.done() {
            return Ok(Step::Return(done));
        }
        let state = std::mem::replace(&mut *t.0.borrow_mut(), ThunkState::Blackhole);
        match state {
            ThunkState::Done(_) | ThunkState::Eager(_) => unreachable!("checked above"),
            ThunkState::Blackhole => {
                *t.0.borrow_mut() = ThunkState::Blackhole;
                Err(Error::new(ErrorKind::InfiniteRecursion, span))
            }
            ThunkState::Expr(expr, env) => {
                let step = Step::Eval(expr.clone(), env.clone());
                self.push(Frame::Update(t, ThunkState::Expr(expr, env)))?;
                Ok(step)
            }
            ThunkState::Apply(app) => {
                let f = app.0.clone();
                // Forced without a position (by printing, `deepSeq`, ...), the call is
                // placed where Nix's `determinePos` places it: at the applied function if
                // it is already evaluated, nowhere otherwise.
                let determined = span.is_none();
                let span = span
                    .or_else(|| evaluated_lambda_span(&f))
                    .unwrap_or(Span::NOWHERE);
                let call = if span_is_call_site || determined {
                    span
                } else {
                    Span::NOWHERE
                };
                let pending = match app.1.len() {
                    0 => None,
                    1 => Some(Frame::Apply1(app.1[0].clone(), call)),
                    _ => Some(Frame::ApplyRev(app.1.iter().rev().cloned().collect(), call)),
                };
                // As in Nix, a lazy application is not marked while it is computed:
                // one that needs its own value calls itself again, until the call depth
                // runs out. The frame has nothing to restore.
                *t.0.borrow_mut() = ThunkState::Apply(app);
                self.push(Frame::Update(t, ThunkState::Blackhole))?;
                if let Some(frame) = pending {
                    self.push(frame)?;
                }
                self.force_step(f, Some(span))
            }
        }
    }

    /// A value for `expr` in `env` without evaluating it (Nix's `maybeThunk`).
    pub fn delay(&mut self, expr: &Rc<Expr>, env: &Env) -> Value {
        match &**expr {
            Expr::Const(v) => v.clone(),
            Expr::Var { level, slot, .. } => lookup(env, *level, *slot),
            // Arithmetic on values cannot have effects: compute it now, but keep the
            // thunk so that lazy printing still shows it as unevaluated. Near the call
            // depth limit an operator that Nix counts as a call is left lazy, so that it
            // overflows where Nix's would, when it is forced.
            Expr::BinOp(b)
                if !counts_as_call(b.op)
                    || self.call_depth + EAGER_CALL_MARGIN < self.limits.max_call_depth =>
            {
                // Computed ahead of need, nothing may be forced for it: a thunk forced
                // here would no longer print as unevaluated.
                let forces = std::mem::replace(&mut self.quick_forces, u32::MAX);
                let quick = self.quick(expr, env, 1);
                self.quick_forces = forces;
                match quick {
                    Some(Ok(v)) => Thunk::eager(v),
                    _ => Thunk::new(expr.clone(), env.clone()),
                }
            }
            _ => Thunk::new(expr.clone(), env.clone()),
        }
    }

    /// Charges `steps` evaluation steps against the fuel (for builtins whose work is not
    /// made of machine steps, like building a huge list).
    pub fn charge(&mut self, steps: u64) -> EvalResult<()> {
        if let Some(f) = &mut self.fuel {
            if *f < steps {
                *f = 0;
                return Err(Error::new(ErrorKind::FuelExhausted, None));
            }
            *f -= steps;
        }
        Ok(())
    }

    fn burn_fuel(&mut self) -> EvalResult<()> {
        if let Some(f) = &mut self.fuel {
            if *f == 0 {
                return Err(Error::new(ErrorKind::FuelExhausted, None));
            }
            *f -= 1;
        }
        Ok(())
    }

    /// Evaluates small expressions whose operands are already values (constants, forced
    /// variables, arithmetic and comparisons of those) without touching the frame stack.
    /// `None` means "take the general path"; it never evaluates anything with effects.
    fn quick(&mut self, expr: &Expr, env: &Env, depth: u32) -> Option<EvalResult<Value>> {
        match expr {
            Expr::Const(_) | Expr::Var { .. } => self.quick_operand(expr, env, depth),
            Expr::BinOp(b)
                if depth < QUICK_DEPTH && !matches!(b.op, BinOp::And | BinOp::Or | BinOp::Impl) =>
            {
                let call = counts_as_call(b.op);
                if call {
                    if self.call_depth > self.limits.max_call_depth {
                        return Some(Err(Error::new(ErrorKind::StackOverflow, Some(b.span))));
                    }
                    self.call_depth += 1;
                }
                let operands = self.quick_operands(b, env, depth);
                if call {
                    self.call_depth -= 1;
                }
                let (l, r) = match operands? {
                    Ok(lr) => lr,
                    Err(e) => return Some(Err(e)),
                };
                Some(self.binop_values(b, l, r))
            }
            Expr::Select(select) if depth < QUICK_DEPTH => self.quick_select(select, env, depth),
            Expr::HasAttr(has) if depth < QUICK_DEPTH => self.quick_has_attr(has, env, depth),
            _ if self.quick_bodies > 0 && depth < QUICK_DEPTH => {
                self.quick_control(expr, env, depth)
            }
            _ => None,
        }
    }

    /// [`Machine::quick`] for an `if`, `!`, `-` or a call of a function whose body it
    /// evaluates (see [`crate::ir::quick_shaped`]). Any failure is left to the
    /// machine (`None`), which evaluates the expression again and reports it with its
    /// trace: nothing done here has effects, and thunks are only updated with their values.
    #[inline(never)]
    fn quick_control(&mut self, expr: &Expr, env: &Env, depth: u32) -> Option<EvalResult<Value>> {
        match expr {
            Expr::If(branch) => match self.quick(&branch.cond, env, depth + 1)? {
                Ok(Value::Bool(b)) => {
                    let taken = if b { &branch.then } else { &branch.else_ };
                    self.quick(taken, env, branch_depth(taken, depth))?
                        .ok()
                        .map(Ok)
                }
                _ => None,
            },
            Expr::Not { expr: inner, .. } => match self.quick(inner, env, depth + 1)? {
                Ok(Value::Bool(b)) => Some(Ok(Value::Bool(!b))),
                _ => None,
            },
            Expr::Negate { expr: inner, span } => {
                let v = self.quick(inner, env, depth + 1)?.ok()?;
                self.arith(BinOp::Sub, Value::Int(0), v, *span).ok().map(Ok)
            }
            Expr::Apply { func, args, span } => {
                let mut values: smallvec::SmallVec<[Value; 2]> = smallvec::SmallVec::new();
                for arg in args.iter() {
                    values.push(match &**arg {
                        Expr::Const(v) => v.clone(),
                        Expr::Var { level, slot, .. } => lookup(env, *level, *slot),
                        _ => return None,
                    });
                }
                let f = self.quick(func, env, depth + 1)?.ok()?;
                if let Value::PrimOp(app) = &f {
                    return self.quick_primop(app, &values, *span).map(Ok);
                }
                let closure = quick_function(&f)?;
                self.nested_quick_call(&closure, &values).map(Ok)
            }
            // Values built without evaluating anything: their parts are delayed as the
            // machine delays them (`delay`, `rec_env`), which has no effect.
            Expr::Attrs(def) if def.dynamics.is_empty() && def.inherit_sources.is_empty() => {
                self.build_attrs(def, env, env).ok().map(Ok)
            }
            Expr::RecAttrs(def) if def.dynamics.is_empty() && def.overrides.is_none() => {
                let rec_env = self.rec_env(def, env);
                self.build_attrs(def, &rec_env, env).ok().map(Ok)
            }
            Expr::List(items) => Some(Ok(Value::list(
                items.iter().map(|i| self.delay(i, env)).collect(),
            ))),
            Expr::Lambda(def) => Some(Ok(Value::Lambda(Rc::new(Closure {
                def: def.clone(),
                env: env.clone(),
            })))),
            Expr::Let { attrs, body } => {
                let let_env = self.rec_env(attrs, env);
                self.quick(body, &let_env, depth + 1)
            }
            Expr::BinOp(b) => {
                // `&&`, `||` and `->` (the other operators are `quick`'s), short-circuited
                // as the machine does; an operand that is not a Boolean is its error.
                let Ok(Value::Bool(l)) = self.quick(&b.lhs, env, depth + 1)? else {
                    return None;
                };
                let decided = match b.op {
                    BinOp::And | BinOp::Impl => !l,
                    BinOp::Or => l,
                    _ => return None,
                };
                if decided {
                    return Some(Ok(Value::Bool(b.op != BinOp::And)));
                }
                match self.quick(&b.rhs, env, depth + 1)? {
                    Ok(Value::Bool(r)) => Some(Ok(Value::Bool(r))),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Forces a lazy application (`map`'s and `genList`'s elements) of a one-argument
    /// function whose body [`Machine::quick`] evaluates, called as the machine would call
    /// it (counted towards `max-call-depth`), without its frames. `None`, with the thunk as
    /// it was, when that is not so or the call fails: the machine then forces it, and
    /// reports the error with its trace. What is forced, and in which order, is what the
    /// machine would force: the callers of `quick` need the value now (except
    /// [`Machine::delay`], which forbids it).
    /// Inside a quick body, a delayed expression (`[ (f x) ]`'s element) is forced too,
    /// by [`Machine::quick`], nested as a call would be.
    #[cold]
    fn quick_force(&mut self, t: &Rc<Thunk>) -> Option<Value> {
        let delayed = match &*t.0.borrow() {
            ThunkState::Apply(app) => match &app.1[..] {
                [arg] => Err((quick_function(&app.0)?, arg.clone())),
                _ => return None,
            },
            ThunkState::Expr(expr, env) if self.quick_bodies > 0 => Ok((expr.clone(), env.clone())),
            _ => return None,
        };
        let (f, arg) = match delayed {
            Ok((expr, env)) => return self.quick_force_expr(t, &expr, &env),
            Err(application) => application,
        };
        let value = self.nested_quick_call(&f, &[arg])?;
        *t.0.borrow_mut() = ThunkState::Done(value.clone());
        Some(value)
    }

    /// [`Machine::quick_force`] for a thunk of `expr` in `env`.
    fn quick_force_expr(&mut self, t: &Rc<Thunk>, expr: &Expr, env: &Env) -> Option<Value> {
        if self.quick_forces >= MAX_QUICK_FORCES {
            return None;
        }
        self.quick_forces += 1;
        let value = self.quick(expr, env, 0);
        self.quick_forces -= 1;
        let value = value?.ok()?;
        *t.0.borrow_mut() = ThunkState::Done(value.clone());
        Some(value)
    }

    /// A call of a builtin that computes its value from its forced arguments alone
    /// ([`crate::primop::PrimFn::Pure`]), with all of them, made from a quick body: the
    /// arguments evaluated already (or, for those the machine forces before the call,
    /// lazy applications [`Machine::quick_force`] forces),
    /// of the kinds the builtin declares, the call counted towards `max-call-depth`, and a
    /// result that needs no forcing. `None` when that is not so or the builtin fails: the
    /// machine then makes the call, and reports the error with its trace.
    fn quick_primop(&mut self, app: &PrimOpApp, args: &[Value], span: Span) -> Option<Value> {
        let op = app.op;
        let crate::primop::PrimFn::Pure(func) = op.func else {
            return None;
        };
        if app.args.len() + args.len() != usize::from(op.arity)
            || self.call_depth > self.limits.max_call_depth
        {
            return None;
        }
        let mut all = Vec::with_capacity(usize::from(op.arity));
        for (i, arg) in app.args.iter().chain(args).enumerate() {
            let v = match arg {
                Value::Thunk(t) => match t.done() {
                    Some(v) => v,
                    // Only the arguments the machine forces before the call are forced
                    // here: a lazy one (`map`'s function) may stay unevaluated in Nix.
                    None if op.args[i] != b'_' => self.quick_force(t)?,
                    None => return None,
                },
                v => v.clone(),
            };
            if !primop_arg_fits(op.args[i], &v) {
                return None;
            }
            all.push(v);
        }
        self.call_depth += 1;
        let result = func(self, crate::primop::Args::new(op, all), span);
        self.call_depth -= 1;
        match result.ok()? {
            Value::Thunk(t) => match t.done() {
                Some(v) => Some(v),
                None => self.quick_force(&t),
            },
            v => Some(v),
        }
    }

    /// [`Machine::quick_call`] made from inside the quick path (a lazy application it
    /// forces, a call in a quick body), nested at most [`MAX_QUICK_FORCES`] deep; `None`
    /// when it is not made or fails.
    fn nested_quick_call(&mut self, closure: &Closure, args: &[Value]) -> Option<Value> {
        if self.quick_forces >= MAX_QUICK_FORCES {
            return None;
        }
        self.quick_forces += 1;
        let value = self.quick_call(closure, args);
        self.quick_forces -= 1;
        value.ok()?
    }

    /// [`Machine::quick`] for a selection: out of line, so that the arithmetic paths stay
    /// small.
    #[inline(never)]
    fn quick_select(
        &mut self,
        select: &SelectExpr,
        env: &Env,
        depth: u32,
    ) -> Option<EvalResult<Value>> {
        let Ok(base) = self.quick(&select.expr, env, depth + 1)? else {
            return None;
        };
        match Self::quick_path(base, &select.path)? {
            Some(v) => Some(Ok(v)),
            // `a.b or d`: `d` when an attribute on the way is missing or not in a set.
            None => match &select.default {
                Some(default) => self.quick(default, env, depth + 1)?.ok().map(Ok),
                None => None,
            },
        }
    }

    /// [`Machine::quick`] for `e ? a.b`: whether the evaluated sets on the way have the
    /// attributes (`false` at one that is missing or not a set); `None` when a set on the
    /// way is not evaluated yet.
    #[inline(never)]
    fn quick_has_attr(
        &mut self,
        has: &HasAttrExpr,
        env: &Env,
        depth: u32,
    ) -> Option<EvalResult<Value>> {
        let Ok(base) = self.quick(&has.expr, env, depth + 1)? else {
            return None;
        };
        let (AttrKey::Static(name), on_the_way) = has.path.split_last()? else {
            return None;
        };
        let found = match Self::quick_path(base, on_the_way)? {
            Some(Value::Attrs(attrs)) => attrs.get_attr(*name).is_some(),
            _ => false,
        };
        Some(Ok(Value::Bool(found)))
    }

    /// The value at the static attribute `path` of `v`, if every attribute on the way is
    /// there and already evaluated (so that selecting it has no effect and cannot fail);
    /// `Some(None)` if one on the way is missing or not a set, `None` if that cannot be
    /// known without evaluating.
    fn quick_path(mut v: Value, path: &[AttrKey]) -> Option<Option<Value>> {
        for key in path {
            let AttrKey::Static(name) = key else {
                return None;
            };
            let Value::Attrs(attrs) = &v else {
                return Some(None);
            };
            let Some(attr) = attrs.get_attr(*name) else {
                return Some(None);
            };
            v = attr.value.evaluated()?;
        }
        Some(Some(v))
    }

    /// [`Machine::quick`] for an operand: constants and variables (most operands) are
    /// read here, inline; other expressions are `quick`'s.
    #[inline(always)]
    fn quick_operand(
        &mut self,
        operand: &Expr,
        env: &Env,
        depth: u32,
    ) -> Option<EvalResult<Value>> {
        match operand {
            Expr::Const(v) => Some(Ok(v.clone())),
            Expr::Var { level, slot, .. } => match lookup_evaluated(env, *level, *slot) {
                Ok(v) => Some(Ok(v)),
                Err(t) => self.quick_force(&t).map(Ok),
            },
            _ => self.quick(operand, env, depth),
        }
    }

    /// Both operands of `b` by [`Machine::quick`], the left one checked first.
    fn quick_operands(
        &mut self,
        b: &BinOpExpr,
        env: &Env,
        depth: u32,
    ) -> Option<EvalResult<(Value, Value)>> {
        let l = match self.quick_operand(&b.lhs, env, depth + 1)? {
            Ok(l) => l,
            Err(e) => return Some(Err(operand_error(b, "left", e))),
        };
        if let Err(e) = self.check_left_operand(b, &l) {
            return Some(Err(e));
        }
        let r = match self.quick_operand(&b.rhs, env, depth + 1)? {
            Ok(r) => r,
            Err(e) => return Some(Err(operand_error(b, "right", e))),
        };
        Some(Ok((l, r)))
    }

    /// The checks Nix makes on a left operand before evaluating the right one.
    #[inline(always)]
    fn check_left_operand(&mut self, b: &BinOpExpr, l: &Value) -> EvalResult<()> {
        let common = match b.op {
            BinOp::Add => matches!(l, Value::Int(_) | Value::Float(_) | Value::String(_)),
            BinOp::Update => matches!(l, Value::Attrs(_)),
            _ => true,
        };
        if common {
            return Ok(());
        }
        self.check_left_operand_slow(b, l)
    }

    fn check_left_operand_slow(&mut self, b: &BinOpExpr, l: &Value) -> EvalResult<()> {
        let span = b.span;
        match (b.op, l) {
            (BinOp::Update, Value::Attrs(_)) => Ok(()),
            (BinOp::Update, other) => Err(in_update_operand(
                self.type_error("a set", other, None),
                "left",
                span,
            )),
            (BinOp::Add, Value::Int(_) | Value::Float(_) | Value::String(_) | Value::Path(_)) => {
                Ok(())
            }
            (BinOp::Add, Value::Attrs(a))
                if a.get(Symbol::new("__toString")).is_some()
                    || a.get(Symbol::new("outPath")).is_some() =>
            {
                Ok(())
            }
            (BinOp::Add, other) => {
                let shown = self.show_value_short(other);
                let mut e = Error::new(
                    ErrorKind::Type(TypeMismatch::NotCoercible {
                        found: other.type_phrase(),
                        shown,
                    }),
                    None,
                );
                e.push_frame(PATH_SEGMENT, Some(b.lhs_span));
                Err(e)
            }
            _ => Ok(()),
        }
    }

    /// A binary operator on two values, with the integer cases inline ([`int_binop`]).
    #[inline]
    fn binop_values(&mut self, expr: &BinOpExpr, l: Value, r: Value) -> EvalResult<Value> {
        // Integers are taken out of the values (which then have nothing to drop).
        match (l, r) {
            (Value::Int(a), Value::Int(b)) => match int_binop(expr.op, a, b) {
                Some(v) => Ok(v),
                None => self.binop(expr, Value::Int(a), Value::Int(b)),
            },
            (l, r) => self.binop(expr, l, r),
        }
    }

    /// Steps of evaluating `expr` in `env`: a part evaluated next in the same environment
    /// (a branch, an operand, the function of a call, …) is evaluated here, a step of its
    /// own (with its fuel), without going back to [`Machine::run`] for it.
    fn eval_step(&mut self, mut expr: &Rc<Expr>, env: &Env) -> EvalResult<Step> {
        loop {
            self.burn_fuel()?;
            return match &**expr {
                Expr::Const(v) => Ok(Step::Return(v.clone())),
                Expr::Var { level, slot, span } => match lookup_evaluated(env, *level, *slot) {
                    Ok(v) => Ok(Step::Return(v)),
                    Err(t) => self.force_expr_step(Value::Thunk(t), *span),
                },
                Expr::WithVar { name, level, span } => {
                    let v = self.lookup_with(*name, *level, env, *span)?;
                    self.force_expr_step(v, *span)
                }
                Expr::Select(select) => {
                    // A set already evaluated is selected from at once.
                    if let Some(Ok(base)) = self.quick(&select.expr, env, 1) {
                        return self.select_step(select.clone(), 0, env.clone(), None, base);
                    }
                    self.push(Frame::Select(select.clone(), 0, env.clone(), None))?;
                    expr = &select.expr;
                    continue;
                }
                Expr::HasAttr(has) => {
                    self.push(Frame::HasAttr(has.clone(), 0, env.clone()))?;
                    expr = &has.expr;
                    continue;
                }
                Expr::Attrs(def) => Ok(Step::Return(self.build_attrs(def, env, env)?)),
                Expr::RecAttrs(def) => {
                    let rec_env = self.rec_env(def, env);
                    Ok(Step::Return(self.build_attrs(def, &rec_env, env)?))
                }
                Expr::Let { attrs, body } => {
                    let let_env = self.rec_env(attrs, env);
                    Ok(Step::Eval(body.clone(), let_env))
                }
                Expr::List(items) => Ok(Step::Return(Value::list(
                    items.iter().map(|i| self.delay(i, env)).collect(),
                ))),
                Expr::Lambda(def) => Ok(Step::Return(Value::Lambda(Rc::new(Closure {
                    def: def.clone(),
                    env: env.clone(),
                })))),
                Expr::Apply { func, args, span } => {
                    if self.debugger.is_some() {
                        self.push(Frame::CallSite(env.clone(), *span))?;
                    }
                    if let Some(f) = self.quick(func, env, 3) {
                        let f = f?;
                        let mut rest: Vec<Value> = Vec::new();
                        if args.len() > 1 {
                            // Room for the first argument too: a builtin takes this
                            // vector as its argument list (`apply_step`).
                            rest = Vec::with_capacity(args.len());
                            rest.extend(args[1..].iter().rev().map(|a| self.delay(a, env)));
                        }
                        let first = self.delay(&args[0], env);
                        return self.apply_step(f, first, rest, *span);
                    }
                    if args.len() == 1 {
                        let arg = self.delay(&args[0], env);
                        self.push(Frame::Apply1(arg, *span))?;
                    } else {
                        let args: Vec<Value> =
                            args.iter().rev().map(|a| self.delay(a, env)).collect();
                        self.push(Frame::ApplyRev(args, *span))?;
                    }
                    expr = func;
                    continue;
                }
                Expr::If(branch) => {
                    match self.quick(&branch.cond, env, 0) {
                        Some(Ok(Value::Bool(b))) => {
                            expr = if b { &branch.then } else { &branch.else_ };
                            continue;
                        }
                        Some(Err(mut e)) => {
                            e.push_frame(BRANCH_CONDITION, Some(branch.span));
                            return Err(e);
                        }
                        _ => {}
                    }
                    self.push(Frame::If(branch.clone(), env.clone()))?;
                    expr = &branch.cond;
                    continue;
                }
                Expr::Assert(assert) => {
                    self.push(Frame::Assert(assert.clone(), env.clone()))?;
                    expr = &assert.cond;
                    continue;
                }
                Expr::With {
                    namespace,
                    body,
                    span,
                } => {
                    let ns = self.delay(namespace, env);
                    let with_env = Rc::new(EnvFrame {
                        values: std::cell::RefCell::new(smallvec::smallvec![ns]),
                        parent: Some(env.clone()),
                        with: Some(*span),
                    });
                    Ok(Step::Eval(body.clone(), with_env))
                }
                Expr::BinOp(b) => {
                    // Nix parses `a < b` as a call of `__lessThan` (and `-`, `*`, `/` as calls
                    // of `__sub`, `__mul`, `__div`): it counts as a call while its operands are
                    // evaluated.
                    let call = counts_as_call(b.op);
                    if call && self.call_depth > self.limits.max_call_depth {
                        return Err(Error::new(ErrorKind::StackOverflow, Some(b.span)));
                    }
                    let boolean = matches!(b.op, BinOp::And | BinOp::Or | BinOp::Impl);
                    if !boolean {
                        if let Some(l) = self.quick(&b.lhs, env, 1) {
                            let l = l.map_err(|e| operand_error(b, "left", e))?;
                            self.check_left_operand(b, &l)?;
                            if let Some(r) = self.quick(&b.rhs, env, 1) {
                                let r = r.map_err(|e| operand_error(b, "right", e))?;
                                return Ok(Step::Return(self.binop_values(b, l, r)?));
                            }
                            if call {
                                self.call_depth += 1;
                            }
                            self.push(Frame::BinRight(b.clone(), l))?;
                            if let Some(step) = self.forced_operand(&b.rhs, env, call) {
                                return step;
                            }
                            expr = &b.rhs;
                            continue;
                        }
                    }
                    if boolean {
                        self.push(Frame::BoolLeft(b.clone(), env.clone()))?;
                    } else {
                        if call {
                            self.call_depth += 1;
                        }
                        self.push(Frame::BinLeft(b.clone(), env.clone()))?;
                    }
                    if let Some(step) = self.forced_operand(&b.lhs, env, call && !boolean) {
                        return step;
                    }
                    expr = &b.lhs;
                    continue;
                }
                Expr::Not { expr: inner, .. } => {
                    match self.quick(inner, env, 0) {
                        Some(Ok(Value::Bool(b))) => return Ok(Step::Return(Value::Bool(!b))),
                        Some(Err(mut e)) => {
                            e.push_frame(NOT_ARGUMENT, inner.span());
                            return Err(e);
                        }
                        _ => {}
                    }
                    self.push(Frame::Not(inner.span()))?;
                    expr = inner;
                    continue;
                }
                Expr::Negate { expr: inner, span } => {
                    self.push(Frame::Negate(*span))?;
                    if let Some(step) = self.forced_operand(inner, env, true) {
                        return step;
                    }
                    expr = inner;
                    continue;
                }
                Expr::Interpolate(interp) => {
                    self.interp_next(interp.clone(), 0, env.clone(), Vec::new(), None)
                }
                Expr::SearchPath { span, .. } => Err(Error::new(
                    ErrorKind::Other("search paths are lowered to __findFile".into()),
                    Some(*span),
                )),
                Expr::CurPos(span) => Ok(Step::Return(self.pos_attrs(*span))),
            };
        }
    }

    /// `{ column, file, line }` for a position.
    pub fn pos_attrs(&self, span: Span) -> Value {
        let src = self.sources.get(span.file);
        // Nix has no positions to give for text from `-E` or standard input.
        if matches!(src.origin, crate::Origin::String | crate::Origin::Stdin) {
            return Value::Null;
        }
        let lc = src.line_col(span.start);
        let file = match &src.origin {
            crate::Origin::File(path) => crate::corepkgs::as_string(path).to_string(),
            other => other.display(),
        };
        Value::attrs(Attrs::from_unsorted(vec![
            // Nix computes the line and column lazily: they print as unevaluated.
            Attr {
                name: Symbol::new("column"),
                value: Thunk::eager(Value::Int(lc.col as i64)),
                pos: None,
            },
            Attr {
                name: Symbol::new("file"),
                value: Value::string(file.into_bytes()),
                pos: None,
            },
            Attr {
                name: Symbol::new("line"),
                value: Thunk::eager(Value::Int(lc.line as i64)),
                pos: None,
            },
        ]))
    }

    fn lookup_with(
        &mut self,
        name: Symbol,
        level: u32,
        env: &Env,
        span: Span,
    ) -> EvalResult<Value> {
        let mut e = env.clone();
        for _ in 0..level {
            let parent = e
                .parent
                .clone()
                .expect("lowering guarantees the level exists");
            e = parent;
        }
        loop {
            if let Some(with_span) = e.with {
                let ns = e.values.borrow()[0].clone();
                let forced = self.force(&ns, Some(with_span))?;
                match &forced {
                    Value::Attrs(a) => {
                        if let Some(v) = a.get(name) {
                            return Ok(v.clone());
                        }
                    }
                    other => {
                        let mut e = self.type_error("a set", other, None);
                        e.push_frame(
                            "while evaluating the first subexpression of a with expression",
                            Some(with_span),
                        );
                        return Err(e);
                    }
                }
            }
            match &e.parent {
                Some(p) => {
                    let p = p.clone();
                    e = p;
                }
                None => {
                    return Err(Error::new(
                        ErrorKind::UndefinedVariable(name.name().to_string()),
                        Some(span),
                    ))
                }
            }
        }
    }

    fn rec_env(&mut self, def: &AttrsDef, env: &Env) -> Env {
        let rec_env = new_env(EnvValues::new(), Some(env.clone()));
        let mut values = EnvValues::with_capacity(def.statics.len() + def.inherit_sources.len());
        for a in &def.statics {
            let v = if a.outer {
                self.delay(&a.value, env)
            } else if def.overrides.is_some() {
                // Every attribute of a set with `__overrides` is a thunk, as in Nix.
                Thunk::new(a.value.clone(), rec_env.clone())
            } else {
                match &*a.value {
                    // A slot of this level filled already is shared, as in Nix.
                    Expr::Var { level: 0, slot, .. } if (*slot as usize) < values.len() => {
                        values[*slot as usize].clone()
                    }
                    _ => Self::delay_in_rec(&a.value, &rec_env),
                }
            };
            values.push(v);
        }
        for source in &def.inherit_sources {
            values.push(Self::delay_in_rec(source, &rec_env));
        }
        *rec_env.values.borrow_mut() = values;
        self.collector.track_env(&rec_env);
        rec_env
    }

    /// The value of a slot of a rec/let level whose slots are not filled yet.
    fn delay_in_rec(expr: &Rc<Expr>, rec_env: &Env) -> Value {
        match &**expr {
            Expr::Const(v) => v.clone(),
            // A name from outside the rec level: its value (or thunk) is shared, as in Nix.
            Expr::Var {
                level: level @ 1..,
                slot,
                ..
            } => lookup(rec_env, *level, *slot),
            // The level's own slots are not filled yet: no look-ups now.
            _ => Thunk::new(expr.clone(), rec_env.clone()),
        }
    }

    /// Applies a `rec` set's `__overrides` (a set): each of its attributes replaces the
    /// static attribute of that name, in the set and in the rec level (so the other
    /// attributes see it), or is added to the set.
    fn apply_overrides(
        &mut self,
        def: &AttrsDef,
        index: usize,
        env: &Env,
        entries: &mut Vec<Attr>,
    ) -> EvalResult<()> {
        let slot_value = env.values.borrow()[index].clone();
        let overrides = match self.force(&slot_value, Some(def.statics[index].span))? {
            Value::Attrs(a) => a,
            other => return Err(self.type_error("a set", &other, None)),
        };
        for o in overrides.entries.iter() {
            match def.statics.binary_search_by_key(&o.name, |a| a.name) {
                Ok(slot) => {
                    env.values.borrow_mut()[slot] = o.value.clone();
                    entries[slot].value = o.value.clone();
                }
                Err(_) => entries.push(o.clone()),
            }
        }
        Ok(())
    }

    /// Builds a set literal; for `rec` sets `env` is the rec level whose slots are the values.
    fn build_attrs(&mut self, def: &AttrsDef, env: &Env, outer: &Env) -> EvalResult<Value> {
        let is_rec = !Rc::ptr_eq(env, outer);
        let mut entries: Vec<Attr> = if is_rec {
            let values = env.values.borrow();
            def.statics
                .iter()
                .zip(values.iter())
                .map(|(a, v)| Attr {
                    name: a.name,
                    value: v.clone(),
                    pos: Some(a.span),
                })
                .collect()
        } else {
            def.statics
                .iter()
                .map(|a| Attr {
                    name: a.name,
                    value: self.delay(&a.value, env),
                    pos: Some(a.span),
                })
                .collect()
        };
        if let Some(index) = def.overrides.filter(|_| is_rec) {
            let statics = entries.len();
            self.apply_overrides(def, index, env, &mut entries)
                .map_err(|mut e| {
                    e.push_frame("while evaluating the `__overrides` attribute", None);
                    e
                })?;
            if entries.len() > statics {
                sort_attrs(&mut entries);
            }
        }
        if def.dynamics.is_empty() {
            return Ok(Value::attrs(Attrs { entries }));
        }
        for d in &def.dynamics {
            let name = self.eval_small(&d.name, env)?;
            let name = match name {
                Value::Null => continue,
                Value::String(s) => {
                    if let Some(mut err) = crate::primop::context_not_allowed(&s, None) {
                        err.push_frame(
                            "while evaluating the name of a dynamic attribute",
                            Some(d.span),
                        );
                        return Err(err);
                    }
                    Symbol::from_bytes(&s.bytes)
                }
                other => {
                    let mut err = self.type_error("a string", &other, Some(d.span));
                    err.push_frame(
                        "while evaluating the name of a dynamic attribute",
                        Some(d.span),
                    );
                    return Err(err);
                }
            };
            if let Some(existing) = entries.iter().find(|a| a.name == name) {
                let pos = existing.pos.map(|p| self.pos_string(p)).unwrap_or_default();
                return Err(Error::new(
                    ErrorKind::Duplicate(format!(
                        "dynamic attribute '{}' already defined at {pos}",
                        crate::format_attr_name(&name.name())
                    )),
                    Some(d.span),
                ));
            }
            entries.push(Attr {
                name,
                value: self.delay(&d.value, env),
                pos: Some(d.span),
            });
        }
        sort_attrs(&mut entries);
        Ok(Value::attrs(Attrs { entries }))
    }

    /// `FILE:LINE:COL` for a span.
    pub fn pos_string(&self, span: Span) -> String {
        let src = self.sources.get(span.file);
        let lc = src.line_col(span.start);
        format!("{}:{}:{}", src.origin.display(), lc.line, lc.col)
    }

    /// Starts applying a forced function value to `arg`, then to `rest` (stored last first).
    fn apply_step(
        &mut self,
        f: Value,
        arg: Value,
        mut rest: Vec<Value>,
        span: Span,
    ) -> EvalResult<Step> {
        match f {
            Value::Lambda(closure) => {
                if !rest.is_empty()
                    && returns_lambda_at_once(&closure.def)
                    && self.debugger.is_none()
                {
                    return self.apply_curried(&closure, arg, rest, span);
                }
                self.enter_lambda(
                    &closure.def,
                    &closure.env,
                    || closure.clone(),
                    arg,
                    rest,
                    span,
                )
            }
            Value::PrimOp(app) => {
                let op = app.op;
                let arity = op.arity as usize;
                if app.args.is_empty() && rest.len() + 1 == arity {
                    // A builtin given exactly its arguments at once (`map f xs`): they
                    // become its argument list in place when there is room for the
                    // first, with no second allocation.
                    let all = if rest.capacity() > rest.len() {
                        rest.push(arg);
                        rest.reverse();
                        rest
                    } else {
                        let mut all = Vec::with_capacity(arity);
                        all.push(arg);
                        all.extend(rest.into_iter().rev());
                        all
                    };
                    self.enter_call(span)?;
                    self.push(Frame::PrimOpCall(op, span))?;
                    return self.primop_step(op, all, 0, span);
                }
                let mut all = Vec::with_capacity(arity);
                all.extend(app.args.iter().cloned());
                all.push(arg);
                while all.len() < arity {
                    match rest.pop() {
                        Some(a) => all.push(a),
                        None => {
                            return Ok(Step::Return(Value::PrimOp(Rc::new(PrimOpApp {
                                op,
                                args: all,
                            }))))
                        }
                    }
                }
                if !rest.is_empty() {
                    self.push(Frame::ApplyRev(rest, span))?;
                }
                self.enter_call(span)?;
                self.push(Frame::PrimOpCall(op, span))?;
                self.primop_step(op, all, 0, span)
            }
            Value::Attrs(ref a) => match a.get_attr(Symbol::new("__functor")) {
                Some(functor) => {
                    // As Nix does: `f.__functor f arg`, called where `__functor` is
                    // defined and inside a frame naming the functor call; the result is
                    // then applied to `rest` at the call site.
                    let (fv, functor_pos) = (functor.value.clone(), functor.pos.unwrap_or(span));
                    if !rest.is_empty() {
                        self.push(Frame::ApplyRev(rest, span))?;
                    }
                    self.push(Frame::Functor(span))?;
                    self.push(Frame::ApplyRev(vec![arg, f.clone()], functor_pos))?;
                    self.force_step(fv, Some(functor_pos))
                }
                None => Err(self.not_a_function(&f, span)),
            },
            other => Err(self.not_a_function(&other, span)),
        }
    }

    /// The call site a trace names for a call at `span`: none for a call made by a builtin.
    fn call_site(&self, span: Span) -> Option<Span> {
        if self.builtin_call == Some(span) {
            None
        } else {
            Some(span)
        }
    }

    /// Applies a curried function (`a: b: ...`) to several arguments at once: each call
    /// whose body is the next function returns it without evaluating anything, so its
    /// environment becomes the next function's directly, with no closure, no frames and
    /// no step for the body. What can be observed is as in one call after another: each
    /// call is checked against `max-call-depth` and is over before the next begins.
    fn apply_curried(
        &mut self,
        closure: &Closure,
        mut arg: Value,
        mut rest: Vec<Value>,
        span: Span,
    ) -> EvalResult<Step> {
        let mut def = &closure.def;
        let mut env = closure.env.clone();
        loop {
            if self.call_depth > self.limits.max_call_depth {
                return Err(Error::new(ErrorKind::StackOverflow, Some(span)));
            }
            let Expr::Lambda(inner) = &*def.body else {
                unreachable!("only a function returning a function is applied curried")
            };
            env = new_env(smallvec::smallvec![arg], Some(env));
            def = inner;
            arg = rest.pop().expect("a curried call has an argument left");
            if rest.is_empty() || !returns_lambda_at_once(def) {
                break;
            }
        }
        let closure = || {
            Rc::new(Closure {
                def: def.clone(),
                env: env.clone(),
            })
        };
        self.enter_lambda(def, &env, closure, arg, rest, span)
    }

    /// Calls the function `def` closed over `env` (`closure` makes it a value, for a
    /// pattern to be bound) with `arg`, the `rest` waiting to be applied to its result.
    fn enter_lambda(
        &mut self,
        def: &Rc<LambdaDef>,
        env: &Env,
        closure: impl FnOnce() -> Rc<Closure>,
        arg: Value,
        rest: Vec<Value>,
        span: Span,
    ) -> EvalResult<Step> {
        if !rest.is_empty() {
            self.push(Frame::ApplyRev(rest, span))?;
        }
        self.enter_call(span)?;
        let site = self.call_site(span);
        match &def.param {
            Param::Ident(_) => {
                self.push(Frame::CallReturn(def.clone(), site))?;
                let env = new_env(smallvec::smallvec![arg], Some(env.clone()));
                Ok(Step::Eval(def.body.clone(), env))
            }
            Param::Pattern(_) => {
                self.push(Frame::BindPattern(closure(), site))?;
                self.force_step(arg, Some(span))
            }
        }
    }

    fn not_a_function(&mut self, v: &Value, span: Span) -> Box<Error> {
        let shown = self.show_value_short(v);
        Error::new(
            ErrorKind::Type(TypeMismatch::NotAFunction {
                found: v.type_phrase(),
                shown,
            }),
            Some(span),
        )
    }

    fn primop_step(
        &mut self,
        op: &'static crate::primop::PrimOp,
        mut args: Vec<Value>,
        from: usize,
        span: Span,
    ) -> EvalResult<Step> {
        for i in from..args.len() {
            let kind = op.args[i];
            if kind == b'_' {
                continue;
            }
            if let Value::Thunk(t) = &args[i] {
                match t.done() {
                    Some(v) => args[i] = v,
                    None => {
                        let arg = args[i].clone();
                        self.push(Frame::PrimOpArgs(Box::new(PendingPrimOp {
                            op,
                            args,
                            index: i,
                            span,
                        })))?;
                        return self.force_step(arg, Some(span));
                    }
                }
            }
            self.check_primop_arg(op, i, &args[i])?;
        }
        match op.func {
            crate::primop::PrimFn::Value(func) | crate::primop::PrimFn::Pure(func) => {
                self.call_primop(op, func, args, span)
            }
            crate::primop::PrimFn::Calls(start) => {
                let args = crate::primop::Args::new(op, args);
                let calls = start(self, args, span)?;
                let outer_call = self.builtin_call;
                self.continue_calls(Box::new(PendingCalls { calls, outer_call }), None)
            }
        }
    }

    /// Calls a builtin whose arguments are ready. Deep in native re-entries (near
    /// `max_native_depth`), the builtin may suspend on a thunk instead of forcing it
    /// natively ([`Machine::force`]): the thunk is then forced on the heap and the builtin
    /// called again, so chains such as derivations depending on derivations go as deep as
    /// memory allows.
    fn call_primop(
        &mut self,
        op: &'static crate::primop::PrimOp,
        func: fn(&mut Machine, crate::primop::Args, Span) -> EvalResult<Value>,
        args: Vec<Value>,
        span: Span,
    ) -> EvalResult<Step> {
        let may_suspend = self.native_depth + SUSPEND_MARGIN >= self.limits.max_native_depth
            && !matches!(op.name, "tryEval" | "addErrorContext");
        let retry = may_suspend.then(|| args.clone());
        let outer = std::mem::replace(
            &mut self.suspendable,
            may_suspend.then_some(self.native_depth),
        );
        let result = func(self, crate::primop::Args::new(op, args), span);
        self.suspendable = outer;
        let result = match (result, retry) {
            (Err(e), Some(args)) if e.kind == ErrorKind::Suspended => {
                let thunk = self
                    .suspended_on
                    .take()
                    .expect("a suspended builtin names its thunk");
                self.push(Frame::Retry(Box::new(PendingPrimOp {
                    op,
                    args,
                    index: 0,
                    span,
                })))?;
                return self.force_step(thunk, Some(span));
            }
            (result, _) => result?,
        };
        // The call ends here when its result needs no forcing (the usual case), and for
        // `break`, which returns its argument unforced as in Nix.
        let evaluated = match &result {
            Value::Thunk(t) => t.is_evaluated(),
            _ => true,
        };
        if evaluated || op.name == "break" {
            debug_assert!(matches!(self.frames.last(), Some(Frame::PrimOpCall(..))));
            self.frames.pop();
            self.call_depth -= 1;
        }
        self.force_step(result, Some(span))
    }

    /// Goes on with a builtin calling back into Nix, given the value of its last call or
    /// forcing (`None` to start).
    fn continue_calls(
        &mut self,
        mut state: Box<PendingCalls>,
        last: Option<Value>,
    ) -> EvalResult<Step> {
        use crate::primop::LoopStep;
        let span = state.calls.span();
        let mut next = state.calls.advance(self, last);
        // Calls of simple functions (`x: x < 5`, `a: b: a + b`) are made here, one after
        // another, without the machine's frames.
        while let Ok(LoopStep::Call(Value::Lambda(f), args)) = &next {
            match self.quick_call(f, args)? {
                Some(v) => next = state.calls.advance(self, Some(v)),
                None => break,
            }
        }
        if !matches!(next, Ok(LoopStep::Call(..))) {
            self.builtin_call = state.outer_call;
        }
        match next {
            Ok(LoopStep::Done(v)) => self.force_step(v, Some(span)),
            Ok(LoopStep::Force(v)) => {
                self.push(Frame::Calls(state))?;
                self.force_step(v, Some(span))
            }
            Ok(LoopStep::Call(f, args)) => {
                self.push(Frame::Calls(state))?;
                let mut args = args.into_iter();
                let first = args.next().expect("a builtin calls with an argument");
                let args = args.rev().collect();
                // Calls made by a builtin have no call site in traces (until it ends);
                // as in Nix, where these builtins call with no position, neither the
                // call nor a builtin called has a position.
                self.builtin_call = Some(span);
                self.apply_step(f, first, args, Span::NOWHERE)
            }
            Err(e) => Err(e),
        }
    }

    /// Calls `closure` with `args` (one or two: for a builtin, or a lazy application) if
    /// it is a function of as many arguments, one by one (`a: b: …`), whose body
    /// [`Machine::quick`] evaluates: each call counted towards `max-call-depth` and over
    /// before the next, as the machine would make them, and one step of fuel. `None` when
    /// that is not so or the body fails: the machine then makes the call, and reports the
    /// error with its trace.
    #[inline(always)]
    fn quick_call(&mut self, closure: &Closure, args: &[Value]) -> EvalResult<Option<Value>> {
        if self.debugger.is_some() || self.call_depth > self.limits.max_call_depth {
            return Ok(None);
        }
        let mut def = &closure.def;
        if let [_, _] = args {
            match (&def.param, &*def.body) {
                (Param::Ident(_), Expr::Lambda(inner)) => def = inner,
                _ => return Ok(None),
            }
        }
        if !def.quick_body {
            return Ok(None);
        }
        let mut env = closure.env.clone();
        for arg in args {
            env = new_env(smallvec::smallvec![arg.clone()], Some(env));
        }
        self.burn_fuel()?;
        self.call_depth += 1;
        self.quick_bodies += 1;
        let value = self.quick(&def.body, &env, 0);
        self.quick_bodies -= 1;
        self.call_depth -= 1;
        Ok(match value {
            Some(Ok(v)) => Some(v),
            _ => None,
        })
    }

    /// Checks a forced builtin argument against the kind its builtin declares.
    #[inline(always)]
    fn check_primop_arg(
        &mut self,
        op: &'static crate::primop::PrimOp,
        i: usize,
        v: &Value,
    ) -> EvalResult<()> {
        if primop_arg_fits(op.args[i], v) {
            return Ok(());
        }
        Err(self.primop_arg_error(op, i, v))
    }

    /// The error for a builtin argument of the wrong kind.
    #[cold]
    #[inline(never)]
    fn primop_arg_error(
        &mut self,
        op: &'static crate::primop::PrimOp,
        i: usize,
        v: &Value,
    ) -> Box<Error> {
        let mut e = self.type_error(expected_kind(op.args[i]), v, None);
        e.push_frame(crate::primop::argument_frame(op, i), None);
        e
    }

    fn bind_pattern(
        &mut self,
        closure: Rc<Closure>,
        arg: Value,
        site: Option<Span>,
    ) -> EvalResult<Step> {
        let Param::Pattern(pat) = &closure.def.param else {
            unreachable!("BindPattern only for patterns")
        };
        let call_site = bind_site(&closure.def, site);
        let attrs = match &arg {
            Value::Attrs(a) => a.clone(),
            other => {
                let mut e = self.type_error("a set", other, None);
                e.push_frame(
                    "while evaluating the value passed for the lambda argument",
                    Some(closure.def.span),
                );
                if let Some(call_site) = call_site {
                    e.push_frame("from call site", Some(call_site));
                }
                return Err(e);
            }
        };
        let fname = match closure.def.name {
            Some(n) => format!("function '{n}'"),
            None => "function 'anonymous lambda'".to_string(),
        };
        let env = new_env(EnvValues::new(), Some(closure.env.clone()));
        let mut values = EnvValues::with_capacity(pat.formals.len() + 1);
        let mut used = 0usize;
        // Nix checks the formals in symbol order: the first missing one in that order is reported.
        if let Some(missing) = pat
            .formals
            .iter()
            .filter(|f| f.default.is_none() && attrs.get(f.name).is_none())
            .min_by_key(|f| f.name)
        {
            let mut e = Error::new(
                ErrorKind::MissingArgument {
                    function: fname,
                    argument: missing.name.to_string(),
                },
                Some(closure.def.span),
            );
            // Unlike a value that is not a set, this frame stays (without a position).
            e.push_frame("from call site", call_site);
            return Err(e);
        }
        for formal in &pat.formals {
            match attrs.get(formal.name) {
                Some(v) => {
                    used += 1;
                    values.push(v.clone());
                }
                None => match &formal.default {
                    Some(d) => values.push(match &**d {
                        // As Nix, a constant default, or a variable of an enclosing scope,
                        // of an earlier formal or of the whole argument (`args@`, bound
                        // last here but first in Nix), is used as is (printed as a value,
                        // not as code; `{ x ? y, y ? x }` makes `y` the very thunk of `x`).
                        Expr::Const(v) => v.clone(),
                        Expr::Var { level, slot, .. } if *level > 0 => lookup(&env, *level, *slot),
                        Expr::Var { slot, .. } if (*slot as usize) < values.len() => {
                            values[*slot as usize].clone()
                        }
                        Expr::Var { slot, .. } if *slot as usize == pat.formals.len() => {
                            arg.clone()
                        }
                        _ => Thunk::new(d.clone(), env.clone()),
                    }),
                    None => unreachable!("reported above"),
                },
            }
        }
        if !pat.ellipsis && used < attrs.len() {
            for a in attrs.entries.iter() {
                if !pat.formals.iter().any(|f| f.name == a.name) {
                    let mut e = Error::new(
                        ErrorKind::UnexpectedArgument {
                            function: fname.clone(),
                            argument: a.name.to_string(),
                        },
                        Some(closure.def.span),
                    );
                    let names: Vec<String> = pat
                        .formals
                        .iter()
                        .map(|f| f.name.name().to_string())
                        .collect();
                    if let Some(s) = crate::suggest::did_you_mean(
                        &a.name.name(),
                        names.iter().map(|s| s.as_str()),
                    ) {
                        e = e.with_note(s);
                    }
                    e.push_frame("from call site", call_site);
                    return Err(e);
                }
            }
        }
        if pat.at.is_some() {
            values.push(arg);
        }
        *env.values.borrow_mut() = values;
        if pat.formals.iter().any(|f| f.default.is_some()) {
            // The defaults' thunks refer to this level, which holds them.
            self.collector.track_env(&env);
        }
        self.push(Frame::CallReturn(closure.def.clone(), site))?;
        Ok(Step::Eval(closure.def.body.clone(), env))
    }

    fn continue_frame(&mut self, frame: Frame, v: Value) -> EvalResult<Step> {
        match frame {
            Frame::Update(thunk, _) => {
                *thunk.0.borrow_mut() = ThunkState::Done(v.clone());
                if v.may_refer_back() {
                    self.collector.track_thunk(&thunk);
                }
                Ok(Step::Return(v))
            }
            Frame::CallReturn(..) => {
                self.call_depth -= 1;
                Ok(Step::Return(v))
            }
            Frame::CallSite(..) | Frame::Functor(_) => Ok(Step::Return(v)),
            Frame::Apply1(arg, span) => self.apply_step(v, arg, Vec::new(), span),
            Frame::ApplyRev(mut rest, span) => {
                let arg = rest.pop().expect("ApplyRev holds at least one argument");
                self.apply_step(v, arg, rest, span)
            }
            Frame::BindPattern(closure, site) => self
                .bind_pattern(closure, v, site)
                .inspect_err(|_| self.call_depth -= 1),
            Frame::PrimOpArgs(p) => {
                let PendingPrimOp {
                    op,
                    mut args,
                    index,
                    span,
                } = *p;
                self.check_primop_arg(op, index, &v)?;
                args[index] = v;
                self.primop_step(op, args, index + 1, span)
            }
            Frame::Retry(p) => self.primop_step(p.op, p.args, p.op.args.len(), p.span),
            Frame::PrimOpCall(..) => {
                self.call_depth -= 1;
                Ok(Step::Return(v))
            }
            Frame::EvalFile(_) => Ok(Step::Return(v)),
            Frame::Calls(state) => self.continue_calls(state, Some(v)),
            Frame::If(branch, env) => {
                let IfExpr {
                    then, else_, span, ..
                } = &*branch;
                match v {
                    Value::Bool(true) => Ok(Step::Eval(then.clone(), env)),
                    Value::Bool(false) => Ok(Step::Eval(else_.clone(), env)),
                    other => {
                        let mut e = self.type_error("a Boolean", &other, Some(*span));
                        e.push_frame(BRANCH_CONDITION, Some(*span));
                        Err(e)
                    }
                }
            }
            Frame::Assert(assert, env) => {
                let AssertExpr {
                    cond,
                    body,
                    text,
                    span,
                } = &*assert;
                match v {
                    Value::Bool(true) => Ok(Step::Eval(body.clone(), env)),
                    Value::Bool(false) => Err(self.assertion_failed(cond, text, &env, *span)),
                    other => {
                        let mut e = self.type_error("a Boolean", &other, Some(*span));
                        e.push_frame(ASSERT_CONDITION, Some(*span));
                        Err(e)
                    }
                }
            }
            Frame::BinLeft(b, env) => {
                if let Err(e) = self.check_left_operand(&b, &v) {
                    if counts_as_call(b.op) {
                        self.call_depth -= 1;
                    }
                    return Err(e);
                }
                let call = counts_as_call(b.op);
                // A right operand that is a value already (`f x + 1`) is used at once.
                if matches!(&*b.rhs, Expr::Const(_) | Expr::Var { .. }) {
                    if let Some(Ok(r)) = self.quick_operand(&b.rhs, &env, 1) {
                        if call {
                            self.call_depth -= 1;
                        }
                        return Ok(Step::Return(self.binop_values(&b, v, r)?));
                    }
                }
                let rhs = b.rhs.clone();
                self.push(Frame::BinRight(b, v))?;
                match self.forced_operand(&rhs, &env, call) {
                    Some(step) => step,
                    None => Ok(Step::Eval(rhs, env)),
                }
            }
            Frame::BinRight(b, lhs) => {
                if counts_as_call(b.op) {
                    self.call_depth -= 1;
                }
                Ok(Step::Return(self.binop_values(&b, lhs, v)?))
            }
            Frame::BoolLeft(expr, env) => {
                let (op, span) = (expr.op, expr.span);
                let b = match v {
                    Value::Bool(b) => b,
                    other => {
                        let mut e = self.type_error("a Boolean", &other, Some(span));
                        e.push_frame(
                            format!("in the left operand of the {}", bool_op_name(op)),
                            Some(span),
                        );
                        return Err(e);
                    }
                };
                match (op, b) {
                    (BinOp::And, false) => Ok(Step::Return(Value::Bool(false))),
                    (BinOp::Or, true) => Ok(Step::Return(Value::Bool(true))),
                    (BinOp::Impl, false) => Ok(Step::Return(Value::Bool(true))),
                    _ => {
                        self.push(Frame::BoolRight(op, span))?;
                        Ok(Step::Eval(expr.rhs.clone(), env))
                    }
                }
            }
            Frame::BoolRight(op, span) => match v {
                Value::Bool(b) => Ok(Step::Return(Value::Bool(b))),
                other => {
                    let mut e = self.type_error("a Boolean", &other, Some(span));
                    e.push_frame(
                        format!("in the right operand of the {}", bool_op_name(op)),
                        Some(span),
                    );
                    Err(e)
                }
            },
            Frame::Not(operand) => match v {
                Value::Bool(b) => Ok(Step::Return(Value::Bool(!b))),
                other => {
                    let mut e = self.type_error("a Boolean", &other, operand);
                    e.push_frame(NOT_ARGUMENT, operand);
                    Err(e)
                }
            },
            Frame::Negate(span) => Ok(Step::Return(self.arith(
                BinOp::Sub,
                Value::Int(0),
                v,
                span,
            )?)),
            Frame::Select(expr, index, env, last) => self.select_step(expr, index, env, last, v),
            Frame::Selected(..) => Ok(Step::Return(v)),
            Frame::HasAttr(expr, index, env) => self.has_attr_step(expr, index, env, v),
            Frame::Interp(mut p) => {
                // A set's `__toString` is called, and its `outPath` (a derivation's)
                // forced, on the heap, not natively by the coercion below; what they
                // give comes back to this frame in the set's place. Chains of derivations
                // interpolating the one before (`"${prev}"`) then nest as deep as memory
                // allows. As in Nix, an error inside them is not in a "path segment"
                // frame.
                let span = p.expr.span;
                if let Some(to_string) = to_string_function(&v) {
                    // Called at the part's `${`, as in Nix.
                    let at = part_span(&p.expr, p.index);
                    p.to_string_result = true;
                    self.push(Frame::Interp(p))?;
                    self.push(Frame::Apply1(v, at))?;
                    return self.force_step(to_string, Some(at));
                }
                if let Some(out) = unforced_out_path(&v) {
                    self.push(Frame::Interp(p))?;
                    return self.force_step(out, Some(span));
                }
                let PendingInterp {
                    expr,
                    index,
                    env,
                    mut acc,
                    mut ctx,
                    to_string_result,
                } = *p;
                let (kind, span) = (expr.kind, expr.span);
                match (&v, kind) {
                    (Value::Path(p), InterpKind::Path) => acc.extend_from_slice(p.as_bytes()),
                    _ => {
                        let s = self
                            .coerce_to_string(&v, CoerceMode::Interpolation, span)
                            .map_err(|e| in_coercion_frame(e, &expr, index, to_string_result))?;
                        if kind == InterpKind::Path && s.context.is_some() {
                            return Err(Error::new(
                                ErrorKind::Other("a string that refers to a store path cannot be appended to a path".into()),
                                Some(span),
                            ));
                        }
                        acc.extend_from_slice(&s.bytes);
                        merge_context(&mut ctx, &s.context);
                    }
                }
                self.interp_next(expr, index + 1, env, acc, ctx)
            }
        }
    }

    fn interp_next(
        &mut self,
        expr: Rc<InterpExpr>,
        mut index: usize,
        env: Env,
        mut acc: Vec<u8>,
        ctx: Context,
    ) -> EvalResult<Step> {
        while index < expr.parts.len() {
            match &expr.parts[index] {
                InterpPart::Lit(b) => acc.extend_from_slice(b),
                InterpPart::Expr(e, _) => {
                    let e = e.clone();
                    self.push(Frame::Interp(Box::new(PendingInterp {
                        expr,
                        index,
                        env: env.clone(),
                        acc,
                        ctx,
                        to_string_result: false,
                    })))?;
                    return Ok(Step::Eval(e, env));
                }
            }
            index += 1;
        }
        match expr.kind {
            InterpKind::String => Ok(Step::Return(Value::string_with_context(acc, ctx))),
            InterpKind::Path => {
                let s = String::from_utf8_lossy(&acc).to_string();
                let s = if s.starts_with('/') {
                    s
                } else {
                    format!("/{s}")
                };
                Ok(Step::Return(Value::Path(
                    crate::path::canonicalise(&s).into(),
                )))
            }
        }
    }

    fn attr_key(&mut self, key: &AttrKey, env: &Env) -> EvalResult<Symbol> {
        match key {
            AttrKey::Static(s) => Ok(*s),
            AttrKey::Dynamic(e) => {
                let v = self.eval_small(e, env)?;
                match v {
                    Value::String(s) => match crate::primop::context_not_allowed(&s, None) {
                        Some(mut err) => {
                            err.push_frame("while evaluating an attribute name", e.span());
                            Err(err)
                        }
                        None => Ok(Symbol::from_bytes(&s.bytes)),
                    },
                    // Unlike a set literal's, a selected or tested name cannot be null.
                    other => {
                        let mut err = self.type_error("a string", &other, e.span());
                        err.push_frame("while evaluating an attribute name", e.span());
                        Err(err)
                    }
                }
            }
        }
    }

    fn select_step(
        &mut self,
        expr: Rc<SelectExpr>,
        index: usize,
        env: Env,
        last: Option<Span>,
        v: Value,
    ) -> EvalResult<Step> {
        let found = match self.find_selected(&expr, index, &env, last, v) {
            Ok(Ok(found)) => found,
            Ok(Err(step)) => return Ok(step),
            // Once an attribute was found, Nix names the selection in errors that follow.
            Err(mut e) => {
                if let Some(pos) = last.filter(|&pos| self.names_selection(pos)) {
                    let frame = self.selection_frame(&expr, Some(&env));
                    e.push_frame(frame, Some(pos));
                }
                return Err(e);
            }
        };
        // Re-entering an attribute being evaluated: as Nix, the infinite recursion is
        // reported at the selection for an attribute that is selected from, and at the
        // last attribute's definition (when it has one) for the selected value. An error
        // in forcing it is named by the frame pushed here.
        let force_pos = if index + 1 < expr.path.len() {
            // An attribute already evaluated is selected from at once.
            if let Some(v) = found.value.evaluated() {
                return self.select_step(expr, index + 1, env, found.pos, v);
            }
            let span = expr.span;
            self.push(Frame::Select(expr, index + 1, env, found.pos))?;
            span
        } else {
            if let (Some(pos), Value::Thunk(_)) = (found.pos, &found.value) {
                self.push_selected(&expr, pos, &env)?;
            }
            found.pos.unwrap_or(expr.span)
        };
        self.force_expr_step(found.value, force_pos)
    }

    /// "while evaluating the attribute 'a.b'" for the selection `select` in `env`. As
    /// Nix, a dynamic name is evaluated again to be shown; one that fails (or has no
    /// environment) is shown as its expression, `"${EXPR}"`.
    fn selection_frame(&mut self, select: &SelectExpr, env: Option<&Env>) -> String {
        let mut shown = select.dynamic_shown.iter();
        let names: Vec<String> = select
            .path
            .iter()
            .map(|key| {
                let expr = match key {
                    AttrKey::Static(s) => return crate::format_attr_name(&s.name()),
                    AttrKey::Dynamic(_) => shown.next().map_or(crate::show::ERROR, |s| &**s),
                };
                match env.map(|env| self.attr_key(key, env)) {
                    Some(Ok(name)) => crate::format_attr_name(&name.name()),
                    _ => format!("\"${{{expr}}}\""),
                }
            })
            .collect();
        format!("while evaluating the attribute '{}'", names.join("."))
    }

    /// Pushes [`Frame::Selected`] for `select` in `env`, keeping the environment only for a
    /// path with dynamic names (a message shows them evaluated).
    fn push_selected(&mut self, select: &Rc<SelectExpr>, pos: Span, env: &Env) -> EvalResult<()> {
        let env = (!select.dynamic_shown.is_empty()).then(|| env.clone());
        self.push(Frame::Selected(select.clone(), pos, env))
    }

    /// Whether an attribute defined at `pos` names the selections it is found by (not
    /// those inside `derivation`'s own code).
    fn names_selection(&self, pos: Span) -> bool {
        pos.file.0 != 0 && !crate::corepkgs::is_derivation_file(&self.sources.get(pos.file).origin)
    }

    /// The attribute `path[index]` of `v`, or the step that evaluates the selection's
    /// `or` default.
    fn find_selected(
        &mut self,
        expr: &Rc<SelectExpr>,
        index: usize,
        env: &Env,
        last: Option<Span>,
        v: Value,
    ) -> EvalResult<Result<Attr, Step>> {
        let SelectExpr {
            path,
            default,
            span,
            ..
        } = &**expr;
        let key = self.attr_key(&path[index], env)?;
        match (&v, key) {
            (Value::Attrs(a), k) => match a.get_attr(k) {
                Some(found) => Ok(Ok(found.clone())),
                None => {
                    if let Some(d) = default {
                        if let Some(pos) = last {
                            self.push_selected(expr, pos, env)?;
                        }
                        return Ok(Err(Step::Eval(d.clone(), env.clone())));
                    }
                    let names: Vec<Rc<str>> = a.entries.iter().map(|e| e.name.name()).collect();
                    let mut e = Error::new(
                        ErrorKind::MissingAttribute(k.name().to_string()),
                        Some(*span),
                    );
                    if let Some(s) =
                        crate::suggest::did_you_mean(&k.name(), names.iter().map(|n| &**n))
                    {
                        e = e.with_note(s);
                    }
                    Err(e)
                }
            },
            (other, _) => {
                if let Some(d) = default {
                    if let Some(pos) = last {
                        self.push_selected(expr, pos, env)?;
                    }
                    return Ok(Err(Step::Eval(d.clone(), env.clone())));
                }
                // As in Nix, the position is the frame's only.
                let mut e = self.type_error("a set", other, None);
                e.push_frame("while selecting an attribute", Some(*span));
                Err(e)
            }
        }
    }

    fn has_attr_step(
        &mut self,
        expr: Rc<HasAttrExpr>,
        index: usize,
        env: Env,
        v: Value,
    ) -> EvalResult<Step> {
        let path = &expr.path;
        let key = self.attr_key(&path[index], &env)?;
        let found = match &v {
            Value::Attrs(a) => a.get(key).cloned(),
            _ => None,
        };
        match found {
            None => Ok(Step::Return(Value::Bool(false))),
            Some(_) if index + 1 == path.len() => Ok(Step::Return(Value::Bool(true))),
            Some(found) => {
                // Nix forces each set tested at the position of the expression tested.
                let pos = expr.expr.span();
                self.push(Frame::HasAttr(expr.clone(), index + 1, env))?;
                self.force_step(found, pos)
            }
        }
    }

    fn assertion_failed(
        &mut self,
        cond: &Rc<Expr>,
        text: &str,
        env: &Env,
        span: Span,
    ) -> Box<Error> {
        let equality = match &**cond {
            Expr::BinOp(eq) if eq.op == BinOp::Eq => Some(eq),
            _ => None,
        };
        if let Some(eq) = equality {
            let explained = (|| -> EvalResult<Option<Box<Error>>> {
                let l = self.eval(&eq.lhs, env)?;
                let r = self.eval(&eq.rhs, env)?;
                self.explain_inequality(&l, &r)
            })();
            if let Ok(Some(mut e)) = explained {
                e.push_frame(
                    format!("while evaluating the condition of the assertion '{text}'"),
                    Some(span),
                );
                return e;
            }
        }
        Error::new(ErrorKind::AssertionFailed(text.to_string()), Some(span))
    }

    /// Why `l == r` is false, as Nix's failed-assertion explanation: an error without a
    /// position, inside frames naming the list element or attribute (and where the two
    /// sides define it) that differs.
    fn explain_inequality(&mut self, l: &Value, r: &Value) -> EvalResult<Option<Box<Error>>> {
        self.nested(|m| m.explain_inequality_inner(l, r))
    }

    fn explain_inequality_inner(&mut self, l: &Value, r: &Value) -> EvalResult<Option<Box<Error>>> {
        let unequal = |message: String| {
            Ok(Some(Error::new(
                ErrorKind::AssertionNotEqual(message),
                None,
            )))
        };
        let span = Span::NOWHERE;
        let l = self.force(l, None)?;
        let r = self.force(r, None)?;
        let show = |m: &mut Machine, v: &Value| m.show_value_short(v);
        let numeric = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_));
        if std::mem::discriminant(&l) != std::mem::discriminant(&r) && !(numeric(&l) && numeric(&r))
        {
            if matches!(
                (&l, &r),
                (
                    Value::Lambda(_) | Value::PrimOp(_),
                    Value::Lambda(_) | Value::PrimOp(_)
                )
            ) {
                return unequal("distinct functions and immediate comparisons of identical functions compare as unequal".into());
            }
            let (sl, sr) = (show(self, &l), show(self, &r));
            return unequal(format!(
                "{} of value '{sl}' is not equal to {} of value '{sr}'",
                l.type_phrase(),
                r.type_phrase()
            ));
        }
        if self.equal(&l, &r, span)? {
            return Ok(None);
        }
        unequal(match (&l, &r) {
            (Value::Int(_) | Value::Float(_), _) => {
                let (sl, sr) = (show(self, &l), show(self, &r));
                format!("{} with value '{sl}' is not equal to {} with value '{sr}'", l.type_phrase(), r.type_phrase())
            }
            (Value::String(_), _) => format!("string '{}' is not equal to string '{}'", show(self, &l), show(self, &r)),
            (Value::Bool(a), Value::Bool(b)) => format!("boolean '{a}' is not equal to boolean '{b}'"),
            (Value::Path(a), Value::Path(b)) => format!("path '{a}' is not equal to path '{b}'"),
            (Value::List(a), Value::List(b)) => {
                if a.len() != b.len() {
                    let (sl, sr) = (show(self, &l), show(self, &r));
                    format!(
                        "list of size '{}' is not equal to list of size '{}', left hand side is '{sl}', right hand side is '{sr}'",
                        a.len(),
                        b.len()
                    )
                } else {
                    for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
                        if let Some(mut e) = self.explain_inequality(x, y)? {
                            e.push_frame(format!("while comparing list element {i}"), None);
                            return Ok(Some(e));
                        }
                    }
                    return Ok(None);
                }
            }
            (Value::Attrs(a), Value::Attrs(b)) => {
                // Two derivations compare by their output paths alone.
                let out_path = Symbol::new("outPath");
                if self.is_derivation(a)? && self.is_derivation(b)? {
                    if let (Some(x), Some(y)) = (a.get(out_path), b.get(out_path)) {
                        let mut e = self.explain_inequality(x, y)?;
                        if let Some(e) = &mut e {
                            e.push_frame("while comparing a derivation by its 'outPath' attribute", None);
                        }
                        return Ok(e);
                    }
                }
                if a.len() != b.len() {
                    let (sl, sr) = (show(self, &l), show(self, &r));
                    format!("attribute names of attribute set '{sl}' differs from attribute set '{sr}'")
                } else if let Some(missing) = a.entries.iter().find(|x| b.get(x.name).is_none()) {
                    let (sl, sr) = (show(self, &l), show(self, &r));
                    format!("attribute name '{}' is contained in '{sl}', but not in '{sr}'", missing.name)
                } else {
                    // In Nix's attribute order (symbol order), as its comparison goes.
                    for x in a.entries.iter() {
                        let Some(y) = b.get_attr(x.name) else {
                            continue;
                        };
                        if let Some(mut e) = self.explain_inequality(&x.value, &y.value)? {
                            // Nix names only the sides that have a position.
                            if let Some(pos) = y.pos {
                                e.push_frame("where right hand side is", Some(pos));
                            }
                            if let Some(pos) = x.pos {
                                e.push_frame("where left hand side is", Some(pos));
                            }
                            e.push_frame(format!("while comparing attribute '{}'", x.name), None);
                            return Ok(Some(e));
                        }
                    }
                    return Ok(None);
                }
            }
            _ => "distinct functions and immediate comparisons of identical functions compare as unequal".into(),
        })
    }

    /// A type error worded as Nix 2.26: `expected a set but found an integer: 1`.
    pub fn type_error(
        &mut self,
        expected: &'static str,
        got: &Value,
        span: Option<Span>,
    ) -> Box<Error> {
        let shown = self.show_value_short(got);
        let mismatch = TypeMismatch::Expected {
            expected: expected.into(),
            found: got.type_phrase(),
            shown,
        };
        Error::new(ErrorKind::Type(mismatch), span)
    }

    /// A short rendering of a value for messages (not forcing anything).
    pub fn show_value_short(&mut self, v: &Value) -> String {
        crate::print::print_for_error(v, &self.sources)
    }

    fn binop(&mut self, expr: &BinOpExpr, l: Value, r: Value) -> EvalResult<Value> {
        let (op, span) = (expr.op, expr.span);
        match op {
            BinOp::Eq => Ok(Value::Bool(self.equal(&l, &r, span)?)),
            BinOp::NotEq => Ok(Value::Bool(!self.equal(&l, &r, span)?)),
            BinOp::Concat => {
                let a = match &l {
                    Value::List(a) => a.clone(),
                    other => {
                        let mut e = self.type_error("a list", other, None);
                        e.push_frame(
                            "while evaluating one of the elements to concatenate",
                            Some(span),
                        );
                        return Err(e);
                    }
                };
                let b = match &r {
                    Value::List(b) => b.clone(),
                    other => {
                        let mut e = self.type_error("a list", other, None);
                        e.push_frame(
                            "while evaluating one of the elements to concatenate",
                            Some(span),
                        );
                        return Err(e);
                    }
                };
                if a.is_empty() {
                    return Ok(Value::List(b));
                }
                if b.is_empty() {
                    return Ok(Value::List(a));
                }
                let mut v = Vec::with_capacity(a.len() + b.len());
                v.extend_from_slice(&a);
                v.extend_from_slice(&b);
                Ok(Value::list(v))
            }
            BinOp::Update => {
                let a = match &l {
                    Value::Attrs(a) => a.clone(),
                    other => {
                        let e = self.type_error("a set", other, None);
                        return Err(in_update_operand(e, "left", span));
                    }
                };
                let b = match &r {
                    Value::Attrs(b) => b.clone(),
                    other => {
                        let e = self.type_error("a set", other, None);
                        return Err(in_update_operand(e, "right", span));
                    }
                };
                if b.is_empty() {
                    return Ok(Value::Attrs(a));
                }
                if a.is_empty() {
                    return Ok(Value::Attrs(b));
                }
                Ok(Value::attrs(a.update(&b)))
            }
            BinOp::Add => self.add(l, r, expr),
            BinOp::Sub | BinOp::Mul | BinOp::Div => self.arith(op, l, r, span),
            BinOp::Less => Ok(Value::Bool(self.less_than(&l, &r, span)?)),
            BinOp::Greater => Ok(Value::Bool(self.less_than(&r, &l, span)?)),
            BinOp::LessEq => Ok(Value::Bool(!self.less_than(&r, &l, span)?)),
            BinOp::GreaterEq => Ok(Value::Bool(!self.less_than(&l, &r, span)?)),
            BinOp::And | BinOp::Or | BinOp::Impl | BinOp::PipeLeft | BinOp::PipeRight => {
                unreachable!("handled by BoolLeft / rejected by lowering")
            }
        }
    }

    /// An operand of `+` coerced to a string by `mode` (in a "path segment" frame): Nix
    /// copies paths to the store (`Interpolation`) only when the first operand is a
    /// string; after a path or a set (`outPath`, `__toString`) they stay plain text
    /// (`NoCopy`).
    fn add_operand(&mut self, v: &Value, span: Span, mode: CoerceMode) -> EvalResult<NixString> {
        self.coerce_to_string_in(v, mode, span, PATH_SEGMENT, Some(span))
    }

    /// `l + r` for `b`: errors at `b.span` (the right operand), a left operand that does
    /// not coerce to a string at `b.lhs_span`, a path that would take a store path's
    /// string at the operator.
    fn add(&mut self, l: Value, r: Value, b: &BinOpExpr) -> EvalResult<Value> {
        let span = b.span;
        match (&l, &r) {
            (Value::Int(a), Value::Int(b)) => a.checked_add(*b).map(Value::Int).ok_or_else(|| {
                Error::new(
                    ErrorKind::Overflow {
                        operation: "adding",
                        operator: "+",
                        left: *a,
                        right: *b,
                    },
                    Some(span),
                )
            }),
            (Value::Float(a), Value::Float(b)) => Ok(Value::Float(a + b)),
            (Value::Int(a), Value::Float(b)) => Ok(Value::Float(*a as f64 + b)),
            (Value::Float(a), Value::Int(b)) => Ok(Value::Float(a + *b as f64)),
            (Value::Path(p), Value::Path(q)) => {
                let joined = format!("{p}{q}");
                Ok(Value::Path(crate::path::canonicalise(&joined).into()))
            }
            (Value::Path(p), _) => {
                let s = self.add_operand(&r, span, CoerceMode::NoCopy)?;
                if s.context.is_some() {
                    return Err(Error::new(
                        ErrorKind::Other(
                            "a string that refers to a store path cannot be appended to a path"
                                .into(),
                        ),
                        Some(b.op_span),
                    ));
                }
                let joined = format!("{}{}", p, s.lossy());
                Ok(Value::Path(crate::path::canonicalise(&joined).into()))
            }
            (Value::Int(_) | Value::Float(_), _) => Err(Error::new(
                ErrorKind::Type(TypeMismatch::CannotAdd {
                    added: r.type_phrase(),
                    to: l.type_phrase(),
                }),
                Some(span),
            )),
            (Value::String(a), _) => {
                let c = self.add_operand(&r, span, CoerceMode::Interpolation)?;
                Ok(concatenated(a, &c))
            }
            _ => {
                let a = self.add_operand(&l, b.lhs_span, CoerceMode::NoCopy)?;
                let c = self.add_operand(&r, span, CoerceMode::NoCopy)?;
                Ok(concatenated(&a, &c))
            }
        }
    }

    /// `-`, `*`, `/` (and unary minus as `0 - x`): calls of Nix's `__sub`, `__mul`,
    /// `__div`, so an error is in the call's frame.
    pub fn arith(&mut self, op: BinOp, l: Value, r: Value, span: Span) -> EvalResult<Value> {
        let name = match op {
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            _ => "div",
        };
        self.arith_in_call(op, l, r)
            .map_err(|e| named_builtin_error(name, e, span))
    }

    /// [`Machine::arith`] inside a call of the builtin that frames its errors.
    pub(crate) fn arith_in_call(&mut self, op: BinOp, l: Value, r: Value) -> EvalResult<Value> {
        let (verb, sym) = match op {
            BinOp::Sub => ("subtraction", "subtracting"),
            BinOp::Mul => ("multiplication", "multiplying"),
            _ => ("division", "dividing"),
        };
        // With a float on either side Nix wants floats, otherwise integers.
        let expected = if matches!(l, Value::Float(_)) || matches!(r, Value::Float(_)) {
            "a float"
        } else {
            "an integer"
        };
        // Nix names a division's operands "operands", the others' "arguments".
        let part = if op == BinOp::Div {
            "operand"
        } else {
            "argument"
        };
        let check =
            |m: &mut Machine, v: &Value, which: &str, expected: &'static str| -> EvalResult<()> {
                match v {
                    Value::Int(_) | Value::Float(_) => Ok(()),
                    other => {
                        let mut e = m.type_error(expected, other, None);
                        // Nix's float multiplication says "the first of" (sic).
                        let frame = if op == BinOp::Mul && expected == "a float" && which == "first"
                        {
                            format!("while evaluating the first of the {verb}")
                        } else {
                            format!("while evaluating the {which} {part} of the {verb}")
                        };
                        e.push_frame(frame, None);
                        Err(e)
                    }
                }
            };
        if op == BinOp::Div {
            // Nix checks the divisor first, as a float (an integer is one too).
            check(self, &r, "second", "a float")?;
            if matches!(r, Value::Int(0)) || matches!(r, Value::Float(f) if f == 0.0) {
                return Err(Error::new(ErrorKind::DivisionByZero, None));
            }
        }
        check(self, &l, "first", expected)?;
        check(self, &r, "second", expected)?;
        match (&l, &r) {
            (Value::Int(a), Value::Int(b)) => {
                let (a, b) = (*a, *b);
                let res = match op {
                    BinOp::Sub => a.checked_sub(b),
                    BinOp::Mul => a.checked_mul(b),
                    // A zero divisor is refused above.
                    _ => a.checked_div(b),
                };
                let opsym = match op {
                    BinOp::Sub => "-",
                    BinOp::Mul => "*",
                    _ => "/",
                };
                // Nix's `-`, `*` and `/` are calls of builtins: an overflow is in the call.
                res.map(Value::Int).ok_or_else(|| {
                    Error::new(
                        ErrorKind::Overflow {
                            operation: sym,
                            operator: opsym,
                            left: a,
                            right: b,
                        },
                        None,
                    )
                })
            }
            _ => {
                let a = as_f64(&l);
                let b = as_f64(&r);
                Ok(Value::Float(match op {
                    BinOp::Sub => a - b,
                    BinOp::Mul => a * b,
                    _ => a / b,
                }))
            }
        }
    }

    /// Nix's `<` (numbers, strings, paths, lists lexicographically).
    pub fn less_than(&mut self, l: &Value, r: &Value, span: Span) -> EvalResult<bool> {
        self.compare(l, r, span)
            .map_err(|e| named_builtin_error("lessThan", e, span))
    }

    /// `l < r` without the frame of the `lessThan` call around it.
    pub(crate) fn compare(&mut self, l: &Value, r: &Value, span: Span) -> EvalResult<bool> {
        self.nested(|m| m.less_than_inner(l, r, span))
    }

    fn less_than_inner(&mut self, l: &Value, r: &Value, span: Span) -> EvalResult<bool> {
        match (l, r) {
            (Value::Int(a), Value::Int(b)) => Ok(a < b),
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                Ok(as_f64(l) < as_f64(r))
            }
            (Value::String(a), Value::String(b)) => Ok(a.bytes < b.bytes),
            (Value::Path(a), Value::Path(b)) => Ok(a.as_bytes() < b.as_bytes()),
            (Value::List(a), Value::List(b)) => {
                let n = a.len().min(b.len());
                for i in 0..n {
                    let x = self.force(&a[i], Some(span))?;
                    let y = self.force(&b[i], Some(span))?;
                    if !self.equal_slots(&a[i], &b[i], span)? {
                        return self.compare(&x, &y, span).map_err(|mut e| {
                            e.push_frame("while comparing two list elements", None);
                            e
                        });
                    }
                }
                Ok(a.len() < b.len())
            }
            _ => {
                let mismatch = TypeMismatch::Incomparable {
                    left: l.type_phrase(),
                    right: r.type_phrase(),
                    same_type: std::mem::discriminant(l) == std::mem::discriminant(r),
                };
                Err(Error::new(ErrorKind::Type(mismatch), None))
            }
        }
    }

    /// Nix's `==`: deep, forcing as it goes, element by element in order (the first
    /// difference ends it, so later elements are never forced). An explicit work list,
    /// not native recursion: only `EQUALITY_DEPTH` levels of nesting bound it, the same
    /// natively and in the browser.
    ///
    /// As in Nix, two operands in the same value slot are equal once forced: inside lists
    /// and sets (where a thunk shared by both sides is one slot), not at the top, where
    /// `==` has just evaluated each operand into a slot of its own. So `a == a` compares a
    /// set attribute by attribute, forcing each, and `[ t ] == [ t ]` forces `t`.
    pub fn equal(&mut self, l: &Value, r: &Value, span: Span) -> EvalResult<bool> {
        self.equal_in(l, r, span, false)
    }

    /// [`Machine::equal`] on operands that may be one value slot (`elem`'s value and an
    /// element, two elements compared by `<`): the same thunk is equal to itself once
    /// forced.
    pub fn equal_slots(&mut self, l: &Value, r: &Value, span: Span) -> EvalResult<bool> {
        self.equal_in(l, r, span, true)
    }

    fn equal_in(&mut self, l: &Value, r: &Value, span: Span, slots: bool) -> EvalResult<bool> {
        // (left, right, depth, inside a list or set)
        let mut work: EqualityWork = smallvec::smallvec![(l.clone(), r.clone(), 0u32, slots)];
        while let Some((l, r, depth, inside)) = work.pop() {
            if inside {
                // One slot on both sides: forced, then equal to itself (a function too).
                match (&l, &r) {
                    (Value::Thunk(a), Value::Thunk(b)) if Rc::ptr_eq(a, b) => {
                        self.force(&l, Some(span))?;
                        continue;
                    }
                    (Value::Lambda(a), Value::Lambda(b)) if Rc::ptr_eq(a, b) => continue,
                    (Value::List(a), Value::List(b)) if Rc::ptr_eq(a, b) => continue,
                    (Value::Attrs(a), Value::Attrs(b)) if Rc::ptr_eq(a, b) => continue,
                    _ => {}
                }
            }
            if depth > EQUALITY_DEPTH {
                return Err(Error::stack_exhausted());
            }
            let l = self.force(&l, Some(span))?;
            let r = self.force(&r, Some(span))?;
            let same = match (&l, &r) {
                (Value::Null, Value::Null) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Int(a), Value::Int(b)) => a == b,
                (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                    as_f64(&l) == as_f64(&r)
                }
                (Value::String(a), Value::String(b)) => a.bytes == b.bytes,
                (Value::Path(a), Value::Path(b)) => a == b,
                (Value::List(a), Value::List(b)) => {
                    if a.len() != b.len() {
                        return Ok(false);
                    }
                    let pairs = a.iter().zip(b.iter()).rev();
                    work.extend(pairs.map(|(x, y)| (x.clone(), y.clone(), depth + 1, true)));
                    true
                }
                (Value::Attrs(a), Value::Attrs(b)) => {
                    self.push_attrs_equality(a, b, depth, &mut work)?
                }
                _ => false,
            };
            if !same {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Pushes on `work`, in reverse order, the comparisons two sets need: derivations by
    /// their output path, other sets attribute by attribute. `false` when their names
    /// already differ.
    fn push_attrs_equality(
        &mut self,
        a: &Rc<Attrs>,
        b: &Rc<Attrs>,
        depth: u32,
        work: &mut EqualityWork,
    ) -> EvalResult<bool> {
        if self.is_derivation(a)? && self.is_derivation(b)? {
            let out = Symbol::new("outPath");
            if let (Some(x), Some(y)) = (a.get(out), b.get(out)) {
                work.push((x.clone(), y.clone(), depth + 1, false));
                return Ok(true);
            }
        }
        let names_differ = a.len() != b.len()
            || a.entries
                .iter()
                .zip(b.entries.iter())
                .any(|(x, y)| x.name != y.name);
        if names_differ {
            return Ok(false);
        }
        let pairs = a.entries.iter().zip(b.entries.iter()).rev();
        work.extend(pairs.map(|(x, y)| (x.value.clone(), y.value.clone(), depth + 1, true)));
        Ok(true)
    }

    /// Runs a step of a recursive walk over a value, bounding how deep such walks nest.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Machine) -> EvalResult<T>) -> EvalResult<T> {
        if self.structural_depth >= self.limits.max_structural_depth {
            return Err(Error::stack_exhausted());
        }
        self.structural_depth += 1;
        let r = f(self);
        self.structural_depth -= 1;
        r
    }

    /// Whether a set is a derivation (`type = "derivation"`).
    pub fn is_derivation(&mut self, a: &Attrs) -> EvalResult<bool> {
        match a.get(Symbol::new("type")) {
            Some(t) => {
                let t = t.clone();
                match self.force(&t, None)? {
                    Value::String(s) => Ok(&*s.bytes == b"derivation"),
                    _ => Ok(false),
                }
            }
            None => Ok(false),
        }
    }

    /// Coerces a value to a string as interpolation, `toString` and friends do.
    pub fn coerce_to_string(
        &mut self,
        v: &Value,
        mode: CoerceMode,
        span: Span,
    ) -> EvalResult<NixString> {
        self.nested(|m| m.coerce_to_string_inner(v, mode, span, None))
    }

    /// [`Machine::coerce_to_string`] with what the coercion is for, as Nix's `errorCtx`:
    /// a value that cannot be coerced is reported in the frame `ctx` (placed at `at`),
    /// and so is any error in an element of a list (each element also in the frame
    /// "while evaluating one element of the list"); what a `__toString` returns is
    /// coerced in the frame "while evaluating the result of the `__toString` attribute".
    /// Errors forcing the value itself or calling its `__toString` keep no such frame.
    /// The frame is made into text only for an error.
    pub(crate) fn coerce_to_string_in<'a>(
        &mut self,
        v: &Value,
        mode: CoerceMode,
        span: Span,
        ctx: impl Into<What<'a>>,
        at: Option<Span>,
    ) -> EvalResult<NixString> {
        let ctx = ctx.into();
        self.nested(|m| m.coerce_to_string_inner(v, mode, span, Some((ctx, at))))
    }

    /// A path-like value (a path, a set with `__toString` or `outPath`, a string) as the
    /// absolute path it names, with the string's context, as Nix's `coerceToPath` reads
    /// it: an error forcing the value, a value that cannot be coerced and a string that is
    /// not an absolute path are reported in the frame `ctx` (placed at `at`). A path
    /// value is returned as it is (a built-in `<nix/...>` file keeps its prefix).
    pub(crate) fn coerce_to_path<'a>(
        &mut self,
        v: &Value,
        span: Span,
        ctx: impl Into<What<'a>>,
        at: Option<Span>,
    ) -> EvalResult<NixString> {
        let ctx = ctx.into();
        let in_ctx = |mut e: Box<Error>| {
            e.push_frame(ctx.frame(), at);
            e
        };
        let mut v = self.force(v, Some(span)).map_err(in_ctx)?;
        // What a `__toString` returns may be a path value: it is read as a path again.
        while let Some(f) = to_string_function(&v) {
            let result = self.call_at(&f, vec![v.clone()], span, at.unwrap_or(Span::NOWHERE))?;
            v = self.force(&result, Some(span)).map_err(in_ctx)?;
        }
        if let Value::Path(p) = &v {
            return Ok(NixString::plain(p.as_bytes()));
        }
        let s = self.coerce_to_string_in(&v, CoerceMode::NoCopy, span, ctx, at)?;
        if !s.bytes.starts_with(b"/") {
            let message = format!("string '{}' doesn't represent an absolute path", s.lossy());
            return Err(in_ctx(Error::new(ErrorKind::Other(message), None)));
        }
        Ok(s)
    }

    fn coerce_to_string_inner(
        &mut self,
        v: &Value,
        mode: CoerceMode,
        span: Span,
        error_ctx: Option<(What<'_>, Option<Span>)>,
    ) -> EvalResult<NixString> {
        let v = self.force(v, Some(span))?;
        let cannot = |m: &mut Machine, v: &Value| {
            let shown = m.show_value_short(v);
            let mismatch = TypeMismatch::NotCoercible {
                found: v.type_phrase(),
                shown,
            };
            match error_ctx {
                Some((what, at)) => {
                    let mut e = Error::new(ErrorKind::Type(mismatch), None);
                    e.push_frame(what.frame(), at);
                    e
                }
                None => Error::new(ErrorKind::Type(mismatch), Some(span)),
            }
        };
        let nested_ctx = |what: &'static str| error_ctx.map(|(_, at)| (What::Text(what), at));
        match &v {
            Value::String(s) => Ok((**s).clone()),
            Value::Path(p) => {
                if mode.copy_to_store() {
                    let store_path = self.copy_path_to_store(p)?;
                    let ctx = context_of([ContextElem::Opaque(store_path.clone())]);
                    Ok(NixString {
                        bytes: store_path.into_bytes().into(),
                        context: ctx,
                    })
                } else {
                    // A built-in `<nix/NAME>` file reads as `/NAME`, as in Nix.
                    let p = crate::corepkgs::as_string(p);
                    Ok(NixString::plain(p.as_bytes()))
                }
            }
            Value::Attrs(a) => {
                if let Some(f) = a.get(Symbol::new("__toString")) {
                    let f = f.clone();
                    // As in Nix, called at the place of the context (an operator's
                    // operand); a builtin coercing its argument gives the call no place.
                    let at = error_ctx.and_then(|(_, at)| at).unwrap_or(Span::NOWHERE);
                    let res = self.call_at(&f, vec![v.clone()], span, at)?;
                    let result_ctx =
                        nested_ctx("while evaluating the result of the `__toString` attribute");
                    return self.nested(|m| m.coerce_to_string_inner(&res, mode, span, result_ctx));
                }
                if let Some(out) = a.get(Symbol::new("outPath")) {
                    let out = out.clone();
                    return self.nested(|m| m.coerce_to_string_inner(&out, mode, span, error_ctx));
                }
                Err(cannot(self, &v))
            }
            Value::Int(i) if mode.extended() => Ok(NixString::plain(i.to_string().into_bytes())),
            Value::Float(f) if mode.extended() => Ok(NixString::plain(
                crate::float::format_float_to_string(*f).into_bytes(),
            )),
            Value::Bool(b) if mode.extended() => {
                Ok(NixString::plain(if *b { &b"1"[..] } else { &b""[..] }))
            }
            Value::Null if mode.extended() => Ok(NixString::plain(&b""[..])),
            Value::List(items) if mode.extended() => {
                let items = items.clone();
                let mut out = Vec::new();
                let mut ctx = None;
                for (i, item) in items.iter().enumerate() {
                    let in_list = |mut e: Box<Error>| {
                        if let Some((what, at)) = error_ctx {
                            e.push_frame(what.frame(), at);
                        }
                        e
                    };
                    let item = self.force(item, Some(span)).map_err(in_list)?;
                    let element = nested_ctx("while evaluating one element of the list");
                    let s = self
                        .nested(|m| m.coerce_to_string_inner(&item, mode, span, element))
                        .map_err(in_list)?;
                    out.extend_from_slice(&s.bytes);
                    merge_context(&mut ctx, &s.context);
                    // Nix separates with a space after each element but the last, except
                    // after an empty list.
                    if i + 1 < items.len() && !matches!(item, Value::List(ref l) if l.is_empty()) {
                        out.push(b' ');
                    }
                }
                Ok(NixString {
                    bytes: out.into(),
                    context: ctx,
                })
            }
            _ => Err(cannot(self, &v)),
        }
    }

    /// Forces a value and everything inside it. Nesting deeper than Nix's native stack
    /// would allow is reported as Nix reports it.
    ///
    /// Like Nix, the walk visits each value *slot* once: a thunk is a slot (every set
    /// or list holding it shares it), so a set reached again through another thunk is
    /// walked again (its thunks are seen, so this ends), while a set held directly is
    /// walked once. Which error comes first in a cyclic value follows from it: under
    /// `--strict` the top value is a slot of its own, so `let x = { a = { z = x; }; b =
    /// ...; }; in x` goes on through `a.z` into `x`'s other attributes.
    pub fn deep_force(&mut self, v: &Value, span: Option<Span>) -> EvalResult<Value> {
        const MAX_DEPTH: usize = 10_000;
        let forced = self.force(v, span)?;
        let mut seen_thunks = rustc_hash::FxHashSet::default();
        let mut seen_direct = rustc_hash::FxHashSet::default();
        // Depth first, children in order, each forced when reached (as Nix recurses).
        let mut stack_owned: Vec<(Value, usize, Option<(Symbol, Option<Span>)>)> =
            vec![(v.clone(), 0, None)];
        // The attributes from `v` down to the value being forced, one per depth: an error
        // names each of them, as in Nix.
        let mut path: Vec<Option<(Symbol, Option<Span>)>> = Vec::new();
        while let Some((item, depth, attr)) = stack_owned.pop() {
            let in_slot = match &item {
                Value::Thunk(t) if !seen_thunks.insert(Rc::as_ptr(t) as usize) => continue,
                Value::Thunk(_) => true,
                _ => false,
            };
            if depth > MAX_DEPTH {
                return Err(Error::stack_exhausted());
            }
            path.truncate(depth);
            path.push(attr);
            let item = self.force(&item, span).map_err(|mut e| {
                for (name, pos) in path.iter().rev().flatten() {
                    e.push_frame(
                        format!(
                            "while evaluating the attribute '{}'",
                            crate::format_attr_name(&name.name())
                        ),
                        *pos,
                    );
                }
                e
            })?;
            match &item {
                Value::List(l) if in_slot || seen_direct.insert(Rc::as_ptr(l) as usize) => {
                    stack_owned.extend(l.iter().rev().map(|x| (x.clone(), depth + 1, None)));
                }
                Value::Attrs(a) if in_slot || seen_direct.insert(Rc::as_ptr(a) as usize) => {
                    stack_owned.extend(
                        a.entries
                            .iter()
                            .rev()
                            .map(|x| (x.value.clone(), depth + 1, Some((x.name, x.pos)))),
                    );
                }
                _ => {}
            }
        }
        Ok(forced)
    }
}

/// How strings are coerced: interpolation is strict; `toString` accepts more types.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CoerceMode {
    /// `"${x}"`: strings, paths (copied to the store), sets with `__toString`/`outPath`.
    Interpolation,
    /// `toString x`: also numbers, booleans, null, lists; paths stay paths.
    ToString,
    /// Like interpolation but paths are not copied (`builtins.baseNameOf` etc.).
    NoCopy,
    /// A derivation's attribute: `toString` rules, but paths are copied to the store.
    Derivation,
}

impl CoerceMode {
    fn copy_to_store(self) -> bool {
        matches!(self, CoerceMode::Interpolation | CoerceMode::Derivation)
    }
    fn extended(self) -> bool {
        matches!(self, CoerceMode::ToString | CoerceMode::Derivation)
    }
}

fn bool_op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::And => "AND (&&) operator",
        BinOp::Or => "OR (||) operator",
        _ => "IMPL (->) operator",
    }
}

/// A number as a float.
pub fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => f64::NAN,
    }
}

/// The string `a` then `b`, with both contexts.
fn concatenated(a: &NixString, b: &NixString) -> Value {
    let mut bytes = Vec::with_capacity(a.bytes.len() + b.bytes.len());
    bytes.extend_from_slice(&a.bytes);
    bytes.extend_from_slice(&b.bytes);
    let mut ctx = a.context.clone();
    merge_context(&mut ctx, &b.context);
    Value::string_with_context(bytes, ctx)
}
