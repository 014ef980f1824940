//! Documentation for the REPL's `:doc`: a synopsis and a few sentences for every builtin,
//! and the doc comment of a function written in Nix (found again in its source text).

use rnix::{SyntaxKind as K, SyntaxNode, SyntaxToken};

/// The documentation of one builtin (see [`builtin_doc`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinDoc {
    /// The names of its arguments, in order, for a synopsis (`builtins.map f list`);
    /// empty for a constant such as `builtins.nixVersion`.
    pub args: &'static [&'static str],
    /// What it does and what tends to surprise, in a few sentences.
    pub text: &'static str,
}

/// The documentation of `builtins.NAME` (a function or a constant), by its name in
/// `builtins` (`map`, `foldl'`, `nixVersion`; not `__map`).
pub fn builtin_doc(name: &str) -> Option<BuiltinDoc> {
    DOCS.iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, args, text)| BuiltinDoc { args, text })
}

/// How many arguments `builtins.NAME` takes before it does its work: 0 for the constants,
/// except `derivation`, which is a function of one set.
pub fn builtin_arity(name: &str) -> Option<usize> {
    if let Some(op) = super::PRIMOPS.iter().find(|p| p.name == name) {
        return Some(op.arity as usize);
    }
    match name {
        "derivation" => Some(1),
        _ if super::CONSTANTS.contains(&name) => Some(0),
        _ => None,
    }
}

