//! The derivation view's data: the derivations of a result (the value itself, or the
//! derivations among a set's or list's elements), their input closure, and a layered
//! layout of the dependency graph for the SVG. Pure: the worker collects
//! ([`collect`]), the page lays out ([`layout`]).

use std::collections::{HashMap, VecDeque};

use nixpad_eval::{Evaluator, Value, ValueView};
use serde::{Deserialize, Serialize};

/// Most derivations collected (roots and their inputs).
pub const MAX_NODES: usize = 200;
/// Most elements of a set or list looked at for derivations.
pub const MAX_ROOTS: usize = 64;

/// One derivation, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrvNode {
    /// Its `.drv` path.
    pub drv_path: String,
    /// Its name.
    pub name: String,
    /// Output names and store paths.
    pub outputs: Vec<(String, String)>,
    /// Input derivations (`.drv` paths) with the outputs used.
    pub inputs: Vec<(String, Vec<String>)>,
    /// For each input derivation (same order): the attributes of this derivation that
    /// name one of its outputs (`nativeBuildInputs`, `buildInputs`, `src`, …), the
    /// dependency attributes first ([`DEPENDENCY_ROLES`]); empty when unknown.
    pub input_roles: Vec<Vec<String>>,
    /// Input sources (store paths).
    pub input_srcs: Vec<String>,
    /// The `.drv` file (ATerm).
    pub aterm: String,
    /// `nix derivation show` JSON of this derivation, pretty-printed.
    pub show_json: String,
    /// For a container image of the miniature nixpkgs' `dockerTools`, its plan.
    pub image: Option<ImagePlan>,
}

/// A container image's plan, as a `dockerTools` image's environment records it
/// (`imageName`, `imageTag`, `imageConfig`, `layerPlan`): what `docker inspect` would
/// show once it is built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImagePlan {
    /// `name:tag` (the tag is empty when it is the hash of the output, known after the
    /// build).
    pub name: String,
    /// The tag, or "".
    pub tag: String,
    /// The image's config (entrypoint, command, environment, ports), pretty-printed JSON.
    pub config: String,
    /// The layers, bottom first: the store paths of each, and whether it is the
    /// customisation layer (the links at the image's root, `extraCommands`).
    pub layers: Vec<(Vec<String>, bool)>,
}

/// mkDerivation's dependency attributes, in the order shown, with the platform the
/// packages in each come from: what splicing chose when cross-compiling.
pub const DEPENDENCY_ROLES: &[(&str, &str)] = &[
    (
        "depsBuildBuild",
        "build platform, runs during the build (buildPackages)",
    ),
    (
        "nativeBuildInputs",
        "build platform, runs during the build (buildPackages)",
    ),
    (
        "propagatedNativeBuildInputs",
        "build platform, runs during the build (buildPackages)",
    ),
    ("buildInputs", "host platform, ends up in the result"),
    (
        "propagatedBuildInputs",
        "host platform, ends up in the result",
    ),
];

/// The environment in a derivation's `nix derivation show` JSON.
fn derivation_env<'a>(json: &'a serde_json::Value, drv_path: &str) -> Option<&'a JsonObject> {
    json.get(drv_path)?.get("env")?.as_object()
}

/// A JSON object.
type JsonObject = serde_json::Map<String, serde_json::Value>;

/// The attributes of a derivation's environment as text (with `__structuredAttrs`, the
/// members of `__json`).
fn env_texts(env: &JsonObject) -> Vec<(String, String)> {
    let structured = env
        .get("__json")
        .and_then(|j| j.as_str())
        .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok());
    let attrs = match &structured {
        Some(serde_json::Value::Object(members)) => members,
        _ => env,
    };
    attrs
        .iter()
        .map(|(name, v)| {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (name.clone(), text)
        })
        .collect()
}

