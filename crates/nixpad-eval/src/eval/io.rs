//! The evaluator's only door to the outside world.

use std::collections::BTreeMap;
use std::rc::Rc;

/// What kind of filesystem object a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    /// A regular file.
    Regular,
    /// A directory.
    Directory,
    /// A symbolic link.
    Symlink,
    /// Anything else (sockets, devices).
    Unknown,
}

/// Everything the evaluator may ask of its host. Paths are absolute.
pub trait EvalIO {
    /// The bytes of a file.
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String>;
    /// The type of the object at `path` (without following a final symlink), if it exists.
    fn file_type(&self, path: &str) -> Option<FileType>;
    /// The entries of a directory, with their types.
    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String>;
    /// The target of a symbolic link.
    fn read_link(&self, path: &str) -> Result<String, String>;
    /// Whether a file is executable (for NAR hashing).
    fn is_executable(&self, _path: &str) -> bool {
        false
    }
    /// An environment variable (for `builtins.getEnv`, `NIX_PATH`, `HOME`).
    fn env_var(&self, name: &str) -> Option<String>;
    /// When the object at `path` was last modified, in seconds since the epoch, if the
    /// host knows (flakes' `lastModified` of a `path:` input).
    fn modified_time(&self, _path: &str) -> Option<i64> {
        None
    }
    /// Seconds since the epoch (for `builtins.currentTime`).
    fn current_time(&self) -> i64 {
        0
    }
    /// Called for each `builtins.trace` / `warn` line and each warning as it happens, as
    /// Nix writes it (the evaluator calls it through [`log`]).
    fn trace(&self, _line: &str) {}
    /// Why reading `path` is refused (pure evaluation mode), if it is.
    fn access_error(&self, _path: &str) -> Option<String> {
        None
    }
    /// Whether the host keeps lowered files ([`EvalIO::cached_lowering`]); when not, the
    /// evaluator does not compute keys or encode lowerings for it.
    fn keeps_lowerings(&self) -> bool {
        false
    }
    /// A lowered file stored earlier with [`EvalIO::store_lowering`] under `key` by an
    /// evaluator whose build is `fingerprint`, if the host keeps such a cache (the
    /// command line does, across processes). The evaluator checks what it gets back.
    fn cached_lowering(&self, _fingerprint: &str, _key: &str) -> Option<Vec<u8>> {
        None
    }
    /// Offers a lowered file to the host's cache; a host without one ignores it.
    fn store_lowering(&self, _fingerprint: &str, _key: &str, _bytes: &[u8]) {}
    /// A short text that changes whenever the regular file at `path` changes (a real
    /// filesystem's device, inode, size and modification and change times), so that its
    /// cached lowering can be found without reading it; `None` when the host cannot say,
    /// or the file changed so recently that a further change might keep the same stamp.
    fn source_stamp(&self, _path: &str) -> Option<String> {
        None
    }
}

/// Hands `message` to the host ([`EvalIO::trace`]) as Nix's logger writes it (see
/// [`crate::print::as_logged`]), and returns the line written.
pub fn log(io: &dyn EvalIO, message: &str) -> String {
    let line = crate::print::as_logged(message);
    io.trace(&line);
    line
}

/// An in-memory, read-only file tree (the browser and lessons use it).
#[derive(Clone, Debug, Default)]
pub struct MemoryIO {
    files: BTreeMap<String, Vec<u8>>,
    env: BTreeMap<String, String>,
}

impl MemoryIO {
    /// An empty tree.
    pub fn new() -> MemoryIO {
        MemoryIO::default()
    }

    /// Adds a file at an absolute path (parent directories are implied).
    pub fn add_file(&mut self, path: &str, contents: impl Into<Vec<u8>>) {
        self.files
            .insert(crate::path::canonicalise(path), contents.into());
    }

    /// Sets an environment variable seen by `builtins.getEnv`.
    pub fn set_env(&mut self, name: &str, value: &str) {
        self.env.insert(name.to_string(), value.to_string());
    }

    fn is_dir(&self, path: &str) -> bool {
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        self.files
            .range(prefix.clone()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(&prefix))
    }
}

