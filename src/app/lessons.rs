//! The lessons: the list of chapters with progress, and a lesson page (prose with runnable
//! examples, the learner's files in the editor, checks run in the worker, hints one at a
//! time, the reference solution after a failed attempt, previous/next).
//!
//! Lesson prose is a [`Document`] tree (no raw HTML): it is rendered element by element,
//! its text as text. The lessons come from packs fetched the first time a lessons page is
//! shown ([`super::packs`]); progress lives in [`super::state::LessonsState`], which the
//! app saves.

use std::collections::HashMap;

use yew::prelude::*;
use yew_router::prelude::*;

use nixpad_lessons::{
    Block, CheckReport, CheckStatus, Document, EvalFailure, Inline, Lesson, Progress,
};

use super::editor::Editor;
use super::packs::ensure_loaded;
use super::pages::summary;
use super::state::{
    CheckView, ExampleView, FilesAction, LessonsAction, Level, NoticesAction, PackStatus,
};
use super::{use_client, use_files, use_lessons, use_notices, Route};
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
    examples: &'a HashMap<(String, u32), ExampleView>,
    run: Callback<(u32, String)>,
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

fn blocks(list: &[Block], prose: &Prose, counter: &mut u32) -> Html {
    list.iter().map(|b| block(b, prose, counter)).collect()
}

