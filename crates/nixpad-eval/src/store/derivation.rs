//! Derivations: `derivationStrict`, the ATerm serialisation of a `.drv` file, Nix's
//! `hashDerivationModulo`, output and `.drv` paths, and the JSON of `nix derivation show`.
//!
//! The algorithm (checked against Nix 2.26):
//! 1. The attributes are visited in name order. Each becomes an environment variable:
//!    `true` → `"1"`, `false`/`null` → `""`, lists space-joined, paths copied to the store;
//!    `args` becomes the argument list, `__ignoreNulls` drops nulls and never appears itself;
//!    with `__structuredAttrs = true` everything but `args` goes into one compact JSON
//!    variable `__json`. The string contexts give the inputs: a derivation output is an
//!    input derivation, a plain store path an input source, a `drvPath` the whole closure
//!    of that `.drv` file.
//! 2. Input-addressed outputs: with the output paths blanked and every input derivation
//!    replaced by its hash modulo, the ATerm's SHA-256 names each output
//!    (`output:NAME` paths). Fixed-output derivations (`outputHash`) get their one path
//!    from the content hash instead.
//!    Content-addressed derivations (`__contentAddressed = true`, experimental
//!    `ca-derivations`) and impure ones (`__impure = true`) record their outputs without
//!    paths (`("out","","r:sha256","")`, `impure` as the hash of an impure one) and give
//!    the builder `builtins.placeholder` values; an input-addressed derivation with such
//!    an input, directly or through others without a fixed output, is deferred: its
//!    outputs stay blank. Evaluation sees a deferred output as a downstream placeholder
//!    (`store::downstream_placeholder`), as Nix does.
//! 3. The `.drv` path is a text path of the final ATerm, referring to the input sources
//!    and input derivations.
//!
//! Every derivation made in an evaluation is kept in a [`DrvStore`] (by `.drv` path), so
//! that inputs can be hashed and shown later.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

use sha2::{Digest, Sha256};

use crate::builtins::Args;
use crate::error::{Error, ErrorKind, EvalResult};
use crate::machine::{merge_context, CoerceMode, Machine};
use crate::source::Span;
use crate::store::{self, Hash, HashAlgo};
use crate::symbol::Symbol;
use crate::value::*;

/// One output of a derivation as the `.drv` file records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrvOutput {
    /// The output's store path; empty when it is only known after the build (a
    /// content-addressed output, or one that depends on such an output).
    pub path: String,
    /// For a fixed or content-addressed output, the method and algorithm: `sha256` (flat),
    /// `r:sha256` (NAR), `text:sha256`; empty for an input-addressed output.
    pub hash_algo: String,
    /// For a fixed output: the expected hash in base 16; `impure` for an impure output;
    /// empty otherwise.
    pub hash: String,
}

/// The `hash` an impure output records.
const IMPURE_HASH: &str = "impure";

impl DrvOutput {
    /// The ingestion method (`flat`, `nar`, `text`, `git`) and hash algorithm of a fixed
    /// or content-addressed output, as `nix derivation show` names them.
    fn method_and_algo(&self) -> (&'static str, &str) {
        let prefixes = [("r:", "nar"), ("text:", "text"), ("git:", "git")];
        for (prefix, method) in prefixes {
            if let Some(algo) = self.hash_algo.strip_prefix(prefix) {
                return (method, algo);
            }
        }
        ("flat", &self.hash_algo)
    }
}

/// A derivation, as written to a `.drv` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derivation {
    /// Its name (the `.drv` path ends in `NAME.drv`).
    pub name: String,
    /// Outputs by name.
    pub outputs: BTreeMap<String, DrvOutput>,
    /// Input derivations (`.drv` paths) and the outputs used of each.
    pub input_drvs: BTreeMap<String, BTreeSet<String>>,
    /// Input store paths that are not derivation outputs.
    pub input_srcs: BTreeSet<String>,
    /// The `system` attribute.
    pub system: Vec<u8>,
    /// The `builder` attribute.
    pub builder: Vec<u8>,
    /// The `args` attribute.
    pub args: Vec<Vec<u8>>,
    /// The environment of the builder.
    pub env: BTreeMap<String, Vec<u8>>,
}