/// Fills in each node's [`DrvNode::input_roles`] from its environment (`envs`, in the
/// same order, see [`env_texts`]) and the outputs of the inputs that were collected.
fn find_input_roles(nodes: &mut [DrvNode], envs: &[Vec<(String, String)>]) {
    let outputs: HashMap<String, Vec<(String, String)>> = nodes
        .iter()
        .map(|n| (n.drv_path.clone(), n.outputs.clone()))
        .collect();
    for (node, env) in nodes.iter_mut().zip(envs) {
        let rank = |name: &str| {
            DEPENDENCY_ROLES
                .iter()
                .position(|(role, _)| *role == name)
                .unwrap_or(DEPENDENCY_ROLES.len())
        };
        node.input_roles = node
            .inputs
            .iter()
            .map(|(input, used)| {
                let paths: Vec<&str> = outputs
                    .get(input)
                    .into_iter()
                    .flatten()
                    .filter(|(name, _)| used.contains(name))
                    .map(|(_, path)| path.as_str())
                    .collect();
                let mut roles: Vec<String> = env
                    .iter()
                    .filter(|(_, text)| paths.iter().any(|p| text.contains(p)))
                    .map(|(name, _)| name.clone())
                    .collect();
                roles.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
                roles
            })
            .collect();
    }
}

/// The image plan in a derivation's environment, if it has one.
fn image_plan(env: &JsonObject) -> Option<ImagePlan> {
    let text = |key: &str| env.get(key).and_then(|v| v.as_str()).map(str::to_string);
    let config: serde_json::Value = serde_json::from_str(&text("imageConfig")?).ok()?;
    let plan: serde_json::Value = serde_json::from_str(&text("layerPlan")?).ok()?;
    let layers = plan
        .as_array()?
        .iter()
        .map(|layer| {
            let paths = layer
                .get("paths")
                .and_then(|p| p.as_array())
                .map(|ps| {
                    ps.iter()
                        .filter_map(|p| p.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let customisation = layer.get("customisation").and_then(|c| c.as_bool()) == Some(true);
            (paths, customisation)
        })
        .collect();
    Some(ImagePlan {
        name: text("imageName")?,
        tag: text("imageTag").unwrap_or_default(),
        config: serde_json::to_string_pretty(&config).ok()?,
        layers,
    })
}

/// The derivations of a result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrvReport {
    /// The derivations the value is or holds: label (attribute name, `[i]`, or empty for
    /// the value itself) and `.drv` path.
    pub roots: Vec<(String, String)>,
    /// The roots and their input closure, roots first.
    pub nodes: Vec<DrvNode>,
    /// More derivations exist than were collected.
    pub truncated: bool,
}

/// The derivations of `root` with their labels and `.drv` paths: itself if it is one
/// (label ""), else those among its elements (one level deep, labelled by attribute name
/// or `[i]`; elements that fail to evaluate are skipped).
fn derivation_roots(
    ev: &mut Evaluator,
    root: &Value,
) -> Result<Vec<(String, Value, String)>, Box<nixpad_eval::Error>> {
    if let Some(p) = ev.derivation_path(root)? {
        return Ok(vec![(String::new(), root.clone(), p)]);
    }
    let children: Vec<(String, Value)> = match ev.view(root, true)? {
        ValueView::Attrs(items) => items,
        ValueView::List(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!("[{i}]"), v))
            .collect(),
        _ => Vec::new(),
    };
    let mut roots = Vec::new();
    for (label, v) in children.into_iter().take(MAX_ROOTS) {
        if let Ok(Some(p)) = ev.derivation_path(&v) {
            roots.push((label, v, p));
        }
    }
    Ok(roots)
}

/// A CycloneDX 1.5 SBOM (JSON) of the derivation labelled `label` among `root`'s (see
/// [`collect`]): its packages, build-time and runtime, with licences and source hashes.
pub fn sbom(
    ev: &mut Evaluator,
    root: &Value,
    label: &str,
) -> Result<String, Box<nixpad_eval::Error>> {
    let found = derivation_roots(ev, root)?
        .into_iter()
        .find(|(l, _, _)| l == label);
    let Some((_, value, _)) = found else {
        return Err(nixpad_eval::Error::new(
            nixpad_eval::ErrorKind::Other(format!(
                "the result has no derivation '{label}' any more"
            )),
            None,
        ));
    };
    let graph = nixpad_pkgs::sbom::graph(ev, &value)?;
    Ok(nixpad_pkgs::sbom::cyclonedx(&graph))
}

/// The derivations of `root`: itself if it is one, else those among its elements (one
/// level deep; elements that fail to evaluate are skipped), with their inputs.
pub fn collect(ev: &mut Evaluator, root: &Value) -> Result<DrvReport, Box<nixpad_eval::Error>> {
    let roots = derivation_roots(ev, root)?
        .into_iter()
        .map(|(label, _, path)| (label, path))
        .collect();
    let mut report = DrvReport {
        roots,
        ..DrvReport::default()
    };
    let mut seen: HashMap<String, ()> = HashMap::new();
    // Each collected node's environment as text, in order (for the roles of its inputs).
    let mut envs: Vec<Vec<(String, String)>> = Vec::new();
    let mut queue: VecDeque<String> = report.roots.iter().map(|(_, p)| p.clone()).collect();
    while let Some(path) = queue.pop_front() {
        if seen.contains_key(&path) {
            continue;
        }
        if report.nodes.len() >= MAX_NODES {
            report.truncated = true;
            break;
        }
        seen.insert(path.clone(), ());
        let Some(info) = ev.derivation_info(&path) else {
            continue;
        };
        for (input, _) in &info.input_drvs {
            queue.push_back(input.clone());
        }
        // `nix derivation show`'s JSON, read once for the view, the roles and the image.
        let json = serde_json::from_slice::<serde_json::Value>(&info.show_json).ok();
        let env = json.as_ref().and_then(|j| derivation_env(j, &path));
        envs.push(env.map(env_texts).unwrap_or_default());
        let image = env.and_then(image_plan);
        let show_json = match &json {
            Some(j) => serde_json::to_string_pretty(j).unwrap_or_default(),
            None => String::from_utf8_lossy(&info.show_json).into_owned(),
        };
        report.nodes.push(DrvNode {
            drv_path: info.drv_path,
            name: info.name,
            outputs: info.outputs,
            inputs: info.input_drvs,
            input_roles: Vec::new(),
            input_srcs: info.input_srcs,
            aterm: String::from_utf8_lossy(&info.aterm).into_owned(),
            show_json,
            image,
        });
    }
    find_input_roles(&mut report.nodes, &envs);
    Ok(report)
}

/// A box of the graph: node index, position and size (SVG user units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into [`DrvReport::nodes`].
    pub node: usize,
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
}

