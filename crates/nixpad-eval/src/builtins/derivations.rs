//! `derivationStrict`: a set of attributes turned into a derivation (see the algorithm in
//! `store/derivation.rs`), written into the evaluation's [`DrvStore`].

use std::collections::{BTreeMap, BTreeSet};

use sha2::{Digest, Sha256};

use crate::derivation::*;
use crate::error::{Error, ErrorKind, EvalResult};
use crate::machine::{CoerceMode, Machine};
use crate::primop::Args;
use crate::source::Span;
use crate::store::{self, Hash, HashAlgo};
use crate::symbol::Symbol;
use crate::value::merge_context;
use crate::value::*;

/// Adds `frame` to an error's trace.
fn framed(mut e: Box<Error>, frame: String, span: Option<Span>) -> Box<Error> {
    e.push_frame(frame, span);
    e
}

/// How an output's contents are hashed (`outputHashMode`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum HashMode {
    /// The file's bytes (`flat`).
    Flat,
    /// The NAR serialisation (`recursive`, `nar`).
    Recursive,
    /// The file's bytes, as a text path (`text`, experimental `dynamic-derivations`).
    Text,
}

impl HashMode {
    /// What precedes the algorithm in a `.drv` file's output (`r:sha256`).
    fn prefix(self) -> &'static str {
        match self {
            HashMode::Flat => "",
            HashMode::Recursive => "r:",
            HashMode::Text => "text:",
        }
    }
}

/// How a derivation's outputs are addressed.
enum Addressing {
    /// By the derivation's hash modulo its inputs (the default).
    Inputs,
    /// By a hash given in advance (`outputHash`): a fixed-output derivation.
    Fixed {
        hash: Vec<u8>,
        algo: Option<Vec<u8>>,
        mode: HashMode,
    },
    /// By the contents, known after the build (`__contentAddressed = true`), or never
    /// (`__impure = true`).
    Floating {
        algo: HashAlgo,
        mode: HashMode,
        impure: bool,
    },
}

/// Coerces an attribute value to an environment string as `derivationStrict` does
/// (`toString` rules, but paths are copied to the store), adding its context to `ctx`;
/// a value that cannot be coerced is in the frame `what` (Nix gives an attribute's value
/// none: `""`).
fn coerce_env(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: &str,
    ctx: &mut Context,
) -> EvalResult<Vec<u8>> {
    let s = m.coerce_to_string_in(v, CoerceMode::Derivation, span, what, None)?;
    merge_context(ctx, &s.context);
    Ok(s.bytes.to_vec())
}

/// Checks and records the output names.
fn set_outputs(names: Vec<String>, span: Span) -> EvalResult<Vec<String>> {
    let mut seen = BTreeSet::new();
    for n in &names {
        if n == "drvPath" {
            return Err(Error::other(
                format!("invalid derivation output name '{n}'"),
                span,
            ));
        }
        if !seen.insert(n.clone()) {
            return Err(Error::other(
                format!("duplicate derivation output '{n}'"),
                span,
            ));
        }
    }
    if names.is_empty() {
        return Err(Error::other(
            "derivation cannot have an empty set of outputs",
            span,
        ));
    }
    Ok(names)
}

/// `builtins.derivationStrict attrs`: writes the derivation (into the evaluation's
/// store) and returns `{ drvPath; <output> = path; ... }`.
pub fn prim_derivation_strict(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let attrs = args.attrs(m, 0, span)?;
    let name_attr = attrs
        .get_attr(Symbol::new("name"))
        .cloned()
        .ok_or_else(|| {
            let mut e = Error::new(ErrorKind::MissingAttribute("name".into()), None);
            e.push_frame(
                "in the attrset passed as argument to builtins.derivationStrict",
                None,
            );
            e
        })?;
    // Any error in the name is in both frames, as in Nix.
    let in_name = |mut e: Box<Error>| {
        e.push_frame(
            "while evaluating the `name` attribute passed to builtins.derivationStrict",
            None,
        );
        e.push_frame(
            "while evaluating the derivation attribute 'name'",
            name_attr.pos,
        );
        e
    };
    let name_v = m.force(&name_attr.value, Some(span)).map_err(in_name)?;
    let name = match &name_v {
        Value::String(s) => match crate::primop::context_not_allowed(s, None) {
            Some(e) => return Err(in_name(e)),
            None => s.lossy().into_owned(),
        },
        v => return Err(in_name(m.type_error("a string", v, Some(span)))),
    };
    // Nix names where the `name` attribute is, without quoting the line.
    let frame = match name_attr.pos {
        Some(pos) => format!(
            "while evaluating derivation '{name}'\n  whose name attribute is located at {}",
            m.pos_string(pos)
        ),
        None => format!("while evaluating derivation '{name}'"),
    };
    let in_drv = |mut e: Box<Error>| -> Box<Error> {
        e.push_frame_unquoted(frame, name_attr.pos);
        e
    };
    derivation_strict_inner(m, &attrs, &name, span).map_err(in_drv)
}

