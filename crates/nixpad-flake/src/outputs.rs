//! The outputs of a flake shown like `nix flake show [--json]` and checked like
//! `nix flake check --no-build`.

use nixpad_eval::{Error, ErrorKind, EvalResult, Evaluator, Span, Value, ValueView};
use serde_json::{json, Map, Value as Json};

use crate::Flake;

/// A shown output: a leaf with its JSON and its text, or named children.
enum Shown {
    Leaf(Json, String),
    Omitted(&'static str),
    /// Listed in JSON as `{}` but not drawn (a non-derivation in `legacyPackages`).
    Hidden,
    Branch(Vec<(String, Shown)>),
}

/// The attributes of `v` (forced); none if it is not a set.
fn attrs_of(ev: &mut Evaluator, v: &Value) -> EvalResult<Vec<(String, Value)>> {
    match ev.view(v, true)? {
        ValueView::Attrs(a) => Ok(a),
        _ => Ok(Vec::new()),
    }
}

/// [`attrs_of`] with its error rendered.
fn attrs(ev: &mut Evaluator, v: &Value) -> Result<Vec<(String, Value)>, String> {
    attrs_of(ev, v).map_err(|e| ev.render_error(&e))
}

/// Attribute `name` of `set`, forced.
fn get_of(
    ev: &mut Evaluator,
    set: &[(String, Value)],
    name: &str,
) -> EvalResult<Option<ValueView>> {
    match set.iter().find(|(n, _)| n == name) {
        Some((_, v)) => ev.view(v, true).map(Some),
        None => Ok(None),
    }
}

/// [`get_of`] with its error rendered.
fn get(
    ev: &mut Evaluator,
    set: &[(String, Value)],
    name: &str,
) -> Result<Option<ValueView>, String> {
    get_of(ev, set, name).map_err(|e| ev.render_error(&e))
}

fn string_of(view: Option<ValueView>) -> Option<String> {
    match view {
        Some(ValueView::String(s)) => Some(String::from_utf8_lossy(&s).into_owned()),
        _ => None,
    }
}

/// Whether `v` is a set with `type = "derivation"`.
fn is_derivation_of(ev: &mut Evaluator, v: &Value) -> EvalResult<bool> {
    let set = attrs_of(ev, v)?;
    Ok(string_of(get_of(ev, &set, "type")?).as_deref() == Some("derivation"))
}

/// [`is_derivation_of`] with its error rendered.
fn is_derivation(ev: &mut Evaluator, v: &Value) -> Result<bool, String> {
    is_derivation_of(ev, v).map_err(|e| ev.render_error(&e))
}

fn derivation_leaf(ev: &mut Evaluator, v: &Value, kind: &str) -> Result<Shown, String> {
    if !is_derivation(ev, v)? {
        return Err("expected a derivation".into());
    }
    let set = attrs(ev, v)?;
    let name = string_of(get(ev, &set, "name")?).unwrap_or_default();
    let description = match set.iter().find(|(n, _)| n == "meta") {
        Some((_, meta)) => {
            let meta = attrs(ev, meta)?;
            string_of(get(ev, &meta, "description")?).unwrap_or_default()
        }
        None => String::new(),
    };
    // Nix 2.26 gives the description in JSON only.
    let text = format!("{kind} '{name}'");
    Ok(Shown::Leaf(
        json!({"description": description, "name": name, "type": "derivation"}),
        text,
    ))
}

/// What `nix flake show` evaluates.
#[derive(Clone, Debug)]
pub struct ShowOptions {
    /// The current system (`x86_64-linux`).
    pub system: String,
    /// `--all-systems`: every system's outputs, not only the current one's.
    pub all_systems: bool,
    /// `--legacy`: the derivations directly in `legacyPackages.SYSTEM`.
    pub legacy: bool,
}

impl Default for ShowOptions {
    fn default() -> Self {
        ShowOptions {
            system: "x86_64-linux".into(),
            all_systems: false,
            legacy: false,
        }
    }
}

type ShowItem<'a> = &'a dyn Fn(&mut Evaluator, &Value) -> Result<Shown, String>;

/// Per system (`packages.SYSTEM.NAME`, or `formatter.SYSTEM` when not `by_name`): other
/// systems than the current one are omitted unless `--all-systems`.
fn per_system(
    ev: &mut Evaluator,
    output: &str,
    v: &Value,
    show: &ShowOptions,
    each: ShowItem,
    by_name: bool,
) -> Result<Shown, String> {
    let mut out = Vec::new();
    for (sys, value) in attrs(ev, v)? {
        if !has_content(ev, &[output, &sys], &value) {
            continue;
        }
        // Apps are shown for every system.
        let omitted =
            sys != show.system && !show.all_systems && !matches!(output, "apps" | "defaultApp");
        let shown = if omitted && by_name {
            Shown::Branch(
                attrs(ev, &value)?
                    .into_iter()
                    .map(|(n, _)| (n, Shown::Omitted("use '--all-systems' to show")))
                    .collect(),
            )
        } else if omitted {
            Shown::Omitted("use '--all-systems' to show")
        } else if by_name {
            let mut items = Vec::new();
            for (name, item) in attrs(ev, &value)? {
                items.push((name, each(ev, &item)?));
            }
            Shown::Branch(items)
        } else {
            each(ev, &value)?
        };
        out.push((sys, shown));
    }
    Ok(Shown::Branch(out))
}

/// `legacyPackages`: omitted unless `--legacy`; then its derivations (other attributes
/// are listed as empty in JSON and not drawn, as Nix does).
fn legacy_packages(ev: &mut Evaluator, v: &Value, show: &ShowOptions) -> Result<Shown, String> {
    let mut systems = Vec::new();
    for (sys, value) in attrs(ev, v)? {
        if has_content(ev, &["legacyPackages", &sys], &value) {
            systems.push((sys, value));
        }
    }
    if !show.legacy {
        return Ok(Shown::Branch(
            systems
                .into_iter()
                .map(|(sys, _)| (sys, Shown::Omitted("use '--legacy' to show")))
                .collect(),
        ));
    }
    let each = |ev: &mut Evaluator, item: &Value| -> Result<Shown, String> {
        if is_derivation(ev, item)? {
            derivation_leaf(ev, item, "package")
        } else {
            Ok(Shown::Hidden)
        }
    };
    let mut out = Vec::new();
    for (sys, value) in systems {
        let shown = if sys != show.system && !show.all_systems {
            Shown::Omitted("use '--all-systems' to show")
        } else {
            let mut items = Vec::new();
            for (name, item) in attrs(ev, &value)? {
                items.push((name, each(ev, &item)?));
            }
            Shown::Branch(items)
        };
        out.push((sys, shown));
    }
    Ok(Shown::Branch(out))
}

/// Whether the output at `path` has something to show, as Nix decides before drawing it:
/// a per-system output (and each of its systems) only if some system has an attribute;
/// `formatter`, `nixosConfigurations`, `nixosModules` and `overlays` only if not empty;
/// anything else always (so does one that fails to evaluate).
fn has_content(ev: &mut Evaluator, path: &[&str], v: &Value) -> bool {
    const PER_SYSTEM: [&str; 5] = ["apps", "checks", "devShells", "legacyPackages", "packages"];
    const SETS: [&str; 4] = [
        "formatter",
        "nixosConfigurations",
        "nixosModules",
        "overlays",
    ];
    let look_inside = match path {
        [top] | [top, _] if PER_SYSTEM.contains(top) => true,
        [top] => SETS.contains(top),
        _ => false,
    };
    if !look_inside {
        return true;
    }
    let Ok(children) = attrs(ev, v) else {
        return true;
    };
    children.iter().any(|(name, child)| {
        let mut inner = path.to_vec();
        inner.push(name);
        has_content(ev, &inner, child)
    })
}

/// `hydraJobs`: its derivations, in sets of any depth.
fn hydra_jobs(ev: &mut Evaluator, v: &Value) -> Result<Shown, String> {
    if is_derivation(ev, v)? {
        return derivation_leaf(ev, v, "derivation");
    }
    let mut out = Vec::new();
    for (name, item) in attrs(ev, v)? {
        out.push((name, hydra_jobs(ev, &item)?));
    }
    Ok(Shown::Branch(out))
}

fn app_leaf(ev: &mut Evaluator, v: &Value) -> Result<Shown, String> {
    let set = attrs(ev, v)?;
    let description = match set.iter().find(|(n, _)| n == "meta") {
        Some((_, meta)) => {
            let meta = attrs(ev, meta)?;
            string_of(get(ev, &meta, "description")?)
        }
        None => None,
    };
    let mut j = json!({"type": "app"});
    if let Some(d) = &description {
        j["description"] = json!(d);
    }
    Ok(Shown::Leaf(
        j,
        format!(
            "app: {}",
            description.unwrap_or_else(|| "no description".into())
        ),
    ))
}

fn named(
    ev: &mut Evaluator,
    v: &Value,
    each: &dyn Fn(&mut Evaluator, &Value) -> Result<Shown, String>,
) -> Result<Shown, String> {
    let mut out = Vec::new();
    for (name, item) in attrs(ev, v)? {
        out.push((name, each(ev, &item)?));
    }
    Ok(Shown::Branch(out))
}

fn simple(json_type: &str, text: &str) -> Shown {
    Shown::Leaf(json!({ "type": json_type }), text.to_string())
}

fn template_leaf(ev: &mut Evaluator, v: &Value) -> Result<Shown, String> {
    let set = attrs(ev, v)?;
    let description = string_of(get(ev, &set, "description")?).unwrap_or_default();
    Ok(Shown::Leaf(
        json!({"description": description, "type": "template"}),
        format!("template: {description}"),
    ))
}

fn show_tree(flake: &mut Flake, show: &ShowOptions) -> Result<Shown, String> {
    let ev = &mut flake.evaluator;
    let value = flake.value.clone();
    let outputs = match attrs(ev, &value)?.into_iter().find(|(n, _)| n == "outputs") {
        Some((_, o)) => attrs(ev, &o)?,
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for (name, v) in outputs {
        if !has_content(ev, &[&name], &v) {
            continue;
        }
        let drv =
            |kind: &'static str| move |ev: &mut Evaluator, v: &Value| derivation_leaf(ev, v, kind);
        let shown = match name.as_str() {
            "packages" => per_system(ev, &name, &v, show, &drv("package"), true)?,
            "devShells" => per_system(ev, &name, &v, show, &drv("development environment"), true)?,
            "checks" => per_system(ev, &name, &v, show, &drv("derivation"), true)?,
            "formatter" | "defaultPackage" => {
                per_system(ev, &name, &v, show, &drv("package"), false)?
            }
            "devShell" => per_system(ev, &name, &v, show, &drv("development environment"), false)?,
            "legacyPackages" => legacy_packages(ev, &v, show)?,
            "apps" => per_system(ev, &name, &v, show, &app_leaf, true)?,
            "defaultApp" => per_system(ev, &name, &v, show, &app_leaf, false)?,
            "hydraJobs" => hydra_jobs(ev, &v)?,
            "overlays" => named(ev, &v, &|_, _| {
                Ok(simple("nixpkgs-overlay", "Nixpkgs overlay"))
            })?,
            "overlay" => simple("nixpkgs-overlay", "Nixpkgs overlay"),
            "nixosModules" => named(ev, &v, &|_, _| Ok(simple("nixos-module", "NixOS module")))?,
            "nixosModule" => simple("nixos-module", "NixOS module"),
            "nixosConfigurations" => named(ev, &v, &|_, _| {
                Ok(simple("nixos-configuration", "NixOS configuration"))
            })?,
            "templates" => named(ev, &v, &template_leaf)?,
            "defaultTemplate" => template_leaf(ev, &v)?,
            _ => simple("unknown", "unknown"),
        };
        out.push((name, shown));
    }
    Ok(Shown::Branch(out))
}

fn to_json(shown: &Shown) -> Json {
    match shown {
        Shown::Leaf(j, _) => j.clone(),
        Shown::Omitted(_) | Shown::Hidden => Json::Object(Map::new()),
        Shown::Branch(items) => {
            Json::Object(items.iter().map(|(n, s)| (n.clone(), to_json(s))).collect())
        }
    }
}

fn write_text(items: &[(String, Shown)], prefix: &str, out: &mut String) {
    for (i, (name, shown)) in items.iter().enumerate() {
        let last = i + 1 == items.len();
        let (branch, more) = if last {
            ("└───", "    ")
        } else {
            ("├───", "│   ")
        };
        match shown {
            Shown::Leaf(_, text) => out.push_str(&format!("{prefix}{branch}{name}: {text}\n")),
            Shown::Omitted(why) => {
                out.push_str(&format!("{prefix}{branch}{name} omitted ({why})\n"))
            }
            Shown::Hidden => {}
            Shown::Branch(children) => {
                out.push_str(&format!("{prefix}{branch}{name}\n"));
                write_text(children, &format!("{prefix}{more}"), out);
            }
        }
    }
}

/// `nix flake show --json`: the document, and the warnings Nix gives for the parts it
/// leaves out (`packages.aarch64-darwin.a omitted (use '--all-systems' to show)`), in
/// the order it meets them.
pub fn show_json(flake: &mut Flake, show: &ShowOptions) -> Result<(Json, Vec<String>), String> {
    let tree = show_tree(flake, show)?;
    let mut warnings = Vec::new();
    omitted_warnings(&tree, &mut Vec::new(), &mut warnings);
    Ok((to_json(&tree), warnings))
}

fn omitted_warnings<'a>(shown: &'a Shown, path: &mut Vec<&'a str>, out: &mut Vec<String>) {
    match shown {
        Shown::Omitted(why) => out.push(format!("{} omitted ({why})", path.join("."))),
        Shown::Branch(items) => {
            for (name, item) in items {
                path.push(name);
                omitted_warnings(item, path, out);
                path.pop();
            }
        }
        Shown::Leaf(..) | Shown::Hidden => {}
    }
}

/// `nix flake show`: the locked URL, then the output tree.
pub fn show_text(flake: &mut Flake, show: &ShowOptions) -> Result<String, String> {
    let tree = show_tree(flake, show)?;
    Ok(tree_text(flake, &tree))
}

/// `nix flake show` both ways, `--json` and text, from one walk of the outputs.
pub fn show_both(flake: &mut Flake, show: &ShowOptions) -> Result<(Json, String), String> {
    let tree = show_tree(flake, show)?;
    Ok((to_json(&tree), tree_text(flake, &tree)))
}

fn tree_text(flake: &Flake, tree: &Shown) -> String {
    let mut out = format!("{}\n", flake.locked_url());
    if let Shown::Branch(items) = tree {
        write_text(items, "", &mut out);
    }
    out
}

/// What `nix flake check --no-build` found: warnings, and the first error (with the
/// outputs it was checking) if any.
#[derive(Debug, Default)]
pub struct Check {
    /// Warnings, in order.
    pub warnings: Vec<String>,
    /// The error, as Nix prints it (`… while checking flake output 'packages'` lines,
    /// then `error: …`).
    pub error: Option<String>,
    /// The `.drv` paths of the derivations checked, by attribute path.
    pub derivations: Vec<(String, String)>,
}

struct Checker<'a> {
    ev: &'a mut Evaluator,
    system: Option<&'a str>,
    result: Check,
    other_systems: Vec<String>,
}

