//! The output panel: tabs over the value tree, JSON, strict text, trace, syntax tree,
//! derivations and options, one small component each. Text views are asked from the worker when
//! their tab opens.

use yew::prelude::*;

use super::state::{FilesAction, Output, OutputTab, ResultsAction, TextView};
use super::tree::ValueTree;
use super::{use_client, use_files, use_results};
use crate::app::state::requests::{files_key, text_key};
use crate::protocol::{Command, ErrorInfo, PAGE};

/// An error's inputs.
#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    /// The error.
    pub error: ErrorInfo,
}

/// An error rendered like Nix (trace, source snippet), with a link to its position.
#[function_component(ErrorView)]
pub fn error_view(props: &ErrorViewProps) -> Html {
    let go_to = use_focus_error();
    let goto = props.error.location.as_ref().map(|loc| {
        let error = props.error.clone();
        let onclick = go_to.reform(move |_| error.clone());
        html! {
            <button class="link" {onclick}>{format!("Go to {}:{}:{}", loc.file, loc.line, loc.col)}</button>
        }
    });
    html! {
        <div class="error-view" role="alert" data-testid="error">
            <div class="error-head"><span class="code">{props.error.code.clone()}</span>{goto}</div>
            <pre>{props.error.rendered.clone()}</pre>
        </div>
    }
}

/// A callback that underlines an error in the editor and opens its file.
#[hook]
pub fn use_focus_error() -> Callback<ErrorInfo> {
    let files = use_files().dispatcher();
    let results = use_results().dispatcher();
    Callback::from(move |error: ErrorInfo| {
        if let Some(loc) = &error.location {
            files.dispatch(FilesAction::Open(loc.file.clone()));
        }
        results.dispatch(ResultsAction::FocusError(error));
    })
}

/// A text view's inputs.
#[derive(Properties, PartialEq)]
pub struct TextPaneProps {
    /// What to show.
    pub view: TextView,
    /// Shown when there is nothing to show.
    pub empty: AttrValue,
}

/// Text output, or its error, or a placeholder.
#[function_component(TextPane)]
pub fn text_pane(props: &TextPaneProps) -> Html {
    match &props.view {
        TextView::Empty => html! { <p class="muted">{props.empty.clone()}</p> },
        TextView::Loading(_) => html! { <p class="muted">{"Computing…"}</p> },
        TextView::Ready(_, Ok(text)) => html! { <pre class="text-out">{text.clone()}</pre> },
        TextView::Ready(_, Err(e)) => html! { <ErrorView error={e.clone()} /> },
    }
}

/// The output panel's inputs (none: it reads the results).
#[derive(Properties, PartialEq, Default)]
pub struct OutputPanelProps {}

/// The output panel: tabs, and the open tab's view.
#[function_component(OutputPanel)]
pub fn output_panel(_: &OutputPanelProps) -> Html {
    let results = use_results();
    let eval_ms = results.eval_ms.map(|ms| format!("{ms:.2}"));
    let body = match results.tab {
        OutputTab::Value => html! { <ValuePane /> },
        OutputTab::Json => {
            html! { <TextPane view={results.json.clone()} empty="Run the code to see its JSON." /> }
        }
        OutputTab::Strict => {
            html! { <TextPane view={results.strict.clone()} empty="Run the code to print it strictly." /> }
        }
        OutputTab::Trace => html! { <TracePane /> },
        OutputTab::Syntax => html! { <TextPane view={results.syntax.clone()} empty="" /> },
        OutputTab::Derivation => html! { <DerivationPane /> },
        OutputTab::Options => html! { <OptionsPane /> },
        OutputTab::Impact => html! { <ImpactPane /> },
        OutputTab::Flake => html! { <FlakePane /> },
    };
    html! {
        <div class="output" data-evaluations={results.evaluations.to_string()} data-eval-ms={eval_ms}
            data-busy={results.busy().to_string()}>
            <OutputTabs />
            <TabRequests />
            <div id="output-body" class={classes!("out-body", results.running().then_some("dim"))}
                role="tabpanel" aria-labelledby={format!("tab-{}", results.tab.key())} tabindex="0">{body}</div>
        </div>
    }
}

/// Asks the worker for the open tab's content when it is missing (renders nothing).
#[function_component(TabRequests)]
fn tab_requests() -> Html {
    let results = use_results();
    let files = use_files();
    let client = use_client();
    let syntax_key = text_key(&files.active_file().text);
    // The flake is loaded again when the files are run (Run, or run as you type after a
    // quiet moment), not on every keystroke: loading it evaluates the whole flake.
    let key = (
        results.tab,
        results.result_id(),
        syntax_key,
        files.run_token,
    );
    let text = files.active_file().text.clone();
    let all = files.files.clone();
    use_effect_with(key, move |(tab, result, syntax_key, _)| {
        let s = &*results;
        match (tab, result) {
            (OutputTab::Flake, _) if s.flake.as_ref().map(|f| f.0) != Some(files_key(&all)) => {
                client.send(Command::Flake { files: all });
            }
            (OutputTab::Json, Some(r)) if !s.json.is_for(r.0 as u64) => {
                client.send(Command::Json { result: *r });
            }
            (OutputTab::Strict, Some(r)) if !s.strict.is_for(r.0 as u64) => {
                client.send(Command::PrintStrict { result: *r });
            }
            (OutputTab::Derivation, Some(r)) if s.drv.as_ref().map(|d| d.0) != Some(*r) => {
                client.send(Command::Derivations { result: *r });
            }
            (OutputTab::Options, Some(r)) if s.options.as_ref().map(|o| o.0) != Some(*r) => {
                client.send(Command::Options { result: *r });
            }
            (OutputTab::Impact, Some(r)) if s.impact.as_ref().map(|o| o.0) != Some(*r) => {
                client.send(Command::Impact { result: *r });
            }
            (OutputTab::Syntax, _) if !s.syntax.is_for(*syntax_key) => {
                client.send(Command::SyntaxTree { text });
            }
            _ => {}
        }
    });
    html! {}
}

