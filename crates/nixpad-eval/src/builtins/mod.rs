//! The builtins: the `builtins` set, the global names, and each primop.

pub(crate) mod callbacks;
pub(crate) mod context;
pub(crate) mod derivations;
pub(crate) mod docs;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod fetchers;
pub(crate) mod store_builtins;
pub(crate) mod versions;

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::error::{Error, ErrorKind, EvalResult, TypeMismatch};
use crate::io::FileType;
use crate::ir::BinOp;
use crate::machine::{CoerceMode, Machine};
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::merge_context;
use crate::value::*;

pub use docs::{builtin_arity, builtin_doc, BuiltinDoc};

pub(crate) use crate::primop::{
    arg_error, want_bool, want_list, want_string, want_string_no_ctx, Args, PrimFn, PrimOp,
};
use crate::primop::{want_attrs, want_function};

/// Names that are global without `builtins.` (the rest are also global as `__name`).
const GLOBAL_NAMES: &[&str] = &[
    "abort",
    "baseNameOf",
    "derivation",
    "derivationStrict",
    "dirOf",
    "fetchGit",
    "fetchMercurial",
    "fetchTarball",
    "fromTOML",
    "import",
    "isNull",
    "map",
    "placeholder",
    "removeAttrs",
    "scopedImport",
    "throw",
    "toString",
    "true",
    "false",
    "null",
    "builtins",
];

/// Whether `name` is a builtin reachable without `builtins.` (`map`, `toString`, ...; not
/// the constants `true`, `false`, `null` nor `builtins` itself).
pub fn is_global_builtin(name: &str) -> bool {
    GLOBAL_NAMES.contains(&name) && !matches!(name, "true" | "false" | "null" | "builtins")
}

/// Whether `builtins.NAME` exists (a primop or a constant such as `derivation`).
pub fn is_builtin(name: &str) -> bool {
    CONSTANTS.contains(&name) || PRIMOPS.iter().any(|p| p.name == name)
}

macro_rules! primops {
    ($( $name:literal / $args:literal => $(@$calls:ident)? $func:path ),* $(,)?) => {
        /// Every primop Nixpad implements.
        pub static PRIMOPS: &[PrimOp] = &[ $( PrimOp { name: $name, arity: $args.len() as u8, args: $args.as_bytes(), func: prim_fn!($($calls)? $func) } ),* ];
    };
}

macro_rules! prim_fn {
    (calls $func:path) => {
        PrimFn::Calls($func)
    };
    (pure $func:path) => {
        PrimFn::Pure($func)
    };
    ($func:path) => {
        PrimFn::Value($func)
    };
}

primops! {
    "abort" / "." => prim_abort,
    "throw" / "." => prim_throw,
    "tryEval" / "_" => prim_try_eval,
    "seq" / "._" => prim_seq,
    "deepSeq" / "__" => prim_deep_seq,
    "trace" / "__" => prim_trace,
    "warn" / "s_" => prim_warn,
    "traceVerbose" / "__" => prim_trace_verbose,
    "break" / "_" => prim_break,
    "typeOf" / "." => @pure prim_type_of,
    "isNull" / "." => @pure prim_is_null,
    "isBool" / "." => @pure prim_is_bool,
    "isInt" / "." => @pure prim_is_int,
    "isFloat" / "." => @pure prim_is_float,
    "isString" / "." => @pure prim_is_string,
    "isPath" / "." => @pure prim_is_path,
    "isList" / "." => @pure prim_is_list,
    "isAttrs" / "." => @pure prim_is_attrs,
    "isFunction" / "." => @pure prim_is_function,
    "import" / "_" => prim_import,
    "scopedImport" / "S_" => prim_scoped_import,
    "toString" / "." => prim_to_string,
    "length" / "L" => @pure prim_length,
    "head" / "L" => @pure prim_head,
    "tail" / "L" => @pure prim_tail,
    // Nix forces the index first (its C++ evaluates the call's arguments right to left).
    "elemAt" / "_I" => @pure prim_elem_at,
    "elem" / "_L" => prim_elem,
    "map" / "_L" => @pure prim_map,
    "filter" / "_L" => @calls crate::callbacks::prim_filter,
    "foldl'" / "F_L" => @calls crate::callbacks::prim_foldl,
    "genList" / "_I" => prim_gen_list,
    "concatLists" / "L" => prim_concat_lists,
    "concatMap" / "FL" => @calls crate::callbacks::prim_concat_map,
    "all" / "FL" => @calls crate::callbacks::prim_all,
    "any" / "FL" => @calls crate::callbacks::prim_any,
    "attrNames" / "S" => @pure prim_attr_names,
    "attrValues" / "S" => @pure prim_attr_values,
    "getAttr" / "sS" => @pure prim_get_attr,
    "hasAttr" / "sS" => @pure prim_has_attr,
    "removeAttrs" / "SL" => prim_remove_attrs,
    "listToAttrs" / "L" => prim_list_to_attrs,
    "mapAttrs" / "_S" => @pure prim_map_attrs,
    "intersectAttrs" / "SS" => @pure prim_intersect_attrs,
    "catAttrs" / "sL" => prim_cat_attrs,
    "functionArgs" / "." => @pure prim_function_args,
    "add" / ".." => @pure prim_add,
    "sub" / ".." => @pure prim_sub,
    "mul" / ".." => @pure prim_mul,
    "div" / ".." => @pure prim_div,
    "lessThan" / ".." => prim_less_than,
    "bitAnd" / "II" => @pure prim_bit_and,
    "bitOr" / "II" => @pure prim_bit_or,
    "bitXor" / "II" => @pure prim_bit_xor,
    "stringLength" / "." => prim_string_length,
    "substring" / "II_" => prim_substring,
    "concatStringsSep" / "sL" => prim_concat_strings_sep,
    "replaceStrings" / "LL_" => prim_replace_strings,
    "split" / "ss" => prim_split,
    "match" / "ss" => prim_match,
    "baseNameOf" / "." => prim_base_name_of,
    "dirOf" / "." => prim_dir_of,
    "toJSON" / "_" => prim_to_json,
    "fromJSON" / "s" => prim_from_json,
    "sort" / "_L" => @calls crate::callbacks::prim_sort,
    "partition" / "FL" => @calls crate::callbacks::prim_partition,
    "groupBy" / "FL" => @calls crate::callbacks::prim_group_by,
    "zipAttrsWith" / "FL" => prim_zip_attrs_with,
    "genericClosure" / "S" => prim_generic_closure,
    "getEnv" / "s" => prim_get_env,
    "findFile" / "L_" => prim_find_file,
    "pathExists" / "." => prim_path_exists,
    "readFile" / "_" => prim_read_file,
    "readDir" / "_" => prim_read_dir,
    "readFileType" / "_" => prim_read_file_type,
    "hashString" / "s_" => prim_hash_string,
    "placeholder" / "s" => prim_placeholder,
    "unsafeGetAttrPos" / "sS" => prim_unsafe_get_attr_pos,
    "addErrorContext" / "__" => prim_add_error_context,
    "ceil" / "N" => prim_ceil,
    "floor" / "N" => prim_floor,
    "derivationStrict" / "_" => crate::derivations::prim_derivation_strict,
    "getContext" / "_" => crate::context::prim_get_context,
    "hasContext" / "_" => crate::context::prim_has_context,
    "appendContext" / "__" => crate::context::prim_append_context,
    "unsafeDiscardStringContext" / "_" => crate::context::prim_unsafe_discard_string_context,
    "unsafeDiscardOutputDependency" / "_" => crate::context::prim_unsafe_discard_output_dependency,
    "addDrvOutputDependencies" / "_" => crate::context::prim_add_drv_output_dependencies,
    "toFile" / "__" => crate::store_builtins::prim_to_file,
    "path" / "_" => crate::store_builtins::prim_path,
    "filterSource" / "__" => crate::store_builtins::prim_filter_source,
    "storePath" / "_" => crate::store_builtins::prim_store_path,
    "toPath" / "_" => crate::store_builtins::prim_to_path,
    "hashFile" / "__" => crate::store_builtins::prim_hash_file,
    "convertHash" / "_" => crate::store_builtins::prim_convert_hash,
    "fetchurl" / "_" => crate::store_builtins::prim_fetchurl,
    "fetchTarball" / "_" => crate::store_builtins::prim_fetch_tarball,
    "fetchGit" / "_" => crate::store_builtins::prim_fetch_git,
    "fetchMercurial" / "_" => crate::store_builtins::prim_fetch_mercurial,
    "fetchTree" / "_" => crate::store_builtins::prim_fetch_tree,
    "getFlake" / "_" => crate::store_builtins::prim_get_flake,
    "compareVersions" / "__" => crate::versions::prim_compare_versions,
    "splitVersion" / "_" => crate::versions::prim_split_version,
    "parseDrvName" / "_" => crate::versions::prim_parse_drv_name,
    "fromTOML" / "_" => crate::toml::prim_from_toml,
    "toXML" / "_" => crate::xml::prim_to_xml,
}

/// The names of the constants in `builtins` (besides the primops).
const CONSTANTS: &[&str] = &[
    "true",
    "false",
    "null",
    "currentSystem",
    "nixVersion",
    "langVersion",
    "storeDir",
    "nixPath",
    "currentTime",
    "builtins",
    "derivation",
];

