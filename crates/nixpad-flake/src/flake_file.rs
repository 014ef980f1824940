//! Reading `flake.nix` as Nix does: only `description`, `inputs`, `outputs` and
//! `nixConfig` at the top level, `outputs` a function, inputs in the URL or attribute
//! form with `flake`, `follows` and nested `inputs`.

use std::collections::BTreeMap;

use nixpad_eval::{Evaluator, Origin, Span, Unforced, Value, ValueView};
use serde_json::Value as Json;

use crate::reference::{self, Attrs};

/// One input as `flake.nix` declares it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InputSpec {
    /// Where it comes from (`url` or the attribute form); `None` when only `follows`
    /// or nested overrides are given.
    pub reference: Option<Attrs>,
    /// `follows = "a/b"`: an input path relative to the declaring flake.
    pub follows: Option<Vec<String>>,
    /// `flake = false` makes it plain source.
    pub flake: Option<bool>,
    /// Overrides of this input's own inputs (`inputs.x.inputs.y.follows = "y"`).
    pub inputs: BTreeMap<String, InputSpec>,
}

/// What the top level of `flake.nix` says besides `outputs`.
#[derive(Clone, Debug, Default)]
pub struct FlakeFile {
    /// `description`.
    pub description: Option<String>,
    /// `inputs` (and those the outputs function names without declaring them).
    pub inputs: BTreeMap<String, InputSpec>,
    /// `nixConfig`: setting name → value as Nix prints it in `nix.conf`.
    pub nix_config: BTreeMap<String, String>,
}

fn view_type(v: &ValueView) -> &'static str {
    match v {
        ValueView::Null => "null",
        ValueView::Bool(_) => "a Boolean",
        ValueView::Int(_) => "an integer",
        ValueView::Float(_) => "a float",
        ValueView::String(_) => "a string",
        ValueView::Path(_) => "a path",
        ValueView::List(_) => "a list",
        ValueView::Attrs(_) => "a set",
        ValueView::Lambda(..) | ValueView::PrimOp(..) => "a function",
        ValueView::Thunk => "a thunk",
    }
}

/// Forces a value to one level, rendering an evaluation error.
pub(crate) fn force(ev: &mut Evaluator, v: &Value) -> Result<ValueView, String> {
    ev.view(v, true).map_err(|e| ev.render_error(&e))
}

/// A value of `flake.nix` as Nix's reader takes it. Nix forces only "trivial" thunks
/// there (set and list literals, functions: [`Evaluator::unforced`]); any other
/// expression (`"a" + "b"`, `import ./f.nix`, `-1`) stays a thunk and is reported as
/// "a thunk".
fn trivial(ev: &mut Evaluator, v: &Value) -> Result<ValueView, String> {
    match ev.unforced(v) {
        Unforced::Thunk => Ok(ValueView::Thunk),
        _ => force(ev, v),
    }
}

/// A value as Nix's reader sees it without forcing it: every thunk is "a thunk".
fn unforced(ev: &mut Evaluator, v: &Value) -> Result<ValueView, String> {
    match ev.unforced(v) {
        Unforced::Value => force(ev, v),
        _ => Ok(ValueView::Thunk),
    }
}

/// Where attribute `name` of the evaluated set `set` is defined.
fn attr_span(ev: &Evaluator, set: &Value, name: &str) -> Option<Span> {
    ev.attr_positions(set)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, span)| span)
}

/// `FILE:LINE:COL` of `span` (as Nix ends its `flake.nix` errors), or `file`.
fn position_or(ev: &Evaluator, span: Option<Span>, file: &str) -> String {
    span.map_or_else(|| file.to_string(), |s| ev.position_text(s))
}

/// `error` under one of Nix's trace lines (`… while evaluating flake attribute 'x'`),
/// with the source at `span`.
fn traced(ev: &Evaluator, context: &str, span: Option<Span>, error: String) -> String {
    let Some(span) = span else {
        return crate::in_context(context, error);
    };
    let rest = if error.starts_with("… ") || error.starts_with("error:") {
        error
    } else {
        format!("error: {error}")
    };
    format!("… {context}\n{}\n{rest}", ev.position_excerpt(span))
}

