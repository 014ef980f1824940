//! The package set as one compressed file for the browser (`nixpkgs.pack`): the worker
//! fetches it the first time a program or a lesson uses `<nixpkgs>`, so the first load of
//! the page does not carry it.
//!
//! Format: the magic `NIXPKGS1`, then for each file its path's length (4 bytes,
//! little-endian), the path (UTF-8, relative), its size (4 bytes) and its bytes. Not
//! compressed: web servers compress it in transit (gzip, brotli), and a decompressor and
//! a JSON reader would add to the worker's wasm, which every first load fetches.

/// The first bytes of a decompressed pack.
const MAGIC: &[u8] = b"NIXPKGS1";

/// The embedded package set as a pack.
pub fn pack() -> Vec<u8> {
    let mut raw = MAGIC.to_vec();
    let mut files: Vec<&(&str, &[u8])> = crate::files().iter().collect();
    files.sort();
    for (path, bytes) in files {
        for part in [path.as_bytes(), bytes] {
            raw.extend_from_slice(&(part.len() as u32).to_le_bytes());
            raw.extend_from_slice(part);
        }
    }
    raw
}

/// The files of a pack (path relative to the package set's folder, bytes); any damage is
/// an error naming what is wrong, never a panic.
pub fn unpack(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("not a nixpkgs pack (it does not start with NIXPKGS1)")?;
    let mut files = Vec::new();
    while !rest.is_empty() {
        let path = String::from_utf8(take(&mut rest, "file name")?)
            .map_err(|_| "the nixpkgs pack has a file name that is not UTF-8".to_string())?;
        if path
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..")
        {
            return Err(format!("the nixpkgs pack has a bad file name '{path}'"));
        }
        let bytes = take(&mut rest, "file")?;
        files.push((path, bytes));
    }
    Ok(files)
}

/// Reads one length-prefixed part off the front of `rest`.
fn take(rest: &mut &[u8], what: &str) -> Result<Vec<u8>, String> {
    let truncated = || format!("the nixpkgs pack is truncated (in a {what})");
    let (len, after) = rest.split_first_chunk::<4>().ok_or_else(truncated)?;
    let len = u32::from_le_bytes(*len) as usize;
    let part = after.get(..len).ok_or_else(truncated)?.to_vec();
    *rest = &after[len..];
    Ok(part)
}