/// Names Nix interns before reading any user code, in its order (its evaluator's own
/// symbols, its parser's, then the identifiers of its Nix-language `derivation` wrapper). Attribute sets
/// are walked in interning order (deep equality, forcing), so which of two failing
/// attributes is reported first depends on it.
const NIX_PRE_INTERNED: &[&str] = &[
    "<with>",
    "outPath",
    "drvPath",
    "type",
    "meta",
    "name",
    "value",
    "system",
    "__overrides",
    "outputs",
    "outputName",
    "__ignoreNulls",
    "file",
    "line",
    "column",
    "__functor",
    "__toString",
    "right",
    "wrong",
    "__structuredAttrs",
    "allowedReferences",
    "allowedRequisites",
    "disallowedReferences",
    "disallowedRequisites",
    "maxSize",
    "maxClosureSize",
    "builder",
    "args",
    "__contentAddressed",
    "__impure",
    "outputHash",
    "outputHashAlgo",
    "outputHashMode",
    "recurseForDerivations",
    "description",
    "self",
    "",
    "startSet",
    "operator",
    "key",
    "path",
    "prefix",
    "outputSpecified",
    // The names its parser rewrites operators and search paths to.
    "__sub",
    "__lessThan",
    "__mul",
    "__div",
    "or",
    "__findFile",
    "__nixPath",
    "body",
    "drvAttrs",
    "strict",
    "commonAttrs",
    "outputsList",
    "all",
    "x",
    "outputToAttrListElement",
];

/// Builds the `builtins` set and the global environment.
pub fn install(m: &mut Machine) {
    for name in NIX_PRE_INTERNED {
        Symbol::new(name);
    }
    let mut entries: Vec<Attr> = Vec::new();
    let feature = |f: &str| m.settings.experimental_features.iter().any(|e| e == f);
    let (flakes, fetch_tree) = (feature("flakes"), feature("fetch-tree"));
    for op in PRIMOPS.iter() {
        // Experimental builtins exist only with their feature, as in Nix.
        let available = match op.name {
            "getFlake" => flakes,
            "fetchTree" => flakes || fetch_tree,
            _ => true,
        };
        if !available {
            continue;
        }
        entries.push(Attr {
            name: Symbol::new(op.name),
            value: Value::PrimOp(Rc::new(PrimOpApp {
                op,
                args: Vec::new(),
            })),
            pos: None,
        });
    }
    let nix_path: Vec<Value> = m
        .settings
        .nix_path
        .iter()
        .map(|(prefix, path)| {
            Value::attrs(Attrs::from_unsorted(vec![
                Attr {
                    name: Symbol::new("path"),
                    value: Value::string(path.as_bytes()),
                    pos: None,
                },
                Attr {
                    name: Symbol::new("prefix"),
                    value: Value::string(prefix.as_bytes()),
                    pos: None,
                },
            ]))
        })
        .collect();
    let constants: Vec<(&str, Value)> = vec![
        ("true", Value::Bool(true)),
        ("false", Value::Bool(false)),
        ("null", Value::Null),
        (
            "currentSystem",
            Value::string(m.settings.current_system.as_bytes()),
        ),
        ("nixVersion", Value::string(&b"2.26.3"[..])),
        ("langVersion", Value::Int(6)),
        ("storeDir", Value::string(m.settings.store_dir.as_bytes())),
        ("nixPath", Value::list(nix_path)),
        ("currentTime", Value::Int(m.io.current_time())),
    ];
    let impure = ["currentSystem", "currentTime"];
    for (name, value) in constants {
        if m.settings.pure_eval && impure.contains(&name) {
            continue;
        }
        entries.push(Attr {
            name: Symbol::new(name),
            value,
            pos: None,
        });
    }
    // `derivation` is written in Nix on top of `derivationStrict`; it is lowered once the
    // global environment exists (below).
    let derivation_thunk = Rc::new(Thunk(std::cell::RefCell::new(ThunkState::Blackhole)));
    entries.push(Attr {
        name: Symbol::new("derivation"),
        value: Value::Thunk(derivation_thunk.clone()),
        pos: None,
    });
    // `builtins.builtins` refers to the set itself: fill it through a thunk.
    let self_thunk = Rc::new(Thunk(std::cell::RefCell::new(ThunkState::Blackhole)));
    entries.push(Attr {
        name: Symbol::new("builtins"),
        value: Value::Thunk(self_thunk.clone()),
        pos: None,
    });
    let set = Value::attrs(Attrs::from_unsorted(entries));
    *self_thunk.0.borrow_mut() = ThunkState::Done(set.clone());
    m.collector.track_thunk(&self_thunk);
    m.builtins = set.clone();

    let Value::Attrs(attrs) = &set else {
        unreachable!()
    };
    let mut names = HashMap::default();
    let mut values = Vec::new();
    for a in attrs.entries.iter() {
        let name = a.name.name();
        debug_assert!(CONSTANTS.contains(&&*name) || PRIMOPS.iter().any(|p| p.name == &*name));
        let global = if GLOBAL_NAMES.contains(&&*name) {
            name.to_string()
        } else {
            format!("__{name}")
        };
        names.insert(Symbol::new(&global), values.len() as u32);
        values.push(if &*name == "builtins" {
            set.clone()
        } else {
            a.value.clone()
        });
    }
    m.globals = new_env(values.into(), None);
    m.global_names = names;

    let file = m.sources.add(
        crate::corepkgs::derivation_origin(),
        crate::derivation::DERIVATION_NIX.into(),
    );
    match lower_derivation_file(m, file) {
        Ok(expr) => {
            *derivation_thunk.0.borrow_mut() = ThunkState::Expr(expr, m.globals.clone());
            m.collector.track_thunk(&derivation_thunk);
            // The file is a function: Nix evaluates it at start-up, so `builtins` shows
            // `derivation` as a lambda even before it is called.
            let _ = m.force(&Value::Thunk(derivation_thunk), None);
        }
        Err(e) => {
            *derivation_thunk.0.borrow_mut() =
                ThunkState::Done(Value::string(e.message().into_bytes()))
        }
    }
}

// ---------------------------------------------------------------------------
// Argument helpers

pub(crate) fn attrs_of(pairs: Vec<(&str, Value)>) -> Value {
    Value::attrs(Attrs::from_unsorted(
        pairs
            .into_iter()
            .map(|(n, v)| Attr {
                name: Symbol::new(n),
                value: v,
                pos: None,
            })
            .collect(),
    ))
}

// ---------------------------------------------------------------------------
// Control

/// `abort`: the message is coerced as interpolation coerces (a path is copied to the
/// store), as Nix's is.
fn prim_abort(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = m.coerce_to_string_in(
        &args[0],
        CoerceMode::Interpolation,
        span,
        "while evaluating the error message passed to builtins.abort",
        None,
    )?;
    Err(Error::new(ErrorKind::Abort(s.lossy().into_owned()), None))
}

fn prim_throw(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    // "builtin.throw" (sic) is Nix's wording.
    let s = m.coerce_to_string_in(
        &args[0],
        CoerceMode::Interpolation,
        span,
        "while evaluating the error message passed to builtin.throw",
        None,
    )?;
    Err(Error::new(ErrorKind::Throw(s.lossy().into_owned()), None))
}

fn prim_try_eval(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    match m.force(&args[0], Some(span)) {
        Ok(v) => Ok(attrs_of(vec![("success", Value::Bool(true)), ("value", v)])),
        Err(e) if e.kind.is_catchable() => Ok(attrs_of(vec![
            ("success", Value::Bool(false)),
            ("value", Value::Bool(false)),
        ])),
        Err(e) => Err(e),
    }
}

/// As in Nix, the second argument is forced within the call, so an error in it is
/// reported "while calling the 'seq' builtin".
fn prim_seq(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    m.force(&args[1], Some(span))
}

fn prim_deep_seq(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    // As Nix's `forceValueDeep`: every value is forced without a position.
    m.deep_force(&args[0], None)?;
    m.force(&args[1], Some(span))
}

fn trace_message(m: &mut Machine, v: &Value, span: Span) -> EvalResult<String> {
    let v = m.force(v, Some(span))?;
    Ok(match &v {
        Value::String(s) => s.lossy().into_owned(),
        // Nix prints other values as they are, forcing nothing inside them.
        other => crate::print::print_for_trace(other, &m.sources),
    })
}

fn emit_trace(m: &mut Machine, line: String) {
    let line = crate::io::log(&*m.io, &line);
    m.trace_lines.push(line);
}

fn prim_trace(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let msg = trace_message(m, &args[0], span)?;
    emit_trace(m, format!("trace: {msg}"));
    Ok(args[1].clone())
}

fn prim_trace_verbose(_m: &mut Machine, args: Args, _span: Span) -> EvalResult<Value> {
    Ok(args[1].clone())
}

fn prim_warn(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let msg = args.string_no_ctx(m, 0, span)?;
    emit_trace(m, warning_text(&msg.lossy()));
    if m.settings.abort_on_warn {
        let why = "aborting to reveal stack trace of warning, as abort-on-warn is set";
        return Err(Error::new(ErrorKind::Other(why.into()), None));
    }
    Ok(args[1].clone())
}

