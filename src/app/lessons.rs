//! The lessons: the list of chapters with progress, and a lesson page (prose with runnable
//! examples, the learner's files in the editor, checks run in the worker, hints one at a
//! time, the reference solution after a failed attempt, previous/next).
//!
//! Lesson prose is a [`Document`] tree (no raw HTML): it is rendered element by element,
//! its text as text. Progress lives in [`super::state::LessonsState`]; the app saves it.

use std::collections::HashMap;

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use nixpad_lessons::{
    Block, CheckReport, CheckStatus, Document, EvalFailure, Inline, Lesson, Progress,
};

use super::editor::Editor;
use super::state::{Action, CheckView, ExampleView, Level};
use super::{use_app, AppContext, Route};
use crate::lessons::curriculum;
use crate::protocol::{Command, FileEntry};

/// The route of lesson `id` (`language/strings`).
pub fn lesson_route(id: &str) -> Route {
    let (chapter, lesson) = id.split_once('/').unwrap_or((id, ""));
    Route::Lesson {
        chapter: chapter.to_string(),
        lesson: lesson.to_string(),
    }
}

/// The learner's current files of a lesson (saved code, else the starter).
pub fn current_files(progress: &Progress, lesson: &Lesson) -> Vec<FileEntry> {
    lesson
        .files
        .iter()
        .map(|f| FileEntry {
            name: f.name.clone(),
            text: if f.editable {
                progress
                    .code(&lesson.id, &f.name)
                    .unwrap_or(&f.starter)
                    .to_string()
            } else {
                f.starter.clone()
            },
        })
        .collect()
}

/// What the prose renderer needs besides the document.
struct Prose<'a> {
    lesson: &'a str,
    examples: &'a HashMap<(String, usize), ExampleView>,
    run: Callback<(usize, String)>,
}

fn inlines(content: &[Inline]) -> Html {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text } => html! { {text.clone()} },
            Inline::Code { code } => html! { <code>{code.clone()}</code> },
            Inline::Emphasis { content } => html! { <em>{inlines(content)}</em> },
            Inline::Strong { content } => html! { <strong>{inlines(content)}</strong> },
            Inline::LineBreak => html! { <br /> },
            Inline::Link { url, content } => {
                if let Some(id) = url.strip_prefix("lesson:") {
                    html! { <Link<Route> to={lesson_route(id)}>{inlines(content)}</Link<Route>> }
                } else if url.starts_with("http://")
                    || url.starts_with("https://")
                    || url.starts_with("mailto:")
                {
                    html! { <a href={url.clone()} target="_blank" rel="noopener noreferrer">{inlines(content)}</a> }
                } else {
                    // `#anchor`: the fragment is the router's; show the text only.
                    html! { <span>{inlines(content)}</span> }
                }
            }
        })
        .collect()
}

fn example_output(view: Option<&ExampleView>) -> Html {
    match view {
        None => html! {},
        Some(ExampleView::Running) => html! { <pre class="example-out muted">{"Running…"}</pre> },
        Some(ExampleView::Failed(why)) => {
            html! { <pre class="example-out error">{why.clone()}</pre> }
        }
        Some(ExampleView::Done(o)) => {
            let trace: Html = o
                .trace
                .iter()
                .map(|t| html! { <div class="muted">{format!("trace: {t}")}</div> })
                .collect();
            match (&o.output, &o.error) {
                (_, Some(e)) => {
                    html! { <>{trace}<pre class="example-out error" data-testid="example-output">{e.rendered.clone()}</pre></> }
                }
                (Some(out), None) => {
                    html! { <>{trace}<pre class="example-out" data-testid="example-output">{out.clone()}</pre></> }
                }
                (None, None) => trace,
            }
        }
    }
}

fn blocks(list: &[Block], prose: &Prose, counter: &mut usize) -> Html {
    list.iter().map(|b| block(b, prose, counter)).collect()
}

