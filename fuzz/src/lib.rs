//! Shared code of the fuzz targets: the evaluation harness and a generator of
//! syntactically valid(-ish) Nix programs driven by the fuzzer's bytes.

use std::rc::Rc;
use std::sync::{mpsc, Mutex, OnceLock};

use nixpad_eval::{Evaluator, Limits, MemoryIO, Origin, Settings};

/// Steps one input may take (`Limits::fuel`).
pub const FUEL: u64 = 200_000;

/// A small in-memory tree so that `import`, `readFile`, `readDir`, ... have something to
/// find. The generator refers to these paths.
fn io() -> Rc<MemoryIO> {
    let mut io = MemoryIO::new();
    io.add_file("/a.nix", "x: x + 1");
    io.add_file("/dir/default.nix", "{ a = 1; b = [ 2 \"c\" ]; f = x: { inherit x; }; }");
    io.add_file("/dir/data.json", r#"{"a": [1, 2.5, null, true], "b": {"c": "d"}}"#);
    io.add_file("/dir/text.txt", "hello\nworld\n");
    io.add_file("/scoped.nix", "x + y");
    io.set_env("HOME", "/home/user");
    Rc::new(io)
}

/// Stack for one evaluation, in MB: `NIXPAD_FUZZ_STACK_MB`, default 64; 0 runs on the
/// calling thread (libFuzzer's main thread: 8 MB).
///
/// Why not the main thread: AddressSanitizer makes frames several times bigger, and the
/// evaluator recurses natively to a bounded depth on purpose (the lowering stops at 3000
/// nested expressions, `max_native_depth` is 1000), which needs more than 8 MB under ASan
/// although it fits in 8 MB without it. 64 MB under ASan is roughly 20 MB of native
/// stack: what overflows it is recursion that the limits do not bound.
pub fn stack_mb() -> usize {
    static MB: OnceLock<usize> = OnceLock::new();
    *MB.get_or_init(|| std::env::var("NIXPAD_FUZZ_STACK_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(64))
}

/// [`run_here`] on a long-lived worker thread with [`stack_mb`] of stack (spawning one per
/// input is slow under ASan, which clears the shadow of the whole stack at thread exit). A
/// panic there aborts the process (libfuzzer-sys's panic hook), so libFuzzer sees it as a
/// crash, and so is a stack overflow.
pub fn run(src: &str) {
    type Worker = (mpsc::Sender<String>, mpsc::Receiver<()>);
    static WORKER: Mutex<Option<Worker>> = Mutex::new(None);
    let mb = stack_mb();
    if mb == 0 {
        return run_here(src);
    }
    let mut worker = WORKER.lock().unwrap_or_else(|e| e.into_inner());
    let (tx, rx) = worker.get_or_insert_with(|| {
        let (tx_in, rx_in) = mpsc::channel::<String>();
        let (tx_out, rx_out) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("nixpad-eval".into())
            .stack_size(mb << 20)
            .spawn(move || {
                for src in rx_in {
                    run_here(&src);
                    if tx_out.send(()).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn the evaluation thread");
        (tx_in, rx_out)
    });
    tx.send(src.to_string()).expect("evaluation thread gone");
    rx.recv().expect("evaluation thread died");
}

/// Parses and evaluates `src` with a step budget, then prints the result lazily, strictly
/// and as JSON, and renders any error. Errors are fine; panics, aborts, stack overflows
/// and hangs are bugs.
pub fn run_here(src: &str) {
    let limits = Limits { fuel: Some(FUEL), ..Default::default() };
    let settings = Settings { home: Some("/home/user".into()), ..Settings::default() };
    let mut ev = Evaluator::new(io(), settings, limits);
    match ev.eval_source(src, Origin::String, "/") {
        Ok(v) => {
            match ev.print(&v, false) {
                Ok(_) => {}
                Err(e) => drop(ev.render_error(&e)),
            }
            match ev.print(&v, true) {
                Ok(_) => {}
                Err(e) => drop(ev.render_error(&e)),
            }
            match ev.to_json(&v) {
                Ok(_) => {}
                Err(e) => drop(ev.render_error(&e)),
            }
        }
        Err(e) => drop(ev.render_error(&e)),
    }
    let _ = ev.take_trace_lines();
}

// ---------------------------------------------------------------------------
// The structured generator

/// Reads choices from the fuzzer's bytes; once they run out every choice is 0, which
/// always picks a leaf, so generation ends.
struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    fn exhausted(&self) -> bool {
        self.pos >= self.data.len()
    }
    fn below(&mut self, n: usize) -> usize {
        self.byte() as usize % n
    }
    fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items[self.below(items.len())]
    }
}

const MAX_DEPTH: u32 = 12;

const INTS: &[&str] = &[
    "0", "1", "2", "3", "7", "10", "42", "255", "256", "1000", "65536", "4294967296",
    "9223372036854775807", "(-9223372036854775807 - 1)", "(-1)", "(-2)",
];
const FLOATS: &[&str] = &["0.0", "1.5", "(-0.0)", "1.0e308", "1.0e-300", "3.14", "(-2.5)", ".5", "1.0e10", "1.0e-7", "0.1"];
const STRINGS: &[&str] = &[
    "\"\"", "\"a\"", "\"abc\"", "\"x\\ny\"", "\"\\${x}\"", "\"a.b.c\"", "\"a b\"", "\"é€😀\"", "\"\\t\\r\\\\\"",
    "\"1.2.3\"", "\"/nix/store/abc-foo\"", "\"${\"x\"}\"", "\"a-b\"", "\"[a-z]+\"", "\"(a|b)*c\"", "\"foo\"",
    "\"bar\"", "\"sha256\"", "\"md5\"", "\"sha1\"", "\"sha512\"", "\"{\\\"a\\\":1}\"", "\"[1,2,[3]]\"", "\"1e5\"",
    "''a\n  b''", "''\n  ''${x}''", "''''$''", "\"x86_64-linux\"", "\"\\u0000\"", "\"%\"", "\"$\"", "\"HOME\"",
];
const PATHS: &[&str] = &[
    "./a.nix", "/a.nix", "./dir", "/dir/data.json", "/dir/text.txt", "./.", "/.", "../x", "~/x", "<nixpkgs>",
    "./missing.nix", "/scoped.nix", "./dir/../a.nix",
];
const NAMES: &[&str] = &["a", "b", "c", "x", "y", "name", "value", "outPath", "__functor", "type", "key", "__toString"];
const GLOBALS: &[&str] = &[
    "builtins", "true", "false", "null", "map", "toString", "import", "throw", "abort", "isNull", "removeAttrs",
    "baseNameOf", "dirOf", "scopedImport", "placeholder", "__currentSystem", "__nixVersion",
];
/// Builtins with the number of arguments to pass.
const BUILTINS: &[(&str, usize)] = &[
    ("abort", 1), ("throw", 1), ("tryEval", 1), ("seq", 2), ("deepSeq", 2), ("trace", 2), ("warn", 2),
    ("traceVerbose", 2), ("typeOf", 1), ("isNull", 1), ("isBool", 1), ("isInt", 1), ("isFloat", 1),
    ("isString", 1), ("isPath", 1), ("isList", 1), ("isAttrs", 1), ("isFunction", 1), ("import", 1),
    ("scopedImport", 2), ("toString", 1), ("length", 1), ("head", 1), ("tail", 1), ("elemAt", 2), ("elem", 2),
    ("map", 2), ("filter", 2), ("foldl'", 3), ("genList", 2), ("concatLists", 1), ("concatMap", 2), ("all", 2),
    ("any", 2), ("attrNames", 1), ("attrValues", 1), ("getAttr", 2), ("hasAttr", 2), ("removeAttrs", 2),
    ("listToAttrs", 1), ("mapAttrs", 2), ("intersectAttrs", 2), ("catAttrs", 2), ("functionArgs", 1),
    ("add", 2), ("sub", 2), ("mul", 2), ("div", 2), ("lessThan", 2), ("bitAnd", 2), ("bitOr", 2), ("bitXor", 2),
    ("stringLength", 1), ("substring", 3), ("concatStringsSep", 2), ("replaceStrings", 3), ("split", 2),
    ("match", 2), ("baseNameOf", 1), ("dirOf", 1), ("toJSON", 1), ("fromJSON", 1), ("sort", 2),
    ("partition", 2), ("groupBy", 2), ("zipAttrsWith", 2), ("genericClosure", 1), ("getEnv", 1),
    ("findFile", 2), ("pathExists", 1), ("readFile", 1), ("readDir", 1), ("readFileType", 1),
    ("hashString", 2), ("placeholder", 1), ("unsafeGetAttrPos", 2), ("addErrorContext", 2),
    // Not (yet) implemented by nixpad, but real Nix has them.
    ("compareVersions", 2), ("splitVersion", 1), ("parseDrvName", 1), ("toXML", 1), ("fromTOML", 1),
    ("unsafeDiscardStringContext", 1), ("hasContext", 1), ("getContext", 1), ("floor", 1), ("ceil", 1),
    ("attrsOf", 1), ("toPath", 1), ("storePath", 1), ("path", 1), ("filterSource", 2), ("convertHash", 1),
    ("zipAttrsWith", 2), ("mapAttrs", 2), ("derivation", 1), ("toFile", 2), ("break", 1),
];
const BINOPS: &[&str] = &[
    "+", "-", "*", "/", "++", "//", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "->",
];

struct Gen<'a> {
    b: Bytes<'a>,
    /// Names bound in scope (let bindings, lambda arguments).
    scope: Vec<String>,
    out: String,
    fresh: u32,
}

impl Gen<'_> {
    fn fresh(&mut self) -> String {
        self.fresh += 1;
        format!("v{}", self.fresh)
    }

    /// A name in scope: bound by the program, or a global.
    fn var_name(&mut self) -> String {
        if !self.scope.is_empty() && self.b.byte() < 200 {
            let i = self.b.below(self.scope.len());
            self.scope[self.scope.len() - 1 - i].clone()
        } else {
            self.b.pick(GLOBALS).to_string()
        }
    }

    fn var(&mut self) {
        let v = self.var_name();
        self.out.push_str(&v);
    }

    fn leaf(&mut self) {
        match self.b.below(9) {
            0 => self.var(),
            1 | 2 => {
                let s = self.b.pick(INTS);
                self.out.push_str(s)
            }
            3 => {
                let s = self.b.pick(FLOATS);
                self.out.push_str(s)
            }
            4 => {
                let s = self.b.pick(STRINGS);
                self.out.push_str(s)
            }
            5 => {
                let s = self.b.pick(PATHS);
                self.out.push_str(s)
            }
            6 => {
                let s = self.b.pick(&["null", "true", "false", "[ ]", "{ }", "(x: x)", "({ ... }: 1)"]);
                self.out.push_str(s)
            }
            7 => {
                let n = self.b.byte();
                self.out.push_str(&n.to_string())
            }
            _ => {
                let (name, _) = BUILTINS[self.b.below(BUILTINS.len())];
                self.out.push_str("builtins.");
                self.out.push_str(name);
            }
        }
    }

    fn attr_name(&mut self, depth: u32) {
        match self.b.below(8) {
            0 => {
                self.out.push_str("\"${");
                self.expr(depth + 1);
                self.out.push_str("}\"");
            }
            1 => {
                self.out.push_str("${");
                self.expr(depth + 1);
                self.out.push('}');
            }
            2 => {
                let s = self.b.pick(&["\"\"", "\"a b\"", "\"1\"", "\"${\"a\"}\"", "or", "\"or\""]);
                self.out.push_str(s);
            }
            _ => {
                let n = self.b.pick(NAMES);
                self.out.push_str(n);
            }
        }
    }

    fn attr_path(&mut self, depth: u32) {
        self.attr_name(depth);
        while self.b.byte() % 4 == 1 {
            self.out.push('.');
            self.attr_name(depth);
        }
    }

    /// `name = e; ...` bindings for a set or a `let`; `names` are the plain names bound
    /// (each at most once, so that the bindings are valid).
    fn bindings(&mut self, depth: u32, names: &mut Vec<String>, allow_dynamic: bool) {
        let n = self.b.below(5);
        for _ in 0..n {
            match self.b.below(7) {
                0 => {
                    // inherit from scope
                    let k = 1 + self.b.below(3);
                    let mut inherited = Vec::new();
                    for _ in 0..k {
                        let v = self.var_name();
                        if !names.contains(&v) && !inherited.contains(&v) {
                            inherited.push(v);
                        }
                    }
                    if !inherited.is_empty() {
                        self.out.push_str("inherit ");
                        self.out.push_str(&inherited.join(" "));
                        self.out.push_str("; ");
                        names.extend(inherited);
                    }
                }
                1 => {
                    let k = 1 + self.b.below(3);
                    let mut inherited: Vec<String> = Vec::new();
                    for _ in 0..k {
                        let nm = self.b.pick(NAMES).to_string();
                        if !names.contains(&nm) && !inherited.contains(&nm) {
                            inherited.push(nm);
                        }
                    }
                    if !inherited.is_empty() {
                        self.out.push_str("inherit (");
                        self.expr(depth + 1);
                        self.out.push_str(") ");
                        self.out.push_str(&inherited.join(" "));
                        self.out.push_str("; ");
                        names.extend(inherited);
                    }
                }
                2 if allow_dynamic => {
                    // dynamic and dotted names: may clash, that is an error path too
                    self.attr_path(depth);
                    self.out.push_str(" = ");
                    self.expr(depth + 1);
                    self.out.push_str("; ");
                }
                _ => {
                    let mut name = if self.b.byte() < 128 { self.fresh() } else { self.b.pick(NAMES).to_string() };
                    if names.contains(&name) {
                        name = self.fresh();
                    }
                    self.out.push_str(&name);
                    if self.b.byte() % 5 == 0 {
                        self.out.push('.');
                        let nm = self.b.pick(NAMES);
                        self.out.push_str(nm);
                    }
                    self.out.push_str(" = ");
                    names.push(name);
                    self.expr(depth + 1);
                    self.out.push_str("; ");
                }
            }
        }
    }

    fn paren(&mut self, depth: u32) {
        self.out.push('(');
        self.expr(depth + 1);
        self.out.push(')');
    }

    fn expr(&mut self, depth: u32) {
        if depth >= MAX_DEPTH || self.b.exhausted() {
            self.leaf();
            return;
        }
        match self.b.below(32) {
            0..=3 => self.leaf(),
            4 => {
                // list
                self.out.push_str("[ ");
                let n = self.b.below(5);
                for _ in 0..n {
                    self.paren(depth);
                    self.out.push(' ');
                }
                self.out.push(']');
            }
            5 | 6 => {
                // attribute set
                if self.b.byte() % 3 == 0 {
                    self.out.push_str("rec ");
                }
                self.out.push_str("{ ");
                let mut names = Vec::new();
                self.bindings(depth, &mut names, true);
                self.out.push('}');
            }
            7 | 8 => {
                // let
                self.out.push_str("let ");
                let mut names = Vec::new();
                let before = self.scope.len();
                self.bindings(depth, &mut names, false);
                self.scope.extend(names);
                self.out.push_str("in ");
                self.expr(depth + 1);
                self.scope.truncate(before);
            }
            9 => {
                self.out.push_str("with ");
                self.paren(depth);
                self.out.push_str("; ");
                self.expr(depth + 1);
            }
            10 | 11 => {
                // lambda
                let before = self.scope.len();
                match self.b.below(4) {
                    0 | 1 => {
                        let p = self.fresh();
                        self.out.push_str(&p);
                        self.out.push_str(": ");
                        self.scope.push(p);
                    }
                    k => {
                        let at = if self.b.byte() % 2 == 0 { Some(self.fresh()) } else { None };
                        if let (Some(a), 2) = (&at, k) {
                            self.out.push_str(a);
                            self.out.push('@');
                        }
                        self.out.push('{');
                        let n = self.b.below(4);
                        let mut formals = Vec::new();
                        for _ in 0..n {
                            let f = self.b.pick(NAMES).to_string();
                            if formals.contains(&f) {
                                continue;
                            }
                            if !formals.is_empty() {
                                self.out.push_str(", ");
                            }
                            self.out.push_str(&f);
                            if self.b.byte() % 3 == 0 {
                                self.out.push_str(" ? ");
                                self.paren(depth);
                            }
                            formals.push(f);
                        }
                        if self.b.byte() % 2 == 0 {
                            if !formals.is_empty() {
                                self.out.push_str(", ");
                            }
                            self.out.push_str("...");
                        }
                        self.out.push('}');
                        if let (Some(a), 3) = (&at, k) {
                            self.out.push('@');
                            self.out.push_str(a);
                        }
                        self.out.push_str(": ");
                        self.scope.extend(formals);
                        if let Some(a) = at {
                            self.scope.push(a);
                        }
                    }
                }
                self.expr(depth + 1);
                self.scope.truncate(before);
            }
            12 | 13 => {
                // application
                self.paren(depth);
                self.out.push(' ');
                self.paren(depth);
            }
            14..=17 => {
                // builtin call with the right number of arguments
                let (name, arity) = BUILTINS[self.b.below(BUILTINS.len())];
                self.out.push_str("(builtins.");
                self.out.push_str(name);
                let arity = if self.b.byte() < 16 { self.b.below(4) } else { arity };
                for _ in 0..arity {
                    self.out.push(' ');
                    self.paren(depth);
                }
                self.out.push(')');
            }
            18..=21 => {
                self.paren(depth);
                self.out.push(' ');
                let op = self.b.pick(BINOPS);
                self.out.push_str(op);
                self.out.push(' ');
                self.paren(depth);
            }
            22 => {
                let op = self.b.pick(&["!", "-", "- -"]);
                self.out.push_str(op);
                self.paren(depth);
            }
            23 => {
                // select, maybe with `or`
                self.paren(depth);
                self.out.push('.');
                self.attr_path(depth);
                if self.b.byte() % 2 == 0 {
                    self.out.push_str(" or ");
                    self.paren(depth);
                }
            }
            24 => {
                self.paren(depth);
                self.out.push_str(" ? ");
                self.attr_path(depth);
            }
            25 => {
                self.out.push_str("if ");
                self.paren(depth);
                self.out.push_str(" then ");
                self.paren(depth);
                self.out.push_str(" else ");
                self.paren(depth);
            }
            26 => {
                self.out.push_str("assert ");
                self.paren(depth);
                self.out.push_str("; ");
                self.expr(depth + 1);
            }
            27 => {
                // interpolation
                if self.b.byte() % 2 == 0 {
                    self.out.push_str("\"a${");
                    self.expr(depth + 1);
                    self.out.push_str("}b${");
                    self.expr(depth + 1);
                    self.out.push_str("}\"");
                } else {
                    self.out.push_str("''\n  x ${");
                    self.expr(depth + 1);
                    self.out.push_str("}\n    y\n''");
                }
            }
            28 => {
                // a bounded recursive function
                let f = self.fresh();
                let n = self.fresh();
                self.out.push_str(&format!("let {f} = {n}: if {n} <= 0 then "));
                self.scope.push(f.clone());
                self.scope.push(n.clone());
                self.paren(depth);
                self.out.push_str(" else ");
                let k = self.b.below(3);
                match k {
                    0 => self.out.push_str(&format!("[ ({f} ({n} - 1)) ]")),
                    1 => self.out.push_str(&format!("{{ x = {f} ({n} - 1); }}")),
                    _ => {
                        self.paren(depth);
                        self.out.push_str(&format!(" ++ [ ({f} ({n} - 1)) ]"));
                    }
                }
                self.scope.truncate(self.scope.len() - 2);
                self.out.push_str(" ; in ");
                let count = self.b.pick(&["0", "1", "3", "10", "100", "1000", "5000", "20000"]);
                self.out.push_str(&format!("{f} {count}"));
            }
            29 if self.b.byte() < 32 => {
                // deep nesting of one construct, for recursion in the parser, lowering,
                // printing, comparison and dropping (rnix stops at 512 levels, the
                // lowering at 3000)
                let k = match self.b.below(4) {
                    0 => 1 + self.b.below(64),
                    1 => 400 + self.b.below(200),
                    2 => 2900 + self.b.below(200),
                    _ => 1 + self.b.byte() as usize * 12,
                };
                let (open, close) = match self.b.below(10) {
                    0 => ("[", "]"),
                    1 => ("(", ")"),
                    2 => ("{a=", ";}"),
                    3 => ("x: ", ""),
                    4 => ("let a = 1; in ", ""),
                    5 => ("\"${", "}\""),
                    6 => ("- ", ""),
                    7 => ("!", ""),
                    8 => ("[(", ")]"),
                    _ => ("{ a = { b = ", "; }; }.a.b"),
                };
                for _ in 0..k {
                    self.out.push_str(open);
                }
                self.leaf();
                for _ in 0..k {
                    self.out.push_str(close);
                }
            }
            30 => {
                // pipes and chains of one operator
                self.paren(depth);
                let op = self.b.pick(&["+", "++", "//", "&&", "||", "-", "*"]);
                let k = 1 + self.b.below(6);
                for _ in 0..k {
                    self.out.push_str(&format!(" {op} "));
                    self.paren(depth);
                }
            }
            31 if self.b.byte() < 16 => {
                // raw token soup now and then, to reach the parser's error paths
                let s = self.b.pick(&[
                    "{", "}", "(", ")", "[", "]", ";", "=", ".", "...", "${", "''", "\"", "@", ",", "?", ":", "#",
                    "/*", "*/", "or", "in", "let", "rec", "inherit", "with", "assert", "if", "then", "else",
                ]);
                self.out.push_str(s);
                self.out.push(' ');
                self.expr(depth + 1);
            }
            _ => self.leaf(),
        }
    }
}

/// Turns fuzzer bytes into a Nix program.
pub fn generate(data: &[u8]) -> String {
    let mut g = Gen { b: Bytes { data, pos: 0 }, scope: Vec::new(), out: String::new(), fresh: 0 };
    g.expr(0);
    g.out
}
