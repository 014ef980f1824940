//! Printing expressions the way Nix prints them in messages.
//!
//! Nix quotes source expressions in a few messages, most visibly
//! `assertion '…' failed` and `while evaluating the condition of the assertion '…'`.
//! It does not quote the source text: it prints its own parsed form, which is
//! normalised (and partly desugared) by the parser. This module reproduces that
//! form from an rnix tree, matching Nix 2.26:
//!
//! * binary operators are parenthesised: `(a + b)`, `(a == b)`, `(a // b)`, …;
//!   `-`, `*`, `/`, `<`, `>`, `<=`, `>=` are shown as the builtin calls Nix desugars
//!   them to: `(__sub a b)`, `(__mul a b)`, `(__div a b)`, `(__lessThan a b)`,
//!   `(__lessThan b a)`, `(! (__lessThan b a))`, `(! (__lessThan a b))`;
//!   negation `-x` is `(__sub 0 x)` and `!x` is `(! x)`;
//! * pipes `a |> f` and `f <| a` are calls `(f a)`;
//! * calls are flattened like Nix's parser does: `(f x) y` is `(f x y)`,
//!   `(a - b) c` is `(__sub a b c)`;
//! * selects are `(e).a.b or (d)`, has-attr is `((e) ? a.b)`;
//! * attribute sets are `{ inherit a b; inherit (e) c; x = 1; "${d}" = 2; }` with nested
//!   attribute paths merged, static names sorted bytewise, dynamic names last in source
//!   order, and names quoted when they are not plain identifiers or are keywords;
//! * lists are `[ (1) (2) ]`, lambdas `(x: body)` and `({ a, b ? 1, ... } @ s: body)`
//!   with formals sorted, `let` is `(let a = 1; in body)`, `with` is `(with e; body)`,
//!   `if` is `(if c then a else b)`, `assert` is `assert c; body` (no parentheses);
//! * strings are printed escaped (`"`, `\`, newline, CR, tab and `${`), interpolated
//!   strings as concatenations `("a" + x + "b")`, indented strings after Nix's
//!   indentation stripping (split into the parts Nix's lexer produces);
//! * floats print like C++ `std::ostream` does by default (`%g`, 6 significant
//!   digits): `1.0` is `1`, `1.0e10` is `1e+10`;
//! * `<p>` is `(__findFile __nixPath "p")`, URIs are strings.
//!
//! * paths are shown as Nix resolved them: relative ones (`./a`) against the file's
//!   directory, home ones (`~/a`) against `$HOME` (as written when it is unknown), all
//!   canonicalised (`/a/./b/../c` is `/a/c`).
//!
//! Nesting deeper than [`MAX_DEPTH`] is printed as `…`; missing parts of an
//! erroneous tree are printed as `«error»`.

use rnix::ast::{self, HasEntry};
use rnix::{NodeOrToken, SyntaxKind, SyntaxNode};
use rowan::ast::AstNode;

/// How deep expressions nest before the rest is printed as `…`.
const MAX_DEPTH: usize = 200;

/// What is printed in place of nesting beyond [`MAX_DEPTH`].
const ELLIPSIS: &str = "…";

/// What is printed in place of a missing or erroneous part of the tree.
pub(crate) const ERROR: &str = "«error»";

/// Prints an expression the way Nix prints expressions in messages.
///
/// For example `1 == 2` is printed `(1 == 2)`, `x.y or z` is `(x).y or (z)` and
/// `a < b` is `(__lessThan a b)` (see the module documentation for the full format).
///
/// Relative paths are resolved against `base_dir`, `~/` paths against `home`.
pub fn show_expr(e: &rnix::ast::Expr, base_dir: &str, home: Option<&str>) -> String {
    let node = Lowerer { base_dir, home }.expr(Some(e.clone()), 0);
    let mut out = String::new();
    print(&node, 0, &mut out);
    out
}

// ---------------------------------------------------------------------------
// The shape Nix's parser gives an expression.
// ---------------------------------------------------------------------------

/// An expression after Nix's parser-level desugaring, ready to print.
enum Node {
    /// Printed verbatim: numbers, variables, paths, markers.
    Text(String),
    /// A string literal, printed quoted and escaped.
    Str(String),
    /// A string concatenation (interpolation or `+`): `(a + b + c)`.
    Concat(Vec<Node>),
    /// `(e).a.b` or `(e).a.b or (d)`.
    Select(Box<Node>, Vec<AttrName>, Option<Box<Node>>),
    /// `((e) ? a.b)`.
    HasAttr(Box<Node>, Vec<AttrName>),
    /// An attribute set literal.
    Attrs(Box<Bindings>),
    /// `[ (a) (b) ]`.
    List(Vec<Node>),
    /// A function.
    Lambda(Box<Lambda>),
    /// `(f a b)`.
    Call(Box<Node>, Vec<Node>),
    /// `(let … in body)`.
    Let(Box<Bindings>, Box<Node>),
    /// `(with e; body)`.
    With(Box<Node>, Box<Node>),
    /// `(if c then a else b)`.
    If(Box<Node>, Box<Node>, Box<Node>),
    /// `assert c; body`.
    Assert(Box<Node>, Box<Node>),
    /// `(! e)`.
    Not(Box<Node>),
    /// `(a op b)`.
    Op(&'static str, Box<Node>, Box<Node>),
}

/// One element of an attribute path.
enum AttrName {
    /// A name known at parse time.
    Static(String),
    /// `${e}`.
    Dynamic(Node),
}

/// A function's parameters and body.
struct Lambda {
    /// The plain argument name, or the `@` name of a pattern.
    arg: Option<String>,
    /// The `{ … }` pattern, if any.
    formals: Option<Formals>,
    body: Node,
}

/// A `{ … }` pattern.
struct Formals {
    /// Names with their defaults, sorted by name.
    entries: Vec<(String, Option<Node>)>,
    /// Whether the pattern ends with `...`.
    ellipsis: bool,
}

/// How a static attribute is defined.
enum Def {
    /// `name = value;`
    Plain(Node),
    /// `inherit name;`
    Inherited,
    /// `inherit (e) name;` with the index of `e` in [`Bindings::from`].
    InheritedFrom(usize),
}

/// The bindings of an attribute set or a `let`.
struct Bindings {
    rec: bool,
    /// Static attributes in definition order (sorted only when printed).
    attrs: Vec<(String, Def)>,
    /// The expressions of `inherit (e) …;`, in source order.
    from: Vec<Node>,
    /// Dynamic attributes in source order.
    dynamic: Vec<(Node, Node)>,
}

impl Bindings {
    fn new(rec: bool) -> Bindings {
        Bindings {
            rec,
            attrs: Vec::new(),
            from: Vec::new(),
            dynamic: Vec::new(),
        }
    }

    /// Adds `path = value;`, creating and merging nested sets like Nix's parser.
    /// Definitions Nix would reject (duplicates) are kept side by side.
    fn add(&mut self, path: Vec<AttrName>, value: Node) {
        let mut cur: &mut Bindings = self;
        let mut names = path.into_iter().peekable();
        while let Some(name) = names.next() {
            let last = names.peek().is_none();
            match name {
                AttrName::Dynamic(e) if last => {
                    cur.dynamic.push((e, value));
                    return;
                }
                AttrName::Dynamic(e) => {
                    cur.dynamic
                        .push((e, Node::Attrs(Box::new(Bindings::new(false)))));
                    cur = match cur.dynamic.last_mut() {
                        Some((_, Node::Attrs(b))) => b,
                        _ => return,
                    };
                }
                AttrName::Static(s) => {
                    let existing = cur
                        .attrs
                        .iter()
                        .position(|(n, d)| *n == s && matches!(d, Def::Plain(Node::Attrs(_))));
                    if last {
                        match (existing, value) {
                            (Some(i), Node::Attrs(new)) => {
                                if let Def::Plain(Node::Attrs(old)) = &mut cur.attrs[i].1 {
                                    old.merge(*new);
                                }
                            }
                            (_, value) => cur.attrs.push((s, Def::Plain(value))),
                        }
                        return;
                    }
                    let i = match existing {
                        Some(i) => i,
                        None => {
                            cur.attrs
                                .push((s, Def::Plain(Node::Attrs(Box::new(Bindings::new(false))))));
                            cur.attrs.len() - 1
                        }
                    };
                    cur = match &mut cur.attrs[i].1 {
                        Def::Plain(Node::Attrs(b)) => b,
                        _ => return,
                    };
                }
            }
        }
    }

