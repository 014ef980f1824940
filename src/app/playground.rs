//! The playground page: file tabs, toolbar, editor, output and REPL.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::client::StopReason;
use super::dom;
use super::editor::Editor;
use super::output::OutputPanel;
use super::repl::Repl;
use super::state::{Action, ShareState};
use super::use_app;
use crate::share;
use crate::storage::TIMEOUTS;

/// The file tabs' inputs (none: they read the app state).
#[derive(Properties, PartialEq, Default)]
pub struct FileTabsProps {}

/// Tabs over the files, with add, rename and delete.
#[function_component(FileTabs)]
pub fn file_tabs(_: &FileTabsProps) -> Html {
    let app = use_app();
    let renaming = use_state(|| Option::<usize>::None);
    let state = &app.state;
    let tabs: Html = state
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let selected = i == state.active;
            if *renaming == Some(i) {
                let dispatch = state.dispatcher();
                let done = renaming.clone();
                let commit = move |input: HtmlInputElement| {
                    dispatch.dispatch(Action::RenameFile { index: i, name: input.value() });
                    done.set(None);
                };
                let onkeydown = {
                    let commit = commit.clone();
                    let renaming = renaming.clone();
                    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                        "Enter" => {
                            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                                commit(input);
                            }
                        }
                        "Escape" => renaming.set(None),
                        _ => {}
                    })
                };
                let onblur = Callback::from(move |e: FocusEvent| {
                    if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                        commit(input);
                    }
                });
                return html! {
                    <input class="rename" aria-label="New file name" value={f.name.clone()} autofocus=true
                        {onkeydown} {onblur} />
                };
            }
            let dispatch = state.dispatcher();
            let onclick = Callback::from(move |_| dispatch.dispatch(Action::SelectFile(i)));
            let ondblclick = {
                let renaming = renaming.clone();
                Callback::from(move |_| renaming.set(Some(i)))
            };
            let entry = f.name == state.entry;
            html! {
                <button role="tab" class={classes!("file-tab", selected.then_some("active"))}
                    aria-selected={selected.to_string()} title={if entry { "evaluated by Run" } else { "" }}
                    data-file={f.name.clone()} {onclick} {ondblclick}>
                    {f.name.clone()}{if entry { " ▶" } else { "" }}
                </button>
            }
        })
        .collect();
    let add = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::AddFile))
    };
    let rename = {
        let renaming = renaming.clone();
        let active = state.active;
        Callback::from(move |_| renaming.set(Some(active)))
    };
    let delete = {
        let dispatch = state.dispatcher();
        let active = state.active;
        Callback::from(move |_| dispatch.dispatch(Action::DeleteFile(active)))
    };
    html! {
        <div class="file-bar">
            <div class="file-tabs" role="tablist" aria-label="Files">{tabs}</div>
            <div class="file-actions">
                <button onclick={add} title="Add a file" aria-label="Add a file">{"+"}</button>
                <button onclick={rename} title="Rename the open file (or double-click its tab)">{"Rename"}</button>
                <button onclick={delete} title="Delete the open file" disabled={state.files.len() <= 1}>{"Delete"}</button>
            </div>
        </div>
    }
}

/// The toolbar's inputs (none: it reads the app state).
#[derive(Properties, PartialEq, Default)]
pub struct ToolbarProps {}

