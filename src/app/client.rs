//! The page's side of the evaluation worker: a raw `web_sys::Worker`, a time limit per
//! request, and replacement of the worker on timeout, Stop or crash.
//!
//! Requests go out in order; the worker answers them in order. The timer always covers
//! the oldest request in flight. Each request is tagged by its command ([`Pending::of`]);
//! its answer becomes an action of the slice that asked ([`Slices`]). Every request ends
//! in an answer or a failure the user sees: one that cannot be encoded or posted fails at
//! once, one the worker cannot read comes back refused, and when the worker is replaced
//! every request in flight fails with the reason. No borrow of the client is held while
//! dispatching (dispatch may render synchronously).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::UseReducerDispatcher;

use super::state::{
    LessonsAction, LessonsState, Level, NoticesAction, NoticesState, Pending, ReplAction,
    ReplState, ResultsAction, ResultsState, Slice,
};
use crate::protocol::{Command, Outcome, Reply, Request, RequestId};

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

/// Where answers go: the dispatchers of the slices that send requests, and the notices.
#[derive(Clone)]
pub struct Slices {
    /// The playground's results.
    pub results: UseReducerDispatcher<ResultsState>,
    /// The REPL.
    pub repl: UseReducerDispatcher<ReplState>,
    /// The lessons.
    pub lessons: UseReducerDispatcher<LessonsState>,
    /// The notices.
    pub notices: UseReducerDispatcher<NoticesState>,
}

impl Slices {
    /// Request `id` (tagged `pending`) was answered.
    fn answer(
        &self,
        id: RequestId,
        pending: &Pending,
        outcome: Outcome,
        trace: Vec<String>,
        elapsed_ms: f64,
    ) {
        match pending.slice() {
            Slice::Results => self.results.dispatch(ResultsAction::Answer {
                id,
                outcome,
                trace,
                elapsed_ms,
            }),
            Slice::Repl => self.repl.dispatch(ReplAction::Answer(id, outcome)),
            Slice::Lessons => self.lessons.dispatch(LessonsAction::Answer(id, outcome)),
        }
    }

    /// Request `id` (tagged `pending`) will get no answer: why.
    fn fail(&self, id: RequestId, pending: &Pending, message: String) {
        match pending.slice() {
            Slice::Results => self.results.dispatch(ResultsAction::Failed(id, message)),
            Slice::Repl => self.repl.dispatch(ReplAction::Failed(id, message)),
            Slice::Lessons => self.lessons.dispatch(LessonsAction::Failed(id, message)),
        }
    }

    /// The worker was replaced: everything in flight fails, and the user is told.
    fn worker_lost(&self, message: String) {
        self.results
            .dispatch(ResultsAction::WorkerLost(message.clone()));
        self.repl.dispatch(ReplAction::WorkerLost(message.clone()));
        self.lessons
            .dispatch(LessonsAction::WorkerLost(message.clone()));
        self.notices
            .dispatch(NoticesAction::Notify(Level::Warning, message));
    }
}