    /// Merges the attribute set literal `other` into `self` (`a.b = 1; a = { c = 2; };`).
    fn merge(&mut self, other: Bindings) {
        let shift = self.from.len();
        for (name, def) in other.attrs {
            let def = match def {
                Def::InheritedFrom(i) => Def::InheritedFrom(i + shift),
                d => d,
            };
            self.attrs.push((name, def));
        }
        self.from.extend(other.from);
        self.dynamic.extend(other.dynamic);
    }
}

// ---------------------------------------------------------------------------
// From rnix to Node.
// ---------------------------------------------------------------------------

/// Converts rnix trees into [`Node`]s, desugaring as Nix's parser does.
struct Lowerer<'a> {
    /// The directory relative paths are resolved against.
    base_dir: &'a str,
    /// `$HOME`, for `~/` paths.
    home: Option<&'a str>,
}

fn text(s: &str) -> Node {
    Node::Text(s.to_string())
}

fn boxed(n: Node) -> Box<Node> {
    Box::new(n)
}

/// Nix's parser appends arguments to an existing call: `(f x) y` is one call.
fn make_call(f: Node, arg: Node) -> Node {
    match f {
        Node::Call(f, mut args) => {
            args.push(arg);
            Node::Call(f, args)
        }
        f => Node::Call(boxed(f), vec![arg]),
    }
}

/// Builds a binary operation the way Nix's parser does: some operators become
/// builtin calls (kept out of the recursive conversion to keep its frames small).
fn desugar_binop(kind: Option<ast::BinOpKind>, lhs: Node, rhs: Node) -> Node {
    use ast::BinOpKind as K;
    let op = |s: &'static str, l: Node, r: Node| Node::Op(s, boxed(l), boxed(r));
    let Some(kind) = kind else {
        return op(ERROR, lhs, rhs);
    };
    match kind {
        K::Concat => op("++", lhs, rhs),
        K::Update => op("//", lhs, rhs),
        K::Add => op("+", lhs, rhs),
        K::Sub => builtin_call("__sub", vec![lhs, rhs]),
        K::Mul => builtin_call("__mul", vec![lhs, rhs]),
        K::Div => builtin_call("__div", vec![lhs, rhs]),
        K::And => op("&&", lhs, rhs),
        K::Or => op("||", lhs, rhs),
        K::Implication => op("->", lhs, rhs),
        K::Equal => op("==", lhs, rhs),
        K::NotEqual => op("!=", lhs, rhs),
        K::Less => builtin_call("__lessThan", vec![lhs, rhs]),
        K::More => builtin_call("__lessThan", vec![rhs, lhs]),
        K::LessOrEq => Node::Not(boxed(builtin_call("__lessThan", vec![rhs, lhs]))),
        K::MoreOrEq => Node::Not(boxed(builtin_call("__lessThan", vec![lhs, rhs]))),
        // `a |> f` and `f <| a` are calls, appended to an existing call like application.
        K::PipeRight => make_call(rhs, lhs),
        K::PipeLeft => make_call(lhs, rhs),
    }
}

fn builtin_call(name: &str, args: Vec<Node>) -> Node {
    Node::Call(boxed(text(name)), args)
}

