//! Random generator of small, well-formed, terminating Nix programs, for the
//! differential test against real Nix (`tests/differential.rs`).
//!
//! Generation is type-directed: every expression is produced for a wanted
//! static type (`Ty`), and the generator keeps a typed environment of the
//! variables in scope (`let`, `rec`, `with`, lambda arguments and patterns),
//! resolving names the way Nix does (lexical bindings beat `with`, inner
//! beats outer), so that most programs evaluate successfully.  Integer types
//! carry an upper bound on the absolute value, which keeps arithmetic clear of
//! 64-bit overflow unless an error is wanted on purpose.
//!
//! Errors are injected deliberately (throw, abort, failing asserts, missing
//! attributes, type errors, division by zero, overflow, bad builtin
//! arguments, bad function calls, ...) in roughly a quarter of the programs,
//! so that about 80% of the programs succeed and 20% fail.
//!
//! Everything is deterministic in the seed: `generate(seed)` always returns
//! the same program (no hash maps, no platform-dependent arithmetic).

#![allow(dead_code)]

/// splitmix64: small, fast, good enough for test-case generation.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True with probability `p` percent.
    pub fn pct(&mut self, p: u32) -> bool {
        (self.next_u64() % 100) < p as u64
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1) as u64)) as i64
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    /// Index chosen with the given weights (at least one non-zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = (self.next_u64() % total as u64) as u32;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// Static type of a generated expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    /// An integer whose absolute value is at most the bound.
    Int(u64),
    Float,
    Bool,
    Null,
    Str,
    List(Box<Ty>),
    /// Fields sorted by name, names unique.
    Attrs(Vec<(String, Ty)>),
    Fun(Box<Ty>, Box<Ty>),
    /// Unknown shape: only printed, compared, inspected generically.
    Any,
}

use Ty::*;

/// Can a value of type `have` be used where `want` is expected?
fn fits(have: &Ty, want: &Ty) -> bool {
    match (have, want) {
        (_, Any) => true,
        (Int(b), Int(m)) => b <= m,
        (Float, Float) | (Bool, Bool) | (Null, Null) | (Str, Str) => true,
        (List(a), List(b)) => fits(a, b),
        (Attrs(a), Attrs(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b.iter())
                    .all(|((n1, t1), (n2, t2))| n1 == n2 && fits(t1, t2))
        }
        (Fun(a1, r1), Fun(a2, r2)) => fits(a2, a1) && fits(r1, r2),
        _ => false,
    }
}

/// No functions and nothing of unknown shape inside: printable as JSON,
/// comparable with `==` without Nix's function-equality quirks.
fn plain(t: &Ty) -> bool {
    match t {
        Int(_) | Float | Bool | Null | Str => true,
        List(e) => plain(e),
        Attrs(fs) => fs.iter().all(|(_, t)| plain(t)),
        Fun(..) | Any => false,
    }
}

fn has_float(t: &Ty) -> bool {
    match t {
        Float => true,
        List(e) => has_float(e),
        Attrs(fs) => fs.iter().any(|(_, t)| has_float(t)),
        _ => false,
    }
}

/// Values `builtins.toString` accepts.
fn stringable(t: &Ty) -> bool {
    match t {
        Int(_) | Float | Bool | Null | Str => true,
        List(e) => stringable(e),
        _ => false,
    }
}

const KEYWORDS: &[&str] = &[
    "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or",
];

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    cs.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '\'' || c == '-')
        && !KEYWORDS.contains(&s)
}

/// A Nix string literal whose value is `s`.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An attribute name as written in a set literal, a selection or `?`.
fn attr(name: &str) -> String {
    if is_ident(name) {
        name.to_string()
    } else {
        quote(name)
    }
}

/// Names for variables (lexical bindings). Deliberately overlapping with
/// field names, so that shadowing and `with` interplay get exercised. None
/// of them is a global builtin name (`map`, `toString`, `true`, ...).
const VAR_NAMES: &[&str] = &[
    "x", "y", "z", "a", "b", "c", "f", "g", "n", "s", "xs", "acc", "i", "k", "v", "w",
];
/// Names for attributes.
const FIELD_NAMES: &[&str] = &[
    "a", "b", "c", "d", "x", "y", "foo", "bar", "n", "x-y", "x'", "_z",
];
/// Attribute names that need quoting (or are keywords).
const ODD_FIELD_NAMES: &[&str] = &["a b", "1x", "if", "", "é", "${x}"];

const STR_FRAGMENTS: &[&str] = &[
    "a", "b", "hello", "x y", " ", "foo", "bar", "-", "1", "é", "ü", "\\n", "\\t", "\\\\", "\\\"",
    "\\$", "$x", "$${y}", "\\${z}", "{}", "'", ",", "\\u0001", "\\q", "A", "Z",
];
const IND_FRAGMENTS: &[&str] = &[
    "hello", "a b", "''$", "'''", "''\\n", "''\\t", "''\\x", "$x", "\\n", "\"q\"", "x", "é", "{}",
    "  ", "#",
];
const THROW_MSGS: &[&str] = &[
    "boom",
    "bad value",
    "oops: not here",
    "x = 1",
    "é!",
    "assertion-ish",
    "nope",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    /// A lexical binding that may be referenced.
    Lex,
    /// A lexical binding that shadows but must not be referenced (would be
    /// a cycle, e.g. a later binding of the same `let`).
    Blocked,
    /// An attribute brought into scope by `with`.
    With,
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: Ty,
    kind: Kind,
}

/// Items of a `let`/`rec` binding list.
enum Item {
    Plain(String, Ty),
    /// `inherit (src) names;`
    InheritFrom(Vec<(String, Ty)>),
    /// `inherit name;` (from the enclosing scope)
    InheritOuter(String),
}

pub struct Gen {
    rng: Rng,
    env: Vec<Var>,
    fuel: u32,
    /// Percent chance that an expression node is an erroring expression.
    err_pct: u32,
    /// The `foldl'` accumulators in scope (by name): one used as a replacement of
    /// `replaceStrings` would grow the string exponentially with the list.
    accumulators: Vec<String>,
}

/// Generates the program for `seed` (always shorter than 600 bytes).
pub fn generate(seed: u64) -> String {
    generate_case(seed).0
}

/// The program for `seed`, and whether errors were injected on purpose
/// (programs without injection still fail now and then, e.g. `assert`).
pub fn generate_case(seed: u64) -> (String, bool) {
    for attempt in 0..12u64 {
        let mut g = Gen::new(seed, attempt);
        let p = g.program();
        if p.len() < 600 {
            return (p, g.err_pct > 0);
        }
    }
    let mut g = Gen::new(seed, 99);
    g.fuel = 0;
    let p = g.gen(&Int(1000), 1);
    if p.len() < 600 {
        (p, g.err_pct > 0)
    } else {
        ("1 + 2".to_string(), false)
    }
}

impl Gen {
    fn new(seed: u64, attempt: u64) -> Gen {
        let mut rng = Rng::new(seed ^ attempt.wrapping_mul(0xA076_1D64_78BD_642F));
        // Roughly a quarter of the programs get error injection.
        let err_pct = if rng.pct(50) {
            *rng.pick(&[5, 8, 12, 18])
        } else {
            0
        };
        let fuel = match attempt {
            0..=3 => 14 + rng.below(22) as u32,
            4..=7 => 8 + rng.below(8) as u32,
            _ => 3,
        };
        Gen {
            rng,
            env: Vec::new(),
            fuel,
            err_pct,
            accumulators: Vec::new(),
        }
    }

    fn program(&mut self) -> String {
        let d = 3 + self.rng.below(3) as u32;
        match self.rng.weighted(&[55, 30, 15]) {
            0 => self.gen(&Any, d),
            1 => {
                // A function as the whole result prints as <LAMBDA> without
                // evaluating anything: keep that rare.
                let mut t = self.rand_ty(2);
                while matches!(t, Fun(..)) && self.rng.pct(85) {
                    t = self.rand_ty(2);
                }
                self.gen(&t, d)
            }
            _ => {
                let t = self.rand_ty(1);
                let t = if let Int(_) = t { Int(1 << 40) } else { t };
                self.gen(&t, d)
            }
        }
    }

    // ----------------------------------------------------------------- types

    fn rand_bound(&mut self) -> u64 {
        *self.rng.pick(&[9, 100, 1000, 1000, 100_000, 1_000_000])
    }

    fn rand_fields(&mut self, depth: u32, ident_only: bool) -> Vec<(String, Ty)> {
        let n = self.rng.weighted(&[6, 30, 35, 20, 9]);
        let mut fs: Vec<(String, Ty)> = Vec::new();
        for _ in 0..n {
            let name = if !ident_only && self.rng.pct(7) {
                self.rng.pick(ODD_FIELD_NAMES).to_string()
            } else {
                self.rng.pick(FIELD_NAMES).to_string()
            };
            if fs.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let t = self.rand_ty(depth);
            fs.push((name, t));
        }
        fs.sort_by(|a, b| a.0.cmp(&b.0));
        fs
    }

    /// A random type; `depth` bounds the nesting of lists/sets/functions.
    fn rand_ty(&mut self, depth: u32) -> Ty {
        let w: &[u32] = if depth == 0 {
            &[28, 9, 14, 3, 20, 0, 0, 0]
        } else {
            &[24, 8, 12, 3, 16, 15, 15, 5]
        };
        match self.rng.weighted(w) {
            0 => Int(self.rand_bound()),
            1 => Float,
            2 => Bool,
            3 => Null,
            4 => Str,
            5 => List(Box::new(self.rand_ty(depth - 1))),
            6 => Attrs(self.rand_fields(depth - 1, false)),
            _ => Fun(
                Box::new(self.rand_ty(depth - 1)),
                Box::new(self.rand_ty(depth - 1)),
            ),
        }
    }

    /// A random type without functions.
    fn rand_plain_ty(&mut self, depth: u32) -> Ty {
        for _ in 0..20 {
            let t = self.rand_ty(depth);
            if plain(&t) {
                return t;
            }
        }
        Int(1000)
    }

    fn rand_scalar_ty(&mut self) -> Ty {
        self.rand_ty(0)
    }

    /// A type that `<`, `sort` and `lessThan` accept.
    fn rand_cmp_ty(&mut self) -> Ty {
        match self.rng.weighted(&[50, 20, 30]) {
            0 => Int(1_000_000),
            1 => Float,
            _ => Str,
        }
    }

    // ----------------------------------------------------------- environment

    /// Index of the variable a reference to `name` resolves to, or None when
    /// the name is undefined or resolves to a blocked binding.
    fn resolve(&self, name: &str) -> Option<usize> {
        for (i, v) in self.env.iter().enumerate().rev() {
            if v.kind != Kind::With && v.name == name {
                return if v.kind == Kind::Lex { Some(i) } else { None };
            }
        }
        for (i, v) in self.env.iter().enumerate().rev() {
            if v.kind == Kind::With && v.name == name {
                return Some(i);
            }
        }
        None
    }

