//! `flake.lock` in Nix's format (version 7): a graph of nodes keyed by name, the root's
//! inputs, each other node's `locked` and `original` reference, `flake = false`,
//! `parent` for relative `path:` inputs, and `follows` as input paths from the root.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value as Json};

use crate::reference::Attrs;

/// Where an input of a node leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputTarget {
    /// Another node, by key.
    Node(String),
    /// Whatever this input path (from the root) leads to: `follows`.
    Follows(Vec<String>),
}

/// One node of the lock graph.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LockNode {
    /// The node's inputs.
    pub inputs: BTreeMap<String, InputTarget>,
    /// The exact reference fetched (absent for the root).
    pub locked: Option<Attrs>,
    /// The reference as written in `flake.nix`.
    pub original: Option<Attrs>,
    /// `false` for `flake = false` inputs.
    pub flake: bool,
    /// For a relative `path:` input: the input path of the flake it is relative to.
    pub parent: Option<Vec<String>>,
}

/// A whole lock file.
#[derive(Clone, Debug, PartialEq)]
pub struct LockFile {
    /// Nodes by key.
    pub nodes: BTreeMap<String, LockNode>,
    /// The root node's key.
    pub root: String,
}

/// The lock file version written.
pub const VERSION: i64 = 7;

impl LockFile {
    /// The lock file of a flake without inputs.
    pub fn empty() -> LockFile {
        let mut nodes = BTreeMap::new();
        nodes.insert(
            "root".to_string(),
            LockNode {
                flake: true,
                ..LockNode::default()
            },
        );
        LockFile {
            nodes,
            root: "root".to_string(),
        }
    }

    /// The node an input path (`["a", "b"]`) leads to from the root, following `follows`.
    pub fn resolve(&self, path: &[String]) -> Result<String, String> {
        self.resolve_depth(path, 0)
    }

    fn resolve_depth(&self, path: &[String], depth: usize) -> Result<String, String> {
        if depth > 64 {
            return Err(format!("input '{}' follows itself", path.join("/")));
        }
        let mut key = self.root.clone();
        for (i, name) in path.iter().enumerate() {
            let node = self
                .nodes
                .get(&key)
                .ok_or_else(|| format!("lock file has no node '{key}'"))?;
            key = match node.inputs.get(name) {
                Some(InputTarget::Node(k)) => k.clone(),
                Some(InputTarget::Follows(target)) => self.resolve_depth(target, depth + 1)?,
                None => {
                    return Err(format!("input '{}' does not exist", path[..=i].join("/")));
                }
            };
        }
        Ok(key)
    }