/// The value Nix's reader wants, by its type name (`"a set"`), or Nix's error at `at`.
fn expect(ev: &mut Evaluator, v: &Value, want: &str, at: &str) -> Result<ValueView, String> {
    let seen = trivial(ev, v)?;
    let got = view_type(&seen);
    let matches = got == want || (want == "a function" && matches!(seen, ValueView::PrimOp(..)));
    if matches {
        Ok(seen)
    } else {
        Err(format!("expected {want} but got {got} at {at}"))
    }
}

fn expect_attrs(ev: &mut Evaluator, v: &Value, at: &str) -> Result<Vec<(String, Value)>, String> {
    match expect(ev, v, "a set", at)? {
        ValueView::Attrs(a) => Ok(a),
        _ => unreachable!("expect checked the type"),
    }
}

fn expect_string(ev: &mut Evaluator, v: &Value, at: &str) -> Result<String, String> {
    match expect(ev, v, "a string", at)? {
        ValueView::String(s) => Ok(String::from_utf8_lossy(&s).into_owned()),
        _ => unreachable!("expect checked the type"),
    }
}

/// The attributes an input of type `kind` may have besides `type` (`dir` is the flake
/// reference's), as Nix's fetchers accept them.
fn scheme_attrs(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "path" => &["path", "rev", "revCount", "lastModified", "narHash"],
        "github" | "gitlab" | "sourcehut" => &[
            "owner",
            "repo",
            "ref",
            "rev",
            "narHash",
            "lastModified",
            "host",
            "treeHash",
        ],
        "git" => nixpad_eval::store::GIT_INPUT_ATTRIBUTES,
        "tarball" | "file" => &[
            "url",
            "narHash",
            "name",
            "unpack",
            "rev",
            "revCount",
            "lastModified",
        ],
        "indirect" => &["id", "ref", "rev", "narHash"],
        _ => return None,
    })
}

/// Reads the input `v`, defined at `span` of `file`.
fn parse_input(
    ev: &mut Evaluator,
    v: &Value,
    span: Option<Span>,
    file: &str,
) -> Result<InputSpec, String> {
    let at = position_or(ev, span, file);
    let mut read = InputRead::default();
    for (key, value) in expect_attrs(ev, v, &at)? {
        let key_span = attr_span(ev, v, &key);
        parse_input_attr(ev, &mut read, &key, &value, key_span, file).map_err(|e| {
            traced(
                ev,
                &format!("while evaluating flake attribute '{key}'"),
                key_span,
                e,
            )
        })?;
    }
    let InputRead {
        mut spec,
        mut attrs,
        url,
    } = read;
    if attrs.contains_key("type") {
        // The attribute form: checked by its type's fetcher.
        let mut checked = attrs.clone();
        checked.remove("dir");
        let kind = reference::str_attr(&checked, "type")
            .unwrap_or_default()
            .to_string();
        let unsupported = scheme_attrs(&kind).and_then(|allowed| {
            checked
                .keys()
                .find(|k| *k != "type" && !allowed.contains(&k.as_str()))
                .cloned()
        });
        let checked = match unsupported {
            Some(k) => Err(format!(
                "input attribute '{k}' not supported by scheme '{kind}'"
            )),
            None => reference::check_attrs(&checked),
        };
        checked.map_err(|e| traced(ev, "while evaluating flake input", span, e))?;
        spec.reference = Some(attrs);
    } else {
        attrs.remove("url");
        if let Some(first) = attrs.keys().next() {
            return Err(format!(
                "unexpected flake input attribute '{first}', at {at}"
            ));
        }
        if let Some(url) = url {
            spec.reference = Some(reference::parse_url(&url)?);
        }
    }
    Ok(spec)
}

/// What the attributes of an input said so far.
#[derive(Default)]
struct InputRead {
    spec: InputSpec,
    /// The reference's attributes (`url` among them when given).
    attrs: Attrs,
    /// `url`, if given.
    url: Option<String>,
}

