//! The fetchers' arguments, checked as Nix checks them before it would download anything
//! (Nixpad downloads nothing): `fetchurl` and `fetchTarball` (a pinned fetch whose store
//! path is already there succeeds), `fetchGit` (a Git input's attributes) and
//! `fetchMercurial`. Native only: see [`super::store_builtins`].

use std::rc::Rc;

use super::store_builtins::{needs_network, store_path_value, string_attr};
use crate::builtins::Args;
use crate::error::{Error, ErrorKind, EvalResult};
use crate::machine::{CoerceMode, Machine};
use crate::source::Span;
use crate::store::{self, Hash, HashAlgo};
use crate::symbol::Symbol;
use crate::value::*;

/// `builtins.fetchurl`: its argument checked as Nix checks it; a pinned file already in
/// the store is the result, anything else needs the network and is refused.
pub fn prim_fetchurl(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    fetch_file(m, &args[0], span, "fetchurl", false)
}

/// `builtins.fetchTarball`: as [`prim_fetchurl`], for an unpacked archive.
pub fn prim_fetch_tarball(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    fetch_file(m, &args[0], span, "fetchTarball", true)
}

/// `fetchurl` and `fetchTarball` (`who`; `unpack` for the second): a URL, or a set of
/// `url`, `sha256` and `name`, checked in Nix's order before anything would be
/// downloaded. With a SHA-256 hash the store path is known beforehand: when it is already
/// there to read (a flake input), it is the result, as in Nix.
fn fetch_file(
    m: &mut Machine,
    arg: &Value,
    span: Span,
    who: &str,
    unpack: bool,
) -> EvalResult<Value> {
    const URL_FRAME: &str = "while evaluating the url we should fetch";
    let arg = m.force(arg, Some(span))?;
    let (mut url, mut expected, mut name) = (None, None, None);
    let attrs = match &arg {
        Value::Attrs(attrs) => Some(attrs.clone()),
        _ => None,
    };
    if let Some(attrs) = &attrs {
        for a in attrs.entries.iter() {
            let at = a.pos.unwrap_or(span);
            match &*a.name.name() {
                "url" => url = Some(string_attr(m, &a.value, at, URL_FRAME)?),
                "sha256" => {
                    let what = "while evaluating the sha256 of the content we should fetch";
                    let given = string_attr(m, &a.value, at, what)?;
                    let (hash, warning) =
                        Hash::parse_any_allowing_empty(&given.lossy(), Some(HashAlgo::Sha256))
                            .map_err(|e| Error::hash(e, Some(span)))?;
                    if let Some(w) = warning {
                        crate::io::log(&*m.io, &format!("warning: {w}"));
                    }
                    expected = Some(hash);
                }
                "name" => {
                    let what = "while evaluating the name of the content we should fetch";
                    name = Some(string_attr(m, &a.value, at, what)?.lossy().into_owned());
                }
                other => {
                    return Err(Error::other(
                        format!("unsupported argument '{other}' to '{who}'"),
                        span,
                    ))
                }
            }
        }
    } else {
        url = Some(crate::primop::want_string_no_ctx(m, &arg, span, URL_FRAME)?);
    }
    let Some(url) = url else {
        return Err(Error::other("'url' argument required", span));
    };
    let mut url = url.lossy().into_owned();
    if unpack {
        if let Some(channel) = url.strip_prefix("channel:") {
            url = format!("https://nixos.org/channels/{channel}/nixexprs.tar.xz");
        }
    }
    let name_given = name.is_some();
    let name = match name {
        Some(name) if !name.is_empty() => name,
        _ if unpack => "source".to_string(),
        _ => crate::path::base_name(&url).to_string(),
    };
    if let Err(why) = store::check_name(&name) {
        let fix = if name_given {
            format!("Please change the value for the 'name' attribute passed to '{who}', so that it can create a valid store path.")
        } else if attrs.is_some() {
            format!("Please add a valid 'name' attribute to the argument for '{who}', so that it can create a valid store path.")
        } else {
            // (Nix's text has the two spaces.)
            format!("Please pass an attribute set with 'url' and 'name' attributes to '{who}',  so that it can create a valid store path.")
        };
        return Err(Error::other(
            format!("invalid store path name when fetching URL '{url}': {why}. {fix}"),
            span,
        ));
    }
    let Some(hash) = expected else {
        if m.settings.pure_eval {
            return Err(Error::other(
                format!("in pure evaluation mode, '{who}' requires a 'sha256' argument"),
                span,
            ));
        }
        return Err(needs_network(who, span));
    };
    let pinned = store::make_fixed_output_path(&m.settings.store_dir, &name, unpack, &hash, &[]);
    if m.io.file_type(&pinned).is_some() {
        return Ok(store_path_value(&pinned));
    }
    Err(needs_network(who, span))
}

