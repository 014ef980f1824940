//! What the integration tests share.

use std::path::Path;

use nixpad_lessons::FileTree;

/// Reads the files below `dir` into `out`, named by their path under it (after `prefix`),
/// in a fixed order.
pub fn read_tree(dir: &Path, prefix: &str, out: &mut FileTree) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if e.path().is_dir() {
            read_tree(&e.path(), &rel, out);
        } else {
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
}