    /// Indices of the variables that can be referenced by name.
    fn visible(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, v) in self.env.iter().enumerate() {
            if v.kind != Kind::Blocked && self.resolve(&v.name) == Some(i) {
                out.push(i);
            }
        }
        out
    }

    fn vars_fitting(&self, want: &Ty) -> Vec<usize> {
        self.visible()
            .into_iter()
            .filter(|&i| fits(&self.env[i].ty, want))
            .collect()
    }

    fn pick_var(&mut self, want: &Ty) -> Option<String> {
        let c = self.vars_fitting(want);
        if c.is_empty() {
            None
        } else {
            let i = *self.rng.pick(&c);
            Some(self.env[i].name.clone())
        }
    }

    /// Attribute paths `v.f` / `v.f.g` reachable from visible variables
    /// whose type fits `want`.
    fn select_paths(&self, want: &Ty) -> Vec<String> {
        let mut out = Vec::new();
        for i in self.visible() {
            if let Attrs(fs) = &self.env[i].ty {
                for (n, t) in fs {
                    if fits(t, want) {
                        out.push(format!("{}.{}", self.env[i].name, attr(n)));
                    }
                    if let Attrs(gs) = t {
                        for (m, u) in gs {
                            if fits(u, want) {
                                out.push(format!("{}.{}.{}", self.env[i].name, attr(n), attr(m)));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    fn push(&mut self, name: &str, ty: Ty, kind: Kind) {
        self.env.push(Var {
            name: name.to_string(),
            ty,
            kind,
        });
    }

    fn fresh_var_name(&mut self, avoid: &[String]) -> String {
        for _ in 0..30 {
            let n = self.rng.pick(VAR_NAMES).to_string();
            if !avoid.contains(&n) {
                return n;
            }
        }
        format!("v{}", self.rng.below(1000))
    }

    // -------------------------------------------------------------- literals

    fn int_lit(&mut self, m: u64) -> String {
        let k = match self.rng.weighted(&[60, 30, 10]) {
            0 => 10,
            1 => 100,
            _ => 1_000_000,
        }
        .min(m) as i64;
        let v = self.rng.range(-k, k);
        if v < 0 {
            format!("({})", v)
        } else {
            v.to_string()
        }
    }

    fn nonzero_int_lit(&mut self) -> String {
        let v = self.rng.range(1, 12);
        if self.rng.pct(30) {
            format!("(-{})", v)
        } else {
            v.to_string()
        }
    }

    fn float_lit(&mut self) -> String {
        let s = match self.rng.below(10) {
            0 => format!("{}.{}", self.rng.range(0, 9), self.rng.range(0, 99)),
            1 => format!("{}.5", self.rng.range(0, 20)),
            2 => format!("{}.0", self.rng.range(0, 100)),
            3 => format!(
                "0.{}",
                self.rng.pick(&["1", "2", "25", "3", "001", "125", "7"])
            ),
            4 => format!(
                "{}.{}e{}",
                self.rng.range(1, 9),
                self.rng.range(0, 9),
                self.rng.range(-8, 8)
            ),
            5 => format!(".{}", self.rng.range(1, 99)),
            6 => self
                .rng
                .pick(&[
                    "1234567.0",
                    "0.000001",
                    "1000000.0",
                    "123456.7",
                    "3.14159",
                    "2.5E3",
                ])
                .to_string(),
            _ => format!("{}.{}", self.rng.range(0, 50), self.rng.range(0, 9)),
        };
        if self.rng.pct(20) {
            format!("(-{})", s)
        } else {
            s
        }
    }

    fn nonzero_float_lit(&mut self) -> String {
        let s = format!(
            "{}.{}",
            self.rng.range(1, 9),
            self.rng.pick(&["0", "5", "25", "1"])
        );
        if self.rng.pct(25) {
            format!("(-{})", s)
        } else {
            s
        }
    }

    /// A plain string literal (no interpolation).
    fn str_lit(&mut self) -> String {
        let n = self.rng.weighted(&[10, 40, 30, 20]);
        let mut s = String::from("\"");
        for _ in 0..n {
            s.push_str(self.rng.pick_str(STR_FRAGMENTS));
        }
        s.push('"');
        s
    }

    /// A string literal with known simple value (for names and keys).
    fn name_lit(&mut self, name: &str) -> String {
        quote(name)
    }

    fn throw_msg(&mut self) -> String {
        if self.rng.pct(25) {
            let i = self.gen(&Int(1000), 1);
            format!("\"{} ${{toString {}}}\"", self.rng.pick(THROW_MSGS), i)
        } else {
            quote(self.rng.pick_str(THROW_MSGS))
        }
    }

    /// A small expression of type `ty` without further generation budget.
    fn leaf(&mut self, ty: &Ty) -> String {
        if self.rng.pct(45) {
            if let Some(v) = self.pick_var(ty) {
                return v;
            }
        }
        self.literal(ty)
    }

    fn literal(&mut self, ty: &Ty) -> String {
        match ty {
            Int(m) => self.int_lit(*m),
            Float => self.float_lit(),
            Bool => if self.rng.pct(50) { "true" } else { "false" }.to_string(),
            Null => "null".to_string(),
            Str => self.str_lit(),
            List(t) => {
                let n = self.rng.weighted(&[30, 40, 30]);
                let es: Vec<String> = (0..n).map(|_| self.leaf(t)).collect();
                list_lit(&es)
            }
            Attrs(fs) => {
                let mut parts = Vec::new();
                for (n, t) in fs.clone() {
                    let v = self.leaf(&t);
                    parts.push(format!("{} = {};", attr(&n), v));
                }
                set_lit(&parts)
            }
            Fun(a, r) => {
                let name = self.fresh_var_name(&[]);
                self.push(&name, (**a).clone(), Kind::Lex);
                let body = self.leaf(r);
                self.env.pop();
                format!("({}: {})", name, body)
            }
            Any => {
                let t = self.rand_scalar_ty();
                self.literal(&t)
            }
        }
    }

    // ------------------------------------------------------------ expressions

    /// An expression of type `ty` (or one that fails). The result is always
    /// usable as an operand: anything but an atom is parenthesised.
    pub fn gen(&mut self, ty: &Ty, d: u32) -> String {
        if d == 0 || self.fuel == 0 {
            return self.leaf(ty);
        }
        self.fuel -= 1;
        let d = d - 1;
        if self.err_pct > 0 && self.rng.pct(self.err_pct) {
            return self.error_expr(d);
        }
        if self.rng.pct(30) {
            if let Some(s) = self.generic(ty, d) {
                return s;
            }
        }
        match ty {
            Int(m) => self.gen_int(*m, d),
            Float => self.gen_float(d),
            Bool => self.gen_bool(d),
            Null => self.gen_null(d),
            Str => self.gen_str(d),
            List(t) => self.gen_list(t, d),
            Attrs(fs) => self.gen_attrs(fs, d),
            Fun(a, r) => self.gen_fun(a, r, d),
            Any => self.gen_any(d),
        }
    }

    /// Forms that work for any type.
    fn generic(&mut self, ty: &Ty, d: u32) -> Option<String> {
        let k = self
            .rng
            .weighted(&[14, 10, 14, 7, 8, 6, 10, 5, 3, 3, 3, 2, 2, 3, 2, 2, 2]);
        Some(match k {
            0 => return self.pick_var(ty),
            1 => {
                let c = self.gen(&Bool, d);
                let a = self.gen(ty, d);
                let b = self.gen(ty, d);
                format!("(if {} then {} else {})", c, a, b)
            }
            2 => {
                let mark = self.env.len();
                let binds = self.bindings(d, Vec::new(), false);
                let body = self.gen(ty, d);
                self.env.truncate(mark);
                format!("(let {} in {})", binds, body)
            }
            3 => {
                let (set, fs) = self.attrs_source(d);
                let mark = self.env.len();
                for (n, t) in fs {
                    if is_ident(&n) {
                        self.push(&n, t, Kind::With);
                    }
                }
                let body = self.gen(ty, d);
                self.env.truncate(mark);
                format!("(with {}; {})", set, body)
            }
            4 => self.select(ty, d),
            5 => self.select_or(ty, d),
            6 => self.apply(ty, d),
            7 => {
                let n = 1 + self.rng.below(3);
                let es: Vec<String> = (0..n).map(|_| self.gen(ty, d.saturating_sub(1))).collect();
                if self.rng.pct(50) {
                    format!("(builtins.head {})", list_lit(&es))
                } else {
                    let i = self.rng.below(n);
                    format!("(builtins.elemAt {} {})", list_lit(&es), i)
                }
            }
            8 => {
                let e = self.rand_ty(1);
                let acc = self.fresh_var_name(&[]);
                let x = self.fresh_var_name(std::slice::from_ref(&acc));
                let init = self.gen(ty, d);
                let l = self.gen(&List(Box::new(e.clone())), d);
                let mark = self.env.len();
                self.push(&acc, ty.clone(), Kind::Lex);
                self.push(&x, e, Kind::Lex);
                self.accumulators.push(acc.clone());
                let body = self.gen(ty, d);
                self.accumulators.pop();
                self.env.truncate(mark);
                format!(
                    "(builtins.foldl' ({}: {}: {}) {} {})",
                    acc, x, body, init, l
                )
            }
            9 => {
                let c = self.true_cond(d);
                let e = self.gen(ty, d);
                format!("(assert {}; {})", c, e)
            }
            10 => {
                let t = self.rand_ty(1);
                let a = self.gen(&t, d);
                let b = self.gen(ty, d);
                let f = if self.rng.pct(50) { "seq" } else { "deepSeq" };
                format!("(builtins.{} {} {})", f, a, b)
            }
            11 => {
                let e = self.gen(ty, d);
                format!("(builtins.tryEval {}).value", e)
            }
            12 => {
                let (name, set) = self.set_with_field(ty, d);
                format!("(builtins.getAttr {} {})", quote(&name), set)
            }
            13 => {
                // rec { ... }.name
                let name = self.rng.pick(FIELD_NAMES).to_string();
                let mark = self.env.len();
                let binds = self.bindings(d, vec![(name.clone(), ty.clone())], true);
                self.env.truncate(mark);
                format!("rec {{ {} }}.{}", binds, attr(&name))
            }
            14 => {
                if !plain(ty) || has_float(ty) {
                    return None;
                }
                let e = self.gen(ty, d);
                format!("(builtins.fromJSON (builtins.toJSON {}))", e)
            }
            15 => {
                let name = self.rng.pick(FIELD_NAMES).to_string();
                let mut entries = Vec::new();
                let n_before = self.rng.below(2);
                for _ in 0..n_before {
                    let other = self.rng.pick(ODD_FIELD_NAMES).to_string();
                    let t = self.rand_ty(1);
                    let v = self.gen(&t, d);
                    entries.push(format!("{{ name = {}; value = {}; }}", quote(&other), v));
                }
                let v = self.gen(ty, d);
                entries.push(format!("{{ name = {}; value = {}; }}", quote(&name), v));
                if self.rng.pct(30) {
                    // Duplicate: the first one wins, this one is never forced.
                    let t = self.rand_ty(1);
                    let v = self.gen(&t, d);
                    entries.push(format!("{{ value = {}; name = {}; }}", v, quote(&name)));
                }
                format!(
                    "(builtins.listToAttrs {}).{}",
                    list_lit(&entries),
                    attr(&name)
                )
            }
            _ => {
                // (mapAttrs (n: v: BODY) S).f
                let a = self.rand_ty(1);
                let mut fs = self.rand_fields(0, false);
                for f in fs.iter_mut() {
                    f.1 = a.clone();
                }
                let name = self.rng.pick(FIELD_NAMES).to_string();
                if !fs.iter().any(|(n, _)| *n == name) {
                    fs.push((name.clone(), a.clone()));
                    fs.sort_by(|x, y| x.0.cmp(&y.0));
                }
                let set = self.attrs_literal(&fs, d);
                let nn = self.fresh_var_name(&[]);
                let vn = self.fresh_var_name(std::slice::from_ref(&nn));
                let mark = self.env.len();
                self.push(&nn, Str, Kind::Lex);
                self.push(&vn, a, Kind::Lex);
                let body = self.gen(ty, d);
                self.env.truncate(mark);
                format!(
                    "(builtins.mapAttrs ({}: {}: {}) {}).{}",
                    nn,
                    vn,
                    body,
                    set,
                    attr(&name)
                )
            }
        })
    }

    /// A condition that holds by construction (assert bodies).
    fn true_cond(&mut self, d: u32) -> String {
        match self.rng.below(7) {
            0 => {
                let e = self.gen(&Int(1000), d);
                format!("(builtins.isInt {})", e)
            }
            1 => {
                let b = self.gen(&Bool, d);
                format!("({} || true)", b)
            }
            2 => {
                let t = self.rand_plain_ty(1);
                if let Some(v) = self.pick_var(&t) {
                    if !has_float(&t) {
                        return format!("({} == {})", v, v);
                    }
                }
                let e = self.gen(&Str, d);
                format!("(builtins.typeOf {} == \"string\")", e)
            }
            3 => {
                let l = self.gen(&List(Box::new(Int(100))), d);
                format!("(builtins.length {} >= 0)", l)
            }
            4 => {
                let (name, set) = self.set_with_field(&Any, d);
                format!("({} ? {})", set, attr(&name))
            }
            5 if self.err_pct > 0 => self.gen(&Bool, d),
            _ => {
                let b = self.gen(&Bool, d);
                format!("(!{} -> true)", b)
            }
        }
    }

    /// A set expression with a field `name` of type `ty`.
    fn set_with_field(&mut self, ty: &Ty, d: u32) -> (String, String) {
        let mut fs = self.rand_fields(1, false);
        let name = if self.rng.pct(10) {
            self.rng.pick(ODD_FIELD_NAMES).to_string()
        } else {
            self.rng.pick(FIELD_NAMES).to_string()
        };
        let t = if *ty == Any {
            self.rand_ty(1)
        } else {
            ty.clone()
        };
        fs.retain(|(n, _)| *n != name);
        fs.push((name.clone(), t));
        fs.sort_by(|a, b| a.0.cmp(&b.0));
        let set = self.gen(&Attrs(fs), d);
        (name, set)
    }

    /// `S.f`, `S.f.g`, `v.f`.
    fn select(&mut self, ty: &Ty, d: u32) -> String {
        if self.rng.pct(40) {
            let ps = self.select_paths(ty);
            if !ps.is_empty() {
                return self.rng.pick(&ps).clone();
            }
        }
        if self.rng.pct(25) {
            // Nested: { f.g = e; ... }.f.g
            let inner = vec![(self.rng.pick(FIELD_NAMES).to_string(), ty.clone())];
            let (name, set) = self.set_with_field(&Attrs(inner.clone()), d);
            return format!("{}.{}.{}", set, attr(&name), attr(&inner[0].0));
        }
        let (name, set) = self.set_with_field(ty, d);
        if self.rng.pct(15) {
            format!("{}.${{{}}}", set, quote(&name))
        } else {
            format!("{}.{}", set, attr(&name))
        }
    }

    /// `(S.f or D)` where `f` may or may not be there.
    fn select_or(&mut self, ty: &Ty, d: u32) -> String {
        let def = self.gen(ty, d);
        match self.rng.below(4) {
            0 => {
                let (name, set) = self.set_with_field(ty, d);
                format!("({}.{} or {})", set, attr(&name), def)
            }
            1 => {
                // Missing attribute: the default is used.
                let (set, fs) = self.attrs_source(d);
                let name = self.rng.pick(FIELD_NAMES).to_string();
                if fs.iter().any(|(n, _)| *n == name) {
                    return format!("({} or {})", self.select(ty, d), def);
                }
                format!("({}.{} or {})", set, attr(&name), def)
            }
            2 => {
                // Selecting through a non-set also falls back to the default.
                let t = self.rand_scalar_ty();
                let (name, set) = self.set_with_field(&t, d);
                format!(
                    "({}.{}.{} or {})",
                    set,
                    attr(&name),
                    attr(self.rng.pick_str(FIELD_NAMES)),
                    def
                )
            }
            _ => {
                let ps = self.select_paths(ty);
                if ps.is_empty() {
                    let (name, set) = self.set_with_field(ty, d);
                    format!("({}.{} or {})", set, attr(&name), def)
                } else {
                    format!("({} or {})", self.rng.pick(&ps).clone(), def)
                }
            }
        }
    }

    /// Function applications producing `ty`.
    fn apply(&mut self, ty: &Ty, d: u32) -> String {
        // A function from the environment?
        if self.rng.pct(50) {
            let mut cands: Vec<(String, Vec<Ty>)> = Vec::new();
            for i in self.visible() {
                let v = &self.env[i];
                if let Fun(a, r) = &v.ty {
                    if fits(r, ty) {
                        cands.push((v.name.clone(), vec![(**a).clone()]));
                    }
                    if let Fun(b, r2) = &**r {
                        if fits(r2, ty) {
                            cands.push((v.name.clone(), vec![(**a).clone(), (**b).clone()]));
                        }
                    }
                }
            }
            if !cands.is_empty() {
                let (f, args) = self.rng.pick(&cands).clone();
                let mut s = f;
                for a in args {
                    let e = self.gen(&a, d);
                    s.push(' ');
                    s.push_str(&e);
                }
                return format!("({})", s);
            }
        }
        let a = if self.rng.pct(25) {
            Attrs(self.rand_fields(1, true))
        } else {
            self.rand_ty(1)
        };
        if self.rng.pct(20) {
            // Curried lambda applied to two arguments.
            let b = self.rand_ty(1);
            let f = self.gen_fun(&a, &Fun(Box::new(b.clone()), Box::new(ty.clone())), d);
            let x = self.gen(&a, d);
            let y = self.gen(&b, d);
            return format!("({} {} {})", f, x, y);
        }
        let f = self.lambda(&a, ty, d);
        let x = self.gen(&a, d);
        format!("({} {})", f, x)
    }

    /// A lambda of type `a -> r`: plain or with a set pattern.
    fn lambda(&mut self, a: &Ty, r: &Ty, d: u32) -> String {
        if let Attrs(fs) = a {
            if fs.iter().all(|(n, _)| is_ident(n)) && self.rng.pct(60) {
                return self.pattern_lambda(fs, r, d);
            }
        }
        let name = self.fresh_var_name(&[]);
        let mark = self.env.len();
        self.push(&name, a.clone(), Kind::Lex);
        let body = self.gen(r, d);
        self.env.truncate(mark);
        format!("({}: {})", name, body)
    }

    /// `{ a, b ? d, ... }@args: body` for an argument of type `Attrs(fs)`.
    fn pattern_lambda(&mut self, fs: &[(String, Ty)], r: &Ty, d: u32) -> String {
        let (formals, body) = self.pattern_lambda_parts(fs, r, d);
        format!("({}: {})", formals, body)
    }

    /// Returns (pattern text, body). Also used by `functionArgs`.
    fn pattern_lambda_parts(&mut self, fs: &[(String, Ty)], r: &Ty, d: u32) -> (String, String) {
        // (name, type, present in the argument, has default)
        let mut formals: Vec<(String, Ty, bool, bool)> = Vec::new();
        let mut ellipsis = self.rng.pct(30);
        for (n, t) in fs {
            if self.rng.pct(8) {
                ellipsis = true; // left out: needs `...`
                continue;
            }
            formals.push((n.clone(), t.clone(), true, self.rng.pct(15)));
        }
        if self.rng.pct(25) {
            let n = self.rng.pick(FIELD_NAMES).to_string();
            if is_ident(&n) && !fs.iter().any(|(m, _)| *m == n) {
                let t = self.rand_ty(1);
                formals.push((n, t, false, true));
            }
        }
        if self.err_pct > 0 && self.rng.pct(15) {
            if self.rng.pct(50) {
                ellipsis = false; // may cause "called with unexpected argument"
            } else {
                let n = self.rng.pick(FIELD_NAMES).to_string();
                if is_ident(&n) && !formals.iter().any(|f| f.0 == n) {
                    formals.push((n, Int(10), false, false)); // required, missing
                }
            }
        }
        self.rng.shuffle(&mut formals);
        let names: Vec<String> = formals.iter().map(|f| f.0.clone()).collect();
        let at = if self.rng.pct(25) {
            Some(self.fresh_var_name(&names))
        } else {
            None
        };
        let mark = self.env.len();
        for (n, t, present, _) in &formals {
            let kind = if *present { Kind::Lex } else { Kind::Blocked };
            self.push(n, t.clone(), kind);
        }
        if let Some(a) = &at {
            self.push(a, Attrs(fs.to_vec()), Kind::Lex);
        }
        let mut parts = Vec::new();
        for (n, t, _, has_default) in formals.clone() {
            if has_default {
                let e = self.gen(&t, d.saturating_sub(1));
                parts.push(format!("{} ? {}", n, e));
            } else {
                parts.push(n.clone());
            }
        }
        if ellipsis {
            parts.push("...".to_string());
        }
        // In the body every formal is usable (absent ones through defaults).
        for v in self.env[mark..].iter_mut() {
            if v.kind == Kind::Blocked {
                v.kind = Kind::Lex;
            }
        }
        let body = self.gen(r, d);
        self.env.truncate(mark);
        let pat = format!("{{ {} }}", parts.join(", "));
        let pat = match at {
            Some(a) if self.rng.pct(50) => format!("{}@{}", a, pat),
            Some(a) => format!("{}@{}", pat, a),
            None => pat,
        };
        (pat, body)
    }

    /// A `let`/`rec` binding list. Leaves the bound names in the
    /// environment (the caller truncates). `must` are bindings that have to
    /// be there (for `rec { ... }.f`).
    fn bindings(&mut self, d: u32, must: Vec<(String, Ty)>, is_rec: bool) -> String {
        let mut used: Vec<String> = must.iter().map(|m| m.0.clone()).collect();
        let mut items: Vec<Item> = must.into_iter().map(|(n, t)| Item::Plain(n, t)).collect();
        let n = 1 + self.rng.weighted(&[40, 35, 18, 7]);
        for _ in 0..n {
            match self.rng.weighted(&[80, 10, 10]) {
                0 => {
                    let name = if is_rec {
                        self.rng.pick(FIELD_NAMES).to_string()
                    } else {
                        self.fresh_var_name(&used)
                    };
                    if used.contains(&name) || !is_ident(&name) {
                        continue;
                    }
                    used.push(name.clone());
                    let t = self.rand_ty(2);
                    items.push(Item::Plain(name, t));
                }
                1 => {
                    let vis = self.visible();
                    if vis.is_empty() {
                        continue;
                    }
                    let i = *self.rng.pick(&vis);
                    let name = self.env[i].name.clone();
                    if used.contains(&name) {
                        continue;
                    }
                    used.push(name.clone());
                    items.push(Item::InheritOuter(name));
                }
                _ => {
                    let mut fs = self.rand_fields(1, true);
                    fs.retain(|(n, _)| !used.contains(n));
                    if fs.is_empty() {
                        continue;
                    }
                    for (n, _) in &fs {
                        used.push(n.clone());
                    }
                    items.push(Item::InheritFrom(fs));
                }
            }
        }
        // Inherited-from-outside names keep their outer types.
        let mut outer_types = Vec::new();
        for it in &items {
            if let Item::InheritOuter(n) = it {
                let i = self.resolve(n).expect("visible");
                outer_types.push((n.clone(), self.env[i].ty.clone()));
            }
        }
        let mark = self.env.len();
        for it in &items {
            match it {
                Item::Plain(n, t) => self.push(n, t.clone(), Kind::Blocked),
                Item::InheritFrom(fs) => {
                    for (n, t) in fs {
                        self.push(n, t.clone(), Kind::Blocked);
                    }
                }
                Item::InheritOuter(_) => {}
            }
        }
        for (n, t) in outer_types {
            self.push(&n, t, Kind::Lex);
        }
        // Generate in a random dependency order: each binding sees the
        // ones generated before it.
        let mut order: Vec<usize> = (0..items.len()).collect();
        self.rng.shuffle(&mut order);
        let mut rendered: Vec<String> = vec![String::new(); items.len()];
        for &k in &order {
            match &items[k] {
                Item::Plain(n, t) => {
                    let e = self.gen(t, d);
                    rendered[k] = format!("{} = {};", n, e);
                    self.unblock(mark, n);
                }
                Item::InheritFrom(fs) => {
                    let fs = fs.clone();
                    let mut all = fs.clone();
                    if self.rng.pct(40) {
                        let extra = self.rng.pick(FIELD_NAMES).to_string();
                        if !all.iter().any(|(n, _)| *n == extra) {
                            let t = self.rand_ty(1);
                            all.push((extra, t));
                            all.sort_by(|a, b| a.0.cmp(&b.0));
                        }
                    }
                    let src = self.gen(&Attrs(all), d);
                    let names: Vec<String> = fs.iter().map(|f| f.0.clone()).collect();
                    rendered[k] = format!("inherit ({}) {};", src, names.join(" "));
                    for n in names {
                        self.unblock(mark, &n);
                    }
                }
                Item::InheritOuter(n) => rendered[k] = format!("inherit {};", n),
            }
        }
        rendered.retain(|s| !s.is_empty());
        self.rng.shuffle(&mut rendered);
        rendered.join(" ")
    }

    fn unblock(&mut self, mark: usize, name: &str) {
        for v in self.env[mark..].iter_mut() {
            if v.name == name && v.kind == Kind::Blocked {
                v.kind = Kind::Lex;
            }
        }
    }

    /// A set expression (variable or literal) plus its fields, for `with`
    /// and `or`.
    fn attrs_source(&mut self, d: u32) -> (String, Vec<(String, Ty)>) {
        if self.rng.pct(40) {
            let mut cands = Vec::new();
            for i in self.visible() {
                if let Attrs(fs) = &self.env[i].ty {
                    cands.push((self.env[i].name.clone(), fs.clone()));
                }
            }
            if !cands.is_empty() {
                return self.rng.pick(&cands).clone();
            }
        }
        let fs = self.rand_fields(1, false);
        let s = self.attrs_literal(&fs, d);
        (s, fs)
    }

    // ------------------------------------------------------------------- int

    fn gen_int(&mut self, m: u64, d: u32) -> String {
        let half = m / 2;
        let root = isqrt(m);
        let w = [
            10,                                   // 0 literal
            if half >= 2 { 14 } else { 0 },       // 1 + -
            if root >= 2 { 7 } else { 0 },        // 2 *
            4,                                    // 3 unary minus
            7,                                    // 4 / (nonzero)
            if half >= 2 { 4 } else { 0 },        // 5 builtins.add/sub/mul
            if m >= 64 { 6 } else { 0 },          // 6 length
            if m >= 512 { 3 } else { 0 },         // 7 stringLength
            if half >= 2 { 4 } else { 0 },        // 8 bit ops
            if m >= 4096 { 4 } else { 0 },        // 9 foldl' sum
            if m >= 1024 { 3 } else { 0 },        // 10 recursive function
            if m >= 64 { 3 } else { 0 },          // 11 length (attrNames / filter)
            if self.err_pct > 0 { 2 } else { 0 }, // 12 possible overflow
            3,                                    // 13 builtins.div
        ];
        match self.rng.weighted(&w) {
            0 => self.int_lit(m),
            1 => {
                let a = self.gen(&Int(half), d);
                let b = self.gen(&Int(half), d);
                let op = if self.rng.pct(50) { "+" } else { "-" };
                format!("({} {} {})", a, op, b)
            }
            2 => {
                let a = self.gen(&Int(root), d);
                let b = self.gen(&Int(root), d);
                format!("({} * {})", a, b)
            }
            3 => {
                let a = self.gen(&Int(m), d);
                format!("(-{})", a)
            }
            4 => {
                let a = self.gen(&Int(m), d);
                let b = self.nonzero_int(d);
                format!("({} / {})", a, b)
            }
            5 => {
                let f = *self.rng.pick(&["add", "sub", "mul"]);
                let bound = if f == "mul" { root.max(1) } else { half };
                let a = self.gen(&Int(bound), d);
                let b = self.gen(&Int(bound), d);
                format!("(builtins.{} {} {})", f, a, b)
            }
            6 => {
                let t = self.rand_ty(1);
                let l = self.gen(&List(Box::new(t)), d);
                format!("(builtins.length {})", l)
            }
            7 => {
                let s = self.gen(&Str, d);
                format!("(builtins.stringLength {})", s)
            }
            8 => {
                let f = *self.rng.pick(&["bitAnd", "bitOr", "bitXor"]);
                let a = self.gen(&Int(half), d);
                let b = self.gen(&Int(half), d);
                format!("(builtins.{} {} {})", f, a, b)
            }
            9 => {
                let l = self.gen(&List(Box::new(Int(m / 64))), d);
                let (a, x) = (self.fresh_var_name(&[]), self.fresh_var_name(&[]));
                if a == x {
                    format!("(builtins.foldl' ({}: {}: {}) 0 {})", a, x, a, l)
                } else {
                    format!("(builtins.foldl' ({}: {}: {} + {}) 0 {})", a, x, a, x, l)
                }
            }
            10 => self.recursive_fn(&Int(m / 16), d),
            11 => {
                if self.rng.pct(50) {
                    let (set, _) = self.attrs_source(d);
                    format!("(builtins.length (builtins.attrNames {}))", set)
                } else {
                    let t = self.rand_ty(1);
                    let p = self.gen(&Fun(Box::new(t.clone()), Box::new(Bool)), d);
                    let l = self.gen(&List(Box::new(t)), d);
                    format!("(builtins.length (builtins.filter {} {}))", p, l)
                }
            }
            12 => {
                let a = self.gen(&Int(1000), d);
                if self.rng.pct(50) {
                    format!("(9223372036854775807 - {})", a)
                } else {
                    format!("({} * 4611686018427387904)", a)
                }
            }
            _ => {
                let a = self.gen(&Int(m), d);
                let b = self.nonzero_int(d);
                format!("(builtins.div {} {})", a, b)
            }
        }
    }

    /// An integer expression that is never zero (unless errors are wanted).
    fn nonzero_int(&mut self, d: u32) -> String {
        match self
            .rng
            .weighted(&[50, 15, 20, if self.err_pct > 0 { 6 } else { 0 }])
        {
            0 => self.nonzero_int_lit(),
            1 => {
                let t = self.rand_ty(0);
                let l = self.gen(&List(Box::new(t)), d);
                format!("(builtins.length {} + 1)", l)
            }
            2 => {
                let x = self.gen(&Int(1000), d);
                if is_atom(&x) {
                    format!("(if {} == 0 then 1 else {})", x, x)
                } else {
                    let n = self.fresh_var_name(&[]);
                    format!("(({}: if {} == 0 then 1 else {}) {})", n, n, n, x)
                }
            }
            _ => self.gen(&Int(9), d), // may be zero
        }
    }

    /// `(let f = n: if n <= 0 then BASE else STEP; in f K)`, with `f`
    /// calling itself: a recursive `let` binding.
    /// `result` is an Int, Str or List type.
    fn recursive_fn(&mut self, result: &Ty, d: u32) -> String {
        let f = self.fresh_var_name(&[]);
        let n = self.fresh_var_name(std::slice::from_ref(&f));
        let k = self.rng.range(0, 8);
        let mark = self.env.len();
        self.push(&f, Ty::Null, Kind::Blocked);
        self.push(&n, Int(8), Kind::Lex);
        let base = self.gen(result, d);
        let step = match result {
            List(t) => self.gen(t, d),
            _ => self.gen(result, d),
        };
        self.env.truncate(mark);
        let rec = format!("{} ({} - 1)", f, n);
        let body = match result {
            Int(_) => format!("{} + {}", step, rec),
            Str => format!("{} + {}", step, rec),
            _ => format!("[ {} ] ++ {}", step, rec),
        };
        format!(
            "(let {} = {}: if {} <= 0 then {} else {}; in {} {})",
            f, n, n, base, body, f, k
        )
    }

    // ----------------------------------------------------------------- float

    fn gen_float(&mut self, d: u32) -> String {
        match self.rng.weighted(&[12, 16, 10, 8, 4, 5, 4, 3, 2]) {
            0 => self.float_lit(),
            1 => {
                let a = self.gen(&Float, d);
                let b = self.gen(&Float, d);
                let op = *self.rng.pick(&["+", "-", "*"]);
                format!("({} {} {})", a, op, b)
            }
            2 => {
                // int/float mixing
                let i = self.gen(&Int(1000), d);
                let f = self.gen(&Float, d);
                let op = *self.rng.pick(&["+", "-", "*"]);
                if self.rng.pct(50) {
                    format!("({} {} {})", i, op, f)
                } else {
                    format!("({} {} {})", f, op, i)
                }
            }
            3 => {
                let a = self.gen(&Float, d);
                let b = if self.rng.pct(60) {
                    self.nonzero_float_lit()
                } else if self.err_pct > 0 && self.rng.pct(20) {
                    self.gen(&Float, d)
                } else {
                    self.nonzero_int_lit()
                };
                format!("({} / {})", a, b)
            }
            4 => {
                let a = self.gen(&Int(1000), d);
                let b = self.nonzero_float_lit();
                format!("({} / {})", a, b)
            }
            5 => {
                let a = self.gen(&Float, d);
                format!("(-{})", a)
            }
            6 => {
                let f = *self.rng.pick(&["add", "sub", "mul"]);
                let a = self.gen(&Float, d);
                let b = self.gen(&Int(100), d);
                format!("(builtins.{} {} {})", f, a, b)
            }
            7 => {
                let a = self.gen(&Float, d);
                let b = self.nonzero_int_lit();
                format!("(builtins.div {} {})", a, b)
            }
            _ => {
                let l = self.gen(&List(Box::new(Float)), d);
                format!("(builtins.foldl' (acc: x: acc + x) 0.0 {})", l)
            }
        }
    }

    // ------------------------------------------------------------------ bool

    fn gen_bool(&mut self, d: u32) -> String {
        match self
            .rng
            .weighted(&[6, 14, 12, 10, 4, 8, 4, 6, 6, 3, 3, 3, 2])
        {
            0 => if self.rng.pct(50) { "true" } else { "false" }.to_string(),
            1 => {
                let t = self.rand_cmp_ty();
                let a = self.gen(&t, d);
                let b = if t == Str {
                    self.gen(&Str, d)
                } else if self.rng.pct(30) {
                    self.gen(&Float, d)
                } else {
                    self.gen(&Int(1_000_000), d)
                };
                let op = *self.rng.pick(&["<", "<=", ">", ">="]);
                format!("({} {} {})", a, op, b)
            }
            2 => {
                // deep equality
                let t = self.rand_plain_ty(2);
                let a = self.gen(&t, d);
                let b = if self.rng.pct(15) {
                    let u = self.rand_plain_ty(1);
                    self.gen(&u, d)
                } else if self.rng.pct(20) && is_atom(&a) && a.len() < 60 {
                    a.clone()
                } else {
                    self.gen(&t, d)
                };
                let op = if self.rng.pct(70) { "==" } else { "!=" };
                format!("({} {} {})", a, op, b)
            }
            3 => {
                let a = self.gen(&Bool, d);
                let b = self.gen(&Bool, d);
                let op = *self.rng.pick(&["&&", "||", "->"]);
                format!("({} {} {})", a, op, b)
            }
            4 => {
                let a = self.gen(&Bool, d);
                format!("(!{})", a)
            }
            5 => {
                let (set, fs) = self.attrs_source(d);
                if !fs.is_empty() && self.rng.pct(50) {
                    let n = self.rng.pick(&fs).0.clone();
                    format!("({} ? {})", set, attr(&n))
                } else if self.rng.pct(50) {
                    let n = self.rng.pick(FIELD_NAMES);
                    let m = self.rng.pick(FIELD_NAMES);
                    format!("({} ? {}.{})", set, attr(n), attr(m))
                } else {
                    format!("({} ? {})", set, attr(self.rng.pick_str(FIELD_NAMES)))
                }
            }
            6 => {
                let t = self.rand_plain_ty(1);
                let x = self.gen(&t, d);
                let l = self.gen(&List(Box::new(t)), d);
                format!("(builtins.elem {} {})", x, l)
            }
            7 => {
                let t = self.rand_ty(1);
                let p = self.gen(&Fun(Box::new(t.clone()), Box::new(Bool)), d);
                let l = self.gen(&List(Box::new(t)), d);
                let f = if self.rng.pct(50) { "all" } else { "any" };
                format!("(builtins.{} {} {})", f, p, l)
            }
            8 => {
                let t = self.rand_ty(1);
                let e = self.gen(&t, d);
                let f = *self.rng.pick(&[
                    "isInt",
                    "isFloat",
                    "isBool",
                    "isString",
                    "isList",
                    "isAttrs",
                    "isFunction",
                    "isNull",
                ]);
                if f == "isNull" && self.rng.pct(50) {
                    format!("(isNull {})", e)
                } else {
                    format!("(builtins.{} {})", f, e)
                }
            }
            9 => {
                let (set, fs) = self.attrs_source(d);
                let n = if !fs.is_empty() && self.rng.pct(60) {
                    self.rng.pick(&fs).0.clone()
                } else {
                    self.rng.pick(FIELD_NAMES).to_string()
                };
                format!("(builtins.hasAttr {} {})", quote(&n), set)
            }
            10 => {
                let t = self.rand_cmp_ty();
                let a = self.gen(&t, d);
                let b = self.gen(&t, d);
                format!("(builtins.lessThan {} {})", a, b)
            }
            11 => {
                if self.rng.pct(50) {
                    let m = self.throw_msg();
                    format!("(builtins.tryEval (throw {})).success", m)
                } else {
                    let t = self.rand_ty(1);
                    let e = if self.rng.pct(40) {
                        let c = self.gen(&Bool, d);
                        let x = self.gen(&t, d);
                        let m = self.throw_msg();
                        format!("(if {} then {} else throw {})", c, x, m)
                    } else {
                        self.gen(&t, d)
                    };
                    format!("(builtins.tryEval {}).success", e)
                }
            }
            _ => {
                let fs = self.rand_fields(1, true);
                let r = self.rand_ty(1);
                let (pat, body) = self.pattern_lambda_parts(&fs, &r, d);
                let n = self.rng.pick(FIELD_NAMES).to_string();
                format!(
                    "((builtins.functionArgs ({}: {})).{} or false)",
                    pat,
                    body,
                    attr(&n)
                )
            }
        }
    }

    fn gen_null(&mut self, d: u32) -> String {
        match self.rng.below(3) {
            0 => "null".to_string(),
            1 => {
                let t = self.rand_ty(1);
                let e = self.gen(&t, d);
                format!("(builtins.seq {} null)", e)
            }
            _ => {
                let (name, set) = self.set_with_field(&Null, d);
                format!("{}.{}", set, attr(&name))
            }
        }
    }

    // ---------------------------------------------------------------- string

    fn gen_str(&mut self, d: u32) -> String {
        match self.rng.weighted(&[14, 10, 8, 12, 10, 6, 5, 4, 5, 4, 4, 2]) {
            0 => self.str_lit(),
            1 => {
                // interpolation
                let n = 1 + self.rng.below(2);
                let mut s = String::from("\"");
                for _ in 0..n {
                    if self.rng.pct(60) {
                        s.push_str(self.rng.pick_str(STR_FRAGMENTS));
                    }
                    let e = if self.rng.pct(30) {
                        let t = self.rand_scalar_ty();
                        if stringable(&t) {
                            format!("toString {}", self.gen(&t, d))
                        } else {
                            self.gen(&Str, d)
                        }
                    } else {
                        self.gen(&Str, d)
                    };
                    s.push_str(&format!("${{{}}}", e));
                }
                if self.rng.pct(50) {
                    s.push_str(self.rng.pick_str(STR_FRAGMENTS));
                }
                s.push('"');
                s
            }
            2 => self.indented_str(d),
            3 => {
                let a = self.gen(&Str, d);
                let b = self.gen(&Str, d);
                format!("({} + {})", a, b)
            }
            4 => {
                let t = loop {
                    let t = self.rand_ty(1);
                    if stringable(&t) {
                        break t;
                    }
                };
                let e = self.gen(&t, d);
                if self.rng.pct(50) {
                    format!("(toString {})", e)
                } else {
                    format!("(builtins.toString {})", e)
                }
            }
            5 => {
                let start = if self.err_pct > 0 && self.rng.pct(10) {
                    "(-1)".to_string()
                } else if self.rng.pct(70) {
                    self.rng.range(0, 5).to_string()
                } else {
                    format!("(builtins.bitAnd 7 {})", self.gen(&Int(9), d))
                };
                let len = match self.rng.below(4) {
                    0 => "(-1)".to_string(),
                    _ => self.rng.range(0, 6).to_string(),
                };
                let s = self.gen(&Str, d);
                format!("(builtins.substring {} {} {})", start, len, s)
            }
            6 => {
                let sep = quote(self.rng.pick_str(&[", ", "", "-", "\n", " :: "]));
                let l = self.gen(&List(Box::new(Str)), d);
                format!("(builtins.concatStringsSep {} {})", sep, l)
            }
            7 => {
                let n = 1 + self.rng.below(2);
                let from: Vec<String> = (0..n)
                    .map(|_| {
                        quote(
                            self.rng
                                .pick_str(&["a", "b", "o", "l", "hello", " ", "x", "", "é"]),
                        )
                    })
                    .collect();
                // An accumulator of an enclosing `foldl'` is not a replacement here.
                let blocked: Vec<usize> = (0..self.env.len())
                    .filter(|&i| {
                        self.env[i].kind == Kind::Lex
                            && self.accumulators.contains(&self.env[i].name)
                    })
                    .collect();
                for &i in &blocked {
                    self.env[i].kind = Kind::Blocked;
                }
                let mut to: Vec<String> = (0..n)
                    .map(|_| self.gen(&Str, d.saturating_sub(1)))
                    .collect();
                for &i in &blocked {
                    self.env[i].kind = Kind::Lex;
                }
                if self.err_pct > 0 && self.rng.pct(15) {
                    to.pop();
                }
                let s = self.gen(&Str, d);
                format!(
                    "(builtins.replaceStrings {} {} {})",
                    list_lit(&from),
                    list_lit(&to),
                    s
                )
            }
            8 => {
                let t = self.rand_ty(1);
                let e = self.gen(&t, d);
                format!("(builtins.typeOf {})", e)
            }
            9 => {
                let t = self.rand_plain_ty(2);
                let e = self.gen(&t, d);
                format!("(builtins.toJSON {})", e)
            }
            10 => {
                let mut fs = self.rand_fields(0, false);
                if fs.is_empty() {
                    fs.push(("a".to_string(), Int(9)));
                }
                let set = self.gen(&Attrs(fs), d);
                if self.rng.pct(50) {
                    format!("(builtins.head (builtins.attrNames {}))", set)
                } else {
                    format!(
                        "(builtins.concatStringsSep \",\" (builtins.attrNames {}))",
                        set
                    )
                }
            }
            _ => self.recursive_fn(&Str, d),
        }
    }

    fn indented_str(&mut self, d: u32) -> String {
        if self.rng.pct(25) {
            // single line
            let mut s = String::from("''");
            for _ in 0..1 + self.rng.below(3) {
                s.push_str(self.rng.pick_str(IND_FRAGMENTS));
            }
            s.push_str("''");
            return s;
        }
        let indent = " ".repeat(*self.rng.pick(&[2usize, 4]));
        let mut s = String::from("''\n");
        let lines = 1 + self.rng.below(3);
        for _ in 0..lines {
            s.push_str(&indent);
            if self.rng.pct(25) {
                s.push_str("  ");
            }
            for _ in 0..1 + self.rng.below(2) {
                if self.rng.pct(25) {
                    let e = self.gen(&Str, d.saturating_sub(1));
                    s.push_str(&format!("${{{}}}", e));
                } else {
                    s.push_str(self.rng.pick_str(IND_FRAGMENTS));
                }
            }
            s.push('\n');
            if self.rng.pct(15) {
                s.push('\n'); // empty line
            }
        }
        if self.rng.pct(70) {
            s.push_str(&" ".repeat(indent.len().saturating_sub(2)));
        } else {
            s.push_str(&indent);
            s.push_str("end");
        }
        s.push_str("''");
        s
    }

    // ------------------------------------------------------------------ list

    fn gen_list(&mut self, t: &Ty, d: u32) -> String {
        let sortable = matches!(t, Int(_) | Float | Str);
        let uniform_attrs = true;
        let w = [
            16,                                // 0 literal
            9,                                 // 1 ++
            10,                                // 2 map
            7,                                 // 3 filter
            6,                                 // 4 genList
            4,                                 // 5 concatLists
            4,                                 // 6 concatMap
            4,                                 // 7 tail
            if sortable { 6 } else { 0 },      // 8 sort
            if uniform_attrs { 3 } else { 0 }, // 9 attrValues
            3,                                 // 10 catAttrs
            3,                                 // 11 partition
            if *t == Str { 3 } else { 0 },     // 12 attrNames
            2,                                 // 13 recursive function
        ];
        let lt = List(Box::new(t.clone()));
        match self.rng.weighted(&w) {
            0 => {
                let n = self.rng.weighted(&[10, 30, 30, 20, 10]);
                let es: Vec<String> = (0..n).map(|_| self.gen(t, d)).collect();
                list_lit(&es)
            }
            1 => {
                let a = self.gen(&lt, d);
                let b = self.gen(&lt, d);
                format!("({} ++ {})", a, b)
            }
            2 => {
                let a = self.rand_ty(1);
                let f = self.gen_fun(&a, t, d);
                let l = self.gen(&List(Box::new(a)), d);
                if self.rng.pct(50) {
                    format!("(map {} {})", f, l)
                } else {
                    format!("(builtins.map {} {})", f, l)
                }
            }
            3 => {
                let p = self.gen(&Fun(Box::new(t.clone()), Box::new(Bool)), d);
                let l = self.gen(&lt, d);
                format!("(builtins.filter {} {})", p, l)
            }
            4 => {
                let i = self.fresh_var_name(&[]);
                let mark = self.env.len();
                self.push(&i, Int(8), Kind::Lex);
                let body = self.gen(t, d);
                self.env.truncate(mark);
                let n = self.rng.range(0, 5);
                format!("(builtins.genList ({}: {}) {})", i, body, n)
            }
            5 => {
                let n = 1 + self.rng.below(3);
                let es: Vec<String> = (0..n).map(|_| self.gen(&lt, d)).collect();
                format!("(builtins.concatLists {})", list_lit(&es))
            }
            6 => {
                let a = self.rand_ty(1);
                let f = self.gen_fun(&a, &lt, d);
                let l = self.gen(&List(Box::new(a)), d);
                format!("(builtins.concatMap {} {})", f, l)
            }
            7 => {
                let x = self.gen(t, d);
                let l = self.gen(&lt, d);
                if self.err_pct > 0 && self.rng.pct(20) {
                    format!("(builtins.tail {})", l)
                } else {
                    format!("(builtins.tail ([ {} ] ++ {}))", x, l)
                }
            }
            8 => {
                let l = self.gen(&lt, d);
                let cmp = *self.rng.pick(&[
                    "(a: b: a < b)",
                    "(a: b: a > b)",
                    "(x: y: x < y)",
                    "builtins.lessThan",
                ]);
                format!("(builtins.sort {} {})", cmp, l)
            }
            9 => {
                let mut fs = self.rand_fields(0, false);
                for f in fs.iter_mut() {
                    f.1 = t.clone();
                }
                let s = self.gen(&Attrs(fs), d);
                format!("(builtins.attrValues {})", s)
            }
            10 => {
                let name = self.rng.pick(FIELD_NAMES).to_string();
                let n = 1 + self.rng.below(3);
                let mut sets = Vec::new();
                for _ in 0..n {
                    let mut fs = self.rand_fields(0, false);
                    fs.retain(|(m, _)| *m != name);
                    if self.rng.pct(65) {
                        fs.push((name.clone(), t.clone()));
                        fs.sort_by(|a, b| a.0.cmp(&b.0));
                    }
                    sets.push(self.gen(&Attrs(fs), d.saturating_sub(1)));
                }
                format!("(builtins.catAttrs {} {})", quote(&name), list_lit(&sets))
            }
            11 => {
                let p = self.gen(&Fun(Box::new(t.clone()), Box::new(Bool)), d);
                let l = self.gen(&lt, d);
                let side = if self.rng.pct(50) { "right" } else { "wrong" };
                format!("(builtins.partition {} {}).{}", p, l, side)
            }
            12 => {
                let (set, _) = self.attrs_source(d);
                format!("(builtins.attrNames {})", set)
            }
            _ => self.recursive_fn(&lt, d),
        }
    }

    // ----------------------------------------------------------------- attrs

    fn gen_attrs(&mut self, fs: &[(String, Ty)], d: u32) -> String {
        let idents = fs.iter().all(|(n, _)| is_ident(n));
        let uniform = !fs.is_empty() && fs.iter().all(|(_, t)| *t == fs[0].1);
        let all_bool = !fs.is_empty() && fs.iter().all(|(_, t)| *t == Bool);
        let w = [
            40,                                     // 0 literal
            if idents { 8 } else { 0 },             // 1 rec
            12,                                     // 2 //
            5,                                      // 3 removeAttrs
            4,                                      // 4 intersectAttrs
            5,                                      // 5 listToAttrs
            if uniform { 5 } else { 0 },            // 6 mapAttrs
            if all_bool && idents { 3 } else { 0 }, // 7 functionArgs
        ];
        match self.rng.weighted(&w) {
            0 => self.attrs_literal(fs, d),
            1 => {
                let mark = self.env.len();
                let binds = self.rec_bindings(fs, d);
                self.env.truncate(mark);
                format!("rec {{ {} }}", binds)
            }
            2 => {
                // Split the fields over both sides; the left may have stale
                // values (of any type) that the right overrides.
                let mut left = Vec::new();
                let mut right = Vec::new();
                for (n, t) in fs {
                    match self.rng.below(3) {
                        0 => left.push((n.clone(), t.clone())),
                        1 => right.push((n.clone(), t.clone())),
                        _ => {
                            let u = self.rand_ty(1);
                            left.push((n.clone(), u));
                            right.push((n.clone(), t.clone()));
                        }
                    }
                }
                let a = self.gen(&Attrs(left), d);
                let b = self.gen(&Attrs(right), d);
                format!("({} // {})", a, b)
            }
            3 => {
                let mut all = fs.to_vec();
                let mut removed = Vec::new();
                for _ in 0..1 + self.rng.below(2) {
                    let n = self.rng.pick(FIELD_NAMES).to_string();
                    if !all.iter().any(|(m, _)| *m == n) {
                        let t = self.rand_ty(1);
                        all.push((n.clone(), t));
                    }
                    if !fs.iter().any(|(m, _)| *m == n) {
                        removed.push(quote(&n));
                    }
                }
                all.sort_by(|a, b| a.0.cmp(&b.0));
                if self.rng.pct(30) {
                    removed.push(quote("zzz"));
                }
                let s = self.gen(&Attrs(all), d);
                format!("(builtins.removeAttrs {} {})", s, list_lit(&removed))
            }
            4 => {
                // intersectAttrs A B: B's values for the names in both.
                let mut a = Vec::new();
                for (n, _) in fs {
                    let t = self.rand_scalar_ty();
                    a.push((n.clone(), t));
                }
                let mut b = fs.to_vec();
                for _ in 0..self.rng.below(3) {
                    let n = self.rng.pick(FIELD_NAMES).to_string();
                    if a.iter().any(|(m, _)| *m == n) || b.iter().any(|(m, _)| *m == n) {
                        continue;
                    }
                    let t = self.rand_scalar_ty();
                    if self.rng.pct(50) {
                        a.push((n, t));
                    } else {
                        b.push((n, t));
                    }
                }
                a.sort_by(|x, y| x.0.cmp(&y.0));
                b.sort_by(|x, y| x.0.cmp(&y.0));
                let ea = self.gen(&Attrs(a), d.saturating_sub(1));
                let eb = self.gen(&Attrs(b), d);
                format!("(builtins.intersectAttrs {} {})", ea, eb)
            }
            5 => {
                let mut entries = Vec::new();
                for (n, t) in fs {
                    let v = self.gen(t, d.saturating_sub(1));
                    entries.push((quote(n), v));
                }
                // a duplicate that loses
                if !fs.is_empty() && self.rng.pct(25) {
                    let n = self.rng.pick(fs).0.clone();
                    let t = self.rand_ty(0);
                    let v = self.gen(&t, 0);
                    entries.push((quote(&n), v));
                }
                let items: Vec<String> = entries
                    .into_iter()
                    .map(|(n, v)| format!("{{ name = {}; value = {}; }}", n, v))
                    .collect();
                format!("(builtins.listToAttrs {})", list_lit(&items))
            }
            6 => {
                let a = self.rand_ty(1);
                let src: Vec<(String, Ty)> =
                    fs.iter().map(|(n, _)| (n.clone(), a.clone())).collect();
                let s = self.gen(&Attrs(src), d);
                let nn = self.fresh_var_name(&[]);
                let vn = self.fresh_var_name(std::slice::from_ref(&nn));
                let mark = self.env.len();
                self.push(&nn, Str, Kind::Lex);
                self.push(&vn, a, Kind::Lex);
                let body = self.gen(&fs[0].1, d);
                self.env.truncate(mark);
                format!("(builtins.mapAttrs ({}: {}: {}) {})", nn, vn, body, s)
            }
            _ => {
                // functionArgs { a ? .., b }: true for the ones with defaults.
                let mut parts = Vec::new();
                for (n, _) in fs {
                    if self.rng.pct(50) {
                        let t = self.rand_ty(0);
                        let e = self.gen(&t, 0);
                        parts.push(format!("{} ? {}", n, e));
                    } else {
                        parts.push(n.clone());
                    }
                }
                if self.rng.pct(30) {
                    parts.push("...".to_string());
                }
                let r = self.rand_ty(0);
                let body = self.gen(&r, 0);
                format!(
                    "(builtins.functionArgs ({{ {} }}: {}))",
                    parts.join(", "),
                    body
                )
            }
        }
    }

    /// `rec { ... }` bindings with exactly the fields `fs` (identifiers).
    fn rec_bindings(&mut self, fs: &[(String, Ty)], d: u32) -> String {
        let mut order: Vec<usize> = (0..fs.len()).collect();
        self.rng.shuffle(&mut order);
        let mark = self.env.len();
        for (n, t) in fs {
            self.push(n, t.clone(), Kind::Blocked);
        }
        let mut rendered = vec![String::new(); fs.len()];
        for &k in &order {
            let (n, t) = fs[k].clone();
            // `inherit n;` takes n from the enclosing scope, not the set.
            let outer = self.env[..mark]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, v)| v.name == n && v.kind != Kind::With);
            let outer_ok = match outer {
                Some((i, v)) => {
                    v.kind == Kind::Lex && fits(&v.ty, &t) && {
                        // must resolve to the same thing without the rec set
                        let saved: Vec<Var> = self.env.split_off(mark);
                        let r = self.resolve(&n);
                        self.env.extend(saved);
                        r == Some(i)
                    }
                }
                None => false,
            };
            if outer_ok && self.rng.pct(40) {
                rendered[k] = format!("inherit {};", n);
            } else {
                let e = self.gen(&t, d);
                rendered[k] = format!("{} = {};", n, e);
            }
            self.unblock(mark, &n);
        }
        rendered.join(" ")
    }

    /// A set literal `{ ... }` with exactly the fields `fs`, using nested
    /// paths, `inherit`, `inherit (e)` and dynamic names.
    fn attrs_literal(&mut self, fs: &[(String, Ty)], d: u32) -> String {
        let mut idx: Vec<usize> = (0..fs.len()).collect();
        self.rng.shuffle(&mut idx);
        let mut parts: Vec<String> = Vec::new();
        let mut inherit_from: Vec<(String, Ty)> = Vec::new();
        for k in idx {
            let (n, t) = fs[k].clone();
            let ident = is_ident(&n);
            // inherit n; (from the environment)
            if ident && self.rng.pct(30) {
                if let Some(i) = self.resolve(&n) {
                    if fits(&self.env[i].ty, &t) {
                        parts.push(format!("inherit {};", n));
                        continue;
                    }
                }
            }
            match self.rng.weighted(&[70, 12, 8, 10]) {
                1 if ident => inherit_from.push((n, t)),
                2 => {
                    let e = self.gen(&t, d);
                    let key = match self.rng.below(3) {
                        0 => format!("${{{}}}", quote(&n)),
                        1 if !n.is_empty() => {
                            let cut = n.chars().next().unwrap().len_utf8();
                            format!("${{{} + {}}}", quote(&n[..cut]), quote(&n[cut..]))
                        }
                        _ => format!("\"${{{}}}\"", quote(&n)),
                    };
                    parts.push(format!("{} = {};", key, e));
                }
                3 => {
                    if let Attrs(sub) = &t {
                        if !sub.is_empty() {
                            // Nested paths: n.a = ..; n.b = ..;
                            for (m, u) in sub.clone() {
                                let e = self.gen(&u, d.saturating_sub(1));
                                parts.push(format!("{}.{} = {};", attr(&n), attr(&m), e));
                            }
                            continue;
                        }
                    }
                    let e = self.gen(&t, d);
                    parts.push(format!("{} = {};", attr(&n), e));
                }
                _ => {
                    let e = self.gen(&t, d);
                    parts.push(format!("{} = {};", attr(&n), e));
                }
            }
        }
        if !inherit_from.is_empty() {
            let mut src = inherit_from.clone();
            if self.rng.pct(40) {
                let extra = self.rng.pick(FIELD_NAMES).to_string();
                if !src.iter().any(|(n, _)| *n == extra) && !fs.iter().any(|(n, _)| *n == extra) {
                    let t = self.rand_ty(0);
                    src.push((extra, t));
                }
            }
            src.sort_by(|a, b| a.0.cmp(&b.0));
            let e = self.gen(&Attrs(src), d.saturating_sub(1));
            let names: Vec<String> = inherit_from.iter().map(|f| f.0.clone()).collect();
            let pos = self.rng.below(parts.len() + 1);
            parts.insert(pos, format!("inherit ({}) {};", e, names.join(" ")));
        }
        set_lit(&parts)
    }

    // -------------------------------------------------------------- function

    fn gen_fun(&mut self, a: &Ty, r: &Ty, d: u32) -> String {
        if self.rng.pct(15) {
            // Partial application of a curried function from the environment.
            let mut cands = Vec::new();
            for i in self.visible() {
                if let Fun(b, rest) = &self.env[i].ty {
                    if fits(rest, &Fun(Box::new(a.clone()), Box::new(r.clone()))) {
                        cands.push((self.env[i].name.clone(), (**b).clone()));
                    }
                }
            }
            if !cands.is_empty() {
                let (f, b) = self.rng.pick(&cands).clone();
                let e = self.gen(&b, d);
                return format!("({} {})", f, e);
            }
        }
        if self.rng.pct(20) {
            if let Some(v) = self.pick_var(&Fun(Box::new(a.clone()), Box::new(r.clone()))) {
                return v;
            }
        }
        self.lambda(a, r, d)
    }

    // ------------------------------------------------------------------- any

    fn gen_any(&mut self, d: u32) -> String {
        match self.rng.weighted(&[60, 4, 4, 3, 3, 4, 4, 6, 8, 2, 10]) {
            0 => {
                let mut t = self.rand_ty(2);
                if matches!(t, Fun(..)) && self.rng.pct(60) {
                    t = self.rand_ty(2);
                }
                self.gen(&t, d)
            }
            1 => {
                let t = self.rand_ty(1);
                let i = self.fresh_var_name(&[]);
                let mark = self.env.len();
                self.push(&i, t.clone(), Kind::Lex);
                let key = self.gen(&Str, d.saturating_sub(1));
                self.env.truncate(mark);
                let key = if self.rng.pct(50) {
                    key
                } else {
                    let c = {
                        self.push(&i, t.clone(), Kind::Lex);
                        let c = self.gen(&Bool, d.saturating_sub(1));
                        self.env.truncate(mark);
                        c
                    };
                    format!("(if {} then \"yes\" else \"no\")", c)
                };
                let l = self.gen(&List(Box::new(t)), d);
                format!("(builtins.groupBy ({}: {}) {})", i, key, l)
            }
            2 => {
                let t = self.rand_ty(1);
                let p = self.gen(&Fun(Box::new(t.clone()), Box::new(Bool)), d);
                let l = self.gen(&List(Box::new(t)), d);
                format!("(builtins.partition {} {})", p, l)
            }
            3 => {
                let fs = self.rand_fields(1, true);
                let r = self.rand_ty(0);
                let (pat, body) = self.pattern_lambda_parts(&fs, &r, d);
                format!("(builtins.functionArgs ({}: {}))", pat, body)
            }
            4 => self
                .rng
                .pick(&[
                    "builtins.add",
                    "(builtins.add 1)",
                    "map",
                    "(map (x: x))",
                    "builtins.length",
                    "[ toString builtins.typeOf (builtins.elemAt [ 1 ]) ]",
                    "{ f = builtins.sub; g = builtins.sub 2; }",
                ])
                .to_string(),
            5 => {
                let t = self.rand_plain_ty(2);
                let e = self.gen(&t, d);
                format!("(builtins.fromJSON (builtins.toJSON {}))", e)
            }
            6 => {
                let t = self.rand_ty(1);
                let e = if self.rng.pct(50) {
                    let c = self.gen(&Bool, d);
                    let x = self.gen(&t, d);
                    let m = self.throw_msg();
                    format!("(if {} then {} else throw {})", c, x, m)
                } else {
                    self.gen(&t, d)
                };
                format!("(builtins.tryEval {})", e)
            }
            7 => {
                // A value shared twice in the result: «repeated».
                let t = if self.rng.pct(50) {
                    List(Box::new(self.rand_ty(1)))
                } else {
                    Attrs(self.rand_fields(1, false))
                };
                let n = self.fresh_var_name(&[]);
                let mark = self.env.len();
                self.push(&n, t.clone(), Kind::Blocked);
                let v = self.gen(&t, d);
                self.env.truncate(mark);
                let body = match self.rng.below(4) {
                    0 => format!("[ {} {} ]", n, n),
                    1 => format!("{{ a = {}; b = {}; }}", n, n),
                    2 => format!("[ {} {{ c = {}; }} ]", n, n),
                    _ => format!("{{ x = {}; y = [ {} ]; }}", n, n),
                };
                format!("(let {} = {}; in {})", n, v, body)
            }
            8 => {
                // heterogeneous list
                let n = 1 + self.rng.below(4);
                let mut es = Vec::new();
                for _ in 0..n {
                    let t = self.rand_ty(1);
                    es.push(self.gen(&t, d));
                }
                list_lit(&es)
            }
            9 => {
                let t = self.rand_ty(1);
                let r = self.rand_ty(1);
                self.gen_fun(&t, &r, d)
            }
            _ => self.corner_shape(d),
        }
    }

    /// Shapes from the corners of the language that once differed from Nix: `rec` sets
    /// with `__overrides`, `inherit (e)` sharing one evaluation of `e`, search paths,
    /// NUL bytes and strings that are not UTF-8, derivation output names.
    fn corner_shape(&mut self, d: u32) -> String {
        let errors = self.err_pct > 0;
        match self
            .rng
            .weighted(&[5, 4, 3, 3, if errors { 2 } else { 0 }, 3, 3])
        {
            0 => {
                // rec { __overrides = { a = ..; new = ..; }; a = ..; b = a; }
                let t = self.rand_scalar_ty();
                // Names the generated parts do not use, so the rec set captures nothing by accident.
                let (a, b) = (
                    self.rng.pick_str(&["o1", "ov"]),
                    self.rng.pick_str(&["o2", "ow"]),
                );
                let old = self.gen(&t, d.saturating_sub(1));
                let new = self.gen(&t, d.saturating_sub(1));
                let added = self.gen(&Any, d.saturating_sub(2));
                let overrides = match self.rng.below(4) {
                    0 => format!("{{ {a} = {new}; }}"),
                    1 => format!("{{ {a} = {new}; extra = {added}; }}"),
                    2 => format!("{{ extra = {added}; }}"),
                    _ => format!("rec {{ {a} = {new}; extra = [ {a} ]; }}"),
                };
                let result =
                    format!("rec {{ __overrides = {overrides}; {a} = {old}; {b} = [ {a} ]; }}");
                match self.rng.below(3) {
                    0 => result,
                    1 => format!("({result}).{b}"),
                    _ => format!("(builtins.attrNames ({result}))"),
                }
            }
            1 => {
                // inherit (e) a b: one evaluation of e, so shared values print «repeated».
                let t = if self.rng.pct(50) {
                    List(Box::new(self.rand_ty(0)))
                } else {
                    Attrs(self.rand_fields(1, true))
                };
                let v = self.gen(&t, d.saturating_sub(1));
                let source = format!("(let sh = {v}; in {{ p = sh; q = sh; r = [ sh ]; }})");
                match self.rng.below(3) {
                    0 => format!("(let inherit {source} p q; in [ p q ])"),
                    1 => format!("{{ inherit {source} p r; s1 = 1; }}"),
                    _ => format!("(rec {{ inherit {source} p q; both = [ p q ]; }}).both"),
                }
            }
            2 => {
                // Search paths: a missing entry is an error tryEval catches.
                let name =
                    self.rng
                        .pick_str(&["nope", "nixpkgs-missing", "x/y.nix", "nope/default.nix"]);
                match self.rng.below(3) {
                    0 => format!("(builtins.tryEval <{name}>).success"),
                    1 => format!("(builtins.tryEval (builtins.findFile [ ] \"{name}\")).value"),
                    _ => format!(
                        "[ (builtins.length builtins.nixPath) (builtins.tryEval <{name}>) ]"
                    ),
                }
            }
            3 => {
                // Strings that are not UTF-8: half a character.
                let cut = self.rng.pick_str(&[
                    "(builtins.substring 0 1 \"é\")",
                    "(builtins.substring 1 2 \"€x\")",
                    "(builtins.substring 0 2 \"€\" + \"a\")",
                ]);
                match self.rng.below(4) {
                    0 => cut.to_string(),
                    1 => format!("(builtins.stringLength {cut})"),
                    2 => format!("(builtins.tryEval (builtins.toJSON {cut}))"),
                    _ => format!("[ {cut} (builtins.hashString \"sha256\" {cut}) ]"),
                }
            }
            4 => {
                // NUL bytes: refused in string literals, JSON and TOML.
                self.rng
                    .pick_str(&[
                        "\"a\u{0}b\"",
                        "''x\u{0}''",
                        "builtins.fromJSON \"\\\"a\\u0000\\\"\"",
                        "builtins.fromTOML \"k = \\\"\\u0000\\\"\"",
                        "{ \"\u{0}\" = 1; }",
                    ])
                    .to_string()
            }
            5 => {
                // Derivation output names, valid and not.
                let outputs = self.rng.pick_str(&[
                    "[ \"out\" ]",
                    "[ \"out\" \"dev\" ]",
                    "\"bin lib\"",
                    "[ \"drvPath\" ]",
                    "[ \"out\" \"out\" ]",
                    "[ \"a/b\" ]",
                    "[ ]",
                    "[ \"foo.drv\" \".x\" ]",
                ]);
                let drv = format!("derivationStrict {{ name = \"n\"; builder = \"b\"; system = \"s\"; outputs = {outputs}; }}");
                if errors || self.rng.pct(50) {
                    format!("(builtins.attrNames ({drv}))")
                } else {
                    format!("(builtins.tryEval (builtins.attrNames ({drv}))).success")
                }
            }
            _ => {
                // pathExists on strings ending in / or /. (no file needed: / and /.. exist).
                let p = self.rng.pick_str(&[
                    "\"/\"",
                    "\"/.\"",
                    "\"//\"",
                    "\"/..\"",
                    "\"/nonexistent/..\"",
                    "\"/nonexistent/\"",
                ]);
                format!("(builtins.pathExists {p})")
            }
        }
    }

    // ---------------------------------------------------------------- errors

    /// An expression that fails when forced (any type).
    fn error_expr(&mut self, d: u32) -> String {
        match self
            .rng
            .weighted(&[12, 3, 8, 8, 10, 5, 5, 6, 4, 3, 3, 4, 4, 3, 3, 3])
        {
            0 => {
                let m = self.throw_msg();
                format!("(throw {})", m)
            }
            1 => {
                let m = self.throw_msg();
                format!("(abort {})", m)
            }
            2 => {
                let c = self.gen(&Bool, d);
                let t = self.rand_ty(0);
                let e = self.gen(&t, d);
                if self.rng.pct(50) {
                    let a = self.gen(&Int(100), d);
                    let b = self.gen(&Int(100), d);
                    format!("(assert {} == {}; {})", a, b, e)
                } else {
                    format!("(assert {}; {})", c, e)
                }
            }
            3 => {
                let (set, fs) = self.attrs_source(d);
                let n = self
                    .rng
                    .pick(&["zz", "missing", "a", "b", "foo"])
                    .to_string();
                if fs.iter().any(|(m, _)| *m == n) {
                    format!("{}.nope", set)
                } else {
                    format!("{}.{}", set, n)
                }
            }
            4 => {
                // type errors in operators
                let i = self.gen(&Int(100), d);
                let s = self.gen(&Str, d);
                let t = self.rand_ty(1);
                let x = self.gen(&t, d);
                match self.rng.below(10) {
                    0 => format!("({} + {})", i, s),
                    1 => format!("({} + {})", s, i),
                    2 => format!("({} + {})", x, i),
                    3 => format!("({} && {})", x, s),
                    4 => format!("(if {} then {} else {})", x, i, s),
                    5 => format!("({} // {})", x, i),
                    6 => format!("({} ++ {})", x, i),
                    7 => format!("(!{})", x),
                    8 => format!("({} * {})", x, s),
                    _ => format!("({} - {})", i, x),
                }
            }
            5 => {
                let t = self.rand_ty(0);
                let l = self.gen(&List(Box::new(t)), d);
                match self.rng.below(3) {
                    0 => "(builtins.head [ ])".to_string(),
                    1 => format!("(builtins.elemAt {} {})", l, self.rng.range(3, 9)),
                    _ => "(builtins.tail [ ])".to_string(),
                }
            }
            6 => {
                let i = self.gen(&Int(1000), d);
                match self.rng.below(3) {
                    0 => format!("({} / 0)", i),
                    1 => format!("({} / 0.0)", i),
                    _ => format!("(builtins.div {} 0)", i),
                }
            }
            7 => {
                let i = self.gen(&Int(1000), d);
                match self.rng.below(3) {
                    0 => format!("(9223372036854775807 + {})", i),
                    1 => format!("({} * 9223372036854775807)", i),
                    _ => format!("((-9223372036854775807) - {})", i),
                }
            }
            8 => {
                let s = self.gen(&Str, d);
                format!("(builtins.substring (-{}) 1 {})", self.rng.range(1, 3), s)
            }
            9 => {
                let t = self.rand_ty(1);
                let r = self.rand_ty(0);
                let f = self.gen_fun(&t, &r, d);
                format!("(builtins.toJSON {})", f)
            }
            10 => {
                let t = self.rand_ty(1);
                let u = self.rand_ty(1);
                let a = self.gen(&t, d);
                let b = self.gen(&u, d);
                format!("({} < {})", a, b)
            }
            11 => {
                let t = self.rand_ty(1);
                let x = self.gen(&t, d);
                if self.rng.pct(50) {
                    format!("(toString {})", x)
                } else {
                    format!("\"a${{{}}}\"", x)
                }
            }
            12 => {
                // bad call of a pattern lambda
                let fs = self.rand_fields(0, true);
                let r = self.rand_ty(0);
                let f = self.fresh_var_name(&[]);
                let mark = self.env.len();
                let named = self.rng.pct(50);
                if named {
                    self.push(&f, Null, Kind::Blocked);
                }
                let (pat, body) = self.pattern_lambda_parts(&fs, &r, d);
                let mut arg = fs.clone();
                match self.rng.below(2) {
                    0 => {
                        let n = self.rng.pick(&["zz", "extra"]).to_string();
                        arg.push((n, Int(9)));
                    }
                    _ => {
                        arg.pop();
                    }
                }
                arg.sort_by(|a, b| a.0.cmp(&b.0));
                let e = self.gen(&Attrs(arg), d);
                self.env.truncate(mark);
                if named {
                    format!("(let {} = {}: {}; in {} {})", f, pat, body, f, e)
                } else {
                    format!("(({}: {}) {})", pat, body, e)
                }
            }
            13 => {
                let t = self.rand_ty(1);
                let x = self.gen(&t, d);
                let i = self.gen(&Int(9), d);
                format!("({} {})", x, i)
            }
            14 => {
                let (set, _) = self.attrs_source(d);
                format!("(builtins.getAttr \"zz\" {})", set)
            }
            _ => {
                let s = self.gen(&Str, d);
                format!("(builtins.replaceStrings [ \"a\" \"b\" ] [ \"c\" ] {})", s)
            }
        }
    }
}

fn isqrt(m: u64) -> u64 {
    let mut r = (m as f64).sqrt() as u64;
    while r * r > m {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= m {
        r += 1;
    }
    r
}

fn list_lit(es: &[String]) -> String {
    if es.is_empty() {
        "[ ]".to_string()
    } else {
        format!("[ {} ]", es.join(" "))
    }
}

fn set_lit(parts: &[String]) -> String {
    if parts.is_empty() {
        "{ }".to_string()
    } else {
        format!("{{ {} }}", parts.join(" "))
    }
}

/// Is the expression text an atom (safe to duplicate / use bare)?
fn is_atom(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '\'' || c == '-' || c == '.')
        || (s.starts_with('(') && s.ends_with(')') && !s[1..s.len() - 1].contains(['(', ')']))
}
