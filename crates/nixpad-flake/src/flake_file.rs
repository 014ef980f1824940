//! Reading `flake.nix` as Nix does: only `description`, `inputs`, `outputs` and
//! `nixConfig` at the top level, `outputs` a function, inputs in the URL or attribute
//! form with `flake`, `follows` and nested `inputs`.

use std::collections::BTreeMap;

use nixpad_eval::{Evaluator, Origin, Value, ValueView};
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

/// Where attribute `name` of the evaluated set `set` is defined (`FILE:LINE:COL`, as Nix
/// ends its `flake.nix` errors), or `file` when it has no position.
fn attr_position(ev: &Evaluator, set: &Value, name: &str, file: &str) -> String {
    ev.attr_positions(set)
        .into_iter()
        .find(|(n, _)| n == name)
        .map_or_else(|| file.to_string(), |(_, pos)| pos)
}

/// Forces a value to one level, rendering an evaluation error.
pub(crate) fn force(ev: &mut Evaluator, v: &Value) -> Result<ValueView, String> {
    ev.view(v, true).map_err(|e| ev.render_error(&e))
}

pub(crate) fn expect_attrs(
    ev: &mut Evaluator,
    v: &Value,
    at: &str,
) -> Result<Vec<(String, Value)>, String> {
    match force(ev, v)? {
        ValueView::Attrs(a) => Ok(a),
        other => Err(format!(
            "expected a set but got {} at {at}",
            view_type(&other)
        )),
    }
}

pub(crate) fn expect_string(ev: &mut Evaluator, v: &Value, at: &str) -> Result<String, String> {
    match force(ev, v)? {
        ValueView::String(s) => Ok(String::from_utf8_lossy(&s).into_owned()),
        other => Err(format!(
            "expected a string but got {} at {at}",
            view_type(&other)
        )),
    }
}

fn expect_bool(ev: &mut Evaluator, v: &Value, at: &str) -> Result<bool, String> {
    match force(ev, v)? {
        ValueView::Bool(b) => Ok(b),
        other => Err(format!(
            "expected a Boolean but got {} at {at}",
            view_type(&other)
        )),
    }
}

/// The attribute names of the reference form (`{ type = "github"; owner = …; }`).
const REFERENCE_ATTRS: &[&str] = &[
    "type",
    "owner",
    "repo",
    "ref",
    "rev",
    "path",
    "url",
    "dir",
    "id",
    "host",
    "narHash",
    "lastModified",
    "revCount",
    "submodules",
    "shallow",
];

/// Reads input `name`, defined at `at` (`FILE:LINE:COL`) of `file`.
fn parse_input(
    ev: &mut Evaluator,
    name: &str,
    v: &Value,
    at: &str,
    file: &str,
) -> Result<InputSpec, String> {
    let mut spec = InputSpec::default();
    let mut attrs = Attrs::new();
    for (key, value) in expect_attrs(ev, v, at)? {
        // Nix reports a wrong value at the attribute's own position.
        let key_at = attr_position(ev, v, &key, file);
        let key_at = key_at.as_str();
        let in_attr =
            |e: String| crate::in_context(&format!("while evaluating flake attribute '{key}'"), e);
        match key.as_str() {
            "url" => {
                let url = match force(ev, &value)? {
                    ValueView::String(s) => String::from_utf8_lossy(&s).into_owned(),
                    ValueView::Path(p) => p,
                    other => {
                        return Err(in_attr(format!(
                            "expected a string or a path but got {} at {key_at}",
                            view_type(&other)
                        )))
                    }
                };
                spec.reference = Some(reference::parse_url(&url)?);
            }
            "flake" => spec.flake = Some(expect_bool(ev, &value, key_at).map_err(in_attr)?),
            "follows" => {
                let path = expect_string(ev, &value, key_at).map_err(in_attr)?;
                spec.follows = Some(
                    path.split('/')
                        .filter(|p| !p.is_empty())
                        .map(str::to_string)
                        .collect(),
                );
            }
            "inputs" => {
                for (sub, sub_value) in expect_attrs(ev, &value, key_at).map_err(in_attr)? {
                    let sub_at = attr_position(ev, &value, &sub, file);
                    let parsed =
                        parse_input(ev, &sub, &sub_value, &sub_at, file).map_err(in_attr)?;
                    spec.inputs.insert(sub, parsed);
                }
            }
            k if REFERENCE_ATTRS.contains(&k) => {
                let json = match force(ev, &value)? {
                    ValueView::String(s) => Json::String(String::from_utf8_lossy(&s).into_owned()),
                    ValueView::Int(i) => Json::from(i),
                    ValueView::Bool(b) => Json::Bool(b),
                    other => {
                        return Err(in_attr(format!(
                            "flake input attribute '{k}' is {}",
                            view_type(&other)
                        )))
                    }
                };
                attrs.insert(k.to_string(), json);
            }
            other => {
                return Err(format!(
                    "unexpected flake input attribute '{other}', at {at}"
                ))
            }
        }
    }
    if !attrs.is_empty() {
        if spec.reference.is_some() {
            // `url` plus attributes such as `dir`: the attributes refine the URL.
            if let Some(r) = spec.reference.as_mut() {
                r.extend(attrs);
            }
        } else {
            reference::check_attrs(&attrs).map_err(|e| format!("{e} in input '{name}' at {at}"))?;
            spec.reference = Some(attrs);
        }
    }
    Ok(spec)
}

