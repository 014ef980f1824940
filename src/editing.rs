//! Editor keystrokes as pure text edits: indentation, bracket and quote pairing,
//! auto-indent on Enter.
//!
//! Offsets are byte offsets into the text; the page converts them from and to the
//! textarea's UTF-16 offsets ([`utf16_to_byte`], [`byte_to_utf16`]) and applies an
//! [`Edit`] with the browser's own `insertText` so native undo keeps working.

/// The unit of indentation.
pub const INDENT: &str = "  ";

/// Replace `start..end` by `insert`, then select `sel_start..sel_end` (in the new text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced.
    pub end: usize,
    /// The new text.
    pub insert: String,
    /// Selection start afterwards.
    pub sel_start: usize,
    /// Selection end afterwards.
    pub sel_end: usize,
}

/// A byte offset for a UTF-16 offset (clamped to the text, on a char boundary).
pub fn utf16_to_byte(text: &str, units: usize) -> usize {
    let mut count = 0;
    for (i, c) in text.char_indices() {
        if count >= units {
            return i;
        }
        count += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 offset of a byte offset.
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices()
        .take_while(|(i, _)| *i < byte)
        .map(|(_, c)| c.len_utf16())
        .sum()
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The whole lines touched by `start..end` (a selection ending at a line's start does
/// not touch that line).
fn block(text: &str, start: usize, end: usize) -> (usize, usize) {
    let first = line_start(text, start);
    let end = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    (first, line_end(text, end.max(first)))
}

/// Tab: indent the selected lines, or insert an indent at the cursor.
pub fn indent(text: &str, start: usize, end: usize) -> Edit {
    if !text[start..end].contains('\n') {
        let insert = INDENT.to_string();
        let at = start + insert.len();
        return Edit {
            start,
            end,
            insert,
            sel_start: at,
            sel_end: at,
        };
    }
    let (first, last) = block(text, start, end);
    let insert: Vec<String> = text[first..last]
        .split('\n')
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{INDENT}{l}")
            }
        })
        .collect();
    let insert = insert.join("\n");
    let sel_end = first + insert.len();
    Edit {
        start: first,
        end: last,
        insert,
        sel_start: first,
        sel_end,
    }
}

/// Shift+Tab: remove one indent (or a tab) from the start of each selected line.
pub fn outdent(text: &str, start: usize, end: usize) -> Edit {
    let (first, last) = block(text, start, end);
    let mut removed_first = 0;
    let lines: Vec<&str> = text[first..last].split('\n').collect();
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let cut = if l.starts_with('\t') {
            1
        } else {
            l.len() - l.trim_start_matches(' ').len()
        }
        .min(INDENT.len());
        let cut = if l.starts_with('\t') { 1 } else { cut };
        if i == 0 {
            removed_first = cut;
        }
        out.push(&l[cut..]);
    }
    let insert = out.join("\n");
    if start == end {
        let at = start.saturating_sub(removed_first).max(first);
        return Edit {
            start: first,
            end: last,
            insert,
            sel_start: at,
            sel_end: at,
        };
    }
    let sel_end = first + insert.len();
    Edit {
        start: first,
        end: last,
        insert,
        sel_start: first,
        sel_end,
    }
}

fn closing(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        '"' => Some('"'),
        _ => None,
    }
}

/// A typed character that the editor handles itself (pairs, stepping over closers);
/// `None` lets the browser insert it as usual.
pub fn type_char(text: &str, start: usize, end: usize, c: char) -> Option<Edit> {
    let next = text[end..].chars().next();
    let prev = text[..start].chars().next_back();
    if start == end && matches!(c, ')' | ']' | '}' | '"') && next == Some(c) {
        let at = end + c.len_utf8();
        return Some(Edit {
            start,
            end,
            insert: String::new(),
            sel_start: at,
            sel_end: at,
        });
    }
    let close = closing(c)?;
    if start != end {
        // Wrap the selection.
        let inner = &text[start..end];
        let insert = format!("{c}{inner}{close}");
        return Some(Edit {
            start,
            end,
            insert,
            sel_start: start + 1,
            sel_end: end + 1,
        });
    }
    let next_ok =
        next.is_none_or(|n| n.is_whitespace() || matches!(n, ')' | ']' | '}' | ';' | ','));
    let prev_ok = c != '"' || prev.is_none_or(|p| !(p.is_alphanumeric() || p == '\\' || p == '"'));
    if !(next_ok && prev_ok) {
        return None;
    }
    let at = start + 1;
    Some(Edit {
        start,
        end,
        insert: format!("{c}{close}"),
        sel_start: at,
        sel_end: at,
    })
}

/// Backspace between an empty pair (`(|)`) deletes both; `None` otherwise.
pub fn backspace(text: &str, start: usize, end: usize) -> Option<Edit> {
    if start != end {
        return None;
    }
    let prev = text[..start].chars().next_back()?;
    let next = text[end..].chars().next()?;
    (closing(prev) == Some(next)).then(|| Edit {
        start: start - prev.len_utf8(),
        end: end + next.len_utf8(),
        insert: String::new(),
        sel_start: start - prev.len_utf8(),
        sel_end: start - prev.len_utf8(),
    })
}

