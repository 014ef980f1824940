//! The value view: a result shown like `nix repl`, with sets and lists that open and
//! close. Children that were not fetched yet are asked from the worker on opening.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yew::prelude::*;

use crate::protocol::{attr_name, Child, ErrorInfo, Node, NodeId, NodeKind};

/// The tree's inputs.
#[derive(Properties, PartialEq)]
pub struct ValueTreeProps {
    /// The root value.
    pub root: Rc<Node>,
    /// Children fetched after the first answer.
    pub fetched: Rc<HashMap<NodeId, Vec<Child>>>,
    /// Nodes shown open.
    pub open: Rc<HashSet<NodeId>>,
    /// Open or close a node whose children are known.
    pub on_toggle: Callback<NodeId>,
    /// Fetch children of a node from index `u32`.
    pub on_fetch: Callback<(NodeId, u32)>,
    /// Show an error of a node (underline it).
    pub on_error: Callback<ErrorInfo>,
}

struct Ctx<'a> {
    props: &'a ValueTreeProps,
}

impl Ctx<'_> {
    fn children<'b>(&'b self, node: &'b Node) -> Option<&'b [Child]> {
        match (&node.children, self.props.fetched.get(&node.id)) {
            (_, Some(f)) if f.len() > node.children.as_ref().map_or(0, Vec::len) => Some(f),
            (Some(c), _) => Some(c),
            (None, Some(f)) => Some(f),
            (None, None) => None,
        }
    }

    fn node(&self, label: Html, node: &Node, sep: &'static str) -> Html {
        let expandable = matches!(node.kind, NodeKind::List | NodeKind::Attrs) && node.len > 0;
        if !expandable {
            let class = scalar_class(node.kind);
            let value = if let (NodeKind::Error, Some(error)) = (node.kind, &node.error) {
                let on_error = self.props.on_error.clone();
                let error = error.clone();
                let onclick = Callback::from(move |_| on_error.emit(error.clone()));
                html! {
                    <button class="v-err link" title="Show this error" {onclick}>
                        {format!("«error: {}»", node.text)}
                    </button>
                }
            } else {
                html! { <span class={class}>{node.text.clone()}</span> }
            };
            return html! { <div class="row">{label}{value}{sep}</div> };
        }
        let is_open = self.props.open.contains(&node.id);
        let known = self.children(node);
        let id = node.id;
        let onclick = {
            let on_toggle = self.props.on_toggle.clone();
            let on_fetch = self.props.on_fetch.clone();
            let need_fetch = known.is_none();
            Callback::from(move |_| {
                if need_fetch {
                    on_fetch.emit((id, 0))
                } else {
                    on_toggle.emit(id)
                }
            })
        };
        let (open_b, close_b) = if node.kind == NodeKind::List {
            ("[", "]")
        } else {
            ("{", "}")
        };
        let count = if node.kind == NodeKind::List {
            format!("{} item{}", node.len, if node.len == 1 { "" } else { "s" })
        } else {
            format!(
                "{} attribute{}",
                node.len,
                if node.len == 1 { "" } else { "s" }
            )
        };
        let toggle = html! {
            <button class="toggle" aria-expanded={is_open.to_string()} title={count.clone()} {onclick}>
                {if is_open { "▾" } else { "▸" }}
            </button>
        };
        match (is_open, known) {
            (true, Some(children)) if fits_on_a_line(node, children) => {
                let item_sep = if node.kind == NodeKind::List { "" } else { ";" };
                let items: Html = children
                    .iter()
                    .map(|c| {
                        let name = c.name.as_ref().map(|n| html! { <><span class="v-name">{attr_name(n)}</span>{" = "}</> });
                        html! { <>{" "}{name}<span class={scalar_class(c.node.kind)}>{c.node.text.clone()}</span>{item_sep}</> }
                    })
                    .collect();
                html! {
                    <div class="row">
                        {toggle}{label}<span class="brace">{open_b}</span>{items}{" "}<span class="brace">{close_b}</span>{sep}
                    </div>
                }
            }
            (true, Some(children)) => {
                let shown = children.len() as u32;
                let more = (shown < node.len).then(|| {
                    let on_fetch = self.props.on_fetch.clone();
                    let onclick = Callback::from(move |_| on_fetch.emit((id, shown)));
                    html! {
                        <div class="row more">
                            <button class="link" {onclick}>{format!("show more ({} of {})", shown, node.len)}</button>
                        </div>
                    }
                });
                let item_sep = if node.kind == NodeKind::List { "" } else { ";" };
                let rows: Html = children.iter().map(|c| self.child(c, item_sep)).collect();
                html! {
                    <div class="group">
                        <div class="row">{toggle}{label}<span class="brace">{open_b}</span></div>
                        <div class="children">{rows}{more}</div>
                        <div class="row"><span class="brace">{close_b}</span>{sep}</div>
                    </div>
                }
            }
            _ => html! {
                <div class="row">
                    {toggle}{label}
                    <span class="brace">{open_b}</span>
                    <span class="elided">{format!(" {count} ")}</span>
                    <span class="brace">{close_b}</span>{sep}
                </div>
            },
        }
    }

    fn child(&self, c: &Child, sep: &'static str) -> Html {
        let label = match &c.name {
            Some(name) => html! { <><span class="v-name">{attr_name(name)}</span>{" = "}</> },
            None => html! {},
        };
        self.node(label, &c.node, sep)
    }
}

fn scalar_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::String => "v-str",
        NodeKind::Path => "v-path",
        NodeKind::Function => "v-fn",
        NodeKind::Error => "v-err",
        NodeKind::Lazy => "v-lazy",
        _ => "v-scalar",
    }
}

/// Short containers of plain values show on one line, like `[ 1 2 3 ]`.
fn fits_on_a_line(node: &Node, children: &[Child]) -> bool {
    let plain = |c: &Child| {
        !matches!(
            c.node.kind,
            NodeKind::List | NodeKind::Attrs | NodeKind::Error
        ) || c.node.len == 0 && c.node.kind != NodeKind::Error
    };
    let width: usize = children
        .iter()
        .map(|c| c.node.text.len() + c.name.as_ref().map_or(0, |n| n.len() + 4) + 2)
        .sum();
    children.len() as u32 == node.len
        && children.len() <= 8
        && width <= 56
        && children.iter().all(plain)
}

/// The value tree.
#[function_component(ValueTree)]
pub fn value_tree(props: &ValueTreeProps) -> Html {
    let ctx = Ctx { props };
    html! {
        <div class="tree" data-testid="value-tree">{ctx.node(html! {}, &props.root, "")}</div>
    }
}