impl EvalIO for MemoryIO {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        match self.files.get(path) {
            Some(c) => Ok(c.clone()),
            None if self.is_dir(path) => Err(format!("reading file '{path}': Is a directory")),
            None => Err(format!("opening file '{path}': No such file or directory")),
        }
    }

    fn file_type(&self, path: &str) -> Option<FileType> {
        if self.files.contains_key(path) {
            Some(FileType::Regular)
        } else if self.is_dir(path) {
            Some(FileType::Directory)
        } else {
            None
        }
    }

    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String> {
        if !self.is_dir(path) {
            return Err(format!(
                "cannot read directory '{path}': No such file or directory"
            ));
        }
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        let mut out: Vec<(String, FileType)> = Vec::new();
        for (k, _) in self.files.range(prefix.clone()..) {
            let Some(rest) = k.strip_prefix(&prefix) else {
                break;
            };
            let (name, kind) = match rest.find('/') {
                Some(i) => (&rest[..i], FileType::Directory),
                None => (rest, FileType::Regular),
            };
            if out.last().map(|(n, _)| n.as_str()) != Some(name) {
                out.push((name.to_string(), kind));
            }
        }
        Ok(out)
    }

    fn read_link(&self, path: &str) -> Result<String, String> {
        Err(format!("'{path}' is not a symlink"))
    }

    fn env_var(&self, name: &str) -> Option<String> {
        self.env.get(name).cloned()
    }
}

/// The files Nix's pure evaluation mode may read: only those in the store. Everything
/// else reads as refused (and does not exist, for `pathExists`); environment variables
/// are empty.
pub struct PureIO {
    inner: Rc<dyn EvalIO>,
    store_dir: String,
}

impl PureIO {
    /// Wraps `inner`, allowing the paths below `store_dir`.
    pub fn new(inner: Rc<dyn EvalIO>, store_dir: &str) -> PureIO {
        PureIO {
            inner,
            store_dir: store_dir.trim_end_matches('/').to_string(),
        }
    }
}

impl EvalIO for PureIO {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        match self.access_error(path) {
            Some(e) => Err(e),
            None => self.inner.read_file(path),
        }
    }
    fn file_type(&self, path: &str) -> Option<FileType> {
        self.access_error(path)
            .map_or_else(|| self.inner.file_type(path), |_| None)
    }
    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String> {
        match self.access_error(path) {
            Some(e) => Err(e),
            None => self.inner.read_dir(path),
        }
    }
    fn read_link(&self, path: &str) -> Result<String, String> {
        match self.access_error(path) {
            Some(e) => Err(e),
            None => self.inner.read_link(path),
        }
    }
    fn is_executable(&self, path: &str) -> bool {
        self.access_error(path).is_none() && self.inner.is_executable(path)
    }
    fn env_var(&self, _name: &str) -> Option<String> {
        None
    }
    fn current_time(&self) -> i64 {
        self.inner.current_time()
    }
    fn trace(&self, line: &str) {
        self.inner.trace(line)
    }
    fn keeps_lowerings(&self) -> bool {
        self.inner.keeps_lowerings()
    }
    fn cached_lowering(&self, fingerprint: &str, key: &str) -> Option<Vec<u8>> {
        self.inner.cached_lowering(fingerprint, key)
    }
    fn store_lowering(&self, fingerprint: &str, key: &str, bytes: &[u8]) {
        self.inner.store_lowering(fingerprint, key, bytes)
    }
    fn source_stamp(&self, path: &str) -> Option<String> {
        match self.access_error(path) {
            Some(_) => None,
            None => self.inner.source_stamp(path),
        }
    }
    /// Nix checks a path one component at a time from the root, so it names the first
    /// directory below `/` that is not allowed.
    fn access_error(&self, path: &str) -> Option<String> {
        let inside = path
            .strip_prefix(&self.store_dir)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        if inside {
            return None;
        }
        let first = path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        Some(format!(
            "access to absolute path '/{first}' is forbidden in pure evaluation mode (use '--impure' to override)"
        ))
    }
}

/// Reads `path` (a file, a symlink or a directory tree) through `io` into a NAR tree, or
/// says why it cannot.
pub fn read_nar(io: &dyn EvalIO, path: &str) -> Result<crate::store::NarNode, String> {
    use crate::store::NarNode;
    match io.file_type(path) {
        Some(FileType::Regular) => Ok(NarNode::Regular {
            executable: io.is_executable(path),
            contents: io.read_file(path)?,
        }),
        Some(FileType::Symlink) => Ok(NarNode::Symlink {
            target: io.read_link(path)?.into_bytes(),
        }),
        Some(FileType::Directory) => {
            let mut children = Vec::new();
            for (name, _) in io.read_dir(path)? {
                let child = read_nar(io, &format!("{}/{}", path.trim_end_matches('/'), name))?;
                children.push((name.into_bytes(), child));
            }
            Ok(NarNode::Directory(children))
        }
        Some(FileType::Unknown) => Err(format!("file '{path}' has an unsupported type")),
        None => Err(io
            .access_error(path)
            .unwrap_or_else(|| format!("path '{path}' does not exist"))),
    }
}
