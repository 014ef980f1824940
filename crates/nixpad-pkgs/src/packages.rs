//! The packages of a package set: its attributes that are derivations, and those of the
//! sets it marks with `recurseForDerivations = true` (as nixpkgs' tools walk it), each with
//! its `.drv` path or the error evaluating it gave.

use nixpad_eval::{EvalResult, Evaluator, Value, ValueView};

/// What evaluating one package gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageState {
    /// Its `.drv` path.
    Drv(String),
    /// The (innermost) error message evaluating it, e.g. an unfree package's refusal.
    Failed(String),
}

/// One package: its attribute path (`hello`, `python3Packages.requests`) and state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    /// Attribute path, dot-separated.
    pub attr: String,
    /// Its `.drv` path, or why it could not be evaluated.
    pub state: PackageState,
}

/// The packages of `set` (a package set such as `import <nixpkgs> { }`), in attribute
/// order, nested sets after their name. An attribute whose value fails to evaluate is
/// listed as failed; values that are neither derivations nor marked sets are skipped.
/// Errs only when `set` itself is not a set.
pub fn list_packages(ev: &mut Evaluator, set: &Value) -> EvalResult<Vec<Package>> {
    let mut out = Vec::new();
    let attrs = match ev.view(set, true)? {
        ValueView::Attrs(attrs) => attrs,
        _ => {
            let kind = ev.type_of(set)?;
            return Err(nixpad_eval::Error::new(
                nixpad_eval::ErrorKind::Other(format!(
                    "expected a package set (an attribute set) but found {kind}"
                )),
                None,
            ));
        }
    };
    walk(ev, "", attrs, &mut out, 0);
    Ok(out)
}

/// How deep `recurseForDerivations` sets are followed (nixpkgs nests two or three levels).
const MAX_DEPTH: usize = 4;

fn walk(
    ev: &mut Evaluator,
    prefix: &str,
    attrs: Vec<(String, Value)>,
    out: &mut Vec<Package>,
    depth: usize,
) {
    for (name, value) in attrs {
        let attr = format!("{prefix}{}", nixpad_eval::format_attr_name(&name));
        let view = match ev.view(&value, true) {
            Ok(view) => view,
            Err(e) => {
                out.push(Package {
                    attr,
                    state: PackageState::Failed(e.message()),
                });
                continue;
            }
        };
        let ValueView::Attrs(inner) = view else {
            continue;
        };
        match ev.derivation_path(&value) {
            Ok(Some(drv)) => out.push(Package {
                attr,
                state: PackageState::Drv(drv),
            }),
            Err(e) => out.push(Package {
                attr,
                state: PackageState::Failed(e.message()),
            }),
            Ok(None) => {
                if depth < MAX_DEPTH && marked_for_recursion(ev, &inner) {
                    walk(ev, &format!("{attr}."), inner, out, depth + 1);
                }
            }
        }
    }
}

/// Whether a set has `recurseForDerivations = true`.
fn marked_for_recursion(ev: &mut Evaluator, attrs: &[(String, Value)]) -> bool {
    attrs
        .iter()
        .find(|(n, _)| n == "recurseForDerivations")
        .is_some_and(|(_, v)| matches!(ev.view(v, true), Ok(ValueView::Bool(true))))
}
