//! String-context builtins: `getContext`, `appendContext`, `hasContext`,
//! `unsafeDiscardStringContext`, `unsafeDiscardOutputDependency`, `addDrvOutputDependencies`.
//!
//! A context element is one of: a plain store path (`{ path = true; }` in `getContext`),
//! a derivation with all its outputs (`{ allOutputs = true; }`, what `drvPath` carries)
//! or one output of a derivation (`{ outputs = [ "out" ]; }`, what `outPath` carries).

use std::collections::BTreeMap;

use crate::builtins::Args;
use crate::error::{Error, EvalResult};
use crate::machine::Machine;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::*;

/// Whether `path` names a store object directly: `STORE/HASH-NAME` with a 32-character
/// Nix base-32 hash and a valid name (like Nix, the character after the hash is not checked).
pub fn is_store_path(store_dir: &str, path: &str) -> bool {
    let Some(base) = path
        .strip_prefix(store_dir)
        .and_then(|r| r.strip_prefix('/'))
    else {
        return false;
    };
    if base.len() < 34 || base.contains('/') {
        return false;
    }
    base.as_bytes()[..32]
        .iter()
        .all(|c| crate::store::NIX32_ALPHABET.contains(c))
        && base
            .get(33..)
            .is_some_and(|name| crate::store::check_name(name).is_ok())
}

/// `builtins.hasContext s`
pub fn prim_has_context(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.string(m, 0, span)?;
    Ok(Value::Bool(
        s.context.as_ref().is_some_and(|c| !c.is_empty()),
    ))
}

/// `builtins.unsafeDiscardStringContext s`
pub fn prim_unsafe_discard_string_context(
    m: &mut Machine,
    args: Args,
    span: Span,
) -> EvalResult<Value> {
    let s = args.coerced(m, 0, crate::machine::CoerceMode::Interpolation, span)?;
    Ok(Value::string(s.bytes.to_vec()))
}

/// `builtins.unsafeDiscardOutputDependency s`: `drvPath` contexts become plain paths.
pub fn prim_unsafe_discard_output_dependency(
    m: &mut Machine,
    args: Args,
    span: Span,
) -> EvalResult<Value> {
    let s = args.coerced(m, 0, crate::machine::CoerceMode::Interpolation, span)?;
    let ctx = context_of(s.context.iter().flat_map(|c| c.iter()).map(|e| match e {
        ContextElem::AllOutputs(d) => ContextElem::Opaque(d.clone()),
        e => e.clone(),
    }));
    Ok(Value::string_with_context(s.bytes.to_vec(), ctx))
}

/// `builtins.addDrvOutputDependencies s`: the one plain `.drv` path in the context
/// becomes a `drvPath` context (all outputs).
pub fn prim_add_drv_output_dependencies(
    m: &mut Machine,
    args: Args,
    span: Span,
) -> EvalResult<Value> {
    let s = args.coerced(m, 0, crate::machine::CoerceMode::Interpolation, span)?;
    let n = s.context.as_ref().map_or(0, |c| c.len());
    if n != 1 {
        return Err(Error::other(
            format!(
                "context of string '{}' must have exactly one element, but has {n}",
                s.lossy()
            ),
            span,
        ));
    }
    let elem = s
        .context
        .as_ref()
        .and_then(|c| c.iter().next().cloned())
        .expect("one element");
    let new = match elem {
        ContextElem::Opaque(p) => {
            if !p.ends_with(".drv") {
                return Err(Error::other(format!("path '{p}' is not a derivation"), span));
            }
            ContextElem::AllOutputs(p)
        }
        ContextElem::Built(_, o) => {
            return Err(Error::other(
                format!("`addDrvOutputDependencies` can only act on derivations, not on a derivation output such as '{o}'"),
                span,
            ))
        }
        e @ ContextElem::AllOutputs(_) => e,
    };
    Ok(crate::derivation::context_string(&s.lossy(), new))
}

/// `builtins.getContext s`: `{ PATH = { path = true; allOutputs = true; outputs = [...]; }; }`.
pub fn prim_get_context(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.string(m, 0, span)?;
    #[derive(Default)]
    struct Info {
        path: bool,
        all: bool,
        outputs: Vec<String>,
    }
    let mut by_path: BTreeMap<String, Info> = BTreeMap::new();
    for e in s.context.iter().flat_map(|c| c.iter()) {
        match e {
            ContextElem::Opaque(p) => by_path.entry(p.clone()).or_default().path = true,
            ContextElem::AllOutputs(p) => by_path.entry(p.clone()).or_default().all = true,
            ContextElem::Built(p, o) => by_path
                .entry(p.clone())
                .or_default()
                .outputs
                .push(o.clone()),
        }
    }
    let entries = by_path
        .into_iter()
        .map(|(p, info)| {
            let mut fields = Vec::new();
            if info.path {
                fields.push(Attr {
                    name: Symbol::new("path"),
                    value: Value::Bool(true),
                    pos: None,
                });
            }
            if info.all {
                fields.push(Attr {
                    name: Symbol::new("allOutputs"),
                    value: Value::Bool(true),
                    pos: None,
                });
            }
            if !info.outputs.is_empty() {
                let outs = info
                    .outputs
                    .iter()
                    .map(|o| Value::string(o.as_bytes()))
                    .collect();
                fields.push(Attr {
                    name: Symbol::new("outputs"),
                    value: Value::list(outs),
                    pos: None,
                });
            }
            Attr {
                name: Symbol::new(&p),
                value: Value::attrs(Attrs::from_unsorted(fields)),
                pos: None,
            }
        })
        .collect();
    Ok(Value::attrs(Attrs::from_unsorted(entries)))
}