/// Every builtin: name, argument names, text.
static DOCS: &[(&str, &[&str], &str)] = &[
    (
        "abort",
        &["s"],
        "Stops the whole evaluation with the error message `s`. Unlike `throw`, the error \
         cannot be caught by `builtins.tryEval`. As with any expression, nothing happens \
         unless the call is actually evaluated.",
    ),
    (
        "add",
        &["a", "b"],
        "Adds two numbers, the same as `a + b` on numbers. The result is a float if either \
         argument is one; integers that overflow 64 bits are an error, not a wrap-around. \
         Unlike `+`, it does not join strings, paths or lists.",
    ),
    (
        "addDrvOutputDependencies",
        &["s"],
        "Takes a string whose context is a single reference to a `.drv` file (for example \
         one made with `unsafeDiscardOutputDependency`) and turns that reference into a \
         dependency on all outputs of the derivation, as interpolating `drv.drvPath` gives. \
         Any other context is an error.",
    ),
    (
        "addErrorContext",
        &["context", "value"],
        "Returns `value` unchanged, but if evaluating it fails, the string `context` is added \
         to the error's trace (visible with `--show-trace`). Package sets use it to say which \
         package or option was being evaluated when something broke.",
    ),
    (
        "all",
        &["pred", "list"],
        "Whether the function `pred` returns true for every element of `list` (true for an \
         empty list). It stops at the first element that gives false, so the rest are never \
         looked at.",
    ),
    (
        "any",
        &["pred", "list"],
        "Whether the function `pred` returns true for at least one element of `list` (false \
         for an empty list). It stops at the first element that gives true.",
    ),
    (
        "appendContext",
        &["s", "context"],
        "Returns the string `s` with more string context, given as a set shaped like the \
         result of `builtins.getContext`. A low-level tool: ordinary code gets context by \
         interpolating derivations and paths.",
    ),
    (
        "attrNames",
        &["set"],
        "The names of the attributes of `set`, as a sorted list of strings (sorted by bytes, \
         so upper case comes before lower case). The values are not evaluated.",
    ),
    (
        "attrValues",
        &["set"],
        "The values of the attributes of `set`, as a list in the order of their sorted names. \
         The values stay unevaluated until something uses them.",
    ),
    (
        "baseNameOf",
        &["x"],
        "The last component of a path or string: what follows the last `/`, after ignoring \
         one trailing slash (`baseNameOf \"/a/b/\"` is \"b\"). The result is always a string, \
         and a path given to it is not copied to the store.",
    ),
    (
        "bitAnd",
        &["a", "b"],
        "The bitwise AND of two integers (negative numbers in two's complement).",
    ),
    (
        "bitOr",
        &["a", "b"],
        "The bitwise OR of two integers (negative numbers in two's complement).",
    ),
    (
        "bitXor",
        &["a", "b"],
        "The bitwise exclusive OR of two integers (negative numbers in two's complement).",
    ),
    (
        "break",
        &["v"],
        "Returns `v` unchanged. When Nix runs with its debugger (`--debugger`), evaluation \
         pauses here so the variables in scope can be inspected; Nixpad has no debugger, so \
         it does nothing else.",
    ),
    (
        "builtins",
        &[],
        "The set of every builtin function and constant. Most are only reachable through it \
         (`builtins.attrNames`); a few, such as `map`, `toString`, `import` and `throw`, are \
         also names of their own. `builtins.builtins` is the set itself.",
    ),
    (
        "catAttrs",
        &["name", "list"],
        "Collects the attribute `name` from every set in `list` that has it, silently \
         skipping the sets that do not: `catAttrs \"a\" [ { a = 1; } { b = 2; } ]` is \
         `[ 1 ]`. Every element must be a set.",
    ),
    (
        "ceil",
        &["x"],
        "Rounds a number up to the nearest integer and returns it as an integer \
         (`ceil 1.2` is 2). An integer is returned unchanged.",
    ),
    (
        "compareVersions",
        &["a", "b"],
        "Compares two version strings the way package versions are ordered: -1 if `a` is \
         older, 0 if equal, 1 if newer. Numeric parts compare as numbers, so \"1.10\" is \
         newer than \"1.9\" (string comparison says the opposite), and a `pre` part makes a \
         version older than the same one without it.",
    ),
    (
        "concatLists",
        &["lists"],
        "Joins a list of lists into a single list. Only one level is removed: nested lists \
         inside the inner lists stay lists.",
    ),
    (
        "concatMap",
        &["f", "list"],
        "Calls `f` on every element of `list` (each call must return a list) and joins the \
         results, like `concatLists (map f list)` in one step.",
    ),
    (
        "concatStringsSep",
        &["sep", "list"],
        "Joins a list of strings into one, with `sep` between neighbours. Elements are turned \
         into strings as in `\"${...}\"`: paths and derivations work (and keep their context), \
         but numbers and Booleans are an error, so map `toString` over them first.",
    ),
    (
        "convertHash",
        &["args"],
        "Re-encodes a hash. `args` is a set with `hash`, `toHashFormat` (\"base16\", \"nix32\", \
         \"base32\", \"base64\" or \"sri\") and, unless `hash` is an SRI hash such as \
         \"sha256-...\", `hashAlgo` (\"sha256\", \"sha512\", ...).",
    ),
    (
        "currentSystem",
        &[],
        "The platform the evaluator runs on, such as \"x86_64-linux\". It is impure: it is \
         missing in pure evaluation (as in flakes), where the system has to be passed in \
         explicitly instead.",
    ),
    (
        "currentTime",
        &[],
        "The time evaluation started, in seconds since 1970. It is impure (two runs give \
         different results) and missing in pure evaluation.",
    ),
    (
        "deepSeq",
        &["e1", "e2"],
        "Evaluates `e1` completely, every list element and attribute value all the way \
         down, then returns `e2`. Useful to bring out errors hidden deep in a value; on a \
         huge or infinite structure it takes long or never ends.",
    ),
    (
        "derivation",
        &["attrs"],
        "Describes a build step. `attrs` needs at least `name`, `system` and `builder`; the \
         result is a set with `type = \"derivation\"`, `drvPath`, `outPath`, one attribute per \
         output and everything you passed. The attributes become environment variables of \
         the builder; nothing is built during evaluation, only when an output is needed.",
    ),
    (
        "derivationStrict",
        &["attrs"],
        "The primitive under `derivation`: computes the derivation and returns only a set \
         with `drvPath` and the store path of every output. Call `derivation` instead, which \
         builds the usual derivation set from this result.",
    ),
    (
        "dirOf",
        &["s"],
        "Everything before the last `/` of a string or path: `dirOf \"/a/b/c\"` is \"/a/b\". \
         A path gives a path and a string a string; a string without any slash gives \".\".",
    ),
    (
        "div",
        &["a", "b"],
        "Divides `a` by `b`, the same as `a / b`. Two integers give an integer rounded toward \
         zero (`div 7 2` is 3, `div (-7) 2` is -3); if either is a float the result is a \
         float. Dividing by zero is an error.",
    ),
    (
        "elem",
        &["x", "list"],
        "Whether some element of `list` is equal to `x`, compared with `==`. Comparing sets \
         and lists compares their contents, which forces them.",
    ),
    (
        "elemAt",
        &["list", "n"],
        "The element at position `n` of `list`, counting from 0. An index past the end is an \
         error; there is no default value.",
    ),
    (
        "false",
        &[],
        "The Boolean false. Like `true` and `null` it is a name bound by the global scope, \
         not a keyword, so a `let` can shadow it.",
    ),
    (
        "fetchGit",
        &["args"],
        "Clones a Git repository while evaluating and returns a set with its `outPath` and \
         details such as `rev`. `args` is a URL or a set with `url` and optionally `rev`, \
         `ref` and more; without `rev` the result depends on the repository's current state. \
         Nixpad has no network access: it reports an error (the command line first checks the \
         arguments as Nix does).",
    ),
    (
        "fetchMercurial",
        &["args"],
        "Clones a Mercurial repository while evaluating, like `fetchGit` for Git. Nixpad has \
         no network access: it reports an error (the command line first checks the arguments \
         as Nix does).",
    ),
    (
        "fetchTarball",
        &["args"],
        "Downloads and unpacks an archive while evaluating and returns the store path of its \
         contents. `args` is a URL or a set with `url` and `sha256` (and optionally `name`); \
         without a hash the download is not reproducible and pure evaluation refuses it. \
         Nixpad has no network access: it reports an error (the command line first checks the \
         arguments as Nix does, and gives a pinned archive already in the store).",
    ),
    (
        "fetchTree",
        &["input"],
        "Fetches a source tree (Git repository, tarball, file, GitHub repository, ...) \
         described by a flake reference or a set with `type`, and returns a set with its \
         `outPath` and metadata. It needs the `flakes` or `fetch-tree` experimental feature; \
         Nixpad has no network access, so it reports an error.",
    ),
    (
        "fetchurl",
        &["url"],
        "Downloads a file while evaluating and returns its store path. `url` is a string or \
         a set with `url` and optionally `sha256` and `name`. Unlike the fetchers of nixpkgs, \
         this happens at evaluation time, not in a build. Nixpad has no network access: it \
         reports an error (the command line first checks the arguments as Nix does, and gives \
         a pinned file already in the store).",
    ),
    (
        "filter",
        &["pred", "list"],
        "The elements of `list` for which the function `pred` returns true, in their \
         original order.",
    ),
    (
        "filterSource",
        &["pred", "path"],
        "Copies the folder `path` to the store, keeping only the entries for which \
         `pred fullPath type` returns true (`type` is \"regular\", \"directory\", \"symlink\" \
         or \"unknown\"), and returns the store path. Leaving out a folder leaves out \
         everything in it. `builtins.path` with `filter` does the same and can also set the \
         name.",
    ),
    (
        "findFile",
        &["searchPath", "lookupPath"],
        "Looks `lookupPath` up in a search path, a list of `{ prefix; path; }` sets such as \
         `builtins.nixPath`, and returns the first match. `<nixpkgs>` is short for \
         `__findFile __nixPath \"nixpkgs\"`, which is why a missing entry is an error at \
         evaluation time.",
    ),
    (
        "floor",
        &["x"],
        "Rounds a number down to the nearest integer and returns it as an integer \
         (`floor (-1.5)` is -2). An integer is returned unchanged.",
    ),
    (
        "foldl'",
        &["op", "nul", "list"],
        "Combines the elements of `list` from the left: `op (op (op nul x0) x1) x2`, with \
         `nul` the result for an empty list. The accumulator is evaluated at every step (that \
         is what the apostrophe means), so long lists do not pile up unevaluated thunks; \
         even `nul` is forced when the list is empty.",
    ),
    (
        "fromJSON",
        &["s"],
        "Parses the JSON text `s` into a Nix value: objects become sets, arrays lists, \
         numbers integers or floats and `null` null. Text that is not valid JSON is an \
         error.",
    ),
    (
        "fromTOML",
        &["s"],
        "Parses the TOML document `s` into a set. Tables become nested sets and arrays \
         lists. Dates and times are rejected unless the experimental feature \
         `parse-toml-timestamps` is on; then each becomes `{ _type = \"timestamp\"; \
         value = \"1979-05-27T07:32:00Z\"; }`.",
    ),
    (
        "functionArgs",
        &["f"],
        "The named arguments of a function written with a set pattern, as a set from each \
         name to whether it has a default: `functionArgs ({ a, b ? 1 }: a)` is \
         `{ a = false; b = true; }`. Functions of the form `x: ...` and builtins give `{ }`. \
         This is how `callPackage` knows what to pass.",
    ),
    (
        "genList",
        &["generator", "length"],
        "The list `[ (generator 0) (generator 1) ... ]` with `length` elements. Each element \
         is only computed when it is used; a negative `length` is an error.",
    ),
    (
        "genericClosure",
        &["attrs"],
        "Finds everything reachable from a starting set of items. `attrs` has `startSet`, a \
         list of sets each with a `key`, and `operator`, a function from one item to a list \
         of further items. Items whose `key` was already seen are dropped, so cycles end; \
         the result lists every item found, starting set first. Keys must be comparable \
         values such as numbers or strings.",
    ),
    (
        "getAttr",
        &["name", "set"],
        "The value of attribute `name` in `set`, the same as `set.${name}`. A missing \
         attribute is an error (use `hasAttr` or `set.${name} or default`).",
    ),
    (
        "getContext",
        &["s"],
        "The string context of `s` as a set keyed by store path. Each entry says how the \
         string depends on that path: `path = true` for a plain path, `outputs` for the \
         outputs of a derivation, `allOutputs = true` for a `.drv` file with everything it \
         can build.",
    ),
    (
        "getEnv",
        &["name"],
        "The value of the environment variable `name`, or \"\" when it is not set. It is \
         impure and always \"\" in pure evaluation; Nixpad runs without environment \
         variables.",
    ),
    (
        "getFlake",
        &["ref"],
        "Fetches the flake `ref` and returns its outputs, together with `inputs`, `outPath` \
         and other metadata. It needs the `flakes` experimental feature; Nixpad cannot fetch \
         flakes, so it reports an error.",
    ),
    (
        "groupBy",
        &["f", "list"],
        "Sorts the elements of `list` into groups by the string `f` returns for each: the \
         result maps each such string to the list of its elements, in their original \
         order.",
    ),
    (
        "hasAttr",
        &["name", "set"],
        "Whether `set` has an attribute `name`, the same as `set ? ${name}`. The attribute's \
         value is not evaluated.",
    ),
    (
        "hasContext",
        &["s"],
        "Whether the string `s` has string context, that is whether it refers to some store \
         path or derivation.",
    ),
    (
        "hashFile",
        &["type", "path"],
        "The hash of the contents of the file at `path`, in hexadecimal. `type` is \"md5\", \
         \"sha1\", \"sha256\" or \"sha512\".",
    ),
    (
        "hashString",
        &["type", "s"],
        "The hash of the string `s`, in hexadecimal. `type` is \"md5\", \"sha1\", \"sha256\" \
         or \"sha512\". Use `builtins.convertHash` for another encoding.",
    ),
    (
        "head",
        &["list"],
        "The first element of `list`. An empty list is an error, so check `list == [ ]` \
         first when it may be empty.",
    ),
    (
        "import",
        &["path"],
        "Evaluates the Nix file at `path` (a folder means its `default.nix`) and returns its \
         value. The file only sees the builtins, never the variables where `import` is \
         called: pass those as function arguments. A file is evaluated once, and importing \
         it again gives the same value.",
    ),
    (
        "intersectAttrs",
        &["e1", "e2"],
        "The attributes of `e2` whose names also occur in `e1`, with their values from `e2`. \
         Together with `functionArgs` it picks from a big set just what a function asks \
         for.",
    ),
    (
        "isAttrs",
        &["e"],
        "Whether `e` is an attribute set. Evaluates `e`, only as far as needed to know its \
         type. Derivations are sets too.",
    ),
    (
        "isBool",
        &["e"],
        "Whether `e` is `true` or `false`. Evaluates `e` as far as needed to know its type.",
    ),
    (
        "isFloat",
        &["e"],
        "Whether `e` is a float: true for `1.0`, false for `1`. Evaluates `e` as far as \
         needed to know its type.",
    ),
    (
        "isFunction",
        &["e"],
        "Whether `e` is a function: a lambda or a builtin, partially applied or not. A set \
         with `__functor` can be called but is not a function for this test.",
    ),
    (
        "isInt",
        &["e"],
        "Whether `e` is an integer: true for `1`, false for `1.0`. Evaluates `e` as far as \
         needed to know its type.",
    ),
    (
        "isList",
        &["e"],
        "Whether `e` is a list. Evaluates `e` as far as needed to know its type, not its \
         elements.",
    ),
    (
        "isNull",
        &["e"],
        "Whether `e` is `null`. Writing `e == null` does the same and is the usual style.",
    ),
    (
        "isPath",
        &["e"],
        "Whether `e` is a path value such as `./file.nix`. A string that looks like a path, \
         such as \"/etc\", is not one.",
    ),
    (
        "isString",
        &["e"],
        "Whether `e` is a string. Paths are not strings, and neither are derivations, even \
         though both can be interpolated.",
    ),
    (
        "langVersion",
        &[],
        "The version of the Nix language the evaluator implements, an integer (6 for Nix \
         2.26 and Nixpad).",
    ),
    (
        "length",
        &["list"],
        "The number of elements of `list`. The elements themselves are not evaluated.",
    ),
    (
        "lessThan",
        &["a", "b"],
        "Whether `a < b`. Works on two numbers, two strings (byte by byte), two paths or two \
         lists (element by element); comparing values of different types, sets or functions \
         is an error.",
    ),
    (
        "listToAttrs",
        &["list"],
        "Builds a set from a list of `{ name = ...; value = ...; }` sets. When a name occurs \
         more than once, the first one wins; other attributes of the elements are \
         ignored.",
    ),
    (
        "map",
        &["f", "list"],
        "The list of `f` applied to each element: `map f [ a b ]` is `[ (f a) (f b) ]`. The \
         calls are lazy, made only when an element is used, so an error inside `f` shows up \
         late or not at all; `f` must still be a function.",
    ),
    (
        "mapAttrs",
        &["f", "set"],
        "A set with the same names as `set`, where each value is `f name value`. Note that \
         `f` takes two arguments. The calls are lazy, made only when a value is used.",
    ),
    (
        "match",
        &["regex", "s"],
        "Tests whether the whole of `s` matches the POSIX extended regular expression \
         `regex`: `null` if not, otherwise the list of what each capture group matched \
         (`null` for a group that took no part). Backslashes need doubling inside Nix \
         strings: \"\\\\.\" matches a literal dot.",
    ),
    (
        "mul",
        &["a", "b"],
        "Multiplies two numbers, the same as `a * b`. Integers that overflow 64 bits are an \
         error.",
    ),
    (
        "nixPath",
        &[],
        "The search path that `<name>` look-ups use: a list of `{ prefix; path; }` sets, \
         from `NIX_PATH` and `-I` options. In Nixpad it is usually empty, and `<nixpkgs>` \
         still finds the miniature nixpkgs, which is provided separately.",
    ),
    (
        "nixVersion",
        &[],
        "The version of Nix whose behaviour the evaluator follows, as a string (\"2.26.3\" in \
         Nixpad). Compare it with `builtins.compareVersions`, not with `<`.",
    ),
    (
        "null",
        &[],
        "The null value, meaning \"nothing here\". Like `true` and `false` it is a name bound \
         by the global scope rather than a keyword.",
    ),
    (
        "parseDrvName",
        &["s"],
        "Splits a package name into its name and version: \"hello-2.12.1\" gives \
         `{ name = \"hello\"; version = \"2.12.1\"; }`. The version starts at the first dash \
         that is followed by something other than a letter.",
    ),
    (
        "partition",
        &["pred", "list"],
        "Splits `list` in two: `{ right = ...; wrong = ...; }`, the elements for which `pred` \
         returns true and those for which it returns false, each in original order.",
    ),
    (
        "path",
        &["args"],
        "Copies a file or folder to the store, like interpolating a path, with more control. \
         `args` is a set with `path` and optionally `name` (a fixed store name, where \
         `\"${./.}\"` would use the folder's name), `filter` (as in `filterSource`), \
         `recursive` and `sha256`. Returns the store path as a string.",
    ),
    (
        "pathExists",
        &["path"],
        "Whether something exists at `path` (a path, or a string holding an absolute path). \
         It does not say whether it is a file or a folder: see `readFileType`.",
    ),
    (
        "placeholder",
        &["output"],
        "A string that stands for the store path of output `output` (such as \"out\") of the \
         derivation it ends up in; the real path replaces it when the derivation is made. \
         Useful where the builder's `$out` variable is not expanded, such as in configure \
         flags.",
    ),
    (
        "readDir",
        &["path"],
        "The entries of the folder at `path`, as a set from each name to its type: \
         \"regular\", \"directory\", \"symlink\" or \"unknown\". The files are not read.",
    ),
    (
        "readFile",
        &["path"],
        "The contents of the file at `path` as a string. A missing file or a folder is an \
         error; reading from a store path keeps that path as the string's context.",
    ),
    (
        "readFileType",
        &["path"],
        "What is at `path`: \"regular\", \"directory\", \"symlink\" or \"unknown\". A symlink \
         is reported as such, not followed.",
    ),
    (
        "removeAttrs",
        &["set", "names"],
        "`set` without the attributes named in the list `names`. Names that are not in the \
         set are ignored, so it never fails because of them.",
    ),
    (
        "replaceStrings",
        &["from", "to", "s"],
        "Replaces, in `s`, each occurrence of a string of the list `from` by the string at the \
         same position in `to`. The string is scanned once from the left: where several \
         patterns match, the first in `from` wins, and inserted text is not searched again. \
         Both lists must have the same length.",
    ),
    (
        "scopedImport",
        &["scope", "path"],
        "Like `import`, but the names in the set `scope` are in scope in the file, hiding \
         builtins of the same name (even `import` itself). Unlike `import`, the result is \
         not shared: every call evaluates the file again.",
    ),
    (
        "seq",
        &["e1", "e2"],
        "Evaluates `e1`, then returns `e2`. Only the outside of `e1` is evaluated (that it is \
         a set, a list, a string...), not the values inside; `deepSeq` goes all the way.",
    ),
    (
        "sort",
        &["comparator", "list"],
        "Sorts `list` with `comparator a b`, which must return true when `a` goes strictly \
         before `b`, like `builtins.lessThan`. The sort is stable; a comparator that is not a \
         strict order (such as `a <= b`) gives an unspecified order.",
    ),
    (
        "split",
        &["regex", "s"],
        "Cuts `s` at every match of the POSIX extended regular expression `regex`. The \
         result alternates the pieces between matches and, for each match, the list of its \
         capture groups: `split \",\" \"a,b\"` is `[ \"a\" [ ] \"b\" ]`. Filter out the lists to \
         keep only the pieces.",
    ),
    (
        "splitVersion",
        &["s"],
        "The parts of a version string as `compareVersions` sees them: dots and dashes \
         separate parts, and a change between digits and letters starts a new one \
         (\"1.2b\" gives `[ \"1\" \"2\" \"b\" ]`).",
    ),
    (
        "storeDir",
        &[],
        "The folder of the Nix store, normally \"/nix/store\".",
    ),
    (
        "storePath",
        &["path"],
        "Takes the name of a path inside the store and returns it as a string with the path \
         as its context, so derivations using it depend on it. It is not allowed in pure \
         evaluation.",
    ),
    (
        "stringLength",
        &["s"],
        "The length of `s` in bytes, not characters: \"é\" has length 2. Other values are \
         turned into strings as in `\"${...}\"`, so a number is an error.",
    ),
    (
        "sub",
        &["a", "b"],
        "Subtracts `b` from `a`, the same as `a - b`. Integers that overflow 64 bits are an \
         error.",
    ),
    (
        "substring",
        &["start", "len", "s"],
        "The part of `s` that starts at byte `start` (from 0) and is at most `len` bytes \
         long; it stops early at the end of the string, and a `start` past the end gives \
         \"\". A negative `start` is an error, while a negative `len` means up to the \
         end.",
    ),
    (
        "tail",
        &["list"],
        "All the elements of `list` but the first. An empty list is an error. It copies the \
         rest of the list, so walking a long list with `head` and `tail` takes quadratic \
         time.",
    ),
    (
        "throw",
        &["s"],
        "Fails with the error message `s`, but only if the call is actually evaluated. \
         Unlike `abort`, `builtins.tryEval` can catch it, which lets package sets skip \
         broken packages.",
    ),
    (
        "toFile",
        &["name", "s"],
        "Writes the string `s` to a file called `name` in the store and returns its store \
         path. `s` may mention other store paths, which become references of the file, but \
         not outputs of derivations (those do not exist during evaluation).",
    ),
    (
        "toJSON",
        &["e"],
        "The JSON text of `e`, which is evaluated completely. Paths are copied to the store, \
         sets with `__toString` or `outPath` (such as derivations) become strings, and \
         functions are an error. The result keeps the context of the strings inside.",
    ),
    (
        "toPath",
        &["s"],
        "Old and misleadingly named: returns the absolute path in the string `s`, tidied \
         (`..` and `.` resolved), but still as a string, not a path value. To make a path, \
         write `/. + s`.",
    ),
    (
        "toString",
        &["e"],
        "Converts `e` to a string: strings stay as they are, numbers are written out, `true` \
         becomes \"1\" while `false` and `null` become \"\", lists are joined with spaces, and \
         sets need `__toString` or `outPath`. Unlike interpolation, a path gives its own \
         name and is not copied to the store.",
    ),
    (
        "toXML",
        &["e"],
        "A text representation of `e` in an XML format of Nix's own, evaluating `e` \
         completely. Rarely needed; `toJSON` is the usual choice.",
    ),
    (
        "trace",
        &["e1", "e2"],
        "Prints `e1` as a `trace:` message and returns `e2`. The message appears only when \
         and if the call is evaluated, so laziness decides the order, sometimes surprisingly. \
         A string is printed as it is, other values as Nix writes them.",
    ),
    (
        "traceVerbose",
        &["e1", "e2"],
        "Like `trace`, but prints only when Nix's `trace-verbose` setting is on; otherwise it \
         just returns `e2`.",
    ),
    (
        "true",
        &[],
        "The Boolean true. Like `false` and `null` it is a name bound by the global scope, \
         not a keyword, so a `let` can shadow it.",
    ),
    (
        "tryEval",
        &["e"],
        "Evaluates `e` and returns `{ success = true; value = e; }`, or \
         `{ success = false; value = false; }` if that raised a `throw` or a failed `assert`. \
         Other errors (`abort`, type errors, missing attributes) are not caught, and `e` is \
         only evaluated on the outside: errors deeper inside the value escape.",
    ),
    (
        "typeOf",
        &["e"],
        "The type of `e` as a string: \"int\", \"float\", \"bool\", \"string\", \"path\", \
         \"null\", \"set\", \"list\" or \"lambda\". Builtins are \"lambda\" too, and a \
         derivation is just a \"set\".",
    ),
    (
        "unsafeDiscardOutputDependency",
        &["s"],
        "Interpolating `drv.drvPath` makes a string that depends on everything the \
         derivation builds; this turns such context into a dependency on the `.drv` file \
         alone, without its outputs. `builtins.addDrvOutputDependencies` does the reverse.",
    ),
    (
        "unsafeDiscardStringContext",
        &["s"],
        "The same text as `s` without its string context: a derivation using the result no \
         longer depends on the store paths it mentions. Unsafe because the builder may then \
         find those paths missing.",
    ),
    (
        "unsafeGetAttrPos",
        &["name", "set"],
        "Where attribute `name` of `set` is defined, as `{ file; line; column; }`, or `null` \
         when that is not known or the attribute does not exist.",
    ),
    (
        "warn",
        &["msg", "e"],
        "Prints `msg` (which must be a string) as an `evaluation warning:` and returns `e`. \
         With Nix's `abort-on-warn` setting the warning becomes an error, which helps find \
         where it comes from.",
    ),
    (
        "zipAttrsWith",
        &["f", "list"],
        "Merges a list of sets: for each name found in any of them, the result has \
         `f name values`, where `values` lists that attribute's values from the sets that \
         have it, in list order.",
    ),
];