/// `msg` as Nix logs a warning: after `evaluation warning:`, its lines aligned under the
/// first, without trailing whitespace; nothing at all for a blank message.
fn warning_text(msg: &str) -> String {
    const HEADER: &str = "evaluation warning:";
    let mut text = String::new();
    if msg.trim_end().is_empty() {
        return text;
    }
    text.push_str(HEADER);
    if !msg.starts_with('\n') {
        text.push(' ');
    }
    crate::error::push_indented(&mut text, msg, &" ".repeat(HEADER.len() + 1));
    text
}

/// `break v`: `v`, unless a debugger is attached and stops here.
fn prim_break(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    m.reach_breakpoint(&args[0], span)?;
    Ok(args[0].clone())
}

/// `ceil`/`floor` (`f`) of a number the table checked: integers pass through; a float out
/// of the integer range gives the smallest integer (what Nix's conversion gives on x86-64).
fn round_op(args: &Args, f: fn(f64) -> f64) -> Value {
    match &args[0] {
        Value::Float(x) => {
            let r = f(*x);
            // 2^63 as a float: the first value out of range.
            const LIMIT: f64 = 9_223_372_036_854_775_808.0;
            Value::Int(if (-LIMIT..LIMIT).contains(&r) {
                r as i64
            } else {
                i64::MIN
            })
        }
        integer => integer.clone(),
    }
}

fn prim_ceil(_: &mut Machine, args: Args, _: Span) -> EvalResult<Value> {
    Ok(round_op(&args, f64::ceil))
}

fn prim_floor(_: &mut Machine, args: Args, _: Span) -> EvalResult<Value> {
    Ok(round_op(&args, f64::floor))
}

/// `builtins.addErrorContext message value`: `value`, forced; an error in it gets
/// `message` as a frame of its trace, printed even where the trace is cut short.
fn prim_add_error_context(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let mut err = match m.force(&args[1], Some(span)) {
        Ok(v) => return Ok(v),
        Err(e) if e.kind == ErrorKind::Suspended => return Err(e),
        Err(e) => e,
    };
    let message = m.force(&args[0], Some(span)).and_then(|v| {
        m.coerce_to_string(&v, crate::machine::CoerceMode::NoCopy, span)
            .map_err(|mut e| {
                e.span = None;
                e.push_frame(
                    "while evaluating the error message passed to builtins.addErrorContext",
                    None,
                );
                e
            })
    })?;
    err.push_context_frame(message.lossy());
    Err(err)
}

// ---------------------------------------------------------------------------
// Types

fn prim_type_of(_m: &mut Machine, args: Args, _span: Span) -> EvalResult<Value> {
    Ok(Value::string(args[0].type_of().as_bytes()))
}

macro_rules! type_predicate {
    ($name:ident, $pat:pat) => {
        fn $name(_m: &mut Machine, args: Args, _span: Span) -> EvalResult<Value> {
            Ok(Value::Bool(matches!(args[0], $pat)))
        }
    };
}
type_predicate!(prim_is_null, Value::Null);
type_predicate!(prim_is_bool, Value::Bool(_));
type_predicate!(prim_is_int, Value::Int(_));
type_predicate!(prim_is_float, Value::Float(_));
type_predicate!(prim_is_string, Value::String(_));
type_predicate!(prim_is_path, Value::Path(_));
type_predicate!(prim_is_list, Value::List(_));
type_predicate!(prim_is_attrs, Value::Attrs(_));
type_predicate!(prim_is_function, Value::Lambda(_) | Value::PrimOp(_));

// ---------------------------------------------------------------------------
// Import

/// Resolves the path argument of `import` and friends to an absolute path string, as
/// Nix's `realisePath`: the store paths its context names must be valid.
pub(crate) fn path_argument(m: &mut Machine, v: &Value, span: Span) -> EvalResult<String> {
    let s = m.coerce_to_path(v, span, "while realising the context of a path", None)?;
    let text = s.lossy().into_owned();
    if crate::corepkgs::name(&text).is_some() {
        return Ok(text);
    }
    realise_context(m, &s.context, &text, "while realising the context of path")?;
    Ok(crate::path::canonicalise(&text))
}

/// [`path_argument`] with its symbolic links resolved, as Nix's `realisePath` resolves
/// them for `readFile`, `readDir` and `hashFile`: a path that pure evaluation refuses is
/// refused there, in its frame.
pub(crate) fn resolved_path_argument(m: &mut Machine, v: &Value, span: Span) -> EvalResult<String> {
    let path = path_argument(m, v, span)?;
    if let Some(refused) = m.io.access_error(&path) {
        let mut e = Error::new(ErrorKind::Io(refused), None);
        e.push_frame(
            format!("while realising the context of path '{path}'"),
            None,
        );
        return Err(e);
    }
    resolve_symlinks(m, &path, span).map_err(|mut e| {
        e.push_frame(
            format!("while realising the context of path '{path}'"),
            None,
        );
        e
    })
}

/// The lowered `derivation` file (`<nix/derivation-internal.nix>`, source `file`). Every
/// evaluator starts by lowering it, and evaluators made alike (the same global names and
/// settings, so the file gets the same id) lower it alike: a thread keeps the last
/// lowering and its key, so that a worker, the lesson checker or a benchmark making
/// evaluator after evaluator parses it once.
fn lower_derivation_file(
    m: &Machine,
    file: crate::source::FileId,
) -> EvalResult<Rc<crate::ir::Expr>> {
    type Lowered = (crate::source::FileId, String, Rc<crate::ir::Expr>);
    thread_local! {
        static LOWERED: std::cell::RefCell<Option<Lowered>> = const { std::cell::RefCell::new(None) };
    }
    let context = crate::lowering_context(m);
    let known = LOWERED.with_borrow(|known| match known {
        Some((id, seen, expr)) if *id == file && *seen == context => Some(expr.clone()),
        _ => None,
    });
    if let Some(expr) = known {
        return Ok(expr);
    }
    let expr = crate::lower_in(m, file, crate::derivation::DERIVATION_NIX, "/")?;
    LOWERED.set(Some((file, context, expr.clone())));
    Ok(expr)
}

/// How many symbolic links a path may go through before Nix gives up.
const MAX_SYMLINKS: usize = 1024;

/// `path` with the symbolic links it ends in followed, as Nix follows them before adding
/// a path to the store or reading a file (the links inside a directory are kept as
/// links); `Err` with the path reached when there are too many links to follow (a loop):
/// as Nix, at most [`MAX_SYMLINKS`] - 1.
fn follow_symlinks(m: &mut Machine, path: &str, span: Span) -> EvalResult<Result<String, String>> {
    let mut path = path.to_string();
    for _ in 1..MAX_SYMLINKS {
        if m.io.file_type(&path) != Some(FileType::Symlink) {
            return Ok(Ok(path));
        }
        let target =
            m.io.read_link(&path)
                .map_err(|e| Error::new(ErrorKind::Io(e), Some(span)))?;
        path = if target.starts_with('/') {
            crate::path::canonicalise(&target)
        } else {
            let dir = crate::path::dir_name(&path);
            crate::path::canonicalise(&format!("{dir}/{target}"))
        };
    }
    Ok(Err(path))
}

/// [`follow_symlinks`], a loop refused as Nix refuses it when it reads a path.
pub(crate) fn resolve_symlinks(m: &mut Machine, path: &str, span: Span) -> EvalResult<String> {
    follow_symlinks(m, path, span)?
        .map_err(|_| Error::other(format!("infinite symlink recursion in path '{path}'"), span))
}

/// Makes the store paths a path string depends on valid before the file is read, as
/// Nix does; here as in `nix-instantiate --eval`, which builds nothing and writes no
/// `.drv` file: a store path is valid when it is there to read (a flake input), a
/// derivation's output never is (reading one is import from derivation).
/// `doing` names the step in the trace (`while realising the context of path`, `while
/// adding path`), followed by the path.
pub(crate) fn realise_context(
    m: &Machine,
    context: &Context,
    path: &str,
    doing: &str,
) -> EvalResult<()> {
    let Some(elems) = context else {
        return Ok(());
    };
    for elem in elems.iter() {
        let (invalid, note) = match elem {
            ContextElem::Opaque(p) if m.io.file_type(p).is_some() => continue,
            ContextElem::Opaque(p) => (p, None),
            ContextElem::AllOutputs(drv) => (drv, None),
            ContextElem::Built(drv, output) => (
                drv,
                Some(format!(
                    "'{path}' is output '{output}' of a derivation: reading it during evaluation \
                     (import from derivation) needs that derivation built first, and evaluation \
                     builds nothing"
                )),
            ),
        };
        let mut e = Error::new(
            ErrorKind::Io(format!("path '{invalid}' is not valid")),
            None,
        );
        if let Some(note) = note {
            e = e.with_note(note);
        }
        e.push_frame(format!("{doing} '{path}'"), None);
        return Err(e);
    }
    Ok(())
}

/// The file `import path` reads: where the symbolic links it ends in lead (so that the
/// file's relative paths are its own), `default.nix` in it for a directory (then
/// `true`).
fn import_target(m: &mut Machine, path: &str, span: Span) -> EvalResult<(String, bool)> {
    let path = follow_symlinks(m, path, span)?.map_err(|reached| {
        Error::other(
            format!("too many symbolic links encountered while traversing the path '{reached}'"),
            span,
        )
    })?;
    Ok(match m.io.file_type(&path) {
        Some(FileType::Directory) => (format!("{}/default.nix", path.trim_end_matches('/')), true),
        _ => (path, false),
    })
}