/// One attribute `key` of an input (see [`parse_input`]).
fn parse_input_attr(
    ev: &mut Evaluator,
    read: &mut InputRead,
    key: &str,
    value: &Value,
    span: Option<Span>,
    file: &str,
) -> Result<(), String> {
    let at = position_or(ev, span, file);
    match key {
        "url" => {
            let text = match trivial(ev, value)? {
                ValueView::String(s) => String::from_utf8_lossy(&s).into_owned(),
                ValueView::Path(p) => p,
                other => {
                    return Err(format!(
                        "expected a string or a path but got {} at {at}",
                        view_type(&other)
                    ))
                }
            };
            read.attrs.insert("url".into(), Json::String(text.clone()));
            read.url = Some(text);
        }
        "flake" => match expect(ev, value, "a Boolean", &at)? {
            ValueView::Bool(b) => read.spec.flake = Some(b),
            _ => unreachable!("expect checked the type"),
        },
        "follows" => {
            let path = expect_string(ev, value, &at)?;
            read.spec.follows = Some(
                path.split('/')
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect(),
            );
        }
        "inputs" => {
            for (sub, sub_value) in expect_attrs(ev, value, &at)? {
                let sub_span = attr_span(ev, value, &sub);
                let parsed = parse_input(ev, &sub_value, sub_span, file)?;
                read.spec.inputs.insert(sub, parsed);
            }
        }
        other => {
            // Nix takes any other attribute as it is, unforced.
            let json = match unforced(ev, value)? {
                ValueView::String(s) => Json::String(String::from_utf8_lossy(&s).into_owned()),
                ValueView::Bool(b) => Json::Bool(b),
                ValueView::Int(i) if i < 0 => {
                    return Err(format!(
                        "negative value given for flake input attribute {other}: {i}"
                    ))
                }
                ValueView::Int(i) => Json::from(i),
                seen => {
                    return Err(format!(
                        "flake input attribute '{other}' is {} while a string, Boolean, or \
                         integer is expected",
                        view_type(&seen)
                    ))
                }
            };
            read.attrs.insert(other.to_string(), json);
        }
    }
    Ok(())
}

/// A `nixConfig` setting as it would appear in `nix.conf`.
fn config_value(ev: &mut Evaluator, name: &str, v: &Value) -> Result<String, String> {
    Ok(match trivial(ev, v)? {
        ValueView::String(s) => String::from_utf8_lossy(&s).into_owned(),
        ValueView::Bool(b) => b.to_string(),
        ValueView::Int(i) => i.to_string(),
        // A path is copied to the store; the setting is its store path.
        ValueView::Path(_) => match eval_with(ev, "\"${x}\"", v)? {
            ValueView::String(s) => String::from_utf8_lossy(&s).into_owned(),
            other => view_type(&other).to_string(),
        },
        ValueView::List(items) => {
            let mut parts = Vec::new();
            for item in items {
                match unforced(ev, &item)? {
                    ValueView::String(s) => parts.push(String::from_utf8_lossy(&s).into_owned()),
                    // Nix names the setting's type, not the element's.
                    _ => {
                        return Err(format!(
                            "list element in flake configuration setting '{name}' is a list \
                             while a string is expected"
                        ))
                    }
                }
            }
            parts.join(" ")
        }
        other => {
            return Err(format!(
                "flake configuration setting '{name}' is {}",
                view_type(&other)
            ))
        }
    })
}

/// `code` evaluated with `x` bound to `v`, forced to one level.
fn eval_with(ev: &mut Evaluator, code: &str, v: &Value) -> Result<ValueView, String> {
    let result = ev
        .eval_source_with_scope(
            code,
            Origin::Other("flake".into()),
            "/",
            &[("x".into(), v.clone())],
        )
        .map_err(|e| ev.render_error(&e))?;
    force(ev, &result)
}

