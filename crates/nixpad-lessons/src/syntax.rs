//! The structured view of a learner file's syntax that `check.nix` receives as
//! `syntax.NAME`: which constructs, builtins and names the code uses, read from the same
//! parser the evaluator uses (rnix). Comments, whitespace and the contents of string
//! literals never count, so a solution pasted into a comment proves nothing.

use std::collections::BTreeMap;

use rnix::ast::{self, HasEntry};
use rnix::{SyntaxKind as K, SyntaxNode};
use rowan::ast::AstNode;

/// The constructs counted in [`SyntaxView::uses`] (every key is always present).
pub const CONSTRUCTS: &[&str] = &[
    "with",
    "inherit",
    "inheritFrom",
    "rec",
    "let",
    "or",
    "hasAttr",
    "update",
    "concat",
    "assert",
    "if",
    "lambda",
    "setPattern",
    "ellipsis",
    "at",
    "interpolation",
    "dynamicAttr",
    "select",
    "call",
    "stringLiteral",
    "indentedString",
    "path",
    "searchPath",
    "list",
    "attrset",
    "int",
    "float",
];

/// What a learner file's syntax tree holds (see `lessons/README.md`, "Syntax queries").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyntaxView {
    /// Construct (one of [`CONSTRUCTS`]) → how many times it occurs.
    pub uses: BTreeMap<&'static str, u64>,
    /// Operator (`+`, `-`, `*`, `/`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, `->`,
    /// `++`, `//`, `!`, and `neg` for unary minus) → how many times it occurs.
    pub operators: BTreeMap<&'static str, u64>,
    /// Builtin name → references: `builtins.X`, `inherit (builtins) X`, the global names
    /// (`map`, `toString`, ...) when not shadowed, and free names under `with builtins;`.
    pub builtins: BTreeMap<String, u64>,
    /// Variable name → references (bound or free).
    pub variables: BTreeMap<String, u64>,
    /// Variable name → references inside `${…}` (in strings, paths and attribute names).
    pub interpolated: BTreeMap<String, u64>,
    /// Name → definitions (by `let`, attribute keys, `inherit`, lambda arguments, pattern
    /// fields and `@` names).
    pub bindings: BTreeMap<String, u64>,
    /// The static text pieces of every string literal, in source order, as the string
    /// holds them (escapes decoded, indented strings without their indentation).
    pub strings: Vec<String>,
    /// Integer literals in source order (`-1` is the literal `1` negated).
    pub ints: Vec<i64>,
}

/// Reads the syntax of `text`. A text with a syntax error gives the empty view (every
/// count 0): the engine reports the error before any check runs.
pub fn syntax_view(text: &str) -> SyntaxView {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let parse = rnix::Root::parse(&text);
    let mut walker = Walker {
        view: SyntaxView {
            uses: CONSTRUCTS.iter().map(|c| (*c, 0)).collect(),
            ..SyntaxView::default()
        },
        scopes: Vec::new(),
        interpolation_depth: 0,
    };
    if parse.errors().is_empty() {
        walker.node(&parse.syntax());
    }
    walker.view
}

/// One lexical scope: the names it binds, or a `with builtins;`.
enum Scope {
    Names(Vec<String>),
    WithBuiltins,
}

struct Walker {
    view: SyntaxView,
    scopes: Vec<Scope>,
    interpolation_depth: u32,
}

fn bump<K: Ord>(map: &mut BTreeMap<K, u64>, key: K) {
    *map.entry(key).or_insert(0) += 1;
}

/// The name of a static attribute (`a`, `"a"`), or `None` for `${…}` and interpolated strings.
pub(crate) fn static_attr(attr: &ast::Attr) -> Option<String> {
    match attr {
        ast::Attr::Ident(i) => i.ident_token().map(|t| t.text().to_string()),
        ast::Attr::Str(s) => {
            let mut out = String::new();
            for part in s.normalized_parts() {
                match part {
                    ast::InterpolPart::Literal(l) => out.push_str(&l),
                    ast::InterpolPart::Interpolation(_) => return None,
                }
            }
            Some(out)
        }
        ast::Attr::Dynamic(_) => None,
    }
}

fn ident_name(node: &SyntaxNode) -> String {
    node.text().to_string()
}

impl Walker {
    fn uses(&mut self, construct: &'static str) {
        bump(&mut self.view.uses, construct);
    }

    /// Whether `name` is bound by an enclosing `let`, `rec`, lambda or pattern.
    fn bound(&self, name: &str) -> bool {
        self.scopes.iter().any(|s| match s {
            Scope::Names(names) => names.iter().any(|n| n == name),
            Scope::WithBuiltins => false,
        })
    }

