//! The playground page: file tabs, toolbar, editor, output and REPL.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::client::StopReason;
use super::dom;
use super::editor::Editor;
use super::output::OutputPanel;
use super::repl::Repl;
use super::state::{FilesAction, ResultsAction, SettingsAction, ShareState};
use super::{use_client, use_files, use_repl, use_results, use_settings};
use crate::share;
use crate::storage::TIMEOUTS;

/// The file tabs' inputs (none: they read the files).
#[derive(Properties, PartialEq, Default)]
pub struct FileTabsProps {}

/// Tabs over the files, with add, rename and delete.
#[function_component(FileTabs)]
pub fn file_tabs(_: &FileTabsProps) -> Html {
    let state = use_files();
    let renaming = use_state(|| Option::<usize>::None);
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
                    dispatch.dispatch(FilesAction::Rename { index: i, name: input.value() });
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
            let onclick = Callback::from(move |_| dispatch.dispatch(FilesAction::Select(i)));
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
        Callback::from(move |_| dispatch.dispatch(FilesAction::Add))
    };
    let rename = {
        let renaming = renaming.clone();
        let active = state.active;
        Callback::from(move |_| renaming.set(Some(active)))
    };
    let delete = {
        let dispatch = state.dispatcher();
        let active = state.active;
        Callback::from(move |_| dispatch.dispatch(FilesAction::Delete(active)))
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

/// The toolbar's inputs (none: it reads the files, the settings and the results).
#[derive(Properties, PartialEq, Default)]
pub struct ToolbarProps {}

/// The value of the `<input>` or `<select>` an event came from.
fn target_value(e: &Event) -> Option<String> {
    let target = e.target()?;
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        return Some(select.value());
    }
    target.dyn_ref::<HtmlInputElement>().map(|i| i.value())
}

/// Run, Stop, the settings, the entry file, sharing and the status.
#[function_component(Toolbar)]
pub fn toolbar(_: &ToolbarProps) -> Html {
    let files = use_files();
    let run = {
        let dispatch = files.dispatcher();
        Callback::from(move |_| dispatch.dispatch(FilesAction::Run))
    };
    let entry = {
        let dispatch = files.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(name) = target_value(&e) {
                dispatch.dispatch(FilesAction::SetEntry(name));
            }
        })
    };
    let entries: Html = files
        .files
        .iter()
        .map(|f| html! { <option value={f.name.clone()} selected={f.name == files.entry}>{f.name.clone()}</option> })
        .collect();
    html! {
        <div class="toolbar">
            <button class="primary" data-testid="run" onclick={run} title="Evaluate (Ctrl+Enter)">{"Run"}</button>
            <StopButton />
            <SettingsControls />
            <label>{"Evaluate "}<select aria-label="File to evaluate" onchange={entry}>{entries}</select></label>
            <CopyLinkButton />
            <RunStatus />
        </div>
    }
}

/// Stop: replaces the worker while anything of the playground runs.
#[function_component(StopButton)]
fn stop_button() -> Html {
    let client = use_client();
    let results = use_results();
    let repl = use_repl();
    let busy = results.busy() || repl.busy();
    let stop = Callback::from(move |_| client.stop(StopReason::User));
    html! {
        <button data-testid="stop" onclick={stop} disabled={!busy} title="Stop the evaluation">{"Stop"}</button>
    }
}