fn want_bool_attr(m: &mut Machine, attrs: &Attrs, key: &str, span: Span) -> EvalResult<bool> {
    let Some(v) = attrs.get(Symbol::new(key)).cloned() else {
        return Ok(false);
    };
    // Any error in the value is in this frame, as in Nix.
    let in_attr = |mut e: Box<Error>| {
        e.push_frame(
            format!("while evaluating the `{key}` attribute passed to builtins.derivationStrict"),
            None,
        );
        e
    };
    match m.force(&v, Some(span)).map_err(in_attr)? {
        Value::Bool(b) => Ok(b),
        other => Err(in_attr(m.type_error("a Boolean", &other, Some(span)))),
    }
}

/// The derivation of `attrs`, named `name`: its environment gathered attribute by
/// attribute in name order, then its outputs and paths.
fn derivation_strict_inner(
    m: &mut Machine,
    attrs: &Attrs,
    name: &str,
    span: Span,
) -> EvalResult<Value> {
    store::check_name(name).map_err(|e| {
        Error::other(
            format!("invalid derivation name: {e}. Please pass a different 'name'."),
            span,
        )
    })?;
    let structured = want_bool_attr(m, attrs, "__structuredAttrs", span)?;
    let ignore_nulls = want_bool_attr(m, attrs, "__ignoreNulls", span)?;
    let mut g = Gathered::new(name, structured);
    for attr in attrs.sorted_by_name() {
        let key = attr.name.name();
        let key: &str = &key;
        if key == "__ignoreNulls" {
            continue;
        }
        let in_attr = |e: Box<Error>| {
            framed(
                e,
                format!(
                    "while evaluating attribute '{}' of derivation '{name}'",
                    crate::format_attr_name(key)
                ),
                attr.pos,
            )
        };
        let v = m.force(&attr.value, Some(span)).map_err(in_attr)?;
        if ignore_nulls && matches!(v, Value::Null) {
            continue;
        }
        // `__contentAddressed = true` and `__impure = true` choose how the outputs are
        // addressed and are not passed on; `false` is passed on like any attribute.
        if key == "__contentAddressed" || key == "__impure" {
            let Value::Bool(on) = v else {
                return Err(in_attr(m.type_error("a Boolean", &v, Some(span))));
            };
            if on {
                let feature = if key == "__impure" {
                    g.impure = true;
                    "impure-derivations"
                } else {
                    g.content_addressed = true;
                    "ca-derivations"
                };
                require_feature(m, feature, span).map_err(in_attr)?;
                continue;
            }
        }
        if key == "args" {
            let items = match &v {
                Value::List(l) => l.clone(),
                other_v => return Err(in_attr(m.type_error("a list", other_v, Some(span)))),
            };
            for item in items.iter() {
                let s = coerce_env(
                    m,
                    item,
                    span,
                    "while evaluating an element of the argument list",
                    &mut g.ctx,
                )
                .map_err(in_attr)?;
                g.drv.args.push(s);
            }
            continue;
        }
        match &mut g.json {
            Some(_) if key == "__structuredAttrs" => {}
            Some(_) => g.structured_attr(m, key, &v, span, &in_attr)?,
            None => g.plain_attr(m, key, &v, span, &in_attr)?,
        }
    }
    g.finish(m, span)
}