/// The derivations computed so far in one evaluation, by `.drv` path.
#[derive(Default)]
pub struct DrvStore {
    drvs: HashMap<String, Rc<Derivation>>,
    /// `hashDerivationModulo` of each derivation, hex-encoded.
    hashes: HashMap<String, String>,
    /// The derivations whose output paths are only known after a build: content-addressed
    /// (floating) and impure ones, and those that depend on one without a fixed output.
    deferred: HashSet<String>,
}

impl DrvStore {
    /// The derivation written at `drv_path`, if this evaluation made it.
    pub fn get(&self, drv_path: &str) -> Option<&Rc<Derivation>> {
        self.drvs.get(drv_path)
    }

    /// Hex `hashDerivationModulo` of an input (which this evaluation made).
    fn hash_modulo(&self, drv_path: &str) -> Option<&String> {
        self.hashes.get(drv_path)
    }

    /// The closure of a `.drv` file: itself, its sources, and its input derivations'
    /// closures. `Err` names a `.drv` path this evaluation does not know.
    pub fn closure(&self, drv_path: &str) -> Result<BTreeSet<String>, String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![drv_path.to_string()];
        while let Some(p) = todo.pop() {
            if !seen.insert(p.clone()) {
                continue;
            }
            if !p.ends_with(".drv") {
                continue;
            }
            let drv = self.drvs.get(&p).ok_or_else(|| p.clone())?;
            todo.extend(drv.input_srcs.iter().cloned());
            todo.extend(drv.input_drvs.keys().cloned());
        }
        Ok(seen)
    }

    /// Whether any of `drv`'s input derivations has outputs known only after a build.
    fn any_input_deferred(&self, drv: &Derivation) -> bool {
        drv.input_drvs.keys().any(|p| self.deferred.contains(p))
    }

    /// Records a finished derivation.
    fn insert(&mut self, drv_path: String, drv: Derivation, hash_modulo: String, deferred: bool) {
        self.hashes.insert(drv_path.clone(), hash_modulo);
        if deferred {
            self.deferred.insert(drv_path.clone());
        }
        self.drvs.insert(drv_path, Rc::new(drv));
    }
}

/// Appends an ATerm string literal. Runs of bytes that need no escape are copied whole
/// (environments hold long scripts, and every derivation is written twice).
fn aterm_string(out: &mut Vec<u8>, s: &[u8]) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let mut rest = s;
    while let Some(i) = first_escape(rest) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(match rest[i] {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            _ => b"\\t",
        });
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Whether an ATerm string escapes this byte.
fn needs_escape(c: u8) -> bool {
    matches!(c, b'"' | b'\\' | b'\n' | b'\r' | b'\t')
}

/// The index of the first byte of `s` an ATerm string escapes, looking at eight bytes at
/// a time: a word holds byte `c` when `w ^ c…c` has a zero byte, which
/// `(x - 0x01…01) & !x & 0x80…80` detects (exactly, for "some byte is zero").
fn first_escape(s: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let holds = |w: u64, c: u8| {
        let x = w ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let words = s.chunks_exact(8);
    let tail_start = s.len() - words.remainder().len();
    for (n, word) in words.enumerate() {
        let w = word
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        if holds(w, b'"') | holds(w, b'\\') | holds(w, b'\n') | holds(w, b'\r') | holds(w, b'\t')
            != 0
        {
            return word
                .iter()
                .position(|&c| needs_escape(c))
                .map(|i| n * 8 + i);
        }
    }
    s[tail_start..]
        .iter()
        .position(|&c| needs_escape(c))
        .map(|i| tail_start + i)
}

fn aterm_list<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut f: impl FnMut(&mut Vec<u8>, T),
) {
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        f(out, item);
    }
    out.push(b']');
}

impl Derivation {
    /// The `.drv` file's text (`Derive(...)`).
    pub fn aterm(&self) -> Vec<u8> {
        self.aterm_with_inputs(&self.input_drvs)
    }