fn block(b: &Block, prose: &Prose, counter: &mut usize) -> Html {
    match b {
        Block::Heading { level, content, .. } => {
            // The lesson title is the page's h1: prose headings start at h2.
            let tag = format!("h{}", (*level + 1).min(6));
            html! { <@{tag}>{inlines(content)}</@> }
        }
        Block::Paragraph { content } => html! { <p>{inlines(content)}</p> },
        Block::Rule => html! { <hr /> },
        Block::Quote { blocks: inner } => {
            html! { <blockquote>{blocks(inner, prose, counter)}</blockquote> }
        }
        Block::List { start, items } => {
            let items: Html = items
                .iter()
                .map(|item| html! { <li>{blocks(item, prose, counter)}</li> })
                .collect();
            match start {
                Some(n) => html! { <ol start={n.to_string()}>{items}</ol> },
                None => html! { <ul>{items}</ul> },
            }
        }
        Block::Code(code) if code.runnable => {
            let index = *counter;
            *counter += 1;
            let onclick = {
                let run = prose.run.clone();
                let text = code.code.clone();
                Callback::from(move |_| run.emit((index, text.clone())))
            };
            let view = prose.examples.get(&(prose.lesson.to_string(), index));
            html! {
                <div class="example" data-testid="example">
                    <pre class="example-code">{code.code.clone()}</pre>
                    <button class="run-example" data-testid="run-example" {onclick}
                        disabled={view == Some(&ExampleView::Running)}>{"▶ Run"}</button>
                    {example_output(view)}
                </div>
            }
        }
        Block::Code(code) => html! { <pre class="example-code">{code.code.clone()}</pre> },
    }
}

fn document(doc: &Document, prose: &Prose) -> Html {
    let mut counter = 0;
    blocks(&doc.blocks, prose, &mut counter)
}

/// Starts a download of `text` as file `name`.
fn download(name: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Export, import and reset of the progress.
#[function_component(ProgressTools)]
fn progress_tools() -> Html {
    let app = use_app();
    let confirm = use_state(|| false);
    let export = {
        let app = app.clone();
        Callback::from(move |_| {
            let json = app.state.lessons.progress.to_json();
            if let Err(e) = download("nixpad-progress.json", &json) {
                app.state.dispatch(Action::Notify(
                    Level::Warning,
                    format!("The progress could not be exported: {e}"),
                ));
            }
        })
    };
    let import = {
        let dispatch = app.state.dispatcher();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let action = match text.ok().and_then(|t| t.as_string()) {
                    None => Action::Notify(Level::Warning, "The file could not be read.".into()),
                    Some(text) => match Progress::from_json(&text) {
                        Ok(p) => Action::ProgressImport(p),
                        Err(e) => {
                            Action::Notify(Level::Warning, format!("Nothing was imported: {e}."))
                        }
                    },
                };
                dispatch.dispatch(action);
            });
        })
    };
    let reset = if *confirm {
        let yes = {
            let dispatch = app.state.dispatcher();
            let confirm = confirm.clone();
            Callback::from(move |_| {
                dispatch.dispatch(Action::ProgressReset);
                confirm.set(false);
            })
        };
        let no = {
            let confirm = confirm.clone();
            Callback::from(move |_| confirm.set(false))
        };
        html! {
            <span class="confirm">{"Forget all progress and code? "}
                <button data-testid="reset-yes" onclick={yes}>{"Reset"}</button>
                <button onclick={no}>{"Cancel"}</button></span>
        }
    } else {
        let confirm = confirm.clone();
        html! { <button data-testid="reset-progress" onclick={Callback::from(move |_| confirm.set(true))}>{"Reset progress…"}</button> }
    };
    html! {
        <div class="progress-tools">
            <button data-testid="export-progress" onclick={export}>{"Export progress"}</button>
            <label class="import">{"Import progress "}
                <input type="file" accept=".json,application/json" data-testid="import-progress" onchange={import} />
            </label>
            {reset}
        </div>
    }
}

/// The lesson list's inputs (none).
#[derive(Properties, PartialEq, Default)]
pub struct LessonsIndexProps {}