/// Reads a file to evaluate; `in_dir` says it is the `default.nix` of an imported folder.
pub(crate) fn read_source(
    m: &mut Machine,
    path: &str,
    in_dir: bool,
    span: Span,
) -> EvalResult<String> {
    if let Some(name) = crate::corepkgs::name(path) {
        return match crate::corepkgs::file(name) {
            Some(text) => Ok(text.to_string()),
            None => Err(Error::new(
                ErrorKind::Io(format!("path '<nix/{name}>' does not exist")),
                Some(span),
            )),
        };
    }
    if let Some(refused) = m.io.access_error(path) {
        return Err(Error::new(ErrorKind::Io(refused), None));
    }
    // Read first, so that a file that exists costs no extra lookup; a failure is then
    // explained by whether the path exists.
    let bytes = m.io.read_file(path).map_err(|e| {
        let why = match m.io.file_type(path) {
            Some(_) => e,
            None if in_dir => format!("opening file '{path}': No such file or directory"),
            None => format!("path '{path}' does not exist"),
        };
        Error::new(ErrorKind::Io(why), Some(span))
    })?;
    Ok(crate::source::prepare_source(crate::source::decode_source(
        bytes,
    )))
}

fn prim_import(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let path = path_argument(m, &args[0], span)?;
    let (target, in_dir) = import_target(m, &path, span)?;
    let v = import_file(m, &target, in_dir, span)?;
    if let Value::Thunk(t) = &v {
        if !t.is_evaluated() {
            m.evaluating_file(&target)?;
        }
    }
    Ok(v)
}

/// The (cached, unevaluated) value of the file at `path`, as `import` gives it.
pub(crate) fn import_path(m: &mut Machine, path: &str, span: Span) -> EvalResult<Value> {
    let (target, in_dir) = import_target(m, path, span)?;
    import_file(m, &target, in_dir, span)
}

/// [`import_path`] for the file it reads, `target` (`in_dir`: the `default.nix` of an
/// imported folder).
fn import_file(m: &mut Machine, target: &str, in_dir: bool, span: Span) -> EvalResult<Value> {
    if let Some((expr, v)) = m.import_cache.get(target) {
        // Nix keeps a file's value only once it is evaluated: a file imported again while
        // its value is being computed is evaluated afresh (a file importing itself goes
        // on until the call depth is exceeded, as in Nix).
        if matches!(v, Value::Thunk(t) if matches!(*t.0.borrow(), ThunkState::Blackhole)) {
            return Ok(Thunk::new(expr.clone(), m.globals.clone()));
        }
        return Ok(v.clone());
    }
    let expr = crate::lower_import(m, target, in_dir, span)?;
    let thunk = Thunk::new(expr.clone(), m.globals.clone());
    m.import_cache
        .insert(target.to_string(), (expr, thunk.clone()));
    Ok(thunk)
}

fn prim_scoped_import(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let scope = args.attrs(m, 0, span)?;
    let path = path_argument(m, &args[1], span)?;
    let (target, in_dir) = import_target(m, &path, span)?;
    let text = read_source(m, &target, in_dir, span)?;
    let expr = crate::lower_scoped(m, &target, text, &scope)?;
    let values: Vec<Value> = scope.entries.iter().map(|a| a.value.clone()).collect();
    let env = new_env(values.into(), Some(m.globals.clone()));
    Ok(Thunk::new(expr, env))
}

/// `wanted` under one search-path entry (`prefix` "" matches every name), if it exists.
fn search_entry(m: &Machine, prefix: &str, base: &str, wanted: &str) -> Option<Value> {
    let candidate =
        crate::path::canonicalise(&format!("{base}/{}", name_in_entry(prefix, wanted)?));
    m.io.file_type(&candidate)
        .map(|_| Value::Path(candidate.into()))
}

/// What a search path entry of `prefix` would hold `wanted` as (`None`: the prefix does
/// not fit the name).
fn name_in_entry<'a>(prefix: &str, wanted: &'a str) -> Option<&'a str> {
    if prefix.is_empty() {
        Some(wanted)
    } else if wanted == prefix {
        Some("")
    } else {
        wanted
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('/'))
    }
}

fn prim_find_file(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    // As Nix: every entry of the search path is read and checked, then the name.
    let search = args.list(m, 0, span)?;
    let mut entries = Vec::with_capacity(search.len());
    for entry in search.iter() {
        let entry = want_attrs(
            m,
            entry,
            span,
            "while evaluating an element of the list passed to builtins.findFile",
        )?;
        let prefix = match entry.get(Symbol::new("prefix")) {
            Some(p) => want_string(
                m,
                &p.clone(),
                span,
                "while evaluating the `prefix` attribute of an element of the list passed to \
                 builtins.findFile",
            )?
            .lossy()
            .into_owned(),
            None => String::new(),
        };
        let Some(path) = entry.get(Symbol::new("path")).cloned() else {
            let mut e = Error::new(ErrorKind::MissingAttribute("path".into()), None);
            e.push_frame("in an element of the __nixPath", None);
            return Err(e);
        };
        let base = m
            .coerce_to_string(&path, CoerceMode::NoCopy, span)
            .map_err(|mut e| {
                e.push_frame(
                    "while evaluating the `path` attribute of an element of the list passed \
                     to builtins.findFile",
                    None,
                );
                e
            })?
            .lossy()
            .into_owned();
        entries.push((prefix, base));
    }
    let wanted = args.string(m, 1, span)?;
    let wanted = wanted.lossy().into_owned();
    if m.settings.pure_eval {
        let why = format!(
            "cannot look up '<{wanted}>' in pure evaluation mode (use '--impure' to override)"
        );
        return Err(Error::other(why, span));
    }
    for (prefix, base) in entries {
        if name_in_entry(&prefix, &wanted).is_none() {
            continue;
        }
        // As Nix, an entry that does not exist is skipped with a warning, once.
        if m.io.file_type(&base).is_none() {
            if m.missing_search_entries.insert(base.clone()) {
                let warning =
                    format!("warning: Nix search path entry '{base}' does not exist, ignoring");
                crate::io::log(&*m.io, &warning);
            }
            continue;
        }
        if let Some(found) = search_entry(m, &prefix, &base, &wanted) {
            return Ok(found);
        }
    }
    // Then the host's built-in entries (the CLI's nixpkgs-lite), which `builtins.nixPath`
    // does not show.
    for (prefix, base) in m.settings.builtin_search_path.clone() {
        if let Some(found) = search_entry(m, &prefix, &base, &wanted) {
            return Ok(found);
        }
    }
    // Nix's built-in files come last.
    if let Some(rest) = wanted.strip_prefix("nix/") {
        return Ok(Value::Path(crate::corepkgs::path(rest).into()));
    }
    // Nix throws this one: `builtins.tryEval` catches it.
    Err(Error::new(
        ErrorKind::Throw(format!(
            "file '{wanted}' was not found in the Nix search path (add it using $NIX_PATH or -I)"
        )),
        Some(span),
    ))
}

// ---------------------------------------------------------------------------
// Lists

fn prim_length(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 0, span)?;
    Ok(Value::Int(l.len() as i64))
}

fn prim_head(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 0, span)?;
    match l.first() {
        Some(v) => Ok(v.clone()),
        None => Err(Error::new(
            ErrorKind::OutOfBounds {
                builtin: "head",
                index: None,
            },
            Some(span),
        )),
    }
}

fn prim_tail(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 0, span)?;
    if l.is_empty() {
        return Err(Error::new(
            ErrorKind::OutOfBounds {
                builtin: "tail",
                index: None,
            },
            Some(span),
        ));
    }
    Ok(Value::list(l[1..].to_vec()))
}

fn prim_elem_at(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let i = args.int(m, 1, span)?;
    let l = args.list(m, 0, span)?;
    if i < 0 || i as usize >= l.len() {
        return Err(Error::new(
            ErrorKind::OutOfBounds {
                builtin: "elemAt",
                index: Some((i, l.len())),
            },
            Some(span),
        ));
    }
    Ok(l[i as usize].clone())
}

fn prim_elem(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 1, span)?;
    for x in l.iter() {
        if m.equal_slots(&args[0], x, span)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn prim_map(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 1, span)?;
    if !l.is_empty() {
        args.function(m, 0, span)?;
    }
    let f = &args[0];
    Ok(Value::list(
        l.iter()
            .map(|x| Thunk::apply(f.clone(), smallvec::smallvec![x.clone()]))
            .collect(),
    ))
}

fn prim_gen_list(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let n = args.int(m, 1, span)?;
    if n < 0 {
        return Err(Error::other(
            format!("cannot create list of size {n}"),
            span,
        ));
    }
    m.charge(n as u64)?;
    // Past 2^30 elements (16 GiB of values) no evaluation of ours can finish: fail now
    // rather than let the allocator or the OS kill the process.
    let mut items = Vec::new();
    if n > 1 << 30 || items.try_reserve_exact(n as usize).is_err() {
        return Err(Error::other(
            format!("cannot create list of size {n}: out of memory"),
            span,
        ));
    }
    // Nix checks the function after the length, even for an empty list.
    let f = args.function(m, 0, span)?;
    items.extend((0..n).map(|i| Thunk::apply(f.clone(), smallvec::smallvec![Value::Int(i)])));
    Ok(Value::list(items))
}