    /// The ATerm with `inputs` in place of the input derivations (hashes modulo).
    fn aterm_with_inputs(&self, inputs: &BTreeMap<String, BTreeSet<String>>) -> Vec<u8> {
        let mut out = Vec::with_capacity(512);
        out.extend_from_slice(b"Derive(");
        aterm_list(&mut out, &self.outputs, |out, (name, o)| {
            out.push(b'(');
            aterm_string(out, name.as_bytes());
            out.push(b',');
            aterm_string(out, o.path.as_bytes());
            out.push(b',');
            aterm_string(out, o.hash_algo.as_bytes());
            out.push(b',');
            aterm_string(out, o.hash.as_bytes());
            out.push(b')');
        });
        out.push(b',');
        aterm_list(&mut out, inputs, |out, (path, outs)| {
            out.push(b'(');
            aterm_string(out, path.as_bytes());
            out.push(b',');
            aterm_list(out, outs, |out, o| aterm_string(out, o.as_bytes()));
            out.push(b')');
        });
        out.push(b',');
        aterm_list(&mut out, &self.input_srcs, |out, p| {
            aterm_string(out, p.as_bytes())
        });
        out.push(b',');
        aterm_string(&mut out, &self.system);
        out.push(b',');
        aterm_string(&mut out, &self.builder);
        out.push(b',');
        aterm_list(&mut out, &self.args, |out, a| aterm_string(out, a));
        out.push(b',');
        aterm_list(&mut out, &self.env, |out, (k, v)| {
            out.push(b'(');
            aterm_string(out, k.as_bytes());
            out.push(b',');
            aterm_string(out, v);
            out.push(b')');
        });
        out.push(b')');
        out
    }

    /// Whether this is a fixed-output derivation.
    pub fn is_fixed_output(&self) -> bool {
        self.outputs.len() == 1
            && self
                .outputs
                .values()
                .all(|o| !o.hash.is_empty() && o.hash != IMPURE_HASH)
    }

