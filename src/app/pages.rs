//! The header, the notices, and the pages other than the playground.

use yew::prelude::*;
use yew_router::prelude::*;

use super::state::{FilesAction, Level, NoticesAction};
use super::{use_files, use_notices, Route};
use crate::examples::{summary_parts, SummaryPart, EXAMPLES};

/// The header's inputs (none).
#[derive(Properties, PartialEq, Default)]
pub struct HeaderProps {}

/// The top bar with the navigation.
#[function_component(Header)]
pub fn header(_: &HeaderProps) -> Html {
    let route = use_route::<Route>();
    let link = |to: Route, label: &'static str| {
        let current = route.as_ref() == Some(&to)
            || (to == Route::Lessons && matches!(route, Some(Route::Lesson { .. })));
        html! {
            <Link<Route> {to} classes={classes!("nav", current.then_some("current"))}>{label}</Link<Route>>
        }
    };
    html! {
        <header class="top">
            <span class="brand">{"Nixpad"}</span>
            <nav aria-label="Main">
                {link(Route::Playground, "Playground")}
                {link(Route::Examples, "Examples")}
                {link(Route::Lessons, "Lessons")}
            </nav>
            <span class="tagline">{"Nix, evaluated in your browser"}</span>
        </header>
    }
}

/// The notices' inputs (none).
#[derive(Properties, PartialEq, Default)]
pub struct NoticesProps {}

/// Messages at the top of the page, each with a dismiss button.
#[function_component(Notices)]
pub fn notices(_: &NoticesProps) -> Html {
    let notices = use_notices();
    let items: Html = notices
        .list
        .iter()
        .map(|n| {
            let dispatch = notices.dispatcher();
            let id = n.id;
            let onclick = Callback::from(move |_| dispatch.dispatch(NoticesAction::Dismiss(id)));
            let class = match n.level {
                Level::Info => "notice info",
                Level::Warning => "notice warning",
            };
            html! {
                <div {class} role="status" data-testid="notice">
                    <span>{n.text.clone()}</span>
                    <button class="dismiss" aria-label="Dismiss" {onclick}>{"×"}</button>
                </div>
            }
        })
        .collect();
    html! { <div class="notices">{items}</div> }
}

/// The gallery's inputs (none).
#[derive(Properties, PartialEq, Default)]
pub struct ExamplesPageProps {}

/// A one-line summary (an example's, a lesson's): `backticks` become inline code.
pub fn summary(text: &str) -> Html {
    summary_parts(text)
        .into_iter()
        .map(|part| match part {
            SummaryPart::Text(t) => html! { {t} },
            SummaryPart::Code(c) => html! { <code>{c}</code> },
        })
        .collect()
}

/// The examples gallery: open one to replace the files and run it.
#[function_component(ExamplesPage)]
pub fn examples_page(_: &ExamplesPageProps) -> Html {
    let files = use_files();
    let navigator = use_navigator();
    let cards: Html = EXAMPLES
        .iter()
        .map(|ex| {
            let dispatch = files.dispatcher();
            let navigator = navigator.clone();
            let onclick = Callback::from(move |_| {
                dispatch.dispatch(FilesAction::Load {
                    files: ex.entries(),
                    notice: format!("Opened the example “{}”.", ex.title),
                });
                if let Some(n) = &navigator {
                    n.push(&Route::Playground);
                }
            });
            let names = ex.files.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
            html! {
                <article class="card" data-example={ex.id}>
                    <h2>{ex.title}</h2>
                    <p>{summary(ex.summary)}</p>
                    <p class="muted">{names}{if ex.needs_derivation { " · uses derivation" } else { "" }}</p>
                    <button class="primary" {onclick} aria-label={format!("Open {}", ex.title)}>{"Open"}</button>
                </article>
            }
        })
        .collect();
    html! {
        <div class="page" id="main-content">
            <h1>{"Examples"}</h1>
            <p>{"Opening an example replaces the files in the playground (copy a link first to keep yours)."}</p>
            <div class="cards">{cards}</div>
        </div>
    }
}

/// The not-found page's inputs (none).
#[derive(Properties, PartialEq, Default)]
pub struct NotFoundPageProps {}

/// Shown for unknown routes.
#[function_component(NotFoundPage)]
pub fn not_found_page(_: &NotFoundPageProps) -> Html {
    html! {
        <div class="page" id="main-content">
            <h1>{"Not found"}</h1>
            <p>{"There is no page here. "}<Link<Route> to={Route::Playground}>{"Back to the playground"}</Link<Route>></p>
        </div>
    }
}