/// What `derivationStrict` gathers from the attributes before it computes paths.
struct Gathered {
    drv: Derivation,
    /// The context of everything passed on: the inputs.
    ctx: Context,
    /// With `__structuredAttrs`: the members of the `__json` object so far.
    json: Option<Vec<Vec<u8>>>,
    output_hash: Option<Vec<u8>>,
    output_hash_algo: Option<Vec<u8>>,
    hash_mode: Option<HashMode>,
    content_addressed: bool,
    impure: bool,
    outputs: Vec<String>,
}

/// The checks of a build's outputs that a derivation names as attributes of its own
/// without `__structuredAttrs`, and under `outputChecks` with it (where Nix warns of them).
const OUTPUT_CHECKS: [&str; 6] = [
    "allowedReferences",
    "allowedRequisites",
    "disallowedReferences",
    "disallowedRequisites",
    "maxSize",
    "maxClosureSize",
];

impl Gathered {
    fn new(name: &str, structured: bool) -> Gathered {
        Gathered {
            drv: Derivation {
                name: name.to_string(),
                outputs: BTreeMap::new(),
                input_drvs: BTreeMap::new(),
                input_srcs: BTreeSet::new(),
                system: Vec::new(),
                builder: Vec::new(),
                args: Vec::new(),
                env: BTreeMap::new(),
            },
            ctx: None,
            json: structured.then(Vec::new),
            output_hash: None,
            output_hash_algo: None,
            hash_mode: None,
            content_addressed: false,
            impure: false,
            outputs: vec!["out".to_string()],
        }
    }

    /// An attribute under `__structuredAttrs`: a member of `__json`; the special ones
    /// must be strings (`outputs` a list of strings).
    fn structured_attr(
        &mut self,
        m: &mut Machine,
        key: &str,
        v: &Value,
        span: Span,
        in_attr: &dyn Fn(Box<Error>) -> Box<Error>,
    ) -> EvalResult<()> {
        let mut vctx = None;
        let text = crate::builtins::to_json(m, v, span, &mut vctx, CoerceMode::Interpolation)
            .map_err(in_attr)?;
        merge_context(&mut self.ctx, &vctx);
        let mut member = Vec::new();
        crate::json::write_string(&mut member, key.as_bytes());
        member.push(b':');
        member.extend_from_slice(&text);
        self.json.get_or_insert_with(Vec::new).push(member);
        if OUTPUT_CHECKS.contains(&key) {
            crate::io::log(
                &*m.io,
                &format!(
                "warning: In a derivation named '{}', 'structuredAttrs' disables the effect of \
                 the derivation attribute '{key}'; use 'outputChecks.<output>.{key}' instead",
                self.drv.name
            ),
            );
        }
        let want_str = |m: &mut Machine, v: &Value| -> EvalResult<Vec<u8>> {
            match v {
                Value::String(s) => Ok(s.bytes.to_vec()),
                other_v => Err(in_attr(m.type_error("a string", other_v, Some(span)))),
            }
        };
        if key == "outputs" {
            let items = match v {
                Value::List(l) => l.clone(),
                other_v => return Err(in_attr(m.type_error("a list", other_v, Some(span)))),
            };
            let mut names = Vec::new();
            for item in items.iter() {
                let item = m.force(item, Some(span))?;
                names.push(String::from_utf8_lossy(&want_str(m, &item)?).into_owned());
            }
            self.outputs = set_outputs(names, span).map_err(in_attr)?;
        } else if is_special(key) {
            let text = want_str(m, v)?;
            self.note_special(m, key, text, span, in_attr)?;
        }
        Ok(())
    }