/// A check's outcome: an error carries the frames of the checks it happened in, each at
/// the attribute it checked, as Nix's trace does.
type Step = EvalResult<()>;

/// An error Nix words freely, with no position (its frames give them).
fn failure(message: impl Into<String>) -> Box<Error> {
    Error::new(ErrorKind::Other(message.into()), None)
}

/// Adds the frame of a check (`message`, at the attribute checked) around its errors.
fn within(message: &str, pos: Option<Span>) -> impl FnOnce(Box<Error>) -> Box<Error> + '_ {
    move |mut e| {
        e.push_frame(message.to_string(), pos);
        e
    }
}

/// Attribute `name` of `set` ([`Evaluator::bindings`]) and where it was defined.
fn field(set: &[(String, Value, Option<Span>)], name: &str) -> Option<(Value, Option<Span>)> {
    set.iter()
        .find(|(n, ..)| n == name)
        .map(|(_, v, pos)| (v.clone(), *pos))
}

impl Checker<'_> {
    /// The attributes of `v` in Nix's order, with their positions, or Nix's "expected a
    /// set but found an integer: 5".
    fn expect_set(&mut self, v: &Value) -> EvalResult<Vec<(String, Value, Option<Span>)>> {
        self.expect(v, "a set", None)?;
        Ok(self.ev.bindings(v)?.unwrap_or_default())
    }

    /// `v` forced, or Nix's "expected a string but found an integer: 5" (`kind` is
    /// "a string" or "a set") at `at`.
    fn expect(&mut self, v: &Value, kind: &str, at: Option<Span>) -> Step {
        let view = self.ev.view(v, true)?;
        let ok = match kind {
            "a string" => matches!(view, ValueView::String(_)),
            _ => matches!(view, ValueView::Attrs(_)),
        };
        if ok {
            return Ok(());
        }
        let message = format!(
            "expected {kind} but found {}: {}",
            crate::flake_file::view_type_of(&view),
            self.ev.print_brief(v)
        );
        Err(Error::new(ErrorKind::Other(message), at))
    }

    /// A derivation as Nix's commands read one: its `name` a string, its `drvPath` (if
    /// any) a store path.
    fn derivation(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the derivation '{path}'");
        match self.ev.read_derivation(v).map_err(within(&frame, pos))? {
            None => Err(within(&frame, pos)(failure(format!(
                "flake attribute '{path}' is not a derivation"
            )))),
            Some(drv) => {
                if let Some(drv_path) = drv.drv_path {
                    self.result.derivations.push((path.to_string(), drv_path));
                }
                Ok(())
            }
        }
    }

    /// An app as Nix 2.26 checks it: `type` and `program` must be strings (`type` is
    /// not compared with "app"); `meta` and `meta.description` missing are warnings.
    fn app(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the app definition '{path}'");
        self.app_fields(path, v).map_err(within(&frame, pos))
    }

    fn app_fields(&mut self, path: &str, v: &Value) -> Step {
        let set = self.expect_set(v)?;
        for name in ["type", "program"] {
            let Some((value, pos)) = field(&set, name) else {
                return Err(failure(format!("app '{path}' lacks attribute '{name}'")));
            };
            self.expect(&value, "a string", pos)?;
        }
        match field(&set, "meta") {
            None => self
                .result
                .warnings
                .push(format!("app '{path}' lacks attribute 'meta'")),
            Some((meta, _)) => {
                let meta = self.expect_set(&meta)?;
                match field(&meta, "description") {
                    Some((d, pos)) => self.expect(&d, "a string", pos)?,
                    None => self
                        .result
                        .warnings
                        .push(format!("app '{path}' lacks attribute 'meta.description'")),
                }
            }
        }
        Ok(())
    }

    /// A NixOS module is only evaluated.
    fn module(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the NixOS module '{path}'");
        self.ev.view(v, true).map_err(within(&frame, pos))?;
        Ok(())
    }

    /// A NixOS configuration's `config.system.build.toplevel` must be a derivation.
    fn nixos_configuration(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the NixOS configuration '{path}'");
        let toplevel = self
            .ev
            .select_attr_path(
                v.clone(),
                "config.system.build.toplevel",
                &nixpad_eval::AutoArgs::default(),
            )
            .map_err(|e| within(&frame, pos)(failure(e.message())))?;
        if !is_derivation_of(self.ev, &toplevel).map_err(within(&frame, pos))? {
            return Err(within(&frame, pos)(failure(
                "attribute 'config.system.build.toplevel' is not a derivation",
            )));
        }
        Ok(())
    }

    /// A Hydra jobset: sets of any depth whose leaves are derivations, not itself one.
    fn hydra_jobs(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the Hydra jobset '{path}'");
        self.hydra_jobset(path, v).map_err(within(&frame, pos))
    }

    fn hydra_jobset(&mut self, path: &str, v: &Value) -> Step {
        let jobs = self.expect_set(v)?;
        if is_derivation_of(self.ev, v)? {
            return Err(failure("jobset should not be a derivation at top-level"));
        }
        for (name, job, pos) in jobs {
            self.expect(&job, "a set", None)?;
            let job_path = format!("{path}.{name}");
            if is_derivation_of(self.ev, &job)? {
                self.derivation(&job_path, &job, pos)?;
            } else {
                self.hydra_jobs(&job_path, &job, pos)?;
            }
        }
        Ok(())
    }

    /// A bundler must be a function (Nix 2.26 names it a template in the trace).
    fn bundler(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the template '{path}'");
        match self.ev.view(v, true).map_err(within(&frame, pos))? {
            ValueView::Lambda(..) => Ok(()),
            _ => Err(within(&frame, pos)(failure("bundler must be a function"))),
        }
    }

    fn overlay(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the overlay '{path}'");
        match self.ev.view(v, true).map_err(within(&frame, pos))? {
            ValueView::Lambda(..) | ValueView::PrimOp(..) => Ok(()),
            other => {
                let ty = crate::flake_file::view_type_of(&other);
                Err(within(&frame, pos)(failure(format!(
                    "overlay is not a function, but {ty} instead"
                ))))
            }
        }
    }

    fn template(&mut self, path: &str, v: &Value, pos: Option<Span>) -> Step {
        let frame = format!("while checking the template '{path}'");
        self.template_fields(path, v).map_err(within(&frame, pos))
    }

    /// As Nix checks a template: `path` must name an existing path, `description` must be
    /// a string, and no other attribute than those and `welcomeText` is allowed.
    fn template_fields(&mut self, path: &str, v: &Value) -> Step {
        let set = self.expect_set(v)?;
        let Some((dir, _)) = field(&set, "path") else {
            return Err(failure(format!("template '{path}' lacks attribute 'path'")));
        };
        let dir = self.ev.coerce_to_path(&dir)?;
        if !self.ev.path_exists(&dir) {
            return Err(failure(format!(
                "template '{path}' refers to a non-existent path '{dir}'"
            )));
        }
        let Some((description, pos)) = field(&set, "description") else {
            return Err(failure(format!(
                "template '{path}' lacks attribute 'description'"
            )));
        };
        self.expect(&description, "a string", pos)?;
        if let Some((name, ..)) = set
            .iter()
            .find(|(n, ..)| !["path", "description", "welcomeText"].contains(&n.as_str()))
        {
            return Err(failure(format!(
                "template '{path}' has unsupported attribute '{name}'"
            )));
        }
        Ok(())
    }

    fn per_system(
        &mut self,
        output: &str,
        v: &Value,
        by_name: bool,
        each: fn(&mut Self, &str, &Value, Option<Span>) -> Step,
    ) -> Step {
        for (sys, value, sys_pos) in self.expect_set(v)? {
            if self.system.is_some_and(|current| sys != current) {
                if !self.other_systems.contains(&sys) {
                    self.other_systems.push(sys);
                }
                continue;
            }
            if by_name {
                for (name, item, pos) in self.expect_set(&value)? {
                    each(self, &format!("{output}.{sys}.{name}"), &item, pos)?;
                }
            } else {
                each(self, &format!("{output}.{sys}"), &value, sys_pos)?;
            }
        }
        Ok(())
    }

    fn named(
        &mut self,
        output: &str,
        v: &Value,
        each: fn(&mut Self, &str, &Value, Option<Span>) -> Step,
    ) -> Step {
        for (name, item, pos) in self.ev.bindings(v)?.unwrap_or_default() {
            each(self, &format!("{output}.{name}"), &item, pos)?;
        }
        Ok(())
    }

    fn output(&mut self, name: &str, v: &Value, pos: Option<Span>) -> Step {
        let deprecated = |new: &str| {
            format!("flake output attribute '{name}' is deprecated; use '{new}' instead")
        };
        // Nix evaluates every output before it looks at its name.
        self.ev.view(v, true)?;
        match name {
            "packages" | "devShells" | "checks" => self.per_system(name, v, true, Self::derivation),
            "formatter" => self.per_system(name, v, false, Self::derivation),
            "legacyPackages" => Ok(()),
            "apps" => self.per_system(name, v, true, Self::app),
            "overlays" => self.named(name, v, Self::overlay),
            "templates" => self.named(name, v, Self::template),
            "bundlers" => self.per_system(name, v, true, Self::bundler),
            "nixosModules" => self.named(name, v, Self::module),
            "nixosConfigurations" => self.named(name, v, Self::nixos_configuration),
            "hydraJobs" => self.hydra_jobs(name, v, pos),
            // Known to Nix 2.26 and not checked (home-manager's outputs are not among them).
            "lib"
            | "darwinConfigurations"
            | "darwinModules"
            | "flakeModule"
            | "flakeModules"
            | "herculesCI"
            | "homeConfigurations"
            | "nixopsConfigurations" => Ok(()),
            "defaultPackage" | "devShell" | "defaultApp" | "overlay" | "nixosModule"
            | "defaultTemplate" | "defaultBundler" => {
                let new = match name {
                    "defaultPackage" => "packages.<system>.default",
                    "devShell" => "devShells.<system>.default",
                    "defaultApp" => "apps.<system>.default",
                    "overlay" => "overlays.default",
                    "nixosModule" => "nixosModules.default",
                    "defaultBundler" => "bundlers.<system>.default",
                    _ => "templates.default",
                };
                self.result.warnings.push(deprecated(new));
                match name {
                    "defaultPackage" | "devShell" => {
                        self.per_system(name, v, false, Self::derivation)
                    }
                    "defaultApp" => self.per_system(name, v, false, Self::app),
                    "overlay" => self.overlay(name, v, pos),
                    "defaultTemplate" => self.template(name, v, pos),
                    "defaultBundler" => self.per_system(name, v, false, Self::bundler),
                    "nixosModule" => self.module(name, v, pos),
                    _ => Ok(()),
                }
            }
            other => {
                self.result
                    .warnings
                    .push(format!("unknown flake output '{other}'"));
                Ok(())
            }
        }
    }
}

