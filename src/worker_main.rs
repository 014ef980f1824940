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

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Installs the message handler and announces readiness.
pub fn start() {
    std::panic::set_hook(Box::new(|info| post(&Reply::Panic(info.to_string()))));
    let engine = RefCell::new(Engine::new());
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
        let (outcome, trace) = engine.borrow_mut().run(request.id, request.command);
        let elapsed_ms = now() - started;
        post(&Reply::Done {
            id: request.id,
            outcome,
            trace,
            elapsed_ms,
        });
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready);
}
