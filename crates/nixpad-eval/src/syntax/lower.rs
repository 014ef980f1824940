//! Lowering: rnix syntax → [`Expr`], resolving variables to (level, slot) and doing the
//! static checks Nix does before evaluation (duplicate attributes and formals, undefined
//! variables), with Nix's wording.

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use rnix::ast::{self, AstToken, HasEntry, InterpolPart};
use rowan::ast::AstNode;

use crate::error::{Error, ErrorKind, EvalResult};
use crate::ir::*;
use crate::path::canonicalise;
use crate::source::{FileId, SourceMap, Span};
use crate::symbol::Symbol;
use crate::value::Value;

/// Deepest syntax nesting we lower (rnix itself stops at 512 nested constructs, but
/// operator chains can nest deeper); keeps native recursion bounded in wasm.
const MAX_NESTING: u32 = 3000;

/// A lexical scope as seen by the lowering: one runtime environment level.
#[derive(Clone)]
pub enum Scope {
    /// Names bound at this level, with their slots.
    Lexical(HashMap<Symbol, u32>),
    /// A `with` level.
    With,
}

/// Everything the lowering needs to know about the file being lowered.
pub struct LowerCtx<'a> {
    /// The file's id (for spans).
    pub file: FileId,
    /// The directory relative paths are resolved against.
    pub base_dir: &'a str,
    /// `$HOME` for `~/` paths, if known.
    pub home: Option<&'a str>,
    /// The source map, to print positions in duplicate-attribute messages.
    pub sources: &'a SourceMap,
    /// Which literals to warn about or refuse.
    pub lints: crate::Lints,
    /// Where lint warnings go.
    pub io: &'a dyn crate::io::EvalIO,
    /// Set when a lint warning was printed (such a lowering is not cached: a cached
    /// one would not warn again).
    pub warned: std::cell::Cell<bool>,
}

/// Parses `text` (already registered as `file`) and lowers it in `scopes`.
pub fn parse_and_lower(ctx: &LowerCtx, text: &str, scopes: Vec<Scope>) -> EvalResult<Rc<Expr>> {
    let parse = rnix::Root::parse(text);
    // Nix interns names in the order its lexer meets them, and iterates attribute sets in
    // that order (deep equality, forcing): intern ours in source order too. The same walk
    // finds a parenthesis rnix closed with some other token (Nix wants `)`); the error
    // that comes first in the text is the one Nix's parser meets.
    let parsed = parse.errors().is_empty();
    let misclosed = intern_in_source_order(&parse.syntax(), parsed).map(|at| {
        let (msg, at) = legacy_let_error(text, at).unwrap_or_else(|| {
            let token = describe_token(text, at);
            (
                format!("syntax error, unexpected {token}, expecting ')'"),
                at as u32,
            )
        });
        Error::new(ErrorKind::Syntax(msg), Some(span_at(ctx, at)))
    });
    let reported = parse
        .errors()
        .first()
        .map(|err| syntax_error(ctx, text, err));
    let indented_attr = indented_attr_name(text, &parse.syntax())
        .map(|(at, msg)| Error::new(ErrorKind::Syntax(msg), Some(span_at(ctx, at as u32))));
    // The error Nix's parser meets first.
    let first = [misclosed, reported, indented_attr]
        .into_iter()
        .flatten()
        .min_by_key(|e| e.span.map_or(0, |s| s.start));
    if let Some(first) = first {
        // Nix's lexer refuses a path with a trailing slash as it reads it, before the
        // parser meets any later error.
        let first = match trailing_slash_path(text) {
            Some((token, at)) if first.span.is_none_or(|s| token <= s.start as usize) => {
                Error::new(
                    ErrorKind::Syntax("path has a trailing slash".into()),
                    Some(span_at(ctx, at as u32)),
                )
            }
            _ => first,
        };
        // A duplicate is found as its binding or function is read, before a later error.
        let limit = first.span.map_or(text.len(), |s| s.start as usize);
        return Err(read_error_before(ctx, text, &parse, limit).unwrap_or(first));
    }
    if let Some((at, msg)) = misplaced_lambda(&parse.syntax()) {
        return Err(Error::new(
            ErrorKind::Syntax(msg),
            Some(span_at(ctx, at as u32)),
        ));
    }
    let root = parse.tree();
    let expr = root.expr().ok_or_else(|| {
        let msg = format!("syntax error, unexpected end of file{}", unclosed(text));
        Error::new(
            ErrorKind::Syntax(msg),
            Some(span_at(ctx, text.len() as u32)),
        )
    })?;
    let mut lowerer = Lowerer {
        ctx,
        scopes,
        depth: 0,
        text,
        probe: None,
    };
    lowerer.expr(&expr, None)
}

/// The scopes in force at the application `f a …` whose span is `at`, found by lowering
/// `text` (the text of `ctx.file`) again from `scopes`: what a debugger needs to name the
/// slots of the environment a `builtins.break` call was evaluated in. `None` when the text
/// no longer lowers or has no application there.
pub fn scopes_at(ctx: &LowerCtx, text: &str, scopes: Vec<Scope>, at: Span) -> Option<Vec<Scope>> {
    let root = rnix::Root::parse(text).tree();
    let mut lowerer = Lowerer {
        ctx,
        scopes,
        depth: 0,
        text,
        probe: Some((at, None)),
    };
    lowerer.expr(&root.expr()?, None).ok()?;
    lowerer.probe?.1
}

/// Interns identifiers and string attribute names in the order they appear (if `intern`:
/// only a tree without errors can be taken apart), and gives the offset of the first token
/// that rnix took as the `)` of a parenthesized expression although it is something else
/// (`(1 ]`).
fn intern_in_source_order(root: &rnix::SyntaxNode, intern: bool) -> Option<usize> {
    use rnix::SyntaxKind as K;
    let mut misclosed = None;
    for node in root.descendants() {
        match node.kind() {
            K::NODE_PAREN if misclosed.is_none() => {
                let last = node
                    .children_with_tokens()
                    .filter(|child| !child.kind().is_trivia())
                    .last()
                    .and_then(|last| last.into_token());
                if let Some(token) = last {
                    if !matches!(token.kind(), K::TOKEN_R_PAREN | K::TOKEN_L_PAREN) {
                        misclosed = Some(usize::from(token.text_range().start()));
                    }
                }
            }
            K::NODE_IDENT if intern => {
                Symbol::new(&node.text().to_string());
            }
            K::NODE_STRING
                if intern
                    && node.parent().is_some_and(|p| {
                        matches!(p.kind(), K::NODE_ATTRPATH | K::NODE_DYNAMIC)
                    }) =>
            {
                if let Some(s) = ast::Str::cast(node.clone()) {
                    let raw: Vec<InterpolPart<String>> = s
                        .parts()
                        .map(|p| match p {
                            InterpolPart::Literal(l) => {
                                InterpolPart::Literal(l.syntax().text().to_string())
                            }
                            InterpolPart::Interpolation(i) => InterpolPart::Interpolation(i),
                        })
                        .collect();
                    if let [crate::strings::Piece::Lit(bytes)] =
                        crate::strings::plain(&raw).as_slice()
                    {
                        Symbol::from_bytes(bytes);
                    }
                }
            }
            _ => {}
        }
    }
    misclosed
}

fn span_at(ctx: &LowerCtx, offset: u32) -> Span {
    Span {
        file: ctx.file,
        start: offset,
        end: offset,
    }
}

/// The name Nix's (bison) parser gives a token in "unexpected X" messages.
fn bison_name(kind: rnix::SyntaxKind, text: &str) -> String {
    use rnix::SyntaxKind as K;
    match kind {
        K::TOKEN_IDENT => "ID".into(),
        K::TOKEN_INTEGER => "INT_LIT".into(),
        K::TOKEN_FLOAT => "FLOAT_LIT".into(),
        K::TOKEN_IF => "IF".into(),
        K::TOKEN_THEN => "THEN".into(),
        K::TOKEN_ELSE => "ELSE".into(),
        K::TOKEN_ASSERT => "ASSERT".into(),
        K::TOKEN_WITH => "WITH".into(),
        K::TOKEN_LET => "LET".into(),
        K::TOKEN_IN => "IN_KW".into(),
        K::TOKEN_REC => "REC".into(),
        K::TOKEN_INHERIT => "INHERIT".into(),
        K::TOKEN_OR => "OR_KW".into(),
        K::TOKEN_EQUAL => "EQ".into(),
        K::TOKEN_NOT_EQUAL => "NEQ".into(),
        K::TOKEN_AND_AND => "AND".into(),
        K::TOKEN_OR_OR => "OR".into(),
        K::TOKEN_IMPLICATION => "IMPL".into(),
        K::TOKEN_UPDATE => "UPDATE".into(),
        K::TOKEN_CONCAT => "CONCAT".into(),
        K::TOKEN_LESS_OR_EQ => "LEQ".into(),
        K::TOKEN_MORE_OR_EQ => "GEQ".into(),
        K::TOKEN_ELLIPSIS => "ELLIPSIS".into(),
        K::TOKEN_INTERPOL_START => "DOLLAR_CURLY".into(),
        K::TOKEN_PIPE_LEFT => "PIPE_FROM".into(),
        K::TOKEN_PIPE_RIGHT => "PIPE_INTO".into(),
        K::TOKEN_STRING_START if text == "''" => "IND_STRING_OPEN".into(),
        K::TOKEN_STRING_END if text == "''" => "IND_STRING_CLOSE".into(),
        K::TOKEN_PATH_ABS | K::TOKEN_PATH_REL => "PATH".into(),
        K::TOKEN_PATH_HOME => "HPATH".into(),
        K::TOKEN_PATH_SEARCH => "SPATH".into(),
        K::TOKEN_URI => "URI".into(),
        K::TOKEN_CUR_POS => "ID".into(),
        K::TOKEN_ERROR => "invalid token".into(),
        _ => match text.chars().next() {
            Some(c) => format!("'{c}'"),
            None => "end of file".into(),
        },
    }
}

/// Names the token at `offset` for a syntax error, as Nix would.
fn describe_token(text: &str, offset: usize) -> String {
    let mut pos = 0;
    for (kind, tok) in rnix::tokenize(text) {
        let end = pos + tok.len();
        if end > offset
            && !matches!(
                kind,
                rnix::SyntaxKind::TOKEN_WHITESPACE | rnix::SyntaxKind::TOKEN_COMMENT
            )
        {
            return bison_name(kind, tok);
        }
        pos = end;
    }
    "end of file".into()
}

