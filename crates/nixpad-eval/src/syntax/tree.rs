//! Syntax services for editors: token classes for highlighting and a printable tree,
//! from the same lexer and parser the evaluator uses.

use rnix::SyntaxKind as K;

/// What a token is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    /// `let`, `in`, `if`, `rec`, ...
    Keyword,
    /// A name.
    Identifier,
    /// Integer or float.
    Number,
    /// String delimiters and contents.
    String,
    /// A path or `<search>` path.
    Path,
    /// A URI literal.
    Uri,
    /// A comment.
    Comment,
    /// Operators and punctuation.
    Operator,
    /// `${` and `}` of an interpolation.
    Interpolation,
    /// Spaces and newlines.
    Whitespace,
    /// Anything the lexer could not classify.
    Error,
}

/// A classified token: byte range in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub class: TokenClass,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Splits `text` into classified tokens covering it entirely.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (kind, tok) in rnix::tokenize(text) {
        let class = match kind {
            K::TOKEN_ASSERT
            | K::TOKEN_ELSE
            | K::TOKEN_IF
            | K::TOKEN_IN
            | K::TOKEN_INHERIT
            | K::TOKEN_LET
            | K::TOKEN_OR
            | K::TOKEN_REC
            | K::TOKEN_THEN
            | K::TOKEN_WITH => TokenClass::Keyword,
            K::TOKEN_IDENT | K::TOKEN_CUR_POS => TokenClass::Identifier,
            K::TOKEN_INTEGER | K::TOKEN_FLOAT => TokenClass::Number,
            K::TOKEN_STRING_START | K::TOKEN_STRING_CONTENT | K::TOKEN_STRING_END => {
                TokenClass::String
            }
            K::TOKEN_PATH_ABS | K::TOKEN_PATH_REL | K::TOKEN_PATH_HOME | K::TOKEN_PATH_SEARCH => {
                TokenClass::Path
            }
            K::TOKEN_URI => TokenClass::Uri,
            K::TOKEN_COMMENT => TokenClass::Comment,
            K::TOKEN_WHITESPACE => TokenClass::Whitespace,
            K::TOKEN_INTERPOL_START | K::TOKEN_INTERPOL_END => TokenClass::Interpolation,
            K::TOKEN_ERROR => TokenClass::Error,
            _ => TokenClass::Operator,
        };
        out.push(Token {
            class,
            start: offset,
            end: offset + tok.len(),
        });
        offset += tok.len();
    }
    out
}

/// The rnix syntax tree of `text`, one node or token per line, indented.
pub fn syntax_tree(text: &str) -> String {
    let parse = rnix::Root::parse(text);
    let mut out = String::new();
    let mut depth = 0usize;
    for event in parse.syntax().preorder_with_tokens() {
        match event {
            rnix::WalkEvent::Enter(element) => {
                let range = element.text_range();
                out.push_str(&"  ".repeat(depth));
                match &element {
                    rnix::NodeOrToken::Node(n) => {
                        out.push_str(&format!(
                            "{:?}@{}..{}\n",
                            n.kind(),
                            u32::from(range.start()),
                            u32::from(range.end())
                        ));
                    }
                    rnix::NodeOrToken::Token(t) => {
                        out.push_str(&format!(
                            "{:?}@{}..{} {:?}\n",
                            t.kind(),
                            u32::from(range.start()),
                            u32::from(range.end()),
                            t.text()
                        ));
                    }
                }
                depth += 1;
            }
            rnix::WalkEvent::Leave(_) => depth -= 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_text() {
        let text = "let x = \"a${b}\"; in x # c\n";
        let toks = tokens(text);
        assert_eq!(toks.first().map(|t| t.class), Some(TokenClass::Keyword));
        assert_eq!(toks.last().map(|t| t.end), Some(text.len()));
        assert!(toks.iter().any(|t| t.class == TokenClass::Comment));
        assert!(syntax_tree("1 + 2").contains("NODE_BIN_OP"));
    }
}
