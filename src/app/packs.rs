//! Loads the lesson packs ([`crate::lessons::pack_sources`]) the first time lessons are
//! shown: every pack is fetched at once, each result goes to the lessons slice as it
//! arrives.

use nixpad_lessons::Curriculum;
use yew::UseReducerHandle;

use super::dom;
use super::state::{LessonsAction, LessonsState};
use crate::lessons::pack_sources;

/// Starts loading the packs unless that has started already.
pub fn ensure_loaded(lessons: &UseReducerHandle<LessonsState>) {
    if !lessons.packs.is_empty() {
        return;
    }
    let sources = pack_sources(&dom::location_search());
    lessons.dispatch(LessonsAction::LoadPacks(sources.clone()));
    for source in sources {
        let dispatcher = lessons.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            let result = match dom::fetch_bytes(&source.url).await {
                Ok(Some(bytes)) => Curriculum::from_pack(&bytes)
                    .map(Some)
                    .map_err(|e| e.to_string()),
                Ok(None) if source.optional => Ok(None),
                Ok(None) => Err("not found (HTTP 404)".to_string()),
                Err(e) => Err(e),
            };
            dispatcher.dispatch(LessonsAction::PackArrived(source.url, result));
        });
    }
}
