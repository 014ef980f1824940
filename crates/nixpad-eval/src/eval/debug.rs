//! `builtins.break` as a breakpoint. With a debugger attached
//! ([`crate::Evaluator::set_breakpoints`]) the machine remembers the environment of every
//! call it makes, and the chosen `break` call stops the evaluation with an error that
//! nothing catches, leaving a [`Breakpoint`]: the call, its argument and the environment
//! it was evaluated in. A REPL shows that scope and evaluates expressions in it; to go
//! on, it evaluates the same input again and stops at the next `break` (evaluation is
//! deterministic, so the calls come in the same order).

use std::collections::HashSet;

use crate::lower::Scope;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{Env, Value};

/// Which `break` call stops the evaluation, and where it stopped.
pub(crate) struct Debugger {
    /// How many `break` calls to pass before stopping.
    pub(crate) skip: usize,
    /// How many have been passed.
    pub(crate) passed: usize,
    /// The stop, once reached.
    pub(crate) stop: Option<Breakpoint>,
}

/// Where an evaluation stopped: a `builtins.break` call.
pub struct Breakpoint {
    /// The call (`builtins.break v`).
    pub span: Span,
    /// Its argument.
    pub value: Value,
    /// The environment the call was evaluated in (none when the call was made by a
    /// builtin, which has no scope of its own).
    pub(crate) env: Option<Env>,
}

/// One variable in scope at a breakpoint.
pub struct ScopeEntry {
    /// Its name.
    pub name: String,
    /// Its value, as far as it has been evaluated.
    pub value: Value,
    /// Whether it comes from a `with` (lexical names shadow those).
    pub from_with: bool,
}

/// The variables visible in `env` under the lowering's `scopes` (outermost first, the
/// global names first of all, which are left out): the lexical ones innermost first,
/// each name once, then those of the `with` namespaces (forced by `force`) that no
/// lexical name shadows.
pub(crate) fn visible_names(
    scopes: &[Scope],
    env: &Env,
    mut force: impl FnMut(&Value) -> Option<Value>,
) -> Vec<ScopeEntry> {
    let mut seen: HashSet<Symbol> = HashSet::new();
    let mut lexical = Vec::new();
    let mut namespaces = Vec::new();
    let mut level = Some(env.clone());
    for scope in scopes.iter().skip(1).rev() {
        let Some(frame) = level else { break };
        match scope {
            Scope::Lexical(names) => {
                let mut names: Vec<(Symbol, u32)> = names.iter().map(|(s, i)| (*s, *i)).collect();
                crate::sort::sort_by_key(&mut names, |(_, slot)| *slot);
                let values = frame.values.borrow();
                for (name, slot) in names {
                    if let Some(value) = values.get(slot as usize) {
                        if seen.insert(name) {
                            lexical.push(entry(name, value.clone(), false));
                        }
                    }
                }
            }
            Scope::With => namespaces.extend(frame.values.borrow().first().cloned()),
        }
        level = frame.parent.clone();
    }
    for namespace in namespaces {
        if let Some(Value::Attrs(attrs)) = force(&namespace) {
            for attr in attrs.entries.iter() {
                if seen.insert(attr.name) {
                    lexical.push(entry(attr.name, attr.value.clone(), true));
                }
            }
        }
    }
    lexical
}

fn entry(name: Symbol, value: Value, from_with: bool) -> ScopeEntry {
    ScopeEntry {
        name: name.name().to_string(),
        value,
        from_with,
    }
}
