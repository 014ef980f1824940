//! The lowered program: rnix syntax turned into a tree whose variables are already
//! resolved to (level, slot) pairs, with static checks done.

use std::rc::Rc;

use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::Value;

/// A lowered expression.
pub enum Expr {
    /// A constant: number, plain string, plain path, URI, `[ ]`.
    Const(Value),
    /// A lexical variable: `level` environments up, slot `slot`.
    Var { level: u32, slot: u32, span: Span },
    /// A variable found only through `with`: search the `with` levels from `level` outward.
    WithVar {
        name: Symbol,
        level: u32,
        span: Span,
    },
    /// `e.a.b` / `e.a.b or d`.
    Select(Rc<SelectExpr>),
    /// `e ? a.b`.
    HasAttr(Rc<HasAttrExpr>),
    /// A non-recursive attribute set literal (values evaluated in the enclosing env).
    Attrs(Box<AttrsDef>),
    /// A `rec` set: a new env level whose slots are the static attributes (then the
    /// `inherit (e)` sources). A plain set with `inherit (e)` is lowered to this too, with
    /// a level where no name is visible, only the hidden source slots.
    RecAttrs(Box<AttrsDef>),
    /// `let ... in body`: a new env level whose slots are the static bindings.
    Let {
        attrs: Box<AttrsDef>,
        body: Rc<Expr>,
    },
    /// `[ ... ]` with at least one element (see [`Expr::list`]).
    List(Box<[Rc<Expr>]>),
    /// A function literal.
    Lambda(Rc<LambdaDef>),
    /// `f a b ...`.
    Apply {
        func: Rc<Expr>,
        args: Box<[Rc<Expr>]>,
        span: Span,
    },
    /// `if c then t else e`.
    If(Rc<IfExpr>),
    /// `assert c; body`.
    Assert(Rc<AssertExpr>),
    /// `with ns; body`: a new env level holding the namespace.
    With {
        namespace: Rc<Expr>,
        body: Rc<Expr>,
        /// The whole expression (where a namespace that is not a set is reported).
        span: Span,
    },
    /// A binary operator.
    BinOp(Rc<BinOpExpr>),
    /// `!e`.
    Not { expr: Rc<Expr>, span: Span },
    /// `-e` (Nix: `__sub 0 e`).
    Negate { expr: Rc<Expr>, span: Span },
    /// A string or path with interpolations.
    Interpolate(Rc<InterpExpr>),
    /// `<name>`: looked up with `__findFile __nixPath "name"`.
    SearchPath { name: Rc<str>, span: Span },
    /// `__curPos`.
    CurPos(Span),
}

// The expressions the machine returns to after evaluating a part of them keep their parts
// in a shared struct: the machine's frame holds that struct, typed, not the whole `Expr`.

/// `e.a.b` / `e.a.b or d`.
pub struct SelectExpr {
    /// The set selected from.
    pub expr: Rc<Expr>,
    /// The attribute path.
    pub path: Box<[AttrKey]>,
    /// The `or` default.
    pub default: Option<Rc<Expr>>,
    /// The whole selection.
    pub span: Span,
    /// Each dynamic name's expression as Nix prints it, in order: a message naming the
    /// path shows a name that fails to evaluate as `"${EXPR}"`.
    pub dynamic_shown: Box<[Box<str>]>,
}

/// `e ? a.b`.
pub struct HasAttrExpr {
    /// The set tested.
    pub expr: Rc<Expr>,
    /// The attribute path.
    pub path: Box<[AttrKey]>,
}

/// `if c then t else e`.
pub struct IfExpr {
    /// The condition.
    pub cond: Rc<Expr>,
    /// The `then` branch.
    pub then: Rc<Expr>,
    /// The `else` branch.
    pub else_: Rc<Expr>,
    /// The whole expression.
    pub span: Span,
}

/// `assert c; body`.
pub struct AssertExpr {
    /// The condition.
    pub cond: Rc<Expr>,
    /// What follows.
    pub body: Rc<Expr>,
    /// The condition's source text (Nix's message quotes it).
    pub text: Rc<str>,
    /// The whole expression.
    pub span: Span,
}

/// A string or path with interpolations.
pub struct InterpExpr {
    /// Its parts, in order.
    pub parts: Box<[InterpPart]>,
    /// What it produces.
    pub kind: InterpKind,
    /// The whole literal.
    pub span: Span,
}

/// What an interpolation produces.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InterpKind {
    /// A string.
    String,
    /// A path: the first part is the base path.
    Path,
}

