//! Flake sources in the (virtual) store: a folder of the host or files shipped with the
//! app, copied to `/nix/store/HASH-source` by their NAR hash as Nix copies them, and an
//! [`EvalIO`] that reads those store paths from where the files really are.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use nixpad_eval::store::{self, HashAlgo, NarNode};
use nixpad_eval::{EvalIO, FileType, MemoryIO};

/// Where a source's files are.
#[derive(Clone, Debug)]
pub enum Tree {
    /// A folder of the host, read through the host's `EvalIO`.
    Host(String),
    /// Files shipped with the app, at their store paths.
    Memory(Rc<MemoryIO>),
}

/// A source copied to the store: its store path and what Nix records about it.
#[derive(Clone, Debug)]
pub struct Source {
    /// `/nix/store/HASH-source`.
    pub store_path: String,
    /// `sha256-...` of its NAR serialisation.
    pub nar_hash: String,
    /// Seconds since the epoch of its newest file (0 when unknown).
    pub last_modified: i64,
    /// Where its files are.
    pub tree: Tree,
}

/// Reads the store paths of every source added so far from their trees; any other path
/// goes to the host.
pub struct FlakeIO {
    host: Rc<dyn EvalIO>,
    mounts: RefCell<Vec<(String, Tree)>>,
}

impl FlakeIO {
    /// No sources yet; everything reads from `host`.
    pub fn new(host: Rc<dyn EvalIO>) -> FlakeIO {
        FlakeIO {
            host,
            mounts: RefCell::new(Vec::new()),
        }
    }

    /// The host this reads through.
    pub fn host(&self) -> &Rc<dyn EvalIO> {
        &self.host
    }

    /// Makes `source`'s store path readable.
    pub fn mount(&self, source: &Source) {
        let mut mounts = self.mounts.borrow_mut();
        if !mounts.iter().any(|(p, _)| *p == source.store_path) {
            mounts.push((source.store_path.clone(), source.tree.clone()));
        }
    }

    /// Who reads `path`: the host (at the path of the folder mounted there), or the
    /// in-memory files of a source shipped with the app.
    fn locate(&self, path: &str) -> Located {
        for (store_path, tree) in self.mounts.borrow().iter() {
            let rest = match path.strip_prefix(store_path.as_str()) {
                Some("") => "",
                Some(r) if r.starts_with('/') => &r[1..],
                _ => continue,
            };
            return match tree {
                Tree::Host(dir) if rest.is_empty() => Located::Host(dir.clone()),
                Tree::Host(dir) => Located::Host(format!("{}/{}", dir.trim_end_matches('/'), rest)),
                Tree::Memory(files) => Located::Memory(files.clone()),
            };
        }
        Located::Host(path.to_string())
    }
}

enum Located {
    Host(String),
    Memory(Rc<MemoryIO>),
}

impl EvalIO for FlakeIO {
    fn read_file(&self, path: &str) -> Result<Vec<u8>, String> {
        match self.locate(path) {
            Located::Host(p) => self.host.read_file(&p).map_err(|e| e.replace(&p, path)),
            Located::Memory(files) => files.read_file(path),
        }
    }
    fn file_type(&self, path: &str) -> Option<FileType> {
        match self.locate(path) {
            Located::Host(p) => self.host.file_type(&p),
            Located::Memory(files) => files.file_type(path),
        }
    }
    fn read_dir(&self, path: &str) -> Result<Vec<(String, FileType)>, String> {
        match self.locate(path) {
            Located::Host(p) => self.host.read_dir(&p).map_err(|e| e.replace(&p, path)),
            Located::Memory(files) => files.read_dir(path),
        }
    }
    fn read_link(&self, path: &str) -> Result<String, String> {
        match self.locate(path) {
            Located::Host(p) => self.host.read_link(&p),
            Located::Memory(files) => files.read_link(path),
        }
    }
    fn is_executable(&self, path: &str) -> bool {
        match self.locate(path) {
            Located::Host(p) => self.host.is_executable(&p),
            Located::Memory(_) => false,
        }
    }
    fn modified_time(&self, path: &str) -> Option<i64> {
        match self.locate(path) {
            Located::Host(p) => self.host.modified_time(&p),
            Located::Memory(_) => None,
        }
    }
    fn env_var(&self, name: &str) -> Option<String> {
        self.host.env_var(name)
    }
    fn current_time(&self) -> i64 {
        self.host.current_time()
    }
    fn trace(&self, line: &str) {
        self.host.trace(line)
    }
    fn keeps_lowerings(&self) -> bool {
        self.host.keeps_lowerings()
    }
    fn cached_lowering(&self, fingerprint: &str, key: &str) -> Option<Vec<u8>> {
        self.host.cached_lowering(fingerprint, key)
    }
    fn store_lowering(&self, fingerprint: &str, key: &str, bytes: &[u8]) {
        self.host.store_lowering(fingerprint, key, bytes)
    }
    fn source_stamp(&self, path: &str) -> Option<String> {
        match self.locate(path) {
            Located::Host(p) => self.host.source_stamp(&p),
            Located::Memory(_) => None,
        }
    }
}

