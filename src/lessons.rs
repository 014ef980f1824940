//! Where the lessons come from (lesson packs fetched when lessons are opened) and the
//! learner's progress key in localStorage. Pure: the page's loader (`app::packs`) fetches.
//!
//! The packs, in the order their chapters are shown:
//! 1. `./curriculum.pack`: the built-in curriculum (the build writes it with `nixpad
//!    lessons pack`);
//! 2. `./workshop.pack`: a workshop's own lessons (`nixpad serve --lessons DIR` serves it);
//! 3. every `?lessons=URL` of the page's address, in order.
//!
//! A 404 for the first two means "none" (a plain static site has no workshop pack; `nixpad
//! serve --only` hides the curriculum); for a `?lessons=` URL it is an error, shown with
//! the URL, while the other packs keep working.

use nixpad_lessons::Progress;

/// localStorage key of the learner's progress (`Progress::to_json`).
pub const PROGRESS_KEY: &str = "nixpad:progress";

/// The built-in curriculum's pack, relative to the page.
pub const CURRICULUM_PACK: &str = "./curriculum.pack";
/// A workshop's pack, relative to the page.
pub const WORKSHOP_PACK: &str = "./workshop.pack";

/// One lesson pack to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackSource {
    /// Its URL, absolute or relative to the page.
    pub url: String,
    /// Whether a 404 means "there is none" rather than an error.
    pub optional: bool,
}

/// The packs to load for a page whose query string is `search` (`?lessons=a.pack&…`).
pub fn pack_sources(search: &str) -> Vec<PackSource> {
    let mut sources = vec![
        PackSource {
            url: CURRICULUM_PACK.into(),
            optional: true,
        },
        PackSource {
            url: WORKSHOP_PACK.into(),
            optional: true,
        },
    ];
    for pair in search.trim_start_matches('?').split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        if key != "lessons" {
            continue;
        }
        let url = percent_decode(value);
        if !url.is_empty() && !sources.iter().any(|s| s.url == url) {
            sources.push(PackSource {
                url,
                optional: false,
            });
        }
    }
    sources
}

/// Decodes `%XX` escapes and `+` (a space) of a query-string value; a malformed escape
/// stays as it is.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads stored progress; anything unreadable is dropped, with a message for the learner.
pub fn load_progress(stored: Option<Result<String, String>>) -> (Progress, Option<String>) {
    match stored {
        None => (Progress::new(), None),
        Some(Err(e)) => (
            Progress::new(),
            Some(format!(
                "Your lesson progress could not be read from this browser ({e})."
            )),
        ),
        Some(Ok(json)) => {
            let (progress, warnings) = Progress::from_json_lossy(&json);
            let notice = (!warnings.is_empty()).then(|| {
                format!(
                    "Saved lesson progress in this browser was damaged and was partly or wholly ignored: {}",
                    warnings.join("; ")
                )
            });
            (progress, notice)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_sources_read_the_query_string() {
        let urls = |s: &str| -> Vec<(String, bool)> {
            pack_sources(s)
                .into_iter()
                .map(|p| (p.url, p.optional))
                .collect()
        };
        assert_eq!(
            urls(""),
            [
                (CURRICULUM_PACK.to_string(), true),
                (WORKSHOP_PACK.to_string(), true)
            ]
        );
        let got = urls("?x=1&lessons=https%3A%2F%2Fex.org%2Fa+b.pack&lessons=&lessons=b.pack&lessons=b.pack&lessons=%zz");
        assert_eq!(
            got[2..],
            [
                ("https://ex.org/a b.pack".to_string(), false),
                ("b.pack".to_string(), false),
                ("%zz".to_string(), false)
            ]
        );
    }

    #[test]
    fn corrupt_progress_is_ignored_with_a_notice() {
        let (p, notice) = load_progress(Some(Ok("{not json".into())));
        assert_eq!(p, Progress::new());
        assert!(notice.is_some());
        assert_eq!(load_progress(None).1, None);
    }
}
