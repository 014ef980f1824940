//! The examples gallery: each example is a small file tree (`src/examples/ID/`).
//! Those marked `needs_derivation` evaluate once the evaluator supports `derivation`.

use crate::protocol::FileEntry;

/// One example of the gallery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Stable identifier (the folder name).
    pub id: &'static str,
    /// Title shown on its card.
    pub title: &'static str,
    /// One sentence about it.
    pub summary: &'static str,
    /// Its files, `default.nix` first.
    pub files: &'static [(&'static str, &'static str)],
    /// Whether it builds derivations.
    pub needs_derivation: bool,
}

impl Example {
    /// Its files as a file tree.
    pub fn entries(&self) -> Vec<FileEntry> {
        self.files
            .iter()
            .map(|(n, t)| FileEntry {
                name: n.to_string(),
                text: t.to_string(),
            })
            .collect()
    }
}

/// A piece of an example's summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryPart<'a> {
    /// Plain text.
    Text(&'a str),
    /// Inline code (written between backticks).
    Code(&'a str),
}

/// Splits a summary into text and `code` (between backticks); an unpaired backtick stays
/// text.
pub fn summary_parts(summary: &str) -> Vec<SummaryPart<'_>> {
    let mut parts = Vec::new();
    let mut rest = summary;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        if open > 0 {
            parts.push(SummaryPart::Text(&rest[..open]));
        }
        parts.push(SummaryPart::Code(&rest[open + 1..open + 1 + len]));
        rest = &rest[open + len + 2..];
    }
    if !rest.is_empty() {
        parts.push(SummaryPart::Text(rest));
    }
    parts
}

/// The example the playground opens with.
pub fn default_example() -> &'static Example {
    &EXAMPLES[0]
}

/// An example by id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

