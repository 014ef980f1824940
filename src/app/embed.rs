//! `#/embed?code=...`: one runnable block, for sites that can add an `<iframe>` but no
//! script. The page is the embed of `static/embed.js` (one implementation of the embedded
//! editor): it writes the block as a `<pre class="nix-playground">` with the attributes
//! taken from the query and lets embed.js turn it into an editor. The app's header and
//! notices are hidden while this route shows (`body.embed-route` in app.css).
//!
//! Query parameters (values percent-encoded, as `encodeURIComponent` writes them; a `+`
//! stays a plus): `code` (required), `readonly` (no value), `expected`, `timeout` (ms).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The class of the block embed.js enhances.
const BLOCK_CLASS: &str = "nix-playground";

/// The parameters of `#/embed?...`, decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedParams {
    /// The program.
    pub code: String,
    /// Whether the code cannot be edited.
    pub readonly: bool,
    /// The expected output, shown for comparison.
    pub expected: Option<String>,
    /// The time limit of one run, in milliseconds.
    pub timeout: Option<String>,
}

/// Reads the parameters from a fragment (`#/embed?code=1%2B2&readonly`); `decode`
/// percent-decodes one value (`None` when malformed: the raw text is kept).
pub fn parse_params(fragment: &str, decode: impl Fn(&str) -> Option<String>) -> EmbedParams {
    let query = fragment.split_once('?').map_or("", |(_, q)| q);
    let mut params = EmbedParams::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(raw).unwrap_or_else(|| raw.to_string());
        match key {
            "code" => params.code = value,
            "readonly" => params.readonly = value != "false",
            "expected" => params.expected = Some(value),
            "timeout" => params.timeout = Some(value),
            _ => {}
        }
    }
    params
}

/// Builds the `<pre>` for `params` inside `container` and has embed.js enhance it.
fn mount(container: &web_sys::Element, params: &EmbedParams) -> Result<(), JsValue> {
    let document = container
        .owner_document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let pre = document.create_element("pre")?;
    pre.set_class_name(BLOCK_CLASS);
    pre.set_text_content(Some(&params.code));
    if params.readonly {
        pre.set_attribute("data-readonly", "")?;
    }
    if let Some(expected) = &params.expected {
        pre.set_attribute("data-expected", expected)?;
    }
    if let Some(timeout) = &params.timeout {
        pre.set_attribute("data-timeout", timeout)?;
    }
    container.append_child(&pre)?;
    // embed.js already loaded (an earlier visit of this route): enhance the new block.
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let api = js_sys::Reflect::get(&window, &JsValue::from_str("NixpadEmbed"))?;
    if api.is_object() {
        let enhance: js_sys::Function =
            js_sys::Reflect::get(&api, &JsValue::from_str("enhance"))?.dyn_into()?;
        enhance.call1(&api, container)?;
        return Ok(());
    }
    let script = document.create_element("script")?;
    script.set_attribute("src", "embed.js")?;
    script.set_attribute("data-selector", &format!("pre.{BLOCK_CLASS}"))?;
    document
        .head()
        .ok_or_else(|| JsValue::from_str("no <head>"))?
        .append_child(&script)?;
    Ok(())
}

/// The embed route's page.
#[function_component(EmbedPage)]
pub fn embed_page() -> Html {
    let container = use_node_ref();
    let problem = use_state(|| Option::<String>::None);
    {
        let container = container.clone();
        let problem = problem.clone();
        use_effect_with((), move |_| {
            let body = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body());
            if let Some(body) = &body {
                let _ = body.class_list().add_1("embed-route");
            }
            let params = parse_params(&super::dom::location_hash(), |v| {
                js_sys::decode_uri_component(v)
                    .ok()
                    .and_then(|s| s.as_string())
            });
            if params.code.is_empty() {
                problem.set(Some(
                    "Nothing to run: give the code as #/embed?code=... (percent-encoded).".into(),
                ));
            } else if let Some(element) = container.cast::<web_sys::Element>() {
                if let Err(e) = mount(&element, &params) {
                    problem.set(Some(format!("The editor could not be built: {e:?}")));
                }
            }
            move || {
                if let Some(body) = body {
                    let _ = body.class_list().remove_1("embed-route");
                }
            }
        });
    }
    html! {
        <div class="embed-page" ref={container}>
            if let Some(p) = &*problem {
                <p class="embed-problem" role="alert">{p.clone()}</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: &str) -> Option<String> {
        Some(v.replace("%2B", "+").replace("%20", " "))
    }

    #[test]
    fn reads_every_parameter() {
        let p = parse_params(
            "#/embed?code=1%20%2B%202&readonly&expected=3&timeout=500&other=x",
            plain,
        );
        assert_eq!(
            p,
            EmbedParams {
                code: "1 + 2".into(),
                readonly: true,
                expected: Some("3".into()),
                timeout: Some("500".into()),
            }
        );
    }

    #[test]
    fn missing_or_malformed_values_keep_their_text() {
        assert_eq!(parse_params("#/embed", plain), EmbedParams::default());
        let p = parse_params("#/embed?code=1+2&readonly=false", |_| None);
        assert_eq!((p.code.as_str(), p.readonly), ("1+2", false));
    }
}