    /// The input derivations with each path replaced by its hash modulo (outputs of
    /// inputs with the same hash are merged).
    fn inputs_modulo(
        &self,
        store: &DrvStore,
    ) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
        let mut inputs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (path, outs) in &self.input_drvs {
            let h = store.hash_modulo(path).ok_or_else(|| path.clone())?;
            inputs
                .entry(h.clone())
                .or_default()
                .extend(outs.iter().cloned());
        }
        Ok(inputs)
    }

    /// Nix's `hashDerivationModulo` (outputs not masked), hex-encoded; `Err` names an
    /// input this store does not know.
    fn hash_modulo(&self, store: &DrvStore) -> Result<String, String> {
        if self.is_fixed_output() {
            let (_, o) = self.outputs.iter().next().expect("one output");
            let text = format!("fixed:out:{}:{}:{}", o.hash_algo, o.hash, o.path);
            return Ok(store::to_base16(&Sha256::digest(text.as_bytes())));
        }
        let inputs = self.inputs_modulo(store)?;
        Ok(store::to_base16(&Sha256::digest(
            self.aterm_with_inputs(&inputs),
        )))
    }

    /// The JSON `nix derivation show` prints for this derivation (the value under its
    /// `.drv` path), indented by `indent` levels of two spaces.
    pub fn write_show_json(&self, out: &mut Vec<u8>, indent: usize) {
        let pad = |out: &mut Vec<u8>, n: usize| {
            out.push(b'\n');
            out.extend(std::iter::repeat_n(b' ', 2 * n));
        };
        let string_list = |out: &mut Vec<u8>, items: Vec<&[u8]>, level: usize| {
            if items.is_empty() {
                out.extend_from_slice(b"[]");
                return;
            }
            out.push(b'[');
            for (i, s) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                pad(out, level + 1);
                crate::json::write_string(out, s);
            }
            pad(out, level);
            out.push(b']');
        };
        let l1 = indent + 1;
        out.push(b'{');
        pad(out, l1);
        out.extend_from_slice(b"\"args\": ");
        string_list(out, self.args.iter().map(|a| a.as_slice()).collect(), l1);
        out.push(b',');
        pad(out, l1);
        out.extend_from_slice(b"\"builder\": ");
        crate::json::write_string(out, &self.builder);
        out.push(b',');
        pad(out, l1);
        out.extend_from_slice(b"\"env\": ");
        if self.env.is_empty() {
            out.extend_from_slice(b"{}");
        } else {
            out.push(b'{');
            for (i, (k, v)) in self.env.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                pad(out, l1 + 1);
                crate::json::write_string(out, k.as_bytes());
                out.extend_from_slice(b": ");
                crate::json::write_string(out, v);
            }
            pad(out, l1);
            out.push(b'}');
        }
        out.push(b',');
        pad(out, l1);
        out.extend_from_slice(b"\"inputDrvs\": ");
        if self.input_drvs.is_empty() {
            out.extend_from_slice(b"{}");
        } else {
            out.push(b'{');
            for (i, (p, outs)) in self.input_drvs.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                pad(out, l1 + 1);
                crate::json::write_string(out, p.as_bytes());
                out.extend_from_slice(b": {");
                pad(out, l1 + 2);
                out.extend_from_slice(b"\"dynamicOutputs\": {},");
                pad(out, l1 + 2);
                out.extend_from_slice(b"\"outputs\": ");
                string_list(out, outs.iter().map(|o| o.as_bytes()).collect(), l1 + 2);
                pad(out, l1 + 1);
                out.push(b'}');
            }
            pad(out, l1);
            out.push(b'}');
        }
        out.push(b',');
        pad(out, l1);
        out.extend_from_slice(b"\"inputSrcs\": ");
        string_list(
            out,
            self.input_srcs.iter().map(|s| s.as_bytes()).collect(),
            l1,
        );
        out.push(b',');
        pad(out, l1);
        out.extend_from_slice(b"\"name\": ");
        crate::json::write_string(out, self.name.as_bytes());
        out.push(b',');
        pad(out, l1);
        out.extend_from_slice(b"\"outputs\": {");
        for (i, (name, o)) in self.outputs.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            pad(out, l1 + 1);
            crate::json::write_string(out, name.as_bytes());
            out.extend_from_slice(b": {");
            let mut fields: Vec<(&str, String)> = Vec::new();
            if !o.hash_algo.is_empty() {
                let (method, algo) = o.method_and_algo();
                if o.hash != IMPURE_HASH && !o.hash.is_empty() {
                    fields.push(("hash", format!("\"{}\"", o.hash)));
                }
                fields.push(("hashAlgo", format!("\"{algo}\"")));
                if o.hash == IMPURE_HASH {
                    fields.push(("impure", "true".into()));
                }
                fields.push(("method", format!("\"{method}\"")));
            }
            if !o.path.is_empty() {
                let mut path = Vec::new();
                crate::json::write_string(&mut path, o.path.as_bytes());
                fields.push(("path", String::from_utf8_lossy(&path).into_owned()));
            }
            for (i, (key, value)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                pad(out, l1 + 2);
                out.extend_from_slice(format!("\"{key}\": {value}").as_bytes());
            }
            if fields.is_empty() {
                out.push(b'}');
            } else {
                pad(out, l1 + 1);
                out.push(b'}');
            }
        }
        pad(out, l1);
        out.extend_from_slice(b"},");
        pad(out, l1);
        out.extend_from_slice(b"\"system\": ");
        crate::json::write_string(out, &self.system);
        pad(out, indent);
        out.push(b'}');
    }
}

/// A derivation as the evaluator API shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivationInfo {
    /// Its `.drv` path.
    pub drv_path: String,
    /// Its name.
    pub name: String,
    /// Output names and their store paths, sorted by name; an output known only after
    /// the build (content-addressed) has the placeholder evaluation gives it instead.
    pub outputs: Vec<(String, String)>,
    /// Input derivations (`.drv` paths) with the output names used, sorted.
    pub input_drvs: Vec<(String, Vec<String>)>,
    /// Input sources (plain store paths), sorted.
    pub input_srcs: Vec<String>,
    /// The `.drv` file's contents (ATerm).
    pub aterm: Vec<u8>,
    /// `nix derivation show`'s JSON for this derivation alone.
    pub show_json: Vec<u8>,
}

impl DrvStore {
    /// The API view of a derivation this store holds.
    pub fn info(&self, drv_path: &str) -> Option<DerivationInfo> {
        let drv = self.drvs.get(drv_path)?;
        Some(DerivationInfo {
            drv_path: drv_path.to_string(),
            name: drv.name.clone(),
            outputs: drv
                .outputs
                .iter()
                .map(|(n, o)| {
                    let path = if o.path.is_empty() {
                        store::downstream_placeholder(drv_path, &drv.name, n)
                    } else {
                        o.path.clone()
                    };
                    (n.clone(), path)
                })
                .collect(),
            input_drvs: drv
                .input_drvs
                .iter()
                .map(|(p, o)| (p.clone(), o.iter().cloned().collect()))
                .collect(),
            input_srcs: drv.input_srcs.iter().cloned().collect(),
            aterm: drv.aterm(),
            show_json: self.show_json(&[drv_path.to_string()], false),
        })
    }