/// The doc comment of the function literal that starts at byte `start` of the Nix source
/// `text` (the start of a lambda's span), as Nix 2.26 finds it, or `None`:
///
/// - a `/** ... */` comment right before the function, with only whitespace and ordinary
///   comments in between; a function directly in the body of another (`x: y: ...`, a
///   curried function) without one of its own takes the outer one's;
/// - a `/** ... */` comment right before the attribute or `let` binding whose value is
///   the (outermost) function, `/** Adds one. */ inc = x: x + 1;`;
/// - as a Nixpad extension, failing both, the `#` comment lines directly above such a
///   binding, with no blank line in between.
///
/// The text is cleaned as Nix does (the delimiters removed, the common indentation
/// stripped), without leading blank lines and trailing whitespace.
pub(crate) fn lambda_doc(text: &str, start: u32) -> Option<String> {
    let root = rnix::Root::parse(text).syntax();
    let lambda = root
        .descendants()
        .filter(|n| n.kind() == K::NODE_LAMBDA)
        .find(|n| {
            u32::from(n.text_range().start()) == start
                || first_token(n).is_some_and(|t| u32::from(t.text_range().start()) == start)
        })?;
    let doc = find_doc(lambda)?;
    let doc = trim_leading_blank_lines(doc.trim_end());
    (!doc.is_empty()).then(|| doc.to_string())
}

