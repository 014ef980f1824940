//! The page's side of the evaluation worker: a raw `web_sys::Worker`, a time limit per
//! request, and replacement of the worker on timeout, Stop or crash.
//!
//! Requests go out in order; the worker answers them in order. The timer always covers
//! the oldest request in flight. Replies become [`Action`]s on the app's reducer. No
//! borrow of the client is held while dispatching (dispatch may render synchronously).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::UseReducerDispatcher;

use super::state::{Action, Pending, State};
use crate::protocol::{Command, Reply, Request};

/// A new evaluation replaces (restarts) the worker when only evaluations are in flight
/// and the oldest has run this long (ms).
pub const SUPERSEDE_AFTER_MS: f64 = 300.0;

/// Where the worker's loader is, relative to the page's base URL.
pub const WORKER_URL: &str = "worker_loader.js";

/// The worker `static/boot.js` started while the page loaded, with the messages it has
/// sent so far (in order), if there is one; taken once.
fn adopt_boot_worker() -> Option<(Worker, Vec<JsValue>)> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("nixpadBoot");
    let boot = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(|b| b.is_object())?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let worker: Worker = js_sys::Reflect::get(&boot, &JsValue::from_str("worker"))
        .ok()?
        .dyn_into()
        .ok()?;
    let early = js_sys::Reflect::get(&boot, &JsValue::from_str("early")).ok()?;
    let early: Vec<JsValue> = js_sys::Array::from(&early).iter().collect();
    Some((worker, early))
}

/// Why the worker is being replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The time limit passed.
    Timeout,
    /// The user pressed Stop.
    User,
}

type MessageHandler = Closure<dyn FnMut(MessageEvent)>;
type ErrorHandler = Closure<dyn FnMut(ErrorEvent)>;

struct Inner {
    dispatch: UseReducerDispatcher<State>,
    worker: Option<Worker>,
    ready: bool,
    queue: VecDeque<Request>,
    /// Requests posted and not answered: id, and whether it is an evaluation.
    in_flight: VecDeque<(u32, bool)>,
    /// When the timer for the oldest request in flight started (ms since navigation).
    armed_at: f64,
    timer: Option<Timeout>,
    next_id: u32,
    timeout_ms: u32,
    panic: Option<String>,
    first_result: bool,
    on_message: Option<MessageHandler>,
    on_error: Option<ErrorHandler>,
    /// Handlers of replaced workers: one of them may be running right now, so they are
    /// kept rather than freed (a few bytes per crash).
    retired: Vec<(MessageHandler, ErrorHandler)>,
}

impl Inner {
    /// Terminates the worker and forgets its timer (a new one must be attached).
    fn retire_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        if let (Some(m), Some(e)) = (self.on_message.take(), self.on_error.take()) {
            self.retired.push((m, e));
        }
        if let Some(timer) = self.timer.take() {
            // It may be the one running this: leak it rather than free it mid-call.
            timer.forget();
        }
        self.ready = false;
        self.panic = None;
    }
}

/// A handle to the evaluation worker; cheap to clone.
#[derive(Clone)]
pub struct Client {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Client {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Client {
    /// Starts a worker whose replies go to `dispatch`.
    pub fn new(dispatch: UseReducerDispatcher<State>, timeout_ms: u32) -> Client {
        let inner = Inner {
            dispatch,
            worker: None,
            ready: false,
            queue: VecDeque::new(),
            in_flight: VecDeque::new(),
            armed_at: 0.0,
            timer: None,
            next_id: 1,
            timeout_ms,
            panic: None,
            first_result: true,
            on_message: None,
            on_error: None,
            retired: Vec::new(),
        };
        let client = Client {
            inner: Rc::new(RefCell::new(inner)),
        };
        match adopt_boot_worker() {
            Some((worker, early)) => {
                client.attach(worker);
                for message in early {
                    client.on_early(message);
                }
            }
            None => client.spawn(),
        }
        client
    }

    /// Handles a message the worker sent before the app was running.
    fn on_early(&self, message: JsValue) {
        let boot_error = js_sys::Reflect::get(&message, &JsValue::from_str("BootError"))
            .ok()
            .and_then(|v| v.as_string());
        match boot_error {
            Some(detail) => self.replace(format!(
                "The evaluator failed to start ({detail}); it was restarted."
            )),
            None => self.on_message(message),
        }
    }

    /// Sets the time limit for the next requests.
    pub fn set_timeout(&self, ms: u32) {
        self.inner.borrow_mut().timeout_ms = ms;
    }

    /// Sends a command; its reply comes back as [`Action::Reply`] after [`Action::Sent`].
    pub fn send(&self, command: Command, pending: Pending) -> u32 {
        let (id, dispatch, dropped, respawn) = {
            let mut inner = self.inner.borrow_mut();
            let id = inner.next_id;
            inner.next_id += 1;
            let mut dropped = Vec::new();
            // Only evaluations in flight, running for a while: the new one makes them
            // pointless (run-as-you-type into a slow program), so start afresh.
            let respawn = pending == Pending::Eval
                && !inner.in_flight.is_empty()
                && inner.in_flight.iter().all(|(_, eval)| *eval)
                && super::dom::now() - inner.armed_at > SUPERSEDE_AFTER_MS;
            if respawn {
                dropped.extend(inner.in_flight.drain(..).map(|(id, _)| id));
                inner.retire_worker();
            }
            if pending == Pending::Eval {
                // A newer evaluation supersedes one still waiting to be sent.
                inner.queue.retain(|r| {
                    let eval = matches!(r.command, Command::Eval { .. });
                    if eval {
                        dropped.push(r.id);
                    }
                    !eval
                });
            }
            inner.queue.push_back(Request { id, command });
            (id, inner.dispatch.clone(), dropped, respawn)
        };
        for old in dropped {
            dispatch.dispatch(Action::Cancelled(old));
        }
        dispatch.dispatch(Action::Sent(id, pending));
        if respawn {
            self.spawn();
        } else {
            self.flush();
        }
        id
    }

