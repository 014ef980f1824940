//! The yew app: routes, the state slices and their contexts, and the effects that talk to
//! the worker and to localStorage. Views live in the submodules; state changes in
//! [`state`] (one reducer per concern).

pub mod client;
pub mod dom;
pub mod drvview;
pub mod editor;
pub mod embed;
pub mod flakeview;
pub mod impactview;
pub mod lessons;
pub mod optionsview;
pub mod output;
pub mod packs;
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

use client::{Client, Slices};
use state::{
    Boot, FilesAction, FilesState, LessonsAction, LessonsState, Level, NoticesAction, NoticesState,
    Outbox, ReplState, ResultsState, SettingsState,
};

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

/// The files slice (provided by [`App`]).
#[hook]
pub fn use_files() -> UseReducerHandle<FilesState> {
    use_context().expect("FilesState is provided by App")
}

/// The results slice (provided by [`App`]).
#[hook]
pub fn use_results() -> UseReducerHandle<ResultsState> {
    use_context().expect("ResultsState is provided by App")
}

/// The REPL slice (provided by [`App`]).
#[hook]
pub fn use_repl() -> UseReducerHandle<ReplState> {
    use_context().expect("ReplState is provided by App")
}

/// The settings slice (provided by [`App`]).
#[hook]
pub fn use_settings() -> UseReducerHandle<SettingsState> {
    use_context().expect("SettingsState is provided by App")
}

/// The lessons slice (provided by [`App`]).
#[hook]
pub fn use_lessons() -> UseReducerHandle<LessonsState> {
    use_context().expect("LessonsState is provided by App")
}

/// The notices slice (provided by [`App`]).
#[hook]
pub fn use_notices() -> UseReducerHandle<NoticesState> {
    use_context().expect("NoticesState is provided by App")
}

/// The evaluation worker (provided by [`App`]).
#[hook]
pub fn use_client() -> Client {
    use_context().expect("Client is provided by App")
}

/// Sends the current files to the worker for evaluation.
pub fn eval_now(client: &Client, files: &FilesState) {
    client.send(Command::Eval {
        files: files.files.clone(),
        entry: files.entry.clone(),
        expand_budget: EXPAND_BUDGET,
    });
}

/// The initial files and settings, with what was ignored in the files' outbox; drops a
/// share link from the address bar once read (reloading then shows the saved, possibly
/// edited, files).
fn boot_files() -> (FilesState, SettingsState) {
    let boot = Boot {
        hash: dom::location_hash(),
        saved_files: dom::storage_get(storage::FILES_KEY),
        saved_settings: dom::storage_get(storage::SETTINGS_KEY).and_then(Result::ok),
    };
    let (files, settings, had_link) = FilesState::boot(&boot);
    if had_link {
        dom::replace_hash("#/");
    }
    (files, settings)
}

/// The stored lesson progress, with a notice when some of it was unreadable.
fn boot_lessons() -> LessonsState {
    let (progress, notice) =
        crate::lessons::load_progress(dom::storage_get(crate::lessons::PROGRESS_KEY));
    let mut lessons = LessonsState::default();
    lessons.apply(LessonsAction::ProgressLoaded(progress));
    if let Some(notice) = notice {
        lessons.outbox.say(Level::Warning, notice);
        lessons.outbox.end();
    }
    lessons
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

/// Forwards a slice's messages to the notices when it has new ones.
#[hook]
fn use_forward(outbox: &Outbox, notices: &UseReducerHandle<NoticesState>) {
    let notices = notices.dispatcher();
    let messages = outbox.messages.clone();
    use_effect_with(outbox.seq, move |seq| {
        if *seq > 0 {
            for (level, text) in messages.iter() {
                notices.dispatch(NoticesAction::Notify(*level, text.clone()));
            }
        }
    });
}

/// Runs when asked (Run button, Ctrl+Enter, an example, start-up).
#[hook]
fn use_run_when_asked(client: &Client, files: &UseReducerHandle<FilesState>) {
    let client = client.clone();
    let files = files.clone();
    use_effect_with(files.run_token, move |_| eval_now(&client, &files));
}

/// Runs as you type, after a quiet moment.
#[hook]
fn use_run_as_you_type(
    files: &UseReducerHandle<FilesState>,
    settings: &UseReducerHandle<SettingsState>,
) {
    let timer = use_mut_ref(|| Option::<Timeout>::None);
    let live = settings.settings.live;
    let dispatcher = files.dispatcher();
    use_effect_with((files.revision, live), move |(revision, live)| {
        let pending: Rc<RefCell<Option<Timeout>>> = timer;
        pending.borrow_mut().take();
        if *live && *revision > 0 {
            *pending.borrow_mut() = Some(Timeout::new(LIVE_DELAY_MS, move || {
                dispatcher.dispatch(FilesAction::Run)
            }));
        }
    });
}

/// Saves the files when they change.
#[hook]
fn use_save_files(files: &UseReducerHandle<FilesState>, notices: &UseReducerHandle<NoticesState>) {
    let files = files.clone();
    let notices = notices.dispatcher();
    use_effect_with(
        (files.revision, files.active, files.dirty),
        move |(_, _, dirty)| {
            if *dirty {
                let saved = storage::save_files(&files.files, &files.active_file().name)
                    .and_then(|s| dom::storage_set(storage::FILES_KEY, &s));
                match saved {
                    Ok(()) => files.dispatch(FilesAction::Saved),
                    Err(e) => notices.dispatch(NoticesAction::Notify(
                        Level::Warning,
                        format!("Your files could not be saved in this browser: {e}."),
                    )),
                }
            }
        },
    );
}

/// Opens a share link pasted into the address bar of an open page (no reload happens).
#[hook]
fn use_share_links(files: &UseReducerHandle<FilesState>, notices: &UseReducerHandle<NoticesState>) {
    let files = files.dispatcher();
    let notices = notices.dispatcher();
    use_effect_with((), move |_| {
        let on_hash = Closure::<dyn FnMut()>::new(move || {
            let hash = dom::location_hash();
            let Some(data) = share::data_in_fragment(&hash) else {
                return;
            };
            let decoded = share::decode(data);
            dom::replace_hash("#/");
            match decoded {
                Ok(list) => files.dispatch(FilesAction::Load {
                    notice: format!("Opened {} file(s) from a share link.", list.len()),
                    files: list,
                }),
                Err(e) => notices.dispatch(NoticesAction::Notify(
                    Level::Warning,
                    format!("This share link could not be opened: {e}. Your files were kept."),
                )),
            }
        });
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
        }
        // The app lives as long as the page.
        on_hash.forget();
    });
}