impl Lowerer<'_> {
    fn expr(&self, e: Option<ast::Expr>, depth: usize) -> Node {
        let Some(mut e) = e else { return text(ERROR) };
        if depth > MAX_DEPTH {
            return text(ELLIPSIS);
        }
        // Parentheses are not part of Nix's tree; strip them without recursing.
        loop {
            match e {
                ast::Expr::Paren(p) => match p.expr() {
                    Some(inner) => e = inner,
                    None => return text(ERROR),
                },
                ast::Expr::Root(r) => match r.expr() {
                    Some(inner) => e = inner,
                    None => return text(ERROR),
                },
                _ => break,
            }
        }
        let d = depth + 1;
        // Each kind has its own function so that the recursive frames stay small.
        match e {
            ast::Expr::Paren(_) | ast::Expr::Root(_) | ast::Expr::Error(_) => text(ERROR),
            ast::Expr::Literal(l) => self.literal(&l),
            ast::Expr::Ident(i) => Node::Text(ident_name(&i)),
            ast::Expr::CurPos(_) => text("__curPos"),
            ast::Expr::Str(s) => self.string(&s, d),
            ast::Expr::PathAbs(p) => self.path(p.syntax(), d),
            ast::Expr::PathRel(p) => self.path(p.syntax(), d),
            ast::Expr::PathHome(p) => self.path(p.syntax(), d),
            ast::Expr::PathSearch(p) => self.search_path(&p),
            ast::Expr::Select(s) => self.select(&s, d),
            ast::Expr::HasAttr(h) => self.has_attr(&h, d),
            ast::Expr::AttrSet(a) => self.attr_set(&a, d),
            ast::Expr::LetIn(l) => self.let_in(&l, d),
            ast::Expr::LegacyLet(l) => self.legacy_let(&l, d),
            ast::Expr::List(l) => self.list(&l, d),
            ast::Expr::Lambda(l) => self.lambda(&l, d),
            ast::Expr::Apply(a) => self.apply(a, d),
            ast::Expr::With(w) => self.with(&w, d),
            ast::Expr::IfElse(i) => self.if_else(&i, d),
            ast::Expr::Assert(a) => self.assert(&a, d),
            ast::Expr::UnaryOp(u) => self.unary(&u, d),
            ast::Expr::BinOp(b) => self.binop(&b, d),
        }
    }

    fn search_path(&self, p: &ast::PathSearch) -> Node {
        // `<p>` is `__findFile __nixPath "p"`.
        let raw = p
            .content()
            .map(|c| c.text().to_string())
            .unwrap_or_default();
        let inner = raw.strip_prefix('<').unwrap_or(&raw);
        let inner = inner.strip_suffix('>').unwrap_or(inner);
        builtin_call(
            "__findFile",
            vec![text("__nixPath"), Node::Str(inner.to_string())],
        )
    }

    fn select(&self, s: &ast::Select, d: usize) -> Node {
        let target = self.expr(s.expr(), d);
        let path = self.attrpath(s.attrpath(), d);
        let default = if s.or_token().is_some() {
            Some(boxed(self.expr(s.default_expr(), d)))
        } else {
            None
        };
        Node::Select(boxed(target), path, default)
    }

    fn has_attr(&self, h: &ast::HasAttr, d: usize) -> Node {
        let target = self.expr(h.expr(), d);
        Node::HasAttr(boxed(target), self.attrpath(h.attrpath(), d))
    }

    fn attr_set(&self, a: &ast::AttrSet, d: usize) -> Node {
        Node::Attrs(Box::new(self.bindings(a, a.rec_token().is_some(), d)))
    }

    fn let_in(&self, l: &ast::LetIn, d: usize) -> Node {
        let b = self.bindings(l, true, d);
        Node::Let(Box::new(b), boxed(self.expr(l.body(), d)))
    }

    fn legacy_let(&self, l: &ast::LegacyLet, d: usize) -> Node {
        // `let { …; body = e; }` is `(rec { …; }).body`.
        let b = self.bindings(l, true, d);
        Node::Select(
            boxed(Node::Attrs(Box::new(b))),
            vec![AttrName::Static("body".into())],
            None,
        )
    }

    fn list(&self, l: &ast::List, d: usize) -> Node {
        Node::List(l.items().map(|i| self.expr(Some(i), d)).collect())
    }

    fn with(&self, w: &ast::With, d: usize) -> Node {
        Node::With(
            boxed(self.expr(w.namespace(), d)),
            boxed(self.expr(w.body(), d)),
        )
    }

    fn if_else(&self, i: &ast::IfElse, d: usize) -> Node {
        Node::If(
            boxed(self.expr(i.condition(), d)),
            boxed(self.expr(i.body(), d)),
            boxed(self.expr(i.else_body(), d)),
        )
    }

    fn assert(&self, a: &ast::Assert, d: usize) -> Node {
        Node::Assert(
            boxed(self.expr(a.condition(), d)),
            boxed(self.expr(a.body(), d)),
        )
    }

    fn unary(&self, u: &ast::UnaryOp, d: usize) -> Node {
        let operand = self.expr(u.expr(), d);
        match u.operator() {
            Some(ast::UnaryOpKind::Invert) => Node::Not(boxed(operand)),
            // `-x` is `__sub 0 x`.
            Some(ast::UnaryOpKind::Negate) => builtin_call("__sub", vec![text("0"), operand]),
            None => Node::Call(boxed(text(ERROR)), vec![operand]),
        }
    }

    /// `f a b c`: rnix nests applications to the left; walk that spine without
    /// recursion so long argument lists are not cut by the depth limit.
    fn apply(&self, a: ast::Apply, d: usize) -> Node {
        let mut args = vec![a.argument()];
        let mut fun = a.lambda();
        loop {
            match fun {
                Some(ast::Expr::Apply(inner)) => {
                    args.push(inner.argument());
                    fun = inner.lambda();
                }
                Some(ast::Expr::Paren(p)) => fun = p.expr(),
                _ => break,
            }
        }
        let mut call = self.expr(fun, d);
        for arg in args.into_iter().rev() {
            call = make_call(call, self.expr(arg, d));
        }
        call
    }

    fn binop(&self, b: &ast::BinOp, d: usize) -> Node {
        let lhs = self.expr(b.lhs(), d);
        let rhs = self.expr(b.rhs(), d);
        desugar_binop(b.operator(), lhs, rhs)
    }

    fn literal(&self, l: &ast::Literal) -> Node {
        let token = l
            .syntax()
            .children_with_tokens()
            .filter_map(|c| c.into_token())
            .find(|t| {
                matches!(
                    t.kind(),
                    SyntaxKind::TOKEN_INTEGER | SyntaxKind::TOKEN_FLOAT | SyntaxKind::TOKEN_URI
                )
            });
        let Some(token) = token else {
            return text(ERROR);
        };
        let raw = token.text();
        match token.kind() {
            SyntaxKind::TOKEN_INTEGER => match raw.parse::<i64>() {
                Ok(v) => Node::Text(v.to_string()),
                Err(_) => text(raw),
            },
            SyntaxKind::TOKEN_FLOAT => match raw.parse::<f64>() {
                Ok(v) if v.is_finite() => Node::Text(format_float(v)),
                _ => text(raw),
            },
            _ => Node::Str(raw.to_string()),
        }
    }

    fn lambda(&self, l: &ast::Lambda, d: usize) -> Node {
        let body = self.expr(l.body(), d);
        let (arg, formals) = match l.param() {
            Some(ast::Param::IdentParam(p)) => (
                Some(
                    p.ident()
                        .map(|i| ident_name(&i))
                        .unwrap_or_else(|| ERROR.into()),
                ),
                None,
            ),
            Some(ast::Param::Pattern(p)) => {
                let mut entries: Vec<(String, Option<Node>)> = p
                    .pat_entries()
                    .map(|entry| {
                        let name = entry
                            .ident()
                            .map(|i| ident_name(&i))
                            .unwrap_or_else(|| ERROR.into());
                        let default = if entry.question_token().is_some() {
                            Some(self.expr(entry.default(), d))
                        } else {
                            None
                        };
                        (name, default)
                    })
                    .collect();
                crate::sort::sort_by(&mut entries, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
                let bind = p.pat_bind().and_then(|b| b.ident()).map(|i| ident_name(&i));
                (
                    bind,
                    Some(Formals {
                        entries,
                        ellipsis: p.ellipsis_token().is_some(),
                    }),
                )
            }
            None => (Some(ERROR.to_string()), None),
        };
        Node::Lambda(Box::new(Lambda { arg, formals, body }))
    }

    fn attrpath(&self, p: Option<ast::Attrpath>, d: usize) -> Vec<AttrName> {
        match p {
            Some(p) => p.attrs().map(|a| self.attr(a, d)).collect(),
            None => Vec::new(),
        }
    }

    /// An attribute name: static when it is an identifier or a plain string literal.
    fn attr(&self, a: ast::Attr, d: usize) -> AttrName {
        let node = match a {
            ast::Attr::Ident(i) => return AttrName::Static(ident_name(&i)),
            ast::Attr::Str(s) => self.string(&s, d),
            ast::Attr::Dynamic(dy) => self.expr(dy.expr(), d),
        };
        match node {
            Node::Str(s) => AttrName::Static(s),
            n => AttrName::Dynamic(n),
        }
    }

    fn bindings(&self, node: &impl HasEntry, rec: bool, d: usize) -> Bindings {
        let mut b = Bindings::new(rec);
        for entry in node.entries() {
            match entry {
                ast::Entry::AttrpathValue(av) => {
                    let mut path = self.attrpath(av.attrpath(), d);
                    if path.is_empty() {
                        path.push(AttrName::Static(ERROR.into()));
                    }
                    let value = self.expr(av.value(), d);
                    b.add(path, value);
                }
                ast::Entry::Inherit(inh) => {
                    let def = match inh.from() {
                        Some(from) => {
                            b.from.push(self.expr(from.expr(), d));
                            Def::InheritedFrom(b.from.len() - 1)
                        }
                        None => Def::Inherited,
                    };
                    for attr in inh.attrs() {
                        // Nix rejects dynamic names here; keep only static ones.
                        if let AttrName::Static(name) = self.attr(attr, d) {
                            let def = match def {
                                Def::InheritedFrom(i) => Def::InheritedFrom(i),
                                _ => Def::Inherited,
                            };
                            b.attrs.push((name, def));
                        }
                    }
                }
            }
        }
        b
    }

    /// Paths: the first literal is a path, later literals are strings.
    fn path(&self, node: &SyntaxNode, d: usize) -> Node {
        let mut parts = Vec::new();
        let mut interpolated = false;
        for child in node.children_with_tokens() {
            match child {
                NodeOrToken::Token(t) => {
                    if t.kind().is_trivia() {
                        continue;
                    }
                    if parts.is_empty() {
                        parts.push(Node::Text(self.path_prefix(t.text())));
                    } else {
                        parts.push(Node::Str(t.text().to_string()));
                    }
                }
                NodeOrToken::Node(n) => {
                    interpolated = true;
                    let inner = ast::Interpol::cast(n).and_then(|i| i.expr());
                    parts.push(self.expr(inner, d));
                }
            }
        }
        if !interpolated && parts.len() == 1 {
            return parts.pop().unwrap_or_else(|| text(ERROR));
        }
        if parts.is_empty() {
            return text(ERROR);
        }
        Node::Concat(parts)
    }

    /// Strings, with Nix's splitting into parts and indentation stripping.
    fn string(&self, s: &ast::Str, d: usize) -> Node {
        let mut indented = false;
        let mut parts: Vec<RawPart> = Vec::new();
        for child in s.syntax().children_with_tokens() {
            match child {
                NodeOrToken::Token(t) => match t.kind() {
                    SyntaxKind::TOKEN_STRING_START => indented = t.text() == "''",
                    SyntaxKind::TOKEN_STRING_CONTENT => match parts.last_mut() {
                        Some(RawPart::Lit(l)) => l.push_str(t.text()),
                        _ => parts.push(RawPart::Lit(t.text().to_string())),
                    },
                    _ => {}
                },
                NodeOrToken::Node(n) => {
                    let inner = ast::Interpol::cast(n).and_then(|i| i.expr());
                    parts.push(RawPart::Expr(self.expr(inner, d)));
                }
            }
        }
        if indented {
            return indented_string(parts);
        }
        let has_interpolation = parts.iter().any(|p| matches!(p, RawPart::Expr(_)));
        let mut nodes: Vec<Node> = parts
            .into_iter()
            .filter_map(|p| match p {
                RawPart::Lit(l) if l.is_empty() => None,
                RawPart::Lit(l) => Some(Node::Str(unescape_string(&l))),
                RawPart::Expr(e) => Some(e),
            })
            .collect();
        if has_interpolation {
            Node::Concat(nodes)
        } else {
            nodes.pop().unwrap_or_else(|| Node::Str(String::new()))
        }
    }
}

