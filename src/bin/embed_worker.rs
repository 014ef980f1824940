//! The evaluator of embedded blocks (static/embed.js, through static/embed-frame.js): a
//! worker with only what a block needs, so that a documentation page with an embed
//! fetches far less than the playground's worker.
//!
//! Messages in: `{ id, code }` (the block's whole program, evaluated as `/default.nix`).
//! Messages out: `"ready"` first, then `{ id, ok, text, trace }` per message: `text` is the
//! value printed like `nix-instantiate --eval --strict`, or the error rendered like Nix's;
//! `trace` holds the `builtins.trace` lines. A panic posts `{ panic }` before the trap.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    embed::start();
}

#[cfg(target_arch = "wasm32")]
mod embed {
    use nixpad_web::engine::evaluator_for;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(fields: &[(&str, JsValue)]) {
        let message = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
        }
        let _ = scope().post_message(&message);
    }

    /// Evaluates `code` as `/default.nix`: whether it succeeded, the text, the trace.
    fn run(code: String) -> (bool, String, Vec<String>) {
        let files = std::collections::BTreeMap::from([("default.nix".to_string(), code)]);
        let mut ev = evaluator_for(&files, None, &[]);
        let printed = ev
            .eval_file("/default.nix")
            .and_then(|v| ev.print(&v, true));
        let trace = ev.take_trace_lines();
        match printed {
            Ok(bytes) => (true, String::from_utf8_lossy(&bytes).into_owned(), trace),
            Err(e) => (false, ev.render_error(&e), trace),
        }
    }

    /// Installs the message handler and says it is ready.
    pub fn start() {
        std::panic::set_hook(Box::new(|info| {
            post(&[("panic", JsValue::from_str(&info.to_string()))])
        }));
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
            let data = event.data();
            let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name));
            let id = field("id").unwrap_or(JsValue::NULL);
            let Some(code) = field("code").ok().and_then(|c| c.as_string()) else {
                post(&[
                    ("id", id),
                    ("ok", JsValue::FALSE),
                    (
                        "text",
                        JsValue::from_str("error: the request holds no code"),
                    ),
                ]);
                return;
            };
            let (ok, text, trace) = run(code);
            let trace: js_sys::Array = trace.iter().map(|l| JsValue::from_str(l)).collect();
            post(&[
                ("id", id),
                ("ok", JsValue::from_bool(ok)),
                ("text", JsValue::from_str(&text)),
                ("trace", trace.into()),
            ]);
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope().post_message(&JsValue::from_str("ready"));
    }
}
