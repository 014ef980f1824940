//! Store paths, hashes and NAR serialisation, as pure functions.
//!
//! Everything here is computed from its arguments alone: no file system, no
//! store, no I/O and no panics, so it builds for `wasm32-unknown-unknown`.
//! The evaluator reads files through its own I/O trait and hands the results
//! (bytes, or a [`NarNode`] tree) to these functions.
//!
//! What is here:
//! * [`HashAlgo`] / [`HashFormat`] / [`Hash`](struct@Hash): the four hash algorithms Nix
//!   knows, the four textual encodings (base-16, Nix's base-32, base-64, SRI)
//!   and [`Hash::parse_any`], which accepts what `outputHash`,
//!   `builtins.convertHash` and friends accept, failing with Nix's wording.
//! * Store path construction: [`make_store_path`], [`make_text_path`]
//!   (`builtins.toFile`), [`make_fixed_output_path`] (fixed-output
//!   derivations, `builtins.path` with a hash), [`make_source_path`]
//!   (`"${./file}"`, `builtins.path`) and [`placeholder`].
//! * NAR serialisation: [`NarNode`], [`nar_serialise`], [`nar_sha256`].
//! * Name validation: [`check_name`].
//!
//! All known answers in the tests were produced by Nix 2.26.

pub(crate) mod derivation;
pub(crate) mod path;

use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};

/// The store directory Nix uses by default (`/nix/store`).
pub const DEFAULT_STORE_DIR: &str = "/nix/store";

/// The longest store path name Nix accepts, in bytes.
pub const MAX_NAME_LEN: usize = 211;

// ---------------------------------------------------------------------------
// Hash algorithms
// ---------------------------------------------------------------------------

/// A hash algorithm that Nix knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HashAlgo {
    /// MD5, 16 bytes.
    Md5,
    /// SHA-1, 20 bytes.
    Sha1,
    /// SHA-256, 32 bytes.
    Sha256,
    /// SHA-512, 64 bytes.
    Sha512,
}

/// Why a hash, or the name of a hash algorithm or format, was refused: the message in
/// Nix's words, and whether Nix raises it as a usage error (an unknown name), which its
/// commands follow with a pointer to their `--help`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashError {
    /// The message.
    pub message: String,
    /// The error is an unknown algorithm or format name (a usage error in Nix).
    pub unknown_name: bool,
}

impl HashError {
    fn unknown_name(message: String) -> HashError {
        HashError {
            message,
            unknown_name: true,
        }
    }
}

impl From<String> for HashError {
    fn from(message: String) -> HashError {
        HashError {
            message,
            unknown_name: false,
        }
    }
}

impl std::fmt::Display for HashError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl HashAlgo {
    /// All algorithms, in the order Nix lists them.
    pub const ALL: [HashAlgo; 4] = [
        HashAlgo::Md5,
        HashAlgo::Sha1,
        HashAlgo::Sha256,
        HashAlgo::Sha512,
    ];

    /// Parses an algorithm name (`md5`, `sha1`, `sha256`, `sha512`; case
    /// sensitive, as in Nix). The error is Nix's:
    /// `unknown hash algorithm 'foo', expect 'md5', 'sha1', 'sha256', or 'sha512'`.
    pub fn parse(name: &str) -> Result<HashAlgo, HashError> {
        match name {
            "md5" => Ok(HashAlgo::Md5),
            "sha1" => Ok(HashAlgo::Sha1),
            "sha256" => Ok(HashAlgo::Sha256),
            "sha512" => Ok(HashAlgo::Sha512),
            _ => Err(HashError::unknown_name(format!(
                "unknown hash algorithm '{}', expect 'md5', 'sha1', 'sha256', or 'sha512'",
                name
            ))),
        }
    }

    /// The algorithm's name as Nix writes it (`"sha256"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            HashAlgo::Md5 => "md5",
            HashAlgo::Sha1 => "sha1",
            HashAlgo::Sha256 => "sha256",
            HashAlgo::Sha512 => "sha512",
        }
    }

    /// The digest size in bytes.
    pub fn size(self) -> usize {
        match self {
            HashAlgo::Md5 => 16,
            HashAlgo::Sha1 => 20,
            HashAlgo::Sha256 => 32,
            HashAlgo::Sha512 => 64,
        }
    }

    /// Hashes `bytes` with this algorithm.
    pub fn digest(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            HashAlgo::Md5 => Md5::digest(bytes).to_vec(),
            HashAlgo::Sha1 => Sha1::digest(bytes).to_vec(),
            HashAlgo::Sha256 => Sha256::digest(bytes).to_vec(),
            HashAlgo::Sha512 => Sha512::digest(bytes).to_vec(),
        }
    }

    /// Length of a base-16 encoding of a digest of this algorithm.
    pub fn base16_len(self) -> usize {
        self.size() * 2
    }

    /// Length of a Nix base-32 encoding of a digest of this algorithm.
    pub fn nix32_len(self) -> usize {
        nix32_len(self.size())
    }

    /// Length of a padded base-64 encoding of a digest of this algorithm.
    pub fn base64_len(self) -> usize {
        base64_len(self.size())
    }
}

impl core::fmt::Display for HashAlgo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// A textual encoding of a hash, as named by `builtins.convertHash`'s
/// `toHashFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HashFormat {
    /// Lower-case hexadecimal (`base16`).
    Base16,
    /// Nix's own base-32 (`nix32`, formerly `base32`).
    Nix32,
    /// Standard padded base-64 (`base64`).
    Base64,
    /// Subresource-integrity form `algo-base64` (`sri`).
    Sri,
}

impl HashFormat {
    /// Parses a format name: `base16`, `nix32`, `base32` (a deprecated alias
    /// of `nix32`, see [`HashFormat::deprecation_warning`]), `base64`, `sri`.
    /// The error is Nix's:
    /// `unknown hash format 'foo', expect 'base16', 'base32', 'base64', or 'sri'`.
    pub fn parse(name: &str) -> Result<HashFormat, HashError> {
        match name {
            "base16" => Ok(HashFormat::Base16),
            "nix32" | "base32" => Ok(HashFormat::Nix32),
            "base64" => Ok(HashFormat::Base64),
            "sri" => Ok(HashFormat::Sri),
            _ => Err(HashError::unknown_name(format!(
                "unknown hash format '{}', expect 'base16', 'base32', 'base64', or 'sri'",
                name
            ))),
        }
    }

    /// The warning Nix prints when a format is named by a deprecated alias
    /// (only `base32`): `"base32" is a deprecated alias for hash format "nix32".`
    pub fn deprecation_warning(name: &str) -> Option<&'static str> {
        if name == "base32" {
            Some("\"base32\" is a deprecated alias for hash format \"nix32\".")
        } else {
            None
        }
    }

    /// The canonical name of this format (`base16`, `nix32`, `base64`, `sri`).
    pub fn name(self) -> &'static str {
        match self {
            HashFormat::Base16 => "base16",
            HashFormat::Nix32 => "nix32",
            HashFormat::Base64 => "base64",
            HashFormat::Sri => "sri",
        }
    }
}

// ---------------------------------------------------------------------------
// Encodings
// ---------------------------------------------------------------------------

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The alphabet of Nix's base-32 (no `e`, `o`, `t`, `u`).
pub const NIX32_ALPHABET: &[u8; 32] = b"0123456789abcdfghijklmnpqrsvwxyz";

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Lower-case hexadecimal encoding of `bytes`.
pub fn to_base16(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(HEX_DIGITS[(b >> 4) as usize] as char);
        out.push(HEX_DIGITS[(b & 0x0f) as usize] as char);
    }
    out
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes hexadecimal (either case, as Nix accepts). `None` for an odd
/// length or a non-hex character.
pub fn from_base16(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for pair in s.chunks(2) {
        out.push((hex_value(pair[0])? << 4) | hex_value(pair[1])?);
    }
    Some(out)
}