    /// An attribute without `__structuredAttrs`: an environment variable (`outputs` a
    /// space-separated list).
    fn plain_attr(
        &mut self,
        m: &mut Machine,
        key: &str,
        v: &Value,
        span: Span,
        in_attr: &dyn Fn(Box<Error>) -> Box<Error>,
    ) -> EvalResult<()> {
        let s = coerce_env(m, v, span, "", &mut self.ctx).map_err(in_attr)?;
        if key == "outputs" {
            let names = String::from_utf8_lossy(&s)
                .split([' ', '\t', '\n', '\r'])
                .filter(|w| !w.is_empty())
                .map(|w| w.to_string())
                .collect();
            self.outputs = set_outputs(names, span).map_err(in_attr)?;
        } else if is_special(key) {
            self.note_special(m, key, s.clone(), span, in_attr)?;
        }
        self.drv.env.insert(key.to_string(), s);
        Ok(())
    }

    /// Records `builder`, `system` or an `outputHash*` attribute.
    fn note_special(
        &mut self,
        m: &mut Machine,
        key: &str,
        text: Vec<u8>,
        span: Span,
        in_attr: &dyn Fn(Box<Error>) -> Box<Error>,
    ) -> EvalResult<()> {
        match key {
            "builder" => {
                self.drv.builder = text;
            }
            "system" => {
                self.drv.system = text;
            }
            "outputHash" => self.output_hash = Some(text),
            "outputHashAlgo" => self.output_hash_algo = Some(text),
            _ => self.hash_mode = Some(parse_hash_mode(m, &text, span).map_err(in_attr)?),
        }
        Ok(())
    }

    /// Checks what is required and computes the outputs and paths.
    fn finish(mut self, m: &mut Machine, span: Span) -> EvalResult<Value> {
        if let Some(members) = self.json.take() {
            let mut json = vec![b'{'];
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    json.push(b',');
                }
                json.extend_from_slice(member);
            }
            json.push(b'}');
            self.drv.env.insert("__json".to_string(), json);
        }
        // As in Nix, an empty value (`""`, `null`, `false`, `[ ]`) counts as none.
        if self.drv.builder.is_empty() {
            return Err(Error::other("required attribute 'builder' missing", span));
        }
        if self.drv.system.is_empty() {
            return Err(Error::other("required attribute 'system' missing", span));
        }
        if self.drv.name.ends_with(".drv") {
            let why = "derivation names are allowed to end in '.drv' only if they produce a single derivation file";
            return Err(Error::other(why.to_string(), span));
        }
        let addressing = match self.output_hash {
            Some(hash) => Addressing::Fixed {
                hash,
                algo: self.output_hash_algo,
                mode: self.hash_mode.unwrap_or(HashMode::Flat),
            },
            None if self.content_addressed || self.impure => {
                if self.content_addressed && self.impure {
                    return Err(Error::other(
                        "derivation cannot be both content-addressed and impure",
                        span,
                    ));
                }
                // An algorithm Nix does not know counts as none.
                let algo = self
                    .output_hash_algo
                    .and_then(|a| HashAlgo::parse(&String::from_utf8_lossy(&a)).ok());
                Addressing::Floating {
                    algo: algo.unwrap_or(HashAlgo::Sha256),
                    mode: self.hash_mode.unwrap_or(HashMode::Recursive),
                    impure: self.impure,
                }
            }
            None => Addressing::Inputs,
        };
        finish_derivation(m, self.drv, self.ctx, addressing, &self.outputs, span)
    }
}

/// Whether `derivationStrict` reads attribute `key` itself (besides `outputs`).
fn is_special(key: &str) -> bool {
    matches!(
        key,
        "builder" | "system" | "outputHash" | "outputHashAlgo" | "outputHashMode"
    )
}

/// Fails with Nix's message unless experimental `feature` is enabled.
fn require_feature(m: &Machine, feature: &str, span: Span) -> EvalResult<()> {
    if m.settings
        .experimental_features
        .iter()
        .any(|f| f == feature)
    {
        return Ok(());
    }
    Err(Error::other(feature_disabled(feature), span))
}

/// Nix's message for a use of experimental `feature` while it is disabled.
pub(crate) fn feature_disabled(feature: &str) -> String {
    format!("experimental Nix feature '{feature}' is disabled; add '--extra-experimental-features {feature}' to enable it")
}