/// Width and height of a node's box.
pub const BOX_W: f64 = 190.0;
/// Height of a node's box.
pub const BOX_H: f64 = 34.0;
const GAP_X: f64 = 50.0;
const GAP_Y: f64 = 14.0;

/// The graph laid out in columns: the roots left, each input one column right of the
/// deepest derivation that uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The boxes.
    pub boxes: Vec<Placed>,
    /// Edges: (user, input) as node indices.
    pub edges: Vec<(usize, usize)>,
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
}

/// Lays out the dependency graph of `report`.
pub fn layout(report: &DrvReport) -> Layout {
    let index: HashMap<&str, usize> = report
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.drv_path.as_str(), i))
        .collect();
    let mut edges = Vec::new();
    for (i, n) in report.nodes.iter().enumerate() {
        for (input, _) in &n.inputs {
            if let Some(&j) = index.get(input.as_str()) {
                edges.push((i, j));
            }
        }
    }
    // Longest path from a root (the graph is acyclic; bounded passes anyway).
    let n = report.nodes.len();
    let mut depth = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(a, b) in &edges {
            if depth[b] < depth[a] + 1 && depth[a] + 1 < n.max(1) {
                depth[b] = depth[a] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut rows: HashMap<usize, usize> = HashMap::new();
    let mut boxes = Vec::with_capacity(n);
    let (mut width, mut height): (f64, f64) = (0.0, 0.0);
    for (i, d) in depth.iter().enumerate() {
        let row = rows.entry(*d).or_insert(0);
        let x = 10.0 + *d as f64 * (BOX_W + GAP_X);
        let y = 10.0 + *row as f64 * (BOX_H + GAP_Y);
        *row += 1;
        width = width.max(x + BOX_W + 10.0);
        height = height.max(y + BOX_H + 10.0);
        boxes.push(Placed { node: i, x, y });
    }
    Layout {
        boxes,
        edges,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(src: &str) -> (Evaluator, Value) {
        let mut ev = crate::engine::evaluator_for(&Default::default(), None, &[]);
        let v = ev
            .eval_source(src, nixpad_eval::Origin::Other("test".into()), "/")
            .unwrap_or_else(|e| panic!("{}", ev.render_error(&e)));
        (ev, v)
    }

    const CHAIN: &str = r#"
      let
        mk = name: deps: derivation { inherit name; system = "x86_64-linux"; builder = "/bin/sh";
          args = [ "-c" "echo ${toString deps} > $out" ]; };
        a = mk "a" [];
        b = mk "b" [ a ];
        c = mk "c" [ a b ];
      in "#;

    #[test]
    fn a_derivation_and_its_inputs() {
        let (mut ev, v) = eval(&format!("{CHAIN} c"));
        let r = collect(&mut ev, &v).unwrap();
        assert_eq!(r.roots.len(), 1);
        let names: Vec<&str> = r.nodes.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names[0], "c");
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(sorted, ["a", "b", "c"]);
        assert!(r.nodes[0].aterm.starts_with("Derive("));
        assert!(r.nodes[0].show_json.contains("\"outputs\""));
        assert_eq!(r.nodes[0].image, None, "not an image");
        let l = layout(&r);
        assert_eq!(l.edges.len(), 3);
        // c at depth 0, b at 1, a at 2 (longest path).
        let x = |name: &str| l.boxes[names.iter().position(|n| *n == name).unwrap()].x;
        assert!(x("c") < x("b") && x("b") < x("a"));
    }

    #[test]
    fn a_cross_compiled_package_says_which_platform_each_input_comes_from() {
        let files = nixpad_pkgs::pack::unpack(&nixpad_pkgs::pack::pack()).unwrap();
        let set = nixpad_lessons::PackageSet::from_files(
            files.iter().map(|(p, b)| (p.as_str(), b.as_slice())),
        );
        let mut ev = crate::engine::evaluator_for(&Default::default(), Some(&set), &[]);
        let src = "(import <nixpkgs> { }).pkgsCross.aarch64-multiplatform.curl";
        let v = ev
            .eval_source(src, nixpad_eval::Origin::Other("test".into()), "/")
            .unwrap();
        let r = collect(&mut ev, &v).unwrap();
        let curl = &r.nodes[0];
        let roles_of = |prefix: &str| {
            let i = curl
                .inputs
                .iter()
                .position(|(path, _)| {
                    let name = &r.nodes.iter().find(|n| n.drv_path == *path).unwrap().name;
                    name.starts_with(prefix)
                })
                .unwrap_or_else(|| panic!("no input {prefix}"));
            curl.input_roles[i].clone()
        };
        // The tools run on the build machine: the native pkg-config, no triple in its name.
        assert_eq!(roles_of("pkg-config-")[0], "nativeBuildInputs");
        // The library is built for the host; its hooks' variables name it too.
        let openssl = roles_of("openssl-aarch64-unknown-linux-gnu-");
        assert_eq!(openssl[0], "buildInputs");
        assert!(
            openssl.contains(&"PKG_CONFIG_PATH".to_string()),
            "{openssl:?}"
        );
        assert!(roles_of("stdenv-").contains(&"stdenv".to_string()));
    }

    #[test]
    fn a_set_of_derivations_and_plain_values() {
        let (mut ev, v) = eval(&format!(
            "{CHAIN} {{ inherit a c; n = 1; bad = throw \"x\"; }}"
        ));
        let r = collect(&mut ev, &v).unwrap();
        let labels: Vec<&str> = r.roots.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["a", "c"]);
        let (mut ev, v) = eval("{ n = 1; }");
        assert_eq!(collect(&mut ev, &v).unwrap(), DrvReport::default());
    }

    #[test]
    fn an_image_shows_its_config_and_layers() {
        let json = br#"{ "/nix/store/x-i.drv": { "env": { "imageName": "web", "imageTag": "1.0",
            "imageConfig": "{\"Cmd\":[\"/bin/web\"]}",
            "layerPlan": "[{\"paths\":[\"/nix/store/a\"]},{\"customisation\":true,\"paths\":[]}]" } } }"#;
        let json: serde_json::Value = serde_json::from_slice(json).unwrap();
        let env = derivation_env(&json, "/nix/store/x-i.drv").unwrap();
        let plan = image_plan(env).expect("an image");
        assert_eq!((plan.name.as_str(), plan.tag.as_str()), ("web", "1.0"));
        assert!(plan.config.contains("\"/bin/web\""));
        assert_eq!(
            plan.layers,
            vec![(vec!["/nix/store/a".to_string()], false), (vec![], true)]
        );
        assert_eq!(image_plan(&JsonObject::new()), None);
    }
}