    /// Stops whatever runs: the worker is replaced and pending requests fail.
    pub fn stop(&self, reason: StopReason) {
        let (ms, busy) = {
            let inner = self.inner.borrow();
            (
                inner.timeout_ms,
                !inner.in_flight.is_empty() || !inner.queue.is_empty(),
            )
        };
        if !busy {
            return;
        }
        let message = match reason {
            StopReason::Timeout => format!(
                "Evaluation stopped: it ran longer than the time limit ({} s). \
                 An infinite loop? The evaluator was restarted; change the limit in the toolbar.",
                ms as f64 / 1000.0
            ),
            StopReason::User => {
                "Evaluation stopped by you. The evaluator was restarted.".to_string()
            }
        };
        self.replace(message);
    }

    fn replace(&self, message: String) {
        let dispatch = {
            let mut inner = self.inner.borrow_mut();
            inner.retire_worker();
            inner.queue.clear();
            inner.in_flight.clear();
            inner.dispatch.clone()
        };
        dispatch.dispatch(Action::WorkerLost(message));
        self.spawn();
    }

    /// Starts a new worker.
    fn spawn(&self) {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Classic);
        match Worker::new_with_options(WORKER_URL, &options) {
            Ok(worker) => self.attach(worker),
            Err(e) => {
                let dispatch = self.inner.borrow().dispatch.clone();
                dispatch.dispatch(Action::WorkerLost(format!(
                    "The evaluator could not be started: {e:?}"
                )));
            }
        }
    }

    /// Takes `worker` as the evaluation worker: its messages and errors come here.
    fn attach(&self, worker: Worker) {
        let weak = Rc::downgrade(&self.inner);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
            let weak = weak.clone();
            move |event: MessageEvent| {
                if let Some(inner) = weak.upgrade() {
                    Client { inner }.on_message(event.data());
                }
            }
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            if let Some(inner) = weak.upgrade() {
                let client = Client { inner };
                let panic = client.inner.borrow_mut().panic.take();
                let detail = panic.unwrap_or_else(|| event.message());
                let message = if detail.contains("call stack") || detail.contains("stack overflow")
                {
                    format!(
                        "The evaluator ran out of stack ({detail}): the program recurses too deeply. \
                         The evaluator was restarted."
                    )
                } else {
                    format!("The evaluator crashed ({detail}). This is a bug in Nixpad; the evaluator was restarted.")
                };
                client.replace(message);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.inner.borrow_mut();
        inner.worker = Some(worker);
        inner.on_message = Some(on_message);
        inner.on_error = Some(on_error);
    }

    fn on_message(&self, data: JsValue) {
        let reply: Reply = match serde_wasm_bindgen::from_value(data) {
            Ok(r) => r,
            Err(e) => {
                let dispatch = self.inner.borrow().dispatch.clone();
                dispatch.dispatch(Action::Notify(
                    super::state::Level::Warning,
                    format!("An unreadable message came from the evaluator: {e}"),
                ));
                return;
            }
        };
        match reply {
            Reply::Ready => {
                self.inner.borrow_mut().ready = true;
                self.flush();
            }
            Reply::Panic(message) => self.inner.borrow_mut().panic = Some(message),
            Reply::Done {
                id,
                outcome,
                trace,
                elapsed_ms,
            } => {
                let (dispatch, first) = {
                    let mut inner = self.inner.borrow_mut();
                    inner.in_flight.retain(|(x, _)| *x != id);
                    inner.timer = None;
                    let first = std::mem::replace(&mut inner.first_result, false);
                    (inner.dispatch.clone(), first)
                };
                self.arm_timer();
                if first {
                    super::dom::mark("nixpad-first-result");
                }
                dispatch.dispatch(Action::Reply {
                    id,
                    outcome,
                    trace,
                    elapsed_ms,
                });
            }
        }
    }

    /// Posts queued requests once the worker is ready.
    fn flush(&self) {
        {
            let mut inner = self.inner.borrow_mut();
            if !inner.ready {
                return;
            }
            while let Some(request) = inner.queue.pop_front() {
                let Ok(message) = serde_wasm_bindgen::to_value(&request) else {
                    continue;
                };
                let Some(worker) = &inner.worker else { return };
                if worker.post_message(&message).is_ok() {
                    let eval = matches!(request.command, Command::Eval { .. });
                    inner.in_flight.push_back((request.id, eval));
                }
            }
        }
        self.arm_timer();
    }

    /// Starts the time limit for the oldest request in flight, if none is running.
    fn arm_timer(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.timer.is_some() || inner.in_flight.is_empty() {
            return;
        }
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(&self.inner);
        let ms = inner.timeout_ms;
        inner.armed_at = super::dom::now();
        inner.timer = Some(Timeout::new(ms, move || {
            if let Some(inner) = weak.upgrade() {
                Client { inner }.stop(StopReason::Timeout);
            }
        }));
    }
}