fn prim_concat_lists(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 0, span)?;
    let mut out = Vec::new();
    // When only one list has items Nix returns that list itself (it prints «repeated»).
    let mut only: Option<Rc<List>> = None;
    let mut non_empty = 0;
    for x in l.iter() {
        let inner = want_list(
            m,
            x,
            span,
            "while evaluating a value of the list passed to builtins.concatLists",
        )?;
        if !inner.is_empty() {
            non_empty += 1;
            only = Some(inner.clone());
        }
        out.extend_from_slice(&inner);
    }
    match only {
        Some(list) if non_empty == 1 => Ok(Value::List(list)),
        _ => Ok(Value::list(out)),
    }
}

fn prim_generic_closure(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let input = args.attrs(m, 0, span)?;
    let attribute = |name: &str| {
        input.get(Symbol::new(name)).cloned().ok_or_else(|| {
            let mut e = Error::new(ErrorKind::MissingAttribute(name.into()), None);
            e.push_frame(
                "in the attrset passed as argument to builtins.genericClosure",
                None,
            );
            e
        })
    };
    // As Nix: the start set is read first, and an empty one is the result, whatever the
    // operator is.
    let start = attribute("startSet")?;
    let start = want_list(
        m,
        &start,
        span,
        "while evaluating the 'startSet' attribute passed as argument to builtins.genericClosure",
    )?;
    if start.is_empty() {
        return Ok(Value::List(start));
    }
    let op = attribute("operator")?;
    want_function(
        m,
        &op,
        span,
        "while evaluating the 'operator' attribute passed as argument to builtins.genericClosure",
    )?;
    let mut work: std::collections::VecDeque<Value> = start.iter().cloned().collect();
    let mut seen_keys: Vec<Value> = Vec::new();
    let mut first_key: Option<Value> = None;
    let mut seen_fast: rustc_hash::FxHashSet<Vec<u8>> = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    let key_sym = Symbol::new("key");
    while let Some(item) = work.pop_front() {
        let attrs = want_attrs(m, &item, span, "while evaluating one of the elements generated by (or initially passed to) builtins.genericClosure")?;
        let key = attrs.get(key_sym).cloned().ok_or_else(|| {
            let mut e = Error::new(ErrorKind::MissingAttribute("key".into()), Some(span));
            e.push_frame(
                "in one of the attrsets generated by (or initially passed to) builtins.genericClosure",
                None,
            );
            e
        })?;
        let key = m.force(&key, Some(span))?;
        // Nix keeps the keys in an ordered set: keys of different types (or of
        // incomparable types) fail to compare.
        let class = |v: &Value| match v {
            Value::Int(_) | Value::Float(_) => 0,
            Value::String(_) => 1,
            Value::Path(_) => 2,
            Value::List(_) => 3,
            _ => 4,
        };
        if let Some(first) = &first_key {
            if class(&key) != class(first) || class(&key) == 4 {
                let first = first.clone();
                m.compare(&key, &first, span).map_err(|mut e| {
                    e.push_frame(
                        "while comparing the `key` attributes of two genericClosure elements",
                        None,
                    );
                    e
                })?;
            }
        } else {
            first_key = Some(key.clone());
        }
        let fast = match &key {
            Value::Int(i) => Some([b"i".as_slice(), &i.to_le_bytes()].concat()),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                Some([b"i".as_slice(), &(*f as i64).to_le_bytes()].concat())
            }
            Value::Float(f) => Some([b"f".as_slice(), &f.to_bits().to_le_bytes()].concat()),
            Value::String(s) => Some([b"s".as_slice(), &s.bytes].concat()),
            Value::Path(p) => Some([b"p".as_slice(), p.as_bytes()].concat()),
            _ => None,
        };
        let is_new = match fast {
            Some(k) => seen_fast.insert(k),
            None => {
                let mut found = false;
                for k in seen_keys.iter() {
                    let k = k.clone();
                    if m.equal(&k, &key, span)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    seen_keys.push(key.clone());
                }
                !found
            }
        };
        if !is_new {
            continue;
        }
        out.push(item.clone());
        let next = m.call_at(&op, vec![item.clone()], span, Span::NOWHERE)?;
        let next = want_list(
            m,
            &next,
            span,
            "while evaluating the return value of the `operator` passed to builtins.genericClosure",
        )?;
        work.extend(next.iter().cloned());
    }
    Ok(Value::list(out))
}

// ---------------------------------------------------------------------------
// Attribute sets

fn prim_attr_names(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let a = args.attrs(m, 0, span)?;
    Ok(Value::list(
        a.sorted_by_name()
            .iter()
            .map(|a| Value::string(a.name.to_bytes()))
            .collect(),
    ))
}

fn prim_attr_values(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let a = args.attrs(m, 0, span)?;
    Ok(Value::list(
        a.sorted_by_name().iter().map(|a| a.value.clone()).collect(),
    ))
}

fn attr_name_arg<'a>(
    m: &mut Machine,
    v: &Value,
    span: Span,
    what: impl Into<crate::primop::What<'a>>,
) -> EvalResult<Symbol> {
    let s = want_string_no_ctx(m, v, span, what)?;
    Ok(Symbol::from_bytes(&s.bytes))
}

fn prim_get_attr(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let name = attr_name_arg(m, &args[0], span, args.what(0))?;
    let a = args.attrs(m, 1, span)?;
    match a.get(name) {
        Some(v) => Ok(v.clone()),
        None => {
            let mut e = Error::new(ErrorKind::MissingAttribute(name.name().to_string()), None);
            e.push_frame("in the attribute set under consideration", None);
            Err(e)
        }
    }
}

fn prim_has_attr(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let name = attr_name_arg(m, &args[0], span, args.what(0))?;
    let a = args.attrs(m, 1, span)?;
    Ok(Value::Bool(a.get(name).is_some()))
}

fn prim_remove_attrs(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let a = args.attrs(m, 0, span)?;
    let l = args.list(m, 1, span)?;
    let mut remove = rustc_hash::FxHashSet::default();
    for x in l.iter() {
        remove.insert(attr_name_arg(
            m,
            x,
            span,
            "while evaluating the values of the second argument passed to builtins.removeAttrs",
        )?);
    }
    Ok(Value::attrs(Attrs {
        entries: a
            .entries
            .iter()
            .filter(|e| !remove.contains(&e.name))
            .cloned()
            .collect(),
    }))
}

fn prim_list_to_attrs(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 0, span)?;
    let mut entries: Vec<Attr> = Vec::with_capacity(l.len());
    let (name_sym, value_sym) = (Symbol::new("name"), Symbol::new("value"));
    for x in l.iter() {
        let item = want_attrs(
            m,
            x,
            span,
            "while evaluating an element of the list passed to builtins.listToAttrs",
        )?;
        let missing = |name: &str| {
            let mut e = Error::new(ErrorKind::MissingAttribute(name.into()), None);
            e.push_frame("in a {name=...; value=...;} pair", None);
            e
        };
        let name_attr = item.get_attr(name_sym).ok_or_else(|| missing("name"))?;
        // Nix places an error in the name at the `name` attribute.
        let name_span = name_attr.pos.unwrap_or(span);
        let what = "while evaluating the `name` attribute of an element of the list passed to builtins.listToAttrs";
        // A name with context is refused at no position of its own, as in Nix.
        let name = want_string(m, &name_attr.value, name_span, what)
            .and_then(|s| match crate::primop::context_not_allowed(&s, None) {
                Some(mut e) => {
                    e.push_frame(what, None);
                    Err(e)
                }
                None => Ok(Symbol::from_bytes(&s.bytes)),
            })
            .map_err(|mut e| {
                if let (Some(pos), Some(frame)) = (name_attr.pos, e.trace.first_mut()) {
                    frame.span = Some(pos);
                    // Only a name of the wrong type is an error at the attribute itself.
                    if matches!(e.kind, ErrorKind::Type(_)) {
                        e.span = e.span.or(Some(pos));
                    }
                }
                e
            })?;
        let value = item
            .get(value_sym)
            .cloned()
            .ok_or_else(|| missing("value"))?;
        let pos = item.get_attr(value_sym).and_then(|a| a.pos);
        entries.push(Attr { name, value, pos });
    }
    // The first occurrence of a name wins: stable sort, then keep the first of each run.
    sort_attrs(&mut entries);
    entries.dedup_by_key(|a| a.name);
    Ok(Value::attrs(Attrs { entries }))
}

fn prim_map_attrs(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let a = args.attrs(m, 1, span)?;
    let f = &args[0];
    Ok(Value::attrs(Attrs {
        entries: a
            .entries
            .iter()
            .map(|e| Attr {
                name: e.name,
                value: Thunk::apply(
                    f.clone(),
                    smallvec::smallvec![Value::string(e.name.to_bytes()), e.value.clone()],
                ),
                // Nix gives the new attributes no position (`unsafeGetAttrPos` is null).
                pos: None,
            })
            .collect(),
    }))
}

fn prim_intersect_attrs(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let a = args.attrs(m, 0, span)?;
    let b = args.attrs(m, 1, span)?;
    Ok(Value::attrs(Attrs {
        entries: b
            .entries
            .iter()
            .filter(|e| a.get(e.name).is_some())
            .cloned()
            .collect(),
    }))
}

