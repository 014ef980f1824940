//! What the data-driven tests share.

use std::path::Path;

/// The experimental features a case enables on its first line
/// (`# experimental-features: ca-derivations ...`; the scripts that ask real Nix for the
/// expected answers pass them to Nix too).
pub fn experimental_features(case: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(case).unwrap_or_default();
    text.lines()
        .next()
        .and_then(|line| line.strip_prefix("# experimental-features:"))
        .map(|names| names.split_whitespace().map(String::from).collect())
        .unwrap_or_default()
}