fn block(b: &Block, prose: &Prose, counter: &mut u32) -> Html {
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

/// Export, import and reset of the progress.
#[function_component(ProgressTools)]
fn progress_tools() -> Html {
    let lessons = use_lessons();
    let notices = use_notices();
    let confirm = use_state(|| false);
    let export = {
        let progress = lessons.progress.clone();
        let notices = notices.dispatcher();
        Callback::from(move |_| {
            if let Err(e) = super::dom::download("nixpad-progress.json", &progress.to_json()) {
                notices.dispatch(NoticesAction::Notify(
                    Level::Warning,
                    format!("The progress could not be exported: {e}"),
                ));
            }
        })
    };
    let import = {
        let dispatch = lessons.dispatcher();
        let notices = notices.dispatcher();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatch = dispatch.clone();
            let notices = notices.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let refusal = match text.ok().and_then(|t| t.as_string()) {
                    None => "The file could not be read.".to_string(),
                    Some(text) => match Progress::from_json(&text) {
                        Ok(p) => return dispatch.dispatch(LessonsAction::Import(p)),
                        Err(e) => format!("Nothing was imported: {e}."),
                    },
                };
                notices.dispatch(NoticesAction::Notify(Level::Warning, refusal));
            });
        })
    };
    let reset = if *confirm {
        let yes = {
            let dispatch = lessons.dispatcher();
            let confirm = confirm.clone();
            Callback::from(move |_| {
                dispatch.dispatch(LessonsAction::ResetAll);
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

/// Starts loading the lesson packs when a lessons page is first shown.
#[hook]
fn use_packs() {
    let lessons = use_lessons();
    use_effect_with((), move |_| ensure_loaded(&lessons));
}

/// The packs that could not be loaded, each with its URL and why.
#[function_component(PackProblems)]
fn pack_problems() -> Html {
    let lessons = use_lessons();
    let problems: Vec<Html> = lessons
        .packs
        .iter()
        .filter_map(|p| match &p.status {
            PackStatus::Failed(why) => Some(html! {
                <li data-testid="pack-error" data-url={p.source.url.clone()}>
                    {format!("The lesson pack {} could not be loaded: {why}", p.source.url)}
                </li>
            }),
            PackStatus::Loaded { skipped, .. } if !skipped.is_empty() => Some(html! {
                <li data-testid="pack-error" data-url={p.source.url.clone()}>
                    {format!("Lessons of {} were left out (their ids are taken): {}", p.source.url, skipped.join(", "))}
                </li>
            }),
            _ => None,
        })
        .collect();
    if problems.is_empty() {
        return html! {};
    }
    html! { <ul class="error-view pack-errors" role="alert">{for problems}</ul> }
}

/// The lesson list's inputs (none).
#[derive(Properties, PartialEq, Default)]
pub struct LessonsIndexProps {}

/// Chapters and their lessons, with progress.
#[function_component(LessonsIndex)]
pub fn lessons_index(_: &LessonsIndexProps) -> Html {
    use_packs();
    let lessons = use_lessons();
    let c = &*lessons.curriculum;
    let progress = &lessons.progress;
    let per_chapter = progress.chapters(c);
    let next = progress.first_unfinished(c);
    let chapters: Html = c
        .chapters
        .iter()
        .zip(per_chapter)
        .map(|(chapter, cp)| {
            let items: Html = chapter
                .lessons
                .iter()
                .map(|l| lesson_item(l, progress))
                .collect();
            html! {
                <section class="chapter" data-testid="chapter" data-chapter={chapter.id.clone()}>
                    <h2>{chapter.title.clone()}
                        <span class="chapter-progress" data-testid="chapter-progress">
                            {format!("{} / {} done", cp.done, cp.total)}</span></h2>
                    <p class="muted">{summary(&chapter.summary)}</p>
                    <ol class="lesson-list">{items}</ol>
                </section>
            }
        })
        .collect();
    let cont = next.map(|l| {
        html! { <p><Link<Route> to={lesson_route(&l.id)} classes="continue">{format!("Continue: {} →", l.title)}</Link<Route>></p> }
    });
    let status = if lessons.loading() {
        html! { <p class="muted" data-testid="lessons-loading">{"Loading lessons…"}</p> }
    } else if c.chapters.is_empty() {
        html! { <p class="muted">{"No lessons are available here."}</p> }
    } else {
        html! {}
    };
    html! {
        <div class="page lessons" id="main-content" data-testid="lessons"
            data-loaded={(!lessons.loading()).to_string()}>
            <h1>{"Lessons"}</h1>
            <p>{"Learn Nix step by step: read, run the examples, then edit the code until every check passes. Everything runs in your browser; progress is kept in this browser."}</p>
            <PackProblems />
            {status}
            {cont}
            <ProgressTools />
            {chapters}
        </div>
    }
}

/// One lesson of the list: done/started mark, link, summary.
fn lesson_item(l: &Lesson, progress: &Progress) -> Html {
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
            <span class="muted">{" — "}{summary(&l.summary)}</span>{revealed}
        </li>
    }
}

/// A lesson page's inputs (and its parts').
#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    /// The lesson id (`language/strings`).
    pub id: AttrValue,
}

/// Sends the lesson's checks and the learner's files to the worker.
fn send_check(client: &super::client::Client, progress: &Progress, lesson: &Lesson) {
    client.send(Command::Check {
        lesson: lesson.id.clone(),
        check: lesson.check.clone(),
        library: lesson.check_library.clone(),
        files: current_files(progress, lesson),
        nixpkgs: lesson.nixpkgs,
        flake: lesson.flake,
        experimental_features: lesson.experimental_features.clone(),
    });
}

fn check_view(report: &CheckReport, hint_titles: usize) -> Html {
    let total = report.checks.len();
    let summary = if report.passed {
        html! { <p class="check-summary passed">{format!("All {total} checks passed. Lesson done!")}</p> }
    } else {
        html! { <p class="check-summary failed">{format!("{} of {total} checks passed.", report.passed_count())}</p> }
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
                <li {class} data-testid="check" data-status={status_name(c.status)}>
                    <span class="mark">{mark}</span>{" "}{c.name.clone()}
                    {detail}{message}{for c.error.as_ref().map(check_failure)}{hint}
                </li>
            }
        })
        .collect();
    html! {
        <div class="check-results" data-testid="check-results" data-passed={report.passed.to_string()}>
            {summary}
            {for report.error.as_ref().map(check_failure)}
            <ul>{rows}</ul>
            {for (!report.trace.is_empty()).then(|| html! { <pre class="muted">{report.trace.join("\n")}</pre> })}
            {for report.flake.as_ref().map(flake_view)}
        </div>
    }
}

