//! Highlighting: the evaluator's own tokens, cut into coloured segments, with the error
//! span marked.

use nixpad_eval::syntax::{tokens, TokenClass};

/// A run of text drawn in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// CSS class of the token kind (`tk-kw`, `tk-str`, ...), empty for whitespace.
    pub class: &'static str,
    /// Byte range in the text.
    pub start: usize,
    /// One past the end.
    pub end: usize,
    /// Inside the error span.
    pub error: bool,
}

/// The CSS class for a token class.
pub fn class_name(class: TokenClass) -> &'static str {
    match class {
        TokenClass::Keyword => "tk-kw",
        TokenClass::Identifier => "tk-id",
        TokenClass::Number => "tk-num",
        TokenClass::String => "tk-str",
        TokenClass::Path => "tk-path",
        TokenClass::Uri => "tk-uri",
        TokenClass::Comment => "tk-com",
        TokenClass::Operator => "tk-op",
        TokenClass::Interpolation => "tk-interp",
        TokenClass::Whitespace => "",
        TokenClass::Error => "tk-err",
    }
}

/// The error span to draw: clamped to the text, at least one character wide (an empty
/// span at the end of the text underlines nothing).
pub fn visible_span(text: &str, span: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let (start, end) = span?;
    if start >= text.len() {
        return None;
    }
    let mut start = start;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = end.clamp(start, text.len());
    if end == start {
        end = start + text[start..].chars().next().map_or(0, char::len_utf8);
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    // A span that ends in a newline would underline nothing visible there.
    Some((start, end))
}

/// Segments covering `text` in order; token boundaries are split at the error span.
pub fn segments(text: &str, error: Option<(usize, usize)>) -> Vec<Segment> {
    let error = visible_span(text, error);
    let mut out = Vec::new();
    for tok in tokens(text) {
        let class = class_name(tok.class);
        let mut cuts = vec![tok.start, tok.end];
        if let Some((s, e)) = error {
            for p in [s, e] {
                if p > tok.start && p < tok.end {
                    cuts.push(p);
                }
            }
        }
        cuts.sort_unstable();
        for w in cuts.windows(2) {
            let (start, end) = (w[0], w[1]);
            if start < end {
                let error = error.is_some_and(|(s, e)| start >= s && end <= e);
                out.push(Segment {
                    class,
                    start,
                    end,
                    error,
                });
            }
        }
    }
    out
}

/// Number of lines (a trailing newline starts an empty last line).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|b| *b == b'\n').count() + 1
}

/// Length in characters of the longest line.
pub fn longest_line(text: &str) -> usize {
    text.split('\n')
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// The byte offset of a (0-based) line and character column, if it exists.
pub fn offset_at(text: &str, line: usize, col: usize) -> Option<usize> {
    let start = if line == 0 {
        0
    } else {
        text.match_indices('\n').nth(line - 1)?.0 + 1
    };
    let line_text = &text[start..];
    let line_text = &line_text[..line_text.find('\n').unwrap_or(line_text.len())];
    let (i, _) = line_text.char_indices().nth(col)?;
    Some(start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_text_and_split_at_error() {
        let text = "let x = 1; in x + \"a\"";
        let segs = segments(text, Some((14, 15)));
        assert_eq!(segs.first().map(|s| s.class), Some("tk-kw"));
        assert_eq!(segs.last().map(|s| s.end), Some(text.len()));
        let err: Vec<_> = segs.iter().filter(|s| s.error).collect();
        assert_eq!(err.len(), 1);
        assert_eq!(&text[err[0].start..err[0].end], "x");
        // A span inside one token cuts it in three.
        let segs = segments("abcdef", Some((2, 4)));
        assert_eq!(
            segs.iter()
                .map(|s| (s.start, s.end, s.error))
                .collect::<Vec<_>>(),
            vec![(0, 2, false), (2, 4, true), (4, 6, false)]
        );
    }

    #[test]
    fn spans_are_clamped() {
        assert_eq!(visible_span("abc", Some((1, 1))), Some((1, 2)));
        assert_eq!(visible_span("abc", Some((5, 9))), None);
        assert_eq!(visible_span("aü", Some((2, 2))), Some((1, 3)));
        assert_eq!(visible_span("abc", Some((0, 99))), Some((0, 3)));
    }

    #[test]
    fn positions() {
        assert_eq!(line_count("a\nb\n"), 3);
        assert_eq!(longest_line("ab\nüüü"), 3);
        assert_eq!(offset_at("ab\ncd", 1, 1), Some(4));
        assert_eq!(offset_at("ab\ncd", 2, 0), None);
        assert_eq!(offset_at("ab", 0, 5), None);
    }
}