/// Saves the lesson progress when it changes.
#[hook]
fn use_save_progress(
    lessons: &UseReducerHandle<LessonsState>,
    notices: &UseReducerHandle<NoticesState>,
) {
    let lessons = lessons.clone();
    let notices = notices.dispatcher();
    use_effect_with(lessons.progress_rev, move |rev| {
        if *rev > 0 {
            let json = lessons.progress.to_json();
            if let Err(e) = dom::storage_set(crate::lessons::PROGRESS_KEY, &json) {
                notices.dispatch(NoticesAction::Notify(
                    Level::Warning,
                    format!("Your lesson progress could not be saved in this browser: {e}."),
                ));
            }
        }
    });
}

/// Saves the settings, and gives the worker its time limit and experimental features.
#[hook]
fn use_save_settings(client: &Client, settings: &UseReducerHandle<SettingsState>) {
    let client = client.clone();
    use_effect_with(settings.settings.clone(), move |settings| {
        client.set_timeout(settings.timeout_ms);
        client.set_experimental_features(settings.experimental_features());
        let _ = dom::storage_set(storage::SETTINGS_KEY, &storage::save_settings(settings));
    });
}

/// The app's inputs (none: everything comes from the page).
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {}

/// The root component: owns the slices and the worker, provides them, runs the effects.
#[function_component(App)]
pub fn app(_: &AppProps) -> Html {
    let boot = use_memo((), |_| boot_files());
    let files = use_reducer(|| boot.0.clone());
    let settings = use_reducer(|| boot.1.clone());
    let results = use_reducer(ResultsState::default);
    let repl = use_reducer(ReplState::default);
    let lessons = use_reducer(boot_lessons);
    let notices = use_reducer(NoticesState::default);
    let client = {
        let slices = Slices {
            results: results.dispatcher(),
            repl: repl.dispatcher(),
            lessons: lessons.dispatcher(),
            notices: notices.dispatcher(),
        };
        let timeout = settings.settings.timeout_ms;
        let features = settings.settings.experimental_features();
        (*use_memo((), move |_| {
            let client = Client::new(slices, timeout);
            // Before the first evaluation is sent (effects run after it may be).
            client.set_experimental_features(features);
            client
        }))
        .clone()
    };

    use_forward(&files.outbox, &notices);
    use_forward(&results.outbox, &notices);
    use_forward(&lessons.outbox, &notices);
    use_run_when_asked(&client, &files);
    use_run_as_you_type(&files, &settings);
    use_save_files(&files, &notices);
    use_share_links(&files, &notices);
    use_save_progress(&lessons, &notices);
    use_save_settings(&client, &settings);

    html! {
        <ContextProvider<Client> context={client}>
        <ContextProvider<UseReducerHandle<NoticesState>> context={notices}>
        <ContextProvider<UseReducerHandle<SettingsState>> context={settings}>
        <ContextProvider<UseReducerHandle<FilesState>> context={files}>
        <ContextProvider<UseReducerHandle<ResultsState>> context={results}>
        <ContextProvider<UseReducerHandle<ReplState>> context={repl}>
        <ContextProvider<UseReducerHandle<LessonsState>> context={lessons}>
            <HashRouter>
                <pages::Header />
                <pages::Notices />
                <main id="main">
                    <Switch<Route> render={switch} />
                </main>
            </HashRouter>
        </ContextProvider<UseReducerHandle<LessonsState>>>
        </ContextProvider<UseReducerHandle<ReplState>>>
        </ContextProvider<UseReducerHandle<ResultsState>>>
        </ContextProvider<UseReducerHandle<FilesState>>>
        </ContextProvider<UseReducerHandle<SettingsState>>>
        </ContextProvider<UseReducerHandle<NoticesState>>>
        </ContextProvider<Client>>
    }
}

/// Starts the app in `<body>`.
pub fn run() {
    dom::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