    /// `nix derivation show`'s output for these `.drv` paths (sorted; with `recursive`
    /// their input derivations too), with a final newline. Unknown paths are skipped.
    pub fn show_json(&self, drv_paths: &[String], recursive: bool) -> Vec<u8> {
        let mut paths: BTreeSet<String> = BTreeSet::new();
        let mut todo: Vec<String> = drv_paths.to_vec();
        while let Some(p) = todo.pop() {
            if let Some(drv) = self.drvs.get(&p) {
                if paths.insert(p) && recursive {
                    todo.extend(drv.input_drvs.keys().cloned());
                }
            }
        }
        let mut out = Vec::new();
        out.push(b'{');
        for (i, p) in paths.iter().enumerate() {
            let Some(drv) = self.drvs.get(p) else {
                continue;
            };
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"\n  ");
            crate::json::write_string(&mut out, p.as_bytes());
            out.extend_from_slice(b": ");
            drv.write_show_json(&mut out, 1);
        }
        out.extend_from_slice(if paths.is_empty() { b"}\n" } else { b"\n}\n" });
        out
    }
}

/// The `.drv` path of a derivation value (forcing its `drvPath`), or `None`.
pub fn drv_path_of(m: &mut Machine, v: &Value) -> EvalResult<Option<String>> {
    let v = m.force(v, None)?;
    let Value::Attrs(a) = &v else { return Ok(None) };
    if !m.is_derivation(a)? {
        return Ok(None);
    }
    let Some(p) = a.get(Symbol::new("drvPath")).cloned() else {
        return Ok(None);
    };
    match m.force(&p, None)? {
        Value::String(s) => Ok(Some(s.lossy().into_owned())),
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------------------
// derivationStrict

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
/// (`toString` rules, but paths are copied to the store), adding its context to `ctx`.
fn coerce_env(m: &mut Machine, v: &Value, span: Span, ctx: &mut Context) -> EvalResult<Vec<u8>> {
    let v = m.force(v, Some(span))?;
    match &v {
        Value::Path(_) | Value::Attrs(_) => {
            let s = m.coerce_to_string(&v, CoerceMode::Interpolation, span)?;
            merge_context(ctx, &s.context);
            Ok(s.bytes.to_vec())
        }
        Value::List(items) => {
            let items = items.clone();
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let item = m.force(item, Some(span))?;
                out.extend_from_slice(&coerce_env(m, &item, span, ctx)?);
                if i + 1 < items.len() && !matches!(&item, Value::List(l) if l.is_empty()) {
                    out.push(b' ');
                }
            }
            Ok(out)
        }
        _ => {
            let s = m.coerce_to_string(&v, CoerceMode::ToString, span)?;
            merge_context(ctx, &s.context);
            Ok(s.bytes.to_vec())
        }
    }
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
        .ok_or_else(|| Error::new(ErrorKind::MissingAttribute("name".into()), Some(span)))?;
    let name_v = m.force(&name_attr.value, Some(span))?;
    let name = match &name_v {
        Value::String(s) => s.lossy().into_owned(),
        v => {
            let mut e = m.type_error("a string", v, Some(span));
            e.push_frame(
                "while evaluating the `name` attribute passed to builtins.derivationStrict",
                None,
            );
            return Err(e);
        }
    };
    let in_drv = |e: Box<Error>| -> Box<Error> {
        framed(
            e,
            format!("while evaluating derivation '{name}'"),
            name_attr.pos,
        )
    };
    derivation_strict_inner(m, &attrs, &name, span).map_err(in_drv)
}

fn want_bool_attr(m: &mut Machine, attrs: &Attrs, key: &str, span: Span) -> EvalResult<bool> {
    match attrs.get(Symbol::new(key)) {
        None => Ok(false),
        Some(v) => {
            let v = v.clone();
            match m.force(&v, Some(span))? {
                Value::Bool(b) => Ok(b),
                other_v => {
                    let mut e = m.type_error("a Boolean", &other_v, Some(span));
                    e.push_frame(format!("while evaluating the `{key}` attribute passed to builtins.derivationStrict"), None);
                    Err(e)
                }
            }
        }
    }
}

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

    let mut drv = Derivation {
        name: name.to_string(),
        outputs: BTreeMap::new(),
        input_drvs: BTreeMap::new(),
        input_srcs: BTreeSet::new(),
        system: Vec::new(),
        builder: Vec::new(),
        args: Vec::new(),
        env: BTreeMap::new(),
    };
    let mut ctx: Context = None;
    let mut json: Vec<u8> = Vec::new();
    let mut json_fields = 0usize;
    let (mut have_builder, mut have_system) = (false, false);
    let mut output_hash: Option<Vec<u8>> = None;
    let mut output_hash_algo: Option<Vec<u8>> = None;
    let mut hash_mode: Option<HashMode> = None;
    let (mut content_addressed, mut impure) = (false, false);
    let mut outputs: Vec<String> = vec!["out".to_string()];

    for attr in attrs.sorted_by_name() {
        let key = attr.name.name();
        let key: &str = &key;
        if key == "__ignoreNulls" {
            continue;
        }
        let in_attr = |e: Box<Error>| {
            framed(
                e,
                format!("while evaluating attribute '{key}' of derivation '{name}'"),
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
                    impure = true;
                    "impure-derivations"
                } else {
                    content_addressed = true;
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
                let s = coerce_env(m, item, span, &mut ctx).map_err(in_attr)?;
                drv.args.push(s);
            }
            continue;
        }
        if structured {
            if key == "__structuredAttrs" {
                continue;
            }
            let mut vctx = None;
            let text = crate::builtins::to_json(m, &v, span, &mut vctx).map_err(in_attr)?;
            merge_context(&mut ctx, &vctx);
            json.push(if json_fields == 0 { b'{' } else { b',' });
            json_fields += 1;
            crate::json::write_string(&mut json, key.as_bytes());
            json.push(b':');
            json.extend_from_slice(&text);
            let want_str = |m: &mut Machine, v: &Value| -> EvalResult<Vec<u8>> {
                match v {
                    Value::String(s) => Ok(s.bytes.to_vec()),
                    other_v => Err(m.type_error("a string", other_v, Some(span))),
                }
            };
            match key {
                "builder" => {
                    drv.builder = want_str(m, &v).map_err(in_attr)?;
                    have_builder = true;
                }
                "system" => {
                    drv.system = want_str(m, &v).map_err(in_attr)?;
                    have_system = true;
                }
                "outputHash" => output_hash = Some(want_str(m, &v).map_err(in_attr)?),
                "outputHashAlgo" => output_hash_algo = Some(want_str(m, &v).map_err(in_attr)?),
                "outputHashMode" => {
                    let mode = want_str(m, &v).map_err(in_attr)?;
                    hash_mode = Some(parse_hash_mode(m, &mode, span).map_err(in_attr)?);
                }
                "outputs" => {
                    let items = match &v {
                        Value::List(l) => l.clone(),
                        other_v => {
                            return Err(in_attr(m.type_error("a list", other_v, Some(span))))
                        }
                    };
                    let mut names = Vec::new();
                    for item in items.iter() {
                        let item = m.force(item, Some(span))?;
                        names.push(
                            String::from_utf8_lossy(&want_str(m, &item).map_err(in_attr)?)
                                .into_owned(),
                        );
                    }
                    outputs = set_outputs(names, span)?;
                }
                _ => {}
            }
            continue;
        }
        let s = coerce_env(m, &v, span, &mut ctx).map_err(in_attr)?;
        match key {
            "builder" => {
                drv.builder = s.clone();
                have_builder = true;
            }
            "system" => {
                drv.system = s.clone();
                have_system = true;
            }
            "outputHash" => output_hash = Some(s.clone()),
            "outputHashAlgo" => output_hash_algo = Some(s.clone()),
            "outputHashMode" => hash_mode = Some(parse_hash_mode(m, &s, span).map_err(in_attr)?),
            "outputs" => {
                let names = String::from_utf8_lossy(&s)
                    .split([' ', '\t', '\n', '\r'])
                    .filter(|w| !w.is_empty())
                    .map(|w| w.to_string())
                    .collect();
                outputs = set_outputs(names, span)?;
            }
            _ => {}
        }
        drv.env.insert(key.to_string(), s);
    }
    if structured {
        if json_fields == 0 {
            json.push(b'{');
        }
        json.push(b'}');
        drv.env.insert("__json".to_string(), json);
    }
    if !have_builder {
        return Err(Error::other("required attribute 'builder' missing", span));
    }
    if !have_system {
        return Err(Error::other("required attribute 'system' missing", span));
    }
    if drv.name.ends_with(".drv") {
        let why = "derivation names are allowed to end in '.drv' only if they produce a single derivation file";
        return Err(Error::other(why.to_string(), span));
    }

    let addressing = match output_hash {
        Some(hash) => Addressing::Fixed {
            hash,
            algo: output_hash_algo,
            mode: hash_mode.unwrap_or(HashMode::Flat),
        },
        None if content_addressed || impure => {
            if content_addressed && impure {
                return Err(Error::other(
                    "derivation cannot be both content-addressed and impure",
                    span,
                ));
            }
            // An algorithm Nix does not know counts as none.
            let algo =
                output_hash_algo.and_then(|a| HashAlgo::parse(&String::from_utf8_lossy(&a)).ok());
            Addressing::Floating {
                algo: algo.unwrap_or(HashAlgo::Sha256),
                mode: hash_mode.unwrap_or(HashMode::Recursive),
                impure,
            }
        }
        None => Addressing::Inputs,
    };
    finish_derivation(m, drv, ctx, addressing, &outputs, span)
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
    Err(Error::other(
        format!("experimental Nix feature '{feature}' is disabled; add '--extra-experimental-features {feature}' to enable it"),
        span,
    ))
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
    let drv_path = store::make_text_path(&store_dir, &format!("{name}.drv"), &aterm, &refs);
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
        .map_err(|e| Error::other(e, span))?;
    if let Some(w) = warning {
        m.io.trace(&format!("warning: {w}"));
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
        store::check_name(&out_name).map_err(|e| {
            Error::other(
                store::invalid_store_path_message(store::store_path_base(store_dir, &path), &e),
                span,
            )
        })?;
        drv.env.insert(o.clone(), path.clone().into_bytes());
        if let Some(out) = drv.outputs.get_mut(o) {
            out.path = path;
        }
    }
    Ok(())
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

/// A string with a one-element context.
pub fn context_string(s: &str, elem: ContextElem) -> Value {
    let mut set = BTreeSet::new();
    set.insert(elem);
    Value::string_with_context(s.as_bytes().to_vec(), Some(Box::new(set)))
}

/// Nix source of `derivation`, built on `derivationStrict` (the same shape as Nix's:
/// the result is the first output's attribute set; every output shares `all`,
/// `drvAttrs` and the input attributes).
pub const DERIVATION_NIX: &str = r#"drvAttrs@{ outputs ? [ "out" ], ... }:
let
  strict = derivationStrict drvAttrs;
  shared = drvAttrs // (builtins.listToAttrs outputList) // {
    all = map (o: o.value) outputList;
    inherit drvAttrs;
  };
  outputEntry = outputName: {
    name = outputName;
    value = shared // {
      outPath = builtins.getAttr outputName strict;
      drvPath = strict.drvPath;
      type = "derivation";
      inherit outputName;
    };
  };
  outputList = map outputEntry outputs;
in (builtins.head outputList).value
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_at_a_time_scan_finds_what_a_byte_scan_finds() {
        let alphabet = b"ab\"\\\n\r\tz\x80\xff\x00\x09\x0a\x0d\x22\x5c";
        // Every string of up to 20 bytes built by a fixed sequence (no randomness).
        let mut seed = 7u32;
        for len in 0..40 {
            for _ in 0..50 {
                let s: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        let pick = (seed >> 16) as usize;
                        if pick.is_multiple_of(4) {
                            alphabet[pick % alphabet.len()]
                        } else {
                            b'a' + (pick % 26) as u8
                        }
                    })
                    .collect();
                let naive = s.iter().position(|&c| needs_escape(c));
                assert_eq!(first_escape(&s), naive, "{s:?}");
            }
        }
        let mut out = Vec::new();
        aterm_string(&mut out, b"say \"hi\"\\\n\tend\r");
        assert_eq!(out, b"\"say \\\"hi\\\"\\\\\\n\\tend\\r\"");
    }
}