/// Length of the Nix base-32 encoding of `size` bytes: `ceil(size * 8 / 5)`.
pub fn nix32_len(size: usize) -> usize {
    // Written so that it cannot overflow: size = 5q + r.
    size / 5 * 8 + (size % 5 * 8).div_ceil(5)
}

/// Nix's base-32 encoding. The bytes are read as one little-endian number,
/// which is written from its most significant 5-bit group down, with the
/// alphabet [`NIX32_ALPHABET`].
pub fn to_nix32(bytes: &[u8]) -> String {
    let len = nix32_len(bytes.len());
    let mut out = String::with_capacity(len);
    for n in (0..len).rev() {
        let bit = n * 5;
        let i = bit / 8;
        let j = bit % 8;
        let lo = bytes.get(i).map_or(0u16, |&b| b as u16);
        let hi = bytes.get(i + 1).map_or(0u16, |&b| b as u16);
        let v = ((lo | (hi << 8)) >> j) & 0x1f;
        out.push(NIX32_ALPHABET[v as usize] as char);
    }
    out
}

fn nix32_value(c: u8) -> Option<u8> {
    NIX32_ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

/// Decodes Nix base-32 of `size` bytes. `None` unless `s` has exactly
/// [`nix32_len`]`(size)` characters, all from the alphabet, and the number
/// fits in `size` bytes (Nix rejects set bits beyond the last byte).
pub fn from_nix32_sized(s: &str, size: usize) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    let len = nix32_len(size);
    if s.len() != len {
        return None;
    }
    let total_bits = size * 8;
    let mut out = vec![0u8; size];
    for (k, &c) in s.iter().enumerate() {
        let digit = nix32_value(c)?;
        let base = (len - 1 - k) * 5;
        for t in 0..5 {
            if (digit >> t) & 1 == 1 {
                let pos = base + t;
                if pos >= total_bits {
                    return None;
                }
                out[pos / 8] |= 1 << (pos % 8);
            }
        }
    }
    Some(out)
}

/// Decodes Nix base-32, taking the byte count from the length
/// (`floor(len * 5 / 8)`; the length must be the one that size encodes to).
/// See [`from_nix32_sized`].
pub fn from_nix32(s: &str) -> Option<Vec<u8>> {
    let size = s.len() / 8 * 5 + s.len() % 8 * 5 / 8;
    if nix32_len(size) != s.len() {
        return None;
    }
    from_nix32_sized(s, size)
}

/// Length of the padded base-64 encoding of `size` bytes.
pub fn base64_len(size: usize) -> usize {
    size.div_ceil(3) * 4
}

/// Standard base-64 (RFC 4648 alphabet `A-Za-z0-9+/`) with `=` padding.
pub fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(base64_len(bytes.len()));
    for chunk in bytes.chunks(3) {
        let b0 = chunk[0] as u32;
        let b1 = chunk.get(1).map_or(0, |&b| b as u32);
        let b2 = chunk.get(2).map_or(0, |&b| b as u32);
        let n = (b0 << 16) | (b1 << 8) | b2;
        out.push(BASE64_ALPHABET[(n >> 18) as usize & 63] as char);
        out.push(BASE64_ALPHABET[(n >> 12) as usize & 63] as char);
        if chunk.len() > 1 {
            out.push(BASE64_ALPHABET[(n >> 6) as usize & 63] as char);
        } else {
            out.push('=');
        }
        if chunk.len() > 2 {
            out.push(BASE64_ALPHABET[n as usize & 63] as char);
        } else {
            out.push('=');
        }
    }
    out
}

fn base64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Decodes base-64 the way Nix does: decoding stops at the first `=`
/// (whatever follows is ignored), `\n` is skipped, any other character
/// outside the alphabet gives `None`, and leftover bits of an incomplete
/// final group are dropped (so padding is optional). Callers check the
/// length of the result.
pub fn from_base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 3);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for &c in s.as_bytes() {
        if c == b'=' {
            break;
        }
        if c == b'\n' {
            continue;
        }
        let v = base64_value(c)?;
        acc = ((acc << 6) | v as u32) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// The SRI form `algo-base64` of a digest, e.g. `sha256-47DEQ...FU=`.
pub fn to_sri(algo: HashAlgo, bytes: &[u8]) -> String {
    format!("{}-{}", algo.name(), to_base64(bytes))
}

// ---------------------------------------------------------------------------
// Hash values
// ---------------------------------------------------------------------------

/// A digest together with its algorithm.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hash {
    /// The algorithm that produced `bytes`.
    pub algo: HashAlgo,
    /// The raw digest; its length is `algo.size()` for hashes made by this
    /// module.
    pub bytes: Vec<u8>,
}

impl Hash {
    /// Hashes `data` with `algo`.
    pub fn of(algo: HashAlgo, data: &[u8]) -> Hash {
        Hash {
            algo,
            bytes: algo.digest(data),
        }
    }

    /// A SHA-256 hash from its 32 raw bytes.
    pub fn sha256_from_bytes(bytes: [u8; 32]) -> Hash {
        Hash {
            algo: HashAlgo::Sha256,
            bytes: bytes.to_vec(),
        }
    }

    /// The all-zero hash of `algo` (what Nix substitutes for an empty
    /// `outputHash`).
    pub fn zero(algo: HashAlgo) -> Hash {
        Hash {
            algo,
            bytes: vec![0; algo.size()],
        }
    }

    /// Base-16 digest without the algorithm (what `builtins.hashString` returns).
    pub fn to_base16(&self) -> String {
        to_base16(&self.bytes)
    }

    /// Nix base-32 digest without the algorithm.
    pub fn to_nix32(&self) -> String {
        to_nix32(&self.bytes)
    }

    /// Base-64 digest without the algorithm.
    pub fn to_base64(&self) -> String {
        to_base64(&self.bytes)
    }

    /// SRI form `algo-base64`.
    pub fn to_sri(&self) -> String {
        to_sri(self.algo, &self.bytes)
    }

    /// The digest in `format`, without an algorithm prefix except for SRI,
    /// as `builtins.convertHash` returns it.
    pub fn encode(&self, format: HashFormat) -> String {
        match format {
            HashFormat::Base16 => self.to_base16(),
            HashFormat::Nix32 => self.to_nix32(),
            HashFormat::Base64 => self.to_base64(),
            HashFormat::Sri => self.to_sri(),
        }
    }

    /// The digest in `format` with the algorithm in front: `algo:digest`
    /// for base-16/base-32/base-64 and `algo-base64` for SRI.
    pub fn encode_prefixed(&self, format: HashFormat) -> String {
        match format {
            HashFormat::Sri => self.to_sri(),
            _ => format!("{}:{}", self.algo.name(), self.encode(format)),
        }
    }

    /// Parses a hash the way Nix's `outputHash`, `builtins.convertHash`,
    /// `builtins.path`'s `sha256` and fetchers do:
    ///
    /// * if `s` contains `:`, the part before the first `:` is the algorithm
    ///   and the rest a base-16/base-32/base-64 digest chosen by its length;
    /// * otherwise if it contains `-`, it is SRI `algo-base64` (base-64 is
    ///   decoded leniently, see [`from_base64`], and must give exactly the
    ///   digest size);
    /// * otherwise it is a bare digest (chosen by length) of `algo`, which
    ///   must then be given.
    ///
    /// Errors, in Nix's words (checked in this order):
    /// * `unknown hash algorithm 'X', expect 'md5', 'sha1', 'sha256', or 'sha512'`
    /// * `hash 'S' should have type 'A'` (prefix differs from `algo`; `S` is the whole input)
    /// * `hash 'S' does not include a type, nor is the type otherwise known from context`
    /// * `invalid SRI hash 'D'`
    /// * `hash 'D' has wrong length for hash algorithm 'A'`
    /// * `invalid base-16 hash 'D'`, `invalid base-32 hash 'D'`, `invalid base-64 hash 'D'`
    ///
    /// where `D` is the digest part after the prefix.
    pub fn parse_any(s: &str, algo: Option<HashAlgo>) -> Result<Hash, HashError> {
        let (prefix, rest, sri) = if let Some(i) = s.find(':') {
            (Some(&s[..i]), &s[i + 1..], false)
        } else if let Some(i) = s.find('-') {
            (Some(&s[..i]), &s[i + 1..], true)
        } else {
            (None, s, false)
        };
        let algo = match prefix {
            Some(p) => {
                let parsed = HashAlgo::parse(p)?;
                if let Some(expected) = algo {
                    if expected != parsed {
                        return Err(format!("hash '{}' should have type '{}'", s, expected.name()).into());
                    }
                }
                parsed
            }
            None => match algo {
                Some(a) => a,
                None => {
                    return Err(format!(
                        "hash '{}' does not include a type, nor is the type otherwise known from context",
                        s
                    )
                    .into())
                }
            },
        };
        if sri {
            match from_base64(rest) {
                Some(bytes) if bytes.len() == algo.size() => Ok(Hash { algo, bytes }),
                _ => Err(format!("invalid SRI hash '{}'", rest).into()),
            }
        } else {
            Self::parse_digest(rest, algo)
        }
    }