/// Drops the lines of `s` before its first non-blank one.
fn trim_leading_blank_lines(s: &str) -> &str {
    let mut rest = s;
    while let Some((line, after)) = rest.split_once('\n') {
        if !line.trim().is_empty() {
            break;
        }
        rest = after;
    }
    rest
}

/// The raw doc text of `lambda` (see [`lambda_doc`]).
fn find_doc(mut lambda: SyntaxNode) -> Option<String> {
    loop {
        if let Some(doc) = doc_comment_before(&first_token(&lambda)?) {
            return Some(doc);
        }
        // Parentheses are not nodes of Nix's syntax tree: look through them.
        let mut child = lambda.clone();
        let mut parent = child.parent()?;
        while parent.kind() == K::NODE_PAREN {
            child = parent;
            parent = child.parent()?;
        }
        match parent.kind() {
            K::NODE_LAMBDA if last_child(&parent).as_ref() == Some(&child) => lambda = parent,
            K::NODE_ATTRPATH_VALUE if last_child(&parent).as_ref() == Some(&child) => {
                let first = first_token(&parent)?;
                return doc_comment_before(&first).or_else(|| line_comments_above(&first));
            }
            _ => return None,
        }
    }
}

/// The last child node (a lambda's body, a binding's value).
fn last_child(node: &SyntaxNode) -> Option<SyntaxNode> {
    node.children().last()
}