/// A `nixConfig` value as it would appear in `nix.conf`.
fn config_value(ev: &mut Evaluator, name: &str, v: &Value) -> Result<String, String> {
    Ok(match force(ev, v)? {
        ValueView::String(s) => String::from_utf8_lossy(&s).into_owned(),
        ValueView::Bool(b) => b.to_string(),
        ValueView::Int(i) => i.to_string(),
        ValueView::List(items) => {
            let mut parts = Vec::new();
            for item in items {
                match force(ev, &item)? {
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

/// The names of the arguments a function takes (`{ self, nixpkgs, ... }`).
fn formal_names(ev: &mut Evaluator, f: &Value) -> Result<Vec<String>, String> {
    let args = ev
        .eval_source_with_scope(
            "builtins.functionArgs f",
            Origin::Other("flake".into()),
            "/",
            &[("f".into(), f.clone())],
        )
        .map_err(|e| ev.render_error(&e))?;
    Ok(expect_attrs(ev, &args, "outputs")?
        .into_iter()
        .map(|(n, _)| n)
        .collect())
}

/// Reads the `flake.nix` at `path` of the flake `url`.
pub fn read(ev: &mut Evaluator, path: &str, url: &str) -> Result<FlakeFile, String> {
    let top = ev.eval_file(path).map_err(|e| ev.render_error(&e))?;
    let attrs = match force(ev, &top)? {
        ValueView::Attrs(a) => a,
        _ => return Err(format!("file '{path}' must be an attribute set")),
    };
    let mut file = FlakeFile::default();
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    if let Some(d) = get("description") {
        let d_at = attr_position(ev, &top, "description", path);
        file.description = Some(expect_string(ev, &d, &d_at)?);
    }
    if let Some(inputs) = get("inputs") {
        let inputs_at = attr_position(ev, &top, "inputs", path);
        for (name, value) in expect_attrs(ev, &inputs, &inputs_at)? {
            let input_at = attr_position(ev, &inputs, &name, path);
            let spec = parse_input(ev, &name, &value, &input_at, path)?;
            file.inputs.insert(name, spec);
        }
    }
    let Some(outputs) = get("outputs") else {
        return Err(format!("flake '{url}' lacks attribute 'outputs'"));
    };
    match force(ev, &outputs)? {
        ValueView::Lambda(..) | ValueView::PrimOp(..) => {}
        other => {
            return Err(format!(
                "expected a function but got {} at {}",
                view_type(&other),
                attr_position(ev, &top, "outputs", path)
            ))
        }
    }
    for name in formal_names(ev, &outputs)? {
        if name != "self" {
            file.inputs.entry(name).or_default();
        }
    }
    if let Some(config) = get("nixConfig") {
        let config_at = attr_position(ev, &top, "nixConfig", path);
        for (name, value) in expect_attrs(ev, &config, &config_at)? {
            let text = config_value(ev, &name, &value)?;
            file.nix_config.insert(name, text);
        }
    }
    for (name, _) in &attrs {
        if !["description", "inputs", "outputs", "nixConfig"].contains(&name.as_str()) {
            return Err(format!(
                "flake '{url}' has an unsupported attribute '{name}', at {}",
                attr_position(ev, &top, name, path)
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