/// The name of an identifier node (which may also be the contextual keyword `or`).
fn ident_name(i: &ast::Ident) -> String {
    i.syntax()
        .children_with_tokens()
        .filter_map(|c| c.into_token())
        .find(|t| !t.kind().is_trivia())
        .map(|t| t.text().to_string())
        .unwrap_or_else(|| ERROR.to_string())
}

/// The first segment of a path as Nix would store it.
///
/// Absolute paths are canonicalised (keeping a trailing `/` before an
/// interpolation); relative and home paths are kept as written because the base
/// directory and `$HOME` are not known here.
/// A path literal's first part made absolute as Nix makes it: against the file's
/// directory or `$HOME`.
impl Lowerer<'_> {
    fn path_prefix(&self, raw: &str) -> String {
        let absolute = if let Some(rest) = raw.strip_prefix('~') {
            match self.home {
                Some(home) => format!("{home}{rest}"),
                None => return raw.to_string(),
            }
        } else if raw.starts_with('/') {
            raw.to_string()
        } else {
            format!("{}/{raw}", self.base_dir)
        };
        canonical_path_prefix(&absolute)
    }
}

/// `raw` (absolute) with `.`, `..` and repeated slashes resolved, a final `/` kept.
fn canonical_path_prefix(raw: &str) -> String {
    let mut segs: Vec<&str> = Vec::new();
    for seg in raw.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    let mut out = String::new();
    for s in &segs {
        out.push('/');
        out.push_str(s);
    }
    if out.is_empty() {
        out.push('/');
    }
    if raw.ends_with('/') && raw.len() > 1 {
        out.push('/');
    }
    out
}

/// A piece of a string before Nix's lexing rules are applied.
enum RawPart {
    /// Source text between interpolations, escapes not yet processed.
    Lit(String),
    /// An interpolation, already converted.
    Expr(Node),
}

/// Unescapes the text of a `"…"` string segment as Nix's lexer does
/// (`\n`, `\r`, `\t`, `\c` → `c`; raw CR and CRLF become LF).
fn unescape_string(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) => out.push(unescape_char(e)),
                None => out.push('\\'),
            },
            '\r' => {
                out.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn unescape_char(c: char) -> char {
    match c {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        c => c,
    }
}

/// A piece of an indented string as Nix's lexer splits it.
enum IndPart {
    /// Literal text; `true` for ordinary text, `false` for escapes and lone `$`/`'`,
    /// which do not count as indentation.
    Text(String, bool),
    Expr(Node),
}

/// Splits the raw text of an indented string segment into Nix's lexer tokens.
fn lex_indented(raw: &str, out: &mut Vec<IndPart>) {
    let chars: Vec<char> = raw.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let at = |k: usize| chars.get(k).copied();
        if at(i) == Some('\'') && at(i + 1) == Some('\'') {
            match at(i + 2) {
                Some('$') => {
                    out.push(IndPart::Text("$".into(), false));
                    i += 3;
                }
                Some('\'') => {
                    out.push(IndPart::Text("''".into(), false));
                    i += 3;
                }
                Some('\\') => match at(i + 3) {
                    Some(c) => {
                        out.push(IndPart::Text(unescape_char(c).to_string(), false));
                        i += 4;
                    }
                    None => {
                        out.push(IndPart::Text("\\".into(), false));
                        i += 3;
                    }
                },
                _ => {
                    out.push(IndPart::Text("''".into(), false));
                    i += 2;
                }
            }
            continue;
        }
        let mut run = String::new();
        loop {
            match at(i) {
                None => break,
                Some(c @ ('$' | '\'')) => {
                    let banned = if c == '$' { ['{', '\''] } else { ['\'', '$'] };
                    match at(i + 1) {
                        Some(n) if !banned.contains(&n) => {
                            run.push(c);
                            run.push(n);
                            i += 2;
                        }
                        _ => break,
                    }
                }
                Some(c) => {
                    run.push(c);
                    i += 1;
                }
            }
        }
        if run.is_empty() {
            // A lone `$` or `'` that cannot start a run.
            out.push(IndPart::Text(chars[i].to_string(), false));
            i += 1;
        } else {
            out.push(IndPart::Text(run, true));
        }
    }
}

/// Builds an indented string: lexes it like Nix, strips the common indentation and
/// drops a final whitespace-only line.
fn indented_string(raw: Vec<RawPart>) -> Node {
    let mut parts: Vec<IndPart> = Vec::new();
    for (k, p) in raw.into_iter().enumerate() {
        match p {
            RawPart::Lit(mut l) => {
                // The lexer swallows `''` followed by spaces and a newline.
                if k == 0 {
                    let spaces = l.bytes().take_while(|&b| b == b' ').count();
                    if l.as_bytes().get(spaces) == Some(&b'\n') {
                        l.drain(..=spaces);
                    }
                }
                lex_indented(&l, &mut parts);
            }
            RawPart::Expr(e) => parts.push(IndPart::Expr(e)),
        }
    }

    // The smallest indentation of a line with content.
    let mut at_line_start = true;
    let mut min_indent = usize::MAX;
    let mut cur_indent = 0;
    for p in &parts {
        match p {
            IndPart::Text(s, true) => {
                for c in s.chars() {
                    if at_line_start {
                        match c {
                            ' ' => cur_indent += 1,
                            '\n' => cur_indent = 0,
                            _ => {
                                at_line_start = false;
                                min_indent = min_indent.min(cur_indent);
                            }
                        }
                    } else if c == '\n' {
                        at_line_start = true;
                        cur_indent = 0;
                    }
                }
            }
            _ => {
                if at_line_start {
                    at_line_start = false;
                    min_indent = min_indent.min(cur_indent);
                }
            }
        }
    }

    let mut out: Vec<Node> = Vec::new();
    at_line_start = true;
    let mut dropped = 0;
    let count = parts.len();
    for (k, p) in parts.into_iter().enumerate() {
        match p {
            IndPart::Expr(e) => {
                at_line_start = false;
                dropped = 0;
                out.push(e);
            }
            IndPart::Text(s, _) => {
                let mut kept = String::with_capacity(s.len());
                for c in s.chars() {
                    if at_line_start {
                        match c {
                            ' ' => {
                                if dropped >= min_indent {
                                    kept.push(c);
                                }
                                dropped += 1;
                            }
                            '\n' => {
                                dropped = 0;
                                kept.push(c);
                            }
                            _ => {
                                at_line_start = false;
                                dropped = 0;
                                kept.push(c);
                            }
                        }
                    } else {
                        kept.push(c);
                        if c == '\n' {
                            at_line_start = true;
                        }
                    }
                }
                if k + 1 == count {
                    if let Some(nl) = kept.rfind('\n') {
                        if kept[nl + 1..].bytes().all(|b| b == b' ') {
                            kept.truncate(nl + 1);
                        }
                    }
                }
                if !kept.is_empty() {
                    out.push(Node::Str(kept));
                }
            }
        }
    }
    match out.len() {
        0 => Node::Str(String::new()),
        1 if matches!(out[0], Node::Str(_)) => out.pop().unwrap_or_else(|| text(ERROR)),
        _ => Node::Concat(out),
    }
}

/// Formats a float like C++ `std::ostream << double` with default settings
/// (`%g` with 6 significant digits): `1`, `0.1`, `1e+10`, `1.23457e-05`.
fn format_float(v: f64) -> String {
    if v.is_nan() {
        return if v.is_sign_negative() { "-nan" } else { "nan" }.to_string();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    const PRECISION: i32 = 6;
    let sci = format!("{:.*e}", (PRECISION - 1) as usize, v);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..PRECISION).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!(
            "{}e{}{:02}",
            strip_fraction_zeros(mantissa),
            sign,
            exp.unsigned_abs()
        )
    } else {
        let decimals = (PRECISION - 1 - exp) as usize;
        strip_fraction_zeros(&format!("{:.*}", decimals, v)).to_string()
    }
}