/// Enter: a new line with the current line's indentation, one more after an opening
/// bracket, and the closer on its own line when the cursor sits inside a pair.
pub fn newline(text: &str, start: usize, end: usize) -> Edit {
    let first = line_start(text, start);
    let indent: String = text[first..start]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let prev = text[..start].trim_end_matches(' ').chars().next_back();
    let next = text[end..].chars().next();
    let opens = matches!(prev, Some('{' | '[' | '('));
    if opens && next.is_some_and(|n| Some(n) == prev.and_then(closing)) {
        let inner = format!("\n{indent}{INDENT}");
        let insert = format!("{inner}\n{indent}");
        let at = start + inner.len();
        return Edit {
            start,
            end,
            insert,
            sel_start: at,
            sel_end: at,
        };
    }
    let extra = if opens || text[first..start].trim_end().ends_with(" =") {
        INDENT
    } else {
        ""
    };
    let insert = format!("\n{indent}{extra}");
    let at = start + insert.len();
    Edit {
        start,
        end,
        insert,
        sel_start: at,
        sel_end: at,
    }
}

/// The text after applying `edit`.
pub fn apply(text: &str, edit: &Edit) -> String {
    format!(
        "{}{}{}",
        &text[..edit.start],
        edit.insert,
        &text[edit.end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs an edit on text where `|` marks the cursor (or `[`..`]` a selection) and
    /// shows the result the same way.
    fn check(input: &str, f: impl Fn(&str, usize, usize) -> Option<Edit>, expected: &str) {
        let (text, start, end) = if let Some(at) = input.find('|') {
            (input.replacen('|', "", 1), at, at)
        } else {
            let s = input.find('«').unwrap();
            let t = input.replacen('«', "", 1);
            let e = t.find('»').unwrap();
            (t.replacen('»', "", 1), s, e)
        };
        let got = match f(&text, start, end) {
            None => "(none)".to_string(),
            Some(edit) => {
                let out = apply(&text, &edit);
                if edit.sel_start == edit.sel_end {
                    format!("{}|{}", &out[..edit.sel_start], &out[edit.sel_start..])
                } else {
                    format!(
                        "{}«{}»{}",
                        &out[..edit.sel_start],
                        &out[edit.sel_start..edit.sel_end],
                        &out[edit.sel_end..]
                    )
                }
            }
        };
        assert_eq!(got, expected, "input {input:?}");
    }

    #[test]
    fn tab_and_shift_tab() {
        check("a|b", |t, s, e| Some(indent(t, s, e)), "a  |b");
        check(
            "«a\nb»\nc",
            |t, s, e| Some(indent(t, s, e)),
            "«  a\n  b»\nc",
        );
        check(
            "x\n«a\n\nb\n»c",
            |t, s, e| Some(indent(t, s, e)),
            "x\n«  a\n\n  b»\nc",
        );
        check("    a|b", |t, s, e| Some(outdent(t, s, e)), "  a|b");
        check(" |ab", |t, s, e| Some(outdent(t, s, e)), "|ab");
        check(
            "«  a\n    b\nc»",
            |t, s, e| Some(outdent(t, s, e)),
            "«a\n  b\nc»",
        );
        check("\ta|", |t, s, e| Some(outdent(t, s, e)), "a|");
    }

    #[test]
    fn pairs() {
        check("x = |;", |t, s, e| type_char(t, s, e, '{'), "x = {|};");
        check("|", |t, s, e| type_char(t, s, e, '"'), "\"|\"");
        check("\"abc|\"", |t, s, e| type_char(t, s, e, '"'), "\"abc\"|");
        check("f (x|)", |t, s, e| type_char(t, s, e, ')'), "f (x)|");
        check("|abc", |t, s, e| type_char(t, s, e, '('), "(none)");
        check("a|", |t, s, e| type_char(t, s, e, '"'), "(none)");
        check("«a b»", |t, s, e| type_char(t, s, e, '['), "[«a b»]");
        check("x|", |t, s, e| type_char(t, s, e, 'y'), "(none)");
        check("[|]", backspace, "|");
        check("[a|]", backspace, "(none)");
    }

    #[test]
    fn enter() {
        check(
            "  a = {|}",
            |t, s, e| Some(newline(t, s, e)),
            "  a = {\n    |\n  }",
        );
        check("  a;|", |t, s, e| Some(newline(t, s, e)), "  a;\n  |");
        check("  a =|", |t, s, e| Some(newline(t, s, e)), "  a =\n    |");
    }

    #[test]
    fn utf16_offsets() {
        let t = "aü😀b";
        assert_eq!(utf16_to_byte(t, 0), 0);
        assert_eq!(utf16_to_byte(t, 2), 3);
        assert_eq!(utf16_to_byte(t, 4), 7);
        assert_eq!(utf16_to_byte(t, 99), t.len());
        assert_eq!(byte_to_utf16(t, 7), 4);
        assert_eq!(byte_to_utf16(t, 99), 5);
    }
}