/// A function where Nix's grammar allows none (a list element, an argument, an operand,
/// an `or` default: rnix parses `[ x: x ]`, `f x: x`, `1 == x: x`), as the offset and
/// message of the syntax error Nix gives there, for the first in the text. Nix's parser
/// reads such a function's start as a complete operand and stops at the token after it:
/// the `:` or `@`, with what the enclosing construct expects next, or inside a `{ … }`
/// pattern read as a set.
fn misplaced_lambda(root: &rnix::SyntaxNode) -> Option<(usize, String)> {
    use rnix::SyntaxKind as K;
    let offset = |t: &rnix::SyntaxToken| usize::from(t.text_range().start());
    let mut first: Option<(usize, String)> = None;
    for lambda in root.descendants().filter(|n| n.kind() == K::NODE_LAMBDA) {
        let restricted = lambda.parent().is_some_and(|p| {
            matches!(
                p.kind(),
                K::NODE_LIST
                    | K::NODE_APPLY
                    | K::NODE_BIN_OP
                    | K::NODE_UNARY_OP
                    | K::NODE_SELECT
                    | K::NODE_HAS_ATTR
            )
        });
        if !restricted {
            continue;
        }
        let tokens: Vec<rnix::SyntaxToken> = lambda
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
            .filter(|t| !t.kind().is_trivia())
            .collect();
        let Some(param) = lambda.first_child() else {
            continue;
        };
        let error = if param.kind() == K::NODE_IDENT_PARAM {
            let colon = tokens.iter().find(|t| t.kind() == K::TOKEN_COLON)?;
            (
                offset(colon),
                format!(
                    "syntax error, unexpected ':'{}",
                    expected_after_operand(&lambda)
                ),
            )
        } else {
            // A pattern: `name@{ … }` stops at the `@`; `{ … }` is read as a set first.
            let pattern_tokens: Vec<&rnix::SyntaxToken> = tokens
                .iter()
                .take_while(|t| t.kind() != K::TOKEN_COLON)
                .collect();
            match pattern_tokens.as_slice() {
                [name, at, ..] if name.kind() == K::TOKEN_IDENT && at.kind() == K::TOKEN_AT => (
                    offset(at),
                    format!(
                        "syntax error, unexpected '@'{}",
                        expected_after_operand(&lambda)
                    ),
                ),
                [_, second, third, ..] if second.kind() == K::TOKEN_IDENT => {
                    let what = match third.kind() {
                        K::TOKEN_COMMA => "','",
                        K::TOKEN_QUESTION => "'?'",
                        _ => "'}'",
                    };
                    let msg = format!("syntax error, unexpected {what}, expecting '.' or '='");
                    (offset(third), msg)
                }
                [_, second, ..] if second.kind() == K::TOKEN_ELLIPSIS => (
                    offset(second),
                    "syntax error, unexpected ELLIPSIS, expecting INHERIT".to_string(),
                ),
                // `{ }` then `@name` or the `:`.
                [_, _, after, ..] if after.kind() == K::TOKEN_AT => (
                    offset(after),
                    format!(
                        "syntax error, unexpected '@'{}",
                        expected_after_operand(&lambda)
                    ),
                ),
                _ => {
                    let colon = tokens.iter().find(|t| t.kind() == K::TOKEN_COLON)?;
                    (
                        offset(colon),
                        format!(
                            "syntax error, unexpected ':'{}",
                            expected_after_operand(&lambda)
                        ),
                    )
                }
            }
        };
        if first.as_ref().is_none_or(|(at, _)| error.0 < *at) {
            first = Some(error);
        }
    }
    first
}

/// What Nix's parser expects after a complete expression at `node` (bison names the
/// tokens when they are few): the end of the text, `)`, `;`, `}`, THEN or ELSE, from the
/// construct that encloses it; nothing in a list.
fn expected_after_operand(node: &rnix::SyntaxNode) -> &'static str {
    use rnix::SyntaxKind as K;
    let mut child = node.clone();
    while let Some(parent) = child.parent() {
        let is_first = parent.first_child().as_ref() == Some(&child);
        match parent.kind() {
            K::NODE_ROOT => return ", expecting end of file",
            K::NODE_PAREN | K::NODE_INHERIT_FROM => return ", expecting ')'",
            K::NODE_LIST => return "",
            K::NODE_ATTRPATH_VALUE => return ", expecting ';'",
            K::NODE_INTERPOL => return ", expecting '}'",
            K::NODE_ASSERT | K::NODE_WITH if is_first => return ", expecting ';'",
            K::NODE_IF_ELSE => {
                let index = parent.children().position(|c| c == child);
                match index {
                    Some(0) => return ", expecting THEN",
                    Some(1) => return ", expecting ELSE",
                    _ => {}
                }
            }
            _ => {}
        }
        child = parent;
    }
    ""
}

/// The first path with a trailing slash (`./a/`, `./a/${x}/`), as where its last token
/// starts and where Nix reports it: the character after it, or at the end of the text
/// that token's start (the position Nix's lexer has then).
fn trailing_slash_path(text: &str) -> Option<(usize, usize)> {
    use rnix::SyntaxKind as K;
    let toks: Vec<_> = rnix::tokenize(text).collect();
    let mut pos = 0;
    let report =
        |start: usize, end: usize| Some((start, if end == text.len() { start } else { end }));
    // Open strings (true) and interpolations (false): text in a string is no path, even
    // where an unterminated one makes an error token of it.
    let mut open = Vec::new();
    for (i, (kind, tok)) in toks.iter().enumerate() {
        match kind {
            K::TOKEN_STRING_START => open.push(true),
            K::TOKEN_INTERPOL_START => open.push(false),
            K::TOKEN_STRING_END | K::TOKEN_INTERPOL_END => {
                open.pop();
            }
            _ => {}
        }
        // `./a/` lexes as one error token, `./a${x}/` ends in an error token "/".
        let after_interpolation = i > 0 && toks[i - 1].0 == K::TOKEN_INTERPOL_END;
        if *kind == K::TOKEN_ERROR
            && open.last() != Some(&true)
            && (tok.len() > 1 || after_interpolation)
            && tok.ends_with('/')
            && !tok.starts_with('"')
            && !tok.starts_with("''")
        {
            return report(pos, pos + tok.len());
        }
        if matches!(
            kind,
            K::TOKEN_PATH_ABS | K::TOKEN_PATH_REL | K::TOKEN_PATH_HOME
        ) && toks
            .get(i + 1)
            .is_some_and(|(k, t)| *k == K::TOKEN_DIV && *t == "/")
            && toks
                .get(i + 2)
                .is_none_or(|(k, _)| !matches!(k, K::TOKEN_INTERPOL_START | K::TOKEN_IDENT))
        {
            return report(pos, pos + tok.len() + 1);
        }
        pos += tok.len();
    }
    None
}

/// ", expecting ')'" when the text ends inside parentheses (what bison says there).
fn unclosed(text: &str) -> &'static str {
    match open_construct(text) {
        Some(Open::Paren) => ", expecting ')'",
        Some(Open::String(wants)) => wants,
        None => "",
    }
}

