//! Small, failure-tolerant wrappers over browser APIs (storage, location, clipboard,
//! downloads, the panic hook). None of them panics: a missing API is an `Err` or a no-op.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// A localStorage value: `None` when absent, `Err` when storage cannot be used.
pub fn storage_get(key: &str) -> Option<Result<String, String>> {
    let storage = match window().map(|w| w.local_storage()) {
        Some(Ok(Some(s))) => s,
        _ => return Some(Err("localStorage is not available".into())),
    };
    match storage.get_item(key) {
        Ok(Some(v)) => Some(Ok(v)),
        Ok(None) => None,
        Err(_) => Some(Err("localStorage refused the read".into())),
    }
}

/// Stores a localStorage value.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    let storage = match window().map(|w| w.local_storage()) {
        Some(Ok(Some(s))) => s,
        _ => return Err("localStorage is not available".into()),
    };
    storage
        .set_item(key, value)
        .map_err(|_| "localStorage is full or disabled".to_string())
}

/// `location.hash` ("" when unavailable).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `location.search` (the query string, "" when unavailable).
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// What a fetch found: the body, or a 404 (`None`); any other failure is an error
/// naming the HTTP status or the network problem.
pub async fn fetch_bytes(url: &str) -> Result<Option<Vec<u8>>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let w = window().ok_or("no window")?;
    let response = JsFuture::from(w.fetch_with_str(url)).await.map_err(|e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}"));
        format!("network error ({detail})")
    })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not an HTTP response".to_string())?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = response.array_buffer().map_err(|e| format!("{e:?}"))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|e| format!("the download broke off ({e:?})"))?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Replaces the fragment without adding a history entry.
pub fn replace_hash(hash: &str) {
    if let Some(w) = window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
        }
    }
}

/// The page's URL without its fragment.
pub fn page_url() -> String {
    let Some(w) = window() else {
        return String::new();
    };
    let href = w.location().href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}

/// Puts text on the clipboard; `done` learns whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// A `performance.mark` (for the benchmark script).
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Removes index.html's first view (`#boot`, shown on a first visit until the app
/// answers; see static/boot.js), if it is still there.
pub fn remove_boot_view() {
    if let Some(view) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        view.remove();
    }
}

/// Milliseconds since navigation start.
pub fn now() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Shows a panic as a message on the page (in `#fatal`, as text) and in the console.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message =
            format!("Nixpad hit a bug and stopped: {info}. Reload the page; your files are saved.");
        web_sys::console::error_1(&JsValue::from_str(&message));
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let Some(el) = doc.get_element_by_id("fatal") else {
            return;
        };
        el.set_text_content(Some(&message));
        let _ = el.remove_attribute("hidden");
        remove_boot_view();
    }));
}

/// Sets a CSS property through the CSSOM (allowed by a strict style-src CSP).
pub fn set_style(el: &web_sys::Element, property: &str, value: &str) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.style().set_property(property, value);
    }
}

/// Runs the browser's own `insertText` on the focused field (keeps native undo).
/// Returns false when the browser does not support it.
pub fn insert_text(text: &str) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(doc) = doc.dyn_into::<web_sys::HtmlDocument>() else {
        return false;
    };
    let command = if text.is_empty() {
        "delete"
    } else {
        "insertText"
    };
    doc.exec_command_with_show_ui_and_value(command, false, text)
        .unwrap_or(false)
}

/// Starts a download of `text` as file `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
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