fn strip_fraction_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

// ---------------------------------------------------------------------------
// Printing.
// ---------------------------------------------------------------------------

/// Writes `s` as a Nix string literal: `"`, `\`, newline, CR, tab and `${` escaped.
fn print_string(s: &str, out: &mut String) {
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes an attribute name: bare when it is a plain identifier, quoted otherwise
/// (including the keywords that cannot be attribute names unquoted).
fn print_ident(s: &str, out: &mut String) {
    const KEYWORDS: [&str; 9] = [
        "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit",
    ];
    let mut chars = s.chars();
    let bare = match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '\'' | '-'))
        }
        _ => false,
    };
    if bare && !KEYWORDS.contains(&s) {
        out.push_str(s);
    } else {
        print_string(s, out);
    }
}

fn print_attr_path(path: &[AttrName], depth: usize, out: &mut String) {
    if path.is_empty() {
        out.push_str(ERROR);
    }
    for (i, name) in path.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        match name {
            AttrName::Static(s) => print_ident(s, out),
            AttrName::Dynamic(e) => {
                out.push_str("\"${");
                print(e, depth, out);
                out.push_str("}\"");
            }
        }
    }
}

fn print_bindings(b: &Bindings, depth: usize, out: &mut String) {
    let mut sorted: Vec<&(String, Def)> = b.attrs.iter().collect();
    crate::sort::sort_by(&mut sorted, |x, y| x.0.as_bytes().cmp(y.0.as_bytes()));

    let inherited: Vec<&str> = sorted
        .iter()
        .filter(|(_, d)| matches!(d, Def::Inherited))
        .map(|(n, _)| n.as_str())
        .collect();
    if !inherited.is_empty() {
        out.push_str("inherit");
        for name in inherited {
            out.push(' ');
            print_ident(name, out);
        }
        out.push_str("; ");
    }

    let mut groups: Vec<(usize, Vec<&str>)> = Vec::new();
    for (name, def) in &sorted {
        if let Def::InheritedFrom(i) = def {
            match groups.iter_mut().find(|(g, _)| g == i) {
                Some((_, names)) => names.push(name),
                None => groups.push((*i, vec![name])),
            }
        }
    }
    crate::sort::sort_by_key(&mut groups, |(i, _)| *i);
    for (i, names) in groups {
        out.push_str("inherit (");
        match b.from.get(i) {
            Some(e) => print(e, depth, out),
            None => out.push_str(ERROR),
        }
        out.push(')');
        for name in names {
            out.push(' ');
            print_ident(name, out);
        }
        out.push_str("; ");
    }

    for (name, def) in &sorted {
        if let Def::Plain(value) = def {
            print_ident(name, out);
            out.push_str(" = ");
            print(value, depth, out);
            out.push_str("; ");
        }
    }
    for (name, value) in &b.dynamic {
        out.push_str("\"${");
        print(name, depth, out);
        out.push_str("}\" = ");
        print(value, depth, out);
        out.push_str("; ");
    }
}

/// A piece of output: literal text or a node to print.
enum Piece<'a> {
    Lit(&'static str),
    N(&'a Node),
}

/// Prints the pieces in order, nodes one level deeper than `depth`.
fn print_seq(pieces: &[Piece], depth: usize, out: &mut String) {
    for p in pieces {
        match p {
            Piece::Lit(s) => out.push_str(s),
            Piece::N(n) => print(n, depth + 1, out),
        }
    }
}

/// Prints `items` separated by `sep`, one level deeper than `depth`.
fn print_joined(items: &[Node], sep: &str, depth: usize, out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        print(item, depth + 1, out);
    }
}

fn print(n: &Node, depth: usize, out: &mut String) {
    use Piece::{Lit, N};
    if depth > MAX_DEPTH {
        out.push_str(ELLIPSIS);
        return;
    }
    match n {
        Node::Text(s) => out.push_str(s),
        Node::Str(s) => print_string(s, out),
        Node::Concat(parts) => {
            out.push('(');
            print_joined(parts, " + ", depth, out);
            out.push(')');
        }
        Node::Select(e, path, default) => print_select(e, path, default.as_deref(), depth, out),
        Node::HasAttr(e, path) => {
            print_seq(&[Lit("(("), N(e), Lit(") ? ")], depth, out);
            print_attr_path(path, depth + 1, out);
            out.push(')');
        }
        Node::Attrs(b) => {
            if b.rec {
                out.push_str("rec ");
            }
            out.push_str("{ ");
            print_bindings(b, depth + 1, out);
            out.push('}');
        }
        Node::List(items) => {
            out.push_str("[ ");
            for item in items {
                print_seq(&[Lit("("), N(item), Lit(") ")], depth, out);
            }
            out.push(']');
        }
        Node::Lambda(l) => print_lambda(l, depth, out),
        Node::Call(f, args) => {
            print_seq(&[Lit("("), N(f)], depth, out);
            for a in args {
                print_seq(&[Lit(" "), N(a)], depth, out);
            }
            out.push(')');
        }
        Node::Let(b, body) => {
            out.push_str("(let ");
            print_bindings(b, depth + 1, out);
            print_seq(&[Lit("in "), N(body), Lit(")")], depth, out);
        }
        Node::With(e, body) => print_seq(
            &[Lit("(with "), N(e), Lit("; "), N(body), Lit(")")],
            depth,
            out,
        ),
        Node::If(c, t, e) => print_seq(
            &[
                Lit("(if "),
                N(c),
                Lit(" then "),
                N(t),
                Lit(" else "),
                N(e),
                Lit(")"),
            ],
            depth,
            out,
        ),
        Node::Assert(c, body) => print_seq(&[Lit("assert "), N(c), Lit("; "), N(body)], depth, out),
        Node::Not(e) => print_seq(&[Lit("(! "), N(e), Lit(")")], depth, out),
        Node::Op(op, a, b) => {
            print_seq(&[Lit("("), N(a), Lit(" ")], depth, out);
            out.push_str(op);
            print_seq(&[Lit(" "), N(b), Lit(")")], depth, out);
        }
    }
}

fn print_select(
    e: &Node,
    path: &[AttrName],
    default: Option<&Node>,
    depth: usize,
    out: &mut String,
) {
    use Piece::{Lit, N};
    print_seq(&[Lit("("), N(e), Lit(").")], depth, out);
    print_attr_path(path, depth + 1, out);
    if let Some(def) = default {
        print_seq(&[Lit(" or ("), N(def), Lit(")")], depth, out);
    }
}

fn print_lambda(l: &Lambda, depth: usize, out: &mut String) {
    use Piece::{Lit, N};
    out.push('(');
    if let Some(Formals {
        entries: formals,
        ellipsis,
    }) = &l.formals
    {
        out.push_str("{ ");
        for (i, (name, default)) in formals.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(name);
            if let Some(def) = default {
                print_seq(&[Lit(" ? "), N(def)], depth, out);
            }
        }
        if *ellipsis {
            if !formals.is_empty() {
                out.push_str(", ");
            }
            out.push_str("...");
        }
        out.push_str(" }");
        if l.arg.is_some() {
            out.push_str(" @ ");
        }
    }
    if let Some(arg) = &l.arg {
        out.push_str(arg);
    }
    print_seq(&[Lit(": "), N(&l.body), Lit(")")], depth, out);
}

#[cfg(test)]
mod tests {
    //! Expected strings come from Nix 2.26 (`nix-instantiate --eval` on
    //! `assert false && (EXPR); 1`, reading the `assertion '…' failed` message).

    use super::show_expr;
    use rowan::ast::AstNode;