/// What Nix says about a flake lesson's flake: `nix flake show` and the lock file it
/// would write (or why the flake did not load).
fn flake_view(flake: &nixpad_lessons::FlakeSummary) -> Html {
    if let Some(error) = &flake.error {
        return html! { <pre class="text-out error-text" data-testid="flake-error">{error.clone()}</pre> };
    }
    html! {
        <div class="flake-summary">
            <details data-testid="flake-show" open=true>
                <summary>{"nix flake show"}</summary>
                <pre class="text-out">{flake.show.clone()}</pre>
            </details>
            {super::flakeview::lock_details(flake.lock.as_deref())}
        </div>
    }
}

/// A check status as the tests read it (`data-status`).
fn status_name(status: CheckStatus) -> &'static str {
    match status {
        CheckStatus::Passed => "Passed",
        CheckStatus::Failed => "Failed",
        CheckStatus::Error => "Error",
        CheckStatus::NotRun => "NotRun",
    }
}

/// An error of a check run, with its position.
fn check_failure(e: &EvalFailure) -> Html {
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
}

/// The first learner-code error with a position, for the editor's underline.
fn located_error(report: &CheckReport) -> Option<&EvalFailure> {
    report
        .error
        .iter()
        .chain(report.checks.iter().filter_map(|c| c.error.as_ref()))
        .find(|e| e.location.is_some())
}

/// One lesson: navigation, prose, and the exercise.
#[function_component(LessonPage)]
pub fn lesson_page(props: &LessonPageProps) -> Html {
    use_packs();
    let lessons = use_lessons();
    let id = props.id.clone();
    if lessons.curriculum.lesson(&id).is_none() {
        if lessons.loading() {
            return html! {
                <div class="page" id="main-content" data-testid="lessons-loading">
                    <p class="muted">{"Loading the lesson…"}</p>
                </div>
            };
        }
        return html! {
            <div class="page" id="main-content" data-testid="lesson-missing">
                <h1>{"No such lesson"}</h1>
                <PackProblems />
                <p>{format!("There is no lesson \"{}\". ", id)}
                    <Link<Route> to={Route::Lessons}>{"See all lessons"}</Link<Route>></p>
            </div>
        };
    }
    html! {
        <div class="lesson-page" id="main-content" data-testid="lesson" data-lesson={id.clone()}
            data-checks={lessons.checks_run.to_string()}>
            <LessonNav id={id.clone()} />
            <div class="lesson-cols">
                <LessonProse id={id.clone()} />
                <section class="lesson-work" aria-label="Exercise">
                    <LessonEditor id={id.clone()} />
                    <LessonToolbar id={id.clone()} />
                    <CheckResults id={id.clone()} />
                    <LessonHints id={id.clone()} />
                    <LessonSolution id={id.clone()} />
                </section>
            </div>
            <LessonNav id={id} />
        </div>
    }
}

/// All lessons, the lesson's place in the course, previous and next.
#[function_component(LessonNav)]
fn lesson_nav(props: &LessonPageProps) -> Html {
    let lessons = use_lessons();
    let c = &*lessons.curriculum;
    let id = &props.id;
    let Some(lesson) = c.lesson(id) else {
        return html! {};
    };
    let pos = c.position(id);
    let chapter = c.chapter(lesson.chapter_id());
    let prev = c.previous(id).map(|l| {
        html! { <Link<Route> to={lesson_route(&l.id)} classes="prev">{format!("← {}", l.title)}</Link<Route>> }
    });
    let next = c.next(id).map(|l| {
        html! { <Link<Route> to={lesson_route(&l.id)} classes="next">{format!("{} →", l.title)}</Link<Route>> }
    });
    html! {
        <nav class="lesson-nav" aria-label="Lessons">
            <Link<Route> to={Route::Lessons}>{"All lessons"}</Link<Route>>
            <span class="muted">{format!(" · {} · lesson {} of {}",
                chapter.map(|ch| ch.title.as_str()).unwrap_or(""),
                pos.map_or(0, |p| p.overall + 1), c.lesson_count())}</span>
            <span class="spacer"></span>
            {prev}{next}
        </nav>
    }
}