/// `builtins.fetchGit`: its argument checked as Nix checks a Git input before fetching
/// it (the attributes' types, the names the Git scheme knows, `url`, `ref`, `rev` and the
/// Boolean flags); then refused, as it needs the network.
pub fn prim_fetch_git(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let arg = m.force(&args[0], Some(span))?;
    let mut input = std::collections::BTreeMap::new();
    input.insert("type".to_string(), InputAttr::String("git".into()));
    let given = match &arg {
        Value::Attrs(given) => given.clone(),
        _ => {
            let frame = "while evaluating the first argument passed to the fetcher";
            let url = m.coerce_to_string_in(&arg, CoerceMode::NoCopy, span, frame, None)?;
            let url = fix_git_url(&url.lossy());
            input.insert("url".to_string(), InputAttr::String(url));
            Rc::new(Attrs::default())
        }
    };
    if given.get(Symbol::new("type")).is_some() {
        return Err(Error::other("unexpected attribute 'type'", span));
    }
    for a in given.entries.iter() {
        let key = a.name.name().to_string();
        let at = a.pos.unwrap_or(span);
        let value = match m.force(&a.value, Some(at))? {
            v @ (Value::String(_) | Value::Path(_)) => {
                let s = m.coerce_to_string_in(&v, CoerceMode::NoCopy, at, "", None)?;
                let s = s.lossy().into_owned();
                InputAttr::String(if key == "url" { fix_git_url(&s) } else { s })
            }
            Value::Bool(b) => InputAttr::Bool(b),
            Value::Int(i) if i < 0 => {
                return Err(Error::other(
                    format!("negative value given for fetchTree attr {key}: {i}"),
                    span,
                ))
            }
            Value::Int(i) => InputAttr::Int(i),
            _ if key == "publicKeys" => {
                return Err(Error::new(
                    ErrorKind::Other(verified_fetches_disabled()),
                    None,
                ))
            }
            other => {
                let phrase = other.type_phrase();
                return Err(Error::new(
                    ErrorKind::Other(format!(
                        "fetchTree argument '{key}' is {phrase} while a string, Boolean or integer is expected"
                    )),
                    None,
                ));
            }
        };
        input.insert(key, value);
    }
    if !input.contains_key("exportIgnore") {
        let submodules = match input.get("submodules") {
            None => false,
            Some(InputAttr::Bool(b)) => *b,
            Some(_) => {
                let message = "input attribute 'submodules' is not a Boolean";
                return Err(Error::new(ErrorKind::Other(message.into()), None));
            }
        };
        if !submodules {
            input.insert("exportIgnore".into(), InputAttr::Bool(true));
        }
    }
    check_git_input(&input).map_err(|message| Error::new(ErrorKind::Other(message), None))?;
    if m.settings.pure_eval && !input.contains_key("rev") {
        return Err(Error::other(
            format!(
                "in pure evaluation mode, 'fetchGit' will not fetch unlocked input '{}'",
                git_input_url(&input)
            ),
            span,
        ));
    }
    Err(needs_network("fetchGit", span))
}

/// One attribute of a fetcher's input, as Nix keeps it.
enum InputAttr {
    String(String),
    Bool(bool),
    Int(i64),
}

/// What Nix checks of a Git input's attributes before it fetches, in its order; the
/// error's message.
fn check_git_input(input: &std::collections::BTreeMap<String, InputAttr>) -> Result<(), String> {
    let known = |k: &str| k == "type" || store::GIT_INPUT_ATTRIBUTES.contains(&k);
    if let Some(unknown) = input.keys().find(|k| !known(k)) {
        return Err(format!(
            "input attribute '{unknown}' not supported by scheme 'git'"
        ));
    }
    if ["verifyCommit", "keytype", "publicKey", "publicKeys"]
        .iter()
        .any(|k| input.contains_key(*k))
    {
        return Err(verified_fetches_disabled());
    }
    let boolean = |key: &str| match input.get(key) {
        Some(InputAttr::String(_) | InputAttr::Int(_)) => {
            Err(format!("input attribute '{key}' is not a Boolean"))
        }
        _ => Ok(()),
    };
    let string = |key: &str| match input.get(key) {
        Some(InputAttr::Bool(_) | InputAttr::Int(_)) => Err(format!(
            "input attribute '{key}' is not a string {}",
            input_json(input)
        )),
        Some(InputAttr::String(s)) => Ok(Some(s.as_str())),
        None => Ok(None),
    };
    if let Some(name) = string("ref")? {
        if !valid_git_ref(name) {
            return Err(format!("invalid Git branch/tag name '{name}'"));
        }
    }
    if string("url")?.is_none() {
        return Err("input attribute 'url' is missing".into());
    }
    for key in ["shallow", "submodules", "allRefs"] {
        boolean(key)?;
    }
    for key in ["revCount", "lastModified"] {
        if let Some(InputAttr::String(_) | InputAttr::Bool(_)) = input.get(key) {
            return Err(format!("input attribute '{key}' is not an integer"));
        }
    }
    if let Some(rev) = string("rev")? {
        if Hash::parse_any(rev, None).is_err() {
            Hash::parse_any(rev, Some(HashAlgo::Sha1)).map_err(|e| e.message)?;
        }
    }
    boolean("exportIgnore")
}

/// Nix's message for a Git input's signature attributes (an experimental feature).
fn verified_fetches_disabled() -> String {
    crate::derivations::feature_disabled("verified-fetches")
}

