//! The worker binary's glue: messages in, [`Engine`] runs them, messages out.
//! Posts [`Reply::Ready`] first (messages sent before `onmessage` is set would be lost)
//! and [`Reply::Panic`] from the panic hook before the wasm traps. A request it cannot read
//! is answered with [`Reply::Refused`] (with its id when that much is readable), so the
//! page never waits for an answer that will not come.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::engine::Engine;
use crate::protocol::{Reply, Request, RequestId};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts a reply; one that cannot be encoded or posted becomes a `Refused` with the reason
/// (a plain message, which always can be).
fn post(reply: &Reply) {
    let posted = serde_wasm_bindgen::to_value(reply)
        .map_err(|e| e.to_string())
        .and_then(|v| scope().post_message(&v).map_err(|e| format!("{e:?}")));
    if let Err(why) = posted {
        let id = match reply {
            Reply::Done { id, .. } => Some(*id),
            _ => None,
        };
        let refused = Reply::Refused {
            id,
            message: format!("The evaluator could not send its answer: {why}"),
        };
        if let Ok(v) = serde_wasm_bindgen::to_value(&refused) {
            let _ = scope().post_message(&v);
        }
    }
}

/// The `id` of a message that is not a readable request, if it has a numeric one.
fn request_id_of(data: &JsValue) -> Option<RequestId> {
    let id = js_sys::Reflect::get(data, &JsValue::from_str("id"))
        .ok()?
        .as_f64()?;
    (id >= 0.0 && id <= u32::MAX as f64 && id.fract() == 0.0).then_some(RequestId(id as u32))
}

/// Where the miniature nixpkgs' pack is, beside the worker's script.
const NIXPKGS_PACK: &str = "./nixpkgs.pack";

/// Fetches the nixpkgs pack synchronously (a worker may block; the page keeps running),
/// the first time a program or lesson uses `<nixpkgs>`. The service worker answers from
/// its cache when offline.
fn load_nixpkgs_pack() -> Result<Vec<u8>, String> {
    let failed = |what: &str, e: JsValue| format!("{what} {NIXPKGS_PACK}: {e:?}");
    let xhr = web_sys::XmlHttpRequest::new().map_err(|e| failed("cannot request", e))?;
    xhr.open_with_async("GET", NIXPKGS_PACK, false)
        .map_err(|e| failed("cannot request", e))?;
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    xhr.send().map_err(|e| failed("cannot fetch", e))?;
    let status = xhr.status().map_err(|e| failed("cannot fetch", e))?;
    if status != 200 {
        return Err(format!("fetching {NIXPKGS_PACK} gave HTTP status {status}"));
    }
    let body = xhr.response().map_err(|e| failed("cannot read", e))?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Installs the message handler and announces readiness.
pub fn start() {
    std::panic::set_hook(Box::new(|info| post(&Reply::Panic(info.to_string()))));
    let engine = RefCell::new(Engine::with_packages(Box::new(load_nixpkgs_pack)));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let request = match serde_wasm_bindgen::from_value::<Request>(data.clone()) {
            Ok(request) => request,
            Err(e) => {
                post(&Reply::Refused {
                    id: request_id_of(&data),
                    message: format!("The evaluator could not read the request: {e}"),
                });
                return;
            }
        };
        let started = now();
        engine
            .borrow_mut()
            .set_experimental_features(request.experimental_features);
        let (outcome, trace) = engine.borrow_mut().run(request.id, request.command);
        let elapsed_ms = now() - started;
        post(&Reply::Done {
            id: request.id,
            outcome,
            trace,
            elapsed_ms,
        });
        engine.borrow_mut().tidy();
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready);
}
