//! "Did you mean ...?" suggestions, as Nix gives them for misspelt attribute names.

/// Levenshtein distance between two strings (by bytes).
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// `Did you mean a?` / `Did you mean one of a or b?` for names close to `wanted`
/// (edit distance at most 2, up to 5 names, closest first then alphabetical).
pub fn did_you_mean<'a>(
    wanted: &'a str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean_any([(wanted, candidates)])
}

/// [`did_you_mean`] for several misspelt names at once, each with the names it could
/// have meant: one suggestion, as Nix merges those of the attribute paths it tried.
pub fn did_you_mean_any<'a, C: Iterator<Item = &'a str>>(
    queries: impl IntoIterator<Item = (&'a str, C)>,
) -> Option<String> {
    let mut close: Vec<(usize, &str)> = queries
        .into_iter()
        .flat_map(|(wanted, candidates)| candidates.map(move |c| (distance(wanted, c), c)))
        .filter(|(d, _)| *d <= 2)
        .collect();
    crate::sort::sort_by(&mut close, Ord::cmp);
    close.dedup();
    close.truncate(5);
    match close.as_slice() {
        [] => None,
        [(_, one)] => Some(format!("Did you mean {one}?")),
        many => {
            let names: Vec<&str> = many.iter().map(|(_, n)| *n).collect();
            let (last, first) = names.split_last().expect("at least two");
            Some(format!(
                "Did you mean one of {} or {}?",
                first.join(", "),
                last
            ))
        }
    }
}