/// Computes the inputs, outputs and paths of a derivation whose attributes have been
/// read, and records it. (Kept apart from the attribute loop, which recurses into the
/// evaluation of other derivations, so that the loop's stack frame stays small.)
#[inline(never)]
fn finish_derivation(
    m: &mut Machine,
    mut drv: Derivation,
    ctx: Context,
    addressing: Addressing,
    outputs: &[String],
    span: Span,
) -> EvalResult<Value> {
    let name = drv.name.clone();
    let name = name.as_str();
    // Inputs from the context.
    if let Some(ctx) = &ctx {
        for elem in ctx.iter() {
            match elem {
                ContextElem::Opaque(p) => {
                    drv.input_srcs.insert(p.clone());
                }
                ContextElem::Built(d, o) => {
                    drv.input_drvs
                        .entry(d.clone())
                        .or_default()
                        .insert(o.clone());
                }
                ContextElem::AllOutputs(d) => {
                    let closure = m
                        .drv_store
                        .closure(d)
                        .map_err(|p| Error::other(format!("path '{p}' is not valid"), span))?;
                    for p in closure {
                        if let Some(input) = m.drv_store.get(&p) {
                            let outs: BTreeSet<String> = input.outputs.keys().cloned().collect();
                            drv.input_drvs.entry(p.clone()).or_default().extend(outs);
                        }
                        drv.input_srcs.insert(p);
                    }
                }
            }
        }
    }

    let store_dir = m.settings.store_dir.clone();
    let deferred = match addressing {
        Addressing::Fixed { hash, algo, mode } => {
            set_fixed_output(m, &mut drv, outputs, &hash, algo, mode, span)?;
            false
        }
        Addressing::Floating { algo, mode, impure } => {
            for o in outputs {
                drv.env
                    .insert(o.clone(), store::placeholder(o).into_bytes());
                drv.outputs.insert(
                    o.clone(),
                    DrvOutput {
                        path: String::new(),
                        hash_algo: format!("{}{}", mode.prefix(), algo.name()),
                        hash: if impure {
                            IMPURE_HASH.into()
                        } else {
                            String::new()
                        },
                    },
                );
            }
            true
        }
        Addressing::Inputs => {
            // The outputs are blanked for the hash; they stay blank (deferred) when an
            // input's outputs are only known after a build.
            for o in outputs {
                drv.env.insert(o.clone(), Vec::new());
                drv.outputs.insert(
                    o.clone(),
                    DrvOutput {
                        path: String::new(),
                        hash_algo: String::new(),
                        hash: String::new(),
                    },
                );
            }
            let deferred = m.drv_store.any_input_deferred(&drv);
            if !deferred {
                set_input_addressed_outputs(m, &mut drv, outputs, span)?;
            }
            deferred
        }
    };

    let aterm = drv.aterm();
    let mut refs: Vec<String> = drv.input_srcs.iter().cloned().collect();
    refs.extend(drv.input_drvs.keys().cloned());
    let drv_name = format!("{name}.drv");
    let drv_path = store::make_text_path(&store_dir, &drv_name, &aterm, &refs);
    check_path_name(&store_dir, &drv_path, &drv_name, span)?;
    let hash_modulo = drv
        .hash_modulo(&m.drv_store)
        .map_err(|p| Error::other(format!("path '{p}' is not valid"), span))?;

    let mut entries = Vec::with_capacity(drv.outputs.len() + 1);
    entries.push(Attr {
        name: Symbol::new("drvPath"),
        value: context_string(&drv_path, ContextElem::AllOutputs(drv_path.clone())),
        pos: None,
    });
    for (o, out) in &drv.outputs {
        let path = if out.path.is_empty() {
            require_feature(m, "ca-derivations", span)?;
            store::downstream_placeholder(&drv_path, name, o)
        } else {
            out.path.clone()
        };
        entries.push(Attr {
            name: Symbol::new(o),
            value: context_string(&path, ContextElem::Built(drv_path.clone(), o.clone())),
            pos: None,
        });
    }
    m.drv_store.insert(drv_path, drv, hash_modulo, deferred);
    Ok(Value::attrs(Attrs::from_unsorted(entries)))
}