/// The first token of `node` that is neither whitespace nor a comment.
fn first_token(node: &SyntaxNode) -> Option<SyntaxToken> {
    node.descendants_with_tokens()
        .filter_map(|e| e.into_token())
        .find(|t| !t.kind().is_trivia())
}

/// Whether a comment token is a doc comment: `/**` not followed by another `*` (so not
/// `/**/` nor `/*** ... */`).
fn is_doc_comment(comment: &str) -> bool {
    comment.len() >= 5
        && comment.starts_with("/**")
        && comment.ends_with("*/")
        && !comment[3..].starts_with(['*', '/'])
}

/// The text of the nearest doc comment before `token`, when only whitespace and ordinary
/// comments separate them.
fn doc_comment_before(token: &SyntaxToken) -> Option<String> {
    let mut prev = token.prev_token();
    while let Some(t) = prev {
        match t.kind() {
            K::TOKEN_COMMENT if is_doc_comment(t.text()) => {
                let inner = &t.text()[3..t.text().len() - 2];
                return Some(strip_indentation(&format!("   {inner}")));
            }
            K::TOKEN_WHITESPACE | K::TOKEN_COMMENT => prev = t.prev_token(),
            _ => return None,
        }
    }
    None
}

/// Nix's clean-up of a doc comment: the smallest indentation (in spaces) of the lines
/// with text is removed from every line; lines no longer than it become empty.
fn strip_indentation(s: &str) -> String {
    let indent = s
        .split('\n')
        .filter(|l| !l.trim_start_matches(' ').is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        out.push_str(line.get(indent..).unwrap_or(""));
        out.push('\n');
    }
    out
}

