//! Where a module system error points: the module system (`lib.evalModules`) reports a bad
//! definition by option name and file (``A definition for option `port' is not of type
//! …  - In `/machine.nix': "eighty"``), and its `throw` sits in the package set, so the
//! evaluator's position is useless to the learner. This module reads the option and the
//! files from the message and finds the definition in those files' syntax, so the editor
//! underlines the line that sets the option.

use rnix::ast;
use rnix::{SyntaxKind as K, SyntaxNode};
use rowan::ast::AstNode;

use crate::check::{Files, Location};
use crate::syntax::static_attr;

/// The definition an error about a module option blames, when the message names an
/// option and one of `files` defines it: the files the message names, or any file when
/// it names only `<unknown-file>`.
pub fn module_error_location(message: &str, files: &Files) -> Option<Location> {
    if !message.contains("definition") {
        return None;
    }
    let loc = option_path(message)?;
    let named: Vec<&str> = message
        .split("In `")
        .skip(1)
        .filter_map(|rest| rest.split_once('\'').map(|(file, _)| file))
        .collect();
    let blamed = |name: &str| {
        named
            .iter()
            .any(|f| *f == name || f.ends_with(&format!("/{name}")))
    };
    let (first, rest): (Vec<_>, Vec<_>) = files.iter().partition(|(name, _)| blamed(name));
    let search = |candidates: &[(&String, &String)]| {
        let mut best: Option<(Match, Location)> = None;
        for (name, text) in candidates {
            if let Some((quality, start, end)) = find_definition(text, &loc) {
                if best.as_ref().is_none_or(|(q, _)| quality > *q) {
                    best = Some((quality, location(name, text, start, end)));
                }
            }
        }
        best.map(|(_, l)| l)
    };
    // A definition in a module without a file (an inline set) may be in any file; one
    // in a file the tree does not hold (a lesson's hidden module) is in none of them.
    let anywhere = named.iter().all(|f| *f == "<unknown-file>");
    search(&first).or_else(|| if anywhere { search(&rest) } else { None })
}

/// The option path of the first ``option `a.b."c.d"'`` in `message`.
fn option_path(message: &str) -> Option<Vec<String>> {
    let start = message.find("option `")? + "option `".len();
    let rest = &message[start..];
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = rest.chars();
    let mut quoted = false;
    loop {
        match chars.next()? {
            '"' => quoted = !quoted,
            '\\' if quoted => current.push(chars.next()?),
            '.' if !quoted => parts.push(std::mem::take(&mut current)),
            '\'' if !quoted => break,
            c => current.push(c),
        }
    }
    parts.push(current);
    (!parts.iter().any(String::is_empty)).then_some(parts)
}

/// How well a binding matches the option, worst first: it defines a set the option is
/// part of with something other than a set literal (`services.web = cfg;`), or a value
/// inside the option (`hosts."a.org".root` for `hosts`), or the option itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    Inside,
    Around,
    Exact,
}

/// The best binding of `text` that defines `loc` (under `config` or not): its quality and
/// byte range (the value for an exact match, else the attribute path).
fn find_definition(text: &str, loc: &[String]) -> Option<(Match, u32, u32)> {
    let parse = rnix::Root::parse(text);
    if !parse.errors().is_empty() {
        return None;
    }
    let mut best: Option<(Match, u32, u32)> = None;
    for node in parse.syntax().descendants() {
        let Some(binding) = ast::AttrpathValue::cast(node) else {
            continue;
        };
        let Some(path) = binding_path(&binding) else {
            continue;
        };
        let path = match path.split_first() {
            Some((head, tail)) if head == "config" && !loc.starts_with(&path[..1]) => tail.to_vec(),
            _ => path,
        };
        let quality = if path == loc {
            Match::Exact
        } else if path.starts_with(loc) {
            Match::Inside
        } else if !path.is_empty() && loc.starts_with(&path) && defines_within(&binding) {
            Match::Around
        } else {
            continue;
        };
        let range = match (quality, binding.value()) {
            (Match::Exact, Some(value)) => value.syntax().text_range(),
            _ => binding.attrpath()?.syntax().text_range(),
        };
        if best.is_none_or(|(q, _, _)| quality > q) {
            best = Some((quality, range.start().into(), range.end().into()));
        }
    }
    best
}

/// Whether a binding's value is not itself a set of further bindings (a set is looked
/// into instead: its bindings match better).
fn defines_within(binding: &ast::AttrpathValue) -> bool {
    !matches!(binding.value(), Some(ast::Expr::AttrSet(_)))
}

/// The full attribute path a binding defines, through enclosing sets and the calls that
/// wrap definitions (`mkIf c { … }`, `mkMerge [ { … } ]`, `mkDefault { … }`); `None`
/// when a part is dynamic.
fn binding_path(binding: &ast::AttrpathValue) -> Option<Vec<String>> {
    let mut path = own_path(binding)?;
    let mut node: SyntaxNode = binding.syntax().parent()?;
    loop {
        // `node` is the set holding the binding: climb through wrappers to the binding
        // that holds the set, if any.
        if node.kind() != K::NODE_ATTR_SET {
            return Some(path);
        }
        let Some(holder) = wrapper_parent(&node).and_then(ast::AttrpathValue::cast) else {
            return Some(path);
        };
        let mut outer = own_path(&holder)?;
        outer.extend(path);
        path = outer;
        node = holder.syntax().parent()?;
    }
}

