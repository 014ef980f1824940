//! Rebuild impact: given two package sets (typically nixpkgs before and after an overlay),
//! which packages' `.drv` paths differ, and why: an input derivation that changed (by
//! name), an attribute of the package's own derivation, a source file.
//!
//! A new `.drv` usually means new output paths: the package is rebuilt (when a widely
//! used package changes, that is what nixpkgs contributors call a mass rebuild). Not
//! always: when only a fixed-output input changed (a fetcher's recipe, not its hash), the
//! `.drv` is new but the outputs are the same, and nothing is rebuilt.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use nixpad_eval::{DerivationInfo, EvalResult, Evaluator, Value};

use crate::packages::{list_packages, Package, PackageState};

/// Why a package's derivation changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// An input derivation (named `name-version`) has another `.drv` path.
    InputChanged(String),
    /// A new input derivation.
    InputAdded(String),
    /// An input derivation that is no longer used.
    InputRemoved(String),
    /// An environment variable of the derivation itself (`version`, `patches`,
    /// `configureFlags`, ...) differs, store paths aside.
    AttributeChanged(String),
    /// A source file copied to the store (a patch, a builder script) was added or removed.
    SourceChanged(String),
    /// The package no longer evaluates: the error.
    NowFails(String),
    /// The package evaluates now and did not before.
    NowEvaluates,
}

impl Cause {
    /// Whether this cause is a change to the package itself rather than to its inputs.
    pub fn is_direct(&self) -> bool {
        !matches!(
            self,
            Cause::InputChanged(_) | Cause::InputAdded(_) | Cause::InputRemoved(_)
        )
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Cause::InputChanged(n) => format!("input {n} changed"),
            Cause::InputAdded(n) => format!("input {n} added"),
            Cause::InputRemoved(n) => format!("input {n} removed"),
            Cause::AttributeChanged(n) => format!("attribute {n} changed"),
            Cause::SourceChanged(n) => format!("source {n} changed"),
            Cause::NowFails(msg) => format!("fails now: {msg}"),
            Cause::NowEvaluates => "evaluates now".to_string(),
        };
        f.write_str(&text)
    }
}

impl Cause {
    fn json(&self) -> serde_json::Value {
        let (kind, detail) = match self {
            Cause::InputChanged(n) => ("inputChanged", n.as_str()),
            Cause::InputAdded(n) => ("inputAdded", n.as_str()),
            Cause::InputRemoved(n) => ("inputRemoved", n.as_str()),
            Cause::AttributeChanged(n) => ("attributeChanged", n.as_str()),
            Cause::SourceChanged(n) => ("sourceChanged", n.as_str()),
            Cause::NowFails(msg) => ("nowFails", msg.as_str()),
            Cause::NowEvaluates => ("nowEvaluates", ""),
        };
        serde_json::json!({ "kind": kind, "detail": detail })
    }
}

/// One package whose derivation differs between the two sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its attribute path.
    pub attr: String,
    /// Its state in the first set.
    pub before: PackageState,
    /// Its state in the second set.
    pub after: PackageState,
    /// Why it differs (several causes at once are common).
    pub causes: Vec<Cause>,
    /// Whether its output paths differ (it must be rebuilt); false when only the `.drv`
    /// changed (through a fixed-output input) or when it fails to evaluate on one side.
    pub rebuild: bool,
    /// The root changes behind it: the new derivations in its dependency graph whose own
    /// inputs did not change (by name, e.g. `zlib-1.3.1`); its own name when it changed
    /// itself. Empty when it fails to evaluate on one side.
    pub roots: Vec<String>,
}

/// What a change means for a build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// New output paths: the package is rebuilt.
    Rebuild,
    /// A new `.drv` with the same outputs (only a fixed-output input changed).
    SameOutputs,
    /// It evaluated before and fails now.
    NowFails,
    /// It failed before and evaluates now.
    NowEvaluates,
}

impl ChangeKind {
    /// A short label for reports.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Rebuild => "rebuild",
            ChangeKind::SameOutputs => "same out",
            ChangeKind::NowFails => "fails",
            ChangeKind::NowEvaluates => "fixed",
        }
    }
}