    fn show(src: &str) -> String {
        let parse = rnix::Root::parse(src);
        assert!(
            parse.errors().is_empty(),
            "parse errors in {src:?}: {:?}",
            parse.errors()
        );
        let expr = parse.tree().expr().expect("an expression");
        show_expr(&expr, "/base", Some("/home/u"))
    }

    #[track_caller]
    fn check(src: &str, expected: &str) {
        assert_eq!(show(src), expected, "source: {src:?}");
    }

    #[test]
    fn integers() {
        check("1", "1");
        check("42", "42");
        check("9223372036854775807", "9223372036854775807");
        check("007", "7");
    }

    #[test]
    fn floats_plain() {
        check("1.5", "1.5");
        check("1.0", "1");
        check(".5", "0.5");
        check("0.1", "0.1");
        check("100000.0", "100000");
    }

    #[test]
    fn floats_exponent() {
        check("1.0e10", "1e+10");
        check("1000000.0", "1e+06");
        check("0.00001", "1e-05");
        check("1.5e300", "1.5e+300");
        check("2.5E3", "2500");
        check("0.1e-3", "0.0001");
    }

    #[test]
    fn floats_six_significant_digits() {
        check("123456.7", "123457");
        check("3.14159265", "3.14159");
        check("999999.5", "1e+06");
        check("1000015.0", "1.00002e+06");
        check("0.30000000000000004", "0.3");
    }