    fn under_with_builtins(&self) -> bool {
        self.scopes.iter().any(|s| matches!(s, Scope::WithBuiltins))
    }

    /// A variable reference.
    fn reference(&mut self, name: &str) {
        bump(&mut self.view.variables, name.to_string());
        if self.interpolation_depth > 0 {
            bump(&mut self.view.interpolated, name.to_string());
        }
        if self.bound(name) {
            return;
        }
        if nixpad_eval::is_global_builtin(name) {
            bump(&mut self.view.builtins, name.to_string());
        } else if let Some(b) = name
            .strip_prefix("__")
            .filter(|b| nixpad_eval::is_builtin(b))
        {
            bump(&mut self.view.builtins, b.to_string());
        } else if self.under_with_builtins() && nixpad_eval::is_builtin(name) {
            bump(&mut self.view.builtins, name.to_string());
        }
    }

    /// Whether `node` is the variable `builtins`, not shadowed.
    fn is_builtins_set(&self, node: Option<&SyntaxNode>) -> bool {
        node.is_some_and(|n| {
            n.kind() == K::NODE_IDENT && n.text() == "builtins" && !self.bound("builtins")
        })
    }

    fn children(&mut self, node: &SyntaxNode) {
        for child in node.children() {
            self.node(&child);
        }
    }

    fn node(&mut self, node: &SyntaxNode) {
        match node.kind() {
            K::NODE_IDENT => self.reference(&ident_name(node)),
            K::NODE_LAMBDA => self.lambda(node),
            K::NODE_LET_IN => {
                self.uses("let");
                let names = self.entries_scope(node);
                self.scopes.push(Scope::Names(names));
                self.children(node);
                self.scopes.pop();
            }
            K::NODE_LEGACY_LET => {
                self.uses("let");
                self.uses("rec");
                let names = self.entries_scope(node);
                self.scopes.push(Scope::Names(names));
                self.children(node);
                self.scopes.pop();
            }
            K::NODE_ATTR_SET => {
                self.uses("attrset");
                let set = ast::AttrSet::cast(node.clone());
                if set.as_ref().is_some_and(|s| s.rec_token().is_some()) {
                    self.uses("rec");
                    let names = self.entries_scope(node);
                    self.scopes.push(Scope::Names(names));
                    self.children(node);
                    self.scopes.pop();
                } else {
                    self.children(node);
                }
            }
            K::NODE_ATTRPATH_VALUE => {
                for child in node.children() {
                    if child.kind() == K::NODE_ATTRPATH {
                        self.attrpath(&child, true);
                    } else {
                        self.node(&child);
                    }
                }
            }
            K::NODE_INHERIT => self.inherit(node),
            K::NODE_SELECT => {
                self.uses("select");
                let Some(select) = ast::Select::cast(node.clone()) else {
                    return;
                };
                if select.or_token().is_some() {
                    self.uses("or");
                }
                let target = select.expr().map(|e| e.syntax().clone());
                if self.is_builtins_set(target.as_ref()) {
                    if let Some(name) = select
                        .attrpath()
                        .and_then(|p| p.attrs().next())
                        .and_then(|a| static_attr(&a))
                    {
                        bump(&mut self.view.builtins, name);
                    }
                }
                for child in node.children() {
                    if child.kind() == K::NODE_ATTRPATH {
                        self.attrpath(&child, false);
                    } else {
                        self.node(&child);
                    }
                }
            }
            K::NODE_HAS_ATTR => {
                self.uses("hasAttr");
                for child in node.children() {
                    if child.kind() == K::NODE_ATTRPATH {
                        self.attrpath(&child, false);
                    } else {
                        self.node(&child);
                    }
                }
            }
            K::NODE_WITH => {
                self.uses("with");
                let Some(with) = ast::With::cast(node.clone()) else {
                    return;
                };
                let namespace = with.namespace().map(|e| e.syntax().clone());
                let of_builtins = self.is_builtins_set(namespace.as_ref());
                if let Some(n) = &namespace {
                    self.node(n);
                }
                if let Some(body) = with.body() {
                    if of_builtins {
                        self.scopes.push(Scope::WithBuiltins);
                    }
                    self.node(body.syntax());
                    if of_builtins {
                        self.scopes.pop();
                    }
                }
            }
            K::NODE_BIN_OP => {
                if let Some(op) = ast::BinOp::cast(node.clone()).and_then(|b| b.operator()) {
                    use ast::BinOpKind as B;
                    let text = match op {
                        B::Concat => {
                            self.uses("concat");
                            "++"
                        }
                        B::Update => {
                            self.uses("update");
                            "//"
                        }
                        B::Add => "+",
                        B::Sub => "-",
                        B::Mul => "*",
                        B::Div => "/",
                        B::And => "&&",
                        B::Equal => "==",
                        B::Implication => "->",
                        B::Less => "<",
                        B::LessOrEq => "<=",
                        B::More => ">",
                        B::MoreOrEq => ">=",
                        B::NotEqual => "!=",
                        B::Or => "||",
                        B::PipeRight => "|>",
                        B::PipeLeft => "<|",
                    };
                    bump(&mut self.view.operators, text);
                }
                self.children(node);
            }
            K::NODE_UNARY_OP => {
                if let Some(op) = ast::UnaryOp::cast(node.clone()).and_then(|u| u.operator()) {
                    let text = match op {
                        ast::UnaryOpKind::Invert => "!",
                        ast::UnaryOpKind::Negate => "neg",
                    };
                    bump(&mut self.view.operators, text);
                }
                self.children(node);
            }
            K::NODE_ASSERT => {
                self.uses("assert");
                self.children(node);
            }
            K::NODE_IF_ELSE => {
                self.uses("if");
                self.children(node);
            }
            K::NODE_APPLY => {
                self.uses("call");
                self.children(node);
            }
            K::NODE_LIST => {
                self.uses("list");
                self.children(node);
            }
            K::NODE_STRING => self.string(node),
            K::NODE_PATH_ABS | K::NODE_PATH_REL | K::NODE_PATH_HOME => {
                self.uses("path");
                self.children(node);
            }
            K::NODE_PATH_SEARCH => self.uses("searchPath"),
            K::NODE_INTERPOL | K::NODE_DYNAMIC => {
                self.uses("interpolation");
                if node.kind() == K::NODE_DYNAMIC {
                    self.uses("dynamicAttr");
                }
                self.interpolation_depth += 1;
                self.children(node);
                self.interpolation_depth -= 1;
            }
            K::NODE_LITERAL => {
                for token in node.children_with_tokens().filter_map(|t| t.into_token()) {
                    match token.kind() {
                        K::TOKEN_INTEGER => {
                            self.uses("int");
                            if let Ok(n) = token.text().parse::<i64>() {
                                self.view.ints.push(n);
                            }
                        }
                        K::TOKEN_FLOAT => self.uses("float"),
                        _ => {}
                    }
                }
            }
            _ => self.children(node),
        }
    }