/// Run, Stop, run-as-you-type, time limit, entry file and sharing.
#[function_component(Toolbar)]
pub fn toolbar(_: &ToolbarProps) -> Html {
    let app = use_app();
    let state = &app.state;
    let run = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::Run))
    };
    let stop = {
        let client = app.client.clone();
        Callback::from(move |_| client.stop(StopReason::User))
    };
    let live = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                dispatch.dispatch(Action::SetLive(input.checked()));
            }
        })
    };
    let timeout = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            {
                if let Ok(ms) = select.value().parse() {
                    dispatch.dispatch(Action::SetTimeout(ms));
                }
            }
        })
    };
    let entry = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            {
                dispatch.dispatch(Action::SetEntry(select.value()));
            }
        })
    };
    let copy_link = {
        let dispatch = state.dispatcher();
        let files = state.files.clone();
        Callback::from(move |_| match share::encode(&files) {
            Ok(data) => {
                let link = format!("{}{}", dom::page_url(), share::fragment(&data));
                dispatch.dispatch(Action::Share(Some(ShareState::Link(link.clone(), None))));
                let dispatch = dispatch.clone();
                dom::copy_text(&link, move |ok| dispatch.dispatch(Action::Copied(ok)));
            }
            Err(e) => dispatch.dispatch(Action::Share(Some(ShareState::Failed(format!(
                "These files are too big for a link: {e}."
            ))))),
        })
    };
    let running = state.running();
    let timeouts: Html = TIMEOUTS
        .iter()
        .map(|ms| {
            html! {
                <option value={ms.to_string()} selected={*ms == state.settings.timeout_ms}>
                    {format!("{} s", ms / 1000)}
                </option>
            }
        })
        .collect();
    let entries: Html = state
        .files
        .iter()
        .map(|f| html! { <option value={f.name.clone()} selected={f.name == state.entry}>{f.name.clone()}</option> })
        .collect();
    html! {
        <div class="toolbar">
            <button class="primary" data-testid="run" onclick={run} title="Evaluate (Ctrl+Enter)">{"Run"}</button>
            <button data-testid="stop" onclick={stop} disabled={!state.busy()} title="Stop the evaluation">{"Stop"}</button>
            <label class="check"><input type="checkbox" checked={state.settings.live} onchange={live} />{" Run as you type"}</label>
            <label>{"Limit "}<select aria-label="Time limit" onchange={timeout}>{timeouts}</select></label>
            <label>{"Evaluate "}<select aria-label="File to evaluate" onchange={entry}>{entries}</select></label>
            <button data-testid="copy-link" onclick={copy_link} title="Copy a link with all files">{"Copy link"}</button>
            <span class="status" role="status" data-testid="status">
                {if running { "Running…".to_string() } else {
                    state.eval_ms.map(|ms| format!("Evaluated in {ms:.1} ms")).unwrap_or_default()
                }}
            </span>
        </div>
    }
}

/// The share panel's inputs (none: it reads the app state).
#[derive(Properties, PartialEq, Default)]
pub struct SharePanelProps {}

/// The link just made, with whether it reached the clipboard.
#[function_component(SharePanel)]
pub fn share_panel(_: &SharePanelProps) -> Html {
    let app = use_app();
    let close = {
        let dispatch = app.state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::Share(None)))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            input.select();
        }
    });
    match &app.state.share {
        None => html! {},
        Some(ShareState::Failed(message)) => html! {
            <div class="share error" role="alert">{message.clone()}<button onclick={close}>{"Close"}</button></div>
        },
        Some(ShareState::Link(link, copied)) => {
            let note = match copied {
                Some(true) => "Link copied to the clipboard.",
                Some(false) => "Copy this link (the clipboard was not available):",
                None => "Copying…",
            };
            html! {
                <div class="share" role="status">
                    <span>{note}</span>
                    <input readonly=true data-testid="share-link" aria-label="Share link" value={link.clone()}
                        onfocus={select_all} />
                    <span class="muted">{format!("{} characters", link.len())}</span>
                    <button onclick={close}>{"Close"}</button>
                </div>
            }
        }
    }
}

/// The playground's inputs (none: it reads the app state).
#[derive(Properties, PartialEq, Default)]
pub struct PlaygroundProps {}

/// The playground page.
#[function_component(Playground)]
pub fn playground(_: &PlaygroundProps) -> Html {
    let app = use_app();
    let state = &app.state;
    let file = state.active_file();
    let error = state.focus_error.as_ref().and_then(|e| {
        let loc = e.location.as_ref()?;
        (loc.file == file.name).then(|| (loc.start as usize, loc.end as usize, e.message.clone()))
    });
    let on_change = {
        let dispatch = state.dispatcher();
        Callback::from(move |text: String| dispatch.dispatch(Action::Edit(text)))
    };
    let on_run = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::Run))
    };
    html! {
        <div class="playground">
            <section class="left" aria-label="Code">
                <FileTabs />
                <Editor name={file.name.clone()} text={file.text.clone()} {error} {on_change} {on_run} />
                <Toolbar />
                <SharePanel />
                <p class="hint">{"Ctrl/⌘+Enter runs. Tab indents; press Esc then Tab to leave the editor."}</p>
            </section>
            <section class="right" aria-label="Output">
                <OutputPanel />
                <Repl />
            </section>
        </div>
    }
}
