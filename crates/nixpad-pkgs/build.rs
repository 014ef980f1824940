//! Embeds the package set (`nixpkgs-lite/` at the repository root): every file becomes an
//! `include_bytes!` entry of `$OUT_DIR/nixpkgs_lite_files.rs`, so the browser and the
//! in-process tests have the same files the CLI reads from disk.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // A new file changes its folder's modification time: watch every folder.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, root, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, path.canonicalize().unwrap_or(path)));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../nixpkgs-lite");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    let mut code = String::from("/// Every file of `nixpkgs-lite/`: path relative to it, bytes.\npub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("nixpkgs_lite_files.rs");
    std::fs::write(out, code).expect("write nixpkgs_lite_files.rs");
}