fn prim_cat_attrs(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let name = attr_name_arg(m, &args[0], span, args.what(0))?;
    let l = args.list(m, 1, span)?;
    let mut out = Vec::new();
    for x in l.iter() {
        let a = want_attrs(m, x, span, "while evaluating an element in the list passed as second argument to builtins.catAttrs")?;
        if let Some(v) = a.get(name) {
            out.push(v.clone());
        }
    }
    Ok(Value::list(out))
}

fn prim_function_args(_m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    match &args[0] {
        Value::Lambda(c) => match &c.def.param {
            crate::ir::Param::Ident(_) => Ok(Value::attrs(Attrs::default())),
            crate::ir::Param::Pattern(p) => Ok(Value::attrs(Attrs::from_unsorted(
                p.formals
                    .iter()
                    .map(|f| Attr {
                        name: f.name,
                        value: Value::Bool(f.default.is_some()),
                        pos: Some(f.span),
                    })
                    .collect(),
            ))),
        },
        Value::PrimOp(_) => Ok(Value::attrs(Attrs::default())),
        _ => Err(Error::other("'functionArgs' requires a function", span)),
    }
}

fn prim_zip_attrs_with(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let l = args.list(m, 1, span)?;
    let mut groups: HashMap<Symbol, Vec<Value>> = HashMap::default();
    for x in l.iter() {
        let a = want_attrs(m, x, span, "while evaluating a value of the list passed as second argument to builtins.zipAttrsWith")?;
        for e in a.entries.iter() {
            groups.entry(e.name).or_default().push(e.value.clone());
        }
    }
    let f = &args[0];
    let entries = groups
        .into_iter()
        .map(|(name, values)| Attr {
            name,
            value: Thunk::apply(
                f.clone(),
                smallvec::smallvec![Value::string(name.to_bytes()), Value::list(values)],
            ),
            pos: None,
        })
        .collect();
    Ok(Value::attrs(Attrs::from_unsorted(entries)))
}

fn prim_unsafe_get_attr_pos(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let name = attr_name_arg(m, &args[0], span, args.what(0))?;
    let a = args.attrs(m, 1, span)?;
    match a.get_attr(name).and_then(|a| a.pos) {
        Some(pos) => Ok(m.pos_attrs(pos)),
        None => Ok(Value::Null),
    }
}

// ---------------------------------------------------------------------------
// Arithmetic

fn prim_add(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    // With a float on either side Nix wants floats, otherwise integers.
    let expected = if args.iter().any(|v| matches!(v, Value::Float(_))) {
        "a float"
    } else {
        "an integer"
    };
    for (i, v) in args.iter().enumerate() {
        if !matches!(v, Value::Int(_) | Value::Float(_)) {
            let which = if i == 0 { "first" } else { "second" };
            return Err(arg_error(
                m,
                expected,
                v,
                span,
                &format!("while evaluating the {which} argument of the addition"),
            ));
        }
    }
    match (&args[0], &args[1]) {
        (Value::Int(a), Value::Int(b)) => a.checked_add(*b).map(Value::Int).ok_or_else(|| {
            Error::new(
                ErrorKind::Overflow {
                    operation: "adding",
                    operator: "+",
                    left: *a,
                    right: *b,
                },
                Some(span),
            )
        }),
        (a, b) => Ok(Value::Float(
            crate::machine::as_f64(a) + crate::machine::as_f64(b),
        )),
    }
}

fn prim_sub(m: &mut Machine, args: Args, _span: Span) -> EvalResult<Value> {
    m.arith_in_call(BinOp::Sub, args[0].clone(), args[1].clone())
}

fn prim_mul(m: &mut Machine, args: Args, _span: Span) -> EvalResult<Value> {
    m.arith_in_call(BinOp::Mul, args[0].clone(), args[1].clone())
}

fn prim_div(m: &mut Machine, args: Args, _span: Span) -> EvalResult<Value> {
    m.arith_in_call(BinOp::Div, args[0].clone(), args[1].clone())
}

fn prim_less_than(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    // The call's frame is added by the machine, as for every builtin.
    Ok(Value::Bool(m.compare(&args[0], &args[1], span)?))
}

fn bit_op(m: &mut Machine, args: &Args, span: Span, f: fn(i64, i64) -> i64) -> EvalResult<Value> {
    let a = args.int(m, 0, span)?;
    let b = args.int(m, 1, span)?;
    Ok(Value::Int(f(a, b)))
}

fn prim_bit_and(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    bit_op(m, &args, span, |a, b| a & b)
}

fn prim_bit_or(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    bit_op(m, &args, span, |a, b| a | b)
}

fn prim_bit_xor(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    bit_op(m, &args, span, |a, b| a ^ b)
}

// ---------------------------------------------------------------------------
// Strings

fn prim_to_string(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = m.coerce_to_string_in(
        &args[0],
        CoerceMode::ToString,
        span,
        "while evaluating the first argument passed to builtins.toString",
        None,
    )?;
    Ok(Value::String(Rc::new(s)))
}

fn prim_string_length(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.coerced(m, 0, CoerceMode::Interpolation, span)?;
    Ok(Value::Int(s.bytes.len() as i64))
}

fn prim_substring(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let start = args.int(m, 0, span)?;
    let len = args.int(m, 1, span)?;
    if start < 0 {
        return Err(Error::other("negative start position in 'substring'", span));
    }
    let s = args.coerced(m, 2, CoerceMode::Interpolation, span)?;
    let start = (start as usize).min(s.bytes.len());
    let end = if len < 0 {
        s.bytes.len()
    } else {
        start.saturating_add(len as usize).min(s.bytes.len())
    };
    Ok(Value::string_with_context(
        s.bytes[start..end].to_vec(),
        s.context.clone(),
    ))
}

fn prim_concat_strings_sep(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let sep = args.string(m, 0, span)?;
    let l = args.list(m, 1, span)?;
    let mut out = Vec::new();
    let mut ctx = sep.context.clone();
    for (i, x) in l.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep.bytes);
        }
        let s = m.coerce_to_string_in(
            x,
            CoerceMode::Interpolation,
            span,
            "while evaluating one element of the list of strings to concat passed to builtins.concatStringsSep",
            None,
        )?;
        out.extend_from_slice(&s.bytes);
        merge_context(&mut ctx, &s.context);
    }
    Ok(Value::string_with_context(out, ctx))
}

fn prim_replace_strings(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let from = args.list(m, 0, span)?;
    let to = args.list(m, 1, span)?;
    if from.len() != to.len() {
        return Err(Error::other(
            "'from' and 'to' arguments passed to builtins.replaceStrings have different lengths",
            span,
        ));
    }
    // As Nix: every string to replace is forced before the string replaced in.
    let mut froms = Vec::with_capacity(from.len());
    for f in from.iter() {
        froms.push(want_string(
            m,
            f,
            span,
            "while evaluating one of the strings to replace passed to builtins.replaceStrings",
        )?);
    }
    let s = args.string(m, 2, span)?;
    let mut tos: Vec<Option<Rc<NixString>>> = vec![None; to.len()];
    let mut out = Vec::new();
    let mut ctx = s.context.clone();
    let bytes = &s.bytes;
    let mut i = 0;
    loop {
        let mut matched = false;
        for (k, f) in froms.iter().enumerate() {
            if bytes[i..].starts_with(&f.bytes) {
                if tos[k].is_none() {
                    tos[k] = Some(want_string(m, &to[k], span, "while evaluating one of the replacement strings passed to builtins.replaceStrings")?);
                }
                let t = tos[k].as_ref().expect("just set");
                out.extend_from_slice(&t.bytes);
                merge_context(&mut ctx, &t.context);
                if f.bytes.is_empty() {
                    if i < bytes.len() {
                        out.push(bytes[i]);
                    }
                    i += 1;
                } else {
                    i += f.bytes.len();
                }
                matched = true;
                break;
            }
        }
        if !matched {
            if i < bytes.len() {
                out.push(bytes[i]);
            }
            i += 1;
        }
        if i > bytes.len() || (i == bytes.len() && !froms.iter().any(|f| f.bytes.is_empty())) {
            break;
        }
    }
    Ok(Value::string_with_context(out, ctx))
}

/// How many compiled regular expressions an evaluator keeps (a program that makes its
/// patterns from data could otherwise fill memory with them).
const REGEX_CACHE_SIZE: usize = 1024;

/// `pattern` compiled, from the evaluator's cache if it was compiled before.
fn compile_regex(
    m: &mut Machine,
    pattern: &NixString,
    span: Span,
) -> EvalResult<Rc<crate::regex::Regex>> {
    if let Some(regex) = m.regexes.get(&pattern.bytes[..]) {
        return Ok(regex.clone());
    }
    let regex = Rc::new(crate::regex::Regex::new(&pattern.bytes).map_err(|e| {
        if e.starts_with("memory limit exceeded") {
            Error::other(
                format!(
                    "memory limit exceeded by regular expression '{}'",
                    pattern.lossy()
                ),
                span,
            )
        } else {
            Error::other(
                format!("invalid regular expression '{}'", pattern.lossy()),
                span,
            )
        }
    })?);
    if m.regexes.len() >= REGEX_CACHE_SIZE {
        m.regexes.clear();
    }
    m.regexes.insert(pattern.bytes[..].into(), regex.clone());
    Ok(regex)
}