    /// Like [`Hash::parse_any`], but an empty string is accepted when `algo`
    /// is given: it stands for the all-zero hash, and the second result is the
    /// warning Nix prints (`found empty hash, assuming 'sha256-AAAA...='`).
    /// This is how a derivation's `outputHash = ""` behaves. An empty string
    /// without `algo` gives Nix's `empty hash requires explicit hash algorithm`.
    pub fn parse_any_allowing_empty(
        s: &str,
        algo: Option<HashAlgo>,
    ) -> Result<(Hash, Option<String>), HashError> {
        if s.is_empty() {
            match algo {
                Some(a) => {
                    let h = Hash::zero(a);
                    let warning = format!("found empty hash, assuming '{}'", h.to_sri());
                    Ok((h, Some(warning)))
                }
                None => Err("empty hash requires explicit hash algorithm"
                    .to_string()
                    .into()),
            }
        } else {
            Hash::parse_any(s, algo).map(|h| (h, None))
        }
    }

    /// Parses a digest without algorithm prefix, choosing base-16, base-32
    /// or base-64 by its length (see [`Hash::parse_any`] for the errors).
    pub fn parse_digest(digest: &str, algo: HashAlgo) -> Result<Hash, HashError> {
        let len = digest.len();
        let decoded = if len == algo.base16_len() {
            from_base16(digest).ok_or_else(|| format!("invalid base-16 hash '{}'", digest))?
        } else if len == algo.nix32_len() {
            from_nix32_sized(digest, algo.size())
                .ok_or_else(|| format!("invalid base-32 hash '{}'", digest))?
        } else if len == algo.base64_len() {
            match from_base64(digest) {
                Some(b) if b.len() == algo.size() => b,
                _ => return Err(format!("invalid base-64 hash '{}'", digest).into()),
            }
        } else {
            return Err(format!(
                "hash '{}' has wrong length for hash algorithm '{}'",
                digest,
                algo.name()
            )
            .into());
        };
        Ok(Hash {
            algo,
            bytes: decoded,
        })
    }
}

// ---------------------------------------------------------------------------
// Store paths
// ---------------------------------------------------------------------------

/// XOR-folds `bytes` into `size` bytes: `out[i % size] ^= bytes[i]`.
/// Store paths use `size = 20`. A `size` of 0 gives an empty result.
pub fn fold_hash(bytes: &[u8], size: usize) -> Vec<u8> {
    let mut out = vec![0u8; size];
    if size == 0 {
        return out;
    }
    for (i, &b) in bytes.iter().enumerate() {
        out[i % size] ^= b;
    }
    out
}

/// Nix's `makeStorePath`: hashes `"{path_type}:{algo}:{hex}:{store_dir}:{name}"`
/// with SHA-256, folds it to 20 bytes and returns
/// `"{store_dir}/{nix32}-{name}"`. `inner` is a SHA-256 hash in every path
/// Nix makes. The name is not checked: see [`check_name`].
pub fn make_store_path(store_dir: &str, path_type: &str, inner: &Hash, name: &str) -> String {
    let fingerprint = format!(
        "{}:{}:{}:{}:{}",
        path_type,
        inner.algo.name(),
        inner.to_base16(),
        store_dir,
        name
    );
    let digest = Sha256::digest(fingerprint.as_bytes());
    format!(
        "{}/{}-{}",
        store_dir,
        to_nix32(&fold_hash(&digest, 20)),
        name
    )
}

/// The attributes a Git input (`fetchGit`, a flake's `git` input) may have besides
/// `type`, as Nix's Git fetcher accepts them.
pub const GIT_INPUT_ATTRIBUTES: &[&str] = &[
    "url",
    "ref",
    "rev",
    "shallow",
    "submodules",
    "exportIgnore",
    "lastModified",
    "revCount",
    "narHash",
    "allRefs",
    "name",
    "dirtyRev",
    "dirtyShortRev",
    "verifyCommit",
    "keytype",
    "publicKey",
    "publicKeys",
];

/// `ty` followed by `:{reference}` for each reference, sorted and without
/// duplicates (the type string of text and source paths).
fn type_with_references(ty: &str, references: &[String]) -> String {
    let mut refs: Vec<&str> = references.iter().map(|r| r.as_str()).collect();
    crate::sort::sort_by(&mut refs, Ord::cmp);
    refs.dedup();
    let mut out = String::from(ty);
    for r in refs {
        out.push(':');
        out.push_str(r);
    }
    out
}

/// The path of a text file added to the store, as `builtins.toFile name
/// contents` gives it: type `text` plus `:{ref}` for each reference (full
/// store paths, sorted, duplicates dropped), inner hash SHA-256 of
/// `contents`. Also the path of a `.drv` file (with the derivation's input
/// sources and input derivations as references).
pub fn make_text_path(
    store_dir: &str,
    name: &str,
    contents: &[u8],
    references: &[String],
) -> String {
    let inner = Hash::of(HashAlgo::Sha256, contents);
    make_store_path(
        store_dir,
        &type_with_references("text", references),
        &inner,
        name,
    )
}

/// The path of a fixed-output store object (a fixed-output derivation's
/// `out`, or `builtins.path`/`filterSource` results). `hash` is the hash of
/// the contents: of the NAR when `recursive`, of the file's bytes otherwise.
///
/// Recursive SHA-256 gives a `source` path (with `:{ref}` for each sorted
/// reference, as [`make_source_path`]); anything else gives an
/// `output:out` path whose inner hash is
/// `sha256("fixed:out:{r:}{algo}:{hex}:")`. Nix allows references only in
/// the first case; here they are ignored in the second.
pub fn make_fixed_output_path(
    store_dir: &str,
    name: &str,
    recursive: bool,
    hash: &Hash,
    references: &[String],
) -> String {
    if recursive && hash.algo == HashAlgo::Sha256 {
        make_store_path(
            store_dir,
            &type_with_references("source", references),
            hash,
            name,
        )
    } else {
        let inner_text = format!(
            "fixed:out:{}{}:{}:",
            if recursive { "r:" } else { "" },
            hash.algo.name(),
            hash.to_base16()
        );
        let inner = Hash::of(HashAlgo::Sha256, inner_text.as_bytes());
        make_store_path(store_dir, "output:out", &inner, name)
    }
}

/// The path a file system object gets when it is copied to the store, as
/// `"${./file}"` and `builtins.path { path = ./file; }` give it: type
/// `source`, inner hash SHA-256 of the NAR serialisation of `node`.
/// `name` is normally the base name of the copied path.
pub fn make_source_path(store_dir: &str, name: &str, node: &NarNode) -> String {
    let inner = Hash::sha256_from_bytes(nar_sha256(node));
    make_store_path(store_dir, "source", &inner, name)
}

