//! The Derivation output tab: the derivations of the result, a dependency graph of
//! their input derivations (SVG, click a box to show it), and for the one selected its
//! `.drv` path, outputs, ATerm and `nix derivation show` JSON. All text is rendered as text.

use std::rc::Rc;

use yew::prelude::*;

use crate::drv::{layout, DrvReport, BOX_H, BOX_W, DEPENDENCY_ROLES};
use crate::protocol::{Command, ResultId};

/// The view's inputs.
#[derive(Properties, PartialEq)]
pub struct DerivationViewProps {
    /// What the worker found.
    pub report: Rc<DrvReport>,
    /// The result it is about.
    pub result: ResultId,
}

/// Asks for a CycloneDX SBOM of a root derivation of the result, and downloads each one
/// that arrives (or shows why there is none).
#[function_component(SbomButton)]
fn sbom_button(props: &SbomButtonProps) -> Html {
    let client = super::use_client();
    let results = super::use_results();
    let answer = results.sbom.clone();
    use_effect_with(answer.as_ref().map(|(seq, _, _)| *seq), {
        let answer = answer.clone();
        let file = format!("{}.cdx.json", props.name);
        move |_| {
            if let Some((_, _, Ok(json))) = &answer {
                let _ = super::dom::download(&file, json);
            }
        }
    });
    let onclick = {
        let (result, root) = (props.result, props.root.clone());
        Callback::from(move |_: MouseEvent| {
            client.send(Command::Sbom {
                result,
                root: root.clone(),
            });
        })
    };
    let failed = match &answer {
        Some((_, root, Err(why))) if *root == props.root => Some(why.clone()),
        _ => None,
    };
    html! {
        <div class="drv-sbom">
            <button {onclick} data-testid="sbom-download"
                title="A CycloneDX 1.5 JSON SBOM of this package's dependency graph: components with licences and source hashes, build-time and runtime dependencies">
                {"Download SBOM (CycloneDX)"}</button>
            {for failed.map(|why| html! { <p class="error-text" data-testid="sbom-error">{why}</p> })}
        </div>
    }
}

/// A container image's plan: its name, config and layers.
fn image_view(image: &crate::drv::ImagePlan) -> Html {
    let tag = if image.tag.is_empty() {
        "(the hash of its output, known after the build)".to_string()
    } else {
        image.tag.clone()
    };
    let layers: Html = image
        .layers
        .iter()
        .map(|(paths, customisation)| {
            let what = if *customisation {
                html! { <em>{"customisation layer: links to the contents at the image's root"}</em> }
            } else {
                html! { <>{for paths.iter().map(|p| html! { <code>{p.clone()}</code> })}</> }
            };
            html! { <li>{what}</li> }
        })
        .collect();
    html! {
        <section class="drv-image" data-testid="drv-image">
            <h4>{"Container image"}</h4>
            <p><code>{image.name.clone()}</code>{" tag "}<code>{tag}</code></p>
            <h5>{"Config"}</h5>
            <pre class="text-out" data-testid="image-config">{image.config.clone()}</pre>
            <h5>{format!("Layers ({}, bottom first)", image.layers.len())}</h5>
            <ol class="image-layers" data-testid="image-layers">{layers}</ol>
        </section>
    }
}

/// The SBOM button's inputs.
#[derive(Properties, PartialEq)]
struct SbomButtonProps {
    result: ResultId,
    /// The root's label among the result's derivations ("" for the value itself).
    root: String,
    /// The derivation's name, for the file name.
    name: String,
}

fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let mut s: String = name.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// The derivation view.
#[function_component(DerivationView)]
pub fn derivation_view(props: &DerivationViewProps) -> Html {
    let selected = use_state(|| 0usize);
    let report = &props.report;
    if report.nodes.is_empty() {
        return html! {
            <p class="muted" data-testid="no-derivation">
                {"The value is not a derivation, nor a set or list of derivations."}</p>
        };
    }
    let sel = (*selected).min(report.nodes.len() - 1);
    let node = &report.nodes[sel];
    // An SBOM is made for a derivation of the result itself (not for an input).
    let root_label = report
        .roots
        .iter()
        .find(|(_, path)| *path == node.drv_path)
        .map(|(label, _)| label.clone());

    let roots: Html = report
        .roots
        .iter()
        .filter_map(|(label, path)| {
            let i = report.nodes.iter().position(|n| &n.drv_path == path)?;
            let selected = selected.clone();
            let onclick = Callback::from(move |_| selected.set(i));
            let text = if label.is_empty() {
                report.nodes[i].name.clone()
            } else {
                format!("{label}: {}", report.nodes[i].name)
            };
            Some(html! {
                <button class={classes!("drv-root", (i == sel).then_some("active"))} {onclick}>{text}</button>
            })
        })
        .collect();

    let g = layout(report);
    let edges: Html = g
        .edges
        .iter()
        .map(|&(a, b)| {
            let (pa, pb) = (&g.boxes[a], &g.boxes[b]);
            html! {
                <line class="drv-edge" x1={(pa.x + BOX_W).to_string()} y1={(pa.y + BOX_H / 2.0).to_string()}
                    x2={(pb.x - 2.0).to_string()} y2={(pb.y + BOX_H / 2.0).to_string()} marker-end="url(#drv-arrow)" />
            }
        })
        .collect();
    let boxes: Html = g
        .boxes
        .iter()
        .map(|p| {
            let n = &report.nodes[p.node];
            let i = p.node;
            let selected = selected.clone();
            let onclick = Callback::from(move |_| selected.set(i));
            html! {
                <g class={classes!("drv-node", (i == sel).then_some("active"))} {onclick} data-testid="drv-node">
                    <title>{n.drv_path.clone()}</title>
                    <rect x={p.x.to_string()} y={p.y.to_string()} width={BOX_W.to_string()} height={BOX_H.to_string()} rx="5" />
                    <text x={(p.x + 8.0).to_string()} y={(p.y + 22.0).to_string()}>{short(&n.name, 24)}</text>
                </g>
            }
        })
        .collect();
    let graph = html! {
        <svg class="drv-graph" data-testid="drv-graph" role="img" aria-label="Dependency graph of input derivations"
            width={g.width.to_string()} height={g.height.to_string()}
            viewBox={format!("0 0 {} {}", g.width, g.height)}>
            <defs>
                <marker id="drv-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
                    <path d="M 0 0 L 10 5 L 0 10 z" class="drv-arrowhead" />
                </marker>
            </defs>
            {edges}{boxes}
        </svg>
    };

    let outputs: Html = node
        .outputs
        .iter()
        .map(|(name, path)| html! { <tr><th>{name.clone()}</th><td><code>{path.clone()}</code></td></tr> })
        .collect();
    let inputs: Html = node
        .inputs
        .iter()
        .enumerate()
        .map(|(i, (path, outs))| {
            let roles = node.input_roles.get(i).map(Vec::as_slice).unwrap_or_default();
            html! {
                <li>
                    <code>{path.clone()}</code>{format!(" ({})", outs.join(", "))}
                    {for (!roles.is_empty()).then(|| html! {
                        <div class="drv-roles" data-testid="drv-input-roles">{roles_text(roles)}</div>
                    })}
                </li>
            }
        })
        .chain(node.input_srcs.iter().map(|p| html! { <li><code>{p.clone()}</code>{" (source)"}</li> }))
        .collect();

    html! {
        <div class="drv-view" data-testid="derivation">
            <div class="drv-roots">{roots}</div>
            {for report.truncated.then(|| html! { <p class="muted">{"Only the first derivations are shown."}</p> })}
            <div class="drv-graph-box">{graph}</div>
            <h3 data-testid="drv-name">{node.name.clone()}</h3>
            {for root_label.map(|root| html! {
                <SbomButton result={props.result} {root} name={node.name.clone()} />
            })}
            <table class="drv-paths">
                <tr><th>{"drvPath"}</th><td><code data-testid="drv-path">{node.drv_path.clone()}</code></td></tr>
                {outputs}
            </table>
            {for node.image.as_ref().map(image_view)}
            {for (!node.inputs.is_empty() || !node.input_srcs.is_empty()).then(|| html! {
                <><h4>{"Inputs"}</h4><ul class="drv-inputs">{inputs}</ul></>
            })}
            <h4>{"ATerm (the .drv file)"}</h4>
            <pre class="text-out drv-aterm" data-testid="drv-aterm">{node.aterm.clone()}</pre>
            <h4>{"nix derivation show"}</h4>
            <pre class="text-out" data-testid="drv-json">{node.show_json.clone()}</pre>
        </div>
    }
}

/// Where an input is used: the attributes naming it, each dependency attribute with the
/// platform its packages come from.
fn roles_text(roles: &[String]) -> String {
    let parts: Vec<String> = roles
        .iter()
        .map(
            |role| match DEPENDENCY_ROLES.iter().find(|(name, _)| name == role) {
                Some((name, platform)) => format!("{name}: {platform}"),
                None => role.clone(),
            },
        )
        .collect();
    format!("in {}", parts.join("; "))
}