    #[test]
    fn strings_plain() {
        check(r#""abc""#, r#""abc""#);
        check(r#""""#, r#""""#);
        check(r#""é☃""#, r#""é☃""#);
    }

    #[test]
    fn strings_escapes() {
        check(r#""a\nb\t\"q\"""#, r#""a\nb\t\"q\"""#);
        check(r#""\\""#, r#""\\""#);
        check(r#""a\rb""#, r#""a\rb""#);
        check("\"a\rb\"", r#""a\nb""#);
        check("\"a\r\nb\"", r#""a\nb""#);
        check(r#""\q""#, r#""q""#);
    }

    #[test]
    fn strings_dollar() {
        check(r#""\${x}""#, r#""\${x}""#);
        check(r#""$${x}""#, r#""$\${x}""#);
        check(r#""a$""#, r#""a$""#);
        check(r#""$""#, r#""$""#);
        check(r#""\$""#, r#""$""#);
    }

    #[test]
    fn strings_interpolation() {
        check(r#""a${x}b""#, r#"("a" + x + "b")"#);
        check(r#""${x}""#, "(x)");
        check(r#""${x}${y}""#, "(x + y)");
        check(r#""a${"b"}c""#, r#"("a" + "b" + "c")"#);
        check(r#""${x.a or b}""#, "((x).a or (b))");
    }

    #[test]
    fn indented_strings_plain() {
        check("''a''", r#""a""#);
        check("''''", r#""""#);
        check("''\n  a\n    b\n''", r#""a\n  b\n""#);
        check("''a'b''", r#""a'b""#);
        check(r#"''\n''"#, r#""\\n""#);
    }

    #[test]
    fn indented_strings_interpolation() {
        check("''a${x}b''", r#"("a" + x + "b")"#);
        check("''${x}''", "(x)");
        check("''\n  a\n  ${x}\n''", r#"("a\n" + x + "\n")"#);
        check("''\n   ${x} a\n  b\n''", r#"(" " + x + " a\nb\n")"#);
        check("''${x}\n  a''", r#"(x + "\n  a")"#);
    }

    #[test]
    fn indented_strings_escapes() {
        check("''a''${b''", r#"("a" + "$" + "{b")"#);
        check("''a'''b''", r#"("a" + "''" + "b")"#);
        check(r#"''a''\nb''"#, r#"("a" + "\n" + "b")"#);
        check("''\n  a''\\n  b\n  c''", r#"("a" + "\n" + "b\nc")"#);
        check("''$${x}''", r#""$\${x}""#);
        check("''a$''", r#"("a" + "$")"#);
        check("''a'$b''", r#"("a" + "'" + "$b")"#);
        check("''$a''", r#""$a""#);
    }

    #[test]
    fn indented_strings_last_line() {
        check("''\n  a\n    ''", r#""a\n""#);
        check("''a${x}   ''", r#"("a" + x + "   ")"#);
        check("''  \n  a''", r#""a""#);
    }

    #[test]
    fn absolute_paths() {
        check("/a/b", "/a/b");
        check("/a/./b/../c", "/a/c");
        check("/a/${x}/b", r#"(/a/ + x + "/b")"#);
        check("/a/../${x}", "(// + x)");
        check("/a/b/${x}${y}", "(/a/b/ + x + y)");
    }

    #[test]
    fn search_paths() {
        check("<nixpkgs>", r#"(__findFile __nixPath "nixpkgs")"#);
        check("<nixpkgs/lib>", r#"(__findFile __nixPath "nixpkgs/lib")"#);
        check("<nixpkgs> x", r#"(__findFile __nixPath "nixpkgs" x)"#);
    }

    #[test]
    fn uris() {
        check("http://x.org/a", r#""http://x.org/a""#);
        check("http://a.b/c?d=e&f", r#""http://a.b/c?d=e&f""#);
        check("[ http://x y ]", r#"[ ("http://x") (y) ]"#);
    }

    #[test]
    fn identifiers() {
        check("x", "x");
        check("true", "true");
        check("null", "null");
        check("a'", "a'");
        check("f-g", "f-g");
        check("a--b", "a--b");
    }

    #[test]
    fn select() {
        check("x.y", "(x).y");
        check("x.y.z", "(x).y.z");
        check("(x.y).z", "((x).y).z");
        check("{ a = 1; }.a", "({ a = 1; }).a");
        check("x: x.a", "(x: (x).a)");
    }

    #[test]
    fn select_or() {
        check("x.y or 1", "(x).y or (1)");
        check("x.y.z or a.b", "(x).y.z or ((a).b)");
        check("a.b.c or (x y)", "(a).b.c or ((x y))");
        check("f x.a or b", "(f (x).a or (b))");
        check("x.a or b c", "((x).a or (b) c)");
        check("!x.a or b", "(! (x).a or (b))");
    }

    #[test]
    fn select_attr_names() {
        check(r#"x."a b""#, r#"(x)."a b""#);
        check(r#"x."if""#, r#"(x)."if""#);
        check(r#"x."or""#, "(x).or");
        check("x.${y}", r#"(x)."${y}""#);
        check(r#"x."${y}""#, r#"(x)."${(y)}""#);
        check(r#"x.${"a"}"#, "(x).a");
        check(r#"x."${y}z""#, r#"(x)."${(y + "z")}""#);
        check(r#"x."""#, r#"(x)."""#);
    }

    #[test]
    fn has_attr() {
        check("x ? y", "((x) ? y)");
        check("x ? y.z", "((x) ? y.z)");
        check(r#"x ? "a b""#, r#"((x) ? "a b")"#);
        check("x ? ${y}", r#"((x) ? "${y}")"#);
        check("x.a ? b", "(((x).a) ? b)");
        check("!a ? b", "(! ((a) ? b))");
        check("-a ? b", "(((__sub 0 a)) ? b)");
        check("a ? b || c", "(((a) ? b) || c)");
    }

    #[test]
    fn attrs_basic() {
        check("{}", "{ }");
        check("{ a = 1; }", "{ a = 1; }");
        check("rec { a = 1; }", "rec { a = 1; }");
        check("{ a = { }; b = [ ]; }", "{ a = { }; b = [ ]; }");
    }

    #[test]
    fn attrs_sorted_bytewise() {
        check("{ b = 1; a = 2; }", "{ a = 2; b = 1; }");
        check("{ zq = 1; qz = 2; }", "{ qz = 2; zq = 1; }");
        check(
            r#"{ "1" = 1; A = 1; _ = 3; a = 4; "é" = 5; Z = 6; }"#,
            r#"{ "1" = 1; A = 1; Z = 6; _ = 3; a = 4; "é" = 5; }"#,
        );
    }

    #[test]
    fn attrs_quoted_names() {
        check(r#"{ "a b" = 1; }"#, r#"{ "a b" = 1; }"#);
        check(
            r#"{ "if" = 1; "then" = 2; "inherit" = 3; }"#,
            r#"{ "if" = 1; "inherit" = 3; "then" = 2; }"#,
        );
        check(r#"{ "or" = 1; }"#, "{ or = 1; }");
        check(r#"{ "" = 1; }"#, r#"{ "" = 1; }"#);
        check(r#"{ "A_b'-9" = 1; }"#, "{ A_b'-9 = 1; }");
        check(r#"{ "a\"b" = 1; }"#, r#"{ "a\"b" = 1; }"#);
        check(r#"{ "a\${b" = 1; }"#, r#"{ "a\${b" = 1; }"#);
    }

    #[test]
    fn attrs_inherit() {
        check("{ inherit a; }", "{ inherit a; }");
        check("{ inherit z a; }", "{ inherit a z; }");
        check("{ inherit (x) a b; }", "{ inherit (x) a b; }");
        check(
            "{ inherit a; b = 1; inherit (x) c; inherit d; inherit (y) e; inherit (x) f; }",
            "{ inherit a d; inherit (x) c; inherit (y) e; inherit (x) f; b = 1; }",
        );
        check("{ inherit (x); a = 1; }", "{ a = 1; }");
        check("{ inherit (f x) a; }", "{ inherit ((f x)) a; }");
        check(r#"{ inherit "a b"; }"#, r#"{ inherit "a b"; }"#);
        check(r#"{ inherit ${"a"}; }"#, "{ inherit a; }");
    }

    #[test]
    fn attrs_nested_paths() {
        check("{ a.b = 1; a.c = 2; }", "{ a = { b = 1; c = 2; }; }");
        check("{ a.b.c = 1; }", "{ a = { b = { c = 1; }; }; }");
        check(
            "{ a.b.c = 1; a.b.d = 2; a.e = 3; }",
            "{ a = { b = { c = 1; d = 2; }; e = 3; }; }",
        );
        check(
            r#"{ a."b c".d = 1; }"#,
            r#"{ a = { "b c" = { d = 1; }; }; }"#,
        );
    }

    #[test]
    fn attrs_nested_paths_merge() {
        check("{ a = { b = 1; }; a.c = 2; }", "{ a = { b = 1; c = 2; }; }");
        check("{ a.c = 2; a = { b = 1; }; }", "{ a = { b = 1; c = 2; }; }");
        check(
            "{ a = rec { b = 1; }; a.c = 2; }",
            "{ a = rec { b = 1; c = 2; }; }",
        );
        check(
            "{ a.b = 1; a = rec { c = 2; }; }",
            "{ a = { b = 1; c = 2; }; }",
        );
        check(
            "{ x = { y = 1; }; x = { z = 2; }; }",
            "{ x = { y = 1; z = 2; }; }",
        );
    }

    #[test]
    fn attrs_merge_keeps_inherit_from() {
        check(
            "{ a.b = 1; a = { inherit (y) c; inherit (z) d; }; }",
            "{ a = { inherit (y) c; inherit (z) d; b = 1; }; }",
        );
        check(
            "{ a = { inherit (y) c; }; a = { inherit (z) d; }; }",
            "{ a = { inherit (y) c; inherit (z) d; }; }",
        );
        check(
            "{ a = { inherit (x) b; }; a.c = 2; }",
            "{ a = { inherit (x) b; c = 2; }; }",
        );
    }

    #[test]
    fn attrs_dynamic() {
        check("{ ${x} = 1; }", r#"{ "${x}" = 1; }"#);
        check(
            "{ ${x} = 1; ${y} = 2; a = 3; }",
            r#"{ a = 3; "${x}" = 1; "${y}" = 2; }"#,
        );
        check(r#"{ "${x}" = 1; }"#, r#"{ "${(x)}" = 1; }"#);
        check(r#"{ ${"a"} = 1; }"#, "{ a = 1; }");
        check("{ a.${x} = 1; }", r#"{ a = { "${x}" = 1; }; }"#);
        check("{ ${x}.a = 1; }", r#"{ "${x}" = { a = 1; }; }"#);
        check(r#"{ "${x}y" = 1; }"#, r#"{ "${(x + "y")}" = 1; }"#);
        check(
            "{ a = { ${x} = 1; }; a = { ${y} = 2; b = 3; }; }",
            r#"{ a = { b = 3; "${x}" = 1; "${y}" = 2; }; }"#,
        );
    }

    #[test]
    fn lists() {
        check("[]", "[ ]");
        check("[ 1 2 ]", "[ (1) (2) ]");
        check("[ (f x) ]", "[ ((f x)) ]");
        check("[ [ ] [ 1 ] ]", "[ ([ ]) ([ (1) ]) ]");
        check("[ x.a or b c ]", "[ ((x).a or (b)) (c) ]");
        check(r#"[ "a" ''b'' /d ]"#, r#"[ ("a") ("b") (/d) ]"#);
    }

    #[test]
    fn lambda_plain() {
        check("x: x", "(x: x)");
        check("x: y: x", "(x: (y: x))");
        check("_: null", "(_: null)");
    }

    #[test]
    fn lambda_patterns() {
        check("{ a, b ? 1, ... }: a", "({ a, b ? 1, ... }: a)");
        check("{ b, a }: 1", "({ a, b }: 1)");
        check("{ }: 1", "({  }: 1)");
        check("{ ... }: 1", "({ ... }: 1)");
        check("{ a ? { }, b ? (x: x) }: a", "({ a ? { }, b ? (x: x) }: a)");
        check("{ a, }: a", "({ a }: a)");
    }

    #[test]
    fn lambda_at_patterns() {
        check("{ a }@s: a", "({ a } @ s: a)");
        check("s@{ a }: a", "({ a } @ s: a)");
        check("a: { b, ... }@c: a", "(a: ({ b, ... } @ c: a))");
        check("args @ { ... }: args", "({ ... } @ args: args)");
    }

    #[test]
    fn application() {
        check("f x", "(f x)");
        check("f x y", "(f x y)");
        check("(x: x) 1", "((x: x) 1)");
        check("f (g x) (h y)", "(f (g x) (h y))");
        check("1 2 3", "(1 2 3)");
        check(
            "map (x: x + 1) [ 1 2 3 ]",
            "(map (x: (x + 1)) [ (1) (2) (3) ])",
        );
    }

    #[test]
    fn application_is_flattened() {
        check("(f x) y", "(f x y)");
        check("((f x)) ((y))", "(f x y)");
        check("(f) x", "(f x)");
        check("(a - b) c", "(__sub a b c)");
        check("(a < b) c", "(__lessThan a b c)");
        check("(-x) y", "(__sub 0 x y)");
        check("(a <= b) c", "((! (__lessThan b a)) c)");
    }

    #[test]
    fn let_in() {
        check("let a = 1; in a", "(let a = 1; in a)");
        check("let b = 1; a = 2; in a", "(let a = 2; b = 1; in a)");
        check("let inherit a; in a", "(let inherit a; in a)");
        check(
            "let inherit (x) a; b = 1; in a",
            "(let inherit (x) a; b = 1; in a)",
        );
        check("let a.b = 1; in a", "(let a = { b = 1; }; in a)");
        check("let in 1", "(let in 1)");
        check("let f = x: x; in f 1", "(let f = (x: x); in (f 1))");
    }

    #[test]
    fn legacy_let() {
        check(
            "let { a = 1; body = a; }",
            "(rec { a = 1; body = a; }).body",
        );
        check("let { body = 1; }", "(rec { body = 1; }).body");
    }

    #[test]
    fn with() {
        check("with x; y", "(with x; y)");
        check("with a; with b; c", "(with a; (with b; c))");
        check("with { a = 1; }; a", "(with { a = 1; }; a)");
    }

    #[test]
    fn if_then_else() {
        check("if a then b else c", "(if a then b else c)");
        check(
            "if a then if b then c else d else e",
            "(if a then (if b then c else d) else e)",
        );
        check(
            "if a == b then { } else [ ]",
            "(if (a == b) then { } else [ ])",
        );
    }

    #[test]
    fn assert() {
        check("assert a; b", "assert a; b");
        check("assert a; assert b; c", "assert a; assert b; c");
        check("f (assert a; b)", "(f assert a; b)");
        check("(assert a; b) + 1", "(assert a; b + 1)");
        check("a + (assert a; b)", "(a + assert a; b)");
    }

    #[test]
    fn not() {
        check("!x", "(! x)");
        check("!!a", "(! (! a))");
        check("!(a && b)", "(! (a && b))");
        check("! a == b", "((! a) == b)");
        check("!a && !b", "((! a) && (! b))");
    }

    #[test]
    fn negation() {
        check("-1", "(__sub 0 1)");
        check("- x", "(__sub 0 x)");
        check("-(-1)", "(__sub 0 (__sub 0 1))");
        check("-1.5", "(__sub 0 1.5)");
        check("-x.a", "(__sub 0 (x).a)");
        check("a -b", "(__sub a b)");
    }

    #[test]
    fn arithmetic() {
        check("a + b", "(a + b)");
        check("a - b", "(__sub a b)");
        check("a * b", "(__mul a b)");
        check("a / b", "(__div a b)");
        check("a + b + c", "((a + b) + c)");
        check("a + (b + c)", "(a + (b + c))");
        check("2 * 3 + 4", "((__mul 2 3) + 4)");
        check(r#""x" + 1.5"#, r#"("x" + 1.5)"#);
    }

    #[test]
    fn comparison() {
        check("a < b", "(__lessThan a b)");
        check("a <= b", "(! (__lessThan b a))");
        check("a > b", "(__lessThan b a)");
        check("a >= b", "(! (__lessThan a b))");
        check("a == b", "(a == b)");
        check("a != b", "(a != b)");
    }

    #[test]
    fn logic() {
        check("a && b", "(a && b)");
        check("a || b", "(a || b)");
        check("a -> b", "(a -> b)");
        check("a -> b -> c", "(a -> (b -> c))");
        check(
            "a == b && c != d || e -> f",
            "((((a == b) && (c != d)) || e) -> f)",
        );
    }

    #[test]
    fn list_and_attrset_operators() {
        check("a ++ b", "(a ++ b)");
        check("a // b", "(a // b)");
        check("a // b ++ c", "(a // (b ++ c))");
        check("a ++ b // c", "((a ++ b) // c)");
        check("a // b // c", "(a // (b // c))");
    }

    #[test]
    fn cur_pos() {
        check("__curPos", "__curPos");
        check("__curPos.line", "(__curPos).line");
        check("{ a = __curPos; }", "{ a = __curPos; }");
    }

    #[test]
    fn parentheses_vanish() {
        check("(x)", "x");
        check("((x))", "x");
        check("(1)", "1");
    }

    #[test]
    fn comments_and_layout_ignored() {
        check("let /* c */ a = 1; # x\n in a", "(let a = 1; in a)");
        check("f\n  x\n  y", "(f x y)");
    }

    #[test]
    fn assertion_messages() {
        check("false", "false");
        check("1 == 2", "(1 == 2)");
        check("x != null && x.a == 0", "((x != null) && ((x).a == 0))");
    }

    #[test]
    fn relative_and_home_paths_are_resolved() {
        // As Nix prints them: against the file's directory and $HOME.
        check("./a", "/base/a");
        check("./a/../b", "/base/b");
        check("./.", "/base");
        check("../a", "/a");
        check("./a/${x}", "(/base/a/ + x)");
        check("~/a", "/home/u/a");
        check("~/${x}", "(/home/u/ + x)");
        check("[ ./c /d ]", "[ (/base/c) (/d) ]");
    }

    #[test]
    fn pipe_operators_are_calls() {
        // Nix 2.26 with `--extra-experimental-features pipe-operators`.
        check("a |> f", "(f a)");
        check("a |> f |> g", "(g (f a))");
        check("(a |> f) b", "(f a b)");
        check("a |> f b", "(f b a)");
        check("a |> (f x)", "(f x a)");
        check("f <| a", "(f a)");
        check("f <| g <| a", "(f (g a))");
        check("f x <| a", "(f x a)");
    }

    #[test]
    fn home_paths_stay_as_written_without_home() {
        let parse = rnix::Root::parse("~/a == ./b");
        let root = rnix::ast::Expr::Root(parse.tree());
        assert_eq!(show_expr(&root, "/dir", None), "(~/a == /dir/b)");
    }

    #[test]
    fn root_node_is_transparent() {
        let parse = rnix::Root::parse("1 == 2");
        let root = rnix::ast::Expr::Root(parse.tree());
        assert_eq!(show_expr(&root, "/", None), "(1 == 2)");
    }

    #[test]
    fn deep_nesting_is_cut_with_an_ellipsis() {
        let n = 300;
        let src = format!("{}1{}", "[ ".repeat(n), " ]".repeat(n));
        let levels = super::MAX_DEPTH + 1;
        let expected = format!("{}…{}", "[ (".repeat(levels), ") ]".repeat(levels));
        assert_eq!(show(&src), expected);

        let src = format!("{}x", "!".repeat(n));
        let out = show(&src);
        assert!(out.contains('…') && out.len() < 4 * n, "{out}");

        let src = format!("a{}", " + a".repeat(n));
        let out = show(&src);
        assert!(out.contains('…') && out.ends_with(" + a)"), "{out}");
    }

    #[test]
    fn deep_attribute_paths_are_cut_with_an_ellipsis() {
        let src = format!("{{ a{} = 1; }}", ".a".repeat(400));
        let out = show(&src);
        assert!(
            out.starts_with("{ a = { a = ") && out.ends_with("; }; }") && out.contains('…'),
            "{out}"
        );
        assert!(!out.contains('1'));
    }

    #[test]
    fn long_argument_lists_are_not_cut() {
        let n = 1000;
        let src = format!("f{}", " x".repeat(n));
        assert_eq!(show(&src), format!("(f{})", " x".repeat(n)));
    }

    #[test]
    fn many_parentheses_are_stripped() {
        let n = 400;
        assert_eq!(show(&format!("{}x{}", "(".repeat(n), ")".repeat(n))), "x");
    }

    #[test]
    fn broken_trees_print_error_markers() {
        let first = |src: &str| {
            let expr = rnix::Root::parse(src).tree().expr().expect("an expression");
            show_expr(&expr, "/", None)
        };
        assert_eq!(first("1 +"), "(1 + «error»)");
        assert_eq!(first("{ a = ; }"), "{ a = «error»; }");
        assert_eq!(first("x: "), "(x: «error»)");
        assert_eq!(first("if a then b"), "(if a then b else «error»)");
        assert_eq!(first("a.b or"), "(a).b or («error»)");
    }

    #[test]
    fn broken_input_never_panics() {
        let sources = [
            "",
            "(",
            ")",
            "1 +",
            "{ a = ; }",
            "let in",
            "x: ",
            "''${",
            "\"${x",
            "{ a.",
            "f (",
            "assert ;",
            "if then else",
            "[ 1 2",
            "{ inherit (; }",
            "a.b or",
            "<",
            "./a/${",
            "1.5e",
            "{ ${} = 1; }",
            "x ? ",
            "!",
            "-",
            "let { ",
            "{ a, b ? }: 1",
            "{ a = 1; a.b",
            "\"\\",
            "''''\\",
            "'''",
            "''a''$",
            "${x}",
            "x.${",
            "{ \"${\" = 1; }",
            "@",
            "a @ b: c",
            "{ ... , a }: 1",
            "inherit a;",
            "rec",
            "with;",
            "1e400",
            "99999999999999999999",
            "1.0e400",
            "let a.b = 1; a = 2; in a",
            "{ inherit a; a.b = 1; }",
            "{ a = 1; a.b.c = 2; }",
        ];
        for src in sources {
            let root = rnix::Root::parse(src).tree();
            for node in root.syntax().descendants() {
                if let Some(expr) = rnix::ast::Expr::cast(node) {
                    let _ = show_expr(&expr, "/", None);
                }
            }
        }
    }
}
