//! Share links: all files in the URL fragment, compressed (deflate + base64url).
//!
//! Layout before compression: the magic `NXP1`, a LEB128 file count, then for each file
//! its name and its text, each as a LEB128 byte length and the bytes. The text is kept
//! byte for byte (no newline normalisation). Decoding never panics: every malformed input
//! is a [`ShareError`] the page shows.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::files::{validate_tree, MAX_FILES};
use crate::protocol::FileEntry;

const MAGIC: &[u8] = b"NXP1";

/// The fragment parameter that carries the files: `#/?files=...`.
pub const PARAM: &str = "files";

/// Longest encoded link data accepted or produced (characters).
pub const MAX_ENCODED: usize = 200_000;

/// Largest decompressed payload accepted (bytes).
pub const MAX_DECODED: usize = 2 << 20;

/// Why a link could not be opened (or made).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The data is longer than [`MAX_ENCODED`].
    TooLong(usize),
    /// Not base64url.
    NotBase64,
    /// Not deflate data, or cut short.
    Damaged,
    /// Decompresses to more than [`MAX_DECODED`].
    TooBig,
    /// Decompressed, but not our layout (or a layout from a newer version).
    BadLayout(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLong(n) => {
                write!(
                    f,
                    "the link is too long ({n} characters; at most {MAX_ENCODED})"
                )
            }
            ShareError::NotBase64 => write!(
                f,
                "the link contains characters that do not belong in it (was it cut or edited?)"
            ),
            ShareError::Damaged => write!(
                f,
                "the link is damaged or truncated (its data does not decompress)"
            ),
            ShareError::TooBig => write!(
                f,
                "the link's files are too big (over {} MiB)",
                MAX_DECODED >> 20
            ),
            ShareError::BadLayout(why) => {
                write!(f, "the link's data is not a set of Nixpad files ({why})")
            }
        }
    }
}

fn push_len(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The uncompressed layout of `files`.
pub fn pack(files: &[FileEntry]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    push_len(&mut out, files.len());
    for f in files {
        for part in [f.name.as_bytes(), f.text.as_bytes()] {
            push_len(&mut out, part.len());
            out.extend_from_slice(part);
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn len(&mut self) -> Result<usize, ShareError> {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = *self
                .bytes
                .get(self.pos)
                .ok_or_else(|| ShareError::BadLayout("cut short".into()))?;
            self.pos += 1;
            n |= ((byte & 0x7f) as usize) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(ShareError::BadLayout("bad length".into()))
    }

    fn string(&mut self) -> Result<String, ShareError> {
        let n = self.len()?;
        let end = self.pos.checked_add(n).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or_else(|| ShareError::BadLayout("cut short".into()))?;
        let s = std::str::from_utf8(&self.bytes[self.pos..end])
            .map_err(|_| ShareError::BadLayout("text is not UTF-8".into()))?;
        self.pos = end;
        Ok(s.to_string())
    }
}

/// Reads the uncompressed layout back.
pub fn unpack(bytes: &[u8]) -> Result<Vec<FileEntry>, ShareError> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| ShareError::BadLayout("unknown format".into()))?;
    let mut r = Reader {
        bytes: rest,
        pos: 0,
    };
    let count = r.len()?;
    if count > MAX_FILES {
        return Err(ShareError::BadLayout(format!(
            "{count} files, at most {MAX_FILES}"
        )));
    }
    let mut files = Vec::with_capacity(count);
    for _ in 0..count {
        let name = r.string()?;
        let text = r.string()?;
        files.push(FileEntry { name, text });
    }
    if r.pos != rest.len() {
        return Err(ShareError::BadLayout("extra data at the end".into()));
    }
    validate_tree(&files).map_err(ShareError::BadLayout)?;
    Ok(files)
}

/// The link data for `files` (base64url of deflated [`pack`]).
pub fn encode(files: &[FileEntry]) -> Result<String, ShareError> {
    let packed = pack(files);
    let deflated = miniz_oxide::deflate::compress_to_vec(&packed, 9);
    let data = URL_SAFE_NO_PAD.encode(deflated);
    if data.len() > MAX_ENCODED {
        return Err(ShareError::TooLong(data.len()));
    }
    Ok(data)
}

/// The files in link data made by [`encode`].
pub fn decode(data: &str) -> Result<Vec<FileEntry>, ShareError> {
    if data.len() > MAX_ENCODED {
        return Err(ShareError::TooLong(data.len()));
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(data.trim().trim_end_matches('='))
        .map_err(|_| ShareError::NotBase64)?;
    let packed = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_DECODED)
        .map_err(|e| {
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                ShareError::TooBig
            } else {
                ShareError::Damaged
            }
        })?;
    unpack(&packed)
}

/// The link data in a URL fragment (`#/?files=DATA` or `#files=DATA`), if there is one.
pub fn data_in_fragment(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let query = match fragment.split_once('?') {
        Some((_, q)) => q,
        None => fragment,
    };
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(PARAM)?.strip_prefix('='))
}

/// The fragment for a link: `#/?files=DATA`.
pub fn fragment(data: &str) -> String {
    format!("#/?{PARAM}={data}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<FileEntry> {
        list.iter()
            .map(|(n, t)| FileEntry {
                name: n.to_string(),
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn round_trips_byte_for_byte() {
        let original = files(&[
            ("default.nix", "let o = import ./overlay.nix; in o\r\n"),
            ("overlay.nix", "final: prev: { x = \"ü ${\"\\t\"}\"; }\n\n"),
            ("lib/util.nix", ""),
        ]);
        let data = encode(&original).unwrap();
        assert!(
            data.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{data}"
        );
        assert_eq!(decode(&data).unwrap(), original);
        let link = fragment(&data);
        assert_eq!(data_in_fragment(&link), Some(data.as_str()));
        assert_eq!(data_in_fragment("#/examples"), None);
    }

    #[test]
    fn broken_links_are_errors_not_panics() {
        let data = encode(&files(&[("default.nix", &"1 + 1\n".repeat(50))])).unwrap();
        assert_eq!(decode("not base64 !"), Err(ShareError::NotBase64));
        assert!(decode(&data[..data.len() / 2]).is_err());
        assert!(decode("AAAA").is_err());
        assert!(matches!(
            decode(&"A".repeat(MAX_ENCODED + 1)),
            Err(ShareError::TooLong(_))
        ));
        // Every truncation and every single-character change fails cleanly or decodes.
        for cut in 0..data.len() {
            let _ = decode(&data[..cut]);
        }
        let mut bytes = data.clone().into_bytes();
        for i in 0..bytes.len() {
            let old = bytes[i];
            bytes[i] = if old == b'A' { b'B' } else { b'A' };
            let _ = decode(std::str::from_utf8(&bytes).unwrap());
            bytes[i] = old;
        }
    }

    #[test]
    fn rejects_bombs_and_foreign_layouts() {
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            &vec![b'a'; MAX_DECODED + 10],
            9,
        ));
        assert_eq!(decode(&bomb), Err(ShareError::TooBig));
        let foreign =
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{\"json\":1}", 9));
        assert!(matches!(decode(&foreign), Err(ShareError::BadLayout(_))));
        let mut evil = pack(&files(&[("default.nix", "1")]));
        evil[4] = 0x7f; // claims 127 files
        let evil = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&evil, 9));
        assert!(matches!(decode(&evil), Err(ShareError::BadLayout(_))));
        let bad_name = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            &pack(&files(&[("<img src=x onerror=alert(1)>", "1")])),
            9,
        ));
        assert!(matches!(decode(&bad_name), Err(ShareError::BadLayout(_))));
    }
}