/// What is still open at the end of `text`, when Nix names what it wants for it.
enum Open {
    /// A `(`.
    Paren,
    /// An unterminated string or an open interpolation: Nix's ", expecting ..." for it.
    String(&'static str),
}

fn open_construct(text: &str) -> Option<Open> {
    use rnix::SyntaxKind as K;
    // Open constructs: (kind, for a string start whether it is an indented string).
    let mut stack = Vec::new();
    // The last three significant tokens' kinds, the last one first.
    let mut recent = [None; 3];
    for (kind, tok) in rnix::tokenize(text) {
        match kind {
            K::TOKEN_L_PAREN | K::TOKEN_L_BRACK | K::TOKEN_L_BRACE | K::TOKEN_INTERPOL_START => {
                stack.push((kind, false))
            }
            K::TOKEN_STRING_START => stack.push((kind, tok == "''")),
            K::TOKEN_R_PAREN
            | K::TOKEN_R_BRACK
            | K::TOKEN_R_BRACE
            | K::TOKEN_INTERPOL_END
            | K::TOKEN_STRING_END => {
                stack.pop();
            }
            _ => {}
        }
        if !matches!(kind, K::TOKEN_WHITESPACE | K::TOKEN_COMMENT) {
            recent = [Some(kind), recent[0], recent[1]];
        }
    }
    let last = recent[0];
    // `a.b or` still wants its default; `f or` is complete.
    let complete = last.is_some_and(ends_operand)
        && !(last == Some(K::TOKEN_OR) && recent[2] == Some(K::TOKEN_DOT));
    match stack.last() {
        // Bison names the `)` once the expression inside could be complete.
        Some((K::TOKEN_L_PAREN, _)) if complete => Some(Open::Paren),
        Some((K::TOKEN_STRING_START, true)) => Some(Open::String(
            ", expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE",
        )),
        Some((K::TOKEN_STRING_START, false)) => Some(Open::String(", expecting '\"'")),
        // `"${x`, `./a${x`, `a.${x` and `{ ${x` want the `}` (but `"${`, `"${x.` and
        // `"${x +` want more first).
        Some((K::TOKEN_INTERPOL_START, _)) if complete => Some(Open::String(", expecting '}'")),
        _ => None,
    }
}

/// The kinds of the tokens before `offset`, without whitespace and comments.
fn kinds_before(text: &str, offset: usize) -> Vec<rnix::SyntaxKind> {
    use rnix::SyntaxKind as K;
    let mut pos = 0;
    rnix::tokenize(text)
        .take_while(|(_, tok)| {
            let at = pos;
            pos += tok.len();
            at < offset
        })
        .map(|(kind, _)| kind)
        .filter(|kind| !matches!(kind, K::TOKEN_WHITESPACE | K::TOKEN_COMMENT))
        .collect()
}

/// Whether `kinds` end with the `}` of a pattern written without `x@` in front (which may
/// still be followed by `@ x`).
fn ends_pattern_without_at(kinds: &[rnix::SyntaxKind]) -> bool {
    use rnix::SyntaxKind as K;
    if kinds.last() != Some(&K::TOKEN_R_BRACE) {
        return false;
    }
    let mut depth = 0;
    for (i, kind) in kinds.iter().enumerate().rev() {
        match kind {
            K::TOKEN_R_BRACE => depth += 1,
            K::TOKEN_L_BRACE => {
                depth -= 1;
                if depth == 0 {
                    return i == 0 || kinds[i - 1] != K::TOKEN_AT;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether `name` is what Nix's lexer takes between `<` and `>`: segments of letters,
/// digits and `._-+` joined by single slashes.
fn is_search_path_name(name: &str) -> bool {
    name.split('/').all(|segment| {
        !segment.is_empty()
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-+".contains(&b))
    })
}

/// Whether a token of this kind can end an operand (so that a `/` after it divides).
fn ends_operand(kind: rnix::SyntaxKind) -> bool {
    use rnix::SyntaxKind as K;
    matches!(
        kind,
        K::TOKEN_IDENT
            | K::TOKEN_INTEGER
            | K::TOKEN_FLOAT
            | K::TOKEN_PATH_ABS
            | K::TOKEN_PATH_HOME
            | K::TOKEN_PATH_REL
            | K::TOKEN_PATH_SEARCH
            | K::TOKEN_CUR_POS
            | K::TOKEN_INTERPOL_END
            | K::TOKEN_URI
            | K::TOKEN_OR
            | K::TOKEN_STRING_END
            | K::TOKEN_R_PAREN
            | K::TOKEN_R_BRACK
            | K::TOKEN_R_BRACE
    )
}

/// The first indented string used as an attribute name (`{ ''a'' = 1; }`, `e.''a''`,
/// `inherit ''a'';`), which rnix reads but Nix's grammar refuses: its offset and Nix's
/// message, worded by where the name stands.
fn indented_attr_name(text: &str, root: &rnix::SyntaxNode) -> Option<(usize, String)> {
    use rnix::SyntaxKind as K;
    let is_indented = |n: &rnix::SyntaxNode| {
        n.kind() == K::NODE_STRING && n.first_token().is_some_and(|t| t.text() == "''")
    };
    let found = root.descendants().find(|n| {
        is_indented(n)
            && n.parent()
                .is_some_and(|p| matches!(p.kind(), K::NODE_ATTRPATH | K::NODE_INHERIT))
    })?;
    let at = usize::from(found.text_range().start());
    let parent = found.parent()?;
    let first_in_binding = parent.kind() == K::NODE_ATTRPATH
        && parent
            .parent()
            .is_some_and(|b| b.kind() == K::NODE_ATTRPATH_VALUE)
        && parent.first_child().as_ref() == Some(&found);
    let expecting = if parent.kind() == K::NODE_INHERIT {
        ""
    } else if first_in_binding {
        binding_start_expecting(text, at).unwrap_or("")
    } else {
        ", expecting ID or OR_KW or DOLLAR_CURLY or '\"'"
    };
    Some((
        at,
        format!("syntax error, unexpected IND_STRING_OPEN{expecting}"),
    ))
}

/// ", expecting …" when a binding could start at `offset`: right after the opening of a
/// set, a `rec` set (or `let { }`) or a `let`, or after one of its bindings' `;`. Bison
/// names there what it wanted, and the words depend only on the construct.
fn binding_start_expecting(text: &str, offset: usize) -> Option<&'static str> {
    use rnix::SyntaxKind as K;
    /// What a token opened, for the `;` and closing tokens that follow.
    #[derive(Clone, Copy, PartialEq)]
    enum Opened {
        Set,
        RecSet,
        Let,
        /// `assert` or `with`, up to its own `;`.
        Statement,
        /// Parentheses, a list, an interpolation.
        Other,
    }
    let mut stack = Vec::new();
    let mut at_start = false;
    let mut previous = None;
    for kind in kinds_before(text, offset) {
        at_start = false;
        match kind {
            K::TOKEN_L_BRACE => {
                let opened = match previous {
                    Some(K::TOKEN_REC) => Opened::RecSet,
                    Some(K::TOKEN_LET) => {
                        stack.pop();
                        Opened::RecSet
                    }
                    _ => Opened::Set,
                };
                stack.push(opened);
                at_start = true;
            }
            K::TOKEN_LET => {
                stack.push(Opened::Let);
                at_start = true;
            }
            K::TOKEN_IN if stack.last() == Some(&Opened::Let) => {
                stack.pop();
            }
            K::TOKEN_ASSERT | K::TOKEN_WITH => stack.push(Opened::Statement),
            K::TOKEN_SEMICOLON => match stack.last() {
                Some(Opened::Statement) => {
                    stack.pop();
                }
                Some(Opened::Set | Opened::RecSet | Opened::Let) => at_start = true,
                _ => {}
            },
            K::TOKEN_L_PAREN | K::TOKEN_L_BRACK | K::TOKEN_INTERPOL_START => {
                stack.push(Opened::Other)
            }
            K::TOKEN_R_PAREN | K::TOKEN_R_BRACK | K::TOKEN_R_BRACE | K::TOKEN_INTERPOL_END => {
                stack.pop();
            }
            _ => {}
        }
        previous = Some(kind);
    }
    if !at_start {
        return None;
    }
    match stack.last()? {
        Opened::Set => Some(", expecting INHERIT"),
        Opened::RecSet => Some(", expecting INHERIT or '}'"),
        Opened::Let => Some(", expecting IN_KW or INHERIT"),
        Opened::Statement | Opened::Other => None,
    }
}

/// ", expecting …" for an unexpected token at `offset` that Nix explains by what came
/// just before it, whatever rnix wanted there: the start of a binding, `x@{ … }` followed
/// by another `@`, a `...` followed by more formals.
fn expecting_after(text: &str, offset: usize) -> Option<&'static str> {
    use rnix::SyntaxKind as K;
    if let Some(wanted) = binding_start_expecting(text, offset) {
        return Some(wanted);
    }
    let kinds = kinds_before(text, offset);
    let next = rnix::tokenize(text.get(offset..).unwrap_or(""))
        .find(|(kind, _)| !matches!(kind, K::TOKEN_WHITESPACE | K::TOKEN_COMMENT))
        .map(|(kind, _)| kind);
    match (kinds.last(), next) {
        (Some(K::TOKEN_R_BRACE), Some(K::TOKEN_AT)) if !ends_pattern_without_at(&kinds) => {
            Some(", expecting ':'")
        }
        (Some(K::TOKEN_ELLIPSIS), Some(K::TOKEN_COMMA)) => Some(", expecting '}'"),
        _ => formals_expecting(text, offset).or_else(|| {
            match text.get(..offset).and_then(open_construct) {
                // Inside `${ … }` after a whole expression, only the `}` may come.
                Some(Open::String(wants)) if wants == ", expecting '}'" => Some(wants),
                _ => None,
            }
        }),
    }
}

/// ", expecting …" for an unexpected token at `offset` inside the formal arguments of a
/// function (`{ a, b ? 1, … }`): after a comma a name, `...` or `}`; after a name or a
/// whole default, `}` or a comma; after `...`, `}`.
fn formals_expecting(text: &str, offset: usize) -> Option<&'static str> {
    use rnix::SyntaxKind as K;
    /// An open bracket and what is known of it when it is a `{`.
    struct Frame {
        kind: K,
        /// The first two significant tokens inside it (at its own depth).
        first: [Option<K>; 2],
        /// The last significant token at its own depth (a closed bracket counts as `)`).
        last: Option<K>,
        /// Whether a `?` of a default came after the last comma.
        in_default: bool,
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut pos = 0;
    for (kind, tok) in rnix::tokenize(text) {
        if pos >= offset {
            break;
        }
        pos += tok.len();
        if matches!(kind, K::TOKEN_WHITESPACE | K::TOKEN_COMMENT) {
            continue;
        }
        let opens = matches!(
            kind,
            K::TOKEN_L_BRACE
                | K::TOKEN_L_PAREN
                | K::TOKEN_L_BRACK
                | K::TOKEN_INTERPOL_START
                | K::TOKEN_STRING_START
        );
        let closes = matches!(
            kind,
            K::TOKEN_R_BRACE
                | K::TOKEN_R_PAREN
                | K::TOKEN_R_BRACK
                | K::TOKEN_INTERPOL_END
                | K::TOKEN_STRING_END
        );
        let seen = if closes {
            stack.pop();
            K::TOKEN_R_PAREN
        } else {
            kind
        };
        if let Some(top) = stack.last_mut() {
            if top.first[0].is_none() {
                top.first[0] = Some(seen);
            } else if top.first[1].is_none() {
                top.first[1] = Some(seen);
            }
            top.last = Some(seen);
            match seen {
                K::TOKEN_COMMA => top.in_default = false,
                K::TOKEN_QUESTION => top.in_default = true,
                _ => {}
            }
        }
        if opens {
            stack.push(Frame {
                kind,
                first: [None; 2],
                last: None,
                in_default: false,
            });
        }
    }
    let top = stack.last()?;
    let formals = top.kind == K::TOKEN_L_BRACE
        && matches!(
            top.first,
            [Some(K::TOKEN_ELLIPSIS), _]
                | [
                    Some(K::TOKEN_IDENT),
                    Some(K::TOKEN_COMMA | K::TOKEN_QUESTION)
                ]
        );
    if !formals {
        return None;
    }
    match top.last {
        Some(K::TOKEN_COMMA) => Some(", expecting ID or ELLIPSIS or '}'"),
        Some(K::TOKEN_ELLIPSIS) => Some(", expecting '}'"),
        Some(K::TOKEN_IDENT) if !top.in_default => Some(", expecting '}' or ','"),
        Some(last) if top.in_default && ends_operand(last) => Some(", expecting '}' or ','"),
        _ => None,
    }
}

/// ", expecting X" for the cases where Nix's parser names what it wanted, for an
/// unexpected token at `offset`.
fn expecting(wanted: &[rnix::SyntaxKind], text: &str, offset: usize) -> String {
    use rnix::SyntaxKind as K;
    let kinds = kinds_before(text, offset);
    let before = kinds.last().copied();
    if wanted.contains(&K::TOKEN_IDENT)
        && (wanted.contains(&K::TOKEN_INTERPOL_START) || wanted.contains(&K::TOKEN_OR))
    {
        // An attribute name after `.` or `?`; in an `inherit` list, where more tokens
        // may follow, Nix names none.
        return match before {
            Some(K::TOKEN_DOT | K::TOKEN_QUESTION) => {
                ", expecting ID or OR_KW or DOLLAR_CURLY or '\"'".into()
            }
            _ => String::new(),
        };
    }
    match wanted {
        // A binding's attribute path, which may go on with `.`.
        [K::TOKEN_ASSIGN] => ", expecting '.' or '='".into(),
        // A pattern `{ … }` may go on with `@ name` unless it follows one.
        [K::TOKEN_COLON] if ends_pattern_without_at(&kinds) => ", expecting ':' or '@'".into(),
        [K::TOKEN_IDENT] if before == Some(K::TOKEN_AT) => ", expecting ID".into(),
        [K::TOKEN_SEMICOLON] => ", expecting ';'".into(),
        [K::TOKEN_R_PAREN] => ", expecting ')'".into(),
        [K::TOKEN_L_BRACE] => ", expecting '{'".into(),
        [K::TOKEN_THEN] => ", expecting THEN".into(),
        [K::TOKEN_ELSE] => ", expecting ELSE".into(),
        [K::TOKEN_IN] => ", expecting IN_KW".into(),
        [K::TOKEN_COLON] => ", expecting ':'".into(),
        _ => String::new(),
    }
}

fn syntax_error(ctx: &LowerCtx, text: &str, err: &rnix::ParseError) -> Box<Error> {
    use rnix::ParseError as P;
    // An unterminated string is one error token running to the end of the text. Nix's
    // parser meets it only if no error comes before it.
    let parse_error_at = error_offset(err).unwrap_or(text.len());
    let mut pos = 0;
    let mut previous = "";
    let mut previous_kind = None;
    for (kind, tok) in rnix::tokenize(text) {
        if pos > parse_error_at {
            break;
        }
        if kind == rnix::SyntaxKind::TOKEN_ERROR && tok.starts_with("/*") {
            // Nix's lexer reads an unterminated comment as `/` and `*`: after an operand
            // the `/` divides and the `*` is unexpected, elsewhere the `/` is.
            let (token, at) = if previous_kind.is_some_and(ends_operand) {
                ("'*'", pos + 1)
            } else {
                ("'/'", pos)
            };
            let msg = format!("syntax error, unexpected {token}");
            return Error::new(ErrorKind::Syntax(msg), Some(span_at(ctx, at as u32)));
        }
        if kind == rnix::SyntaxKind::TOKEN_ERROR && pos + tok.len() == text.len() {
            let opener = if previous == "''" || previous == "\"" {
                previous
            } else {
                tok
            };
            // The string is open before the error token, or the token opens it.
            let wanted = if opener.starts_with("''") {
                Some(", expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE")
            } else if opener.starts_with('"') {
                Some(", expecting '\"'")
            } else {
                match open_construct(&text[..pos]) {
                    Some(Open::String(wants)) => Some(wants),
                    _ => None,
                }
            };
            if let Some(w) = wanted {
                let msg = format!("syntax error, unexpected end of file{w}");
                return Error::new(
                    ErrorKind::Syntax(msg),
                    Some(span_at(ctx, text.len() as u32)),
                );
            }
        }
        if kind != rnix::SyntaxKind::TOKEN_WHITESPACE {
            previous = tok;
        }
        if !matches!(
            kind,
            rnix::SyntaxKind::TOKEN_WHITESPACE | rnix::SyntaxKind::TOKEN_COMMENT
        ) {
            previous_kind = Some(kind);
        }
        pos += tok.len();
    }
    let (msg, offset) = match err {
        P::UnexpectedExtra(r) => {
            let start = usize::from(r.start());
            let tok = describe_token(text, start);
            // After a comparison another comparison is simply unexpected (they do not chain).
            let suffix = if ["EQ", "NEQ", "'<'", "'>'", "LEQ", "GEQ"].contains(&tok.as_str()) {
                ""
            } else {
                ", expecting end of file"
            };
            (
                format!("syntax error, unexpected {tok}{suffix}"),
                start as u32,
            )
        }
        P::UnexpectedWanted(rnix::SyntaxKind::TOKEN_ELLIPSIS, r, _)
            if text
                .get(usize::from(r.start()) + 3..)
                .is_some_and(|rest| rest.trim_start().starts_with(',')) =>
        {
            // `{ ..., a }`: Nix accepts the `...` and then stumbles on the comma.
            let after = usize::from(r.start()) + 3;
            let comma = after + text[after..].find(',').unwrap_or(0);
            (
                "syntax error, unexpected ',', expecting '}'".to_string(),
                comma as u32,
            )
        }
        P::UnexpectedWanted(_, r, wanted) => {
            let start = usize::from(r.start());
            let wants = match expecting_after(text, start) {
                Some(wants) => wants.to_string(),
                None => expecting(wanted, text, start),
            };
            (
                format!(
                    "syntax error, unexpected {}{wants}",
                    describe_token(text, start)
                ),
                start as u32,
            )
        }
        P::Unexpected(r) | P::UnexpectedDoubleBind(r) => {
            let start = usize::from(r.start());
            (
                format!(
                    "syntax error, unexpected {}{}",
                    describe_token(text, start),
                    expecting_after(text, start).unwrap_or("")
                ),
                start as u32,
            )
        }
        P::UnexpectedEOFWanted(wanted) => {
            // An open string or interpolation decides what Nix wants; rnix's list does not.
            let want = match open_construct(text) {
                Some(Open::String(wants)) => wants.to_string(),
                _ => match binding_start_expecting(text, text.len())
                    .or_else(|| formals_expecting(text, text.len()))
                {
                    Some(wants) => wants.to_string(),
                    None => expecting(wanted, text, text.len()),
                },
            };
            (
                format!("syntax error, unexpected end of file{want}"),
                text.len() as u32,
            )
        }
        P::UnexpectedEOF => (
            format!(
                "syntax error, unexpected end of file{}",
                binding_start_expecting(text, text.len())
                    .or_else(|| formals_expecting(text, text.len()))
                    .unwrap_or_else(|| unclosed(text))
            ),
            text.len() as u32,
        ),
        P::DuplicatedArgs(r, name) => (
            format!("duplicate formal function argument '{name}'"),
            u32::from(r.start()),
        ),
        P::RecursionLimitExceeded => ("expression nested too deeply".to_string(), 0),
        _ => ("syntax error".to_string(), 0),
    };
    let (msg, offset) = legacy_let_error(text, offset as usize).unwrap_or((msg, offset));
    let kind = if matches!(err, P::DuplicatedArgs(..)) {
        ErrorKind::Duplicate(msg)
    } else {
        ErrorKind::Syntax(msg)
    };
    Error::new(kind, Some(span_at(ctx, offset)))
}

/// Where an operand may begin (an argument, a list element, an operator's operand) and
/// a whole expression may not, Nix's parser reads `let` as the start of an old-style
/// `let { … }` and wants `{` next, where rnix reports the `let` itself. For a `let` at
/// `offset` in such a place and not followed by `{`: Nix's error, at the token after it.
fn legacy_let_error(text: &str, offset: usize) -> Option<(String, u32)> {
    use rnix::SyntaxKind as K;
    let mut pos = 0;
    let mut previous = None;
    let mut tokens = rnix::tokenize(text).filter_map(|(kind, tok)| {
        let at = pos;
        pos += tok.len();
        (!matches!(kind, K::TOKEN_WHITESPACE | K::TOKEN_COMMENT)).then_some((kind, tok, at))
    });
    loop {
        let (kind, _, at) = tokens.next()?;
        if at == offset && kind == K::TOKEN_LET {
            break;
        }
        if at >= offset {
            return None;
        }
        previous = Some(kind);
    }
    // After `.` or `?` an attribute name is wanted (and `x.123` would read as `x .123`);
    // where a whole expression may begin, Nix takes a `let … in` too, so rnix stumbled
    // on something before it.
    if matches!(
        previous,
        None | Some(
            K::TOKEN_DOT
                | K::TOKEN_QUESTION
                | K::TOKEN_COLON
                | K::TOKEN_ASSIGN
                | K::TOKEN_SEMICOLON
                | K::TOKEN_IN
                | K::TOKEN_IF
                | K::TOKEN_THEN
                | K::TOKEN_ELSE
                | K::TOKEN_ASSERT
                | K::TOKEN_WITH
                | K::TOKEN_L_PAREN
                | K::TOKEN_INTERPOL_START
        )
    ) {
        return None;
    }
    // An operand may begin here if a number parses here: a number is no attribute name,
    // `inherit`ed name or formal argument, so only an operand position takes it.
    let probe = format!("{}123", &text[..offset]);
    let parsed = rnix::Root::parse(&probe);
    if parsed
        .errors()
        .iter()
        .any(|e| error_offset(e).is_some_and(|at| at < probe.len()))
    {
        return None;
    }
    match tokens.next() {
        Some((K::TOKEN_L_BRACE, _, _)) => None,
        Some((kind, tok, at)) => Some((
            format!(
                "syntax error, unexpected {}, expecting '{{'",
                bison_name(kind, tok)
            ),
            at as u32,
        )),
        None => Some((
            "syntax error, unexpected end of file, expecting '{'".to_string(),
            text.len() as u32,
        )),
    }
}

/// The error Nix's parser raises as it reads a binding or a function, before it meets a
/// syntax error at `limit`: a name defined twice in a set or `let` (or `inherit`ed
/// dynamically), found when the binding's `;` is read, or a formal argument named twice,
/// found when the whole function is read. The one found first, if any.
fn read_error_before(
    ctx: &LowerCtx,
    text: &str,
    parse: &rnix::Parse<rnix::Root>,
    limit: usize,
) -> Option<Box<Error>> {
    use rnix::SyntaxKind as K;
    let mut found: Option<(usize, Box<Error>)> = None;
    let mut keep = |end: usize, e: Box<Error>| {
        if found.as_ref().is_none_or(|(at, _)| end < *at) {
            found = Some((end, e));
        }
    };
    let mut lowerer = Lowerer {
        ctx,
        scopes: Vec::new(),
        depth: 0,
        text,
        probe: None,
    };
    let complete = |node: &rnix::SyntaxNode| {
        !node.descendants().any(|n| n.kind() == K::NODE_ERROR)
            && usize::from(node.text_range().end()) <= limit
    };
    for node in parse.syntax().descendants() {
        match node.kind() {
            K::NODE_ATTR_SET | K::NODE_LET_IN | K::NODE_LEGACY_LET => {
                let mut bindings = Bindings::default();
                for entry in node.children().filter_map(ast::Entry::cast) {
                    let read =
                        entry.syntax().last_token().map(|t| t.kind()) == Some(K::TOKEN_SEMICOLON);
                    if !read || !complete(entry.syntax()) {
                        break;
                    }
                    if let Err(e) = lowerer.add_entry(&mut bindings, entry.clone()) {
                        if matches!(e.kind, ErrorKind::Duplicate(_) | ErrorKind::Syntax(_)) {
                            keep(usize::from(entry.syntax().text_range().end()), e);
                        }
                        break;
                    }
                }
            }
            // A function is read once the token after it is (an error at the very end of
            // its body may be in it).
            K::NODE_LAMBDA if complete(&node) && usize::from(node.text_range().end()) < limit => {
                let pattern = ast::Lambda::cast(node.clone()).and_then(|l| match l.param() {
                    Some(ast::Param::Pattern(p)) => Some(p),
                    _ => None,
                });
                if let Some(e) =
                    pattern.and_then(|p| lowerer.duplicate_formal(&p, lowerer.span(&node)))
                {
                    keep(usize::from(node.text_range().end()), e);
                }
            }
            _ => {}
        }
    }
    found.map(|(_, e)| e)
}

/// Where in the text rnix found `err`, if it names a place.
fn error_offset(err: &rnix::ParseError) -> Option<usize> {
    use rnix::ParseError as P;
    match err {
        P::Unexpected(r)
        | P::UnexpectedExtra(r)
        | P::UnexpectedWanted(_, r, _)
        | P::UnexpectedDoubleBind(r)
        | P::DuplicatedArgs(r, _) => Some(usize::from(r.start())),
        _ => None,
    }
}

struct Lowerer<'a, 'b> {
    ctx: &'a LowerCtx<'b>,
    scopes: Vec<Scope>,
    depth: u32,
    /// The source text (for syntax errors found while lowering).
    text: &'a str,
    /// For [`scopes_at`]: the span of the application sought, and the scopes found there.
    probe: Option<(Span, Option<Vec<Scope>>)>,
}

/// Where a path literal starts: `/`, a relative path, or `~/`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PathStart {
    Root,
    Here,
    Home,
}

/// A binding collected from `a.b.c = v;` / `inherit` entries before lowering.
enum Pending {
    Expr(ast::Expr),
    Nested(Box<Bindings>),
    InheritOuter(Symbol, Span),
    /// `inherit (e) name;`: the index of `e` in [`Bindings::inherit_sources`].
    InheritFrom(usize, Symbol, Span),
}

struct StaticBinding {
    name: Symbol,
    value: Pending,
    /// Where the name was first defined (for duplicate messages).
    span: Span,
}

#[derive(Default)]
struct Bindings {
    statics: Vec<StaticBinding>,
    index: HashMap<Symbol, usize>,
    dynamics: Vec<(ast::Attr, Pending, Span)>,
    /// The `e` of each `inherit (e) ...;` entry, shared by its names.
    inherit_sources: Vec<ast::Expr>,
    rec: bool,
}

enum Key {
    Static(Symbol, Span),
    Dynamic(ast::Attr, Span),
}

impl<'a, 'b> Lowerer<'a, 'b> {
    fn span(&self, node: &rnix::SyntaxNode) -> Span {
        let r = node.text_range();
        Span {
            file: self.ctx.file,
            start: r.start().into(),
            end: r.end().into(),
        }
    }

    fn tspan(&self, tok: &rnix::SyntaxToken) -> Span {
        let r = tok.text_range();
        Span {
            file: self.ctx.file,
            start: r.start().into(),
            end: r.end().into(),
        }
    }

    /// Applies a lint: nothing, a warning on the trace output, or an error at `span`.
    fn lint(&self, level: crate::LintLevel, message: String, span: Span) -> EvalResult<()> {
        match level {
            crate::LintLevel::Ignore => Ok(()),
            crate::LintLevel::Warn => {
                self.ctx.warned.set(true);
                crate::io::log(
                    self.ctx.io,
                    &format!("warning: {message}\n         at {}:", self.pos_string(span)),
                );
                Ok(())
            }
            crate::LintLevel::Fatal => Err(Error::new(ErrorKind::Syntax(message), Some(span))),
        }
    }

    fn pos_string(&self, span: Span) -> String {
        let src = self.ctx.sources.get(span.file);
        let lc = src.line_col(span.start);
        format!("{}:{}:{}", src.origin.display(), lc.line, lc.col)
    }

    fn missing(&self, node: &rnix::SyntaxNode) -> Box<Error> {
        let span = self.span(node);
        let expecting = if span.end as usize >= self.text.len() {
            unclosed(self.text)
        } else {
            ""
        };
        Error::new(
            ErrorKind::Syntax(format!("syntax error, unexpected end of file{expecting}")),
            Some(span),
        )
    }

    /// The variable `name` when a binding other than the global one is in scope (a
    /// `let`, a function argument, a `rec` set or `scopedImport` naming it).
    fn rebound(&self, name: &str, span: Span) -> Option<Rc<Expr>> {
        match self.lookup(Symbol::new(name), span) {
            Ok(var @ Expr::Var { level, .. }) if (level as usize) + 1 < self.scopes.len() => {
                Some(Rc::new(var))
            }
            _ => None,
        }
    }

    /// Resolves a variable name to an expression.
    fn lookup(&self, name: Symbol, span: Span) -> EvalResult<Expr> {
        let mut with_level = None;
        for (level, scope) in self.scopes.iter().rev().enumerate() {
            match scope {
                Scope::Lexical(names) => {
                    if let Some(slot) = names.get(&name) {
                        return Ok(Expr::Var {
                            level: level as u32,
                            slot: *slot,
                            span,
                        });
                    }
                }
                Scope::With => {
                    if with_level.is_none() {
                        with_level = Some(level as u32);
                    }
                }
            }
        }
        match with_level {
            Some(level) => Ok(Expr::WithVar { name, level, span }),
            None => Err(Error::new(
                ErrorKind::UndefinedVariable(name.name().to_string()),
                Some(span),
            )),
        }
    }

    fn expr(&mut self, e: &ast::Expr, name: Option<Symbol>) -> EvalResult<Rc<Expr>> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.depth -= 1;
            return Err(Error::new(
                ErrorKind::Syntax("expression nested too deeply".into()),
                Some(self.span(e.syntax())),
            ));
        }
        let r = self.expr_inner(e, name);
        self.depth -= 1;
        r.map(Rc::new)
    }

    fn child(&mut self, e: Option<ast::Expr>, parent: &rnix::SyntaxNode) -> EvalResult<Rc<Expr>> {
        match e {
            Some(e) => self.expr(&e, None),
            None => Err(self.missing(parent)),
        }
    }

    fn expr_inner(&mut self, e: &ast::Expr, name: Option<Symbol>) -> EvalResult<Expr> {
        let node = e.syntax();
        let span = self.span(node);
        Ok(match e {
            ast::Expr::Paren(p) => {
                let inner = p.expr().ok_or_else(|| self.missing(node))?;
                return self.expr_inner(&inner, name);
            }
            ast::Expr::Root(r) => {
                let inner = r.expr().ok_or_else(|| self.missing(node))?;
                return self.expr_inner(&inner, name);
            }
            ast::Expr::Literal(lit) => self.literal(lit, span)?,
            ast::Expr::Ident(_) => {
                let text = node.text().to_string();
                self.lookup(Symbol::new(&text), span)?
            }
            ast::Expr::Str(s) => self.string(s, span)?,
            // rnix's `parts()` panics on a path with stray tokens: called after the checks.
            ast::Expr::PathAbs(p) => {
                self.path_literal(node, PathStart::Root, span, || p.parts())?
            }
            ast::Expr::PathRel(p) => {
                self.path_literal(node, PathStart::Here, span, || p.parts())?
            }
            ast::Expr::PathHome(p) => {
                self.path_literal(node, PathStart::Home, span, || p.parts())?
            }
            ast::Expr::PathSearch(p) => {
                let text = p
                    .content()
                    .map(|c| c.text().to_string())
                    .unwrap_or_default();
                let name = text.trim_start_matches('<').trim_end_matches('>');
                let start = span.start as usize;
                if !is_search_path_name(name)
                    && !kinds_before(self.text, start)
                        .last()
                        .is_some_and(|kind| ends_operand(*kind))
                {
                    // Nix's lexer does not take this as a search path: its `<` starts
                    // nothing where an expression should start.
                    return Err(Error::new(
                        ErrorKind::Syntax("syntax error, unexpected '<'".into()),
                        Some(span_at(self.ctx, span.start)),
                    ));
                }
                let find = self.lookup(Symbol::new("__findFile"), span)?;
                let nix_path = self.lookup(Symbol::new("__nixPath"), span)?;
                Expr::Apply {
                    func: Rc::new(find),
                    args: vec![
                        Rc::new(nix_path),
                        Rc::new(Expr::Const(Value::string(name.as_bytes()))),
                    ]
                    .into(),
                    span,
                }
            }
            ast::Expr::List(l) => {
                let items = l
                    .items()
                    .map(|i| {
                        self.warn_or_identifier(&i);
                        self.expr(&i, None)
                    })
                    .collect::<EvalResult<Vec<_>>>()?;
                Expr::list(items)
            }
            ast::Expr::Apply(_) => self.application(e, span)?,
            ast::Expr::IfElse(i) => Expr::If(Rc::new(IfExpr {
                cond: self.child(i.condition(), node)?,
                then: self.child(i.body(), node)?,
                else_: self.child(i.else_body(), node)?,
                span,
            })),
            ast::Expr::Assert(a) => {
                let cond_ast = a.condition().ok_or_else(|| self.missing(node))?;
                let text: Rc<str> =
                    crate::show::show_expr(&cond_ast, self.ctx.base_dir, self.ctx.home).into();
                Expr::Assert(Rc::new(AssertExpr {
                    cond: self.expr(&cond_ast, None)?,
                    body: self.child(a.body(), node)?,
                    text,
                    span,
                }))
            }
            ast::Expr::With(w) => {
                let namespace = self.child(w.namespace(), node)?;
                self.scopes.push(Scope::With);
                let body = self.child(w.body(), node);
                self.scopes.pop();
                Expr::With {
                    namespace,
                    body: body?,
                    span,
                }
            }
            ast::Expr::UnaryOp(u) => {
                let expr = self.child(u.expr(), node)?;
                match u.operator() {
                    Some(ast::UnaryOpKind::Invert) => Expr::Not { expr, span },
                    // Nix's parser makes `-e` the call `__sub 0 e`.
                    _ => match self.rebound("__sub", span) {
                        Some(func) => Expr::Apply {
                            func,
                            args: Box::new([Rc::new(Expr::Const(Value::Int(0))), expr]),
                            span,
                        },
                        None => Expr::Negate { expr, span },
                    },
                }
            }
            ast::Expr::BinOp(b) => self.binary(b)?,
            ast::Expr::Select(s) => {
                let expr = self.child(s.expr(), node)?;
                let path = self.attrpath(s.attrpath(), node)?;
                let dynamic_shown = self.dynamic_names_shown(s.attrpath(), &path);
                let default = match s.default_expr() {
                    Some(d) => {
                        self.warn_or_identifier(&d);
                        Some(self.expr(&d, None)?)
                    }
                    None => None,
                };
                Expr::Select(Rc::new(SelectExpr {
                    expr,
                    path,
                    default,
                    span,
                    dynamic_shown,
                }))
            }
            ast::Expr::HasAttr(h) => {
                let expr = self.child(h.expr(), node)?;
                let path = self.attrpath(h.attrpath(), node)?;
                Expr::HasAttr(Rc::new(HasAttrExpr { expr, path }))
            }
            ast::Expr::Lambda(l) => Expr::Lambda(Rc::new(self.lambda(l, name, span)?)),
            ast::Expr::AttrSet(set) => {
                let bindings = self.collect(set.entries(), set.rec_token().is_some())?;
                self.lower_bindings(bindings)?
            }
            ast::Expr::LetIn(l) => self.let_in(l)?,
            ast::Expr::LegacyLet(l) => {
                let bindings = self.collect(l.entries(), true)?;
                let set = self.lower_bindings(bindings)?;
                Expr::Select(Rc::new(SelectExpr {
                    expr: Rc::new(set),
                    path: vec![AttrKey::Static(Symbol::new("body"))].into(),
                    default: None,
                    // Nix selects `body` at no position.
                    span: Span::NOWHERE,
                    dynamic_shown: Box::default(),
                }))
            }
            ast::Expr::CurPos(_) => Expr::CurPos(span),
            ast::Expr::Error(_) => return Err(self.missing(node)),
        })
    }

    /// A number or URI literal.
    fn literal(&mut self, lit: &ast::Literal, span: Span) -> EvalResult<Expr> {
        Ok(match lit.kind() {
            ast::LiteralKind::Integer(i) => match i.value() {
                Ok(v) => Expr::Const(Value::Int(v)),
                Err(_) => {
                    return Err(Error::new(
                        ErrorKind::Syntax(format!("invalid integer '{}'", i.syntax().text())),
                        Some(span),
                    ))
                }
            },
            ast::LiteralKind::Float(f) => {
                let text = f.syntax().text();
                match crate::float::parse_float_literal(text) {
                    Some(v) => Expr::Const(Value::Float(v)),
                    None => {
                        return Err(Error::new(
                            ErrorKind::Syntax(format!("invalid float '{text}'")),
                            Some(span),
                        ))
                    }
                }
            }
            ast::LiteralKind::Uri(u) => {
                let text = u.syntax().text();
                let why = match self.ctx.lints.url_literals {
                    crate::LintLevel::Fatal => "URL literals are disabled".to_string(),
                    _ => format!(
                        "URL literal '{text}' should be a string: \"{text}\" (lint-url-literals)"
                    ),
                };
                self.lint(self.ctx.lints.url_literals, why, span)?;
                Expr::Const(Value::string(text.as_bytes()))
            }
        })
    }

    /// A path literal (`/a`, `./a`, `~/a`, with interpolations), after the checks and
    /// lints Nix makes on it.
    fn path_literal(
        &mut self,
        node: &rnix::SyntaxNode,
        start: PathStart,
        span: Span,
        parts: impl FnOnce() -> Vec<InterpolPart<ast::PathContent>>,
    ) -> EvalResult<Expr> {
        // rnix lets whitespace into a path node (`/a ${x}`); Nix sees the `${` as
        // unexpected there.
        if let Some(stray) = node
            .children_with_tokens()
            .filter_map(|c| c.into_token())
            .find(|t| {
                !matches!(
                    t.kind(),
                    rnix::SyntaxKind::TOKEN_PATH_ABS
                        | rnix::SyntaxKind::TOKEN_PATH_REL
                        | rnix::SyntaxKind::TOKEN_PATH_HOME
                )
            })
        {
            let at = usize::from(stray.text_range().end());
            let before = &self.text[..at.min(self.text.len())];
            let expecting = match unclosed(before) {
                "" if before.chars().filter(|c| "([{".contains(*c)).count() == 0 => {
                    ", expecting end of file"
                }
                other => other,
            };
            return Err(Error::new(
                ErrorKind::Syntax(format!("syntax error, unexpected DOLLAR_CURLY{expecting}")),
                Some(Span {
                    file: self.ctx.file,
                    start: at as u32,
                    end: at as u32,
                }),
            ));
        }
        let written = node.text().to_string();
        if start == PathStart::Root {
            let why = format!(
                "absolute path literals are not portable. Consider replacing path literal '{written}' \
                 by a string, relative path, or parameter (lint-absolute-path-literals)"
            );
            self.lint(self.ctx.lints.absolute_path_literals, why, span)?;
        } else if start == PathStart::Here && !written.starts_with('.') {
            let why = format!(
                "relative path literal '{written}' should be prefixed with '.' for clarity: \
                 './{written}'. (lint-short-path-literals)"
            );
            self.lint(self.ctx.lints.short_path_literals, why, span)?;
        }
        self.path(parts(), span)
    }

    /// Nix warns of `x or` (rnix's application of `x` to a variable named `or`) as a list
    /// element, a function's argument or an `or` default, where a future release will read
    /// it differently.
    fn warn_or_identifier(&self, e: &ast::Expr) {
        let ast::Expr::Apply(a) = e else { return };
        if !a.argument().is_some_and(|arg| is_or_identifier(&arg)) || self.probe.is_some() {
            return;
        }
        self.ctx.warned.set(true);
        crate::io::log(
            self.ctx.io,
            &format!(
                "warning: at {}: This expression uses `or` as an identifier in a way that will \
             change in a future Nix release.\nWrap this entire expression in parentheses to \
             preserve its current meaning:\n    ({})\nGive feedback at \
             https://github.com/NixOS/nix/pull/11121",
                self.pos_string(self.span(e.syntax())),
                e.syntax().text()
            ),
        );
    }

    /// `f a b …`: one application of `f` to all its arguments.
    fn application(&mut self, e: &ast::Expr, span: Span) -> EvalResult<Expr> {
        let node = e.syntax();
        let mut args = Vec::new();
        let mut cur = e.clone();
        // As Nix's parser does, `(f a) b` is one call `f a b`, placed where `f a` is.
        let mut call_span = span;
        loop {
            match &cur {
                ast::Expr::Apply(a) => {
                    let arg = a.argument().ok_or_else(|| self.missing(node))?;
                    cur = a.lambda().ok_or_else(|| self.missing(node))?;
                    args.push((arg, self.span(cur.syntax())));
                }
                ast::Expr::Paren(_) => match strip_parens(&cur) {
                    Some(inner @ ast::Expr::Apply(_)) => {
                        call_span = self.span(inner.syntax());
                        cur = inner;
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        args.reverse();
        if let Some((at, found @ None)) = &mut self.probe {
            if *at == span {
                *found = Some(self.scopes.clone());
            }
        }
        let func = self.expr(&cur, None)?;
        let args = args
            .iter()
            .map(|(a, applied)| {
                self.warn_or_identifier(a);
                // Nix reads `x or` as `x` applied to a variable named `or`, placed where
                // `x` is.
                if is_or_identifier(a) {
                    self.lookup(Symbol::new("or"), *applied).map(Rc::new)
                } else {
                    self.expr(a, None)
                }
            })
            .collect::<EvalResult<Vec<_>>>()?;
        Ok(Expr::Apply {
            func,
            args: args.into(),
            span: call_span,
        })
    }

    /// A binary operator, desugared as Nix does (`a > b` is `b < a`, `a <= b` is
    /// `!(b < a)`).
    /// `a op b`. A chain of operators nested on the left (`1 + 2 + 3 + …`, as the parser
    /// builds left-associative operators) is lowered in a loop, so that its length is not
    /// a nesting depth: Nix reads such chains of any length.
    fn binary(&mut self, b: &ast::BinOp) -> EvalResult<Expr> {
        let mut spine = vec![b.clone()];
        while let Some(ast::Expr::BinOp(inner)) = spine.last().and_then(|b| b.lhs()) {
            spine.push(inner);
        }
        let innermost = spine.pop().expect("the spine starts with b");
        let mut lowered = self.binary_on(&innermost, None)?;
        while let Some(outer) = spine.pop() {
            lowered = self.binary_on(&outer, Some(Rc::new(lowered)))?;
        }
        Ok(lowered)
    }

    /// `b`'s operator applied to its operands, the left one already lowered if given.
    fn binary_on(&mut self, b: &ast::BinOp, lowered_lhs: Option<Rc<Expr>>) -> EvalResult<Expr> {
        let node = b.syntax();
        let span = self.span(node);
        let op = match b.operator() {
            Some(op) => op,
            None => return Err(self.missing(node)),
        };
        let op_span = node
            .children_with_tokens()
            .filter_map(|c| c.into_token())
            .find(|t| ast::BinOpKind::from_kind(t.kind()).is_some())
            .map(|t| self.tspan(&t))
            .unwrap_or(span);
        use ast::BinOpKind as K;
        let op = match op {
            K::Concat => BinOp::Concat,
            K::Update => BinOp::Update,
            K::Add => BinOp::Add,
            K::Sub => BinOp::Sub,
            K::Mul => BinOp::Mul,
            K::Div => BinOp::Div,
            K::And => BinOp::And,
            K::Or => BinOp::Or,
            K::Implication => BinOp::Impl,
            K::Equal => BinOp::Eq,
            K::NotEqual => BinOp::NotEq,
            K::Less => BinOp::Less,
            K::LessOrEq => BinOp::LessEq,
            K::More => BinOp::Greater,
            K::MoreOrEq => BinOp::GreaterEq,
            K::PipeRight => BinOp::PipeRight,
            K::PipeLeft => BinOp::PipeLeft,
        };
        if matches!(op, BinOp::PipeLeft | BinOp::PipeRight) {
            return Err(Error::new(
                ErrorKind::Syntax(
                    "experimental Nix feature 'pipe-operators' is disabled; add '--extra-experimental-features pipe-operators' to enable it".into(),
                ),
                Some(op_span),
            ));
        }
        let lhs_node = b.lhs();
        let lhs_span = lhs_node.as_ref().map_or(op_span, |l| self.span(l.syntax()));
        let lhs = match lowered_lhs {
            Some(lhs) => lhs,
            None => self.child(lhs_node, node)?,
        };
        let rhs_node = b.rhs();
        let rhs_span = rhs_node.as_ref().map_or(op_span, |r| self.span(r.syntax()));
        // Nix places `+` errors at the right operand.
        let error_span = if op == BinOp::Add { rhs_span } else { op_span };
        let rhs = self.child(rhs_node, node)?;
        let binary = |op, lhs, rhs, lhs_span| {
            Expr::BinOp(Rc::new(BinOpExpr {
                op,
                lhs,
                rhs,
                span: error_span,
                lhs_span,
                op_span,
            }))
        };
        // Nix's parser makes `a - b` a call of `__sub` (`__mul`, `__div`, `__lessThan`
        // likewise): a binding of that name in scope replaces the operator.
        if let Some(func) = operator_function(op).and_then(|f| self.rebound(f, op_span)) {
            let call = |lhs, rhs| Expr::Apply {
                func,
                args: Box::new([lhs, rhs]),
                span: op_span,
            };
            let not = |expr| Expr::Not {
                expr: Rc::new(expr),
                span: op_span,
            };
            return Ok(match op {
                BinOp::Greater => call(rhs, lhs),
                BinOp::LessEq => not(call(rhs, lhs)),
                BinOp::GreaterEq => not(call(lhs, rhs)),
                _ => call(lhs, rhs),
            });
        }
        // Nix desugars `a > b` to `__lessThan b a`, `a <= b` to `!(__lessThan b a)` and
        // `a >= b` to `!(__lessThan a b)`: operands are evaluated in that order.
        Ok(match op {
            BinOp::Greater => binary(BinOp::Less, rhs, lhs, rhs_span),
            BinOp::LessEq => Expr::Not {
                expr: Rc::new(binary(BinOp::Less, rhs, lhs, rhs_span)),
                span: op_span,
            },
            BinOp::GreaterEq => Expr::Not {
                expr: Rc::new(binary(BinOp::Less, lhs, rhs, lhs_span)),
                span: op_span,
            },
            _ => binary(op, lhs, rhs, lhs_span),
        })
    }

    /// `let … in body`: a new scope for the bindings.
    fn let_in(&mut self, l: &ast::LetIn) -> EvalResult<Expr> {
        let node = l.syntax();
        let bindings = self.collect(l.entries(), true)?;
        if !bindings.dynamics.is_empty() {
            // Nix places it at the whole `let`.
            return Err(Error::new(
                ErrorKind::Syntax("dynamic attributes not allowed in let".into()),
                Some(self.span(node)),
            ));
        }
        let (names, _) = self.slot_map(&bindings);
        self.scopes.push(Scope::Lexical(names));
        let attrs = self.lower_statics(bindings, true);
        let body = attrs.and_then(|attrs| Ok((attrs, self.child(l.body(), node)?)));
        self.scopes.pop();
        let (attrs, body) = body?;
        Ok(Expr::Let {
            attrs: Box::new(attrs),
            body,
        })
    }

    /// The body of lambda `l` named `name`: a lambda right in it (`f = a: b: …`) gets
    /// the same name, as in Nix, so that traces name curried calls after the binding.
    fn lambda_body(&mut self, l: &ast::Lambda, name: Option<Symbol>) -> EvalResult<Rc<Expr>> {
        match l.body() {
            Some(body) => self.expr(&body, name),
            None => Err(self.missing(l.syntax())),
        }
    }

    fn lambda(
        &mut self,
        l: &ast::Lambda,
        name: Option<Symbol>,
        span: Span,
    ) -> EvalResult<LambdaDef> {
        let node = l.syntax();
        let param = l.param().ok_or_else(|| self.missing(node))?;
        match param {
            ast::Param::IdentParam(p) => {
                let ident = p.ident().ok_or_else(|| self.missing(node))?;
                let sym = Symbol::new(&ident.syntax().text().to_string());
                self.scopes
                    .push(Scope::Lexical(std::iter::once((sym, 0)).collect()));
                let body = self.lambda_body(l, name);
                self.scopes.pop();
                Ok(LambdaDef::new(name, Param::Ident(sym), body?, span))
            }
            ast::Param::Pattern(p) => {
                if let Some(e) = self.duplicate_formal(&p, span) {
                    return Err(e);
                }
                let mut names = HashMap::default();
                let mut entries = Vec::new();
                for entry in p.pat_entries() {
                    let ident = entry.ident().ok_or_else(|| self.missing(node))?;
                    let sym = Symbol::new(&ident.syntax().text().to_string());
                    names.insert(sym, entries.len() as u32);
                    entries.push((sym, entry.default(), self.span(ident.syntax())));
                }
                let at = match p.pat_bind() {
                    Some(b) => {
                        let ident = b.ident().ok_or_else(|| self.missing(node))?;
                        let sym = Symbol::new(&ident.syntax().text().to_string());
                        names.insert(sym, entries.len() as u32);
                        Some(sym)
                    }
                    None => None,
                };
                self.scopes.push(Scope::Lexical(names));
                let result = (|| -> EvalResult<(Vec<Formal>, Rc<Expr>)> {
                    let mut formals = Vec::new();
                    for (sym, default, fspan) in entries {
                        let default = match default {
                            Some(d) => Some(self.expr(&d, None)?),
                            None => None,
                        };
                        formals.push(Formal {
                            name: sym,
                            default,
                            span: fspan,
                        });
                    }
                    let body = self.lambda_body(l, name)?;
                    Ok((formals, body))
                })();
                self.scopes.pop();
                let (formals, body) = result?;
                let pattern = Pattern {
                    formals,
                    ellipsis: p.ellipsis_token().is_some(),
                    at,
                };
                Ok(LambdaDef::new(
                    name,
                    Param::Pattern(Box::new(pattern)),
                    body,
                    span,
                ))
            }
        }
    }

    /// Nix's error for formal arguments that name one twice: at the second of them, or at
    /// the function (`span`) when the `@` name repeats one. Checked before anything else
    /// of the function, as Nix's parser does once it has read it.
    fn duplicate_formal(&self, p: &ast::Pattern, span: Span) -> Option<Box<Error>> {
        let duplicate = |sym: Symbol, at: Span| {
            let msg = format!("duplicate formal function argument '{sym}'");
            Error::new(ErrorKind::Duplicate(msg), Some(at))
        };
        let mut seen = HashMap::default();
        for entry in p.pat_entries() {
            let ident = entry.ident()?;
            let sym = Symbol::new(&ident.syntax().text().to_string());
            if seen.insert(sym, ()).is_some() {
                return Some(duplicate(sym, self.span(ident.syntax())));
            }
        }
        let sym = Symbol::new(&p.pat_bind()?.ident()?.syntax().text().to_string());
        seen.contains_key(&sym).then(|| duplicate(sym, span))
    }

    fn attrpath(
        &mut self,
        path: Option<ast::Attrpath>,
        node: &rnix::SyntaxNode,
    ) -> EvalResult<Box<[AttrKey]>> {
        let path = path.ok_or_else(|| self.missing(node))?;
        let mut keys = Vec::new();
        for attr in path.attrs() {
            keys.push(match self.key(&attr)? {
                Key::Static(s, _) => AttrKey::Static(s),
                Key::Dynamic(a, _) => AttrKey::Dynamic(self.dynamic_key(&a)?),
            });
        }
        Ok(keys.into())
    }

    /// How Nix prints the expression of each dynamic name of `path` (lowered to `keys`),
    /// in order.
    fn dynamic_names_shown(
        &self,
        path: Option<ast::Attrpath>,
        keys: &[AttrKey],
    ) -> Box<[Box<str>]> {
        let Some(path) = path else {
            return Box::default();
        };
        path.attrs()
            .zip(keys)
            .filter(|(_, key)| matches!(key, AttrKey::Dynamic(_)))
            .map(|(attr, _)| {
                let expr = match attr {
                    ast::Attr::Dynamic(d) => d.expr(),
                    ast::Attr::Str(s) => Some(ast::Expr::Str(s)),
                    ast::Attr::Ident(_) => None,
                };
                match expr {
                    Some(e) => crate::show::show_expr(&e, self.ctx.base_dir, self.ctx.home).into(),
                    None => crate::show::ERROR.into(),
                }
            })
            .collect()
    }

    /// Classifies an attribute name: a plain identifier or a string without interpolation
    /// is static.
    fn key(&mut self, attr: &ast::Attr) -> EvalResult<Key> {
        let span = self.span(attr.syntax());
        match attr {
            ast::Attr::Ident(i) => Ok(Key::Static(
                Symbol::new(&i.syntax().text().to_string()),
                span,
            )),
            ast::Attr::Str(s) => {
                let parts: Vec<_> = s.parts().collect();
                if parts.iter().all(|p| matches!(p, InterpolPart::Literal(_))) {
                    match self.string(s, span)? {
                        Expr::Const(Value::String(st)) => {
                            Ok(Key::Static(Symbol::from_bytes(&st.bytes), span))
                        }
                        _ => Ok(Key::Dynamic(attr.clone(), span)),
                    }
                } else {
                    Ok(Key::Dynamic(attr.clone(), span))
                }
            }
            ast::Attr::Dynamic(d) => {
                // `${"lit"}` is static too.
                if let Some(ast::Expr::Str(s)) = d.expr() {
                    if s.parts().all(|p| matches!(p, InterpolPart::Literal(_))) {
                        if let Expr::Const(Value::String(st)) = self.string(&s, span)? {
                            return Ok(Key::Static(Symbol::from_bytes(&st.bytes), span));
                        }
                    }
                }
                Ok(Key::Dynamic(attr.clone(), span))
            }
        }
    }

    fn dynamic_key(&mut self, attr: &ast::Attr) -> EvalResult<Rc<Expr>> {
        match attr {
            ast::Attr::Dynamic(d) => self.child(d.expr(), attr.syntax()),
            ast::Attr::Str(s) => {
                let span = self.span(s.syntax());
                Ok(Rc::new(self.string(s, span)?))
            }
            ast::Attr::Ident(i) => Ok(Rc::new(Expr::Const(Value::string(
                i.syntax().text().to_string().into_bytes(),
            )))),
        }
    }

    /// Collects the entries of a set / let into [`Bindings`], merging nested paths and
    /// rejecting duplicates.
    fn collect(
        &mut self,
        entries: impl Iterator<Item = ast::Entry>,
        rec: bool,
    ) -> EvalResult<Bindings> {
        let mut b = Bindings {
            rec,
            ..Default::default()
        };
        for entry in entries {
            self.add_entry(&mut b, entry)?;
        }
        Ok(b)
    }

    fn add_entry(&mut self, b: &mut Bindings, entry: ast::Entry) -> EvalResult<()> {
        match entry {
            ast::Entry::Inherit(inh) => {
                let from = match inh.from().map(|f| f.expr()) {
                    Some(Some(e)) => {
                        b.inherit_sources.push(e);
                        Some(b.inherit_sources.len() - 1)
                    }
                    Some(None) => return Err(self.missing(inh.syntax())),
                    None => None,
                };
                for attr in inh.attrs() {
                    let (sym, span) = match self.key(&attr)? {
                        Key::Static(s, span) => (s, span),
                        Key::Dynamic(_, span) => {
                            return Err(Error::new(
                                ErrorKind::Syntax(
                                    "dynamic attributes not allowed in inherit".into(),
                                ),
                                Some(span),
                            ))
                        }
                    };
                    let value = match from {
                        Some(source) => Pending::InheritFrom(source, sym, span),
                        None => Pending::InheritOuter(sym, span),
                    };
                    self.insert(b, &[Key::Static(sym, span)], value, span, &mut Vec::new())?;
                }
            }
            ast::Entry::AttrpathValue(av) => {
                let node = av.syntax().clone();
                let path = av.attrpath().ok_or_else(|| self.missing(&node))?;
                let keys = path
                    .attrs()
                    .map(|a| self.key(&a))
                    .collect::<EvalResult<Vec<_>>>()?;
                let value = av.value().ok_or_else(|| self.missing(&node))?;
                let span = self.span(path.syntax());
                self.insert(b, &keys, Pending::Expr(value), span, &mut Vec::new())?;
            }
        }
        Ok(())
    }

    fn duplicate(&self, prefix: &[Symbol], name: Symbol, first: Span, second: Span) -> Box<Error> {
        let path: Vec<String> = prefix
            .iter()
            .chain([&name])
            .map(|s| crate::format_attr_name(&s.name()))
            .collect();
        Error::new(
            ErrorKind::Duplicate(format!(
                "attribute '{}' already defined at {}",
                path.join("."),
                self.pos_string(first)
            )),
            Some(second),
        )
    }

    /// An attribute-set literal that may be merged with a nested path of the same name.
    fn as_mergeable(value: &Pending) -> Option<ast::AttrSet> {
        match value {
            Pending::Expr(ast::Expr::AttrSet(s)) => Some(s.clone()),
            _ => None,
        }
    }

    fn insert(
        &mut self,
        b: &mut Bindings,
        keys: &[Key],
        value: Pending,
        span: Span,
        prefix: &mut Vec<Symbol>,
    ) -> EvalResult<()> {
        let Some((first, rest)) = keys.split_first() else {
            return Ok(());
        };
        match first {
            Key::Dynamic(attr, _) => {
                let value = if rest.is_empty() {
                    value
                } else {
                    let mut nested = Bindings::default();
                    self.insert(&mut nested, rest, value, span, &mut Vec::new())?;
                    Pending::Nested(Box::new(nested))
                };
                // As in Nix, a dynamic attribute is placed at the start of its binding's
                // attribute path (`a.${x} = …` at `a`), also inside the nested set.
                b.dynamics.push((attr.clone(), value, span));
                Ok(())
            }
            Key::Static(sym, _) => {
                let sym = *sym;
                if rest.is_empty() {
                    if let Some(&i) = b.index.get(&sym) {
                        // `a.x = 1; a = { y = 2; };` and `a = { x = 1; }; a = { y = 2; };` merge.
                        if let Some(set) = Self::as_mergeable(&value) {
                            prefix.push(sym);
                            let r = self.ensure_nested(b, i, prefix);
                            let r = r.and_then(|merged| {
                                if !merged {
                                    return Err(self.duplicate(
                                        &prefix[..prefix.len() - 1],
                                        sym,
                                        b.statics[i].span,
                                        span,
                                    ));
                                }
                                let Pending::Nested(nested) = &mut b.statics[i].value else {
                                    unreachable!()
                                };
                                // As in Nix, the set first defined decides whether the
                                // merged one is `rec`: a later `rec` is dropped.
                                let mut nested = std::mem::take(nested);
                                let r = set.entries().try_for_each(|e| {
                                    self.add_entry_prefixed(&mut nested, e, prefix)
                                });
                                b.statics[i].value = Pending::Nested(nested);
                                r
                            });
                            prefix.pop();
                            return r;
                        }
                        return Err(self.duplicate(prefix, sym, b.statics[i].span, span));
                    }
                    b.index.insert(sym, b.statics.len());
                    b.statics.push(StaticBinding {
                        name: sym,
                        value,
                        span,
                    });
                    return Ok(());
                }
                let i = match b.index.get(&sym) {
                    Some(&i) => i,
                    None => {
                        b.index.insert(sym, b.statics.len());
                        b.statics.push(StaticBinding {
                            name: sym,
                            value: Pending::Nested(Box::default()),
                            span,
                        });
                        b.statics.len() - 1
                    }
                };
                prefix.push(sym);
                let r = self.ensure_nested(b, i, prefix);
                prefix.pop();
                r?;
                match &mut b.statics[i].value {
                    Pending::Nested(nested) => {
                        prefix.push(sym);
                        let r = self.insert(nested, rest, value, span, prefix);
                        prefix.pop();
                        r
                    }
                    _ => Err(self.duplicate(prefix, sym, b.statics[i].span, span)),
                }
            }
        }
    }

    /// Turns binding `i` into a nested set if it is a set literal; false if it is neither.
    fn ensure_nested(
        &mut self,
        b: &mut Bindings,
        i: usize,
        prefix: &mut Vec<Symbol>,
    ) -> EvalResult<bool> {
        if matches!(b.statics[i].value, Pending::Nested(_)) {
            return Ok(true);
        }
        let Some(set) = Self::as_mergeable(&b.statics[i].value) else {
            return Ok(false);
        };
        let mut nested = Bindings {
            rec: set.rec_token().is_some(),
            ..Default::default()
        };
        set.entries()
            .try_for_each(|e| self.add_entry_prefixed(&mut nested, e, prefix))?;
        b.statics[i].value = Pending::Nested(Box::new(nested));
        Ok(true)
    }

    fn add_entry_prefixed(
        &mut self,
        b: &mut Bindings,
        entry: ast::Entry,
        prefix: &mut Vec<Symbol>,
    ) -> EvalResult<()> {
        match entry {
            ast::Entry::AttrpathValue(av) => {
                let node = av.syntax().clone();
                let path = av.attrpath().ok_or_else(|| self.missing(&node))?;
                let keys = path
                    .attrs()
                    .map(|a| self.key(&a))
                    .collect::<EvalResult<Vec<_>>>()?;
                let value = av.value().ok_or_else(|| self.missing(&node))?;
                let span = self.span(path.syntax());
                self.insert(b, &keys, Pending::Expr(value), span, prefix)
            }
            inherit => self.add_entry(b, inherit),
        }
    }

    fn slot_map(&self, b: &Bindings) -> (HashMap<Symbol, u32>, Vec<usize>) {
        // Slots follow symbol order (the order of the lowered statics).
        let mut order: Vec<usize> = (0..b.statics.len()).collect();
        crate::sort::sort_by_key(&mut order, |&i| b.statics[i].name);
        let names = order
            .iter()
            .enumerate()
            .map(|(slot, &i)| (b.statics[i].name, slot as u32))
            .collect();
        (names, order)
    }

    /// Lowers a set literal's bindings (rec or not).
    fn lower_bindings(&mut self, b: Bindings) -> EvalResult<Expr> {
        if b.rec {
            let (names, _) = self.slot_map(&b);
            self.scopes.push(Scope::Lexical(names));
            let r = self.lower_statics_and_dynamics(b, true);
            self.scopes.pop();
            let mut def = r?;
            def.overrides = def
                .statics
                .iter()
                .position(|a| &*a.name.name() == "__overrides");
            Ok(Expr::RecAttrs(Box::new(def)))
        } else if !b.inherit_sources.is_empty() {
            // The sources need slots: a level of its own, where no name is visible.
            self.scopes.push(Scope::Lexical(HashMap::default()));
            let r = self.lower_statics_and_dynamics(b, false);
            self.scopes.pop();
            Ok(Expr::RecAttrs(Box::new(r?)))
        } else {
            Ok(Expr::Attrs(Box::new(
                self.lower_statics_and_dynamics(b, false)?,
            )))
        }
    }

    fn lower_statics_and_dynamics(
        &mut self,
        mut b: Bindings,
        in_rec_scope: bool,
    ) -> EvalResult<AttrsDef> {
        let dynamics = std::mem::take(&mut b.dynamics);
        let mut def = self.lower_statics(b, in_rec_scope)?;
        for (attr, value, span) in dynamics {
            let name = self.dynamic_key(&attr)?;
            let value = self.pending(value, None)?;
            def.dynamics.push(DynamicAttr { name, value, span });
        }
        Ok(def)
    }

    /// Lowers static bindings in slot order. With `in_rec_scope`, the innermost scope is
    /// the rec/let level, and `inherit x;` values are lowered outside it.
    /// The innermost scope is the set's level in any case when it has `inherit (e)` sources.
    fn lower_statics(&mut self, b: Bindings, in_rec_scope: bool) -> EvalResult<AttrsDef> {
        let (_, order) = self.slot_map(&b);
        let first_source_slot = b.statics.len();
        let inherit_sources = b
            .inherit_sources
            .iter()
            .map(|e| self.expr(e, None))
            .collect::<EvalResult<Vec<_>>>()?;
        let mut slots: Vec<Option<StaticBinding>> = b.statics.into_iter().map(Some).collect();
        let mut statics = Vec::with_capacity(slots.len());
        for i in order {
            let sb = slots[i].take().expect("each static lowered once");
            let (value, outer) = match sb.value {
                Pending::InheritOuter(sym, span) if in_rec_scope => {
                    let scope = self.scopes.pop().expect("rec scope present");
                    let r = self.lookup(sym, span);
                    self.scopes.push(scope);
                    let expr = r?;
                    (Rc::new(expr), true)
                }
                Pending::InheritFrom(source, sym, span) => {
                    let slot = (first_source_slot + source) as u32;
                    let from = Rc::new(Expr::Var {
                        level: 0,
                        slot,
                        span,
                    });
                    let path = vec![AttrKey::Static(sym)].into();
                    (
                        Rc::new(Expr::Select(Rc::new(SelectExpr {
                            expr: from,
                            path,
                            default: None,
                            span,
                            dynamic_shown: Box::default(),
                        }))),
                        false,
                    )
                }
                other => (self.pending(other, Some(sb.name))?, false),
            };
            statics.push(StaticAttr {
                name: sb.name,
                value,
                outer,
                span: sb.span,
            });
        }
        Ok(AttrsDef {
            statics,
            dynamics: Vec::new(),
            inherit_sources,
            overrides: None,
        })
    }

    fn pending(&mut self, p: Pending, name: Option<Symbol>) -> EvalResult<Rc<Expr>> {
        match p {
            Pending::Expr(e) => self.expr(&e, name),
            Pending::Nested(b) => Ok(Rc::new(self.lower_bindings(*b)?)),
            Pending::InheritOuter(sym, span) => Ok(Rc::new(self.lookup(sym, span)?)),
            Pending::InheritFrom(..) => {
                unreachable!("inherit (e) names are static attributes, lowered by lower_statics")
            }
        }
    }

    /// Lowers a `"..."` or `''...''` string.
    fn string(&mut self, s: &ast::Str, span: Span) -> EvalResult<Expr> {
        let indented = s
            .syntax()
            .children_with_tokens()
            .filter_map(|c| c.into_token())
            .next()
            .is_some_and(|t| t.text() == "''");
        // Nix refuses a literal fragment holding a NUL byte (it cannot be a C string).
        let nul_at = s.parts().find_map(|p| match p {
            InterpolPart::Literal(l) if l.syntax().text().contains('\0') => {
                Some(self.tspan(l.syntax()))
            }
            _ => None,
        });
        let raw: Vec<InterpolPart<String>> = s
            .parts()
            .map(|p| match p {
                InterpolPart::Literal(l) => InterpolPart::Literal(l.syntax().text().to_string()),
                InterpolPart::Interpolation(i) => InterpolPart::Interpolation(i),
            })
            .collect();
        let (pieces, fragmented) = if indented {
            crate::strings::indented(&raw)
        } else {
            (crate::strings::plain(&raw), false)
        };
        if let Some(span) = nul_at {
            let bad = pieces.iter().find_map(|p| match p {
                crate::strings::Piece::Lit(bytes) if bytes.contains(&0) => Some(bytes.as_slice()),
                _ => None,
            });
            let msg =
                String::from_utf8_lossy(&crate::json::null_byte_error(bad.unwrap_or_default()))
                    .into_owned();
            return Err(Error::new(ErrorKind::Other(msg), Some(span)));
        }
        let mut parts = Vec::new();
        for piece in pieces {
            match piece {
                crate::strings::Piece::Lit(bytes) => parts.push(InterpPart::Lit(
                    crate::source::restore_raw_bytes(bytes).into(),
                )),
                crate::strings::Piece::Interp(i) => {
                    let e = self.child(i.expr(), i.syntax())?;
                    parts.push(InterpPart::Expr(e, self.span(i.syntax())));
                }
            }
        }
        Ok(match parts.as_slice() {
            [] => Expr::Const(Value::string(Vec::new())),
            [InterpPart::Lit(b)] if !fragmented => Expr::Const(Value::string(b.to_vec())),
            _ => Expr::Interpolate(Rc::new(InterpExpr {
                parts: parts.into(),
                kind: InterpKind::String,
                // Nix places a `"…"` string with interpolations after its opening quote,
                // an indented one at its `''`.
                span: if indented {
                    span
                } else {
                    Span {
                        start: span.start + 1,
                        ..span
                    }
                },
            })),
        })
    }

    fn path(&mut self, parts: Vec<InterpolPart<ast::PathContent>>, span: Span) -> EvalResult<Expr> {
        let mut out = Vec::new();
        let mut from_home = false;
        for (i, part) in parts.into_iter().enumerate() {
            match part {
                InterpolPart::Literal(l) => {
                    let mut text = l.syntax().text().to_string();
                    if i == 0 {
                        from_home = text.starts_with("~/");
                        text = self.path_prefix(&text, span)?;
                    }
                    out.push(InterpPart::Lit(text.into_bytes().into()));
                }
                InterpolPart::Interpolation(interp) => {
                    let e = self.child(interp.expr(), interp.syntax())?;
                    out.push(InterpPart::Expr(e, self.span(interp.syntax())));
                }
            }
        }
        if let [InterpPart::Lit(b)] = out.as_slice() {
            let s = String::from_utf8_lossy(b).to_string();
            // Nix keeps a `~/` path as written (`~/a/../b` stays so); others it
            // canonicalises.
            let path = if from_home { s } else { canonicalise(&s) };
            return Ok(Expr::Const(Value::Path(path.into())));
        }
        Ok(Expr::Interpolate(Rc::new(InterpExpr {
            parts: out.into(),
            kind: InterpKind::Path,
            span,
        })))
    }

    /// Turns the first literal of a path into an absolute prefix.
    fn path_prefix(&self, text: &str, span: Span) -> EvalResult<String> {
        if let Some(rest) = text.strip_prefix("~/") {
            match self.ctx.home {
                Some(home) => Ok(format!("{home}/{rest}")),
                None => Err(Error::new(
                    ErrorKind::Other(
                        "the contents of the HOME environment variable are not available".into(),
                    ),
                    Some(span),
                )),
            }
        } else if text.starts_with('/') {
            Ok(text.to_string())
        } else {
            Ok(format!(
                "{}/{}",
                self.ctx.base_dir.trim_end_matches('/'),
                text
            ))
        }
    }
}

/// Whether `e` is the identifier `or` (which Nix's grammar lets a program use as a
/// variable, as `x or`).
fn is_or_identifier(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Ident(i) if i.ident_token().is_some_and(|t| t.text() == "or"))
}

/// The function Nix's parser calls for `op`, if it calls one (`a - b` is `__sub a b`).
fn operator_function(op: BinOp) -> Option<&'static str> {
    match op {
        BinOp::Sub => Some("__sub"),
        BinOp::Mul => Some("__mul"),
        BinOp::Div => Some("__div"),
        BinOp::Less | BinOp::LessEq | BinOp::Greater | BinOp::GreaterEq => Some("__lessThan"),
        _ => None,
    }
}

/// The expression inside any number of parentheses (`None` if one is empty).
fn strip_parens(e: &ast::Expr) -> Option<ast::Expr> {
    let mut cur = e.clone();
    while let ast::Expr::Paren(p) = &cur {
        cur = p.expr()?;
    }
    Some(cur)
}
