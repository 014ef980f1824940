//! String literal processing: escapes of `"..."` strings and the indentation stripping
//! of `''...''` strings, from the raw token text rnix gives us.

use rnix::ast::{Interpol, InterpolPart};

/// A processed piece of a string literal.
pub enum Piece {
    /// Literal bytes.
    Lit(Vec<u8>),
    /// An interpolation `${...}`.
    Interp(Interpol),
}

fn push_lit(out: &mut Vec<Piece>, bytes: &[u8]) {
    if let Some(Piece::Lit(last)) = out.last_mut() {
        last.extend_from_slice(bytes);
    } else {
        out.push(Piece::Lit(bytes.to_vec()));
    }
}

/// Processes a `"..."` string: `\n \r \t`, and `\c` → `c` for any other `c`.
pub fn plain(parts: &[InterpolPart<String>]) -> Vec<Piece> {
    let mut out = Vec::new();
    for part in parts {
        match part {
            InterpolPart::Literal(raw) => {
                let mut bytes = Vec::with_capacity(raw.len());
                let mut it = raw.bytes().peekable();
                while let Some(b) = it.next() {
                    if b == b'\r' {
                        // A raw CR or CRLF in a "..." string is a newline.
                        if it.peek() == Some(&b'\n') {
                            it.next();
                        }
                        bytes.push(b'\n');
                    } else if b == b'\\' {
                        match it.next() {
                            Some(b'n') => bytes.push(b'\n'),
                            Some(b'r') => bytes.push(b'\r'),
                            Some(b't') => bytes.push(b'\t'),
                            Some(c) => bytes.push(c),
                            None => {}
                        }
                    } else {
                        bytes.push(b);
                    }
                }
                push_lit(&mut out, &bytes);
            }
            InterpolPart::Interpolation(i) => out.push(Piece::Interp(i.clone())),
        }
    }
    out
}

/// A token of an indented string before indentation stripping.
enum Tok {
    /// Text whose leading spaces count as indentation.
    Text(Vec<u8>),
    /// An escape (`''$`, `'''`, `''\x`): never indentation.
    Escape(Vec<u8>),
    /// An interpolation.
    Interp(Interpol),
}

fn tokens(parts: &[InterpolPart<String>]) -> Vec<Tok> {
    let mut toks = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        match part {
            InterpolPart::Interpolation(i) => toks.push(Tok::Interp(i.clone())),
            InterpolPart::Literal(raw) => {
                let mut raw = raw.as_bytes();
                if index == 0 {
                    // `''` followed by spaces and a newline: that first line is dropped.
                    let spaces = raw.iter().take_while(|&&b| b == b' ').count();
                    if raw.get(spaces) == Some(&b'\n') {
                        raw = &raw[spaces + 1..];
                    }
                }
                let mut text = Vec::new();
                let mut i = 0;
                while i < raw.len() {
                    if raw[i] == b'\'' && raw.get(i + 1) == Some(&b'\'') {
                        let escaped: Option<(Vec<u8>, usize)> = match raw.get(i + 2) {
                            Some(b'$') => Some((b"$".to_vec(), 3)),
                            Some(b'\'') => Some((b"''".to_vec(), 3)),
                            Some(b'\\') => match raw.get(i + 3) {
                                Some(b'n') => Some((b"\n".to_vec(), 4)),
                                Some(b'r') => Some((b"\r".to_vec(), 4)),
                                Some(b't') => Some((b"\t".to_vec(), 4)),
                                Some(&c) => {
                                    // Keep a whole UTF-8 character together.
                                    let len = utf8_len(c);
                                    let end = (i + 3 + len).min(raw.len());
                                    Some((raw[i + 3..end].to_vec(), end - i))
                                }
                                None => Some((Vec::new(), 3)),
                            },
                            _ => None,
                        };
                        if let Some((bytes, used)) = escaped {
                            if !text.is_empty() {
                                toks.push(Tok::Text(std::mem::take(&mut text)));
                            }
                            toks.push(Tok::Escape(bytes));
                            i += used;
                            continue;
                        }
                    }
                    text.push(raw[i]);
                    i += 1;
                }
                if !text.is_empty() {
                    toks.push(Tok::Text(text));
                }
            }
        }
    }
    toks
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Processes a `''...''` string: escapes, then strips the common indentation. Also says
/// whether it was made of several literal fragments (Nix then builds it at run time, so it
/// is a thunk, not a constant, which shows in lazy printing).
pub fn indented(parts: &[InterpolPart<String>]) -> (Vec<Piece>, bool) {
    let toks = tokens(parts);
    // Pass 1: the minimum indentation of lines with content.
    let mut at_line_start = true;
    let mut cur_indent = 0usize;
    let mut min_indent = usize::MAX;
    for tok in &toks {
        match tok {
            Tok::Text(bytes) => {
                for &b in bytes {
                    if at_line_start {
                        if b == b' ' {
                            cur_indent += 1;
                        } else if b == b'\n' {
                            cur_indent = 0;
                        } else {
                            at_line_start = false;
                            min_indent = min_indent.min(cur_indent);
                        }
                    } else if b == b'\n' {
                        at_line_start = true;
                        cur_indent = 0;
                    }
                }
            }
            Tok::Escape(_) | Tok::Interp(_) => {
                if at_line_start {
                    at_line_start = false;
                    min_indent = min_indent.min(cur_indent);
                }
            }
        }
    }
    // Pass 2: drop that many spaces from each line.
    let mut out = Vec::new();
    let mut fragments = 0usize;
    at_line_start = true;
    let mut dropped = 0usize;
    let last = toks.len().saturating_sub(1);
    for (i, tok) in toks.into_iter().enumerate() {
        match tok {
            Tok::Interp(interp) => {
                at_line_start = false;
                dropped = 0;
                out.push(Piece::Interp(interp));
            }
            // Escapes count as content when measuring the indentation, but their text
            // goes through the same stripping as plain text (an escaped newline starts a
            // line whose indentation is then removed), as in Nix.
            Tok::Escape(bytes) | Tok::Text(bytes) => {
                let mut s = Vec::with_capacity(bytes.len());
                for b in bytes {
                    if at_line_start {
                        if b == b' ' {
                            if dropped >= min_indent {
                                s.push(b);
                            }
                            dropped += 1;
                        } else if b == b'\n' {
                            dropped = 0;
                            s.push(b);
                        } else {
                            at_line_start = false;
                            dropped = 0;
                            s.push(b);
                        }
                    } else {
                        s.push(b);
                        if b == b'\n' {
                            at_line_start = true;
                        }
                    }
                }
                if i == last {
                    // A last line of only spaces is removed.
                    if let Some(p) = s.iter().rposition(|&b| b == b'\n') {
                        if s[p + 1..].iter().all(|&b| b == b' ') {
                            s.truncate(p + 1);
                        }
                    }
                }
                if !s.is_empty() {
                    fragments += 1;
                }
                push_lit(&mut out, &s);
            }
        }
    }
    (out, fragments > 1)
}