/// The NAR tree of a host folder and its newest modification time.
fn host_tree(io: &dyn EvalIO, path: &str, newest: &mut i64) -> Result<NarNode, String> {
    if let Some(t) = io.modified_time(path) {
        *newest = (*newest).max(t);
    }
    match io.file_type(path) {
        Some(FileType::Directory) => {
            let mut entries = Vec::new();
            for (name, _) in io.read_dir(path)? {
                let child = format!("{}/{}", path.trim_end_matches('/'), name);
                entries.push((name.into_bytes(), host_tree(io, &child, newest)?));
            }
            Ok(NarNode::Directory(entries))
        }
        Some(FileType::Regular) => Ok(NarNode::Regular {
            executable: io.is_executable(path),
            contents: io.read_file(path)?,
        }),
        Some(FileType::Symlink) => Ok(NarNode::Symlink {
            target: io.read_link(path)?.into_bytes(),
        }),
        Some(FileType::Unknown) => Err(format!("file '{path}' has an unsupported type")),
        None => Err(format!("path '{path}' does not exist")),
    }
}

/// The NAR tree of in-memory files (relative paths).
fn memory_tree(files: &BTreeMap<String, Vec<u8>>) -> NarNode {
    fn insert(dir: &mut Vec<(Vec<u8>, NarNode)>, parts: &[&str], contents: &[u8]) {
        let name = parts[0].as_bytes().to_vec();
        if parts.len() == 1 {
            dir.push((
                name,
                NarNode::Regular {
                    executable: false,
                    contents: contents.to_vec(),
                },
            ));
            return;
        }
        let at = match dir.iter().position(|(n, _)| *n == name) {
            Some(i) => i,
            None => {
                dir.push((name, NarNode::Directory(Vec::new())));
                dir.len() - 1
            }
        };
        if let NarNode::Directory(children) = &mut dir[at].1 {
            insert(children, &parts[1..], contents);
        }
    }
    let mut root = Vec::new();
    for (path, contents) in files {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        if !parts.is_empty() {
            insert(&mut root, &parts, contents);
        }
    }
    NarNode::Directory(root)
}

fn source_of(
    store_dir: &str,
    node: &NarNode,
    last_modified: i64,
    tree: impl FnOnce(&str) -> Tree,
) -> Source {
    let store_path = store::make_source_path(store_dir, "source", node);
    Source {
        nar_hash: store::to_sri(HashAlgo::Sha256, &store::nar_sha256(node)),
        last_modified,
        tree: tree(&store_path),
        store_path,
    }
}

/// Copies a host folder to the store (as `path:` flakes are).
pub fn host_source(io: &dyn EvalIO, store_dir: &str, dir: &str) -> Result<Source, String> {
    let mut newest = 0;
    let node = host_tree(io, dir, &mut newest)?;
    Ok(source_of(store_dir, &node, newest, |_| {
        Tree::Host(dir.to_string())
    }))
}

/// Copies files shipped with the app to the store, with a fixed modification time.
pub fn memory_source(
    store_dir: &str,
    files: BTreeMap<String, Vec<u8>>,
    last_modified: i64,
) -> Source {
    let node = memory_tree(&files);
    source_of(store_dir, &node, last_modified, |store_path| {
        let mut io = MemoryIO::new();
        for (path, bytes) in files {
            io.add_file(&format!("{store_path}/{path}"), bytes);
        }
        Tree::Memory(Rc::new(io))
    })
}

/// `lastModifiedDate`: a time as `YYYYMMDDhhmmss` in UTC.
pub fn format_date(epoch: i64) -> String {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    // Days since 1970-01-01 to a civil date (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// A time as Nix shows it to people: `YYYY-MM-DD hh:mm:ss` in UTC.
pub fn format_readable_date(epoch: i64) -> String {
    let d = format_date(epoch);
    format!(
        "{}-{}-{} {}:{}:{}",
        &d[..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_format_like_nix() {
        assert_eq!(format_date(0), "19700101000000");
        assert_eq!(format_date(1_796_288_076), "20261203085436");
        assert_eq!(format_date(951_782_400), "20000229000000");
        assert_eq!(format_readable_date(1_796_288_076), "2026-12-03 08:54:36");
    }
}