/// `nix flake check --no-build` for the current `system` (every system's outputs with
/// `None`, as `--all-systems`).
pub fn check(flake: &mut Flake, system: Option<&str>) -> Check {
    let value = flake.value.clone();
    let mut checker = Checker {
        ev: &mut flake.evaluator,
        system,
        result: Check::default(),
        other_systems: Vec::new(),
    };
    let outputs =
        match attrs(checker.ev, &value).map(|a| a.into_iter().find(|(n, _)| n == "outputs")) {
            Ok(Some((_, o))) => o,
            Ok(None) => return checker.result,
            Err(e) => {
                checker.result.error = Some(format!("error: {e}"));
                return checker.result;
            }
        };
    let outputs = match checker.ev.bindings(&outputs) {
        Ok(o) => o.unwrap_or_default(),
        Err(e) => {
            checker.result.error = Some(format!("error: {}", checker.ev.render_error(&e)));
            return checker.result;
        }
    };
    for (name, v, pos) in outputs {
        if let Err(mut e) = checker.output(&name, &v, pos) {
            e.push_frame(format!("while checking flake output '{name}'"), pos);
            checker.result.error = Some(checker.ev.render_error(&e));
            return checker.result;
        }
    }
    if !checker.other_systems.is_empty() {
        checker.other_systems.sort();
        checker.other_systems.dedup();
        let systems = checker.other_systems.join(", ");
        checker.result.warnings.push(format!("The check omitted these incompatible systems: {systems}\nUse '--all-systems' to check all."));
    }
    checker.result
}