impl Change {
    /// What the change means for a build.
    pub fn kind(&self) -> ChangeKind {
        match (&self.before, &self.after) {
            (_, PackageState::Failed(_)) => ChangeKind::NowFails,
            (PackageState::Failed(_), _) => ChangeKind::NowEvaluates,
            _ if self.rebuild => ChangeKind::Rebuild,
            _ => ChangeKind::SameOutputs,
        }
    }

    /// Whether the package itself changed (not only its inputs).
    pub fn is_direct(&self) -> bool {
        self.causes.iter().any(Cause::is_direct)
    }

    /// The root changes its causes do not already name (a change deeper in the graph);
    /// none when the package changed itself.
    pub fn deeper_roots(&self) -> Vec<&str> {
        if self.is_direct() {
            return Vec::new();
        }
        self.roots
            .iter()
            .filter(|r| !self.causes.contains(&Cause::InputChanged((*r).clone())))
            .map(String::as_str)
            .collect()
    }
}

/// The difference between two package sets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    /// Packages in both sets whose `.drv` paths (or failures) differ, in attribute order.
    pub changed: Vec<Change>,
    /// Packages only in the second set.
    pub added: Vec<Package>,
    /// Packages only in the first set.
    pub removed: Vec<Package>,
    /// How many packages are in both sets with the same `.drv` path.
    pub unchanged: usize,
}

impl Impact {
    /// How many packages are in both sets.
    pub fn common(&self) -> usize {
        self.changed.len() + self.unchanged
    }

    /// How many packages are rebuilt (new outputs), and how many of those changed
    /// themselves.
    pub fn rebuilds(&self) -> (usize, usize) {
        let rebuilt = self
            .changed
            .iter()
            .filter(|c| c.kind() == ChangeKind::Rebuild);
        let direct = rebuilt.clone().filter(|c| c.is_direct()).count();
        (rebuilt.count(), direct)
    }

    /// Each root change and how many rebuilt packages it is behind, by name.
    pub fn root_counts(&self) -> BTreeMap<&str, usize> {
        let mut by_root = BTreeMap::new();
        let rebuilt = self
            .changed
            .iter()
            .filter(|c| c.kind() == ChangeKind::Rebuild);
        for root in rebuilt.flat_map(|c| &c.roots) {
            *by_root.entry(root.as_str()).or_default() += 1;
        }
        by_root
    }

    /// A report for people: a summary line, then one line per changed package.
    pub fn render_text(&self) -> String {
        let count = |kind: ChangeKind| self.changed.iter().filter(|c| c.kind() == kind).count();
        let (rebuilds, direct) = self.rebuilds();
        let mut out = format!(
            "{rebuilds} of {} packages rebuild ({direct} directly, {} through their inputs); {} get a new .drv with the same outputs; {} now fail, {} evaluate again; {} added, {} removed.\n",
            self.common(),
            rebuilds - direct,
            count(ChangeKind::SameOutputs),
            count(ChangeKind::NowFails),
            count(ChangeKind::NowEvaluates),
            self.added.len(),
            self.removed.len()
        );
        let by_root = self.root_counts();
        if !by_root.is_empty() {
            let listed: Vec<String> = by_root
                .iter()
                .map(|(root, n)| format!("{root} ({n})"))
                .collect();
            out.push_str(&format!(
                "Root changes (packages rebuilt because of each): {}\n",
                listed.join(", ")
            ));
        }
        let attrs = self
            .changed
            .iter()
            .map(|c| &c.attr)
            .chain(self.added.iter().chain(&self.removed).map(|p| &p.attr));
        let width = attrs.map(String::len).max().unwrap_or(0);
        for change in &self.changed {
            let mut causes: Vec<String> = change.causes.iter().map(Cause::to_string).collect();
            if !change.deeper_roots().is_empty() {
                causes.push(format!("root: {}", change.roots.join(", ")));
            }
            out.push_str(&format!(
                "  {:width$}  {:8}  {}\n",
                change.attr,
                change.kind().label(),
                causes.join("; ")
            ));
        }
        for (label, list) in [("added", &self.added), ("removed", &self.removed)] {
            for p in list.iter() {
                out.push_str(&format!("  {:width$}  {label}\n", p.attr));
            }
        }
        out
    }

