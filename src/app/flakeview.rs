//! The Flake output tab: the playground's files as a flake. `nix flake show`'s tree,
//! `nix flake check`'s verdict (error and warnings), for each output the derivation
//! `nix build`/`nix develop` would use and for each app the program `nix run` would run,
//! and the lock file. All text is rendered as text.

use std::rc::Rc;

use yew::prelude::*;

use crate::flake::FlakeOverview;

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
    if let Some(error) = &o.error {
        return html! {
            <div class="flake-view" data-testid="flake">
                <pre class="text-out error-text" data-testid="flake-error">{error.clone()}</pre>
                <p class="muted">{"A flake.nix holds description, inputs and outputs; the registry's nixpkgs, flake-utils, flake-parts, systems, rust-overlay and templates are available as inputs."}</p>
            </div>
        };
    }
    let verdict = match &o.check_error {
        None => html! { <p class="check-summary passed" data-testid="flake-check">{"nix flake check: no errors"}</p> },
        Some(e) => html! { <pre class="text-out error-text" data-testid="flake-check">{e.clone()}</pre> },
    };
    let warnings: Html = o
        .warnings
        .iter()
        .map(|w| html! { <li>{format!("warning: {w}")}</li> })
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
            html! {
                <tr data-testid="flake-derivation" data-attr={d.attr.clone()}>
                    <th><code>{d.attr.clone()}</code></th>
                    <td><code>{d.drv_path.clone()}</code>{outputs}</td>
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
        <div class="flake-view" data-testid="flake">
            <h4>{"nix flake show"}</h4>
            <pre class="text-out" data-testid="flake-show">{o.show.clone()}</pre>
            {verdict}
            {for (!o.warnings.is_empty()).then(|| html! { <ul class="flake-warnings">{warnings}</ul> })}
            {for (!o.derivations.is_empty()).then(|| html! {
                <><h4>{"What nix build / nix develop would build"}</h4>
                <table class="drv-paths flake-derivations">{derivations}</table></>
            })}
            {for (!o.apps.is_empty()).then(|| html! {
                <><h4>{"What nix run would run"}</h4><table class="drv-paths">{apps}</table></>
            })}
            <details data-testid="flake-lock">
                <summary>{"flake.lock"}</summary>
                <pre class="text-out">{o.lock.clone().unwrap_or_else(|| "(no lock file: the flake has no inputs)".into())}</pre>
            </details>
        </div>
    }
}
