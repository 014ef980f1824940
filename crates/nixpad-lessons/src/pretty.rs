//! Bounded pretty-printing of values for check results: deep, wide, erroring or
//! unending values print as `…` or `«error: …»` instead of stalling or failing.

use nixpad_eval::{Evaluator, Value, ValueView};

/// Bounds on a pretty-printed value.
#[derive(Clone, Debug)]
pub struct PrettyLimits {
    /// Nesting levels printed; deeper values print as `…`.
    pub max_depth: usize,
    /// Values (list elements and attributes, at all levels) printed in total.
    pub max_items: usize,
    /// Characters of one string printed before `…`.
    pub max_string: usize,
    /// Width under which a list or set stays on one line.
    pub width: usize,
}

impl Default for PrettyLimits {
    fn default() -> Self {
        PrettyLimits {
            max_depth: 6,
            max_items: 200,
            max_string: 1000,
            width: 72,
        }
    }
}

enum P {
    Atom(String),
    List(Vec<P>),
    Attrs(Vec<(String, P)>),
}

/// `name` as Nix prints an attribute name: bare when it is an identifier, else quoted.
pub fn attr_name(name: &str) -> String {
    nixpad_eval::format_attr_name(name)
}

/// A string literal as Nix prints it, cut after `max` characters.
pub fn quote(bytes: &[u8], max: usize) -> String {
    let s = String::from_utf8_lossy(bytes);
    match s.char_indices().nth(max) {
        // Too long: quote the first `max` characters and mark the cut inside the quotes.
        Some((cut, _)) => {
            let quoted = nixpad_eval::quote_string(&s.as_bytes()[..cut]);
            format!("{}…\"", &quoted[..quoted.len() - 1])
        }
        None => nixpad_eval::quote_string(s.as_bytes()),
    }
}

struct Builder<'a> {
    ev: &'a mut Evaluator,
    limits: &'a PrettyLimits,
    items: usize,
}

impl Builder<'_> {
    fn build(&mut self, v: &Value, depth: usize) -> P {
        let view = match self.ev.view(v, true) {
            Ok(view) => view,
            Err(e) => return P::Atom(format!("«error: {}»", e.message())),
        };
        match view {
            ValueView::Null => P::Atom("null".into()),
            ValueView::Bool(b) => P::Atom(b.to_string()),
            ValueView::Int(i) => P::Atom(i.to_string()),
            ValueView::Float(f) => P::Atom(f),
            ValueView::String(s) => P::Atom(quote(&s, self.limits.max_string)),
            ValueView::Path(p) => P::Atom(p),
            ValueView::Lambda(..) => P::Atom("«lambda»".into()),
            ValueView::PrimOp(name, partial) => P::Atom(if partial {
                format!("«partially applied primop {name}»")
            } else {
                format!("«primop {name}»")
            }),
            ValueView::Thunk => P::Atom("«thunk»".into()),
            ValueView::List(items) => {
                if depth >= self.limits.max_depth && !items.is_empty() {
                    return P::Atom("[ … ]".into());
                }
                let mut out = Vec::new();
                for item in &items {
                    if self.items >= self.limits.max_items {
                        out.push(P::Atom("…".into()));
                        break;
                    }
                    self.items += 1;
                    out.push(self.build(item, depth + 1));
                }
                P::List(out)
            }
            ValueView::Attrs(attrs) => {
                if let Some(drv) = self.derivation(&attrs) {
                    return P::Atom(drv);
                }
                if depth >= self.limits.max_depth && !attrs.is_empty() {
                    return P::Atom("{ … }".into());
                }
                let mut out = Vec::new();
                for (name, value) in &attrs {
                    if self.items >= self.limits.max_items {
                        out.push(("…".to_string(), P::Atom(String::new())));
                        break;
                    }
                    self.items += 1;
                    out.push((attr_name(name), self.build(value, depth + 1)));
                }
                P::Attrs(out)
            }
        }
    }

    /// `«derivation /nix/store/…drv»` for a set with `type = "derivation"`, as `nix repl` shows it.
    fn derivation(&mut self, attrs: &[(String, Value)]) -> Option<String> {
        let get = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        let ty = get("type")?;
        match self.ev.view(&ty, true) {
            Ok(ValueView::String(s)) if s == b"derivation" => {}
            _ => return None,
        }
        match get("drvPath").map(|d| self.ev.view(&d, true)) {
            Some(Ok(ValueView::String(p))) => {
                Some(format!("«derivation {}»", String::from_utf8_lossy(&p)))
            }
            _ => Some("«derivation»".into()),
        }
    }
}

fn flat(p: &P) -> String {
    match p {
        P::Atom(s) => s.clone(),
        P::List(xs) if xs.is_empty() => "[ ]".into(),
        P::List(xs) => format!("[ {} ]", xs.iter().map(flat).collect::<Vec<_>>().join(" ")),
        P::Attrs(xs) if xs.is_empty() => "{ }".into(),
        P::Attrs(xs) => {
            let parts: Vec<String> = xs
                .iter()
                .map(|(k, v)| {
                    if k == "…" {
                        "…".to_string()
                    } else {
                        format!("{k} = {};", flat(v))
                    }
                })
                .collect();
            format!("{{ {} }}", parts.join(" "))
        }
    }
}

fn layout(p: &P, indent: usize, width: usize, out: &mut String) {
    let f = flat(p);
    if f.len() + indent <= width || matches!(p, P::Atom(_)) {
        out.push_str(&f);
        return;
    }
    let pad = " ".repeat(indent + 2);
    match p {
        P::Atom(_) => {}
        P::List(xs) => {
            out.push_str("[\n");
            for x in xs {
                out.push_str(&pad);
                layout(x, indent + 2, width, out);
                out.push('\n');
            }
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        P::Attrs(xs) => {
            out.push_str("{\n");
            for (k, v) in xs {
                out.push_str(&pad);
                if k == "…" {
                    out.push_str("…\n");
                    continue;
                }
                out.push_str(k);
                out.push_str(" = ");
                layout(v, indent + 2, width, out);
                out.push_str(";\n");
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
    }
}

/// Prints a value for a learner: forced as deep as the limits allow, on one line when
/// short, indented otherwise. Errors inside print as `«error: MESSAGE»`.
pub fn pretty(ev: &mut Evaluator, v: &Value, limits: &PrettyLimits) -> String {
    let p = Builder {
        ev,
        limits,
        items: 0,
    }
    .build(v, 0);
    let mut out = String::new();
    layout(&p, 0, limits.width, &mut out);
    out
}