/// A callback that runs a prose example of lesson `id` in the worker.
#[hook]
fn use_run_example(id: &AttrValue) -> Callback<(u32, String)> {
    let lessons = use_lessons();
    let client = use_client();
    let id = id.clone();
    Callback::from(move |(index, code): (u32, String)| {
        let Some(lesson) = lessons.curriculum.lesson(&id) else {
            return;
        };
        client.send(Command::Example {
            lesson: id.to_string(),
            index,
            code,
            files: current_files(&lessons.progress, lesson),
            nixpkgs: lesson.nixpkgs,
            experimental_features: lesson.experimental_features.clone(),
        });
    })
}

/// The lesson's title and text, with its runnable examples.
#[function_component(LessonProse)]
fn lesson_prose(props: &LessonPageProps) -> Html {
    let lessons = use_lessons();
    let run = use_run_example(&props.id);
    let Some(lesson) = lessons.curriculum.lesson(&props.id) else {
        return html! {};
    };
    let done = lessons.progress.lesson(&props.id).is_some_and(|p| p.done);
    let status = done
        .then(|| html! { <span class="badge done" data-testid="lesson-done">{"✓ Done"}</span> });
    let prose = Prose {
        lesson: &props.id,
        examples: &lessons.examples,
        run,
    };
    html! {
        <article class="lesson-prose">
            <h1>{lesson.title.clone()}{" "}{status}</h1>
            <p class="muted">{summary(&lesson.summary)}</p>
            {document(&lesson.document, &prose)}
        </article>
    }
}

/// A callback that copies the learner's files of lesson `id` into the playground and
/// opens it.
#[hook]
fn use_open_in_playground(id: &AttrValue) -> Callback<()> {
    let lessons = use_lessons();
    let files = use_files().dispatcher();
    let navigator = use_navigator();
    let id = id.clone();
    Callback::from(move |_: ()| {
        let Some(lesson) = lessons.curriculum.lesson(&id) else {
            return;
        };
        files.dispatch(FilesAction::Load {
            files: current_files(&lessons.progress, lesson),
            notice: format!("Opened your files of the lesson “{}”.", lesson.title),
        });
        if let Some(n) = &navigator {
            n.push(&Route::Playground);
        }
    })
}

/// A callback that checks lesson `id` in the worker.
#[hook]
fn use_check(id: &AttrValue) -> Callback<()> {
    let lessons = use_lessons();
    let client = use_client();
    let id = id.clone();
    Callback::from(move |_: ()| {
        if let Some(lesson) = lessons.curriculum.lesson(&id) {
            send_check(&client, &lessons.progress, lesson);
        }
    })
}

/// The learner's files: tabs and the editor (read-only files cannot be changed).
#[function_component(LessonEditor)]
fn lesson_editor(props: &LessonPageProps) -> Html {
    let lessons = use_lessons();
    let active = use_state(|| 0usize);
    let on_check = use_check(&props.id);
    let Some(lesson) = lessons.curriculum.lesson(&props.id) else {
        return html! {};
    };
    let files = current_files(&lessons.progress, lesson);
    let active_index = (*active).min(files.len().saturating_sub(1));
    let report = match lessons.checks.get(&*props.id) {
        Some(CheckView::Done(r)) => Some(r),
        _ => None,
    };
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
            let dispatch = lessons.dispatcher();
            let id = props.id.to_string();
            let file = f.name.clone();
            Callback::from(move |text: String| {
                if editable {
                    dispatch.dispatch(LessonsAction::Edit {
                        lesson: id.clone(),
                        file: file.clone(),
                        text,
                    })
                }
            })
        };
        html! { <Editor name={f.name.clone()} text={f.text.clone()} {error} {on_change} on_run={on_check.clone()} /> }
    });
    html! {
        <>
            <div class="file-bar"><div class="file-tabs" role="tablist">{tabs}</div></div>
            {editor}
        </>
    }
}