fn prim_match(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let re = args.string_no_ctx(m, 0, span)?;
    let s = args.string(m, 1, span)?;
    let regex = compile_regex(m, &re, span)?;
    match regex.full_match(&s.bytes) {
        None => Ok(Value::Null),
        Some(groups) => Ok(Value::list(
            groups
                .into_iter()
                .map(|g| match g {
                    Some((a, b)) => Value::string(s.bytes[a..b].to_vec()),
                    None => Value::Null,
                })
                .collect(),
        )),
    }
}

fn prim_split(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let re = args.string_no_ctx(m, 0, span)?;
    let s = args.string(m, 1, span)?;
    let regex = compile_regex(m, &re, span)?;
    let bytes = &s.bytes;
    let mut out = Vec::new();
    let mut last = 0;
    let mut pos = 0;
    while pos <= bytes.len() {
        let Some(groups) = regex.find_at(bytes, pos) else {
            break;
        };
        let Some((start, end)) = groups[0] else { break };
        out.push(Value::string(bytes[last..start].to_vec()));
        out.push(Value::list(
            groups[1..]
                .iter()
                .map(|g| match g {
                    Some((a, b)) => Value::string(bytes[*a..*b].to_vec()),
                    None => Value::Null,
                })
                .collect(),
        ));
        last = end;
        pos = if end == start { end + 1 } else { end };
        if end == start && end >= bytes.len() {
            break;
        }
    }
    if out.is_empty() {
        // Without a match the string itself is the only piece, its context kept (the
        // pieces of a split string have none), as in Nix.
        return Ok(Value::list(vec![Value::String(s)]));
    }
    out.push(Value::string(bytes[last.min(bytes.len())..].to_vec()));
    Ok(Value::list(out))
}

fn prim_base_name_of(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.coerced(m, 0, CoerceMode::NoCopy, span)?;
    let text = s.lossy();
    Ok(Value::string_with_context(
        crate::path::base_name(&text).as_bytes().to_vec(),
        s.context.clone(),
    ))
}

fn prim_dir_of(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    match &args[0] {
        Value::Path(p) => Ok(Value::Path(Rc::new(crate::path::dir_name(p).to_string()))),
        _ => {
            let s = args.coerced(m, 0, CoerceMode::NoCopy, span)?;
            let text = s.lossy();
            Ok(Value::string_with_context(
                crate::path::dir_name(&text).as_bytes().to_vec(),
                s.context.clone(),
            ))
        }
    }
}

fn prim_get_env(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let name = args.string_no_ctx(m, 0, span)?;
    Ok(Value::string(
        m.io.env_var(&name.lossy()).unwrap_or_default().into_bytes(),
    ))
}

fn prim_hash_string(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    // Nix names the algorithm before it looks at the string.
    let algo = args.string_no_ctx(m, 0, span)?;
    let algo =
        crate::store::HashAlgo::parse(&algo.lossy()).map_err(|e| Error::hash(e, Some(span)))?;
    let s = args.string(m, 1, span)?;
    Ok(Value::string(
        crate::store::to_base16(&algo.digest(&s.bytes)).into_bytes(),
    ))
}

fn prim_placeholder(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let out = args.string_no_ctx(m, 0, span)?;
    Ok(Value::string(
        crate::store::placeholder(&out.lossy()).into_bytes(),
    ))
}

// ---------------------------------------------------------------------------
// JSON

fn prim_to_json(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let mut ctx = None;
    let out = to_json(m, &args[0], span, &mut ctx, CoerceMode::Interpolation)?;
    Ok(Value::string_with_context(out, ctx))
}

/// Serialises a value as `builtins.toJSON` does (forcing it deeply). A string that is
/// not UTF-8 fails the whole call, but only after every other evaluation error (Nix
/// builds the JSON document first and serialises it afterwards). Paths are coerced by
/// `path_mode`: copied to the store (`Interpolation`), or written as they are (`NoCopy`,
/// as `nix eval --json` does).
pub fn to_json(
    m: &mut Machine,
    v: &Value,
    span: Span,
    ctx: &mut Context,
    path_mode: CoerceMode,
) -> EvalResult<Vec<u8>> {
    match json_document(m, v, span, ctx, false, path_mode)? {
        (out, None) => Ok(out),
        (_, Some((e, _))) => Err(e),
    }
}

/// The JSON document for `v` and, when a string in it is not UTF-8, the first such
/// error with the length of what Nix's serializer writes before meeting it: the document
/// up to that string's opening quote, and the part of the string it flushed. With `lazy`
/// (`nix-instantiate --eval --json` without `--strict`) a value not evaluated yet is an
/// error instead of being forced, as in Nix. Paths are coerced by `path_mode` (see
/// [`to_json`]).
pub fn json_document(
    m: &mut Machine,
    v: &Value,
    span: Span,
    ctx: &mut Context,
    lazy: bool,
    path_mode: CoerceMode,
) -> EvalResult<(Vec<u8>, Option<(Box<Error>, usize)>)> {
    let mut out = Vec::new();
    let mut bad_utf8 = None;
    write_json(m, v, span, ctx, &mut out, 0, &mut bad_utf8, lazy, path_mode)?;
    let failed = bad_utf8.map(|(message, written)| (Error::other(message, span), written));
    Ok((out, failed))
}

/// Writes a JSON string, remembering the first one that is not UTF-8 (its message and
/// where Nix's output stops).
fn json_string(out: &mut Vec<u8>, s: &[u8], bad_utf8: &mut Option<(String, usize)>) {
    if let Err(e) = crate::json::write_string_checked(out, s) {
        bad_utf8.get_or_insert((e.message, out.len() + 1 + e.written));
        crate::json::write_string(out, s);
    }
}

/// What a value being written as JSON is, for the trace of an error inside it: Nix
/// names every attribute and list element on the way down.
#[derive(Clone, Copy)]
enum JsonFrame {
    /// The value itself: no frame of its own.
    None,
    /// A set's `outPath`, defined at the position: no frame of its own.
    OutPath(Option<Span>),
    /// The value of attribute `name`, defined at `pos`.
    Attr(Symbol, Option<Span>),
    /// Element `index` of a list, at the position of the attribute holding the list.
    Element(usize, Option<Span>),
}

impl JsonFrame {
    /// The position inherited by what is inside the value.
    fn pos(self) -> Option<Span> {
        match self {
            JsonFrame::None => None,
            JsonFrame::OutPath(pos) | JsonFrame::Attr(_, pos) | JsonFrame::Element(_, pos) => pos,
        }
    }

    fn push_onto(self, err: &mut Error) {
        match self {
            JsonFrame::None | JsonFrame::OutPath(_) => {}
            JsonFrame::Attr(name, pos) => err.push_frame(
                format!(
                    "while evaluating attribute '{}'",
                    crate::format_attr_name(&name.name())
                ),
                pos,
            ),
            JsonFrame::Element(index, pos) => err.push_frame(
                format!("while evaluating list element at index {index}"),
                pos,
            ),
        }
    }
}