/// The `#` comment lines directly above the line where `token` (a binding's first token)
/// starts, without their `#` and their common indentation; `None` when there are none.
fn line_comments_above(token: &SyntaxToken) -> Option<String> {
    let mut lines = Vec::new();
    let mut cur = token.clone();
    loop {
        // One line break (not a blank line) between the comment and what follows it.
        let Some(space) = cur.prev_token() else { break };
        if space.kind() != K::TOKEN_WHITESPACE || space.text().matches('\n').count() != 1 {
            break;
        }
        let Some(comment) = space.prev_token() else {
            break;
        };
        if comment.kind() != K::TOKEN_COMMENT || !comment.text().starts_with('#') {
            break;
        }
        // The comment must have its line to itself (not end a line of code).
        let own_line = match comment.prev_token() {
            None => true,
            Some(t) => t.kind() == K::TOKEN_WHITESPACE && t.text().contains('\n'),
        };
        if !own_line {
            break;
        }
        lines.push(comment.text()[1..].trim_end().to_string());
        cur = comment;
    }
    if lines.is_empty() {
        return None;
    }
    lines.reverse();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let text: Vec<&str> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect();
    Some(text.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_is_documented_once_with_its_arity() {
        for (i, (name, _, _)) in DOCS.iter().enumerate() {
            assert!(
                !DOCS[..i].iter().any(|(n, _, _)| n == name),
                "{name} documented twice"
            );
            assert!(
                builtin_arity(name).is_some(),
                "{name} documented but not a builtin"
            );
        }
        let names = super::super::PRIMOPS
            .iter()
            .map(|p| p.name)
            .chain(super::super::CONSTANTS.iter().copied());
        for name in names {
            let doc = builtin_doc(name).unwrap_or_else(|| panic!("{name} is not documented"));
            assert_eq!(Some(doc.args.len()), builtin_arity(name), "{name}");
        }
    }

    #[test]
    fn doc_comments_are_found_as_nix_finds_them() {
        let doc = |text: &str, at: &str| lambda_doc(text, text.find(at).unwrap() as u32);
        assert_eq!(
            doc("{ /** Adds\n    one. */ inc = x: x + 1; }", "x:"),
            Some("Adds\none.".into())
        );
        assert_eq!(doc("/** own */ # note\n x: x", "x:"), Some("own".into()));
        assert_eq!(
            doc("{ /** outer */ f = x: y: x; }", "y:"),
            Some("outer".into())
        );
        assert_eq!(
            doc("{ /** outer */ f = x: /** inner */ y: x; }", "y:"),
            Some("inner".into())
        );
        assert_eq!(doc("{ /** b */ d = (x: x); }", "x:"), Some("b".into()));
        assert_eq!(doc("{ e = /** p */ (x: x); }", "x:"), None);
        assert_eq!(doc("{ /***/ q = x: x; }", "x:"), None);
        assert_eq!(doc("{ /*** no */ q = x: x; }", "x:"), None);
        assert_eq!(doc("{ /* no */ q = x: x; }", "x:"), None);
        assert_eq!(doc("{ /** l */ l = let m = x: x; in m; }", "x:"), None);
        assert_eq!(
            doc("let\n  # Two\n  #   lines\n  f = a: a;\nin f", "a:"),
            Some("Two\n  lines".into())
        );
        assert_eq!(doc("{\n  # Apart\n\n  f = a: a;\n}", "a:"), None);
        assert_eq!(doc("{\n  g = 1; # g's\n  f = a: a;\n}", "a:"), None);
        assert_eq!(
            doc("{\n  g = 1; # g's\n  # f's\n  f = a: a;\n}", "a:"),
            Some("f's".into())
        );
        assert_eq!(
            doc("/**\n    Para\n\n        code\n*/\nx: x", "x:"),
            Some("Para\n\n    code".into())
        );
    }
}
