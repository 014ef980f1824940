//! Builtins that put things into the store or read store-like inputs: `toFile`, `path`,
//! `filterSource`, `storePath`, `toPath`, `hashFile`, `convertHash`, and the fetchers,
//! which need the network (natively they check their arguments first: [`super::fetchers`]).
//!
//! Nothing is written anywhere: a store path is computed from the contents exactly as
//! Nix computes it, and the result carries the path in its string context.

use std::rc::Rc;

use crate::builtins::Args;
use crate::error::{Error, ErrorKind, EvalResult};
use crate::io::FileType;
use crate::machine::Machine;
use crate::source::Span;
use crate::store::{self, Hash, HashAlgo, HashFormat, NarNode};
use crate::symbol::Symbol;
use crate::value::*;

fn io_error(msg: String, span: Span) -> Box<Error> {
    Error::new(ErrorKind::Io(msg), Some(span))
}

/// A string whose context is the one store path it names.
pub(super) fn store_path_value(path: &str) -> Value {
    crate::derivation::context_string(path, ContextElem::Opaque(path.to_string()))
}

/// Coerces a path-like argument (a path, or a string naming an absolute path) without
/// copying it, as `builtins.path` and `filterSource` read it; an error is in the frame
/// `what`, placed at `at`. With `doing`, the store paths it depends on are made valid
/// first (see [`crate::builtins::realise_context`]), the step named `doing` in the trace.
fn absolute_path_realised(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: &str,
    at: Option<Span>,
    doing: Option<&str>,
) -> EvalResult<String> {
    let string = m.coerce_to_path(v, span, what, at)?;
    let s = string.lossy().into_owned();
    if let Some(doing) = doing {
        crate::builtins::realise_context(m, &string.context, &s, doing)?;
    }
    Ok(crate::path::canonicalise(&s))
}

/// `builtins.toFile name contents`: a text store path referring to the store paths in
/// the contents' context (derivation outputs are refused, as in Nix).
pub fn prim_to_file(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let name = args.string_no_ctx(m, 0, span)?;
    let contents = args.string(m, 1, span)?;
    let mut refs = Vec::new();
    for e in contents.context.iter().flat_map(|c| c.iter()) {
        match e {
            ContextElem::Opaque(p) => refs.push(p.clone()),
            ContextElem::AllOutputs(d) => {
                let base = d.rsplit('/').next().unwrap_or(d);
                return Err(Error::other(
                    format!("files created by builtins.toFile may not reference derivations, but {} references ={base}", name.lossy()),
                    span,
                ));
            }
            ContextElem::Built(d, o) => {
                let base = d.rsplit('/').next().unwrap_or(d);
                return Err(Error::other(
                    format!("files created by builtins.toFile may not reference derivations, but {} references !{o}!{base}", name.lossy()),
                    span,
                ));
            }
        }
    }
    let name = name.lossy();
    let store_dir = m.settings.store_dir.clone();
    let path = store::make_text_path(&store_dir, &name, &contents.bytes, &refs);
    if let Err(e) = store::check_name(&name) {
        return Err(Error::other(
            store::invalid_store_path_message(store::store_path_base(&store_dir, &path), &e),
            span,
        ));
    }
    Ok(store_path_value(&path))
}