/// Run as you type, the ca-derivations switch, and the time limit.
#[function_component(SettingsControls)]
fn settings_controls() -> Html {
    let settings = use_settings();
    // A checkbox's change, as a settings action.
    let on_check = |action: fn(bool) -> SettingsAction| {
        let dispatch = settings.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                dispatch.dispatch(action(input.checked()));
            }
        })
    };
    let live = on_check(SettingsAction::SetLive);
    let ca_derivations = on_check(SettingsAction::SetCaDerivations);
    let timeout = {
        let dispatch = settings.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(ms) = target_value(&e).and_then(|v| v.parse().ok()) {
                dispatch.dispatch(SettingsAction::SetTimeout(ms));
            }
        })
    };
    let current = settings.settings.timeout_ms;
    let timeouts: Html = TIMEOUTS
        .iter()
        .map(|ms| {
            html! {
                <option value={ms.to_string()} selected={*ms == current}>
                    {format!("{} s", ms / 1000)}
                </option>
            }
        })
        .collect();
    html! {
        <>
            <label class="check"><input type="checkbox" checked={settings.settings.live} onchange={live} />{" Run as you type"}</label>
            <label class="check" title="Nix's experimental feature for content-addressed derivations (__contentAddressed = true)"><input type="checkbox" data-testid="ca-derivations" checked={settings.settings.ca_derivations} onchange={ca_derivations} />{" ca-derivations"}</label>
            <label>{"Limit "}<select aria-label="Time limit" onchange={timeout}>{timeouts}</select></label>
        </>
    }
}

/// Makes a share link of all files and copies it.
#[function_component(CopyLinkButton)]
fn copy_link_button() -> Html {
    let files = use_files();
    let copy_link = {
        let dispatch = files.dispatcher();
        let list = files.files.clone();
        Callback::from(move |_| match share::encode(&list) {
            Ok(data) => {
                let link = format!("{}{}", dom::page_url(), share::fragment(&data));
                dispatch.dispatch(FilesAction::Share(Some(ShareState::Link(
                    link.clone(),
                    None,
                ))));
                let dispatch = dispatch.clone();
                dom::copy_text(&link, move |ok| dispatch.dispatch(FilesAction::Copied(ok)));
            }
            Err(e) => dispatch.dispatch(FilesAction::Share(Some(ShareState::Failed(format!(
                "These files are too big for a link: {e}."
            ))))),
        })
    };
    html! {
        <button data-testid="copy-link" onclick={copy_link} title="Copy a link with all files">{"Copy link"}</button>
    }
}

/// "Running…" or how long the last evaluation took.
#[function_component(RunStatus)]
fn run_status() -> Html {
    let results = use_results();
    let text = if results.running() {
        "Running…".to_string()
    } else {
        results
            .eval_ms
            .map(|ms| format!("Evaluated in {ms:.1} ms"))
            .unwrap_or_default()
    };
    html! { <span class="status" role="status" data-testid="status">{text}</span> }
}

/// The share panel's inputs (none: it reads the files).
#[derive(Properties, PartialEq, Default)]
pub struct SharePanelProps {}

/// The link just made, with whether it reached the clipboard.
#[function_component(SharePanel)]
pub fn share_panel(_: &SharePanelProps) -> Html {
    let files = use_files();
    let close = {
        let dispatch = files.dispatcher();
        Callback::from(move |_| dispatch.dispatch(FilesAction::Share(None)))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            input.select();
        }
    });
    match &files.share {
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

/// The playground's inputs (none).
#[derive(Properties, PartialEq, Default)]
pub struct PlaygroundProps {}

/// The playground page.
#[function_component(Playground)]
pub fn playground(_: &PlaygroundProps) -> Html {
    html! {
        <div class="playground">
            <section class="left" aria-label="Code">
                <FileTabs />
                <PlaygroundEditor />
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

/// The editor on the open file, with the focused error underlined.
#[function_component(PlaygroundEditor)]
fn playground_editor() -> Html {
    let files = use_files();
    let results = use_results();
    let file = files.active_file();
    let error = results.focus_error.as_ref().and_then(|e| {
        let loc = e.location.as_ref()?;
        (loc.file == file.name).then(|| (loc.start as usize, loc.end as usize, e.message.clone()))
    });
    let on_change = {
        let files = files.dispatcher();
        let results = results.dispatcher();
        let name = file.name.clone();
        Callback::from(move |text: String| {
            files.dispatch(FilesAction::Edit(text));
            results.dispatch(ResultsAction::Edited(name.clone()));
        })
    };
    let on_run = {
        let dispatch = files.dispatcher();
        Callback::from(move |_| dispatch.dispatch(FilesAction::Run))
    };
    html! {
        <Editor name={file.name.clone()} text={file.text.clone()} {error} {on_change} {on_run} />
    }
}