/// The tab buttons.
#[function_component(OutputTabs)]
fn output_tabs() -> Html {
    let results = use_results();
    let tabs: Html = OutputTab::ALL
        .iter()
        .map(|tab| {
            let dispatch = results.dispatcher();
            let tab = *tab;
            let onclick = Callback::from(move |_| dispatch.dispatch(ResultsAction::ShowTab(tab)));
            let label = if tab == OutputTab::Trace && !results.trace.is_empty() {
                format!("{} ({})", tab.label(), results.trace.len())
            } else {
                tab.label().to_string()
            };
            let selected = results.tab == tab;
            html! {
                <button role="tab" id={format!("tab-{}", tab.key())} aria-selected={selected.to_string()}
                    aria-controls="output-body" class={classes!("out-tab", selected.then_some("active"))}
                    data-testid={format!("tab-{}", tab.key())} {onclick}>{label}</button>
            }
        })
        .collect();
    html! { <div class="out-tabs" role="tablist" aria-label="Output views">{tabs}</div> }
}

/// The value tab: the tree, the evaluation's error, or why it stopped.
#[function_component(ValuePane)]
fn value_pane() -> Html {
    let results = use_results();
    let client = use_client();
    let on_error = use_focus_error();
    match &results.output {
        Output::Empty => html! { <p class="muted">{"Press Run to evaluate."}</p> },
        Output::Stopped(message) => {
            html! { <p class="stopped" role="alert" data-testid="stopped">{message.clone()}</p> }
        }
        Output::Error(error) => html! { <ErrorView error={error.clone()} /> },
        Output::Value { id, root } => {
            let result = *id;
            let on_toggle = {
                let dispatch = results.dispatcher();
                Callback::from(move |node| dispatch.dispatch(ResultsAction::Toggle(node)))
            };
            let on_fetch = Callback::from(move |(node, start)| {
                client.send(Command::Expand {
                    result,
                    node,
                    start,
                    limit: PAGE,
                });
            });
            let focused = results.focus_error.clone();
            html! {
                <>
                    <ValueTree root={root.clone()} fetched={results.fetched.clone()} open={results.open.clone()}
                        {on_toggle} {on_fetch} {on_error} />
                    if let Some(error) = focused {
                        <ErrorView {error} />
                    }
                </>
            }
        }
    }
}

/// The trace tab.
#[function_component(TracePane)]
fn trace_pane() -> Html {
    let results = use_results();
    if results.trace.is_empty() {
        return html! { <p class="muted">{"No builtins.trace output."}</p> };
    }
    let lines: Html = results
        .trace
        .iter()
        .map(|l| html! { <div>{l.clone()}</div> })
        .collect();
    html! { <pre class="text-out trace" data-testid="trace">{lines}</pre> }
}

/// The derivation tab.
#[function_component(DerivationPane)]
fn derivation_pane() -> Html {
    let results = use_results();
    match &results.drv {
        None if results.result_id().is_none() => {
            html! { <p class="muted">{"Run code that evaluates to a derivation to see it here."}</p> }
        }
        None | Some((_, None)) => html! { <p class="muted">{"Loading…"}</p> },
        Some((_, Some(Err(error)))) => html! { <ErrorView error={error.clone()} /> },
        Some((r, Some(Ok(report)))) => {
            html! { <super::drvview::DerivationView key={r.to_string()} report={report.clone()} result={*r} /> }
        }
    }
}

/// The options tab.
#[function_component(OptionsPane)]
fn options_pane() -> Html {
    let results = use_results();
    match &results.options {
        None if results.result_id().is_none() => html! {
            <p class="muted">{"Run a module system result (lib.evalModules, <nixpkgs/nixos>) to browse its options here."}</p>
        },
        None | Some((_, None)) => html! { <p class="muted">{"Loading…"}</p> },
        Some((_, Some(Err(error)))) => html! { <ErrorView error={error.clone()} /> },
        Some((r, Some(Ok(report)))) => {
            html! { <super::optionsview::OptionsView key={r.to_string()} report={report.clone()} /> }
        }
    }
}

/// The rebuild impact tab.
#[function_component(ImpactPane)]
fn impact_pane() -> Html {
    let results = use_results();
    match &results.impact {
        None if results.result_id().is_none() => html! {
            <p class="muted">{"Run an overlay (final: prev: { … }), a list of overlays, or a package set to see which packages of <nixpkgs> it rebuilds."}</p>
        },
        None | Some((_, None)) => {
            html! { <p class="muted">{"Evaluating every package twice…"}</p> }
        }
        Some((_, Some(Err(error)))) => html! { <ErrorView error={error.clone()} /> },
        Some((r, Some(Ok(report)))) => {
            html! { <super::impactview::ImpactView key={r.to_string()} report={report.clone()} /> }
        }
    }
}

/// The flake tab.
#[function_component(FlakePane)]
fn flake_pane() -> Html {
    let results = use_results();
    match &results.flake {
        None | Some((_, None)) => html! { <p class="muted">{"Loading the flake…"}</p> },
        Some((key, Some(overview))) => {
            html! { <super::flakeview::FlakeView key={key.to_string()} overview={overview.clone()} /> }
        }
    }
}
