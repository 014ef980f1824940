//! The options browser's data: every visible option of a module system result (the value
//! of `lib.evalModules { … }` or `import <nixpkgs/nixos> { … }`, a set with `options`),
//! with its type, default, description, current value (the config view), where it is
//! declared and where each module defines it. The walk over the options is the miniature
//! nixpkgs' own `lib.optionsToData`; this module runs it in the worker and turns each
//! option into plain data, so one option that fails to evaluate shows its error and the
//! others still show.

use nixpad_eval::{Error, Evaluator, Origin, Value, ValueView};
use nixpad_lessons::{pretty, PrettyLimits};
use serde::{Deserialize, Serialize};

/// Most options listed (a miniature NixOS declares far fewer).
pub const MAX_OPTIONS: usize = 1000;

/// Where a module defines an option: a file of the tree (`main.nix`) or another path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The file as the page names it (`main.nix`), or the full path outside the tree.
    pub file: String,
    /// Whether `file` is one of the playground's files (the view links to it).
    pub in_tree: bool,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// One winning definition: the file it comes from and its value, printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    /// The module's file (`/main.nix`, a `_file`, or `<unknown-file>`).
    pub file: String,
    /// The value as `lib.generators.toPretty` would show it.
    pub value: String,
}

/// One option, as the browser shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionEntry {
    /// Its dotted name (`services.nginx.enable`).
    pub name: String,
    /// Its type's description (`boolean`, `attribute set of submodule`).
    pub type_description: String,
    /// Its description, if it has one.
    pub description: Option<String>,
    /// Its default as text (`defaultText`, or the default printed), if it has one.
    pub default: Option<String>,
    /// Its value in `config`, or why it has none (`used but not defined`, a type error).
    pub value: Result<String, String>,
    /// Files that declare it.
    pub declarations: Vec<String>,
    /// The definitions that make its value (the highest priority ones).
    pub definitions: Vec<Definition>,
    /// Where each module defines it, whatever its priority.
    pub positions: Vec<Position>,
    /// Declared `readOnly`.
    pub read_only: bool,
    /// An option of a submodule (`hosts.<name>.root`): each element of the enclosing
    /// option has its own value, so it has none here.
    pub sub: bool,
}

/// The options of a result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionsReport {
    /// Whether the value has `options` (is a module system result).
    pub found: bool,
    /// The options by name, each followed by its submodule's options.
    pub options: Vec<OptionEntry>,
    /// More options exist than are listed.
    pub truncated: bool,
}

/// Turns `path` of an evaluator file into the playground's file name when it is one.
pub type FileName<'a> = &'a dyn Fn(&str) -> Option<String>;

const LIMITS: PrettyLimits = PrettyLimits {
    max_depth: 4,
    max_items: 60,
    max_string: 400,
    width: 60,
};

/// The options of `root`, if it is a module system result. Fails only when the options
/// cannot be listed at all (the package set's `lib` is missing, `options` is broken).
pub fn collect(
    ev: &mut Evaluator,
    root: &Value,
    file_name: FileName,
) -> Result<OptionsReport, Box<Error>> {
    let ValueView::Attrs(items) = ev.view(root, true)? else {
        return Ok(OptionsReport::default());
    };
    let Some((_, options)) = items.into_iter().find(|(name, _)| name == "options") else {
        return Ok(OptionsReport::default());
    };
    let data = ev.eval_source_with_scope(
        "(import <nixpkgs/lib>).optionsToData options",
        Origin::Other("options browser".into()),
        "/",
        &[("options".into(), options.clone())],
    )?;
    let ValueView::List(entries) = ev.view(&data, true)? else {
        return Ok(OptionsReport::default());
    };
    let mut report = OptionsReport {
        found: true,
        truncated: entries.len() > MAX_OPTIONS,
        options: Vec::new(),
    };
    for entry in entries.into_iter().take(MAX_OPTIONS) {
        report
            .options
            .push(option_entry(ev, &entry, &options, file_name)?);
    }
    Ok(report)
}

/// A field of a set (`None` when absent or `null`).
fn field(ev: &mut Evaluator, set: &Value, name: &str) -> Result<Option<Value>, Box<Error>> {
    let ValueView::Attrs(items) = ev.view(set, true)? else {
        return Ok(None);
    };
    let Some((_, v)) = items.into_iter().find(|(n, _)| n == name) else {
        return Ok(None);
    };
    Ok((!matches!(ev.view(&v, true)?, ValueView::Null)).then_some(v))
}

