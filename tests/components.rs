//! Component tests in headless Chromium (wasm-bindgen-test):
//!
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test -p nixpad-web --target wasm32-unknown-unknown --test components
//!
//! Each test mounts one component into a fresh `<div>` and checks the DOM it draws and
//! the callbacks it fires.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use nixpad_web::app::editor::{Editor, EditorProps};
use nixpad_web::app::output::{TextPane, TextPaneProps};
use nixpad_web::app::state::TextView;
use nixpad_web::app::tree::{ValueTree, ValueTreeProps};
use nixpad_web::protocol::{Child, Node, NodeId, NodeKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits `ms` milliseconds (lets yew render and effects run).
async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A fresh element attached to the document, to mount a component in.
fn root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn all_text(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn mount_editor(
    text: &str,
    error: Option<(usize, usize, String)>,
    changes: Rc<RefCell<Vec<String>>>,
) -> Element {
    let el = root();
    let props = EditorProps {
        name: "default.nix".into(),
        text: AttrValue::from(text.to_string()),
        error,
        on_change: Callback::from(move |t| changes.borrow_mut().push(t)),
        on_run: Callback::noop(),
    };
    yew::Renderer::<Editor>::with_root_and_props(el.clone(), props).render();
    el
}

#[wasm_bindgen_test]
async fn editor_highlights_with_the_evaluator_lexer_and_numbers_lines() {
    let el = mount_editor("let x = \"s\"; in\n# c\nx + 1", None, Rc::default());
    tick(20).await;
    assert_eq!(all_text(&el, ".hl .tk-kw"), vec!["let", "in"]);
    assert_eq!(all_text(&el, ".hl .tk-str"), vec!["\"", "s", "\""]);
    assert_eq!(all_text(&el, ".hl .tk-com"), vec!["# c"]);
    assert_eq!(all_text(&el, ".hl .tk-num"), vec!["1"]);
    assert_eq!(all_text(&el, ".gutter .ln"), vec!["1", "2", "3"]);
    let area: HtmlTextAreaElement = el
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(area.value(), "let x = \"s\"; in\n# c\nx + 1");
}

#[wasm_bindgen_test]
async fn editor_underlines_the_error_span_and_marks_its_line() {
    let text = "{\n  a = nope;\n}";
    let el = mount_editor(
        text,
        Some((8, 12, "undefined variable 'nope'".into())),
        Rc::default(),
    );
    tick(20).await;
    assert_eq!(all_text(&el, ".hl .err"), vec!["nope"]);
    assert_eq!(all_text(&el, ".gutter .err-line"), vec!["2"]);
    let line = el.query_selector(".gutter .err-line").unwrap().unwrap();
    assert_eq!(
        line.get_attribute("title").as_deref(),
        Some("undefined variable 'nope'")
    );
    assert!(all_text(&el, "#editor-error")[0].contains("undefined variable 'nope'"));
}

#[wasm_bindgen_test]
async fn editor_keys_pair_brackets_and_indent() {
    let changes: Rc<RefCell<Vec<String>>> = Rc::default();
    let el = mount_editor("", None, changes.clone());
    tick(20).await;
    let area: HtmlTextAreaElement = el
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    area.focus().unwrap();
    let press = |key: &str, shift: bool| {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        area.dispatch_event(&event).unwrap();
    };
    press("Tab", false);
    assert_eq!(area.value(), "  ");
    press("Tab", true);
    assert_eq!(area.value(), "");
    press("[", false);
    assert_eq!(area.value(), "[]");
    assert_eq!(changes.borrow().last().map(String::as_str), Some("[]"));
}

fn scalar(id: u32, text: &str) -> Node {
    Node {
        id: NodeId(id),
        kind: NodeKind::Scalar,
        text: text.into(),
        len: 0,
        children: None,
        error: None,
    }
}

#[wasm_bindgen_test]
async fn value_tree_shows_values_and_fetches_closed_nodes_on_demand() {
    let lazy = Node {
        id: NodeId(3),
        kind: NodeKind::Attrs,
        text: "{ … }".into(),
        len: 2,
        children: None,
        error: None,
    };
    let root_node = Node {
        id: NodeId(0),
        kind: NodeKind::Attrs,
        text: "{ … }".into(),
        len: 3,
        children: Some(vec![
            Child {
                name: Some("a".into()),
                node: scalar(1, "1"),
            },
            Child {
                name: Some("b c".into()),
                node: Node {
                    kind: NodeKind::String,
                    ..scalar(2, "\"x\"")
                },
            },
            Child {
                name: Some("deep".into()),
                node: lazy,
            },
        ]),
        error: None,
    };
    let fetched: Rc<RefCell<Vec<(NodeId, u32)>>> = Rc::default();
    let props = ValueTreeProps {
        root: Rc::new(root_node),
        fetched: Rc::new(HashMap::new()),
        open: Rc::new(HashSet::from([NodeId(0)])),
        on_toggle: Callback::noop(),
        on_fetch: {
            let fetched = fetched.clone();
            Callback::from(move |x| fetched.borrow_mut().push(x))
        },
        on_error: Callback::noop(),
    };
    let el = root();
    yew::Renderer::<ValueTree>::with_root_and_props(el.clone(), props).render();
    tick(20).await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("a = 1;"), "{text}");
    assert!(text.contains("\"b c\" = \"x\";"), "{text}");
    assert!(
        text.contains("deep = ▸{ 2 attributes };") || text.contains("2 attributes"),
        "{text}"
    );
    let closed: HtmlElement = el
        .query_selector(".toggle[aria-expanded=false]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    closed.click();
    assert_eq!(*fetched.borrow(), vec![(NodeId(3), 0)]);
}

#[wasm_bindgen_test]
async fn text_pane_shows_text_as_text() {
    let el = root();
    let props = TextPaneProps {
        view: TextView::Ready(1, Ok("<b>not bold</b>".into())),
        empty: "".into(),
    };
    yew::Renderer::<TextPane>::with_root_and_props(el.clone(), props).render();
    tick(20).await;
    assert!(el.query_selector("b").unwrap().is_none());
    assert_eq!(all_text(&el, ".text-out"), vec!["<b>not bold</b>"]);
}

#[wasm_bindgen_test]
fn share_links_round_trip_in_the_browser() {
    let files = vec![nixpad_web::protocol::FileEntry {
        name: "default.nix".into(),
        text: "ü\r\n".into(),
    }];
    let data = nixpad_web::share::encode(&files).unwrap();
    assert_eq!(nixpad_web::share::decode(&data).unwrap(), files);
    assert!(nixpad_web::share::decode("%%%").is_err());
}

#[wasm_bindgen_test]
fn storage_round_trips() {
    use nixpad_web::app::dom;
    dom::storage_set("nixpad:test", "value").unwrap();
    assert_eq!(
        dom::storage_get("nixpad:test"),
        Some(Ok("value".to_string()))
    );
    assert_eq!(dom::storage_get("nixpad:absent"), None);
}
