//! Builtins that put things into the store or read store-like inputs: `toFile`, `path`,
//! `filterSource`, `storePath`, `toPath`, `hashFile`, `convertHash`, and the fetchers,
//! which check their arguments as Nix does but need the network for the rest, so only a
//! pinned fetch whose store path is already there succeeds.
//!
//! Nothing is written anywhere: a store path is computed from the contents exactly as
//! Nix computes it, and the result carries the path in its string context.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::builtins::Args;
use crate::error::{Error, ErrorKind, EvalResult};
use crate::io::FileType;
use crate::machine::{CoerceMode, Machine};
use crate::source::Span;
use crate::store::{self, Hash, HashAlgo, HashFormat, NarNode};
use crate::symbol::Symbol;
use crate::value::*;

fn io_error(msg: String, span: Span) -> Box<Error> {
    Error::new(ErrorKind::Io(msg), Some(span))
}

/// A string whose context is the one store path it names.
fn store_path_value(path: &str) -> Value {
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
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
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
fn string_attr(
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
    let mut ctx: BTreeSet<ContextElem> = string.context.map(|c| *c).unwrap_or_default();
    ctx.insert(ContextElem::Opaque(top));
    Ok(Value::string_with_context(
        path.into_bytes(),
        Some(Box::new(ctx)),
    ))
}

/// `builtins.toPath s`: the canonical absolute path, as a string (deprecated in Nix).
pub fn prim_to_path(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = m.coerce_to_path(&args[0], span, &args.what(0).frame(), None)?;
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
fn needs_network(name: &str, span: Span) -> Box<Error> {
    Error::new(
        ErrorKind::NotAvailable(format!(
            "builtins.{name} is not available in Nixpad: it needs the network. A lesson can mock it, \
             e.g. `let {name} = args: builtins.toFile \"fetched\" \"contents\"; in ...`"
        )),
        Some(span),
    )
}

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
