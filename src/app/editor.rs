//! The code editor: a transparent textarea over a highlighted `<pre>`, with a line-number
//! gutter, the error span underlined (message on hover), and keyboard editing helpers.
//!
//! The textarea is not controlled by yew: its value is set only when the file shown
//! changes from outside (another file, an example), so typing and the browser's own
//! undo/redo stay untouched. Edits made by the helpers go through `insertText`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use super::dom;
use crate::editing::{self, byte_to_utf16, utf16_to_byte, Edit};
use crate::highlight::{line_count, offset_at, segments, visible_span};

/// The editor's inputs.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// File name (for the label).
    pub name: AttrValue,
    /// The text.
    pub text: AttrValue,
    /// Byte span and message of an error in this file.
    #[prop_or_default]
    pub error: Option<(usize, usize, String)>,
    /// New text after the user's edit.
    pub on_change: Callback<String>,
    /// Ctrl/Cmd+Enter.
    pub on_run: Callback<()>,
}

/// Pixel geometry shared by the CSS (`.editor` uses these numbers).
const LINE_HEIGHT: f64 = 20.0;
const PAD_TOP: f64 = 8.0;
const PAD_LEFT: f64 = 10.0;

fn textarea(node: &NodeRef) -> Option<HtmlTextAreaElement> {
    node.cast::<HtmlTextAreaElement>()
}

/// Applies an edit to the textarea as the user would type it.
fn apply_edit(area: &HtmlTextAreaElement, text: &str, edit: &Edit, on_change: &Callback<String>) {
    let to16 = |b: usize| byte_to_utf16(text, b) as u32;
    let _ = area.set_selection_range(to16(edit.start), to16(edit.end));
    let inserted = dom::insert_text(&edit.insert);
    let after = editing::apply(text, edit);
    if !inserted || area.value() != after {
        // No insertText (or it did something else): set the value directly.
        area.set_value(&after);
        on_change.emit(after.clone());
    }
    let s = byte_to_utf16(&after, edit.sel_start) as u32;
    let e = byte_to_utf16(&after, edit.sel_end) as u32;
    let _ = area.set_selection_range(s, e);
}

/// The key handler: Ctrl/Cmd+Enter runs; Tab, Shift+Tab, Enter, Backspace and brackets
/// edit through [`editing`]; after Escape, Tab leaves the editor.
fn key_handler(
    on_run: Callback<()>,
    on_change: Callback<String>,
    tab_escape: Rc<Cell<bool>>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.is_composing() {
            return;
        }
        let key = e.key();
        let escaped = tab_escape.replace(false);
        let modifier = e.ctrl_key() || e.meta_key();
        if key == "Enter" && modifier {
            e.prevent_default();
            on_run.emit(());
            return;
        }
        if key == "Escape" {
            tab_escape.set(true);
            return;
        }
        if modifier || e.alt_key() {
            return;
        }
        let Some(area) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let text = area.value();
        let start = utf16_to_byte(
            &text,
            area.selection_start().ok().flatten().unwrap_or(0) as usize,
        );
        let end = utf16_to_byte(
            &text,
            area.selection_end().ok().flatten().unwrap_or(0) as usize,
        );
        let (start, end) = (start.min(end), start.max(end));
        let edit = match key.as_str() {
            "Tab" if escaped => None,
            "Tab" if e.shift_key() => Some(editing::outdent(&text, start, end)),
            "Tab" => Some(editing::indent(&text, start, end)),
            "Enter" if !e.shift_key() => Some(editing::newline(&text, start, end)),
            "Backspace" => editing::backspace(&text, start, end),
            k if k.chars().count() == 1 => {
                editing::type_char(&text, start, end, k.chars().next().unwrap_or(' '))
            }
            _ => None,
        };
        if let Some(edit) = edit {
            e.prevent_default();
            apply_edit(&area, &text, &edit, &on_change);
        }
    })
}

/// The highlighted layer's inputs.
#[derive(Properties, PartialEq)]
struct HighlightProps {
    text: AttrValue,
    /// The error's byte span, if it is visible.
    span: Option<(usize, usize)>,
}

/// The text, highlighted with the evaluator's lexer, the error span marked.
#[function_component(Highlight)]
fn highlight(props: &HighlightProps) -> Html {
    let text: &str = &props.text;
    let code: Html = segments(text, props.span)
        .into_iter()
        .map(|seg| {
            let piece = text[seg.start..seg.end].to_string();
            if seg.error {
                html! { <span class={classes!(seg.class, "err")}>{piece}</span> }
            } else if seg.class.is_empty() {
                html! { {piece} }
            } else {
                html! { <span class={seg.class}>{piece}</span> }
            }
        })
        .collect();
    html! { <pre class="hl" aria-hidden="true"><code>{code}{"\n"}</code></pre> }
}

