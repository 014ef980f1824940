//! Lesson prose: Markdown parsed into a small, safe document tree.
//!
//! Only CommonMark's structural elements survive: headings, paragraphs, lists, quotes,
//! rules, code blocks and inline text, code, emphasis and links. Raw HTML never passes
//! through: it becomes plain text and a [`Problem`] (so `nixpad lessons check` rejects the
//! lesson). Links must be `http(s):`, `mailto:`, `#anchor` or `lesson:CHAPTER/LESSON`;
//! images are not supported. A view can therefore render a [`Document`] without any
//! escaping decisions of its own beyond putting text in text nodes.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};
use serde::{Deserialize, Serialize};

use crate::tree::Problem;

/// The info-string word that makes a ```` ```nix ```` block runnable.
pub const RUNNABLE: &str = "runnable";
/// The info-string word that marks a runnable example as one that fails on purpose.
pub const EXPECT_ERROR: &str = "error";

/// A parsed Markdown text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Top-level blocks in order.
    pub blocks: Vec<Block>,
}

/// A block-level element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// `#`…`######` headings.
    Heading {
        /// 1 to 6.
        level: u8,
        /// An anchor made from the heading's text (`strings-and-paths`).
        anchor: String,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph {
        /// Its text.
        content: Vec<Inline>,
    },
    /// A fenced or indented code block.
    Code(CodeBlock),
    /// A bulleted or numbered list.
    List {
        /// The first number of a numbered list; `None` for bullets.
        start: Option<u64>,
        /// Each item's blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote (`>`), used for asides.
    Quote {
        /// Its blocks.
        blocks: Vec<Block>,
    },
    /// A thematic break (`---`).
    Rule,
}

/// A code block, possibly a runnable Nix example.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodeBlock {
    /// The first word of the info string (`nix`, `text`, …), if any.
    pub language: Option<String>,
    /// Marked ```` ```nix runnable ````: the page offers an inline editor with a Run button.
    pub runnable: bool,
    /// Marked ```` ```nix runnable error ````: the example fails on purpose
    /// (`lessons check` verifies that it does).
    pub expect_error: bool,
    /// The code, ending with a newline.
    pub code: String,
    /// 1-based line of the opening fence in `lesson.md`.
    pub line: u32,
}

/// An inline element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text (never markup: show it as text).
    Text {
        /// The text.
        text: String,
    },
    /// `` `code` ``.
    Code {
        /// The code.
        code: String,
    },
    /// `*emphasis*`.
    Emphasis {
        /// Its content.
        content: Vec<Inline>,
    },
    /// `**strong**`.
    Strong {
        /// Its content.
        content: Vec<Inline>,
    },
    /// A link with a checked URL (`http(s):`, `mailto:`, `#anchor` or `lesson:ID`).
    Link {
        /// The target. `lesson:language/let` names another lesson by id.
        url: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// A line break inside a paragraph (soft breaks are spaces).
    LineBreak,
}

