//! The output panel: tabs over the value tree, JSON, strict text, trace and syntax tree.
//! Text views are asked from the worker when their tab opens.

use yew::prelude::*;

use super::state::{Action, Output, OutputTab, Pending, TextView};
use super::tree::ValueTree;
use super::use_app;
use crate::protocol::{Command, ErrorInfo};

/// An error's inputs.
#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    /// The error.
    pub error: ErrorInfo,
}

/// An error rendered like Nix (trace, source snippet), with a link to its position.
#[function_component(ErrorView)]
pub fn error_view(props: &ErrorViewProps) -> Html {
    let app = use_app();
    let goto = props.error.location.as_ref().map(|loc| {
        let dispatch = app.state.dispatcher();
        let error = props.error.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::FocusError(error.clone())));
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

/// The output panel's inputs (none: it reads the app state).
#[derive(Properties, PartialEq, Default)]
pub struct OutputPanelProps {}

/// The output panel.
#[function_component(OutputPanel)]
pub fn output_panel(_: &OutputPanelProps) -> Html {
    let app = use_app();
    let state = &app.state;

    // Ask the worker for the open tab's text when it is missing.
    {
        let app = app.clone();
        let s = &*app.state;
        let syntax_key = (s.revision << 16) + s.active as u64;
        let key = (s.tab, s.result_id(), syntax_key);
        use_effect_with(key, move |(tab, result, syntax_key)| {
            let s = &*app.state;
            match (tab, result) {
                (OutputTab::Json, Some(r)) if !s.json.is_for(*r as u64) => {
                    app.client
                        .send(Command::Json { result: *r }, Pending::Json(*r));
                }
                (OutputTab::Strict, Some(r)) if !s.strict.is_for(*r as u64) => {
                    app.client
                        .send(Command::PrintStrict { result: *r }, Pending::Strict(*r));
                }
                (OutputTab::Derivation, Some(r)) if s.drv.as_ref().map(|d| d.0) != Some(*r) => {
                    app.client
                        .send(Command::Derivations { result: *r }, Pending::Drv(*r));
                }
                (OutputTab::Syntax, _) if !s.syntax.is_for(*syntax_key) => {
                    let text = s.active_file().text.clone();
                    app.client
                        .send(Command::SyntaxTree { text }, Pending::Syntax(*syntax_key));
                }
                _ => {}
            }
        });
    }

    let tabs: Html = OutputTab::ALL
        .iter()
        .map(|tab| {
            let dispatch = state.dispatcher();
            let tab = *tab;
            let onclick = Callback::from(move |_| dispatch.dispatch(Action::ShowTab(tab)));
            let label = if tab == OutputTab::Trace && !state.trace.is_empty() {
                format!("{} ({})", tab.label(), state.trace.len())
            } else {
                tab.label().to_string()
            };
            let selected = state.tab == tab;
            html! {
                <button role="tab" id={format!("tab-{}", tab.key())} aria-selected={selected.to_string()}
                    aria-controls="output-body" class={classes!("out-tab", selected.then_some("active"))}
                    data-testid={format!("tab-{}", tab.key())} {onclick}>{label}</button>
            }
        })
        .collect();

    let body = match state.tab {
        OutputTab::Value => match &state.output {
            Output::Empty => html! { <p class="muted">{"Press Run to evaluate."}</p> },
            Output::Stopped(message) => {
                html! { <p class="stopped" role="alert" data-testid="stopped">{message.clone()}</p> }
            }
            Output::Error(error) => html! { <ErrorView error={error.clone()} /> },
            Output::Value { id, root } => {
                let result = *id;
                let on_toggle = {
                    let dispatch = state.dispatcher();
                    Callback::from(move |node| dispatch.dispatch(Action::Toggle(node)))
                };
                let on_fetch = {
                    let client = app.client.clone();
                    Callback::from(move |(node, start)| {
                        client.send(
                            Command::Expand {
                                result,
                                node,
                                start,
                                limit: crate::engine::PAGE,
                            },
                            Pending::Expand,
                        );
                    })
                };
                let on_error = {
                    let dispatch = state.dispatcher();
                    Callback::from(move |e| dispatch.dispatch(Action::FocusError(e)))
                };
                let focused = state.focus_error.clone();
                html! {
                    <>
                        <ValueTree root={root.clone()} fetched={state.fetched.clone()} open={state.open.clone()}
                            {on_toggle} {on_fetch} {on_error} />
                        if let Some(error) = focused {
                            <ErrorView {error} />
                        }
                    </>
                }
            }
        },
        OutputTab::Json => {
            html! { <TextPane view={state.json.clone()} empty="Run the code to see its JSON." /> }
        }
        OutputTab::Strict => {
            html! { <TextPane view={state.strict.clone()} empty="Run the code to print it strictly." /> }
        }
        OutputTab::Trace => {
            if state.trace.is_empty() {
                html! { <p class="muted">{"No builtins.trace output."}</p> }
            } else {
                let lines: Html = state
                    .trace
                    .iter()
                    .map(|l| html! { <div>{l.clone()}</div> })
                    .collect();
                html! { <pre class="text-out trace" data-testid="trace">{lines}</pre> }
            }
        }
        OutputTab::Syntax => html! { <TextPane view={state.syntax.clone()} empty="" /> },
        OutputTab::Derivation => match &state.drv {
            None if state.result_id().is_none() => {
                html! { <p class="muted">{"Run code that evaluates to a derivation to see it here."}</p> }
            }
            None | Some((_, None)) => html! { <p class="muted">{"Loading…"}</p> },
            Some((_, Some(Err(error)))) => html! { <ErrorView error={error.clone()} /> },
            Some((r, Some(Ok(report)))) => {
                html! { <super::drvview::DerivationView key={r.to_string()} report={report.clone()} /> }
            }
        },
    };

    let eval_ms = state.eval_ms.map(|ms| format!("{ms:.2}"));
    html! {
        <div class="output" data-evaluations={state.evaluations.to_string()} data-eval-ms={eval_ms}
            data-busy={state.busy().to_string()}>
            <div class="out-tabs" role="tablist" aria-label="Output views">{tabs}</div>
            <div id="output-body" class={classes!("out-body", state.running().then_some("dim"))}
                role="tabpanel" aria-labelledby={format!("tab-{}", state.tab.key())} tabindex="0">{body}</div>
        </div>
    }
}