/// Whether `name` may name a Git branch or tag, by Git's rules as Nix checks them.
fn valid_git_ref(name: &str) -> bool {
    let bad_char = |c: char| c.is_control() || c.is_whitespace() || ":?^~[\\*".contains(c);
    !(name.is_empty()
        || name == "@"
        || name.starts_with(['.', '/'])
        || name.ends_with(['.', '/'])
        || name.ends_with(".lock")
        || ["//", "/.", "..", ".lock/", "@{"]
            .iter()
            .any(|s| name.contains(s))
        || name.chars().any(bad_char))
}

/// A checked Git input as Nix writes it as a URL (`git+https://…?exportIgnore=1&ref=…`).
fn git_input_url(input: &std::collections::BTreeMap<String, InputAttr>) -> String {
    let text = |key: &str| match input.get(key) {
        Some(InputAttr::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let set = |key: &str| matches!(input.get(key), Some(InputAttr::Bool(true)));
    let url = text("url").unwrap_or_default();
    let mut query = Vec::new();
    if set("exportIgnore") {
        query.push("exportIgnore=1".to_string());
    }
    if let Some(r) = text("ref") {
        query.push(format!("ref={}", percent_encode(r, ":@/?")));
    }
    if let Some(r) = text("rev") {
        query.push(format!("rev={}", percent_encode(r, ":@/?")));
    }
    if set("shallow") {
        query.push("shallow=1".to_string());
    }
    if set("submodules") {
        query.push("submodules=1".to_string());
    }
    let scheme = if url.starts_with("git:") { "" } else { "git+" };
    match query.is_empty() {
        true => format!("{scheme}{url}"),
        false => format!("{scheme}{url}?{}", query.join("&")),
    }
}

/// `s` with every byte but letters, digits, `-._~` and those in `keep` percent-encoded.
fn percent_encode(s: &str, keep: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.as_bytes().contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The input's attributes as Nix prints them in an error: a JSON object, keys in order.
fn input_json(input: &std::collections::BTreeMap<String, InputAttr>) -> String {
    let mut out = b"{".to_vec();
    for (i, (key, value)) in input.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        crate::json::write_string(&mut out, key.as_bytes());
        out.push(b':');
        match value {
            InputAttr::String(s) => crate::json::write_string(&mut out, s.as_bytes()),
            InputAttr::Bool(b) => out.extend_from_slice(b.to_string().as_bytes()),
            InputAttr::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        }
    }
    out.push(b'}');
    String::from_utf8_lossy(&out).into_owned()
}

/// A Git URL as Nix normalises it: `user@host:path` (scp style) becomes an `ssh://` URL
/// and a URL without a scheme a `file://` one.
fn fix_git_url(url: &str) -> String {
    if !url.starts_with('/') {
        if let Some((user, rest)) = url.split_once('@') {
            if !user.contains('/') {
                if let Some((host, path)) = rest.rsplit_once(':') {
                    return format!("ssh://{user}@{host}/{path}");
                }
            }
        }
    }
    if url.starts_with("file:") || url.contains("://") {
        url.to_string()
    } else {
        format!("file://{url}")
    }
}

/// `builtins.fetchMercurial`: its argument checked as Nix checks it (`url`, `rev` — a
/// revision when it is 40 hexadecimal digits, else a branch — and `name`); then refused,
/// as it needs the network.
pub fn prim_fetch_mercurial(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let arg = m.force(&args[0], Some(span))?;
    let mut url = None;
    let mut has_rev = false;
    if let Value::Attrs(attrs) = &arg {
        for a in attrs.entries.iter() {
            let at = a.pos.unwrap_or(span);
            match &*a.name.name() {
                "url" => {
                    let what =
                        "while evaluating the `url` attribute passed to builtins.fetchMercurial";
                    url = Some(m.coerce_to_string_in(
                        &a.value,
                        CoerceMode::NoCopy,
                        at,
                        what,
                        Some(at),
                    )?);
                }
                "rev" => {
                    let what =
                        "while evaluating the `rev` attribute passed to builtins.fetchMercurial";
                    let rev = string_attr(m, &a.value, at, what)?;
                    has_rev = rev.bytes.len() == 40 && rev.bytes.iter().all(u8::is_ascii_hexdigit);
                }
                "name" => {
                    let what =
                        "while evaluating the `name` attribute passed to builtins.fetchMercurial";
                    string_attr(m, &a.value, at, what)?;
                }
                other => {
                    return Err(Error::other(
                        format!("unsupported argument '{other}' to 'fetchMercurial'"),
                        at,
                    ))
                }
            }
        }
    } else {
        let what = "while evaluating the first argument passed to builtins.fetchMercurial";
        url = Some(m.coerce_to_string_in(&arg, CoerceMode::NoCopy, span, what, None)?);
    }
    if url.is_none() {
        return Err(Error::other("'url' argument required", span));
    }
    if m.settings.pure_eval && !has_rev {
        return Err(Error::other(
            "in pure evaluation mode, 'fetchMercurial' requires a Mercurial revision",
            span,
        ));
    }
    Err(needs_network("fetchMercurial", span))
}