/// One step of the iterative JSON writer.
enum JsonWork {
    /// Write this value (forcing it), nested `depth` deep.
    Value(Value, u32, JsonFrame),
    /// Write literal text.
    Text(&'static [u8]),
    /// Write an object key and `:`.
    Key(Symbol),
}

/// Writes `v` as JSON with an explicit work stack (deep values must not recurse natively).
/// An error inside `v` gets a frame for each attribute and list element leading to it.
fn write_json(
    m: &mut Machine,
    v: &Value,
    span: Span,
    ctx: &mut Context,
    out: &mut Vec<u8>,
    depth: u32,
    bad_utf8: &mut Option<(String, usize)>,
    lazy: bool,
    path_mode: CoerceMode,
) -> EvalResult<()> {
    let base = depth;
    let mut work = vec![JsonWork::Value(v.clone(), depth, JsonFrame::None)];
    // The frames from `v` down to the value being written, one per depth.
    let mut path: Vec<JsonFrame> = Vec::new();
    while let Some(item) = work.pop() {
        let (v, depth, frame) = match item {
            JsonWork::Text(t) => {
                out.extend_from_slice(t);
                continue;
            }
            JsonWork::Key(name) => {
                json_string(out, &name.to_bytes(), bad_utf8);
                out.push(b':');
                continue;
            }
            JsonWork::Value(v, depth, frame) => (v, depth, frame),
        };
        path.truncate((depth - base) as usize);
        path.push(frame);
        let in_path = |mut err: Box<Error>| {
            for frame in path.iter().rev() {
                frame.push_onto(&mut err);
            }
            err
        };
        // Nix's native stack gives out at about 99,820 levels of nesting (measured with
        // chains of lists and of sets): a tenth of a structural level each, less 0.18%.
        if depth >= m.limits.max_structural_depth * 10 - m.limits.max_structural_depth * 18 / 1000 {
            return Err(Error::stack_exhausted());
        }
        if let (true, Value::Thunk(t)) = (lazy && depth > 0, &v) {
            if !t.is_evaluated() {
                // `--json` without `--strict` refuses it under the frames of the path to
                // it. A call left for later by a builtin (`map`, `genList`, ...) is "a
                // function application", placed at its function when that is a lambda
                // (as Nix's `determinePos`), otherwise where the value is held (for a list
                // element, the attribute holding the list).
                let place = frame.pos();
                let (found, place) = match &*t.0.borrow() {
                    ThunkState::Apply(app) => (
                        Some("a function application".into()),
                        crate::machine::evaluated_lambda_span(&app.0).or(place),
                    ),
                    _ => (None, place),
                };
                let e = Error::new(ErrorKind::Type(TypeMismatch::NotJson { found }), place);
                return Err(in_path(e));
            }
        }
        // Forced where Nix forces it: at the attribute or `outPath` (none for one made by a
        // builtin), otherwise at the enclosing attribute or the call.
        let at = match frame {
            JsonFrame::Attr(_, pos) | JsonFrame::OutPath(pos) => pos,
            _ => frame.pos().or(Some(span)),
        };
        let v = m.force(&v, at).map_err(in_path)?;
        match &v {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
            Value::Float(f) => {
                out.extend_from_slice(crate::float::format_float_json(*f).as_bytes())
            }
            Value::String(s) => {
                merge_context(ctx, &s.context);
                json_string(out, &s.bytes, bad_utf8);
            }
            Value::Path(_) => {
                let s = m.coerce_to_string(&v, path_mode, span).map_err(in_path)?;
                merge_context(ctx, &s.context);
                json_string(out, &s.bytes, bad_utf8);
            }
            Value::List(l) => {
                out.push(b'[');
                work.push(JsonWork::Text(b"]"));
                for (i, x) in l.iter().enumerate().rev() {
                    let element = JsonFrame::Element(i, frame.pos());
                    work.push(JsonWork::Value(x.clone(), depth + 1, element));
                    if i > 0 {
                        work.push(JsonWork::Text(b","));
                    }
                }
            }
            Value::Attrs(a) => {
                if let Some(f) = a.get(Symbol::new("__toString")).cloned() {
                    // Called at the attribute holding the set, as in Nix (a set at the
                    // top, or in a list there, is called at no position).
                    let site = frame.pos().unwrap_or(Span::NOWHERE);
                    let result = m
                        .call_at(&f, vec![v.clone()], site, site)
                        .map_err(in_path)?;
                    // What `__toString` returns is not copied to the store (a path
                    // stays its own name), and is placed where the set is.
                    let s = m
                        .coerce_to_string_in(
                            &result,
                            CoerceMode::NoCopy,
                            span,
                            "while evaluating the result of the `__toString` attribute",
                            frame.pos(),
                        )
                        .map_err(in_path)?;
                    merge_context(ctx, &s.context);
                    json_string(out, &s.bytes, bad_utf8);
                    continue;
                }
                if let Some(p) = a.get_attr(Symbol::new("outPath")) {
                    let out_path = JsonFrame::OutPath(p.pos);
                    work.push(JsonWork::Value(p.value.clone(), depth + 1, out_path));
                    continue;
                }
                out.push(b'{');
                work.push(JsonWork::Text(b"}"));
                let sorted = a.sorted_by_name();
                for (i, e) in sorted.iter().enumerate().rev() {
                    let attr = JsonFrame::Attr(e.name, e.pos);
                    work.push(JsonWork::Value(e.value.clone(), depth + 1, attr));
                    work.push(JsonWork::Key(e.name));
                    if i > 0 {
                        work.push(JsonWork::Text(b","));
                    }
                }
            }
            Value::Lambda(_) | Value::PrimOp(_) => {
                // A lambda is reported where it is written, a builtin where it is held
                // (the attribute's position), as in Nix.
                let at = match &v {
                    Value::Lambda(c) => c.def.span,
                    _ => frame.pos().unwrap_or(span),
                };
                let e = Error::new(
                    ErrorKind::Type(TypeMismatch::NotJson {
                        found: Some(v.type_phrase()),
                    }),
                    Some(at),
                );
                return Err(in_path(e));
            }
            Value::Thunk(_) => unreachable!("forced above"),
        }
    }
    Ok(())
}

fn prim_from_json(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let s = args.string_no_ctx(m, 0, span)?;
    let json = crate::json::parse(&s.bytes).map_err(|e| match e {
        crate::json::JsonError::Syntax(m) => {
            let mut e = Error::other(m, span);
            e.push_frame("while decoding a JSON string", None);
            e
        }
        crate::json::JsonError::Unrepresentable(m) => Error::other(m, span),
    })?;
    Ok(json_to_value(json))
}

/// Converts parsed JSON to a value without native recursion.
pub fn json_to_value(json: crate::json::Json) -> Value {
    use crate::json::Json;
    enum Work {
        Visit(Json),
        BuildList(usize),
        BuildAttrs(Vec<Vec<u8>>),
    }
    let mut work = vec![Work::Visit(json)];
    let mut values: Vec<Value> = Vec::new();
    while let Some(w) = work.pop() {
        match w {
            Work::Visit(mut j) => match &mut j {
                Json::Null => values.push(Value::Null),
                Json::Bool(b) => values.push(Value::Bool(*b)),
                Json::Int(i) => values.push(Value::Int(*i)),
                Json::Float(f) => values.push(Value::Float(*f)),
                Json::String(s) => values.push(Value::string(std::mem::take(s))),
                Json::Array(items) => {
                    let items = std::mem::take(items);
                    work.push(Work::BuildList(items.len()));
                    for item in items.into_iter().rev() {
                        work.push(Work::Visit(item));
                    }
                }
                Json::Object(fields) => {
                    let fields = std::mem::take(fields);
                    let names: Vec<Vec<u8>> = fields.iter().map(|(k, _)| k.clone()).collect();
                    work.push(Work::BuildAttrs(names));
                    for (_, v) in fields.into_iter().rev() {
                        work.push(Work::Visit(v));
                    }
                }
            },
            Work::BuildList(n) => {
                let items = values.split_off(values.len() - n);
                values.push(Value::list(items));
            }
            Work::BuildAttrs(names) => {
                let vals = values.split_off(values.len() - names.len());
                // Later duplicates win, as in Nix.
                let entries = names
                    .into_iter()
                    .zip(vals)
                    .map(|(k, v)| Attr {
                        name: Symbol::from_bytes(&k),
                        value: v,
                        pos: None,
                    })
                    .collect();
                values.push(Value::attrs(Attrs::from_unsorted(entries)));
            }
        }
    }
    values.pop().unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------
// Filesystem (through the I/O trait)

fn prim_path_exists(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let path = path_argument(m, &args[0], span)?;
    // A string ending in `/` or `/.` names a directory (a path value never does: it is
    // canonical already).
    let must_be_dir = match m.force(&args[0], Some(span))? {
        Value::String(s) => s.bytes.ends_with(b"/") || s.bytes.ends_with(b"/."),
        _ => false,
    };
    if let Some(name) = crate::corepkgs::name(&path) {
        return Ok(Value::Bool(crate::corepkgs::file(name).is_some()));
    }
    Ok(Value::Bool(if must_be_dir {
        followed_file_type(m, &path) == Some(FileType::Directory)
    } else {
        m.io.file_type(&path).is_some()
    }))
}

/// The type of what `path` names once symbolic links are followed (at most 40 of them).
fn followed_file_type(m: &Machine, path: &str) -> Option<FileType> {
    let mut path = path.to_string();
    for _ in 0..40 {
        match m.io.file_type(&path)? {
            FileType::Symlink => {
                let target = m.io.read_link(&path).ok()?;
                path = if target.starts_with('/') {
                    crate::path::canonicalise(&target)
                } else {
                    crate::path::canonicalise(&format!("{}/{target}", crate::path::dir_name(&path)))
                };
            }
            t => return Some(t),
        }
    }
    None
}

fn prim_read_file(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let path = resolved_path_argument(m, &args[0], span)?;
    if let Some(text) = crate::corepkgs::name(&path).and_then(crate::corepkgs::file) {
        return Ok(Value::string(text.as_bytes()));
    }
    let bytes =
        m.io.read_file(&path)
            .map_err(|e| Error::new(ErrorKind::Io(e), Some(span)))?;
    // Nix's strings end at a NUL byte, so it refuses a file with one.
    if bytes.contains(&0) {
        return Err(Error::new(
            ErrorKind::Io(format!(
                "the contents of the file '{path}' cannot be represented as a Nix string"
            )),
            None,
        ));
    }
    Ok(Value::string(bytes))
}

fn file_type_name(t: FileType) -> &'static str {
    match t {
        FileType::Regular => "regular",
        FileType::Directory => "directory",
        FileType::Symlink => "symlink",
        FileType::Unknown => "unknown",
    }
}

fn prim_read_dir(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let path = resolved_path_argument(m, &args[0], span)?;
    let entries =
        m.io.read_dir(&path)
            .map_err(|e| Error::new(ErrorKind::Io(e), Some(span)))?;
    Ok(Value::attrs(Attrs::from_unsorted(
        entries
            .into_iter()
            .map(|(name, t)| Attr {
                name: Symbol::new(&name),
                value: Value::string(file_type_name(t).as_bytes()),
                pos: None,
            })
            .collect(),
    )))
}

fn prim_read_file_type(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let path = path_argument(m, &args[0], span)?;
    match m.io.file_type(&path) {
        Some(t) => Ok(Value::string(file_type_name(t).as_bytes())),
        None => Err(Error::new(
            ErrorKind::Io(
                m.io.access_error(&path)
                    .unwrap_or_else(|| format!("path '{path}' does not exist")),
            ),
            Some(span),
        )),
    }
}