/// Sets the one output of a fixed-output derivation, from the expected hash.
fn set_fixed_output(
    m: &mut Machine,
    drv: &mut Derivation,
    outputs: &[String],
    hash_text: &[u8],
    output_hash_algo: Option<Vec<u8>>,
    mode: HashMode,
    span: Span,
) -> EvalResult<()> {
    if outputs.len() != 1 || outputs[0] != "out" {
        return Err(Error::other(
            "multiple outputs are not supported in fixed-output derivations",
            span,
        ));
    }
    // An unknown `outputHashAlgo` counts as none (the hash must then name its algorithm).
    let algo = output_hash_algo
        .as_ref()
        .and_then(|a| HashAlgo::parse(&String::from_utf8_lossy(a)).ok());
    let (hash, warning) = Hash::parse_any_allowing_empty(&String::from_utf8_lossy(hash_text), algo)
        .map_err(|e| Error::hash(e, Some(span)))?;
    if let Some(w) = warning {
        crate::io::log(&*m.io, &format!("warning: {w}"));
    }
    let store_dir = &m.settings.store_dir;
    let path = match mode {
        HashMode::Text => {
            if hash.algo != HashAlgo::Sha256 {
                return Err(Error::other(
                    format!(
                        "text-hashed derivation '{}', along with its outputs, must use SHA-256 hashing",
                        drv.name
                    ),
                    span,
                ));
            }
            store::make_store_path(store_dir, "text", &hash, &drv.name)
        }
        HashMode::Flat | HashMode::Recursive => store::make_fixed_output_path(
            store_dir,
            &drv.name,
            mode == HashMode::Recursive,
            &hash,
            &[],
        ),
    };
    drv.env.insert("out".to_string(), path.clone().into_bytes());
    drv.outputs.insert(
        "out".to_string(),
        DrvOutput {
            path,
            hash_algo: format!("{}{}", mode.prefix(), hash.algo.name()),
            hash: hash.to_base16(),
        },
    );
    Ok(())
}

/// Names each output of an input-addressed derivation (whose outputs are blank) by the
/// hash of the derivation modulo its inputs.
fn set_input_addressed_outputs(
    m: &mut Machine,
    drv: &mut Derivation,
    outputs: &[String],
    span: Span,
) -> EvalResult<()> {
    let inputs = drv
        .inputs_modulo(&m.drv_store)
        .map_err(|p| Error::other(format!("path '{p}' is not valid"), span))?;
    let digest = Sha256::digest(drv.aterm_with_inputs(&inputs));
    let inner = Hash::sha256_from_bytes(digest.into());
    let store_dir = &m.settings.store_dir;
    for o in outputs {
        let out_name = if o == "out" {
            drv.name.clone()
        } else {
            format!("{}-{o}", drv.name)
        };
        let path = store::make_store_path(store_dir, &format!("output:{o}"), &inner, &out_name);
        check_path_name(store_dir, &path, &out_name, span)?;
        drv.env.insert(o.clone(), path.clone().into_bytes());
        if let Some(out) = drv.outputs.get_mut(o) {
            out.path = path;
        }
    }
    Ok(())
}

/// Refuses a path made for a derivation whose `name` is not a valid store path name
/// (too long once a `-dev` or `.drv` suffix is added), as Nix refuses it.
fn check_path_name(store_dir: &str, path: &str, name: &str, span: Span) -> EvalResult<()> {
    store::check_name(name).map_err(|e| {
        Error::other(
            store::invalid_store_path_message(store::store_path_base(store_dir, path), &e),
            span,
        )
    })
}

fn parse_hash_mode(m: &Machine, s: &[u8], span: Span) -> EvalResult<HashMode> {
    match s {
        b"flat" => Ok(HashMode::Flat),
        b"recursive" | b"nar" => Ok(HashMode::Recursive),
        b"text" => require_feature(m, "dynamic-derivations", span).map(|()| HashMode::Text),
        b"git" => {
            require_feature(m, "git-hashing", span)?;
            Err(Error::other(
                "nixpad does not implement the 'git' output hash mode (git-hashing)",
                span,
            ))
        }
        _ => Err(Error::other(
            format!(
                "invalid value '{}' for 'outputHashMode' attribute",
                String::from_utf8_lossy(s)
            ),
            span,
        )),
    }
}