/// A string field, or the error's message in its place.
fn text_field(ev: &mut Evaluator, set: &Value, name: &str) -> Option<String> {
    let v = match field(ev, set, name) {
        Ok(v) => v?,
        Err(e) => return Some(format!("«error: {}»", e.message())),
    };
    Some(text(ev, &v))
}

/// A string's text, a literal expression's text (`{ _type = "literalExpression"; text; }`),
/// or anything else printed.
fn text(ev: &mut Evaluator, v: &Value) -> String {
    match ev.view(v, true) {
        Ok(ValueView::String(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
        Ok(ValueView::Attrs(_)) => match field(ev, v, "text") {
            Ok(Some(t)) => text(ev, &t),
            _ => pretty(ev, v, &LIMITS),
        },
        Ok(_) => pretty(ev, v, &LIMITS),
        Err(e) => format!("«error: {}»", e.message()),
    }
}

fn list(ev: &mut Evaluator, set: &Value, name: &str) -> Vec<Value> {
    match field(ev, set, name) {
        Ok(Some(v)) => match ev.view(&v, true) {
            Ok(ValueView::List(items)) => items,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn number(ev: &mut Evaluator, set: &Value, name: &str) -> u32 {
    match field(ev, set, name)
        .ok()
        .flatten()
        .map(|v| ev.view(&v, true))
    {
        Some(Ok(ValueView::Int(i))) => u32::try_from(i).unwrap_or(0),
        _ => 0,
    }
}

fn option_entry(
    ev: &mut Evaluator,
    entry: &Value,
    options: &Value,
    file_name: FileName,
) -> Result<OptionEntry, Box<Error>> {
    let name = text_field(ev, entry, "name").unwrap_or_default();
    let loc: Vec<String> = list(ev, entry, "loc").iter().map(|v| text(ev, v)).collect();
    let definitions = list(ev, entry, "definitions")
        .iter()
        .map(|d| Definition {
            file: text_field(ev, d, "file").unwrap_or_default(),
            value: text_field(ev, d, "value").unwrap_or_default(),
        })
        .collect();
    let positions = list(ev, entry, "positions")
        .iter()
        .map(|p| {
            let path = text_field(ev, p, "file").unwrap_or_default();
            let tree_name = file_name(&path);
            Position {
                in_tree: tree_name.is_some(),
                file: tree_name.unwrap_or(path),
                line: number(ev, p, "line"),
                column: number(ev, p, "column"),
            }
        })
        .collect();
    let declarations = list(ev, entry, "declarations")
        .iter()
        .map(|v| text(ev, v))
        .collect();
    let flag = |ev: &mut Evaluator, name: &str| {
        matches!(
            field(ev, entry, name)
                .ok()
                .flatten()
                .map(|v| ev.view(&v, true)),
            Some(Ok(ValueView::Bool(true)))
        )
    };
    let read_only = flag(ev, "readOnly");
    let sub = flag(ev, "sub");
    Ok(OptionEntry {
        type_description: text_field(ev, entry, "type").unwrap_or_default(),
        description: text_field(ev, entry, "description"),
        default: text_field(ev, entry, "default"),
        value: if sub {
            Ok(String::new())
        } else {
            option_value(ev, options, &loc)
        },
        declarations,
        definitions,
        positions,
        read_only,
        sub,
        name,
    })
}

/// `options.<loc>.value` printed, or why it has none.
fn option_value(ev: &mut Evaluator, options: &Value, loc: &[String]) -> Result<String, String> {
    let mut here = options.clone();
    for name in loc.iter().map(String::as_str).chain(["value"]) {
        here = match field(ev, &here, name) {
            Ok(Some(v)) => v,
            Ok(None) if name == "value" => return Ok("null".into()),
            Ok(None) => return Err(format!("no option at '{name}'")),
            Err(e) => return Err(e.message()),
        };
    }
    // An option without a value fails when forced; errors deeper inside print in place.
    match ev.view(&here, true) {
        Ok(_) => Ok(pretty(ev, &here, &LIMITS)),
        Err(e) => Err(e.message()),
    }
}