/// Chapters and their lessons, with progress.
#[function_component(LessonsIndex)]
pub fn lessons_index(_: &LessonsIndexProps) -> Html {
    let app = use_app();
    let c = curriculum();
    let progress = &app.state.lessons.progress;
    let per_chapter = progress.chapters(c);
    let next = progress.first_unfinished(c);
    let chapters: Html = c
        .chapters
        .iter()
        .zip(per_chapter)
        .map(|(chapter, cp)| {
            let lessons: Html = chapter
                .lessons
                .iter()
                .map(|l| {
                    let p = progress.lesson(&l.id);
                    let done = p.is_some_and(|p| p.done);
                    let status = if done {
                        html! { <span class="badge done" title="Done">{"✓"}</span> }
                    } else if p.is_some_and(|p| p.attempts > 0 || !p.code.is_empty()) {
                        html! { <span class="badge started" title="Started">{"…"}</span> }
                    } else {
                        html! { <span class="badge todo">{"○"}</span> }
                    };
                    let revealed = p
                        .is_some_and(|p| p.solution_revealed)
                        .then(|| html! { <span class="muted">{" (solution revealed)"}</span> });
                    html! {
                        <li data-testid="lesson-item" data-lesson={l.id.clone()} data-done={done.to_string()}>
                            {status}{" "}
                            <Link<Route> to={lesson_route(&l.id)}>{l.title.clone()}</Link<Route>>
                            <span class="muted">{format!(" — {}", l.summary)}</span>{revealed}
                        </li>
                    }
                })
                .collect();
            html! {
                <section class="chapter" data-testid="chapter" data-chapter={chapter.id.clone()}>
                    <h2>{chapter.title.clone()}
                        <span class="chapter-progress" data-testid="chapter-progress">
                            {format!("{} / {} done", cp.done, cp.total)}</span></h2>
                    <p class="muted">{chapter.summary.clone()}</p>
                    <ol class="lesson-list">{lessons}</ol>
                </section>
            }
        })
        .collect();
    let cont = next.map(|l| {
        html! { <p><Link<Route> to={lesson_route(&l.id)} classes="continue">{format!("Continue: {} →", l.title)}</Link<Route>></p> }
    });
    html! {
        <div class="page lessons" id="main-content" data-testid="lessons">
            <h1>{"Lessons"}</h1>
            <p>{"Learn Nix step by step: read, run the examples, then edit the code until every check passes. Everything runs in your browser; progress is kept in this browser."}</p>
            {cont}
            <ProgressTools />
            {chapters}
        </div>
    }
}

/// A lesson page's inputs.
#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    /// The lesson id (`language/strings`).
    pub id: AttrValue,
}

fn send_check(app: &AppContext, lesson: &Lesson) {
    let files = current_files(&app.state.lessons.progress, lesson);
    app.client.send(
        Command::Check {
            lesson: lesson.id.clone(),
            files,
        },
        super::state::Pending::Check(lesson.id.clone()),
    );
}

fn check_view(report: &CheckReport, hint_titles: usize) -> Html {
    let total = report.checks.len();
    let summary = if report.passed {
        html! { <p class="check-summary passed">{format!("All {total} checks passed. Lesson done!")}</p> }
    } else {
        html! { <p class="check-summary failed">{format!("{} of {total} checks passed.", report.passed_count())}</p> }
    };
    let failure = |e: &EvalFailure| {
        let at = e
            .location
            .as_ref()
            .map(|l| format!(" ({}:{}:{})", l.file, l.line, l.col))
            .unwrap_or_default();
        html! {
            <div class="error-view" role="alert" data-testid="check-error">
                <div class="error-head"><span class="code">{e.code.clone()}</span>{at}</div>
                <pre>{e.rendered.clone()}</pre>
            </div>
        }
    };
    let rows: Html = report
        .checks
        .iter()
        .map(|c| {
            let (class, mark) = match c.status {
                CheckStatus::Passed => ("check passed", "✓"),
                CheckStatus::Failed => ("check failed", "✗"),
                CheckStatus::Error => ("check error", "✗"),
                CheckStatus::NotRun => ("check not-run", "–"),
            };
            let detail = (c.status == CheckStatus::Failed).then(|| {
                html! {
                    <dl class="expected-got">
                        {for c.expected.as_ref().map(|e| html! { <><dt>{"expected"}</dt><dd><pre>{e.clone()}</pre></dd></> })}
                        {for c.actual.as_ref().map(|a| html! { <><dt>{"got"}</dt><dd><pre>{a.clone()}</pre></dd></> })}
                    </dl>
                }
            });
            let message = c.message.iter().chain(c.why.iter()).filter(|_| c.status != CheckStatus::Passed).map(|m| html! { <p class="check-message">{m.clone()}</p> }).collect::<Html>();
            let hint = c
                .hint
                .filter(|h| c.status != CheckStatus::Passed && *h < hint_titles)
                .map(|h| html! { <p class="muted">{format!("Hint {} may help.", h + 1)}</p> });
            html! {
                <li {class} data-testid="check" data-status={format!("{:?}", c.status)}>
                    <span class="mark">{mark}</span>{" "}{c.name.clone()}
                    {detail}{message}{for c.error.as_ref().map(failure)}{hint}
                </li>
            }
        })
        .collect();
    html! {
        <div class="check-results" data-testid="check-results" data-passed={report.passed.to_string()}>
            {summary}
            {for report.error.as_ref().map(failure)}
            <ul>{rows}</ul>
            {for (!report.trace.is_empty()).then(|| html! { <pre class="muted">{report.trace.join("\n")}</pre> })}
        </div>
    }
}