/// Reads a path into a NAR tree, keeping only entries the filter accepts.
fn filtered_nar(
    m: &mut Machine,
    path: &str,
    filter: Option<&Value>,
    span: Span,
) -> EvalResult<NarNode> {
    let io = |e: String| io_error(e, span);
    match m.io.file_type(path) {
        Some(FileType::Regular) => Ok(NarNode::Regular {
            executable: m.io.is_executable(path),
            contents: m.io.read_file(path).map_err(io)?,
        }),
        Some(FileType::Symlink) => Ok(NarNode::Symlink {
            target: m.io.read_link(path).map_err(io)?.into_bytes(),
        }),
        Some(FileType::Directory) => {
            let mut children = Vec::new();
            let mut entries = m.io.read_dir(path).map_err(io)?;
            crate::sort::sort_by(&mut entries, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            for (name, kind) in entries {
                let child = format!("{}/{}", path.trim_end_matches('/'), name);
                if let Some(f) = filter {
                    let kind_name = match kind {
                        FileType::Regular => "regular",
                        FileType::Directory => "directory",
                        FileType::Symlink => "symlink",
                        FileType::Unknown => "unknown",
                    };
                    let r = m.call_at(
                        f,
                        vec![
                            Value::string(child.as_bytes()),
                            Value::string(kind_name.as_bytes()),
                        ],
                        span,
                        Span::NOWHERE,
                    )?;
                    match m.force(&r, Some(span))? {
                        Value::Bool(true) => {}
                        Value::Bool(false) => continue,
                        other_v => {
                            let mut e = m.type_error("a Boolean", &other_v, Some(span));
                            e.push_frame(
                                "while evaluating the return value of the path filter function",
                                None,
                            );
                            return Err(e);
                        }
                    }
                }
                children.push((name.into_bytes(), filtered_nar(m, &child, filter, span)?));
            }
            Ok(NarNode::Directory(children))
        }
        Some(FileType::Unknown) => Err(io(format!("file '{path}' has an unsupported type"))),
        None => Err(io(m
            .io
            .access_error(path)
            .unwrap_or_else(|| format!("path '{path}' does not exist")))),
    }
}

/// `e`, an error adding `path` to the store, in Nix's frame for it.
fn while_adding(mut e: Box<Error>, path: &str) -> Box<Error> {
    e.push_frame(format!("while adding path '{path}'"), None);
    e
}

/// Adds a path to the store the way `builtins.path` does and returns the store path.
fn add_path(
    m: &mut Machine,
    path: &str,
    name: &str,
    filter: Option<&Value>,
    recursive: bool,
    expected: Option<Hash>,
    span: Span,
) -> EvalResult<String> {
    let store_dir = m.settings.store_dir.clone();
    let resolved = crate::builtins::resolve_symlinks(m, path, span)?;
    let path = resolved.as_str();
    let result = if recursive {
        let node = filtered_nar(m, path, filter, span)?;
        let hash = Hash::sha256_from_bytes(store::nar_sha256(&node));
        match &expected {
            Some(h) if h.algo == HashAlgo::Sha256 && *h != hash => None,
            _ => Some(store::make_fixed_output_path(
                &store_dir,
                name,
                true,
                &hash,
                &[],
            )),
        }
    } else {
        let contents = match m.io.file_type(path) {
            Some(FileType::Directory) => {
                return Err(io_error(
                    format!("reading from file '{path}': Is a directory"),
                    span,
                ))
            }
            None => {
                return Err(io_error(
                    m.io.access_error(path).unwrap_or_else(|| {
                        format!("opening file '{path}': No such file or directory")
                    }),
                    span,
                ))
            }
            _ => m.io.read_file(path).map_err(|e| io_error(e, span))?,
        };
        let algo = expected.as_ref().map_or(HashAlgo::Sha256, |h| h.algo);
        let hash = Hash::of(algo, &contents);
        match &expected {
            Some(h) if *h != hash => None,
            _ => Some(store::make_fixed_output_path(
                &store_dir,
                name,
                false,
                &hash,
                &[],
            )),
        }
    };
    let Some(out) = result else {
        return Err(Error::other(
            format!("store path mismatch in (possibly filtered) path added from '{path}'"),
            span,
        ));
    };
    if let Err(e) = store::check_name(name) {
        return Err(Error::other(
            store::invalid_store_path_message(store::store_path_base(&store_dir, &out), &e),
            span,
        ));
    }
    Ok(out)
}

/// Puts an error in `frame` at `at`: as Nix, `builtins.path` reports any error in one of
/// its attributes (a type error at the attribute itself too) in the attribute's frame.
fn in_frame(frame: &'static str, at: Span) -> impl Fn(Box<Error>) -> Box<Error> {
    move |mut e| {
        e.push_frame(frame, Some(at));
        e
    }
}

/// A string attribute of `builtins.path`'s argument, without context, its errors in
/// [`in_frame`].
pub(super) fn string_attr(
    m: &mut Machine,
    v: &Value,
    at: Span,
    frame: &'static str,
) -> EvalResult<Rc<NixString>> {
    let in_attr = in_frame(frame, at);
    let given = match m.force(v, Some(at)).map_err(&in_attr)? {
        Value::String(s) => s,
        other => return Err(in_attr(m.type_error("a string", &other, Some(at)))),
    };
    match crate::primop::context_not_allowed(&given, None) {
        Some(e) => Err(in_attr(e)),
        None => Ok(given),
    }
}

/// `builtins.path { path; name ? baseNameOf path; filter ? null; recursive ? true; sha256 ? null; }`
pub fn prim_path(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let attrs = match m.force(&args[0], Some(span))? {
        Value::Attrs(a) => a,
        other_v => {
            let mut e = m.type_error("a set", &other_v, Some(span));
            e.push_frame(
                "while evaluating the argument passed to 'builtins.path'",
                None,
            );
            return Err(e);
        }
    };
    let mut path = None;
    let mut name = None;
    let mut filter = None;
    let mut recursive = true;
    let mut sha256 = None;
    for a in attrs.sorted_by_name() {
        let key = a.name.name();
        let at = a.pos.unwrap_or(span);
        match &*key {
            "path" => {
                path = Some(absolute_path_realised(
                    m,
                    &a.value,
                    at,
                    "while evaluating the 'path' attribute passed to 'builtins.path'",
                    Some(at),
                    Some("while adding path"),
                )?)
            }
            "name" => {
                let what = "while evaluating the `name` attribute passed to builtins.path";
                let given = string_attr(m, &a.value, at, what)?;
                // An empty name stands for the default one (the path's base name).
                if !given.bytes.is_empty() {
                    name = Some(given.lossy().into_owned());
                }
            }
            "filter" => {
                let in_filter = in_frame(
                    "while evaluating the `filter` parameter passed to builtins.path",
                    at,
                );
                let f = m.force(&a.value, Some(at)).map_err(&in_filter)?;
                if !matches!(f, Value::Lambda(_) | Value::PrimOp(_))
                    && !matches!(&f, Value::Attrs(s) if s.get(Symbol::new("__functor")).is_some())
                {
                    return Err(in_filter(m.type_error("a function", &f, Some(at))));
                }
                filter = Some(f);
            }
            "recursive" => {
                let in_recursive = in_frame(
                    "while evaluating the `recursive` attribute passed to builtins.path",
                    at,
                );
                match m.force(&a.value, Some(at)).map_err(&in_recursive)? {
                    Value::Bool(b) => recursive = b,
                    other => return Err(in_recursive(m.type_error("a Boolean", &other, Some(at)))),
                }
            }
            "sha256" => {
                let what = "while evaluating the `sha256` attribute passed to builtins.path";
                let given = string_attr(m, &a.value, at, what)?;
                sha256 = Some(
                    Hash::parse_any(&given.lossy(), Some(HashAlgo::Sha256))
                        .map_err(|e| Error::hash(e, None))?,
                );
            }
            _ => {
                return Err(Error::other(
                    format!("unsupported argument '{key}' to 'builtins.path'"),
                    at,
                ))
            }
        }
    }
    let Some(path) = path else {
        return Err(Error::other(
            "missing required 'path' attribute in the first argument to 'builtins.path'",
            span,
        ));
    };
    let name = name.unwrap_or_else(|| crate::path::base_name(&path).to_string());
    let out = add_path(m, &path, &name, filter.as_ref(), recursive, sha256, span)
        .map_err(|e| while_adding(e, &path))?;
    Ok(store_path_value(&out))
}

/// `builtins.filterSource filter path`
pub fn prim_filter_source(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    // As Nix: the path is read before the filter.
    let path = absolute_path_realised(
        m,
        &args[1],
        span,
        "while evaluating the second argument (the path to filter) passed to 'builtins.filterSource'",
        None,
        Some("while adding path"),
    )?;
    let f = args.function(m, 0, span)?;
    let name = crate::path::base_name(&path).to_string();
    let out = add_path(m, &path, &name, Some(&f), true, None, span)
        .map_err(|e| while_adding(e, &path))?;
    Ok(store_path_value(&out))
}

/// `builtins.storePath path`: a store path (or a path inside one) as a string with the
/// store path in its context.
pub fn prim_store_path(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    if m.settings.pure_eval {
        return Err(Error::other(
            "'builtins.storePath' is not allowed in pure evaluation mode".to_string(),
            span,
        ));
    }
    let string = m.coerce_to_path(
        &args[0],
        span,
        "while evaluating the first argument passed to 'builtins.storePath'",
        None,
    )?;
    let path = crate::path::canonicalise(&string.lossy());
    let store_dir = m.settings.store_dir.clone();
    let Some(rest) = path
        .strip_prefix(&store_dir)
        .and_then(|r| r.strip_prefix('/'))
    else {
        return Err(Error::other(
            format!("path '{path}' is not in the Nix store"),
            span,
        ));
    };
    let base = rest.split('/').next().unwrap_or("");
    if base.len() < 33 {
        return Err(Error::other(
            format!("'{base}' is too short to be a valid store path"),
            span,
        ));
    }
    if let Some(c) = base
        .bytes()
        .take(32)
        .find(|c| !store::NIX32_ALPHABET.contains(c))
    {
        return Err(Error::other(
            format!(
                "store path '{base}' contains illegal base-32 character '{}'",
                c as char
            ),
            span,
        ));
    }
    if let Err(e) = store::check_name(base.get(33..).unwrap_or("\u{fffd}")) {
        return Err(Error::other(
            format!("path '{base}' is not a valid store path: {e}"),
            span,
        ));
    }
    // The argument's own context is kept, as in Nix.
    let top = format!("{store_dir}/{base}");
    let own = string.context.iter().flat_map(|c| c.iter()).cloned();
    let ctx = context_of(own.chain([ContextElem::Opaque(top)]));
    Ok(Value::string_with_context(path.into_bytes(), ctx))
}

/// `builtins.toPath s`: the canonical absolute path, as a string (deprecated in Nix).
pub fn prim_to_path(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = m.coerce_to_path(&args[0], span, args.what(0), None)?;
    let text = s.lossy().into_owned();
    Ok(Value::string_with_context(
        crate::path::canonicalise(&text).into_bytes(),
        s.context.clone(),
    ))
}

/// `builtins.hashFile algo path`: base-16 hash of a file's contents.
pub fn prim_hash_file(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let algo = args.string_no_ctx(m, 0, span)?;
    let algo = HashAlgo::parse(&algo.lossy()).map_err(|e| Error::hash(e, Some(span)))?;
    let path = crate::builtins::resolved_path_argument(m, &args[1], span)?;
    let bytes = m.io.read_file(&path).map_err(|e| io_error(e, span))?;
    Ok(Value::string(
        store::to_base16(&algo.digest(&bytes)).into_bytes(),
    ))
}

/// `builtins.convertHash { hash; hashAlgo ? null; toHashFormat; }`
pub fn prim_convert_hash(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let attrs = args.attrs(m, 0, span)?;
    let get = |m: &mut Machine, key: &str, what: &str| -> EvalResult<Option<Rc<NixString>>> {
        match attrs.get(Symbol::new(key)).cloned() {
            None => Ok(None),
            Some(v) => crate::builtins::want_string_no_ctx(m, &v, span, what).map(Some),
        }
    };
    // A missing attribute as Nix's `getAttr` reports it.
    let missing = |key: &str| {
        let mut e = Error::new(ErrorKind::Other(format!("attribute '{key}' missing")), None);
        e.push_frame(format!("while locating the attribute '{key}'"), None);
        e
    };
    let Some(hash) = get(m, "hash", "while evaluating the attribute 'hash'")? else {
        return Err(missing("hash"));
    };
    let algo = match get(m, "hashAlgo", "while evaluating the attribute 'hashAlgo'")? {
        Some(a) => Some(HashAlgo::parse(&a.lossy()).map_err(|e| Error::hash(e, Some(span)))?),
        None => None,
    };
    let Some(format) = get(
        m,
        "toHashFormat",
        "while evaluating the attribute 'toHashFormat'",
    )?
    else {
        return Err(missing("toHashFormat"));
    };
    let format_name = format.lossy().into_owned();
    let format = HashFormat::parse(&format_name).map_err(|e| Error::hash(e, Some(span)))?;
    if let Some(w) = HashFormat::deprecation_warning(&format_name) {
        crate::io::log(&*m.io, &format!("warning: {w}"));
    }
    let h = Hash::parse_any(&hash.lossy(), algo).map_err(|e| Error::hash(e, Some(span)))?;
    Ok(Value::string(h.encode(format).into_bytes()))
}

/// The error for a builtin that needs the network.
pub(super) fn needs_network(name: &str, span: Span) -> Box<Error> {
    Error::new(
        ErrorKind::NotAvailable(format!(
            "builtins.{name} is not available in Nixpad: it needs the network. A lesson can mock it, \
             e.g. `let {name} = args: builtins.toFile \"fetched\" \"contents\"; in ...`"
        )),
        Some(span),
    )
}

/// The fetchers that check their arguments as Nix does before refusing to download
/// ([`super::fetchers`]). Only natively: in the browser those checks (about 6 KB of the
/// first load, gzip) do not fit its size budget, so a fetch is refused at once there.
#[cfg(not(target_arch = "wasm32"))]
pub use super::fetchers::{
    prim_fetch_git, prim_fetch_mercurial, prim_fetch_tarball, prim_fetchurl,
};
#[cfg(target_arch = "wasm32")]
pub use refused_fetchers::*;

/// The fetchers in the browser: refused at once (see above).
#[cfg(target_arch = "wasm32")]
mod refused_fetchers {
    use super::*;

    /// `builtins.fetchurl`: refused (network).
    pub fn prim_fetchurl(_m: &mut Machine, _args: Args, span: Span) -> EvalResult<Value> {
        Err(needs_network("fetchurl", span))
    }

    /// `builtins.fetchTarball`: refused (network).
    pub fn prim_fetch_tarball(_m: &mut Machine, _args: Args, span: Span) -> EvalResult<Value> {
        Err(needs_network("fetchTarball", span))
    }

    /// `builtins.fetchGit`: refused (network).
    pub fn prim_fetch_git(_m: &mut Machine, _args: Args, span: Span) -> EvalResult<Value> {
        Err(needs_network("fetchGit", span))
    }

    /// `builtins.fetchMercurial`: refused (network).
    pub fn prim_fetch_mercurial(_m: &mut Machine, _args: Args, span: Span) -> EvalResult<Value> {
        Err(needs_network("fetchMercurial", span))
    }
}

/// `builtins.fetchTree`: not available (network).
pub fn prim_fetch_tree(_m: &mut Machine, _args: Args, span: Span) -> EvalResult<Value> {
    Err(needs_network("fetchTree", span))
}

/// `builtins.getFlake`: not available yet (flakes need fetching and a lock file).
pub fn prim_get_flake(_m: &mut Machine, _args: Args, span: Span) -> EvalResult<Value> {
    Err(Error::new(
        ErrorKind::NotAvailable(
            "builtins.getFlake is not available in Nixpad yet: flakes need fetching their inputs. \
             A lesson can import the flake's files directly instead"
                .into(),
        ),
        Some(span),
    ))
}