    /// Names bound by the entries of a `let`, `rec { }` or `let { }`: the first component
    /// of each static attribute path, and inherited names.
    fn entries_scope(&self, node: &SyntaxNode) -> Vec<String> {
        let mut names = Vec::new();
        let entries: Vec<ast::Entry> = if let Some(l) = ast::LetIn::cast(node.clone()) {
            l.entries().collect()
        } else if let Some(s) = ast::AttrSet::cast(node.clone()) {
            s.entries().collect()
        } else if let Some(l) = ast::LegacyLet::cast(node.clone()) {
            l.entries().collect()
        } else {
            Vec::new()
        };
        for entry in entries {
            match entry {
                ast::Entry::AttrpathValue(v) => {
                    if let Some(name) = v
                        .attrpath()
                        .and_then(|p| p.attrs().next())
                        .and_then(|a| static_attr(&a))
                    {
                        names.push(name);
                    }
                }
                ast::Entry::Inherit(i) => names.extend(i.attrs().filter_map(|a| static_attr(&a))),
            }
        }
        names
    }

    /// An attribute path: static names are definitions when `defines`, `${…}` parts are
    /// dynamic attributes.
    fn attrpath(&mut self, node: &SyntaxNode, defines: bool) {
        let Some(path) = ast::Attrpath::cast(node.clone()) else {
            return;
        };
        for attr in path.attrs() {
            match (&attr, static_attr(&attr)) {
                (_, Some(name)) => {
                    if defines {
                        bump(&mut self.view.bindings, name);
                    }
                    if let ast::Attr::Str(s) = &attr {
                        self.string(s.syntax());
                    }
                }
                (ast::Attr::Str(s), None) => {
                    self.uses("dynamicAttr");
                    self.string(s.syntax());
                }
                (_, None) => self.node(attr.syntax()),
            }
        }
    }