impl Document {
    /// All code blocks, in document order (including those inside lists and quotes).
    pub fn code_blocks(&self) -> Vec<&CodeBlock> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a CodeBlock>) {
            for b in blocks {
                match b {
                    Block::Code(c) => out.push(c),
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                    Block::Quote { blocks } => walk(blocks, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }

    /// The runnable examples, in document order.
    pub fn runnable_examples(&self) -> Vec<&CodeBlock> {
        self.code_blocks()
            .into_iter()
            .filter(|c| c.runnable)
            .collect()
    }

    /// Every `lesson:` link target (without the scheme), in document order.
    pub fn lesson_links(&self) -> Vec<&str> {
        fn inl<'a>(xs: &'a [Inline], out: &mut Vec<&'a str>) {
            for x in xs {
                match x {
                    Inline::Link { url, content } => {
                        if let Some(id) = url.strip_prefix("lesson:") {
                            out.push(id);
                        }
                        inl(content, out);
                    }
                    Inline::Emphasis { content } | Inline::Strong { content } => inl(content, out),
                    _ => {}
                }
            }
        }
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
            for b in blocks {
                match b {
                    Block::Heading { content, .. } | Block::Paragraph { content } => {
                        inl(content, out)
                    }
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                    Block::Quote { blocks } => walk(blocks, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }

    /// The document's text without markup (for search or summaries).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        fn inl(xs: &[Inline], out: &mut String) {
            for x in xs {
                match x {
                    Inline::Text { text } => out.push_str(text),
                    Inline::Code { code } => out.push_str(code),
                    Inline::Emphasis { content }
                    | Inline::Strong { content }
                    | Inline::Link { content, .. } => inl(content, out),
                    Inline::LineBreak => out.push('\n'),
                }
            }
        }
        fn walk(blocks: &[Block], out: &mut String) {
            for b in blocks {
                match b {
                    Block::Heading { content, .. } | Block::Paragraph { content } => {
                        inl(content, out)
                    }
                    Block::Code(c) => out.push_str(&c.code),
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                    Block::Quote { blocks } => walk(blocks, out),
                    Block::Rule => {}
                }
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
        walk(&self.blocks, &mut out);
        out
    }
}

/// Parses Markdown. `file` and `first_line` (the 1-based line of `text`'s first line in
/// that file) place problems; the result is always a document, problems are listed apart.
pub fn parse_markdown(text: &str, file: &str, first_line: u32) -> (Document, Vec<Problem>) {
    let events: Vec<(Event<'_>, std::ops::Range<usize>)> = Parser::new_ext(text, Options::empty())
        .into_offset_iter()
        .collect();
    let mut p = MdParser {
        events,
        pos: 0,
        problems: Vec::new(),
        text,
        file,
        first_line,
    };
    let blocks = p.blocks();
    (Document { blocks }, p.problems)
}

struct MdParser<'a> {
    events: Vec<(Event<'a>, std::ops::Range<usize>)>,
    pos: usize,
    problems: Vec<Problem>,
    text: &'a str,
    file: &'a str,
    first_line: u32,
}

impl<'a> MdParser<'a> {
    fn line_at(&self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        let newlines = self.text.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.first_line + newlines as u32
    }

    fn problem(&mut self, offset: usize, message: String) {
        let line = self.line_at(offset);
        self.problems.push(Problem::at(self.file, line, message));
    }

    fn next(&mut self) -> Option<(Event<'a>, std::ops::Range<usize>)> {
        let e = self.events.get(self.pos).cloned();
        self.pos += 1;
        e
    }

    /// Blocks until the end of the enclosing element (its `End` is consumed) or the text.
    /// Inline events met at block level (tight list items) form implicit paragraphs.
    fn blocks(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        let mut loose: Vec<Inline> = Vec::new();
        let flush = |loose: &mut Vec<Inline>, out: &mut Vec<Block>| {
            if !loose.is_empty() {
                out.push(Block::Paragraph {
                    content: std::mem::take(loose),
                });
            }
        };
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::End(_) => break,
                Event::Start(Tag::Paragraph) => {
                    flush(&mut loose, &mut out);
                    let content = self.inlines();
                    out.push(Block::Paragraph { content });
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    flush(&mut loose, &mut out);
                    let content = self.inlines();
                    let anchor = anchor_of(&content);
                    out.push(Block::Heading {
                        level: level as u8,
                        anchor,
                        content,
                    });
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    flush(&mut loose, &mut out);
                    let blocks = self.blocks();
                    out.push(Block::Quote { blocks });
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    flush(&mut loose, &mut out);
                    let info = match kind {
                        CodeBlockKind::Fenced(info) => info.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    let mut code = String::new();
                    while let Some((ev, _)) = self.next() {
                        match ev {
                            Event::Text(t) => code.push_str(&t),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    let mut words = info.split_whitespace();
                    let language = words.next().map(str::to_string);
                    let flags: Vec<&str> = words.collect();
                    let runnable = flags.contains(&RUNNABLE);
                    let expect_error = flags.contains(&EXPECT_ERROR);
                    if runnable && language.as_deref() != Some("nix") {
                        self.problem(range.start, "only ```nix blocks can be runnable".into());
                    }
                    if expect_error && !runnable {
                        self.problem(
                            range.start,
                            "`error` only applies to runnable examples (```nix runnable error)"
                                .into(),
                        );
                    }
                    for f in &flags {
                        if *f != RUNNABLE && *f != EXPECT_ERROR {
                            let msg =
                                format!("unknown code block flag '{f}' (known: runnable, error)");
                            self.problem(range.start, msg);
                        }
                    }
                    let line = self.line_at(range.start);
                    out.push(Block::Code(CodeBlock {
                        language,
                        runnable,
                        expect_error,
                        code,
                        line,
                    }));
                }
                Event::Start(Tag::List(start)) => {
                    flush(&mut loose, &mut out);
                    let mut items = Vec::new();
                    while let Some((ev, _)) = self.next() {
                        match ev {
                            Event::Start(Tag::Item) => items.push(self.blocks()),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    out.push(Block::List { start, items });
                }
                Event::Start(Tag::HtmlBlock) => {
                    flush(&mut loose, &mut out);
                    let mut html = String::new();
                    while let Some((ev, _)) = self.next() {
                        match ev {
                            Event::Html(t) | Event::Text(t) => html.push_str(&t),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    self.problem(
                        range.start,
                        "raw HTML is not allowed in lessons (it is shown as text)".into(),
                    );
                    out.push(Block::Paragraph {
                        content: vec![Inline::Text { text: html }],
                    });
                }
                Event::Rule => {
                    flush(&mut loose, &mut out);
                    out.push(Block::Rule);
                }
                Event::Start(ref tag) if !is_inline_tag(tag) => {
                    // Anything else (not enabled): keep its content as blocks.
                    flush(&mut loose, &mut out);
                    let inner = self.blocks();
                    out.extend(inner);
                }
                other => {
                    if let Some(i) = self.inline_event(other, range) {
                        push_inline(&mut loose, i);
                    }
                }
            }
        }
        flush(&mut loose, &mut out);
        out
    }

    /// Inlines until the end of the enclosing element (its `End` is consumed).
    fn inlines(&mut self) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        while let Some((ev, range)) = self.next() {
            if matches!(ev, Event::End(_)) {
                break;
            }
            if let Some(i) = self.inline_event(ev, range) {
                push_inline(&mut out, i);
            }
        }
        out
    }

    fn inline_event(&mut self, ev: Event<'a>, range: std::ops::Range<usize>) -> Option<Inline> {
        Some(match ev {
            Event::Text(t) => Inline::Text {
                text: t.to_string(),
            },
            Event::Code(c) => Inline::Code {
                code: c.to_string(),
            },
            Event::SoftBreak => Inline::Text { text: " ".into() },
            Event::HardBreak => Inline::LineBreak,
            Event::Html(h) | Event::InlineHtml(h) => {
                self.problem(
                    range.start,
                    format!("raw HTML is not allowed in lessons: {}", h.trim()),
                );
                Inline::Text {
                    text: h.to_string(),
                }
            }
            Event::Start(Tag::Emphasis) => Inline::Emphasis {
                content: self.inlines(),
            },
            Event::Start(Tag::Strong) => Inline::Strong {
                content: self.inlines(),
            },
            Event::Start(Tag::Link { dest_url, .. }) => {
                let content = self.inlines();
                let url = dest_url.to_string();
                if is_safe_url(&url) {
                    Inline::Link { url, content }
                } else {
                    let msg = format!(
                        "link target '{url}' is not allowed (use http(s):, mailto:, #anchor or lesson:CHAPTER/LESSON)"
                    );
                    self.problem(range.start, msg);
                    Inline::Emphasis { content }
                }
            }
            Event::Start(Tag::Image { .. }) => {
                let content = self.inlines();
                self.problem(range.start, "images are not supported in lessons".into());
                Inline::Emphasis { content }
            }
            Event::Start(_) => Inline::Emphasis {
                content: self.inlines(),
            },
            _ => return None,
        })
    }
}

/// Appends an inline, merging adjacent text (pulldown splits text at special characters).
fn push_inline(out: &mut Vec<Inline>, i: Inline) {
    if let (Inline::Text { text: new }, Some(Inline::Text { text })) = (&i, out.last_mut()) {
        text.push_str(new);
        return;
    }
    out.push(i);
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// Whether a link target may appear in a lesson.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (lower.starts_with('#') && lower.len() > 1)
        || lower
            .strip_prefix("lesson:")
            .is_some_and(|id| !id.is_empty())
}

fn anchor_of(content: &[Inline]) -> String {
    let text = Document {
        blocks: vec![Block::Paragraph {
            content: content.to_vec(),
        }],
    }
    .plain_text();
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Document, Vec<Problem>) {
        parse_markdown(text, "lesson.md", 5)
    }

    #[test]
    fn runnable_and_plain_code_blocks() {
        let (doc, problems) = parse("Intro.\n\n```nix runnable\n1 + 2\n```\n\n```nix\nx: x\n```\n\n```nix runnable error\nthrow \"no\"\n```\n");
        assert!(problems.is_empty(), "{problems:?}");
        let blocks = doc.code_blocks();
        assert_eq!(blocks.len(), 3);
        assert!(blocks[0].runnable && !blocks[0].expect_error);
        assert_eq!(blocks[0].code, "1 + 2\n");
        assert_eq!(blocks[0].line, 7);
        assert!(!blocks[1].runnable);
        assert!(blocks[2].runnable && blocks[2].expect_error);
        assert_eq!(doc.runnable_examples().len(), 2);
    }

    #[test]
    fn raw_html_becomes_text_and_a_problem() {
        let (doc, problems) =
            parse("Hello <script>alert(1)</script> world\n\n<div>\nblock\n</div>\n");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].message.contains("raw HTML"));
        assert_eq!(problems[0].line, Some(5));
        assert_eq!(problems[2].line, Some(7));
        let Block::Paragraph { content } = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        assert_eq!(
            content,
            &vec![Inline::Text {
                text: "Hello <script>alert(1)</script> world".into()
            }]
        );
        assert!(doc.plain_text().contains("<div>"));
    }

    #[test]
    fn unsafe_links_and_images_are_rejected() {
        let (doc, problems) =
            parse("[a](javascript:alert(1)) [b](https://nixos.org) [c](lesson:language/let) ![i](x.png)\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("javascript:"));
        assert!(problems[1].message.contains("images"));
        assert_eq!(doc.lesson_links(), vec!["language/let"]);
        let Block::Paragraph { content } = &doc.blocks[0] else {
            panic!()
        };
        assert!(matches!(&content[0], Inline::Emphasis { .. }));
        assert!(matches!(&content[2], Inline::Link { url, .. } if url == "https://nixos.org"));
    }

    #[test]
    fn structure_of_headings_lists_and_inlines() {
        let (doc, problems) =
            parse("## Strings & paths\n\n- one `x`\n- **two** *three*\n\n> aside\n\n---\n");
        assert!(problems.is_empty());
        assert_eq!(doc.blocks.len(), 4);
        assert!(
            matches!(&doc.blocks[0], Block::Heading { level: 2, anchor, .. } if anchor == "strings-paths")
        );
        let Block::List { start: None, items } = &doc.blocks[1] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        let Block::Paragraph { content } = &items[0][0] else {
            panic!()
        };
        assert_eq!(content[1], Inline::Code { code: "x".into() });
        assert!(matches!(&doc.blocks[2], Block::Quote { .. }));
        assert_eq!(doc.blocks[3], Block::Rule);
    }

    #[test]
    fn text_is_merged_in_tight_list_items() {
        let (doc, _) = parse("- a [b] c's & d\n");
        let Block::List { items, .. } = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        let Block::Paragraph { content } = &items[0][0] else {
            panic!("{doc:?}")
        };
        assert_eq!(
            content,
            &vec![Inline::Text {
                text: "a [b] c's & d".into()
            }]
        );
    }

    #[test]
    fn bad_flags_are_reported() {
        let (_, problems) = parse("```sh runnable\nls\n```\n\n```nix runable\n1\n```\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[1].message.contains("runable"));
    }

    #[test]
    fn document_round_trips_through_json() {
        let (doc, _) =
            parse("# T\n\nText with `code` and [link](https://x.y).\n\n```nix runnable\n1\n```\n");
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(doc, back);
    }
}