/// Check, reset, and the learner's attempts.
#[function_component(LessonToolbar)]
fn lesson_toolbar(props: &LessonPageProps) -> Html {
    let lessons = use_lessons();
    let on_check = use_check(&props.id);
    let lp = lessons
        .progress
        .lesson(&props.id)
        .cloned()
        .unwrap_or_default();
    let hints = lessons
        .curriculum
        .lesson(&props.id)
        .map_or(0, |l| l.hints.len());
    let shown = (lp.hints_shown as usize).min(hints);
    let reset_lesson = {
        let dispatch = lessons.dispatcher();
        let id = props.id.to_string();
        Callback::from(move |_| dispatch.dispatch(LessonsAction::Reset(id.clone())))
    };
    let running = lessons.checks.get(&*props.id) == Some(&CheckView::Running);
    let open_in_playground = use_open_in_playground(&props.id);
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
        <div class="toolbar">
            <button class="primary" data-testid="check" disabled={running}
                onclick={on_check.reform(|_| ())}>{"Check"}</button>
            <button onclick={reset_lesson} title="Back to the starter code; forget this lesson's progress">{"Reset lesson"}</button>
            <button data-testid="open-in-playground" onclick={open_in_playground.reform(|_| ())}
                title="Your files in the playground: its value tree, derivations, options and the rebuild impact of an overlay">{"Open in playground"}</button>
            <span class="muted status" data-testid="lesson-stats">{stats}</span>
        </div>
    }
}

/// The last check run's results.
#[function_component(CheckResults)]
fn check_results(props: &LessonPageProps) -> Html {
    let lessons = use_lessons();
    let hints = lessons
        .curriculum
        .lesson(&props.id)
        .map_or(0, |l| l.hints.len());
    match lessons.checks.get(&*props.id) {
        None => html! {},
        Some(CheckView::Running) => {
            html! { <p class="muted" data-testid="checking">{"Checking…"}</p> }
        }
        Some(CheckView::Failed(why)) => {
            html! { <p class="error-view" role="alert" data-testid="check-failed">{why.clone()}</p> }
        }
        Some(CheckView::Done(r)) => check_view(r, hints),
    }
}

/// The hints shown so far, and the button for the next one.
#[function_component(LessonHints)]
fn lesson_hints(props: &LessonPageProps) -> Html {
    let lessons = use_lessons();
    let run = use_run_example(&props.id);
    let Some(lesson) = lessons.curriculum.lesson(&props.id) else {
        return html! {};
    };
    let lp = lessons.progress.lesson(&props.id);
    let shown = lp
        .map_or(0, |p| p.hints_shown as usize)
        .min(lesson.hints.len());
    let suggested = match lessons.checks.get(&*props.id) {
        Some(CheckView::Done(r)) => r.suggested_hint(),
        _ => None,
    };
    let prose = Prose {
        lesson: &props.id,
        examples: &lessons.examples,
        run,
    };
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
    let more = (shown < lesson.hints.len()).then(|| {
        let dispatch = lessons.dispatcher();
        let id = props.id.to_string();
        let n = lesson.hints.len();
        let onclick =
            Callback::from(move |_| dispatch.dispatch(LessonsAction::Hint(id.clone(), n)));
        let label = if suggested.is_some_and(|s| s >= shown) {
            format!("Show hint {} of {n} (suggested)", shown + 1)
        } else {
            format!("Show hint {} of {n}", shown + 1)
        };
        html! { <button data-testid="show-hint" {onclick}>{label}</button> }
    });
    html! { <div class="hints">{hints}{more}</div> }
}

/// The reference solution: revealed after a failed attempt, then usable in the editor.
#[function_component(LessonSolution)]
fn lesson_solution(props: &LessonPageProps) -> Html {
    let lessons = use_lessons();
    let Some(lesson) = lessons.curriculum.lesson(&props.id) else {
        return html! {};
    };
    let id = props.id.to_string();
    let revealed = lessons
        .progress
        .lesson(&id)
        .is_some_and(|p| p.solution_revealed);
    if revealed {
        let use_it = {
            let dispatch = lessons.dispatcher();
            let id = id.clone();
            Callback::from(move |_| dispatch.dispatch(LessonsAction::UseSolution(id.clone())))
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
    } else if lessons.progress.can_reveal_solution(&id) {
        let dispatch = lessons.dispatcher();
        let onclick = Callback::from(move |_| dispatch.dispatch(LessonsAction::Reveal(id.clone())));
        html! { <button data-testid="reveal-solution" {onclick}>{"Reveal the solution"}</button> }
    } else {
        html! {}
    }
}
