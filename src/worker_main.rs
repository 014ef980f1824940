//! The worker binary's glue: messages in, [`Engine`] runs them, messages out.
//! Posts [`Reply::Ready`] first (messages sent before `onmessage` is set would be lost)
//! and [`Reply::Panic`] from the panic hook before the wasm traps.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::engine::Engine;
use crate::protocol::{Reply, Request};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    if let Ok(v) = serde_wasm_bindgen::to_value(reply) {
        let _ = scope().post_message(&v);
    }
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Installs the message handler and announces readiness.
pub fn start() {
    std::panic::set_hook(Box::new(|info| post(&Reply::Panic(info.to_string()))));
    let engine = RefCell::new(Engine::new());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Ok(request) = serde_wasm_bindgen::from_value::<Request>(event.data()) else {
            return;
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