/// `v` forced at `pos`; an error in it is reported in the frame `what` there (a suspended
/// builtin is resumed later, unframed).
fn force_in_frame(m: &mut Machine, v: &Value, pos: Span, what: &str) -> EvalResult<Value> {
    m.force(v, Some(pos)).map_err(|mut e| {
        if e.kind != crate::error::ErrorKind::Suspended {
            e.push_frame(what, Some(pos));
        }
        e
    })
}

/// The error for `v`, which is not `expected`, at `pos` in the frame `what` there.
fn typed_in_frame(
    m: &mut Machine,
    expected: &'static str,
    v: &Value,
    pos: Span,
    what: &str,
) -> Box<Error> {
    let mut e = m.type_error(expected, v, Some(pos));
    e.push_frame(what, Some(pos));
    e
}

/// `builtins.appendContext s ctx`: the inverse of `getContext`.
pub fn prim_append_context(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.string(m, 0, span)?;
    let ctx_attrs = args.attrs(m, 1, span)?;
    let mut ctx: Vec<ContextElem> = s.context.as_deref().unwrap_or_default().to_vec();
    let store_dir = m.settings.store_dir.clone();
    for a in ctx_attrs.sorted_by_name() {
        let path = a.name.name().to_string();
        // Nix reports a bad key at its definition, named as it prints attribute names.
        let key_pos = a.pos.unwrap_or(span);
        if !is_store_path(&store_dir, &path) {
            return Err(Error::other(
                format!(
                    "context key '{}' is not a store path",
                    crate::format_attr_name(&path)
                ),
                key_pos,
            ));
        }
        let info = match m.force(&a.value, Some(key_pos))? {
            Value::Attrs(i) => i,
            other_v => {
                let mut e = m.type_error("a set", &other_v, None);
                e.push_frame(
                    "while evaluating the value of a string context",
                    Some(key_pos),
                );
                return Err(e);
            }
        };
        // Each field is read as Nix reads it: forced at its definition, and reported there.
        let flag = |m: &mut Machine, name: &str| -> EvalResult<bool> {
            let Some(field) = info.get_attr(Symbol::new(name)) else {
                return Ok(false);
            };
            let pos = field.pos.unwrap_or(span);
            let what = format!("while evaluating the `{name}` attribute of a string context");
            match force_in_frame(m, &field.value, pos, &what)? {
                Value::Bool(b) => Ok(b),
                other_v => Err(typed_in_frame(m, "a Boolean", &other_v, pos, &what)),
            }
        };
        if flag(m, "path")? {
            ctx.push(ContextElem::Opaque(path.clone()));
        }
        if flag(m, "allOutputs")? {
            if !path.ends_with(".drv") {
                return Err(Error::other(
                    format!("tried to add all-outputs context of \"{path}\", which is not a derivation, to a string"),
                    key_pos,
                ));
            }
            ctx.push(ContextElem::AllOutputs(path.clone()));
        }
        if let Some(field) = info.get_attr(Symbol::new("outputs")) {
            let pos = field.pos.unwrap_or(span);
            let outs = match m.force(&field.value, Some(pos))? {
                Value::List(l) => l,
                other_v => {
                    let mut e = m.type_error("a list", &other_v, None);
                    e.push_frame(
                        "while evaluating the `outputs` attribute of a string context",
                        Some(pos),
                    );
                    return Err(e);
                }
            };
            if !outs.is_empty() && !path.ends_with(".drv") {
                return Err(Error::other(
                    format!("tried to add derivation output context of \"{path}\", which is not a derivation, to a string"),
                    key_pos,
                ));
            }
            let what = "while evaluating an output name within a string context";
            for o in outs.iter() {
                let name = match force_in_frame(m, o, pos, what)? {
                    Value::String(name) => name,
                    other_v => return Err(typed_in_frame(m, "a string", &other_v, pos, what)),
                };
                if let Some(mut e) = crate::primop::context_not_allowed(&name, None) {
                    e.push_frame(what, Some(pos));
                    return Err(e);
                }
                ctx.push(ContextElem::Built(path.clone(), name.lossy().into_owned()));
            }
        }
    }
    Ok(Value::string_with_context(
        s.bytes.to_vec(),
        context_of(ctx),
    ))
}