/// A piece of an interpolated string.
pub enum InterpPart {
    /// Literal bytes.
    Lit(Box<[u8]>),
    /// `${expr}`, with the span of the whole `${…}` (where Nix reports a failed coercion).
    Expr(Rc<Expr>, Span),
}

/// An attribute name in a path: static or `${expr}` / `"..${}.."`.
pub enum AttrKey {
    /// Known at parse time.
    Static(Symbol),
    /// Computed at run time.
    Dynamic(Rc<Expr>),
}

/// `lhs op rhs`.
pub struct BinOpExpr {
    /// The operator (`>`, `<=` and `>=` are lowered to `<` and `!`).
    pub op: BinOp,
    /// The left operand.
    pub lhs: Rc<Expr>,
    /// The right operand.
    pub rhs: Rc<Expr>,
    /// Where errors of the operation are reported: the operator, for `+` the right
    /// operand (as Nix reports them).
    pub span: Span,
    /// Where the left operand starts: Nix reports a left operand of `+` that does not
    /// coerce to a string there.
    pub lhs_span: Span,
    /// The operator: where the expression as a whole is (a frame naming it).
    pub op_span: Span,
}

/// Binary operators other than the ones rnix desugars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `++`
    Concat,
    /// `//`
    Update,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `&&`
    And,
    /// `||`
    Or,
    /// `->`
    Impl,
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Less,
    /// `<=`
    LessEq,
    /// `>`
    Greater,
    /// `>=`
    GreaterEq,
    /// `|>` (experimental in Nix; rejected unless enabled)
    PipeRight,
    /// `<|`
    PipeLeft,
}

/// The attributes of a set literal (or the bindings of a `rec` set).
pub struct AttrsDef {
    /// Static attributes, sorted by symbol.
    pub statics: Vec<StaticAttr>,
    /// `"${e}" = v;` attributes, in source order.
    pub dynamics: Vec<DynamicAttr>,
    /// The `e` of each `inherit (e) ...;`: evaluated once per instantiation, in hidden
    /// slots after the statics (slot `statics.len() + i`) of the set's own env level.
    pub inherit_sources: Vec<Rc<Expr>>,
    /// For `rec` sets with a static `__overrides` attribute: its index in `statics`.
    pub overrides: Option<usize>,
}

/// A statically named attribute.
pub struct StaticAttr {
    /// Its name.
    pub name: Symbol,
    /// Its value expression.
    pub value: Rc<Expr>,
    /// For `rec` sets: evaluate the value in the enclosing env, not the rec env (`inherit x;`).
    pub outer: bool,
    /// Where it was defined.
    pub span: Span,
}

/// A dynamically named attribute.
pub struct DynamicAttr {
    /// The name expression.
    pub name: Rc<Expr>,
    /// The value expression.
    pub value: Rc<Expr>,
    /// Where it was defined.
    pub span: Span,
}

/// A function literal.
pub struct LambdaDef {
    /// The name Nix uses in messages (`function 'f'`), from the binding it is in.
    pub name: Option<Symbol>,
    /// What the argument is bound to.
    pub param: Param,
    /// The body, evaluated in a new env level.
    pub body: Rc<Expr>,
    /// The whole lambda.
    pub span: Span,
    /// Whether the function has a plain parameter (`x: …`) and a body of the shape the
    /// machine's quick path evaluates ([`quick_shaped`]), so that it may be called
    /// without the machine's frames.
    pub quick_body: bool,
}

impl LambdaDef {
    /// A function, with what [`LambdaDef::quick_body`] says worked out.
    pub fn new(name: Option<Symbol>, param: Param, body: Rc<Expr>, span: Span) -> LambdaDef {
        let quick_body = matches!(param, Param::Ident(_)) && quick_shaped(&body, 0);
        LambdaDef {
            name,
            param,
            body,
            span,
            quick_body,
        }
    }
}

/// How deep the machine's quick path goes into operators and selections.
pub const QUICK_DEPTH: u32 = 4;

