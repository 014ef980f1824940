//! Software bills of materials: a package's dependency graph, read from its derivation
//! values (`buildInputs`, `nativeBuildInputs`, `src`, ...), exported as CycloneDX JSON, and
//! a licence report for its closure (unfree and copyleft licences flagged).
//!
//! The graph comes from the Nix values, not the `.drv` files, because licences and versions
//! live in `meta`, which never reaches a derivation. What runs at build time only
//! (`nativeBuildInputs`, sources, the build tools of build tools) is marked `build`;
//! what the package links against or propagates is `runtime`.

use std::collections::{BTreeMap, BTreeSet};

use nixpad_eval::{EvalResult, Evaluator, Value, ValueView};
use serde_json::{json, Value as Json};

/// Attributes whose derivations are needed when the package runs.
const RUNTIME_INPUTS: &[&str] = &["buildInputs", "propagatedBuildInputs"];
/// Attributes whose derivations are needed only to build it.
const BUILD_INPUTS: &[&str] = &[
    "nativeBuildInputs",
    "propagatedNativeBuildInputs",
    "depsBuildBuild",
    "nativeCheckInputs",
    "checkInputs",
];

/// How a component is needed by the package the report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// Only to build it (or to build something it needs).
    Build,
    /// When it runs (linked, propagated, or the package itself).
    Runtime,
}

/// A licence as `meta.license` gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Licence {
    /// The SPDX identifier, when there is one (`MIT`).
    pub spdx_id: Option<String>,
    /// The licence's name (`MIT License`), or the string `meta.license` held.
    pub name: String,
    /// Whether it is a free software licence (`free = false` for unfree ones).
    pub free: bool,
}

impl Licence {
    /// "copyleft", "weak copyleft" or `None`, from the SPDX identifier.
    pub fn copyleft(&self) -> Option<&'static str> {
        let id = self.spdx_id.as_deref()?;
        if id.starts_with("GPL-") || id.starts_with("AGPL-") {
            Some("copyleft")
        } else if id.starts_with("LGPL-") || id.starts_with("MPL-") || id.starts_with("EPL-") {
            Some("weak copyleft")
        } else {
            None
        }
    }
}

/// One package of the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Component {
    /// Its `.drv` path (the component's identity).
    pub drv_path: String,
    /// The derivation's name (`hello-2.12.1`).
    pub name: String,
    /// `pname`, or the name without its version.
    pub pname: String,
    /// `version`, when it has one.
    pub version: Option<String>,
    /// `meta.description`.
    pub description: Option<String>,
    /// `meta.license` (one or several).
    pub licences: Vec<Licence>,
    /// The hash that fixes its content: its own `outputHash` for a fixed-output
    /// derivation (a download), else its source's (`src.outputHash`), as written.
    pub source_hash: Option<String>,
    /// Its default output's store path.
    pub out_path: Option<String>,
    /// How the root package needs it.
    pub need: Need,
    /// The `.drv` paths of the components it needs directly, with how.
    pub depends_on: BTreeMap<String, Need>,
}

/// A package's dependency graph, root first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graph {
    /// The package the graph is about, then everything it needs, by `.drv` path.
    pub components: Vec<Component>,
}

fn string(ev: &mut Evaluator, attrs: &[(String, Value)], name: &str) -> Option<String> {
    let v = attrs.iter().find(|(n, _)| n == name)?.1.clone();
    match ev.view(&v, true).ok()? {
        ValueView::String(s) => Some(String::from_utf8_lossy(&s).into_owned()),
        _ => None,
    }
}

fn attr(attrs: &[(String, Value)], name: &str) -> Option<Value> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

fn set_of(ev: &mut Evaluator, v: &Value) -> Option<Vec<(String, Value)>> {
    match ev.view(v, true).ok()? {
        ValueView::Attrs(a) => Some(a),
        _ => None,
    }
}

/// The licences of a `meta.license` value: a licence set, a list of them, or a string.
fn licences(ev: &mut Evaluator, v: &Value) -> Vec<Licence> {
    match ev.view(v, true) {
        Ok(ValueView::List(items)) => items.iter().flat_map(|i| licences(ev, i)).collect(),
        Ok(ValueView::String(s)) => vec![Licence {
            spdx_id: None,
            name: String::from_utf8_lossy(&s).into_owned(),
            free: true,
        }],
        Ok(ValueView::Attrs(a)) => {
            let free = !matches!(
                attr(&a, "free").map(|f| ev.view(&f, true)),
                Some(Ok(ValueView::Bool(false)))
            );
            let spdx_id = string(ev, &a, "spdxId");
            let name = string(ev, &a, "fullName")
                .or_else(|| string(ev, &a, "shortName"))
                .or_else(|| spdx_id.clone())
                .unwrap_or_else(|| "unknown".into());
            vec![Licence {
                spdx_id,
                name,
                free,
            }]
        }
        _ => Vec::new(),
    }
}