/// What holds `set` once the wrappers around it are passed: parentheses, calls it is an
/// argument of, and lists that are themselves a call's argument (`mkMerge [ set ]`; a
/// plain list, like `modules = [ set ]`, holds modules, not definitions).
fn wrapper_parent(set: &SyntaxNode) -> Option<SyntaxNode> {
    let mut up = set.parent()?;
    loop {
        match up.kind() {
            K::NODE_PAREN | K::NODE_APPLY => up = up.parent()?,
            K::NODE_LIST => {
                let mut above = up.parent()?;
                while above.kind() == K::NODE_PAREN {
                    above = above.parent()?;
                }
                if above.kind() != K::NODE_APPLY {
                    return Some(up);
                }
                up = above.parent()?;
            }
            _ => return Some(up),
        }
    }
}

/// The static names of a binding's own attribute path.
fn own_path(binding: &ast::AttrpathValue) -> Option<Vec<String>> {
    binding
        .attrpath()?
        .attrs()
        .map(|a| static_attr(&a))
        .collect()
}

fn location(name: &str, text: &str, start: u32, end: u32) -> Location {
    let before = &text[..(start as usize).min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let col = (before.len() - before.rfind('\n').map_or(0, |i| i + 1)) as u32 + 1;
    Location {
        file: name.to_string(),
        start,
        end,
        line,
        col,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Files {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }

    fn underlined(message: &str, list: &[(&str, &str)]) -> Option<(String, String, u32)> {
        let files = files(list);
        let l = module_error_location(message, &files)?;
        let text = &files[&l.file];
        Some((
            l.file.clone(),
            text[l.start as usize..l.end as usize].to_string(),
            l.line,
        ))
    }

    #[test]
    fn reads_option_paths() {
        let p = option_path("A definition for option `services.web.hosts.\"a.org\".root' is not");
        assert_eq!(p.unwrap(), ["services", "web", "hosts", "a.org", "root"]);
        assert_eq!(
            option_path("The option `port' does not exist.").unwrap(),
            ["port"]
        );
        assert!(option_path("no option here").is_none());
        assert!(option_path("option `unterminated").is_none());
    }

    #[test]
    fn finds_the_value_of_a_wrong_definition() {
        let message = "A definition for option `services.web.port' is not of type `16 bit unsigned integer'. Definition values:\n- In `/machine.nix': \"eighty\"";
        let machine = "{ lib, ... }:\n{\n  services.web = {\n    enable = true;\n    port = \"eighty\";\n  };\n}\n";
        let other = "{ services.web.port = 80; }";
        let hidden = message.replace("/machine.nix", "/hidden/check.nix");
        assert_eq!(underlined(&hidden, &[("machine.nix", machine)]), None);
        assert_eq!(
            underlined(message, &[("machine.nix", machine), ("other.nix", other)]),
            Some(("machine.nix".into(), "\"eighty\"".into(), 5))
        );
    }

    #[test]
    fn looks_through_config_and_wrappers() {
        let message = "A definition for option `services.greeter.name' is not of type `string'. Definition values:\n- In `<unknown-file>': 42";
        let text = "{ config, lib, ... }: {\n  config = lib.mkIf true (lib.mkMerge [ { services.greeter = lib.mkDefault { name = 42; }; } ]);\n}";
        assert_eq!(
            underlined(message, &[("main.nix", text)]),
            Some(("main.nix".into(), "42".into(), 2))
        );
    }

    #[test]
    fn a_definition_inside_the_option_is_underlined_by_its_path() {
        let message =
            "The option `services.web.hosts' has conflicting definition values:\n- In `/a.nix': 1";
        let text = "{ services.web.hosts.\"a.org\".root = 1; }";
        assert_eq!(
            underlined(message, &[("a.nix", text)]).map(|(_, s, _)| s),
            Some("services.web.hosts.\"a.org\".root".into())
        );
    }

    #[test]
    fn module_lists_and_nested_sets_are_not_wrappers() {
        // `modules = [ { port = 1; } ]` defines `port`, not `modules.port`.
        let message = "A definition for option `port' is not of type `boolean'. Definition values:\n- In `<unknown-file>': 1";
        let text = "lib.evalModules { modules = [ { port = 1; } ]; }";
        assert_eq!(
            underlined(message, &[("main.nix", text)]).map(|(_, s, _)| s),
            Some("1".into())
        );
        assert_eq!(
            underlined(message, &[("main.nix", "{ a = { port = 1; }; }")]),
            None
        );
        assert_eq!(
            underlined(message, &[("main.nix", "{ config = { port = 1; }; }")]).map(|(_, s, _)| s),
            Some("1".into())
        );
    }

    #[test]
    fn other_messages_and_broken_files_are_left_alone() {
        let files = [("main.nix", "{ port = 1; }")];
        assert_eq!(
            underlined("The option `port' is used but not defined.", &files),
            None
        );
        assert_eq!(underlined("attribute 'port' missing", &files), None);
        let message = "A definition for option `port' is not of type `boolean'. Definition values:\n- In `/main.nix': 1";
        assert_eq!(underlined(message, &[("main.nix", "{ port = ")]), None);
    }
}