/// The first learner-code error with a position, for the editor's underline.
fn located_error(report: &CheckReport) -> Option<&EvalFailure> {
    report
        .error
        .iter()
        .chain(report.checks.iter().filter_map(|c| c.error.as_ref()))
        .find(|e| e.location.is_some())
}

/// One lesson.
#[function_component(LessonPage)]
pub fn lesson_page(props: &LessonPageProps) -> Html {
    let app = use_app();
    let active = use_state(|| 0usize);
    let c = curriculum();
    let Some(lesson) = c.lesson(&props.id) else {
        return html! {
            <div class="page" id="main-content" data-testid="lesson-missing">
                <h1>{"No such lesson"}</h1>
                <p>{format!("There is no lesson \"{}\". ", props.id)}
                    <Link<Route> to={Route::Lessons}>{"See all lessons"}</Link<Route>></p>
            </div>
        };
    };
    let id = lesson.id.clone();
    let lessons = &app.state.lessons;
    let progress = &lessons.progress;
    let lp = progress.lesson(&id).cloned().unwrap_or_default();
    let files = current_files(progress, lesson);
    let active_index = (*active).min(files.len().saturating_sub(1));
    let check = lessons.checks.get(&id);
    let report = match check {
        Some(CheckView::Done(r)) => Some(r),
        _ => None,
    };

    let run_example = {
        let app = app.clone();
        let id = id.clone();
        Callback::from(move |(index, code): (usize, String)| {
            let Some(lesson) = curriculum().lesson(&id) else {
                return;
            };
            let files = current_files(&app.state.lessons.progress, lesson);
            app.client.send(
                Command::Example {
                    lesson: id.clone(),
                    code,
                    files,
                },
                super::state::Pending::Example(id.clone(), index),
            );
        })
    };
    let prose = Prose {
        lesson: &id,
        examples: &lessons.examples,
        run: run_example,
    };

    let on_check = {
        let app = app.clone();
        let id = id.clone();
        Callback::from(move |_: ()| {
            if let Some(lesson) = curriculum().lesson(&id) {
                send_check(&app, lesson);
            }
        })
    };

    // Tabs of the learner's files.
    let tabs: Html = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let active = active.clone();
            let onclick = Callback::from(move |_| active.set(i));
            let editable = lesson.files.get(i).is_some_and(|f| f.editable);
            html! {
                <button class={classes!("file-tab", (i == active_index).then_some("active"))}
                    role="tab" aria-selected={(i == active_index).to_string()} {onclick}>
                    {f.name.clone()}{for (!editable).then(|| html! { <span class="muted">{" (read-only)"}</span> })}
                </button>
            }
        })
        .collect();
    let editor = files.get(active_index).map(|f| {
        let editable = lesson.files.get(active_index).is_some_and(|f| f.editable);
        let error = report.and_then(located_error).and_then(|e| {
            let loc = e.location.as_ref()?;
            (loc.file == f.name).then(|| (loc.start as usize, loc.end as usize, e.message.clone()))
        });
        let on_change = {
            let dispatch = app.state.dispatcher();
            let id = id.clone();
            let file = f.name.clone();
            Callback::from(move |text: String| {
                if editable {
                    dispatch.dispatch(Action::LessonEdit {
                        lesson: id.clone(),
                        file: file.clone(),
                        text,
                    })
                }
            })
        };
        html! { <Editor name={f.name.clone()} text={f.text.clone()} {error} {on_change} on_run={on_check.clone()} /> }
    });

    // Hints, one at a time.
    let shown = (lp.hints_shown as usize).min(lesson.hints.len());
    let suggested = report.and_then(|r| r.suggested_hint());
    let hints: Html = lesson.hints[..shown]
        .iter()
        .enumerate()
        .map(|(i, h)| {
            html! {
                <div class="lesson-hint" data-testid="hint">
                    <strong>{format!("Hint {}: ", i + 1)}</strong>{document(h, &prose)}
                </div>
            }
        })
        .collect();
    let more_hints = (shown < lesson.hints.len()).then(|| {
        let dispatch = app.state.dispatcher();
        let id = id.clone();
        let n = lesson.hints.len();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::LessonHint(id.clone(), n)));
        let label = if suggested.is_some_and(|s| s >= shown) {
            format!("Show hint {} of {n} (suggested)", shown + 1)
        } else {
            format!("Show hint {} of {n}", shown + 1)
        };
        html! { <button data-testid="show-hint" {onclick}>{label}</button> }
    });

    // The reference solution, after a failed attempt.
    let solution = if lp.solution_revealed {
        let use_it = {
            let dispatch = app.state.dispatcher();
            let id = id.clone();
            Callback::from(move |_| dispatch.dispatch(Action::LessonUseSolution(id.clone())))
        };
        let texts: Html = lesson
            .files
            .iter()
            .filter(|f| f.editable)
            .map(|f| html! { <><div class="muted">{f.name.clone()}</div><pre class="example-code">{f.solution.clone()}</pre></> })
            .collect();
        html! {
            <div class="solution" data-testid="solution">
                <h3>{"Reference solution "}<span class="badge revealed">{"revealed"}</span></h3>
                {texts}
                <button data-testid="use-solution" onclick={use_it}>{"Put it in the editor"}</button>
            </div>
        }
    } else if progress.can_reveal_solution(&id) {
        let dispatch = app.state.dispatcher();
        let id = id.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::LessonReveal(id.clone())));
        html! { <button data-testid="reveal-solution" {onclick}>{"Reveal the solution"}</button> }
    } else {
        html! {}
    };

    let results = match check {
        None => html! {},
        Some(CheckView::Running) => {
            html! { <p class="muted" data-testid="checking">{"Checking…"}</p> }
        }
        Some(CheckView::Failed(why)) => {
            html! { <p class="error-view" role="alert">{why.clone()}</p> }
        }
        Some(CheckView::Done(r)) => check_view(r, lesson.hints.len()),
    };

    let reset_lesson = {
        let dispatch = app.state.dispatcher();
        let id = id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::LessonReset(id.clone())))
    };

    let pos = c.position(&id);
    let chapter = c.chapter(lesson.chapter_id());
    let prev = c.previous(&id).map(|l| {
        html! { <Link<Route> to={lesson_route(&l.id)} classes="prev">{format!("← {}", l.title)}</Link<Route>> }
    });
    let next = c.next(&id).map(|l| {
        html! { <Link<Route> to={lesson_route(&l.id)} classes="next">{format!("{} →", l.title)}</Link<Route>> }
    });
    let nav = html! {
        <nav class="lesson-nav" aria-label="Lessons">
            <Link<Route> to={Route::Lessons}>{"All lessons"}</Link<Route>>
            <span class="muted">{format!(" · {} · lesson {} of {}",
                chapter.map(|ch| ch.title.as_str()).unwrap_or(""),
                pos.map_or(0, |p| p.overall + 1), c.lesson_count())}</span>
            <span class="spacer"></span>
            {prev}{next}
        </nav>
    };
    let status = if lp.done {
        html! { <span class="badge done" data-testid="lesson-done">{"✓ Done"}</span> }
    } else {
        html! {}
    };
    let stats = format!(
        "{} attempt(s), {} hint(s) shown{}",
        lp.attempts,
        shown,
        if lp.solution_revealed {
            ", solution revealed"
        } else {
            ""
        }
    );

    html! {
        <div class="lesson-page" id="main-content" data-testid="lesson" data-lesson={id.clone()}
            data-checks={lessons.checks_run.to_string()}>
            {nav.clone()}
            <div class="lesson-cols">
                <article class="lesson-prose">
                    <h1>{lesson.title.clone()}{" "}{status}</h1>
                    <p class="muted">{lesson.summary.clone()}</p>
                    {document(&lesson.document, &prose)}
                </article>
                <section class="lesson-work" aria-label="Exercise">
                    <div class="file-bar"><div class="file-tabs" role="tablist">{tabs}</div></div>
                    {editor}
                    <div class="toolbar">
                        <button class="primary" data-testid="check"
                            disabled={check == Some(&CheckView::Running)}
                            onclick={on_check.reform(|_| ())}>{"Check"}</button>
                        <button onclick={reset_lesson} title="Back to the starter code; forget this lesson's progress">{"Reset lesson"}</button>
                        <span class="muted status" data-testid="lesson-stats">{stats}</span>
                    </div>
                    {results}
                    <div class="hints">{hints}{more_hints}</div>
                    {solution}
                </section>
            </div>
            {nav}
        </div>
    }
}