/// The derivations a list attribute (or a single derivation attribute) holds.
fn derivations_in(ev: &mut Evaluator, v: &Value) -> EvalResult<Vec<Value>> {
    Ok(match ev.view(v, true)? {
        ValueView::List(items) => items,
        ValueView::Attrs(_) => vec![v.clone()],
        _ => Vec::new(),
    })
}

/// Reads the dependency graph of the derivation `root`. Errs when evaluating a
/// dependency fails, or when `root` is not a derivation.
pub fn graph(ev: &mut Evaluator, root: &Value) -> EvalResult<Graph> {
    let not_a_derivation = |what: &str| {
        nixpad_eval::Error::new(
            nixpad_eval::ErrorKind::Other(format!("an SBOM is made for a derivation, not {what}")),
            None,
        )
    };
    let Some(root_path) = ev.derivation_path(root)? else {
        let kind = ev.type_of(root)?;
        return Err(not_a_derivation(kind));
    };
    let mut found: BTreeMap<String, Component> = BTreeMap::new();
    let mut order = vec![root_path.clone()];
    let mut todo = vec![(root.clone(), root_path.clone())];
    while let Some((value, drv_path)) = todo.pop() {
        if found.contains_key(&drv_path) {
            continue;
        }
        let attrs = set_of(ev, &value).unwrap_or_default();
        let name = string(ev, &attrs, "name").unwrap_or_default();
        let version = string(ev, &attrs, "version");
        let pname = string(ev, &attrs, "pname").unwrap_or_else(|| match &version {
            Some(v) => name
                .strip_suffix(&format!("-{v}"))
                .unwrap_or(&name)
                .to_string(),
            None => name.clone(),
        });
        let meta = attr(&attrs, "meta")
            .and_then(|m| set_of(ev, &m))
            .unwrap_or_default();
        let description = string(ev, &meta, "description");
        let licences = attr(&meta, "license")
            .map(|l| licences(ev, &l))
            .unwrap_or_default();
        let out_path = string(ev, &attrs, "outPath");
        let mut depends_on = BTreeMap::new();
        let mut source_hash = string(ev, &attrs, "outputHash");
        let inputs: Vec<(&str, Need)> = RUNTIME_INPUTS
            .iter()
            .map(|a| (*a, Need::Runtime))
            .chain(BUILD_INPUTS.iter().map(|a| (*a, Need::Build)))
            .chain(std::iter::once(("src", Need::Build)))
            .collect();
        for (name, edge) in inputs {
            let Some(v) = attr(&attrs, name) else {
                continue;
            };
            for dep in derivations_in(ev, &v)? {
                let Some(path) = ev.derivation_path(&dep)? else {
                    continue;
                };
                if name == "src" && source_hash.is_none() {
                    let src = set_of(ev, &dep).unwrap_or_default();
                    source_hash = string(ev, &src, "outputHash");
                }
                let entry = depends_on.entry(path.clone()).or_insert(edge);
                *entry = (*entry).max(edge);
                if !order.contains(&path) {
                    order.push(path.clone());
                }
                todo.push((dep, path));
            }
        }
        found.insert(
            drv_path.clone(),
            Component {
                drv_path,
                name,
                pname,
                version,
                description,
                licences,
                source_hash,
                out_path,
                need: Need::Build,
                depends_on,
            },
        );
    }
    // Needed at run time: the root, and what a runtime component needs at run time.
    let mut runtime = vec![root_path];
    while let Some(p) = runtime.pop() {
        let Some(c) = found.get_mut(&p) else { continue };
        c.need = Need::Runtime;
        for (dep, edge) in c.depends_on.clone() {
            if edge == Need::Runtime && found.get(&dep).is_some_and(|d| d.need == Need::Build) {
                runtime.push(dep);
            }
        }
    }
    Ok(Graph {
        components: order.into_iter().filter_map(|p| found.remove(&p)).collect(),
    })
}

