//! The REPL panel: lines evaluated against the current files, like `nix repl`, with
//! history on the arrow keys.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::{ReplAction, ReplEntry};
use super::{use_client, use_files, use_repl};
use crate::protocol::Command;

/// The REPL's inputs (none: it reads the REPL slice).
#[derive(Properties, PartialEq, Default)]
pub struct ReplProps {}

/// Where the history cursor is and what was typed before browsing it.
#[derive(Clone, Default, PartialEq)]
struct History {
    cursor: Option<usize>,
    draft: String,
}

/// The REPL panel.
#[function_component(Repl)]
pub fn repl(_: &ReplProps) -> Html {
    let repl = use_repl();
    let files = use_files();
    let client = use_client();
    let input_ref = use_node_ref();
    let log_ref = use_node_ref();
    let history = use_mut_ref(History::default);

    // Keep the newest answer in view.
    {
        let log_ref = log_ref.clone();
        use_effect_with((repl.log.len(), repl.busy()), move |_| {
            if let Some(log) = log_ref.cast::<web_sys::Element>() {
                log.set_scroll_top(log.scroll_height());
            }
        });
    }

    let inputs: Vec<String> = repl.log.iter().map(|e| e.input.clone()).collect();
    let onkeydown = {
        let dispatch = repl.dispatcher();
        let files = files.files.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let mut h = history.borrow_mut();
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    let line = input.value();
                    if line.trim().is_empty() {
                        return;
                    }
                    *h = History::default();
                    input.set_value("");
                    if line.trim() == ":clear" {
                        dispatch.dispatch(ReplAction::Clear);
                        return;
                    }
                    client.send(Command::Repl {
                        files: files.clone(),
                        line,
                    });
                }
                "ArrowUp" if !inputs.is_empty() => {
                    e.prevent_default();
                    let next = match h.cursor {
                        None => {
                            h.draft = input.value();
                            inputs.len() - 1
                        }
                        Some(0) => 0,
                        Some(i) => i - 1,
                    };
                    h.cursor = Some(next);
                    input.set_value(&inputs[next]);
                }
                "ArrowDown" => {
                    if let Some(i) = h.cursor {
                        e.prevent_default();
                        if i + 1 < inputs.len() {
                            h.cursor = Some(i + 1);
                            input.set_value(&inputs[i + 1]);
                        } else {
                            h.cursor = None;
                            input.set_value(&h.draft);
                        }
                    }
                }
                _ => {}
            }
        })
    };

    let log: Html = repl.log.iter().map(entry).collect();
    let focus = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input_ref.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        })
    };
    html! {
        <div class="repl" data-testid="repl">
            <div class="repl-head">{"REPL"}<span class="muted">{" — :t type, :p strict, :doc docs, x = expr, :? help, ↑↓ history"}</span></div>
            <div class="repl-log" ref={log_ref} onclick={focus} aria-live="polite">{log}</div>
            if repl.stopped {
                <div class="repl-stopped" data-testid="repl-stopped" role="status">
                    {"Stopped at builtins.break: expressions are evaluated in its scope. "}
                    <code>{":env"}</code>{" scope · "}<code>{":c"}</code>{" continue · "}
                    <code>{":q"}</code>{" leave"}
                </div>
            }
            <label class="repl-line">
                <span class="prompt">{"nix-repl> "}</span>
                <input ref={input_ref} aria-label="REPL input" spellcheck="false" autocomplete="off"
                    autocapitalize="off" placeholder="import ./default.nix" {onkeydown} />
            </label>
        </div>
    }
}

/// One exchange: the line typed and its answer.
fn entry(entry: &ReplEntry) -> Html {
    let output = match &entry.output {
        None => html! { <div class="muted">{"…"}</div> },
        Some(out) if out.is_empty() => html! {},
        Some(out) => html! {
            <pre class={classes!("repl-out", entry.is_error.then_some("error"))}>{out.clone()}</pre>
        },
    };
    html! {
        <div class="repl-entry">
            <div class="repl-in"><span class="prompt">{"nix-repl> "}</span>{entry.input.clone()}</div>
            {output}
        </div>
    }
}
