//! The real, read-only filesystem and environment, for the command line.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;

use nixpad_eval::{EvalIO, FileType};

/// The system's text for an I/O error (`No such file or directory`), without Rust's
/// ` (os error 2)`, as Nix prints it.
fn system_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Reads files and environment variables of the machine the CLI runs on.
///
/// As Nix, it looks up each path once (`lstat`) and remembers the answer for as long as
/// it lives (one evaluation): an evaluation resolves the same files again and again
/// (every `import` of a file, `pathExists`, `readFileType`, a file's stamp), and the
/// filesystem is not expected to change under it.
#[derive(Default)]
pub struct FsIO {
    lstat: RefCell<HashMap<String, Option<std::fs::Metadata>>>,
}

impl FsIO {
    /// A reader of the machine's files that has looked up no path yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// What `lstat` says of `path` (a symbolic link is not followed), looked up once.
    fn lstat(&self, path: &str) -> Option<std::fs::Metadata> {
        if let Some(known) = self.lstat.borrow().get(path) {
            return known.clone();
        }
        let found = std::fs::symlink_metadata(path).ok();
        self.lstat
            .borrow_mut()
            .insert(path.to_string(), found.clone());
        found
    }
}

/// The kind of file `meta` describes.
fn file_type_of(meta: &std::fs::Metadata) -> FileType {
    let t = meta.file_type();
    if t.is_symlink() {
        FileType::Symlink
    } else if t.is_dir() {
        FileType::Directory
    } else if t.is_file() {
        FileType::Regular
    } else {
        FileType::Unknown
    }
}

impl EvalIO for FsIO {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        // Source files are small: reading into a growing buffer costs less than asking
        // for the size first (`std::fs::read` does).
        let mut bytes = Vec::with_capacity(16 * 1024);
        std::fs::File::open(path)
            .and_then(|mut file| file.read_to_end(&mut bytes))
            .map(|_| bytes)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
                    format!("opening file '{path}': {}", system_message(&e))
                }
                _ => format!("reading from file '{path}': {}", system_message(&e)),
            })
    }

    fn file_type(&self, path: &str) -> Option<FileType> {
        self.lstat(path).as_ref().map(file_type_of)
    }

    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String> {
        let mut out = Vec::new();
        let failed =
            |e: std::io::Error| format!("reading directory {path}: {}", system_message(&e));
        let entries = std::fs::read_dir(path).map_err(failed)?;
        for entry in entries {
            let entry = entry.map_err(failed)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            // The directory listing says each entry's type (no `stat` per entry).
            let kind = match entry.file_type() {
                Ok(t) if t.is_symlink() => FileType::Symlink,
                Ok(t) if t.is_dir() => FileType::Directory,
                Ok(t) if t.is_file() => FileType::Regular,
                Ok(_) => FileType::Unknown,
                Err(_) => {
                    let full = format!("{}/{}", path.trim_end_matches('/'), name);
                    self.file_type(&full).unwrap_or(FileType::Unknown)
                }
            };
            out.push((name, kind));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    fn read_link(&self, path: &str) -> Result<String, String> {
        std::fs::read_link(path)
            .map(|p| p.to_string_lossy().into_owned())
            .map_err(|e| format!("reading symbolic link '{path}': {e}"))
    }

    fn is_executable(&self, path: &str) -> bool {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }

    fn env_var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }

    fn modified_time(&self, path: &str) -> Option<i64> {
        let modified = std::fs::symlink_metadata(path).ok()?.modified().ok()?;
        modified
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs() as i64)
    }

    fn current_time(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }

    fn trace(&self, line: &str) {
        eprintln!("{line}");
    }

    fn keeps_lowerings(&self) -> bool {
        lowered_dir().is_some()
    }

    fn cached_lowering(&self, fingerprint: &str, key: &str) -> Option<Vec<u8>> {
        std::fs::read(lowered_dir()?.join(fingerprint).join(key)).ok()
    }

    /// Device, inode, size and both times of the file (following symlinks, as reading
    /// does). A file whose change time is less than two seconds old gets none: the
    /// filesystem's clock ticks coarsely, so another write within the same tick could
    /// leave every part of the stamp as it is.
    fn source_stamp(&self, path: &str) -> Option<String> {
        use std::os::unix::fs::MetadataExt;
        let meta = match self.lstat(path) {
            Some(meta) if !meta.file_type().is_symlink() => meta,
            _ => std::fs::metadata(path).ok()?,
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs() as i64;
        if !meta.is_file() || now - meta.ctime() < 2 {
            return None;
        }
        Some(format!(
            "{}:{}:{}:{}.{}:{}.{}",
            meta.dev(),
            meta.ino(),
            meta.size(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec()
        ))
    }

    /// Writes the entry under a temporary name and renames it into place, so a reader
    /// never sees half of one. The first entry of a new evaluator build removes the
    /// entries of the others; the first entry a process writes keeps the build's entries
    /// within [`MAX_LOWERED_ENTRIES`]. Failures only cost speed, so they are ignored.
    fn store_lowering(&self, fingerprint: &str, key: &str, bytes: &[u8]) {
        let Some(root) = lowered_dir() else { return };
        let dir = root.join(fingerprint);
        if !dir.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&root) {
                for entry in entries.flatten() {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
            if std::fs::create_dir_all(&dir).is_err() {
                return;
            }
        }
        static BOUNDED: std::sync::Once = std::sync::Once::new();
        BOUNDED.call_once(|| keep_newest_entries(&dir));
        let partial = dir.join(format!("{key}.{}.partial", std::process::id()));
        if std::fs::write(&partial, bytes).is_ok()
            && std::fs::rename(&partial, dir.join(key)).is_err()
        {
            let _ = std::fs::remove_file(&partial);
        }
    }
}

/// The most entries one evaluator build's lowered-file cache keeps. Every file a user
/// evaluates gets one, and a changed file a new one, so without a bound a cache fed by
/// generated or edited files would grow for ever; the nixpkgs-lite package set needs ~50.
const MAX_LOWERED_ENTRIES: usize = 4096;

/// When `dir` holds more than [`MAX_LOWERED_ENTRIES`] entries, removes the oldest-written
/// until half of that is left (entries are rewritten when they are missed again).
fn keep_newest_entries(dir: &std::path::Path) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<_> = listing.flatten().collect();
    if entries.len() <= MAX_LOWERED_ENTRIES {
        return;
    }
    let mut written: Vec<_> = entries
        .iter()
        .map(|entry| {
            let when = entry.metadata().and_then(|m| m.modified()).ok();
            (when, entry.path())
        })
        .collect();
    written.sort();
    for (_, path) in &written[..written.len() - MAX_LOWERED_ENTRIES / 2] {
        let _ = std::fs::remove_file(path);
    }
}

/// Where the lowered-file cache lives: `$NIXPAD_CACHE_DIR/lowered` (an empty value
/// turns the cache off), else `$XDG_CACHE_HOME/nixpad/lowered`, else
/// `~/.cache/nixpad/lowered`.
fn lowered_dir() -> Option<std::path::PathBuf> {
    let set = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = match std::env::var_os("NIXPAD_CACHE_DIR") {
        Some(dir) if dir.is_empty() => return None,
        Some(dir) => std::path::PathBuf::from(dir),
        None => match set("XDG_CACHE_HOME") {
            Some(dir) => std::path::PathBuf::from(dir).join("nixpad"),
            None => std::path::PathBuf::from(set("HOME")?).join(".cache/nixpad"),
        },
    };
    Some(base.join("lowered"))
}
