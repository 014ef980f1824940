//! The yew app: routes, the shared state and the effects that talk to the worker and
//! to localStorage. Views live in the submodules; state changes in [`state`].

pub mod client;
pub mod dom;
pub mod drvview;
pub mod editor;
pub mod embed;
pub mod lessons;
pub mod output;
pub mod pages;
pub mod playground;
pub mod repl;
pub mod state;
pub mod tree;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;
use yew_router::prelude::*;

use client::Client;
use state::{Action, Boot, Pending, State};

use crate::protocol::Command;
use crate::{share, storage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How many result nodes the first answer shows open.
pub const EXPAND_BUDGET: u32 = 120;

/// Quiet time after the last keystroke before run-as-you-type evaluates (ms).
pub const LIVE_DELAY_MS: u32 = 400;

/// The routes. Hash routing: `#/examples` survives a reload on any static server.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// The editor and its output.
    #[at("/")]
    Playground,
    /// The examples gallery.
    #[at("/examples")]
    Examples,
    /// The lesson list.
    #[at("/lessons")]
    Lessons,
    /// One lesson: `#/lessons/CHAPTER/LESSON` (its id is `CHAPTER/LESSON`).
    #[at("/lessons/:chapter/:lesson")]
    Lesson {
        /// The chapter id (`language`).
        chapter: String,
        /// The lesson's id within the chapter (`strings`).
        lesson: String,
    },
    /// One runnable block for an `<iframe>`: `#/embed?code=...` (see [`embed`]).
    #[at("/embed")]
    Embed,
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// What every component can reach: the state and the worker.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The state and its dispatcher.
    pub state: UseReducerHandle<State>,
    /// The evaluation worker.
    pub client: Client,
}

impl AppContext {
    /// Sends the current files to the worker for evaluation.
    pub fn eval_now(&self) {
        let s = &*self.state;
        self.client.send(
            Command::Eval {
                files: s.files.clone(),
                entry: s.entry.clone(),
                expand_budget: EXPAND_BUDGET,
            },
            Pending::Eval,
        );
    }
}

/// The app context (state and worker); components sit under [`App`], which provides it.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}

/// Reads where the initial files come from, and drops a share link from the address
/// bar once read (reloading then shows the saved, possibly edited, files).
pub fn boot_state() -> State {
    let boot = Boot {
        hash: dom::location_hash(),
        saved_files: dom::storage_get(storage::FILES_KEY),
        saved_settings: dom::storage_get(storage::SETTINGS_KEY).and_then(Result::ok),
    };
    let (mut state, had_link) = State::boot(&boot);
    let (progress, notice) =
        crate::lessons::load_progress(dom::storage_get(crate::lessons::PROGRESS_KEY));
    state.apply(Action::ProgressLoaded(progress));
    if let Some(notice) = notice {
        state.apply(Action::Notify(state::Level::Warning, notice));
    }
    if had_link {
        dom::replace_hash("#/");
    }
    state
}

fn switch(route: Route) -> Html {
    match route {
        Route::Playground => html! { <playground::Playground /> },
        Route::Examples => html! { <pages::ExamplesPage /> },
        Route::Lessons => html! { <lessons::LessonsIndex /> },
        Route::Lesson { chapter, lesson } => {
            let id = format!("{chapter}/{lesson}");
            let key = id.clone();
            html! { <lessons::LessonPage {key} id={id} /> }
        }
        Route::Embed => html! { <embed::EmbedPage /> },
        Route::NotFound => html! { <pages::NotFoundPage /> },
    }
}

/// The app's inputs (none: everything comes from the page).
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {}

/// The root component.
#[function_component(App)]
pub fn app(_: &AppProps) -> Html {
    let state = use_reducer(boot_state);
    let client = {
        let dispatcher = state.dispatcher();
        let timeout = state.settings.timeout_ms;
        (*use_memo((), move |_| Client::new(dispatcher, timeout))).clone()
    };
    let ctx = AppContext {
        state: state.clone(),
        client: client.clone(),
    };

    // Run when asked (Run button, Ctrl+Enter, an example, start-up).
    {
        let ctx = ctx.clone();
        use_effect_with(state.run_token, move |_| ctx.eval_now());
    }

    // Run as you type, after a quiet moment.
    {
        let ctx = ctx.clone();
        let timer = use_mut_ref(|| Option::<Timeout>::None);
        let live = state.settings.live;
        use_effect_with((state.revision, live), move |(revision, live)| {
            let pending: Rc<RefCell<Option<Timeout>>> = timer;
            pending.borrow_mut().take();
            if *live && *revision > 0 {
                let dispatcher = ctx.state.dispatcher();
                *pending.borrow_mut() = Some(Timeout::new(LIVE_DELAY_MS, move || {
                    dispatcher.dispatch(Action::Run)
                }));
            }
        });
    }

    // Save the files when they change.
    {
        let dispatcher = state.dispatcher();
        let state = state.clone();
        use_effect_with(
            (state.revision, state.active, state.dirty),
            move |(_, _, dirty)| {
                if *dirty {
                    let saved = storage::save_files(&state.files, &state.active_file().name)
                        .and_then(|s| dom::storage_set(storage::FILES_KEY, &s));
                    match saved {
                        Ok(()) => dispatcher.dispatch(Action::Saved),
                        Err(e) => dispatcher.dispatch(Action::Notify(
                            state::Level::Warning,
                            format!("Your files could not be saved in this browser: {e}."),
                        )),
                    }
                }
            },
        );
    }

    // A share link pasted into the address bar of an open page (no reload happens).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let on_hash = Closure::<dyn FnMut()>::new(move || {
                let hash = dom::location_hash();
                let Some(data) = share::data_in_fragment(&hash) else {
                    return;
                };
                let action = match share::decode(data) {
                    Ok(files) => Action::LoadFiles {
                        notice: format!("Opened {} file(s) from a share link.", files.len()),
                        files,
                    },
                    Err(e) => Action::Notify(
                        state::Level::Warning,
                        format!("This share link could not be opened: {e}. Your files were kept."),
                    ),
                };
                dom::replace_hash("#/");
                dispatcher.dispatch(action);
            });
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    on_hash.as_ref().unchecked_ref(),
                );
            }
            // The app lives as long as the page.
            on_hash.forget();
        });
    }

    // Save the lesson progress when it changes.
    {
        let dispatcher = state.dispatcher();
        let state = state.clone();
        use_effect_with(state.lessons.progress_rev, move |rev| {
            if *rev > 0 {
                let json = state.lessons.progress.to_json();
                if let Err(e) = dom::storage_set(crate::lessons::PROGRESS_KEY, &json) {
                    dispatcher.dispatch(Action::Notify(
                        state::Level::Warning,
                        format!("Your lesson progress could not be saved in this browser: {e}."),
                    ));
                }
            }
        });
    }

    // Save settings, and give the worker its time limit.
    {
        let client = client.clone();
        use_effect_with(state.settings.clone(), move |settings| {
            client.set_timeout(settings.timeout_ms);
            let _ = dom::storage_set(storage::SETTINGS_KEY, &storage::save_settings(settings));
        });
    }

    html! {
        <ContextProvider<AppContext> context={ctx}>
            <HashRouter>
                <pages::Header />
                <pages::Notices />
                <main id="main">
                    <Switch<Route> render={switch} />
                </main>
            </HashRouter>
        </ContextProvider<AppContext>>
    }
}

/// Starts the app in `<body>`.
pub fn run() {
    dom::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