/// The gutter's inputs.
#[derive(Properties, PartialEq)]
struct GutterProps {
    lines: usize,
    /// The error's line (1-based) and message.
    error: Option<(usize, String)>,
}

/// Line numbers, the error's line marked.
#[function_component(Gutter)]
fn gutter(props: &GutterProps) -> Html {
    let lines: Html = (1..=props.lines)
        .map(|n| match &props.error {
            Some((line, message)) if *line == n => {
                html! { <div class="ln err-line" title={message.clone()}>{n}</div> }
            }
            _ => html! { <div class="ln">{n}</div> },
        })
        .collect();
    html! { <div class="gutter" aria-hidden="true">{lines}</div> }
}

/// Where the pointer hovers over the error span (to show the message there).
#[hook]
fn use_error_hover(
    text: AttrValue,
    span: Option<(usize, usize)>,
    measure_ref: NodeRef,
) -> (
    Option<(f64, f64)>,
    Callback<MouseEvent>,
    Callback<MouseEvent>,
) {
    let hover = use_state(|| Option::<(f64, f64)>::None);
    let onmousemove = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((s, end)) = span else {
                if hover.is_some() {
                    hover.set(None);
                }
                return;
            };
            let char_w = measure_ref
                .cast::<HtmlElement>()
                .map(|m| m.get_bounding_client_rect().width() / 10.0)
                .filter(|w| *w > 0.0)
                .unwrap_or(8.4);
            let (x, y) = (e.offset_x() as f64, e.offset_y() as f64);
            let line = ((y - PAD_TOP) / LINE_HEIGHT).floor();
            let col = ((x - PAD_LEFT) / char_w).floor();
            let inside = line >= 0.0
                && col >= 0.0
                && offset_at(&text, line as usize, col as usize).is_some_and(|o| o >= s && o < end);
            let next = inside.then_some((x, y));
            if *hover != next {
                hover.set(next);
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };
    (*hover, onmousemove, onmouseleave)
}

/// The editor.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let area_ref = use_node_ref();
    let measure_ref = use_node_ref();
    let tip_ref = use_node_ref();

    // Put outside changes of the text into the textarea.
    {
        let area_ref = area_ref.clone();
        use_effect_with(props.text.clone(), move |text| {
            if let Some(area) = textarea(&area_ref) {
                if area.value() != text.as_str() {
                    area.set_value(text);
                }
            }
        });
    }

    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                on_change.emit(area.value());
            }
        })
    };
    // After Escape, the next Tab leaves the editor instead of indenting.
    let tab_escape = use_memo((), |_| Rc::new(Cell::new(false)));
    let onkeydown = key_handler(
        props.on_run.clone(),
        props.on_change.clone(),
        (*tab_escape).clone(),
    );

    let span = props
        .error
        .as_ref()
        .and_then(|(s, e, _)| visible_span(&props.text, Some((*s, *e))));
    let (hover, onmousemove, onmouseleave) =
        use_error_hover(props.text.clone(), span, measure_ref.clone());

    // Place the tooltip under the pointer (CSSOM: fine under a strict style-src).
    {
        let tip_ref = tip_ref.clone();
        use_effect_with(hover, move |pos| {
            if let (Some((x, y)), Some(tip)) = (pos, tip_ref.cast::<web_sys::Element>()) {
                dom::set_style(&tip, "left", &format!("{}px", x + 12.0));
                dom::set_style(&tip, "top", &format!("{}px", y + 18.0));
            }
        });
    }

    let text: &str = &props.text;
    let message = props.error.as_ref().map(|(_, _, m)| m.clone());
    let error_line = span
        .zip(message.clone())
        .map(|((s, _), m)| (line_count(&text[..s]), m));
    let described = message.as_ref().map(|_| "editor-error");
    html! {
        <div class="editor" data-testid="editor">
            <Gutter lines={line_count(text)} error={error_line} />
            <div class="code">
                <Highlight text={props.text.clone()} {span} />
                <textarea
                    ref={area_ref}
                    class="input"
                    aria-label={format!("Editor: {}", props.name)}
                    aria-describedby={described}
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    wrap="off"
                    {oninput}
                    {onkeydown}
                    {onmousemove}
                    {onmouseleave}
                />
                if let (Some(_), Some(m)) = (hover, message.clone()) {
                    <div ref={tip_ref} class="tooltip" role="tooltip">{m}</div>
                }
            </div>
            <span ref={measure_ref} class="measure" aria-hidden="true">{"0000000000"}</span>
            if let Some(m) = message {
                <span id="editor-error" class="sr-only">{format!("Error: {m}")}</span>
            }
        </div>
    }
}