/// The names of the arguments a function takes (`{ self, nixpkgs, ... }`).
fn formal_names(ev: &mut Evaluator, f: &Value) -> Result<Vec<String>, String> {
    match eval_with(ev, "builtins.functionArgs x", f)? {
        ValueView::Attrs(a) => Ok(a.into_iter().map(|(n, _)| n).collect()),
        _ => Ok(Vec::new()),
    }
}

/// Reads the `flake.nix` at `path` of the flake `url`.
pub fn read(ev: &mut Evaluator, path: &str, url: &str) -> Result<FlakeFile, String> {
    let lazy = ev.import_lazily(path).map_err(|e| ev.render_error(&e))?;
    // Nix reads only a file whose expression is a set literal.
    if ev.unevaluated_is_set_literal(&lazy) == Some(false) {
        return Err(crate::in_context(
            &format!("while evaluating the file '{path}':"),
            format!("file '{path}' must be an attribute set"),
        ));
    }
    let top = ev.eval_file(path).map_err(|e| ev.render_error(&e))?;
    let attrs = match force(ev, &top)? {
        ValueView::Attrs(a) => a,
        _ => return Err(format!("file '{path}' must be an attribute set")),
    };
    let at = |ev: &Evaluator, name: &str| position_or(ev, attr_span(ev, &top, name), path);
    let mut file = FlakeFile::default();
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    if let Some(d) = get("description") {
        let d_at = at(ev, "description");
        file.description = Some(expect_string(ev, &d, &d_at)?);
    }
    if let Some(inputs) = get("inputs") {
        let inputs_at = at(ev, "inputs");
        for (name, value) in expect_attrs(ev, &inputs, &inputs_at)? {
            let span = attr_span(ev, &inputs, &name);
            let spec = parse_input(ev, &value, span, path)?;
            file.inputs.insert(name, spec);
        }
    }
    let Some(outputs) = get("outputs") else {
        return Err(format!("flake '{url}' lacks attribute 'outputs'"));
    };
    let outputs_at = at(ev, "outputs");
    if let ValueView::Lambda(..) = expect(ev, &outputs, "a function", &outputs_at)? {
        for name in formal_names(ev, &outputs)? {
            if name != "self" {
                file.inputs.entry(name).or_default();
            }
        }
    }
    if let Some(config) = get("nixConfig") {
        let config_at = at(ev, "nixConfig");
        for (name, value) in expect_attrs(ev, &config, &config_at)? {
            let text = config_value(ev, &name, &value)?;
            file.nix_config.insert(name, text);
        }
    }
    for (name, _) in &attrs {
        if !["description", "inputs", "outputs", "nixConfig"].contains(&name.as_str()) {
            return Err(format!(
                "flake '{url}' has an unsupported attribute '{name}', at {}",
                at(ev, name)
            ));
        }
    }
    Ok(file)
}

/// The `nixConfig` settings Nix applies without `--accept-flake-config`.
pub const TRUSTED_SETTINGS: &[&str] = &[
    "bash-prompt",
    "bash-prompt-prefix",
    "bash-prompt-suffix",
    "commit-lock-file-summary",
    "commit-lockfile-summary",
    "flake-registry",
];

/// The `nixConfig` settings that apply: the trusted ones, or all with
/// `--accept-flake-config`.
pub fn accepted_settings(file: &FlakeFile, accept_flake_config: bool) -> Vec<(String, String)> {
    file.nix_config
        .iter()
        .filter(|(k, _)| accept_flake_config || TRUSTED_SETTINGS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Nix's warnings about `nixConfig`: each setting it ignores because it is not trusted.
pub fn config_warnings(file: &FlakeFile, accept_flake_config: bool) -> Vec<String> {
    if accept_flake_config {
        return Vec::new();
    }
    file.nix_config
        .keys()
        .filter(|k| !TRUSTED_SETTINGS.contains(&k.as_str()))
        .map(|k| format!("ignoring untrusted flake configuration setting '{k}'.\nPass '--accept-flake-config' to trust it"))
        .collect()
}

/// Nix's phrase for a value's type (`an integer`).
pub(crate) fn view_type_of(v: &ValueView) -> &'static str {
    view_type(v)
}
