//! The Options output tab: an options browser for a module system result. Every visible
//! option with its type, default, description and value (the config view), where it is
//! declared, and where each module defines it (a link opens the file). A filter narrows
//! the list by name or description. All text is rendered as text.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::FilesAction;
use super::use_files;
use crate::options::{OptionEntry, OptionsReport, Position};

/// The view's inputs.
#[derive(Properties, PartialEq)]
pub struct OptionsViewProps {
    /// What the worker found.
    pub report: Rc<OptionsReport>,
}

/// Whether an option matches a filter (every word, case-insensitive, in its name or
/// description).
fn matches(option: &OptionEntry, filter: &str) -> bool {
    let haystack = format!(
        "{} {}",
        option.name,
        option.description.as_deref().unwrap_or_default()
    )
    .to_lowercase();
    filter
        .to_lowercase()
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// The options browser.
#[function_component(OptionsView)]
pub fn options_view(props: &OptionsViewProps) -> Html {
    let filter = use_state(String::new);
    let report = &props.report;
    if !report.found {
        return html! {
            <p class="muted" data-testid="no-options">
                {"The value has no options: evaluate a module system result, such as "}
                <code>{"lib.evalModules { modules = [ … ]; }"}</code>{" or "}
                <code>{"import <nixpkgs/nixos> { configuration = …; }"}</code>{"."}</p>
        };
    }
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let shown: Vec<&OptionEntry> = report
        .options
        .iter()
        .filter(|o| matches(o, &filter))
        .collect();
    let count = if shown.len() == report.options.len() {
        format!("{} options", report.options.len())
    } else {
        format!("{} of {} options", shown.len(), report.options.len())
    };
    let items: Html = shown
        .into_iter()
        .map(|o| html! { <OptionItem key={o.name.clone()} option={o.clone()} /> })
        .collect();
    html! {
        <div class="options-view" data-testid="options">
            <div class="options-head">
                <input type="search" placeholder="Filter options" aria-label="Filter options"
                    data-testid="options-filter" value={(*filter).clone()} {oninput} />
                <span class="muted" data-testid="options-count">{count}</span>
            </div>
            {for report.truncated.then(|| html! { <p class="muted">{"Only the first options are listed."}</p> })}
            <div class="options-list">{items}</div>
        </div>
    }
}

/// One option's inputs.
#[derive(Properties, PartialEq)]
struct OptionItemProps {
    option: OptionEntry,
}

/// One option: its name and type, opening to the details.
#[function_component(OptionItem)]
fn option_item(props: &OptionItemProps) -> Html {
    let o = &props.option;
    let value = match &o.value {
        _ if o.sub => html! {
            <p class="muted" data-testid="option-value">{"Each element of the enclosing option has its own."}</p>
        },
        Ok(v) => html! { <pre class="text-out" data-testid="option-value">{v.clone()}</pre> },
        Err(e) => html! { <p class="error-text" data-testid="option-value">{e.clone()}</p> },
    };
    let positions: Html = o
        .positions
        .iter()
        .map(|p| html! { <li><PositionLink position={p.clone()} /></li> })
        .collect();
    let definitions: Html = o
        .definitions
        .iter()
        .map(|d| html! { <li><code>{d.file.clone()}</code>{": "}<code>{d.value.clone()}</code></li> })
        .collect();
    html! {
        <details class={classes!("option", o.sub.then_some("sub"))} data-testid="option" data-name={o.name.clone()}>
            <summary><code class="option-name">{o.name.clone()}</code>
                <span class="muted">{format!(" {}", o.type_description)}</span>
                {for o.read_only.then(|| html! { <span class="badge">{"read-only"}</span> })}
            </summary>
            <dl class="option-details">
                {for o.description.clone().map(|d| html! { <><dt>{"Description"}</dt><dd>{d}</dd></> })}
                <dt>{"Type"}</dt><dd>{o.type_description.clone()}</dd>
                {for o.default.clone().map(|d| html! { <><dt>{"Default"}</dt><dd><code>{d}</code></dd></> })}
                <dt>{"Value"}</dt><dd>{value}</dd>
                <dt>{"Declared in"}</dt><dd>{o.declarations.join(", ")}</dd>
                {for (!o.positions.is_empty()).then(|| html! {
                    <><dt>{"Defined at"}</dt><dd><ul class="option-positions">{positions}</ul></dd></>
                })}
                {for (!o.definitions.is_empty()).then(|| html! {
                    <><dt>{"Definitions used"}</dt><dd><ul>{definitions}</ul></dd></>
                })}
            </dl>
        </details>
    }
}

/// A position's inputs.
#[derive(Properties, PartialEq)]
struct PositionLinkProps {
    position: Position,
}

/// `file:line:column`; a button that opens the file when it is one of the playground's.
#[function_component(PositionLink)]
fn position_link(props: &PositionLinkProps) -> Html {
    let files = use_files();
    let p = &props.position;
    let label = format!("{}:{}:{}", p.file, p.line, p.column);
    if !p.in_tree {
        return html! { <code>{label}</code> };
    }
    let dispatch = files.dispatcher();
    let file = p.file.clone();
    let onclick = Callback::from(move |_| dispatch.dispatch(FilesAction::Open(file.clone())));
    html! {
        <button class="link" data-testid="option-position" title="Open this file" {onclick}>{label}</button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_matches_every_word_in_name_or_description() {
        let o = OptionEntry {
            name: "services.web.enable".into(),
            type_description: "boolean".into(),
            description: Some("Whether to enable the web server.".into()),
            default: None,
            value: Ok("false".into()),
            declarations: vec![],
            definitions: vec![],
            positions: vec![],
            read_only: false,
            sub: false,
        };
        assert!(matches(&o, ""));
        assert!(matches(&o, "WEB enable"));
        assert!(matches(&o, "server web"));
        assert!(!matches(&o, "nginx"));
    }
}