/// An SRI hash (`sha256-BASE64`) or a bare hexadecimal SHA-256, as CycloneDX's
/// `{ alg, content }` with hexadecimal content.
fn cyclonedx_hash(hash: &str) -> Option<Json> {
    let (alg, bytes) = if let Some(b64) = hash.strip_prefix("sha256-") {
        ("SHA-256", decode_base64(b64)?)
    } else if let Some(b64) = hash.strip_prefix("sha512-") {
        ("SHA-512", decode_base64(b64)?)
    } else if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Some(json!({ "alg": "SHA-256", "content": hash.to_ascii_lowercase() }));
    } else {
        return None;
    };
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Some(json!({ "alg": alg, "content": hex }))
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes().filter(|&c| c != b'=') {
        acc = (acc << 6) | value(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

fn component_json(c: &Component, is_root: bool) -> Json {
    let mut j = json!({
        "type": if is_root { "application" } else { "library" },
        "bom-ref": c.drv_path,
        "name": c.pname,
    });
    if let Some(v) = &c.version {
        j["version"] = json!(v);
    }
    if let Some(d) = &c.description {
        j["description"] = json!(d);
    }
    if !c.licences.is_empty() {
        j["licenses"] = Json::Array(
            c.licences
                .iter()
                .map(|l| match &l.spdx_id {
                    Some(id) => json!({ "license": { "id": id } }),
                    None => json!({ "license": { "name": l.name } }),
                })
                .collect(),
        );
    }
    if let Some(h) = c.source_hash.as_deref().and_then(cyclonedx_hash) {
        j["hashes"] = json!([h]);
    }
    if !is_root {
        j["scope"] = json!(if c.need == Need::Runtime {
            "required"
        } else {
            "excluded"
        });
    }
    let mut properties = vec![json!({ "name": "nix:drv_path", "value": c.drv_path })];
    if let Some(out) = &c.out_path {
        properties.push(json!({ "name": "nix:out_path", "value": out }));
    }
    properties.push(json!({
        "name": "nixpad:needed_at",
        "value": if c.need == Need::Runtime { "runtime" } else { "build" },
    }));
    j["properties"] = Json::Array(properties);
    j
}

/// The graph as a CycloneDX 1.5 JSON document (deterministic: the serial number is
/// derived from the root's `.drv` path).
pub fn cyclonedx(graph: &Graph) -> String {
    let Some(root) = graph.components.first() else {
        return "{}\n".into();
    };
    let digest = nixpad_eval::store::HashAlgo::Sha256.digest(root.drv_path.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let serial = format!(
        "urn:uuid:{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    );
    let doc = json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": serial,
        "version": 1,
        "metadata": {
            "tools": { "components": [ { "type": "application", "name": "nixpad" } ] },
            "component": component_json(root, true),
        },
        "components": graph.components[1..].iter().map(|c| component_json(c, false)).collect::<Vec<_>>(),
        "dependencies": graph.components.iter().map(|c| json!({
            "ref": c.drv_path,
            "dependsOn": c.depends_on.keys().collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// A licence report for the graph: one line per component (the start of its `.drv`
/// hash, name, version, when it is needed, licences), unfree and copyleft licences
/// flagged, and a summary.
pub fn licence_report(graph: &Graph) -> String {
    let mut rows = Vec::new();
    let mut unfree = BTreeSet::new();
    let mut copyleft = BTreeSet::new();
    for c in &graph.components {
        let mut flags = Vec::new();
        for l in &c.licences {
            if !l.free {
                flags.push("UNFREE".to_string());
                unfree.insert(c.name.clone());
            }
            if let Some(kind) = l.copyleft() {
                flags.push(kind.to_string());
                copyleft.insert(c.name.clone());
            }
        }
        flags.dedup();
        let names: Vec<String> = c
            .licences
            .iter()
            .map(|l| l.spdx_id.clone().unwrap_or_else(|| l.name.clone()))
            .collect();
        let id = c
            .drv_path
            .rsplit('/')
            .next()
            .unwrap_or("")
            .get(..8)
            .unwrap_or("")
            .to_string();
        rows.push((
            id,
            c.pname.clone(),
            c.version.clone().unwrap_or_default(),
            if c.need == Need::Runtime {
                "runtime"
            } else {
                "build"
            },
            if names.is_empty() {
                "(none given)".to_string()
            } else {
                names.join(", ")
            },
            flags.join(", "),
        ));
    }
    type Row = (String, String, String, &'static str, String, String);
    let width = |f: fn(&Row) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let (w0, w1, w3) = (
        width(|r| r.1.len()),
        width(|r| r.2.len()),
        width(|r| r.4.len()),
    );
    let mut out = String::new();
    for (id, pname, version, need, licences, flags) in &rows {
        let line = format!("{id}  {pname:w0$}  {version:w1$}  {need:7}  {licences:w3$}  {flags}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let runtime = graph
        .components
        .iter()
        .filter(|c| c.need == Need::Runtime)
        .count();
    out.push_str(&format!(
        "{} components ({runtime} needed at run time); {} unfree, {} copyleft\n",
        graph.components.len(),
        unfree.len(),
        copyleft.len()
    ));
    out
}