struct Inner {
    slices: Slices,
    worker: Option<Worker>,
    ready: bool,
    queue: VecDeque<(Request, Pending)>,
    /// Requests posted and not answered, oldest first.
    in_flight: VecDeque<(RequestId, Pending)>,
    /// When the timer for the oldest request in flight started (ms since navigation).
    armed_at: f64,
    timer: Option<Timeout>,
    next_id: u32,
    timeout_ms: u32,
    /// Nix's experimental features sent with each request.
    experimental_features: Vec<String>,
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
    /// Starts a worker whose answers go to `slices`.
    pub fn new(slices: Slices, timeout_ms: u32) -> Client {
        let inner = Inner {
            slices,
            worker: None,
            ready: false,
            queue: VecDeque::new(),
            in_flight: VecDeque::new(),
            armed_at: 0.0,
            timer: None,
            next_id: 1,
            timeout_ms,
            experimental_features: Vec::new(),
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

    /// Sets Nix's experimental features for the next requests.
    pub fn set_experimental_features(&self, names: Vec<String>) {
        self.inner.borrow_mut().experimental_features = names;
    }

    /// Sends a command; the slice that asked learns of it (`Sent`) and gets its answer
    /// (or its failure) later.
    pub fn send(&self, command: Command) -> RequestId {
        let pending = Pending::of(&command);
        let eval = command.is_eval();
        let (id, slices, dropped, respawn) = {
            let mut inner = self.inner.borrow_mut();
            let id = RequestId(inner.next_id);
            inner.next_id += 1;
            let mut dropped = Vec::new();
            // Only evaluations in flight, running for a while: the new one makes them
            // pointless (run-as-you-type into a slow program), so start afresh.
            let respawn = eval
                && !inner.in_flight.is_empty()
                && inner.in_flight.iter().all(|(_, p)| *p == Pending::Eval)
                && super::dom::now() - inner.armed_at > SUPERSEDE_AFTER_MS;
            if respawn {
                dropped.extend(inner.in_flight.drain(..).map(|(id, _)| id));
                inner.retire_worker();
            }
            if eval {
                // A newer evaluation supersedes one still waiting to be sent.
                inner.queue.retain(|(r, _)| {
                    if r.command.is_eval() {
                        dropped.push(r.id);
                    }
                    !r.command.is_eval()
                });
            }
            let line = match &command {
                Command::Repl { line, .. } => Some(line.clone()),
                _ => None,
            };
            let request = Request {
                id,
                command,
                experimental_features: inner.experimental_features.clone(),
            };
            inner.queue.push_back((request, pending.clone()));
            (id, inner.slices.clone(), dropped, (respawn, line))
        };
        let (respawn, line) = respawn;
        for old in dropped {
            slices.results.dispatch(ResultsAction::Cancelled(old));
        }
        match pending.slice() {
            Slice::Results => slices.results.dispatch(ResultsAction::Sent(id, pending)),
            Slice::Repl => slices
                .repl
                .dispatch(ReplAction::Sent(id, line.unwrap_or_default())),
            Slice::Lessons => slices.lessons.dispatch(LessonsAction::Sent(id, pending)),
        }
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
        let slices = {
            let mut inner = self.inner.borrow_mut();
            inner.retire_worker();
            inner.queue.clear();
            inner.in_flight.clear();
            inner.slices.clone()
        };
        slices.worker_lost(message);
        self.spawn();
    }

    /// Starts a new worker.
    fn spawn(&self) {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Classic);
        match Worker::new_with_options(WORKER_URL, &options) {
            Ok(worker) => self.attach(worker),
            Err(e) => {
                let slices = self.inner.borrow().slices.clone();
                slices.worker_lost(format!("The evaluator could not be started: {e:?}"));
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
                // Requests are answered in order: this was the oldest one's answer.
                let oldest = self.inner.borrow().in_flight.front().map(|(id, _)| *id);
                let message = format!("An unreadable answer came from the evaluator: {e}");
                match oldest {
                    Some(id) => self.fail(id, message),
                    None => {
                        let slices = self.inner.borrow().slices.clone();
                        slices
                            .notices
                            .dispatch(NoticesAction::Notify(Level::Warning, message));
                    }
                }
                return;
            }
        };
        match reply {
            Reply::Ready => {
                self.inner.borrow_mut().ready = true;
                self.flush();
            }
            Reply::Panic(message) => self.inner.borrow_mut().panic = Some(message),
            Reply::Refused { id, message } => {
                let oldest = self.inner.borrow().in_flight.front().map(|(id, _)| *id);
                if let Some(id) = id.or(oldest) {
                    self.fail(id, message);
                }
            }
            Reply::Done {
                id,
                outcome,
                trace,
                elapsed_ms,
            } => {
                let (slices, pending, first) = {
                    let mut inner = self.inner.borrow_mut();
                    let pending = inner
                        .in_flight
                        .iter()
                        .position(|(x, _)| *x == id)
                        .and_then(|i| inner.in_flight.remove(i))
                        .map(|(_, p)| p);
                    inner.timer = None;
                    let first = std::mem::replace(&mut inner.first_result, false);
                    (inner.slices.clone(), pending, first)
                };
                self.arm_timer();
                if first {
                    super::dom::mark("nixpad-first-result");
                    super::dom::remove_boot_view();
                }
                if let Some(pending) = pending {
                    slices.answer(id, &pending, outcome, trace, elapsed_ms);
                }
            }
        }
    }

    /// Request `id` will get no answer (it is forgotten): the slice that asked says why.
    fn fail(&self, id: RequestId, message: String) {
        let (slices, pending) = {
            let mut inner = self.inner.borrow_mut();
            let pending = match inner.in_flight.iter().position(|(x, _)| *x == id) {
                Some(i) => {
                    inner.timer = None;
                    inner.in_flight.remove(i).map(|(_, p)| p)
                }
                None => None,
            };
            (inner.slices.clone(), pending)
        };
        self.arm_timer();
        super::dom::remove_boot_view();
        if let Some(pending) = pending {
            slices.fail(id, &pending, message);
        }
    }

    /// Posts queued requests once the worker is ready; one that cannot be encoded or
    /// posted fails with the reason.
    fn flush(&self) {
        let mut failed = Vec::new();
        {
            let mut inner = self.inner.borrow_mut();
            if !inner.ready {
                return;
            }
            while let Some((request, pending)) = inner.queue.pop_front() {
                let Some(worker) = &inner.worker else {
                    inner.queue.push_front((request, pending));
                    break;
                };
                let posted = serde_wasm_bindgen::to_value(&request)
                    .map_err(|e| e.to_string())
                    .and_then(|message| {
                        worker.post_message(&message).map_err(|e| format!("{e:?}"))
                    });
                match posted {
                    Ok(()) => inner.in_flight.push_back((request.id, pending)),
                    Err(why) => failed.push((request.id, pending, why)),
                }
            }
        }
        self.arm_timer();
        let slices = self.inner.borrow().slices.clone();
        for (id, pending, why) in failed {
            slices.fail(
                id,
                &pending,
                format!("The request could not be sent to the evaluator: {why}"),
            );
        }
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