/// What stands for output `output` of the derivation at `drv_path` (named `drv_name`)
/// until it is built, when its path depends on its contents (a content-addressed
/// derivation, or one that depends on one): `"/" + nix32(sha256("nix-upstream-output:" +
/// the drv path's hash + ":" + the output's name))`, the output's name being `drv_name`,
/// or `drv_name-output` for an output other than `out`.
pub fn downstream_placeholder(drv_path: &str, drv_name: &str, output: &str) -> String {
    let base = drv_path.rsplit('/').next().unwrap_or(drv_path);
    let hash_part = base.split('-').next().unwrap_or(base);
    let output_name = if output == "out" {
        drv_name.to_string()
    } else {
        format!("{drv_name}-{output}")
    };
    let clear = format!("nix-upstream-output:{hash_part}:{output_name}");
    format!("/{}", to_nix32(&Sha256::digest(clear.as_bytes())))
}

/// `builtins.placeholder output`: `"/" + nix32(sha256("nix-output:" + output))`.
pub fn placeholder(output: &str) -> String {
    let digest = Sha256::digest(format!("nix-output:{}", output).as_bytes());
    format!("/{}", to_nix32(&digest))
}

/// Checks a store path name by Nix's rules, returning the reason in Nix's
/// words. In order:
/// * empty: `name must not be empty`
/// * more than 211 bytes: `name '...' must be no longer than 211 characters`
/// * `.` or `..`: `name '.' is not valid`
/// * starting with `.-` or `..-`: `name '.-x' is not valid: first
///   dash-separated component must not be '.'` (or `'..'`)
/// * a byte outside `A-Za-z0-9+-._?=`: `name 'a b' contains illegal
///   character ' '` (Nix shows the first offending byte; for a non-ASCII
///   character this shows the whole character).
///
/// Nix wraps the reason by context, e.g. `builtins.toFile` says
/// `path '<hash>-<name>' is not a valid store path: <reason>` (see
/// [`invalid_store_path_message`]) and `derivation` says
/// `invalid derivation name: <reason>. Please pass a different 'name'.`.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("name must not be empty".to_string());
    }
    if name.len() > MAX_NAME_LEN {
        return Err(format!(
            "name '{}' must be no longer than {} characters",
            name, MAX_NAME_LEN
        ));
    }
    if name == "." || name == ".." {
        return Err(format!("name '{}' is not valid", name));
    }
    for dots in ["..", "."] {
        if name.strip_prefix(dots).is_some_and(|r| r.starts_with('-')) {
            return Err(format!(
                "name '{}' is not valid: first dash-separated component must not be '{}'",
                name, dots
            ));
        }
    }
    for c in name.chars() {
        let ok = c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '_' | '?' | '=');
        if !ok {
            // Nix names the first byte; one byte of a multi-byte character shows as U+FFFD.
            let shown = if c.is_ascii() {
                c
            } else {
                char::REPLACEMENT_CHARACTER
            };
            return Err(format!(
                "name '{}' contains illegal character '{}'",
                name, shown
            ));
        }
    }
    Ok(())
}

/// Nix's wrapper around a [`check_name`] reason for a computed path:
/// `path '{base_name}' is not a valid store path: {reason}`, where
/// `base_name` is the path without the store directory (`<hash>-<name>`).
pub fn invalid_store_path_message(base_name: &str, reason: &str) -> String {
    format!("path '{}' is not a valid store path: {}", base_name, reason)
}

/// A computed store path without its store directory (`<hash>-<name>`, even when the
/// name holds a `/`), for [`invalid_store_path_message`].
pub fn store_path_base<'a>(store_dir: &str, path: &'a str) -> &'a str {
    path.strip_prefix(store_dir)
        .unwrap_or(path)
        .trim_start_matches('/')
}

// ---------------------------------------------------------------------------
// NAR
// ---------------------------------------------------------------------------

/// A file system object to serialise as a NAR (Nix ARchive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NarNode {
    /// A regular file.
    Regular {
        /// Whether any execute bit is set.
        executable: bool,
        /// The file's bytes.
        contents: Vec<u8>,
    },
    /// A symbolic link (not followed).
    Symlink {
        /// The link target, as stored in the link.
        target: Vec<u8>,
    },
    /// A directory: (entry name, node) pairs in any order; they are sorted by
    /// name (bytewise) when serialised.
    Directory(Vec<(Vec<u8>, NarNode)>),
}