    fn inherit(&mut self, node: &SyntaxNode) {
        self.uses("inherit");
        let Some(inherit) = ast::Inherit::cast(node.clone()) else {
            return;
        };
        let names: Vec<Option<String>> = inherit.attrs().map(|a| static_attr(&a)).collect();
        for name in names.iter().flatten() {
            bump(&mut self.view.bindings, name.clone());
        }
        match inherit.from() {
            Some(from) => {
                self.uses("inheritFrom");
                let source = from.expr().map(|e| e.syntax().clone());
                if self.is_builtins_set(source.as_ref()) {
                    for name in names.iter().flatten() {
                        bump(&mut self.view.builtins, name.clone());
                    }
                }
                self.children(from.syntax());
            }
            None => {
                // `inherit x;` reads `x` from the enclosing scope.
                let inner = self.scopes.pop();
                for name in names.iter().flatten() {
                    self.reference(name);
                }
                if let Some(s) = inner {
                    self.scopes.push(s);
                }
            }
        }
        for attr in inherit.attrs() {
            if static_attr(&attr).is_none() {
                self.uses("dynamicAttr");
                self.node(attr.syntax());
            }
        }
    }

    fn lambda(&mut self, node: &SyntaxNode) {
        self.uses("lambda");
        let Some(lambda) = ast::Lambda::cast(node.clone()) else {
            return;
        };
        let mut names = Vec::new();
        let mut defaults = Vec::new();
        match lambda.param() {
            Some(ast::Param::IdentParam(p)) => {
                if let Some(i) = p.ident() {
                    names.push(ident_name(i.syntax()));
                }
            }
            Some(ast::Param::Pattern(p)) => {
                self.uses("setPattern");
                if p.ellipsis_token().is_some() {
                    self.uses("ellipsis");
                }
                if let Some(i) = p.pat_bind().and_then(|b| b.ident()) {
                    self.uses("at");
                    names.push(ident_name(i.syntax()));
                }
                for entry in p.pat_entries() {
                    if let Some(i) = entry.ident() {
                        names.push(ident_name(i.syntax()));
                    }
                    if let Some(d) = entry.default() {
                        defaults.push(d.syntax().clone());
                    }
                }
            }
            None => {}
        }
        for name in &names {
            bump(&mut self.view.bindings, name.clone());
        }
        self.scopes.push(Scope::Names(names));
        for d in &defaults {
            self.node(d);
        }
        if let Some(body) = lambda.body() {
            self.node(body.syntax());
        }
        self.scopes.pop();
    }

    /// A string or indented string: its static pieces and its interpolations.
    fn string(&mut self, node: &SyntaxNode) {
        let indented = node
            .first_token()
            .is_some_and(|t| t.kind() == K::TOKEN_STRING_START && t.text() == "''");
        self.uses(if indented {
            "indentedString"
        } else {
            "stringLiteral"
        });
        let Some(string) = ast::Str::cast(node.clone()) else {
            return;
        };
        for part in string.normalized_parts() {
            match part {
                ast::InterpolPart::Literal(text) => self.view.strings.push(text),
                ast::InterpolPart::Interpolation(i) => self.node(i.syntax()),
            }
        }
    }
}

/// `s` as a Nix string literal.
pub(crate) fn nix_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl SyntaxView {
    /// The view as a Nix expression (an attribute set), for `check.nix`.
    pub fn to_nix(&self) -> String {
        fn counts<'a>(out: &mut String, field: &str, map: impl Iterator<Item = (&'a str, u64)>) {
            out.push_str(&format!("{field} = {{"));
            for (k, v) in map {
                out.push_str(&format!(" {} = {v};", nix_string(k)));
            }
            out.push_str(" }; ");
        }
        let mut out = String::from("{ ");
        counts(&mut out, "uses", self.uses.iter().map(|(k, v)| (*k, *v)));
        counts(
            &mut out,
            "operators",
            self.operators.iter().map(|(k, v)| (*k, *v)),
        );
        counts(
            &mut out,
            "builtins",
            self.builtins.iter().map(|(k, v)| (k.as_str(), *v)),
        );
        counts(
            &mut out,
            "variables",
            self.variables.iter().map(|(k, v)| (k.as_str(), *v)),
        );
        counts(
            &mut out,
            "interpolated",
            self.interpolated.iter().map(|(k, v)| (k.as_str(), *v)),
        );
        counts(
            &mut out,
            "bindings",
            self.bindings.iter().map(|(k, v)| (k.as_str(), *v)),
        );
        out.push_str("strings = [");
        for s in &self.strings {
            out.push(' ');
            out.push_str(&nix_string(s));
        }
        out.push_str(" ]; ints = [");
        for n in &self.ints {
            // A negative literal cannot occur (`-1` is negation), but stay safe.
            out.push_str(&format!(" ({n})"));
        }
        out.push_str(" ]; }");
        out
    }
}
