//! Derivations: the ATerm serialisation of a `.drv` file, Nix's `hashDerivationModulo`,
//! output and `.drv` paths, and the JSON of `nix derivation show`. The builtin that makes
//! them (`derivationStrict`) is in `builtins/derivations.rs`.
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

use crate::store;
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
pub(crate) const IMPURE_HASH: &str = "impure";

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
    pub(crate) fn hash_modulo(&self, drv_path: &str) -> Option<&String> {
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
    pub(crate) fn any_input_deferred(&self, drv: &Derivation) -> bool {
        drv.input_drvs.keys().any(|p| self.deferred.contains(p))
    }

    /// Records a finished derivation.
    pub(crate) fn insert(
        &mut self,
        drv_path: String,
        drv: Derivation,
        hash_modulo: String,
        deferred: bool,
    ) {
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
    pub(crate) fn aterm_with_inputs(&self, inputs: &BTreeMap<String, BTreeSet<String>>) -> Vec<u8> {
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
    pub(crate) fn inputs_modulo(
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
    pub(crate) fn hash_modulo(&self, store: &DrvStore) -> Result<String, String> {
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

/// A string with a one-element context.
pub fn context_string(s: &str, elem: ContextElem) -> Value {
    Value::string_with_context(s.as_bytes().to_vec(), Some(Rc::from([elem])))
}

/// Nix source of `derivation`, built on `derivationStrict`: the result is the first
/// output's attribute set; every output shares `all`, `drvAttrs` and the input
/// attributes. The text is Nixpad's own, laid out so that the lines an error trace quotes
/// (the function's head, the `derivationStrict`, `map`, `getAttr` and `head` calls) sit
/// at the lines and columns Nix's traces name, with the same neighbouring lines: a trace
/// through `derivation` then reads as Nix's does.
pub const DERIVATION_NIX: &str = r#"/*
  `derivation`, as the `derivation` global of Nixpad's evaluator.

  A call `derivation attrs` hands `attrs` to the builtin `derivationStrict`, which
  checks them, writes the `.drv` and returns the store paths of the derivation and of
  each of its outputs. What this function adds is laziness and shape:

  - the result is an attribute set for the first output (usually `out`), holding every
    input attribute, `outPath`, `drvPath`, `type = "derivation"` and `outputName`;

  - each output's set is also an attribute of every other one (`hello.dev.out`), and
    `all` lists them in order;

  - `drvAttrs` keeps the attributes as they were given.

  Nothing is computed before it is asked for: reading `name` or `meta` of the result
  never writes a derivation, and only `outPath` or `drvPath` call `derivationStrict`.

  The line layout is deliberate: error traces quote the lines around the calls below
  (the function head, `derivationStrict`, `map`, `getAttr`, `head`), and they sit where
  the traces of Nix's own evaluator put them, so the two print the same trace.
  Keep the line numbers of those calls when editing this file.

  Why `derivationStrict` is called once, in a `let`: every output's set reads its
  paths from the same result, so the `.drv` is written once however many outputs are
  used. Why `listToAttrs`: the outputs become attributes named after them, so
  `drv.dev` is the `dev` output's set, and `drv.dev.out` leads back to the first
  output.
*/
drvAttrs@{
  outputs ? [ "out" ],
  ...
}:

let

  strict = derivationStrict drvAttrs;

  commonAttrs = drvAttrs // (builtins.listToAttrs outputsList) // {
    all = map (output: output.value) outputsList;
    inherit drvAttrs;
  };

  outputToAttrListElement = outputName: {
    name = outputName;
    # The set of one output: the shared attributes plus its own paths.
    # `getAttr` (not `strict.${outputName}`) so that a trace names the call;
    # `drvPath` is the same for every output.
    value = commonAttrs // {
      outPath = builtins.getAttr outputName strict;
      drvPath = strict.drvPath;
      type = "derivation";
      inherit outputName;
    };
  };

  outputsList = map outputToAttrListElement outputs;

in
(builtins.head outputsList).value
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