/// Whether the machine's quick path evaluates an expression of the shape of `expr` at
/// `depth` (when the values it meets are evaluated): constants, variables, operators,
/// selections of static names (with or without `or`) and tests
/// of them (`?`), nested less than [`QUICK_DEPTH`] deep; also `if`s (whose branches count
/// as nesting only when they are `if`s), `!`, `-`, calls of such functions (or of
/// builtins that compute from their arguments alone) with one or two variables or
/// constants, `let`s with such a body, and set, list and function literals (their parts
/// are only delayed).
pub fn quick_shaped(expr: &Expr, depth: u32) -> bool {
    match expr {
        Expr::Const(_) | Expr::Var { .. } => true,
        Expr::If(branch) => {
            depth < QUICK_DEPTH
                && quick_shaped(&branch.cond, depth + 1)
                && quick_shaped(&branch.then, branch_depth(&branch.then, depth))
                && quick_shaped(&branch.else_, branch_depth(&branch.else_, depth))
        }
        Expr::Not { expr, .. } | Expr::Negate { expr, .. } => {
            depth < QUICK_DEPTH && quick_shaped(expr, depth + 1)
        }
        Expr::Apply { func, args, .. } => {
            depth < QUICK_DEPTH
                && args.len() <= 2
                && args
                    .iter()
                    .all(|a| matches!(**a, Expr::Const(_) | Expr::Var { .. }))
                && quick_shaped(func, depth + 1)
        }
        Expr::BinOp(b) => {
            depth < QUICK_DEPTH
                && quick_shaped(&b.lhs, depth + 1)
                && quick_shaped(&b.rhs, depth + 1)
        }
        Expr::HasAttr(has) => {
            depth < QUICK_DEPTH
                && has.path.iter().all(|k| matches!(k, AttrKey::Static(_)))
                && quick_shaped(&has.expr, depth + 1)
        }
        // Built without evaluating anything (the parts are delayed).
        Expr::Attrs(def) => def.dynamics.is_empty() && def.inherit_sources.is_empty(),
        Expr::RecAttrs(def) => def.dynamics.is_empty() && def.overrides.is_none(),
        Expr::List(_) | Expr::Lambda(_) => true,
        Expr::Let { body, .. } => depth < QUICK_DEPTH && quick_shaped(body, depth + 1),
        Expr::Select(select) => {
            depth < QUICK_DEPTH
                && select.path.iter().all(|k| matches!(k, AttrKey::Static(_)))
                && quick_shaped(&select.expr, depth + 1)
                && (select.default.as_ref()).is_none_or(|d| quick_shaped(d, depth + 1))
        }
        _ => false,
    }
}

/// The depth at which the quick path evaluates `branch` of an `if` at `depth`: the same,
/// except for another `if`, so that chains of them stay short.
pub fn branch_depth(branch: &Expr, depth: u32) -> u32 {
    depth + u32::from(matches!(branch, Expr::If(_)))
}

/// A function's parameter.
pub enum Param {
    /// `x: ...`: slot 0.
    Ident(Symbol),
    /// `{ a, b ? d, ... } @ x: ...`: slots are formals in order, then the `@` name.
    Pattern(Box<Pattern>),
}

/// An attribute-set pattern.
pub struct Pattern {
    /// The formals, in source order (slot = index).
    pub formals: Vec<Formal>,
    /// Whether `...` is present.
    pub ellipsis: bool,
    /// The `@` binding, if any (slot = formals.len()).
    pub at: Option<Symbol>,
}

/// One formal argument.
pub struct Formal {
    /// Its name.
    pub name: Symbol,
    /// Its default, evaluated in the function's env.
    pub default: Option<Rc<Expr>>,
    /// Where it stands.
    pub span: Span,
}

impl Expr {
    /// A list literal. `[ ]` is a constant, as in Nix, where it is a value and never a
    /// thunk (lazy printing shows it as `[ ]`).
    pub fn list(items: Vec<Rc<Expr>>) -> Expr {
        if items.is_empty() {
            Expr::Const(Value::list(Vec::new()))
        } else {
            Expr::List(items.into())
        }
    }

    /// The span of an expression, where it has one worth reporting.
    pub fn span(&self) -> Option<Span> {
        match self {
            Expr::Var { span, .. }
            | Expr::WithVar { span, .. }
            | Expr::Apply { span, .. }
            | Expr::Not { span, .. }
            | Expr::Negate { span, .. }
            | Expr::SearchPath { span, .. }
            | Expr::CurPos(span) => Some(*span),
            Expr::Select(s) => Some(s.span),
            Expr::BinOp(b) => Some(b.op_span),
            Expr::If(i) => Some(i.span),
            Expr::Assert(a) => Some(a.span),
            Expr::Interpolate(i) => Some(i.span),
            Expr::Lambda(l) => Some(l.span),
            _ => None,
        }
    }
}
