//! The rebuild impact view's data: which packages of the miniature nixpkgs an overlay
//! rebuilds, and why (`nixpad impact` in the browser). The program's value says what to
//! compare: an overlay (`final: prev: { … }`) or a list of overlays is applied to
//! `import <nixpkgs> { }`; a package set (`import <nixpkgs> { overlays = …; }`,
//! `pkgs.extend …`) is compared with the plain one; a set `{ before = …; after = …; }`
//! compares two package sets. The analysis is `nixpad_pkgs::impact`, run in the worker.

use nixpad_eval::{Evaluator, Origin, Value, ValueView};
use serde::{Deserialize, Serialize};

/// What rebuilding means for one changed package.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactRow {
    /// Its attribute path (`hello`, `python3Packages.requests`).
    pub attr: String,
    /// `rebuild`, `same out` (a new `.drv`, the same outputs), `fails` or `fixed`.
    pub kind: String,
    /// Whether the package itself changed, not only its inputs.
    pub direct: bool,
    /// Why its derivation differs (`input zlib-1.3.1 changed`, `attribute version changed`).
    pub causes: Vec<String>,
    /// The root changes behind it that its causes do not name (changed derivations deeper
    /// in its dependencies); empty when it changed itself.
    pub deeper_roots: Vec<String>,
    /// Its `.drv` path before and after (or the error).
    pub before: String,
    /// See `before`.
    pub after: String,
}

/// The impact of the program's change on the package set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactReport {
    /// What was compared, in words.
    pub compared: String,
    /// Packages in both sets.
    pub common: usize,
    /// Packages rebuilt (new outputs).
    pub rebuilds: usize,
    /// Of those, the ones that changed themselves.
    pub direct: usize,
    /// Root changes and how many rebuilt packages each one causes, most first.
    pub roots: Vec<(String, usize)>,
    /// Every package whose derivation differs, in attribute order.
    pub changed: Vec<ImpactRow>,
    /// Packages only in the second set.
    pub added: Vec<String>,
    /// Packages only in the first set.
    pub removed: Vec<String>,
    /// The same report as `nixpad impact` prints it.
    pub text: String,
}

/// Turns the program's value into the two package sets to compare, and says which case
/// it was.
const PAIR: &str = r#"
let
  nixpkgs = import <nixpkgs>;
  isPackageSet = v: builtins.isAttrs v && v ? callPackage && v ? stdenv;
in
if builtins.isFunction value then
  { what = "import <nixpkgs> { } without and with the overlay"; before = nixpkgs { }; after = nixpkgs { overlays = [ value ]; }; }
else if builtins.isList value && builtins.all builtins.isFunction value then
  { what = "import <nixpkgs> { } without and with the ${toString (builtins.length value)} overlays"; before = nixpkgs { }; after = nixpkgs { overlays = value; }; }
else if isPackageSet value then
  { what = "import <nixpkgs> { } and the program's package set"; before = nixpkgs { }; after = value; }
else if builtins.isAttrs value && value ? before && value ? after then
  { what = "the program's before and after package sets"; inherit (value) before after; }
else
  throw "the rebuild impact needs an overlay (final: prev: { ... }), a list of overlays, a package set, or a set { before = ...; after = ...; }, but the program evaluates to a ${builtins.typeOf value}"
"#;

/// The impact of the program whose value is `root` (evaluated by `ev`, which must have
/// `<nixpkgs>`).
pub fn collect(ev: &mut Evaluator, root: &Value) -> nixpad_eval::EvalResult<ImpactReport> {
    let pair = ev.eval_source_with_scope(
        PAIR,
        Origin::Other("«rebuild impact»".into()),
        "/",
        &[("value".to_string(), root.clone())],
    )?;
    let mut attr =
        |name: &str| ev.select_attr_path(pair.clone(), name, &nixpad_eval::AutoArgs::default());
    let what = attr("what")?;
    let before = attr("before")?;
    let after = attr("after")?;
    let compared = match ev.view(&what, true)? {
        ValueView::String(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        _ => String::new(),
    };
    let impact = nixpad_pkgs::impact(ev, &before, &after)?;
    Ok(report(compared, &impact))
}

fn report(compared: String, impact: &nixpad_pkgs::Impact) -> ImpactReport {
    use nixpad_pkgs::PackageState;
    let state = |s: &PackageState| match s {
        PackageState::Drv(p) => p.clone(),
        PackageState::Failed(e) => format!("error: {e}"),
    };
    let (rebuilds, direct) = impact.rebuilds();
    let mut roots: Vec<(String, usize)> = impact
        .root_counts()
        .into_iter()
        .map(|(root, n)| (root.to_string(), n))
        .collect();
    roots.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    ImpactReport {
        compared,
        common: impact.common(),
        rebuilds,
        direct,
        roots,
        changed: impact
            .changed
            .iter()
            .map(|c| ImpactRow {
                attr: c.attr.clone(),
                kind: c.kind().label().to_string(),
                direct: c.is_direct(),
                causes: c.causes.iter().map(|cause| cause.to_string()).collect(),
                deeper_roots: c.deeper_roots().into_iter().map(String::from).collect(),
                before: state(&c.before),
                after: state(&c.after),
            })
            .collect(),
        added: impact.added.iter().map(|p| p.attr.clone()).collect(),
        removed: impact.removed.iter().map(|p| p.attr.clone()).collect(),
        text: impact.render_text(),
    }
}