/// All examples, in gallery order.
pub static EXAMPLES: &[Example] = &[
    Example {
        id: "tour",
        title: "A tour of the language",
        summary: "let, attribute sets, lists, strings, functions, with, inherit and or: the basics in one file.",
        files: &[("default.nix", include_str!("examples/tour/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "functions",
        title: "Functions and patterns",
        summary: "Currying, partial application, set patterns with defaults, `...` and `@` patterns.",
        files: &[("default.nix", include_str!("examples/functions/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "fixpoint",
        title: "Fixed points",
        summary: "`fix` and `extends`: how a set can refer to its own final value, the idea behind nixpkgs.",
        files: &[("default.nix", include_str!("examples/fixpoint/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "lists",
        title: "Lists and builtins",
        summary: "genList, map, filter, foldl', sort, groupBy and listToAttrs.",
        files: &[("default.nix", include_str!("examples/lists/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "strings",
        title: "Strings",
        summary: "Interpolation, indented strings, split, match, replaceStrings and hashString.",
        files: &[("default.nix", include_str!("examples/strings/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "imports",
        title: "Several files",
        summary: "`import ./lib.nix`: a program split over three files of the tree.",
        files: &[("default.nix", include_str!("examples/imports/default.nix")), ("data.nix", include_str!("examples/imports/data.nix")), ("lib.nix", include_str!("examples/imports/lib.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "laziness",
        title: "Laziness",
        summary: "An infinite structure, a throw nobody forces: expand the value to compute more.",
        files: &[("default.nix", include_str!("examples/laziness/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "errors",
        title: "Errors and tryEval",
        summary: "throw, assert and builtins.tryEval; uncomment a line to see an error underlined.",
        files: &[("default.nix", include_str!("examples/errors/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "trace",
        title: "Tracing",
        summary: "builtins.trace shows when values are forced: see the Trace tab.",
        files: &[("default.nix", include_str!("examples/trace/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "json",
        title: "JSON",
        summary: "fromJSON and toJSON; the JSON tab prints any result as JSON.",
        files: &[("default.nix", include_str!("examples/json/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "derivation",
        title: "A derivation",
        summary: "builtins.derivation: name, system, builder and args, and the attributes it adds.",
        files: &[("default.nix", include_str!("examples/derivation/default.nix"))],
        needs_derivation: true,
    },
    Example {
        id: "multiple-outputs",
        title: "Multiple outputs",
        summary: "A derivation with out, dev and doc outputs and their paths.",
        files: &[("default.nix", include_str!("examples/multiple-outputs/default.nix"))],
        needs_derivation: true,
    },
    Example {
        id: "fixed-output",
        title: "A fixed-output derivation",
        summary: "An output known by its hash in advance, as fetchers produce.",
        files: &[("default.nix", include_str!("examples/fixed-output/default.nix"))],
        needs_derivation: true,
    },
    Example {
        id: "stdenv",
        title: "A stdenv-like builder",
        summary: "A small mkDerivation that fills in defaults and phases, like nixpkgs' stdenv.",
        files: &[("default.nix", include_str!("examples/stdenv/default.nix")), ("stdenv.nix", include_str!("examples/stdenv/stdenv.nix"))],
        needs_derivation: true,
    },
    Example {
        id: "override",
        title: "Overriding",
        summary: "makeOverridable and `.override`: change a package's arguments afterwards.",
        files: &[("default.nix", include_str!("examples/override/default.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "overlay",
        title: "Overlays",
        summary: "`final: prev:` overlays layered over a package set with a fixed point.",
        files: &[("default.nix", include_str!("examples/overlay/default.nix")), ("overlay.nix", include_str!("examples/overlay/overlay.nix"))],
        needs_derivation: false,
    },
    Example {
        id: "flake",
        title: "A flake",
        summary: "flake.nix with inputs and outputs, wired by hand in default.nix.",
        files: &[("default.nix", include_str!("examples/flake/default.nix")), ("flake.nix", include_str!("examples/flake/flake.nix"))],
        needs_derivation: false,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::protocol::{Command, Outcome, RequestId, ResultId};

    #[test]
    fn every_example_is_well_formed() {
        assert!(EXAMPLES.len() >= 12);
        for e in EXAMPLES {
            assert_eq!(e.files[0].0, "default.nix", "{}", e.id);
            crate::files::validate_tree(&e.entries()).unwrap();
            assert!(find(e.id).is_some());
        }
    }

    #[test]
    fn the_first_view_in_index_html_shows_the_default_example() {
        let page = include_str!("../index.html");
        let start = page
            .find("<pre id=\"boot-code\" class=\"boot-code\">")
            .unwrap();
        let code = &page[start..];
        let code = &code[code.find('>').unwrap() + 1..code.find("</pre>").unwrap()];
        let code = code
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let (name, text) = default_example().files[0];
        assert_eq!(name, "default.nix");
        assert_eq!(
            code, text,
            "index.html's #boot view must show the default example"
        );
    }

    #[test]
    fn summaries_show_backticks_as_code() {
        use SummaryPart::{Code, Text};
        assert_eq!(
            summary_parts("`fix` and `extends` here"),
            [Code("fix"), Text(" and "), Code("extends"), Text(" here")]
        );
        assert_eq!(summary_parts("a ` b"), [Text("a ` b")]);
        assert_eq!(summary_parts(""), []);
        for e in EXAMPLES {
            let code: usize = summary_parts(e.summary)
                .iter()
                .map(|p| match p {
                    Text(t) => t.matches('`').count(),
                    Code(_) => 0,
                })
                .sum();
            assert_eq!(code, 0, "{}: unpaired backtick", e.id);
        }
    }

    #[test]
    fn examples_without_derivations_evaluate_strictly() {
        for e in EXAMPLES
            .iter()
            .filter(|e| !e.needs_derivation && e.id != "laziness" && e.id != "flake")
        {
            let mut engine = Engine::new();
            let (out, _) = engine.run(
                RequestId(1),
                Command::Eval {
                    files: e.entries(),
                    entry: "default.nix".into(),
                    expand_budget: 100,
                },
            );
            assert!(
                matches!(out, Outcome::Evaluated(Ok(_))),
                "{}: {out:?}",
                e.id
            );
            let (printed, _) = engine.run(
                RequestId(2),
                Command::PrintStrict {
                    result: ResultId(1),
                },
            );
            assert!(
                matches!(printed, Outcome::Text(Ok(_))),
                "{}: {printed:?}",
                e.id
            );
        }
    }
}
