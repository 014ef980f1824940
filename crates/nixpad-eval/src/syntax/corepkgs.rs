//! Nix's built-in `<nix/...>` files ("corepkgs"): `<nix/fetchurl.nix>` and
//! `<nix/derivation-internal.nix>`. They are found after every search-path entry, print as
//! `<nix/NAME>` and read as `/NAME` through `toString`, as in Nix. The texts are
//! Nixpad's own: `fetchurl.nix` takes the same arguments and makes the same derivation as
//! Nix's (so its store paths agree), but its source text is not Nix's.

/// A corepkgs path is kept as this prefix followed by `/NAME` (a NUL byte cannot appear
/// in a real path, so no file can be mistaken for one).
pub const PREFIX: &str = "\0corepkgs";

/// Nixpad's `fetchurl.nix`: a fixed-output derivation built by Nix's `builtin:fetchurl`.
const FETCHURL_NIX: &str = r#"{ system ? "", url, hash ? "", md5 ? "", sha1 ? "", sha256 ? "", sha512 ? "",
  outputHash ? (if hash != "" then hash else if sha512 != "" then sha512 else if sha1 != "" then sha1
    else if md5 != "" then md5 else sha256),
  outputHashAlgo ? (if hash != "" then "" else if sha512 != "" then "sha512" else if sha1 != "" then "sha1"
    else if md5 != "" then "md5" else "sha256"),
  executable ? false, unpack ? false, name ? baseNameOf (toString url), impure ? false }:
let
  common = {
    inherit name url executable unpack;
    builder = "builtin:fetchurl";
    system = "builtin";
    outputHashMode = if unpack || executable then "recursive" else "flat";
    preferLocalBuild = true;
    impureEnvVars = [ "http_proxy" "https_proxy" "ftp_proxy" "all_proxy" "no_proxy" ];
    urls = [ url ];
  };
  hashing = if impure then { __impure = true; } else { inherit outputHashAlgo outputHash; };
in
derivation (common // hashing)
"#;

/// The text of the corepkgs file `name` (`fetchurl.nix`), if there is one.
pub fn file(name: &str) -> Option<&'static str> {
    match name {
        "fetchurl.nix" => Some(FETCHURL_NIX),
        "derivation-internal.nix" => Some(crate::derivation::DERIVATION_NIX),
        _ => None,
    }
}

/// The corepkgs path for `<nix/REST>`.
pub fn path(rest: &str) -> String {
    format!("{PREFIX}/{rest}")
}

/// Where the text of `derivation` comes from: `<nix/derivation-internal.nix>`.
pub fn derivation_origin() -> crate::Origin {
    crate::Origin::File(path("derivation-internal.nix"))
}

/// Whether `origin` is `derivation`'s own file.
pub fn is_derivation_file(origin: &crate::Origin) -> bool {
    matches!(origin, crate::Origin::File(p) if name(p) == Some("derivation-internal.nix"))
}

/// `path` as Nix gives it as a string (through `toString`, and as the `file` of a
/// position): a corepkgs path reads as `/NAME`.
pub fn as_string(path: &str) -> &str {
    path.strip_prefix(PREFIX).unwrap_or(path)
}

/// `REST` of a corepkgs path (`fetchurl.nix`), or `None` for any other path.
pub fn name(path: &str) -> Option<&str> {
    path.strip_prefix(PREFIX).map(|r| r.trim_start_matches('/'))
}