/// One piece of pending NAR output.
enum NarWork<'a> {
    /// A NAR string (length, bytes, padding).
    Str(&'a [u8]),
    /// A whole node.
    Node(&'a NarNode),
}

/// Writes a NAR string: little-endian u64 length, the bytes, zero padding
/// to a multiple of 8.
fn nar_str(out: &mut impl FnMut(&[u8]), s: &[u8]) {
    out(&(s.len() as u64).to_le_bytes());
    out(s);
    let pad = (8 - s.len() % 8) % 8;
    if pad > 0 {
        out(&[0u8; 8][..pad]);
    }
}

/// Streams the NAR of `node` into `out`, without recursion (an explicit
/// stack), so any depth is fine.
fn nar_write(node: &NarNode, out: &mut impl FnMut(&[u8])) {
    nar_str(out, b"nix-archive-1");
    let mut stack: Vec<NarWork<'_>> = vec![NarWork::Node(node)];
    while let Some(work) = stack.pop() {
        match work {
            NarWork::Str(s) => nar_str(out, s),
            NarWork::Node(NarNode::Regular {
                executable,
                contents,
            }) => {
                nar_str(out, b"(");
                nar_str(out, b"type");
                nar_str(out, b"regular");
                if *executable {
                    nar_str(out, b"executable");
                    nar_str(out, b"");
                }
                nar_str(out, b"contents");
                nar_str(out, contents);
                nar_str(out, b")");
            }
            NarWork::Node(NarNode::Symlink { target }) => {
                nar_str(out, b"(");
                nar_str(out, b"type");
                nar_str(out, b"symlink");
                nar_str(out, b"target");
                nar_str(out, target);
                nar_str(out, b")");
            }
            NarWork::Node(NarNode::Directory(entries)) => {
                nar_str(out, b"(");
                nar_str(out, b"type");
                nar_str(out, b"directory");
                let mut sorted: Vec<&(Vec<u8>, NarNode)> = entries.iter().collect();
                crate::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
                stack.push(NarWork::Str(b")"));
                // Pushed in reverse so that the first entry comes out first.
                for (name, child) in sorted.into_iter().rev() {
                    stack.push(NarWork::Str(b")"));
                    stack.push(NarWork::Node(child));
                    stack.push(NarWork::Str(b"node"));
                    stack.push(NarWork::Str(name));
                    stack.push(NarWork::Str(b"name"));
                    stack.push(NarWork::Str(b"("));
                    stack.push(NarWork::Str(b"entry"));
                }
            }
        }
    }
}

/// The NAR serialisation of `node` (what `nix-store --dump` writes).
/// Directory entries are written sorted by name.
pub fn nar_serialise(node: &NarNode) -> Vec<u8> {
    let mut buf = Vec::new();
    nar_write(node, &mut |b: &[u8]| buf.extend_from_slice(b));
    buf
}

/// SHA-256 of the NAR serialisation of `node`, streamed (the NAR is not
/// held in memory). This is what `nix-hash --type sha256` prints.
pub fn nar_sha256(node: &NarNode) -> [u8; 32] {
    let mut hasher = Sha256::new();
    nar_write(node, &mut |b: &[u8]| hasher.update(b));
    hasher.finalize().into()
}

// ---------------------------------------------------------------------------
// Tests: every expected value below was produced by Nix 2.26.
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    const SD: &str = DEFAULT_STORE_DIR;

    /// (algo, input, base16, nix32, base64) from `builtins.hashString` +
    /// `builtins.convertHash`.
    const HASHES: &[(&str, &str, &str, &str, &str)] = &[
        ("md5", "", "d41d8cd98f00b204e9800998ecf8427e", "3y8bwfr609h3lh9ch0izcqq7fl", "1B2M2Y8AsgTpgAmY7PhCfg=="),
        ("md5", "abc", "900150983cd24fb0d6963f7d28e17f72", "3jgzhjhz9zjvbb0kyj7jc500ch", "kAFQmDzST7DWlj99KOF/cg=="),
        ("md5", "hello world", "5eb63bbbe01eeed093cb22bb8f5acdc3", "63rmd8zfr2rf9x1vhyw2xkpdjy", "XrY7u+Ae7tCTyyK7j1rNww=="),
        ("md5", "The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6", "6n36j44d8xv1mq5dib6yfps44y", "nhB9nTcrtoJr2B01QqQZ1g=="),
        ("sha1", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "143xibwh31h9bvxzalr0sjvbbvpa6ffs", "2jmj7l5rSw0yVb/vlWAYkK/YBwk="),
        ("sha1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d", "kpcd173cq987hw957sx6m0868wv3x6d9", "qZk+NkcGgWq6PiVxeFDCbJzQ2J0="),
        ("sha1", "hello world", "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed", "xm3fh7p9kj5l0pz9vcav9ksgr4snrbia", "Kq5sNclPz7QV2+lfQIuc6R7oRu0="),
        ("sha1", "The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", "2bmr66rrwxvbpqcyhknzqa1dgb3f3m1g", "L9ThxnotKPzthJ7hu3bnORuT6xI="),
        ("sha256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
        ("sha256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
        ("sha256", "hello world", "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", "1sfdxziarxw8j3p80lvswgpq9i7smdyxmmsj5sjhhgjdjfwjfkdr", "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="),
        ("sha256", "The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592", "14p5r4vvzl025mvdng3dwi8md3ag5q4b1g4sr9lr906p0yrzpa6p", "16j7swfXgJRpypq8sAguT41WUeRtPNt2LQLQvzfJ5ZI="),
        ("sha512", "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e", "0zdl9zrg8r3i9c1g90lgg9ip5ijzv3yhz91i0zzn3r8ap9ws784gkp9dk9j3aglhgf1amqb0pj21mh7h1nxcl18akqvvf7ggqsy30yg", "z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="),
        ("sha512", "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", "2gs8k559z4rlahfx0y688s49m2vvszylcikrfinm30ly9rak69236nkam5ydvly1ai7xac99vxfc4ii84hawjbk876blyk1jfhkbbyx", "3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw=="),
        ("sha512", "hello world", "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f", "1pxg75fjcp59ibxrxfn07z863cczc25bcjk9nkhjr4zziavsffrhvyq9inshg6dkdx7q6jixrvyvl5ly81cjl0gqi6fpmhjki4cr7ih", "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=="),
        ("sha512", "The quick brown fox jumps over the lazy dog", "07e547d9586f6a73f73fbac0435ed76951218fb7d0c8d788a309d785436bbb642e93a252a954f23912547d1e8a3b5ed6e1bfd7097821233fa0538f3db854fee6", "3kgwm5q7n7m781z4chph2fppzhxcpivi8g7sm0j77r59aajla9jwr5vdd1qbmq9lf4dgj6hny7j2lb9sxg47h5s7zvp6skgb3clgr87", "B+VH2VhvanP3P7rAQ17XaVEhj7fQyNeIownXhUNru2Quk6JSqVTyORJUfR6KO17W4b/XCXghIz+gU489uFT+5g=="),
    ];

    #[test]
    fn hash_encodings_match_nix() {
        for &(a, input, b16, n32, b64) in HASHES {
            let algo = HashAlgo::parse(a).unwrap();
            assert_eq!(algo.name(), a);
            let bytes = algo.digest(input.as_bytes());
            assert_eq!(bytes.len(), algo.size());
            assert_eq!(to_base16(&bytes), b16, "{a} {input:?}");
            assert_eq!(to_nix32(&bytes), n32, "{a} {input:?}");
            assert_eq!(to_base64(&bytes), b64, "{a} {input:?}");
            assert_eq!(to_sri(algo, &bytes), format!("{a}-{b64}"));
            assert_eq!(b16.len(), algo.base16_len());
            assert_eq!(n32.len(), algo.nix32_len());
            assert_eq!(b64.len(), algo.base64_len());
            assert_eq!(from_base16(b16).as_deref(), Some(&bytes[..]));
            assert_eq!(
                from_base16(&b16.to_uppercase()).as_deref(),
                Some(&bytes[..])
            );
            assert_eq!(from_nix32(n32).as_deref(), Some(&bytes[..]));
            assert_eq!(from_base64(b64).as_deref(), Some(&bytes[..]));
            // Every accepted spelling parses back to the same hash.
            let h = Hash {
                algo,
                bytes: bytes.clone(),
            };
            for s in [
                format!("{a}:{b16}"),
                format!("{a}:{n32}"),
                format!("{a}:{b64}"),
                format!("{a}-{b64}"),
                format!("{a}-{}", b64.trim_end_matches('=')),
            ] {
                assert_eq!(Hash::parse_any(&s, None), Ok(h.clone()), "{s}");
                assert_eq!(Hash::parse_any(&s, Some(algo)), Ok(h.clone()), "{s}");
            }
            for s in [b16, n32, b64] {
                assert_eq!(Hash::parse_any(s, Some(algo)), Ok(h.clone()), "{s}");
            }
            assert_eq!(h.encode(HashFormat::Sri), format!("{a}-{b64}"));
            assert_eq!(h.encode_prefixed(HashFormat::Nix32), format!("{a}:{n32}"));
        }
    }

    #[test]
    fn lenient_forms_nix_accepts() {
        let empty = Hash::of(HashAlgo::Sha256, b"");
        // Upper-case hex; base-64 with non-zero trailing bits; SRI with
        // garbage after '=', embedded newline, extra padding.
        for s in [
            "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=",
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=",
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=garbage",
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5\nNMpJWZG3hSuFU=",
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU===",
        ] {
            assert_eq!(Hash::parse_any(s, None), Ok(empty.clone()), "{s:?}");
        }
        // `md5:E3B0...` converts to nix32 "14p5prkj7lzfd1877wk11c9c73".
        let h = Hash::parse_any("md5:E3B0C44298FC1C149AFBF4C8996FB924", None).unwrap();
        assert_eq!(h.to_nix32(), "14p5prkj7lzfd1877wk11c9c73");
        // The top base-32 digit may use the bits that fit: accepted as is.
        let h = Hash::parse_any(
            "sha256:1mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73",
            None,
        )
        .unwrap();
        assert_eq!(
            h.to_nix32(),
            "1mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"
        );
        let h = Hash::parse_any("md5:4y8bwfr609h3lh9ch0izcqq7fl", None).unwrap();
        assert_eq!(h.to_nix32(), "4y8bwfr609h3lh9ch0izcqq7fl");
        let h = Hash::parse_any("sha1:243xibwh31h9bvxzalr0sjvbbvpa6ffs", None).unwrap();
        assert_eq!(h.to_nix32(), "243xibwh31h9bvxzalr0sjvbbvpa6ffs");
    }

    #[test]
    fn parse_errors_match_nix() {
        let unknown = |a: &str| {
            format!("unknown hash algorithm '{a}', expect 'md5', 'sha1', 'sha256', or 'sha512'")
        };
        let cases: &[(&str, Option<HashAlgo>, String)] = &[
            ("sha256:abc", None, "hash 'abc' has wrong length for hash algorithm 'sha256'".into()),
            ("sha256-abc", None, "invalid SRI hash 'abc'".into()),
            ("foo:abc", None, unknown("foo")),
            ("foo-abc", None, unknown("foo")),
            ("SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", None, unknown("SHA256")),
            ("sha256-abc:def", None, unknown("sha256-abc")),
            (":abc", None, unknown("")),
            ("-abc", None, unknown("")),
            (" sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", None, unknown(" sha256")),
            ("sha256:abc-def", None, "hash 'abc-def' has wrong length for hash algorithm 'sha256'".into()),
            ("abc", None, "hash 'abc' does not include a type, nor is the type otherwise known from context".into()),
            ("", None, "hash '' does not include a type, nor is the type otherwise known from context".into()),
            ("sha256", None, "hash 'sha256' does not include a type, nor is the type otherwise known from context".into()),
            ("sha256:", None, "hash '' has wrong length for hash algorithm 'sha256'".into()),
            ("sha256-", None, "invalid SRI hash ''".into()),
            ("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF=", None, "invalid SRI hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF='".into()),
            ("sha256-!7DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", None, "invalid SRI hash '!7DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='".into()),
            ("sha256-47DEQpj8HBSa+/TImW+5JCeu\rQeRkm5NMpJWZG3hSuFU=", None, "invalid SRI hash '47DEQpj8HBSa+/TImW+5JCeu\rQeRkm5NMpJWZG3hSuFU='".into()),
            ("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFUA", None, "invalid SRI hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFUA'".into()),
            ("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF", None, "invalid SRI hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF'".into()),
            ("sha257-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", None, unknown("sha257")),
            ("sha256:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c7e", None, "invalid base-32 hash '0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c7e'".into()),
            ("sha256:zmdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", None, "invalid base-32 hash 'zmdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73'".into()),
            ("md5:zy8bwfr609h3lh9ch0izcqq7fl", None, "invalid base-32 hash 'zy8bwfr609h3lh9ch0izcqq7fl'".into()),
            ("sha1:143xibwh31h9bvxzalr0sjvbbvpa6ffe", None, "invalid base-32 hash '143xibwh31h9bvxzalr0sjvbbvpa6ffe'".into()),
            ("sha1:143xibwh31h9bvxzalr0sjvbbvpa6ffS", None, "invalid base-32 hash '143xibwh31h9bvxzalr0sjvbbvpa6ffS'".into()),
            ("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g", None, "invalid base-16 hash 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g'".into()),
            ("md5:E3B0C44298FC1C149AFBF4C8996FB92", None, "hash 'E3B0C44298FC1C149AFBF4C8996FB92' has wrong length for hash algorithm 'md5'".into()),
            ("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", None, "hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' has wrong length for hash algorithm 'sha256'".into()),
            ("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU==", None, "hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU==' has wrong length for hash algorithm 'sha256'".into()),
            ("sha256:!7DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", None, "invalid base-64 hash '!7DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='".into()),
            ("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3h=uFU=", None, "invalid base-64 hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3h=uFU='".into()),
            ("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSu\nU=", None, "invalid base-64 hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSu\nU='".into()),
            ("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF==", None, "invalid base-64 hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF=='".into()),
            ("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFUA", None, "invalid base-64 hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFUA'".into()),
            ("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF==", Some(HashAlgo::Sha256), "invalid base-64 hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF=='".into()),
            ("abc", Some(HashAlgo::Sha256), "hash 'abc' has wrong length for hash algorithm 'sha256'".into()),
            ("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Some(HashAlgo::Sha1), "hash 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' should have type 'sha1'".into()),
            ("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", Some(HashAlgo::Sha1), "hash 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' should have type 'sha1'".into()),
            ("sha256:abc", Some(HashAlgo::Sha1), "hash 'sha256:abc' should have type 'sha1'".into()),
            ("sha256-abc", Some(HashAlgo::Sha1), "hash 'sha256-abc' should have type 'sha1'".into()),
            ("foo:abc", Some(HashAlgo::Sha1), unknown("foo")),
            ("sha1:bogus", Some(HashAlgo::Sha256), "hash 'sha1:bogus' should have type 'sha256'".into()),
            ("bogus", Some(HashAlgo::Sha256), "hash 'bogus' has wrong length for hash algorithm 'sha256'".into()),
        ];
        for (s, algo, want) in cases {
            let got = Hash::parse_any(s, *algo).unwrap_err();
            assert_eq!(got.message, *want, "{s:?} {algo:?}");
            assert_eq!(
                got.unknown_name,
                want.starts_with("unknown hash algorithm"),
                "{s:?}"
            );
        }
        assert_eq!(
            HashAlgo::parse("foo").map_err(|e| e.message),
            Err(unknown("foo"))
        );
        assert_eq!(
            HashFormat::parse("foo").map_err(|e| e.message),
            Err(
                "unknown hash format 'foo', expect 'base16', 'base32', 'base64', or 'sri'"
                    .to_string()
            )
        );
        assert_eq!(HashFormat::parse("base32"), Ok(HashFormat::Nix32));
        assert_eq!(
            HashFormat::deprecation_warning("base32"),
            Some("\"base32\" is a deprecated alias for hash format \"nix32\".")
        );
        assert_eq!(HashFormat::deprecation_warning("nix32"), None);
    }

    #[test]
    fn empty_output_hash() {
        assert_eq!(
            Hash::parse_any_allowing_empty("", None),
            Err("empty hash requires explicit hash algorithm"
                .to_string()
                .into())
        );
        let (h, w) = Hash::parse_any_allowing_empty("", Some(HashAlgo::Sha256)).unwrap();
        assert_eq!(h, Hash::zero(HashAlgo::Sha256));
        assert_eq!(
            w.as_deref(),
            Some(
                "found empty hash, assuming 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='"
            )
        );
        let (_, w) = Hash::parse_any_allowing_empty("", Some(HashAlgo::Sha1)).unwrap();
        assert_eq!(
            w.as_deref(),
            Some("found empty hash, assuming 'sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA='")
        );
        // `outputHash = ""; outputHashAlgo = "sha256";` (flat) gives this path.
        assert_eq!(
            make_fixed_output_path(SD, "foo", false, &h, &[]),
            "/nix/store/a3qrxr9fv07qngjdfd543q16dz6907hh-foo"
        );
    }

    #[test]
    fn decoders_reject_garbage() {
        assert_eq!(from_base16("abc"), None);
        assert_eq!(from_base16("zz"), None);
        assert_eq!(from_base16(""), Some(vec![]));
        assert_eq!(from_nix32("e"), None);
        assert_eq!(from_nix32("0"), None); // length 1 encodes no whole byte count
        assert_eq!(from_nix32("00"), Some(vec![0]));
        assert_eq!(from_nix32("7z"), Some(vec![0xff]));
        assert_eq!(from_nix32("8z"), None); // 0x1ff does not fit one byte
        assert_eq!(from_base64("a-b"), None);
        assert_eq!(to_base64(b""), "");
        assert_eq!(to_base64(b"f"), "Zg==");
        assert_eq!(to_base64(b"fo"), "Zm8=");
        assert_eq!(to_base64(b"foo"), "Zm9v");
        assert_eq!(from_base64("Zm8="), Some(b"fo".to_vec()));
        assert_eq!(to_nix32(b""), "");
        for size in 0..200 {
            assert_eq!(nix32_len(size), (size * 8).div_ceil(5));
        }
        for len in 0..300usize {
            let size = len * 5 / 8;
            let ok = nix32_len(size) == len;
            assert_eq!(from_nix32(&"0".repeat(len)).is_some(), ok, "{len}");
        }
        assert_eq!(fold_hash(&[1, 2, 3], 0), Vec::<u8>::new());
        assert_eq!(fold_hash(&[1, 2, 3, 4, 5], 2), vec![1 ^ 3 ^ 5, 2 ^ 4]);
    }

    #[test]
    fn to_file_paths() {
        let a = "/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a".to_string();
        let c = "/nix/store/idvy1sf6xx6bsg8l93dzp9abi3vcl990-c".to_string();
        let d = "/nix/store/x0sj6ynccvc1a8kxr8fifnlf7qlxw6hd-hello.drv".to_string();
        assert_eq!(make_text_path(SD, "a", b"b", &[]), a);
        assert_eq!(make_text_path(SD, "c", b"d", &[]), c);
        assert_eq!(
            make_text_path(SD, "empty", b"", &[]),
            "/nix/store/wflv0hgb0qb1ddc5nxmsg0y9zjjhfvmh-empty"
        );
        assert_eq!(
            make_text_path(SD, "nl", b"line1\nline2\n", &[]),
            "/nix/store/bvw8gn072wfwdp385lxfdrk7za04svxc-nl"
        );
        // With references (from string contexts).
        let r1 = make_text_path(SD, "r1", a.as_bytes(), std::slice::from_ref(&a));
        assert_eq!(r1, "/nix/store/wmfp8wk4c9543xjxsfxmy5d45bzk0i0m-r1");
        assert_eq!(
            make_text_path(
                SD,
                "r2",
                format!("{a} {c}").as_bytes(),
                &[a.clone(), c.clone()]
            ),
            "/nix/store/bp3hmjfra43qrzds8sc16hn2myknrybr-r2"
        );
        // Unsorted, duplicated references.
        assert_eq!(
            make_text_path(
                SD,
                "r3",
                format!("{c}\n{a}\n{a}").as_bytes(),
                &[c.clone(), a.clone(), a.clone()]
            ),
            "/nix/store/i8jf6vcqwcbvnqblykbx5mqncyalqpky-r3"
        );
        assert_eq!(
            make_text_path(SD, "r4", d.as_bytes(), std::slice::from_ref(&d)),
            "/nix/store/1lnkh9dq7scahh77b86k4d7cpf9h0x64-r4"
        );
        assert_eq!(
            make_text_path(
                SD,
                "hello.sh",
                format!("#!/bin/sh\necho {a} {c} {d}\n").as_bytes(),
                &[d.clone(), c.clone(), a.clone()]
            ),
            "/nix/store/fdn4m5xr05fnc44mdgjcmh3sb6y50zyc-hello.sh"
        );
        assert_eq!(
            make_text_path(SD, "r6", r1.as_bytes(), std::slice::from_ref(&r1)),
            "/nix/store/cvqxxzvf42n7gp0bmgam3vb4hf69ipsr-r6"
        );
    }

    #[test]
    fn placeholders() {
        let cases = [
            (
                "out",
                "/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9",
            ),
            (
                "dev",
                "/02qcpld1y6xhs5gz9bchpxaw0xdhmsp5dv88lh25r2ss44kh8dxz",
            ),
            (
                "bin",
                "/04f3da1kmbr67m3gzxikmsl4vjz5zf777sv6m14ahv22r65aac9m",
            ),
            (
                "lib",
                "/0sra2y18lr3h6j58qjm0w46yv36h1wjmilb09n8aimdpivdymscx",
            ),
            ("", "/171rf4jhx57xqz3p7swniwkig249cif71pa08p80mgaf0mqz5bmr"),
            (
                "a b",
                "/1izdzsvidrzm38sdf385bijjqdkh15yc39hilydh6n0s6999lwfq",
            ),
        ];
        for (o, want) in cases {
            assert_eq!(placeholder(o), want, "{o:?}");
        }
    }

    #[test]
    fn fixed_output_paths() {
        // `(derivation { name = "foo"; builder = "/bin/sh"; system = "x86_64-linux";
        //   outputHash = ...; outputHashMode = ...; }).outPath`
        let p = |s: &str| Hash::parse_any(s, None).unwrap();
        let empty256 = p("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        let abc256 = p("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        let sha1 = p("sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
        let sha512 = p("sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==");
        let md5 = p("md5-1B2M2Y8AsgTpgAmY7PhCfg==");
        let cases: [(&Hash, bool, &str); 10] = [
            (
                &empty256,
                false,
                "/nix/store/254159y72qk9fyp9xm5vjs7s1dj735l9-foo",
            ),
            (
                &empty256,
                true,
                "/nix/store/s749mivd211akvgw0bnfvhakhicf48y4-foo",
            ),
            (
                &sha1,
                true,
                "/nix/store/jywr6i3kwqyz4q4sr98iz8a5v9c6s6l0-foo",
            ),
            (
                &sha1,
                false,
                "/nix/store/da878m1mxcjfs8x37r289licchlbglvb-foo",
            ),
            (
                &sha512,
                false,
                "/nix/store/86dp58hl6nxqj5h8k0b7bi5j8vhj00qc-foo",
            ),
            (
                &md5,
                false,
                "/nix/store/kja41kxslqpndqaq0xsmlciixfv2r008-foo",
            ),
            (
                &md5,
                true,
                "/nix/store/ch7gxdlzppivipl23k6ar5carsqx3zlg-foo",
            ),
            (
                &sha512,
                true,
                "/nix/store/jl28h0fa4hs5rzz6j5dpp76r10w9v69m-foo",
            ),
            (
                &abc256,
                false,
                "/nix/store/p8hd84z8vx40y3q2l1mmbfd9y23h7g1a-foo",
            ),
            (
                &abc256,
                true,
                "/nix/store/8nz4xrxpk6mgia8bb9jxncpcikkm2xxv-foo",
            ),
        ];
        for (h, rec, want) in cases {
            assert_eq!(
                make_fixed_output_path(SD, "foo", rec, h, &[]),
                want,
                "{} {rec}",
                h.to_sri()
            );
        }
        // `builtins.path { path = ./hello.txt; recursive = false; }`: flat sha256 of the bytes.
        let flat = Hash::of(HashAlgo::Sha256, b"Hello, world!\n");
        assert_eq!(
            make_fixed_output_path(SD, "hello.txt", false, &flat, &[]),
            "/nix/store/6g99pcrpapn5x08wpcyiq20wj4qgml24-hello.txt"
        );
    }

    fn file(contents: &[u8]) -> NarNode {
        NarNode::Regular {
            executable: false,
            contents: contents.to_vec(),
        }
    }

    /// The tree of the oracle's test directory `dir` (entries deliberately
    /// unsorted here).
    fn test_dir() -> NarNode {
        NarNode::Directory(vec![
            (
                b"sub".to_vec(),
                NarNode::Directory(vec![
                    (
                        b"dl".to_vec(),
                        NarNode::Symlink {
                            target: b"../dangling".to_vec(),
                        },
                    ),
                    (b"c".to_vec(), file(b"ccc")),
                ]),
            ),
            (
                b"link".to_vec(),
                NarNode::Symlink {
                    target: b"a".to_vec(),
                },
            ),
            (
                b"b".to_vec(),
                NarNode::Regular {
                    executable: true,
                    contents: b"BB\n".to_vec(),
                },
            ),
            (b"a".to_vec(), file(b"A")),
            (
                b"Z".to_vec(),
                NarNode::Directory(vec![(b"z".to_vec(), file(b"z"))]),
            ),
        ])
    }

    #[test]
    fn nar_cases_match_nix() {
        // (basename, node, sha256 of `nix-store --dump`, NAR length,
        //  `nix-hash --type sha256 --base32`, `"${/tmp/narx/<name>}"`)
        let cases: Vec<(&str, NarNode, &str, usize, &str, &str)> = vec![
            (
                "hello.txt",
                file(b"Hello, world!\n"),
                "5849379a8b8cbfc4131d0c0f89ad020ea270d85f161e257b7d52135b58337ece",
                128,
                "1kky6dc5n4sjgmxja7hnbzc718hf0anqj3qc3l9w9gwcifd3fjaq",
                "/nix/store/xrabnx1r49hn890prhx86h6iyn19p976-hello.txt",
            ),
            (
                "empty",
                file(b""),
                "77ac62e2629d8e45f624589c0c8bf99e24b3a722349bf1e79bc186008534e246",
                112,
                "0ip26j2h11n1kgkz36rl4akv694yz65hr72q4kv4b3lxcbi65b3p",
                "/nix/store/lx5i78a4izwk2qj1nq8rdc07y8zrwy90-empty",
            ),
            (
                "exec.sh",
                NarNode::Regular {
                    executable: true,
                    contents: b"#!/bin/sh\necho hi\n".to_vec(),
                },
                "5e0accf02cedede5e4119ffa15e79e79a5fb1fb9bc43c3d434f33227a14477a0",
                168,
                "183p8jhjfcpk6kac6hxwp4gzp9brkvkibylz27jfbvgd5kqcq2jy",
                "/nix/store/5c04552vhn4sp0x18q5gryqhfnya0aji-exec.sh",
            ),
            (
                "dir",
                test_dir(),
                "b9c7d615920e7997800ef10db9704fb23d5bdd2e1008999652cbadbd49427ea2",
                1624,
                "18ky894vvbfbaab9j20h5vfmngdj9xqbj3gi1s09fy8fj8axdixr",
                "/nix/store/sxnaix1xdm4189ki0spz0zhznxq6wlpc-dir",
            ),
            (
                "emptydir",
                NarNode::Directory(vec![]),
                "a50a5ab6d992f5598edd92105059fae9acfc192981e08bd88534c2167e92526a",
                96,
                "0sjjj9z1dhilhpc8pq4154czrb79z9cm044jvn75kxcjv6v5l2m5",
                "/nix/store/lllr7wi039bd69ihd6vfarlcz5j7v52d-emptydir",
            ),
            (
                "seven",
                file(b"seven77"),
                "170f9149318bbf002ae75672550e5bb55c398c0b485259a62dda31299988a8b8",
                120,
                "1f58i2cjjcfs5nk5jlj81f63jp5mbc75awjnwwm01gwb654r23qp",
                "/nix/store/1zxkxbh9pahlxbwx1sh2x7c2713n0nw6-seven",
            ),
            (
                // A symlink at the top: the path literal `"${./toplink}"`
                // stores the link itself (`builtins.path` follows it instead).
                "toplink",
                NarNode::Symlink {
                    target: b"hello.txt".to_vec(),
                },
                "01f8a83d7885be14edc68fa4336e81a57a75426c20a0fc9f9bca2c8feaf76387",
                128,
                "11v3yzm8yb6akfgzr810di17aym5h5p3794gqvni9gl5g0ysiy01",
                "/nix/store/3qvvr56rf3gyipigil143rzhqsgzx2il-toplink",
            ),
        ];
        for (name, node, dump_sha, dump_len, nix_hash, path) in cases {
            let nar = nar_serialise(&node);
            assert_eq!(nar.len(), dump_len, "{name}");
            assert_eq!(to_base16(&Sha256::digest(&nar)), dump_sha, "{name}");
            let h = nar_sha256(&node);
            assert_eq!(to_base16(&h), dump_sha, "{name}");
            assert_eq!(to_nix32(&h), nix_hash, "{name}");
            assert_eq!(make_source_path(SD, name, &node), path, "{name}");
            // `builtins.path { sha256 = <nar hash>; }` is the same path.
            assert_eq!(
                make_fixed_output_path(SD, name, true, &Hash::sha256_from_bytes(h), &[]),
                path
            );
        }
        // `builtins.path { path = ./toplink; }` copies what the link points
        // at, under the link's name.
        assert_eq!(
            make_source_path(SD, "toplink", &file(b"Hello, world!\n")),
            "/nix/store/4qpnypy287l5h3pp0nlncznpm6isfrw8-toplink"
        );
    }

    #[test]
    fn nar_layout() {
        let nar = nar_serialise(&NarNode::Symlink {
            target: b"hello.txt".to_vec(),
        });
        let mut want = Vec::new();
        for s in [
            &b"nix-archive-1"[..],
            b"(",
            b"type",
            b"symlink",
            b"target",
            b"hello.txt",
            b")",
        ] {
            want.extend_from_slice(&(s.len() as u64).to_le_bytes());
            want.extend_from_slice(s);
            want.resize(want.len().div_ceil(8) * 8, 0);
        }
        assert_eq!(nar, want);
    }

    #[test]
    fn nar_deep_tree_does_not_overflow() {
        let mut node = file(b"x");
        for _ in 0..100_000 {
            node = NarNode::Directory(vec![(b"d".to_vec(), node)]);
        }
        let nar = nar_serialise(&node);
        assert!(nar.len() > 100_000 * 8);
        let h = nar_sha256(&node);
        assert_eq!(h.as_slice(), Sha256::digest(&nar).as_slice());
        // Dropping a deep tree recurses: unwind it by hand.
        let mut cur = node;
        while let NarNode::Directory(mut entries) = cur {
            cur = match entries.pop() {
                Some((_, child)) => child,
                None => break,
            };
        }
    }

    #[test]
    fn names() {
        for ok in [
            ".a",
            "..a",
            "a.",
            "-a",
            "a-.",
            "a-..",
            "a-..-b",
            "a-.-b",
            "-",
            "--",
            "-.",
            ".a.drv",
            "a+b=c?_-.x",
        ] {
            assert_eq!(check_name(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_name(&"a".repeat(211)), Ok(()));
        let err = |n: &str| check_name(n).unwrap_err();
        assert_eq!(err(""), "name must not be empty");
        assert_eq!(err("a b"), "name 'a b' contains illegal character ' '");
        assert_eq!(err("a/b"), "name 'a/b' contains illegal character '/'");
        assert_eq!(err("a:b"), "name 'a:b' contains illegal character ':'");
        assert_eq!(err("~"), "name '~' contains illegal character '~'");
        assert_eq!(err("a@b"), "name 'a@b' contains illegal character '@'");
        assert_eq!(err(".@"), "name '.@' contains illegal character '@'");
        assert_eq!(err("."), "name '.' is not valid");
        assert_eq!(err(".."), "name '..' is not valid");
        assert_eq!(
            err(".-"),
            "name '.-' is not valid: first dash-separated component must not be '.'"
        );
        assert_eq!(
            err(".-a"),
            "name '.-a' is not valid: first dash-separated component must not be '.'"
        );
        assert_eq!(
            err(".--"),
            "name '.--' is not valid: first dash-separated component must not be '.'"
        );
        assert_eq!(
            err(".-@"),
            "name '.-@' is not valid: first dash-separated component must not be '.'"
        );
        assert_eq!(
            err("..-"),
            "name '..-' is not valid: first dash-separated component must not be '..'"
        );
        assert_eq!(
            err("..-a"),
            "name '..-a' is not valid: first dash-separated component must not be '..'"
        );
        let long = "a".repeat(212);
        assert_eq!(
            err(&long),
            format!("name '{long}' must be no longer than 211 characters")
        );
        let long = format!(".-{}", "a".repeat(212));
        assert_eq!(
            err(&long),
            format!("name '{long}' must be no longer than 211 characters")
        );
        let long = "@".repeat(212);
        assert_eq!(
            err(&long),
            format!("name '{long}' must be no longer than 211 characters")
        );
        // Length is in bytes: 106 two-byte characters are too long.
        let long = "é".repeat(106);
        assert_eq!(
            err(&long),
            format!("name '{long}' must be no longer than 211 characters")
        );
        // Nix names the offending byte (0xC3 here), which prints as U+FFFD.
        assert_eq!(err("é"), "name 'é' contains illegal character '\u{FFFD}'");
        // The whole message `builtins.toFile "a b" "x"` gives.
        let path = make_text_path(SD, "a b", b"x", &[]);
        let base = path.strip_prefix("/nix/store/").unwrap();
        assert_eq!(
            invalid_store_path_message(base, &check_name("a b").unwrap_err()),
            "path 'dm85kbl5cy82j2dzvy1874s14y3salv3-a b' is not a valid store path: name 'a b' contains illegal character ' '"
        );
        // Paths of valid odd names, from `builtins.toFile <name> "x"`.
        assert_eq!(
            make_text_path(SD, ".a", b"x", &[]),
            "/nix/store/asd5znqvqny47n2kaa06zr46k6b2hx9h-.a"
        );
        assert_eq!(
            make_text_path(SD, "-a", b"x", &[]),
            "/nix/store/scqq125zcjswyxnb97bgcyiwxcvqykqs--a"
        );
    }

    #[test]
    fn make_store_path_known_answer() {
        // The drv of `derivation { name = "hello"; builder = "/bin/sh"; system = "x86_64-linux"; }`
        // is a text path; its out path is `output:out` of hashDerivationModulo.
        // Checked indirectly here: the toFile answer from the facts doc.
        let inner = Hash::of(HashAlgo::Sha256, b"b");
        assert_eq!(
            make_store_path(SD, "text", &inner, "a"),
            "/nix/store/g76zcpqc540lrc8i6g7xy6ip0npn2hnp-a"
        );
    }
}
