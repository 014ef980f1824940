//! The Impact output tab: which packages of the miniature nixpkgs the program's overlay
//! rebuilds, and why. A summary with the counts (what nixpkgs contributors call a mass
//! rebuild), the root changes with how many rebuilds each causes, and one row per changed
//! package with its causes (a filter narrows the rows). All text is rendered as text.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::impact::{ImpactReport, ImpactRow};

/// The view's inputs.
#[derive(Properties, PartialEq)]
pub struct ImpactViewProps {
    /// What the worker found.
    pub report: Rc<ImpactReport>,
}

/// The rebuild impact view.
#[function_component(ImpactView)]
pub fn impact_view(props: &ImpactViewProps) -> Html {
    let filter = use_state(String::new);
    let report = &props.report;
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let needle = filter.to_lowercase();
    let rows: Html = report
        .changed
        .iter()
        .filter(|row| needle.is_empty() || row.attr.to_lowercase().contains(&needle))
        .map(|row| html! { <ImpactItem key={row.attr.clone()} row={row.clone()} /> })
        .collect();
    let through_inputs = report.rebuilds - report.direct;
    let roots: Html = report
        .roots
        .iter()
        .map(|(root, n)| html! { <li><code>{root.clone()}</code>{format!(" — {n} rebuild{}", plural(*n))}</li> })
        .collect();
    let extra: Vec<String> = [("added", &report.added), ("removed", &report.removed)]
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(label, list)| format!("{label}: {}", list.join(", ")))
        .collect();
    html! {
        <div class="impact-view" data-testid="impact">
            <p class="impact-summary" data-testid="impact-summary">
                <strong>{format!("{} of {} packages rebuild", report.rebuilds, report.common)}</strong>
                {format!(" ({} directly, {through_inputs} through their inputs)", report.direct)}
                {format!("; {} changed in all.", report.changed.len())}
            </p>
            <p class="muted">{format!("Compared: {}.", report.compared)}</p>
            {for (!report.roots.is_empty()).then(|| html! {
                <div class="impact-roots"><span class="muted">{"Root changes: "}</span><ul>{roots}</ul></div>
            })}
            {for (!extra.is_empty()).then(|| html! { <p class="muted">{extra.join("; ")}</p> })}
            {if report.changed.is_empty() {
                html! { <p class="muted" data-testid="impact-none">{"No package's derivation changes: nothing is rebuilt."}</p> }
            } else {
                html! {
                    <>
                    <input type="search" placeholder="Filter packages" aria-label="Filter packages"
                        value={(*filter).clone()} {oninput} />
                    <table class="impact-table">
                        <thead><tr><th>{"package"}</th><th>{"effect"}</th><th>{"why"}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    </>
                }
            }}
            <details><summary>{"As nixpad impact prints it"}</summary><pre class="text-out">{report.text.clone()}</pre></details>
        </div>
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// One row's inputs.
#[derive(Properties, PartialEq)]
struct ImpactItemProps {
    row: ImpactRow,
}

/// One changed package: its effect and causes; the `.drv` paths on hover.
#[function_component(ImpactItem)]
fn impact_item(props: &ImpactItemProps) -> Html {
    let row = &props.row;
    let title = format!("before: {}\nafter: {}", row.before, row.after);
    let mut why = row.causes.join("; ");
    if !row.deeper_roots.is_empty() {
        why.push_str(&format!(" (root: {})", row.deeper_roots.join(", ")));
    }
    html! {
        <tr class={classes!(row.direct.then_some("direct"))} {title} data-attr={row.attr.clone()}>
            <td><code>{row.attr.clone()}</code></td>
            <td><span class="badge">{row.kind.clone()}</span></td>
            <td>{why}</td>
        </tr>
    }
}