    /// The same as JSON (for the web view and scripts).
    pub fn to_json(&self) -> String {
        let state = |s: &PackageState| match s {
            PackageState::Drv(p) => serde_json::json!({ "drvPath": p }),
            PackageState::Failed(e) => serde_json::json!({ "error": e }),
        };
        let package = |p: &Package| serde_json::json!({ "attr": p.attr, "state": state(&p.state) });
        let value = serde_json::json!({
            "changed": self.changed.iter().map(|c| serde_json::json!({
                "attr": c.attr,
                "before": state(&c.before),
                "after": state(&c.after),
                "direct": c.is_direct(),
                "kind": c.kind().label(),
                "roots": c.roots,
                "causes": c.causes.iter().map(Cause::json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "added": self.added.iter().map(package).collect::<Vec<_>>(),
            "removed": self.removed.iter().map(package).collect::<Vec<_>>(),
            "unchanged": self.unchanged,
        });
        value.to_string()
    }
}

/// The impact of going from package set `before` to `after` (two values of one evaluator,
/// e.g. `import <nixpkgs> { }` and the same with an overlay).
pub fn impact(ev: &mut Evaluator, before: &Value, after: &Value) -> EvalResult<Impact> {
    let old = list_packages(ev, before)?;
    let new = list_packages(ev, after)?;
    Ok(compare(&old, &new, |path| ev.derivation_info(path)))
}

/// The impact between two package lists; `info` gives the derivations' details (inputs,
/// environment) by `.drv` path.
pub fn compare(
    before: &[Package],
    after: &[Package],
    info: impl Fn(&str) -> Option<DerivationInfo>,
) -> Impact {
    let old: BTreeMap<&str, &PackageState> =
        before.iter().map(|p| (p.attr.as_str(), &p.state)).collect();
    let new_attrs: BTreeSet<&str> = after.iter().map(|p| p.attr.as_str()).collect();
    let mut graph = Graph {
        info: &info,
        inputs: HashMap::new(),
        old_closure: HashSet::new(),
        roots: HashMap::new(),
    };
    let old_drvs: Vec<&str> = before
        .iter()
        .filter_map(|p| match &p.state {
            PackageState::Drv(d) => Some(d.as_str()),
            PackageState::Failed(_) => None,
        })
        .collect();
    graph.mark_old(&old_drvs);
    let mut impact = Impact::default();
    for package in after {
        let Some(previous) = old.get(package.attr.as_str()) else {
            impact.added.push(package.clone());
            continue;
        };
        if *previous == &package.state {
            impact.unchanged += 1;
            continue;
        }
        let (causes, rebuild, roots) = match (previous, &package.state) {
            (PackageState::Drv(a), PackageState::Drv(b)) => {
                let (a, b_info) = (info(a), info(b));
                let rebuild = match (&a, &b_info) {
                    (Some(a), Some(b)) => a.outputs != b.outputs,
                    _ => true,
                };
                let roots = graph.roots_of(b).into_iter().collect();
                (derivation_causes(a, b_info), rebuild, roots)
            }
            (_, PackageState::Failed(msg)) => {
                (vec![Cause::NowFails(msg.clone())], false, Vec::new())
            }
            (PackageState::Failed(_), PackageState::Drv(_)) => {
                (vec![Cause::NowEvaluates], false, Vec::new())
            }
        };
        impact.changed.push(Change {
            attr: package.attr.clone(),
            before: (*previous).clone(),
            after: package.state.clone(),
            causes,
            rebuild,
            roots,
        });
    }
    impact.removed = before
        .iter()
        .filter(|p| !new_attrs.contains(p.attr.as_str()))
        .cloned()
        .collect();
    impact
}

/// The derivation graph of both sets, for finding root changes.
struct Graph<'a, F: Fn(&str) -> Option<DerivationInfo>> {
    info: &'a F,
    /// Input derivations by `.drv` path (asked once each).
    inputs: HashMap<String, Vec<String>>,
    /// Every derivation of the first set's packages, with their inputs.
    old_closure: HashSet<String>,
    /// Root changes found so far, by `.drv` path.
    roots: HashMap<String, BTreeSet<String>>,
}

impl<F: Fn(&str) -> Option<DerivationInfo>> Graph<'_, F> {
    fn inputs_of(&mut self, drv: &str) -> Vec<String> {
        if let Some(inputs) = self.inputs.get(drv) {
            return inputs.clone();
        }
        let inputs: Vec<String> = (self.info)(drv)
            .map(|d| d.input_drvs.into_iter().map(|(p, _)| p).collect())
            .unwrap_or_default();
        self.inputs.insert(drv.to_string(), inputs.clone());
        inputs
    }

    fn mark_old(&mut self, start: &[&str]) {
        let mut stack: Vec<String> = start.iter().map(|s| s.to_string()).collect();
        while let Some(drv) = stack.pop() {
            if self.old_closure.insert(drv.clone()) {
                stack.extend(self.inputs_of(&drv));
            }
        }
    }

    /// The root changes behind a derivation that is not in the first set: itself when
    /// none of its inputs is new, else the roots of its new inputs.
    fn roots_of(&mut self, drv: &str) -> BTreeSet<String> {
        // Depth-first, post-order, on an explicit stack (graphs can be deep).
        let mut stack = vec![(drv.to_string(), false)];
        while let Some((node, expanded)) = stack.pop() {
            if self.roots.contains_key(&node) {
                continue;
            }
            let new_inputs: Vec<String> = self
                .inputs_of(&node)
                .into_iter()
                .filter(|i| !self.old_closure.contains(i))
                .collect();
            if !expanded && new_inputs.iter().any(|i| !self.roots.contains_key(i)) {
                stack.push((node, true));
                stack.extend(
                    new_inputs
                        .into_iter()
                        .filter(|i| !self.roots.contains_key(i))
                        .map(|i| (i, false)),
                );
                continue;
            }
            let roots = if new_inputs.is_empty() {
                BTreeSet::from([store_name(&node)])
            } else {
                new_inputs
                    .iter()
                    .flat_map(|i| self.roots.get(i).cloned().unwrap_or_default())
                    .collect()
            };
            self.roots.insert(node, roots);
        }
        self.roots.get(drv).cloned().unwrap_or_default()
    }
}

/// Why derivation `a` became `b`.
fn derivation_causes(a: Option<DerivationInfo>, b: Option<DerivationInfo>) -> Vec<Cause> {
    let (Some(a), Some(b)) = (a, b) else {
        return Vec::new();
    };
    let mut causes = Vec::new();
    let inputs = |d: &DerivationInfo| names_to_paths(d.input_drvs.iter().map(|(p, _)| p.as_str()));
    let (ia, ib) = (inputs(&a), inputs(&b));
    for (name, paths) in &ib {
        match ia.get(name) {
            None => causes.push(Cause::InputAdded(name.clone())),
            Some(old) if old != paths => causes.push(Cause::InputChanged(name.clone())),
            Some(_) => {}
        }
    }
    causes.extend(
        ia.keys()
            .filter(|n| !ib.contains_key(*n))
            .map(|n| Cause::InputRemoved(n.clone())),
    );
    let (ea, eb) = (environment(&a), environment(&b));
    let names: BTreeSet<&String> = ea.keys().chain(eb.keys()).collect();
    for name in names {
        let (x, y) = (
            ea.get(name).map(|v| mask_store_hashes(v)),
            eb.get(name).map(|v| mask_store_hashes(v)),
        );
        if x != y {
            causes.push(Cause::AttributeChanged(name.clone()));
        }
    }
    let (sa, sb) = (
        names_to_paths(a.input_srcs.iter().map(String::as_str)),
        names_to_paths(b.input_srcs.iter().map(String::as_str)),
    );
    for name in sa.keys().chain(sb.keys()).collect::<BTreeSet<_>>() {
        if sa.get(name) != sb.get(name) {
            causes.push(Cause::SourceChanged(name.clone()));
        }
    }
    if a.name != b.name
        && !causes
            .iter()
            .any(|c| c == &Cause::AttributeChanged("name".into()))
    {
        causes.push(Cause::AttributeChanged("name".into()));
    }
    causes
}

/// Store paths grouped by their name (the part after the hash, without `.drv`).
fn names_to_paths<'a>(paths: impl Iterator<Item = &'a str>) -> BTreeMap<String, BTreeSet<String>> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in paths {
        map.entry(store_name(path))
            .or_default()
            .insert(path.to_string());
    }
    map
}