    /// The JSON text, as Nix writes it (sorted keys, two-space indentation, final newline).
    pub fn to_json(&self) -> String {
        let mut nodes = Map::new();
        for (key, node) in &self.nodes {
            let mut n = Map::new();
            if !node.inputs.is_empty() {
                let inputs: Map<String, Json> = node
                    .inputs
                    .iter()
                    .map(|(name, t)| {
                        let v = match t {
                            InputTarget::Node(k) => json!(k),
                            InputTarget::Follows(p) => json!(p),
                        };
                        (name.clone(), v)
                    })
                    .collect();
                n.insert("inputs".into(), Json::Object(inputs));
            }
            if let Some(l) = &node.locked {
                n.insert("locked".into(), Json::Object(l.clone()));
            }
            if let Some(o) = &node.original {
                n.insert("original".into(), Json::Object(o.clone()));
            }
            if !node.flake {
                n.insert("flake".into(), json!(false));
            }
            if let Some(p) = &node.parent {
                n.insert("parent".into(), json!(p));
            }
            nodes.insert(key.clone(), Json::Object(n));
        }
        let doc = json!({ "nodes": nodes, "root": self.root, "version": VERSION });
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The lock file as a JSON value (for `flake metadata --json`'s `locks`).
    pub fn to_value(&self) -> Json {
        serde_json::from_str(&self.to_json()).unwrap_or(Json::Null)
    }

    /// Reads a lock file; `name` is its path, for messages.
    pub fn parse(text: &str, name: &str) -> Result<LockFile, String> {
        let bad = |why: String| format!("lock file '{name}' is malformed: {why}");
        let doc: Json =
            serde_json::from_str(text).map_err(|e| bad(format!("invalid JSON: {e}")))?;
        let doc = doc
            .as_object()
            .ok_or_else(|| bad("expected a JSON object".into()))?;
        match doc.get("version").and_then(|v| v.as_i64()) {
            Some(5..=7) => {}
            Some(v) => return Err(format!("lock file '{name}' has unsupported version {v}")),
            None => return Err(bad("'version' is missing or not a number".into())),
        }
        let root = doc
            .get("root")
            .and_then(|r| r.as_str())
            .ok_or_else(|| bad("'root' is missing or not a string".into()))?;
        let raw_nodes = doc
            .get("nodes")
            .and_then(|n| n.as_object())
            .ok_or_else(|| bad("'nodes' is missing or not an object".into()))?;
        if !raw_nodes.contains_key(root) {
            return Err(bad(format!("the root node '{root}' does not exist")));
        }
        let mut nodes = BTreeMap::new();
        for (key, raw) in raw_nodes {
            let raw = raw
                .as_object()
                .ok_or_else(|| bad(format!("node '{key}' is not an object")))?;
            let mut node = LockNode {
                flake: true,
                ..LockNode::default()
            };
            if let Some(inputs) = raw.get("inputs") {
                let inputs = inputs
                    .as_object()
                    .ok_or_else(|| bad(format!("inputs of node '{key}' are not an object")))?;
                for (input, target) in inputs {
                    let t = match target {
                        Json::String(k) => InputTarget::Node(k.clone()),
                        Json::Array(items) => InputTarget::Follows(
                            items
                                .iter()
                                .map(|i| i.as_str().map(str::to_string))
                                .collect::<Option<Vec<_>>>()
                                .ok_or_else(|| bad(format!("input '{input}' of node '{key}' follows a path that is not a list of strings")))?,
                        ),
                        _ => return Err(bad(format!("input '{input}' of node '{key}' is neither a node name nor a path"))),
                    };
                    node.inputs.insert(input.clone(), t);
                }
            }
            for (field, slot) in [
                ("locked", &mut node.locked),
                ("original", &mut node.original),
            ] {
                if let Some(v) = raw.get(field) {
                    *slot = Some(v.as_object().cloned().ok_or_else(|| {
                        bad(format!("'{field}' of node '{key}' is not an object"))
                    })?);
                }
            }
            if key != root && (node.locked.is_none() || node.original.is_none()) {
                return Err(bad(format!("node '{key}' lacks 'locked' or 'original'")));
            }
            if let Some(f) = raw.get("flake") {
                node.flake = f
                    .as_bool()
                    .ok_or_else(|| bad(format!("'flake' of node '{key}' is not a Boolean")))?;
            }
            if let Some(p) = raw.get("parent") {
                let items = p.as_array().and_then(|a| {
                    a.iter()
                        .map(|i| i.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()
                });
                node.parent = Some(items.ok_or_else(|| {
                    bad(format!("'parent' of node '{key}' is not a list of strings"))
                })?);
            }
            nodes.insert(key.clone(), node);
        }
        for (key, node) in &nodes {
            for (input, target) in &node.inputs {
                if let InputTarget::Node(k) = target {
                    if !nodes.contains_key(k) {
                        return Err(bad(format!(
                            "input '{input}' of node '{key}' refers to a missing node '{k}'"
                        )));
                    }
                }
            }
        }
        Ok(LockFile {
            nodes,
            root: root.to_string(),
        })
    }
}

/// What an input path leads to in a lock file: a locked reference or a `follows`.
#[derive(PartialEq)]
enum Entry {
    Locked(Attrs),
    Follows(Vec<String>),
}

impl LockFile {
    /// Every input path (from the root, through nodes, not through `follows`) and what it
    /// leads to.
    fn entries(&self) -> BTreeMap<Vec<String>, Entry> {
        let mut out = BTreeMap::new();
        let mut stack = vec![(self.root.clone(), Vec::new())];
        while let Some((key, path)) = stack.pop() {
            let Some(node) = self.nodes.get(&key) else {
                continue;
            };
            for (name, target) in &node.inputs {
                let mut here: Vec<String> = path.clone();
                here.push(name.clone());
                match target {
                    InputTarget::Follows(p) => {
                        out.insert(here, Entry::Follows(p.clone()));
                    }
                    InputTarget::Node(k) => {
                        let locked = self
                            .nodes
                            .get(k)
                            .and_then(|n| n.locked.clone())
                            .unwrap_or_default();
                        if out.insert(here.clone(), Entry::Locked(locked)).is_none()
                            && here.len() < 64
                        {
                            stack.push((k.clone(), here));
                        }
                    }
                }
            }
        }
        out
    }
}

fn describe(entry: &Entry) -> String {
    match entry {
        Entry::Follows(p) => format!("follows '{}'", p.join("/")),
        Entry::Locked(attrs) => {
            let mut text = format!("'{}'", crate::reference::to_url(attrs));
            if let Some(t) = attrs.get("lastModified").and_then(Json::as_i64) {
                let date = crate::source::format_date(t);
                text.push_str(&format!(
                    " ({}-{}-{})",
                    &date[..4],
                    &date[4..6],
                    &date[6..8]
                ));
            }
            text
        }
    }
}

/// What changed between two lock files, as Nix lists it when it writes one
/// (`• Added input 'a':`, `• Updated input …`, `• Removed input …`).
pub fn changes(old: Option<&LockFile>, new: &LockFile) -> Vec<String> {
    let before = old.map(LockFile::entries).unwrap_or_default();
    let after = new.entries();
    let mut paths: Vec<&Vec<String>> = before.keys().chain(after.keys()).collect();
    paths.sort();
    paths.dedup();
    let mut out = Vec::new();
    for path in paths {
        let name = path.join("/");
        match (before.get(path), after.get(path)) {
            (None, Some(now)) => {
                out.push(format!("• Added input '{name}':\n    {}", describe(now)))
            }
            (Some(_), None) => out.push(format!("• Removed input '{name}'")),
            (Some(was), Some(now)) if was != now => out.push(format!(
                "• Updated input '{name}':\n    {}\n  → {}",
                describe(was),
                describe(now)
            )),
            _ => {}
        }
    }
    out
}

impl LockFile {
    /// The inputs as `nix flake metadata` draws them (`├───a: path:./a`,
    /// `│   └───b follows input 'b'`), without the `Inputs:` heading.
    pub fn inputs_tree(&self) -> String {
        let mut out = String::new();
        let mut visited = std::collections::BTreeSet::new();
        self.draw(&self.root, "", &mut visited, &mut out);
        out
    }

    fn draw(
        &self,
        key: &str,
        prefix: &str,
        visited: &mut std::collections::BTreeSet<String>,
        out: &mut String,
    ) {
        let Some(node) = self.nodes.get(key) else {
            return;
        };
        let count = node.inputs.len();
        for (i, (name, target)) in node.inputs.iter().enumerate() {
            let last = i + 1 == count;
            let (branch, more) = if last {
                ("└───", "    ")
            } else {
                ("├───", "│   ")
            };
            match target {
                InputTarget::Follows(path) => {
                    out.push_str(&format!(
                        "{prefix}{branch}{name} follows input '{}'\n",
                        path.join("/")
                    ));
                }
                InputTarget::Node(child) => {
                    let locked = self
                        .nodes
                        .get(child)
                        .and_then(|n| n.locked.clone())
                        .unwrap_or_default();
                    let mut line = format!(
                        "{prefix}{branch}{name}: {}",
                        crate::reference::to_url(&locked)
                    );
                    if let Some(t) = locked.get("lastModified").and_then(Json::as_i64) {
                        line.push_str(&format!(" ({})", crate::source::format_readable_date(t)));
                    }
                    out.push_str(&line);
                    out.push('\n');
                    if visited.insert(child.clone()) {
                        self.draw(child, &format!("{prefix}{more}"), visited, out);
                    }
                }
            }
        }
    }
}
