//! The Flake output tab: the playground's files as a flake. `nix flake show`'s tree,
//! `nix flake check`'s verdict (error and warnings), for each output the derivation
//! `nix build`/`nix develop` would use and for each app the program `nix run` would run,
//! and the lock file. All text is rendered as text.

use std::rc::Rc;

use yew::prelude::*;

use super::state::{FilesAction, ResultsAction};
use super::{use_client, use_files, use_results};
use crate::flake::FlakeOverview;
use crate::protocol::Command;

/// The view's inputs.
#[derive(Properties, PartialEq)]
pub struct FlakeViewProps {
    /// What the worker found.
    pub overview: Rc<FlakeOverview>,
}

/// The flake view.
#[function_component(FlakeView)]
pub fn flake_view(props: &FlakeViewProps) -> Html {
    let o = &props.overview;
    let body = match &o.error {
        Some(error) => html! {
            <>
                <pre class="text-out error-text" data-testid="flake-error">{error.clone()}</pre>
                <p class="muted">{"A flake.nix holds description, inputs and outputs; the registry below says which flakes inputs can name (a registry.json file, in Nix's user-registry format, adds entries). Start from a template:"}</p>
            </>
        },
        None => flake_details(o),
    };
    html! {
        <div class="flake-view" data-testid="flake">
            {body}
            <TemplateButtons templates={o.templates.clone()} />
            <details data-testid="flake-registry">
                <summary>{"nix registry list"}</summary>
                <pre class="text-out">{o.registry.clone()}</pre>
            </details>
        </div>
    }
}

/// `nix flake show`, check, nixConfig, derivations, apps and the lock file of a flake
/// that loaded.
fn flake_details(o: &FlakeOverview) -> Html {
    let verdict = match &o.check_error {
        None => {
            html! { <p class="check-summary passed" data-testid="flake-check">{"nix flake check: no errors"}</p> }
        }
        Some(e) => {
            html! { <pre class="text-out error-text" data-testid="flake-check">{e.clone()}</pre> }
        }
    };
    let warnings: Html = o
        .config_warnings
        .iter()
        .chain(o.warnings.iter())
        .map(|w| html! { <li>{format!("warning: {w}")}</li> })
        .collect();
    let config: Html = o
        .config
        .iter()
        .map(|(k, v)| html! { <tr><th><code>{k.clone()}</code></th><td><code>{v.clone()}</code></td></tr> })
        .collect();
    let derivations: Html = o
        .derivations
        .iter()
        .map(|d| {
            let outputs: Html = d
                .outputs
                .iter()
                .map(|(name, path)| html! { <div><span class="muted">{format!("{name}: ")}</span><code>{path.clone()}</code></div> })
                .collect();
            let environment: Html = d
                .environment
                .iter()
                .map(|(k, v)| html! { <div><code>{format!("{k}={v}")}</code></div> })
                .collect();
            html! {
                <tr data-testid="flake-derivation" data-attr={d.attr.clone()}>
                    <th><code>{d.attr.clone()}</code></th>
                    <td><code>{d.drv_path.clone()}</code>{outputs}
                        {for (!d.environment.is_empty()).then(|| html! {
                            <details class="flake-env" data-testid="flake-env">
                                <summary>{"the environment nix develop starts from"}</summary>{environment}
                            </details>
                        })}
                    </td>
                </tr>
            }
        })
        .collect();
    let apps: Html = o
        .apps
        .iter()
        .map(|(attr, program)| match program {
            Ok(p) => html! { <tr data-testid="flake-app"><th><code>{attr.clone()}</code></th><td><code>{p.clone()}</code></td></tr> },
            Err(e) => html! { <tr data-testid="flake-app"><th><code>{attr.clone()}</code></th><td class="error-text">{e.clone()}</td></tr> },
        })
        .collect();
    html! {
        <>
            <h4>{"nix flake show"}</h4>
            <pre class="text-out" data-testid="flake-show">{o.show.clone()}</pre>
            {verdict}
            {for (!o.warnings.is_empty() || !o.config_warnings.is_empty()).then(|| html! { <ul class="flake-warnings">{warnings}</ul> })}
            {for (!o.config.is_empty()).then(|| html! {
                <><h4>{"nixConfig applied"}</h4><table class="drv-paths" data-testid="flake-config">{config}</table></>
            })}
            {for (!o.derivations.is_empty()).then(|| html! {
                <><h4>{"What nix build / nix develop would build"}</h4>
                <table class="drv-paths flake-derivations">{derivations}</table></>
            })}
            {for (!o.apps.is_empty()).then(|| html! {
                <><h4>{"What nix run would run"}</h4><table class="drv-paths">{apps}</table></>
            })}
            {lock_details(o.lock.as_deref())}
        </>
    }
}

/// The lock file a flake gives, folded (the Flake tab and flake lessons show it).
pub fn lock_details(lock: Option<&str>) -> Html {
    html! {
        <details data-testid="flake-lock">
            <summary>{"flake.lock"}</summary>
            <pre class="text-out">{lock.unwrap_or("(no lock file: the flake has no inputs)").to_string()}</pre>
        </details>
    }
}

/// The template buttons' inputs.
#[derive(Properties, PartialEq)]
struct TemplateButtonsProps {
    templates: Vec<(String, String)>,
}

/// `nix flake init -t REF` for each template: the worker reads the template's files, and
/// they are added to the file tabs (refusing to overwrite a different file, as Nix does).
#[function_component(TemplateButtons)]
fn template_buttons(props: &TemplateButtonsProps) -> Html {
    let client = use_client();
    let files = use_files();
    let results = use_results();
    // Hand each new answer's files to the files slice, once.
    {
        let dispatch = files.dispatcher();
        let handled = results.dispatcher();
        let answer = results.flake_init.clone();
        use_effect_with(answer.as_ref().map(|(n, _, _)| *n), move |_| {
            if let Some((_, reference, Ok(init))) = answer {
                handled.dispatch(ResultsAction::TemplateCopied);
                dispatch.dispatch(FilesAction::AddTemplate {
                    reference,
                    files: init.files,
                    welcome_text: init.welcome_text,
                });
            }
        });
    }
    let failed = match &results.flake_init {
        Some((_, reference, Err(e))) => html! {
            <p class="error-text" data-testid="flake-init-error">{format!("nix flake init -t {reference}: {e}")}</p>
        },
        _ => html! {},
    };
    if props.templates.is_empty() {
        return html! {};
    }
    let buttons: Html = props
        .templates
        .iter()
        .map(|(reference, description)| {
            let client = client.clone();
            let all = files.files.clone();
            let r = reference.clone();
            let onclick = Callback::from(move |_| {
                client.send(Command::FlakeInit {
                    reference: r.clone(),
                    files: all.clone(),
                });
            });
            html! {
                <li><button data-testid="flake-init" data-template={reference.clone()} {onclick}>
                    {format!("nix flake init -t {reference}")}</button>
                    <span class="muted">{format!(" {description}")}</span></li>
            }
        })
        .collect();
    html! {
        <div class="flake-templates">
            <h4>{"Templates"}</h4>
            <ul>{buttons}</ul>
            {failed}
        </div>
    }
}