/// `/nix/store/<hash>-zlib-1.3.1.drv` → `zlib-1.3.1`.
fn store_name(path: &str) -> String {
    let base = path.rsplit('/').next().unwrap_or(path);
    let name = base.split_once('-').map_or(base, |(_, rest)| rest);
    name.strip_suffix(".drv").unwrap_or(name).to_string()
}

/// The derivation's environment, from its `nix derivation show` JSON.
fn environment(d: &DerivationInfo) -> BTreeMap<String, String> {
    let Ok(serde_json::Value::Object(top)) =
        serde_json::from_slice::<serde_json::Value>(&d.show_json)
    else {
        return BTreeMap::new();
    };
    let env = top
        .values()
        .next()
        .and_then(|drv| drv.get("env"))
        .and_then(|e| e.as_object());
    env.map(|e| {
        e.iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect()
    })
    .unwrap_or_default()
}

/// The text with every store path's hash replaced by `…`, so that values differing only
/// because an input changed compare equal.
fn mask_store_hashes(text: &str) -> String {
    const PREFIX: &str = "/nix/store/";
    const HASH_LEN: usize = 32;
    let is_nix32 = |b: u8| {
        b.is_ascii_digit() || (b.is_ascii_lowercase() && !matches!(b, b'e' | b'o' | b'u' | b't'))
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut search = 0;
    while let Some(found) = text[search..].find(PREFIX) {
        let start = search + found + PREFIX.len();
        let end = start + HASH_LEN;
        if end < bytes.len() && bytes[start..end].iter().all(|b| is_nix32(*b)) && bytes[end] == b'-'
        {
            out.push_str(&text[rest..start]);
            out.push('…');
            rest = end;
        }
        search = start;
    }
    out.push_str(&text[rest..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_names_drop_hash_and_suffix() {
        assert_eq!(
            store_name("/nix/store/g5dhwa743bq245wddlqaj5yfkkfrbv82-hello-2.12.1.drv"),
            "hello-2.12.1"
        );
        assert_eq!(
            store_name("/nix/store/81nv1xsp2hximvkb48lw44x6f1ki08ky-default-builder.sh"),
            "default-builder.sh"
        );
    }

    #[test]
    fn masking_keeps_names_and_hides_hashes() {
        let a = "-isystem /nix/store/h7yqm9yg6m7gkmyhim8h57bq9is197sq-openssl-3.3.2-dev/include";
        let b = "-isystem /nix/store/zzyqm9yg6m7gkmyhim8h57bq9is197sq-openssl-3.3.2-dev/include";
        assert_eq!(mask_store_hashes(a), mask_store_hashes(b));
        assert_eq!(
            mask_store_hashes(a),
            "-isystem /nix/store/…-openssl-3.3.2-dev/include"
        );
        assert_ne!(
            mask_store_hashes(a),
            mask_store_hashes(&a.replace("3.3.2", "3.3.3"))
        );
        assert_eq!(mask_store_hashes("/nix/store/short"), "/nix/store/short");
    }

    #[test]
    fn failures_and_additions_are_reported() {
        let p = |attr: &str, state: PackageState| Package {
            attr: attr.into(),
            state,
        };
        let before = vec![
            p("a", PackageState::Drv("/x-a.drv".into())),
            p("b", PackageState::Failed("no".into())),
            p("gone", PackageState::Drv("/g.drv".into())),
        ];
        let after = vec![
            p("a", PackageState::Failed("broken".into())),
            p("b", PackageState::Drv("/x-b.drv".into())),
            p("new", PackageState::Drv("/n.drv".into())),
        ];
        let impact = compare(&before, &after, |_| None);
        assert_eq!(impact.changed.len(), 2);
        assert_eq!(
            impact.changed[0].causes,
            vec![Cause::NowFails("broken".into())]
        );
        assert_eq!(impact.changed[1].causes, vec![Cause::NowEvaluates]);
        assert_eq!(
            impact
                .added
                .iter()
                .map(|p| p.attr.as_str())
                .collect::<Vec<_>>(),
            ["new"]
        );
        assert_eq!(
            impact
                .removed
                .iter()
                .map(|p| p.attr.as_str())
                .collect::<Vec<_>>(),
            ["gone"]
        );
        assert_eq!(impact.unchanged, 0);
        assert!(impact.changed.iter().all(|c| !c.rebuild));
        assert_eq!(
            impact.render_text(),
            "0 of 2 packages rebuild (0 directly, 0 through their inputs); 0 get a new .drv with the same outputs; 1 now fail, 1 evaluate again; 1 added, 1 removed.\n  a     fails     fails now: broken\n  b     fixed     evaluates now\n  new   added\n  gone  removed\n"
        );
    }
}
