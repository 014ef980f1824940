//! Lowered files as bytes, for the host's lowered-file cache (see
//! [`crate::EvalIO::cached_lowering`]): a process that imports the same unchanged file
//! again reads its lowering back instead of parsing and lowering it.
//!
//! Layout: the SHA-256 of the rest, a magic and format number, the table of the names
//! the file uses, then the expression tree in prefix order (a tag byte per node; numbers
//! as LEB128 varints, signed ones zigzag-coded). Spans keep their offsets and take the
//! file id they are decoded for. Decoding checks every length, tag and index, and the
//! checksum, so a damaged entry is refused (`None`) and the file lowered afresh.

use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;
use sha2::{Digest, Sha256};

use crate::ir::{
    AssertExpr, AttrKey, AttrsDef, BinOp, BinOpExpr, DynamicAttr, Expr, Formal, HasAttrExpr,
    IfExpr, InterpExpr, InterpKind, InterpPart, LambdaDef, Param, Pattern, SelectExpr, StaticAttr,
};
use crate::source::{FileId, Span};
use crate::symbol::Symbol;
use crate::value::Value;

/// Identifies the format; bump it when the layout changes.
const MAGIC: &[u8; 8] = b"NXPLOW06";

/// Every binary operator, in the order their codes follow.
const BIN_OPS: [BinOp; 17] = [
    BinOp::Concat,
    BinOp::Update,
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::And,
    BinOp::Or,
    BinOp::Impl,
    BinOp::Eq,
    BinOp::NotEq,
    BinOp::Less,
    BinOp::LessEq,
    BinOp::Greater,
    BinOp::GreaterEq,
    BinOp::PipeRight,
    BinOp::PipeLeft,
];

/// Node tags.
mod tag {
    pub const INT: u8 = 0;
    pub const FLOAT: u8 = 1;
    pub const STRING: u8 = 2;
    pub const PATH: u8 = 3;
    pub const VAR: u8 = 4;
    pub const WITH_VAR: u8 = 5;
    pub const SELECT: u8 = 6;
    pub const HAS_ATTR: u8 = 7;
    pub const ATTRS: u8 = 8;
    pub const REC_ATTRS: u8 = 9;
    pub const LET: u8 = 10;
    pub const LIST: u8 = 11;
    pub const LAMBDA: u8 = 12;
    pub const APPLY: u8 = 13;
    pub const IF: u8 = 14;
    pub const ASSERT: u8 = 15;
    pub const WITH: u8 = 16;
    pub const BIN_OP: u8 = 17;
    pub const NOT: u8 = 18;
    pub const NEGATE: u8 = 19;
    pub const INTERPOLATE: u8 = 20;
    pub const SEARCH_PATH: u8 = 21;
    pub const CUR_POS: u8 = 22;
}

/// The bytes of a lowered file, or `None` if it holds a constant this format cannot
/// store (lowering makes none today). `interned` are the names its lowering interned, in
/// order (see [`Symbol::recording`]): decoding interns them in that order first.
pub fn encode(expr: &Expr, interned: &[Symbol]) -> Option<Vec<u8>> {
    let mut body = Encoder::default();
    for &name in interned {
        body.name_number(name);
    }
    body.expr(expr)?;
    let mut out = Vec::with_capacity(body.out.len() + 64);
    out.extend_from_slice(&[0; 32]);
    out.extend_from_slice(MAGIC);
    let mut table = Encoder::default();
    table.uint(body.names.len() as u64);
    for name in &body.names {
        name.with_name(|n| table.bytes(n.as_bytes()));
    }
    out.extend_from_slice(&table.out);
    out.extend_from_slice(&body.out);
    let sum = Sha256::digest(&out[32..]);
    out[..32].copy_from_slice(&sum);
    Some(out)
}

/// The lowered file `bytes` hold, with spans in `file`; `None` if they are damaged or
/// of another format.
pub fn decode(bytes: &[u8], file: FileId) -> Option<Rc<Expr>> {
    let (sum, rest) = bytes.split_at_checked(32)?;
    if Sha256::digest(rest).as_slice() != sum {
        return None;
    }
    let rest = rest.strip_prefix(MAGIC.as_slice())?;
    let mut d = Decoder {
        input: rest,
        names: Vec::new(),
        file,
        levels: Vec::new(),
    };
    let count = d.len()?;
    for _ in 0..count {
        let name = std::str::from_utf8(d.bytes()?).ok()?;
        d.names.push(Symbol::new(name));
    }
    let expr = d.expr()?;
    d.input.is_empty().then_some(expr)
}

/// Identifies an entry that also holds its file's text ([`with_text`]).
const TEXT_MAGIC: &[u8; 8] = b"NXPTXT01";

/// An entry holding a file's `text` and its lowering's bytes (from [`encode`]). The host
/// keeps these under a key made from the file's stamp, so a later process gets the text
/// and its lowering without reading the file. The checksum covers the text; the
/// lowering keeps its own.
pub fn with_text(text: &str, lowered: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(48 + text.len() + lowered.len());
    out.extend_from_slice(&[0; 32]);
    out.extend_from_slice(TEXT_MAGIC);
    out.extend_from_slice(&(text.len() as u64).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
    let sum = Sha256::digest(&out[32..]);
    out[..32].copy_from_slice(&sum);
    out.extend_from_slice(lowered);
    out
}

/// The text and the lowering's bytes of an entry made by [`with_text`]; `None` if it is
/// damaged or of another format.
pub fn split_text(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let (sum, rest) = bytes.split_at_checked(32)?;
    let rest = rest.strip_prefix(TEXT_MAGIC.as_slice())?;
    let (len, rest) = rest.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (text, lowered) = rest.split_at_checked(len)?;
    let covered = &bytes[32..bytes.len() - lowered.len()];
    if Sha256::digest(covered).as_slice() != sum {
        return None;
    }
    Some((std::str::from_utf8(text).ok()?, lowered))
}

#[derive(Default)]
struct Encoder {
    out: Vec<u8>,
    names: Vec<Symbol>,
    name_index: HashMap<Symbol, u32>,
}

impl Encoder {
    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn flag(&mut self, b: bool) {
        self.out.push(b as u8);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.out.extend_from_slice(b);
    }

    /// The number of `s` in the names table, added to it if it is new.
    fn name_number(&mut self, s: Symbol) -> u32 {
        let next = self.names.len() as u32;
        let index = *self.name_index.entry(s).or_insert(next);
        if index == next {
            self.names.push(s);
        }
        index
    }

    fn symbol(&mut self, s: Symbol) {
        let index = self.name_number(s);
        self.uint(u64::from(index));
    }

    /// A span of the file (its start plus one, then its length), or 0 for none
    /// ([`Span::NOWHERE`], a position Nix does not give).
    fn span(&mut self, span: Span) {
        if span == Span::NOWHERE {
            self.uint(0);
            return;
        }
        self.uint(u64::from(span.start) + 1);
        self.uint(u64::from(span.end - span.start));
    }

    fn exprs(&mut self, exprs: &[Rc<Expr>]) -> Option<()> {
        self.uint(exprs.len() as u64);
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn optional(&mut self, expr: &Option<Rc<Expr>>) -> Option<()> {
        self.flag(expr.is_some());
        expr.as_ref().map_or(Some(()), |e| self.expr(e))
    }

    fn path(&mut self, keys: &[AttrKey]) -> Option<()> {
        self.uint(keys.len() as u64);
        for key in keys {
            match key {
                AttrKey::Static(s) => {
                    self.flag(false);
                    self.symbol(*s);
                }
                AttrKey::Dynamic(e) => {
                    self.flag(true);
                    self.expr(e)?;
                }
            }
        }
        Some(())
    }

    fn attrs(&mut self, a: &AttrsDef) -> Option<()> {
        self.uint(a.statics.len() as u64);
        for s in &a.statics {
            self.symbol(s.name);
            self.flag(s.outer);
            self.span(s.span);
        }
        for s in &a.statics {
            self.expr(&s.value)?;
        }
        self.uint(a.dynamics.len() as u64);
        for d in &a.dynamics {
            self.expr(&d.name)?;
            self.expr(&d.value)?;
            self.span(d.span);
        }
        self.exprs(&a.inherit_sources)?;
        self.uint(a.overrides.map_or(0, |i| i as u64 + 1));
        Some(())
    }

    fn lambda(&mut self, l: &LambdaDef) -> Option<()> {
        self.flag(l.name.is_some());
        if let Some(name) = l.name {
            self.symbol(name);
        }
        match &l.param {
            Param::Ident(s) => {
                self.flag(false);
                self.symbol(*s);
            }
            Param::Pattern(p) => {
                self.flag(true);
                self.uint(p.formals.len() as u64);
                for f in &p.formals {
                    self.symbol(f.name);
                    self.optional(&f.default)?;
                    self.span(f.span);
                }
                self.flag(p.ellipsis);
                self.flag(p.at.is_some());
                if let Some(at) = p.at {
                    self.symbol(at);
                }
            }
        }
        self.expr(&l.body)?;
        self.span(l.span);
        Some(())
    }

    fn expr(&mut self, e: &Expr) -> Option<()> {
        match e {
            Expr::Const(v) => match v {
                Value::Int(n) => {
                    self.out.push(tag::INT);
                    self.int(*n);
                }
                Value::Float(f) => {
                    self.out.push(tag::FLOAT);
                    self.out.extend_from_slice(&f.to_bits().to_le_bytes());
                }
                Value::String(s) if s.context.is_none() => {
                    self.out.push(tag::STRING);
                    self.bytes(&s.bytes);
                }
                Value::Path(p) => {
                    self.out.push(tag::PATH);
                    self.bytes(p.as_bytes());
                }
                // `[ ]` (see `Expr::list`), decoded as the constant again.
                Value::List(l) if l.is_empty() => {
                    self.out.push(tag::LIST);
                    self.exprs(&[])?;
                }
                _ => return None,
            },
            Expr::Var { level, slot, span } => {
                self.out.push(tag::VAR);
                self.uint(u64::from(*level));
                self.uint(u64::from(*slot));
                self.span(*span);
            }
            Expr::WithVar { name, level, span } => {
                self.out.push(tag::WITH_VAR);
                self.symbol(*name);
                self.uint(u64::from(*level));
                self.span(*span);
            }
            Expr::Select(select) => {
                let SelectExpr {
                    expr,
                    path,
                    default,
                    span,
                    dynamic_shown,
                } = &**select;
                self.out.push(tag::SELECT);
                self.expr(expr)?;
                self.path(path)?;
                self.optional(default)?;
                self.span(*span);
                self.uint(dynamic_shown.len() as u64);
                for shown in dynamic_shown {
                    self.bytes(shown.as_bytes());
                }
            }
            Expr::HasAttr(has) => {
                let HasAttrExpr { expr, path } = &**has;
                self.out.push(tag::HAS_ATTR);
                self.expr(expr)?;
                self.path(path)?;
            }
            Expr::Attrs(a) => {
                self.out.push(tag::ATTRS);
                self.attrs(a)?;
            }
            Expr::RecAttrs(a) => {
                self.out.push(tag::REC_ATTRS);
                self.attrs(a)?;
            }
            Expr::Let { attrs, body } => {
                self.out.push(tag::LET);
                self.attrs(attrs)?;
                self.expr(body)?;
            }
            Expr::List(items) => {
                self.out.push(tag::LIST);
                self.exprs(items)?;
            }
            Expr::Lambda(l) => {
                self.out.push(tag::LAMBDA);
                self.lambda(l)?;
            }
            Expr::Apply { func, args, span } => {
                self.out.push(tag::APPLY);
                self.expr(func)?;
                self.exprs(args)?;
                self.span(*span);
            }
            Expr::If(branch) => {
                let IfExpr {
                    cond,
                    then,
                    else_,
                    span,
                } = &**branch;
                self.out.push(tag::IF);
                self.expr(cond)?;
                self.expr(then)?;
                self.expr(else_)?;
                self.span(*span);
            }
            Expr::Assert(assert) => {
                let AssertExpr {
                    cond,
                    body,
                    text,
                    span,
                } = &**assert;
                self.out.push(tag::ASSERT);
                self.expr(cond)?;
                self.expr(body)?;
                self.bytes(text.as_bytes());
                self.span(*span);
            }
            Expr::With {
                namespace,
                body,
                span,
            } => {
                self.out.push(tag::WITH);
                self.expr(namespace)?;
                self.expr(body)?;
                self.span(*span);
            }
            Expr::BinOp(b) => {
                self.out.push(tag::BIN_OP);
                let code = BIN_OPS.iter().position(|o| *o == b.op)?;
                self.out.push(code as u8);
                self.expr(&b.lhs)?;
                self.expr(&b.rhs)?;
                self.span(b.span);
                self.span(b.lhs_span);
                self.span(b.op_span);
            }
            Expr::Not { expr, span } => {
                self.out.push(tag::NOT);
                self.expr(expr)?;
                self.span(*span);
            }
            Expr::Negate { expr, span } => {
                self.out.push(tag::NEGATE);
                self.expr(expr)?;
                self.span(*span);
            }
            Expr::Interpolate(interp) => {
                let InterpExpr { parts, kind, span } = &**interp;
                self.out.push(tag::INTERPOLATE);
                self.flag(*kind == InterpKind::Path);
                self.uint(parts.len() as u64);
                for part in parts.iter() {
                    match part {
                        InterpPart::Lit(b) => {
                            self.flag(false);
                            self.bytes(b);
                        }
                        InterpPart::Expr(e, s) => {
                            self.flag(true);
                            self.expr(e)?;
                            self.span(*s);
                        }
                    }
                }
                self.span(*span);
            }
            Expr::SearchPath { name, span } => {
                self.out.push(tag::SEARCH_PATH);
                self.bytes(name.as_bytes());
                self.span(*span);
            }
            Expr::CurPos(span) => {
                self.out.push(tag::CUR_POS);
                self.span(*span);
            }
        }
        Some(())
    }
}

struct Decoder<'a> {
    input: &'a [u8],
    names: Vec<Symbol>,
    file: FileId,
    /// The environment levels around the node being decoded, innermost last: for a
    /// `rec` set's or `let`'s level, the new slot of each binding's old one.
    levels: Vec<Option<Rc<[u32]>>>,
}

impl<'a> Decoder<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.input.split_first()?;
        self.input = rest;
        Some(b)
    }

    fn uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    /// A count of items that each take at least one byte (so a damaged count cannot ask
    /// for a huge allocation).
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        (n <= self.input.len()).then_some(n)
    }

    fn int(&mut self) -> Option<i64> {
        let z = self.uint()?;
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        let (b, rest) = self.input.split_at_checked(n)?;
        self.input = rest;
        Some(b)
    }

    fn text(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    /// A count, then that many texts.
    fn texts(&mut self) -> Option<Box<[Box<str>]>> {
        let n = self.len()?;
        (0..n).map(|_| Some(self.text()?.into())).collect()
    }

    fn symbol(&mut self) -> Option<Symbol> {
        let i = usize::try_from(self.uint()?).ok()?;
        self.names.get(i).copied()
    }

    /// The slot a variable of level `level` (counted outward) has in this process.
    fn renumbered(&self, level: u32, slot: u32) -> Option<u32> {
        let level = usize::try_from(level).ok()?;
        let Some(index) = self.levels.len().checked_sub(level + 1) else {
            return Some(slot); // a global: globals are numbered alike everywhere
        };
        match &self.levels[index] {
            Some(slot_of) if (slot as usize) < slot_of.len() => Some(slot_of[slot as usize]),
            _ => Some(slot),
        }
    }

    fn span(&mut self) -> Option<Span> {
        let Some(start) = self.u32()?.checked_sub(1) else {
            return Some(Span::NOWHERE);
        };
        let end = start.checked_add(self.u32()?)?;
        Some(Span {
            file: self.file,
            start,
            end,
        })
    }

    fn exprs(&mut self) -> Option<Vec<Rc<Expr>>> {
        let n = self.len()?;
        (0..n).map(|_| self.expr()).collect()
    }

    fn optional(&mut self) -> Option<Option<Rc<Expr>>> {
        if self.flag()? {
            Some(Some(self.expr()?))
        } else {
            Some(None)
        }
    }

    fn path(&mut self) -> Option<Box<[AttrKey]>> {
        let n = self.len()?;
        (0..n)
            .map(|_| {
                Some(if self.flag()? {
                    AttrKey::Dynamic(self.expr()?)
                } else {
                    AttrKey::Static(self.symbol()?)
                })
            })
            .collect()
    }

    /// A set's or `let`'s bindings. Their order is the order of their names' symbols,
    /// which differs from process to process: they are sorted again, and with `level`
    /// (a `rec` set or `let`, whose slots follow that order) the level is entered with
    /// the slot renumbering, for the values, the dynamic attributes, the `inherit (e)`
    /// sources and `body`.
    fn attrs(&mut self, level: bool, body: bool) -> Option<(Box<AttrsDef>, Option<Rc<Expr>>)> {
        let n = self.len()?;
        let mut heads = Vec::with_capacity(n);
        for _ in 0..n {
            heads.push((self.symbol()?, self.flag()?, self.span()?));
        }
        let mut order: Vec<usize> = (0..n).collect();
        crate::sort::sort_by_key(&mut order, |&i| heads[i].0);
        let mut slot_of = vec![0u32; n];
        for (slot, &i) in order.iter().enumerate() {
            slot_of[i] = slot as u32;
        }
        if level {
            self.levels.push(Some(slot_of.clone().into()));
        }
        let result = self.bindings(&heads, level, body);
        if level {
            self.levels.pop();
        }
        let (values, dynamics, inherit_sources, overrides, body) = result?;
        let mut statics: Vec<Option<StaticAttr>> = heads
            .into_iter()
            .zip(values)
            .map(|((name, outer, span), value)| {
                Some(StaticAttr {
                    name,
                    value,
                    outer,
                    span,
                })
            })
            .collect();
        let statics = order
            .iter()
            .map(|&i| statics[i].take())
            .collect::<Option<Vec<_>>>()?;
        let overrides = overrides.map(|i| slot_of[i] as usize);
        let def = AttrsDef {
            statics,
            dynamics,
            inherit_sources,
            overrides,
        };
        Some((Box::new(def), body))
    }

    /// The parts of [`Decoder::attrs`] read inside the level (if any).
    #[allow(clippy::type_complexity)]
    fn bindings(
        &mut self,
        heads: &[(Symbol, bool, Span)],
        level: bool,
        body: bool,
    ) -> Option<(
        Vec<Rc<Expr>>,
        Vec<DynamicAttr>,
        Vec<Rc<Expr>>,
        Option<usize>,
        Option<Rc<Expr>>,
    )> {
        let mut values = Vec::with_capacity(heads.len());
        for &(_, outer, _) in heads {
            values.push(if outer && level {
                let own = self.levels.pop()?;
                let value = self.expr();
                self.levels.push(own);
                value?
            } else {
                self.expr()?
            });
        }
        let n = self.len()?;
        let mut dynamics = Vec::with_capacity(n);
        for _ in 0..n {
            dynamics.push(DynamicAttr {
                name: self.expr()?,
                value: self.expr()?,
                span: self.span()?,
            });
        }
        let inherit_sources = self.exprs()?;
        let overrides = match usize::try_from(self.uint()?).ok()? {
            0 => None,
            i if i <= heads.len() => Some(i - 1),
            _ => return None,
        };
        let body = if body { Some(self.expr()?) } else { None };
        Some((values, dynamics, inherit_sources, overrides, body))
    }

    fn lambda(&mut self) -> Option<Rc<LambdaDef>> {
        let name = if self.flag()? {
            Some(self.symbol()?)
        } else {
            None
        };
        self.levels.push(None);
        let lambda = self.lambda_in_level(name);
        self.levels.pop();
        lambda
    }

    fn lambda_in_level(&mut self, name: Option<Symbol>) -> Option<Rc<LambdaDef>> {
        let param = if self.flag()? {
            let n = self.len()?;
            let mut formals = Vec::with_capacity(n);
            for _ in 0..n {
                formals.push(Formal {
                    name: self.symbol()?,
                    default: self.optional()?,
                    span: self.span()?,
                });
            }
            let ellipsis = self.flag()?;
            let at = if self.flag()? {
                Some(self.symbol()?)
            } else {
                None
            };
            Param::Pattern(Box::new(Pattern {
                formals,
                ellipsis,
                at,
            }))
        } else {
            Param::Ident(self.symbol()?)
        };
        let body = self.expr()?;
        Some(Rc::new(LambdaDef::new(name, param, body, self.span()?)))
    }

    fn expr(&mut self) -> Option<Rc<Expr>> {
        let e = match self.byte()? {
            tag::INT => Expr::Const(Value::Int(self.int()?)),
            tag::FLOAT => {
                let (b, rest) = self.input.split_first_chunk::<8>()?;
                self.input = rest;
                Expr::Const(Value::Float(f64::from_bits(u64::from_le_bytes(*b))))
            }
            tag::STRING => Expr::Const(Value::string(self.bytes()?)),
            tag::PATH => Expr::Const(Value::Path(Rc::new(self.text()?.to_string()))),
            tag::VAR => {
                let level = self.u32()?;
                let slot = self.u32()?;
                Expr::Var {
                    level,
                    slot: self.renumbered(level, slot)?,
                    span: self.span()?,
                }
            }
            tag::WITH_VAR => Expr::WithVar {
                name: self.symbol()?,
                level: self.u32()?,
                span: self.span()?,
            },
            tag::SELECT => Expr::Select(Rc::new(SelectExpr {
                expr: self.expr()?,
                path: self.path()?,
                default: self.optional()?,
                span: self.span()?,
                dynamic_shown: self.texts()?,
            })),
            tag::HAS_ATTR => Expr::HasAttr(Rc::new(HasAttrExpr {
                expr: self.expr()?,
                path: self.path()?,
            })),
            tag::ATTRS => Expr::Attrs(self.attrs(false, false)?.0),
            tag::REC_ATTRS => Expr::RecAttrs(self.attrs(true, false)?.0),
            tag::LET => {
                let (attrs, body) = self.attrs(true, true)?;
                Expr::Let { attrs, body: body? }
            }
            tag::LIST => Expr::list(self.exprs()?),
            tag::LAMBDA => Expr::Lambda(self.lambda()?),
            tag::APPLY => Expr::Apply {
                func: self.expr()?,
                args: self.exprs()?.into(),
                span: self.span()?,
            },
            tag::IF => Expr::If(Rc::new(IfExpr {
                cond: self.expr()?,
                then: self.expr()?,
                else_: self.expr()?,
                span: self.span()?,
            })),
            tag::ASSERT => Expr::Assert(Rc::new(AssertExpr {
                cond: self.expr()?,
                body: self.expr()?,
                text: self.text()?.into(),
                span: self.span()?,
            })),
            tag::WITH => {
                let namespace = self.expr()?;
                self.levels.push(None);
                let body = self.expr();
                self.levels.pop();
                Expr::With {
                    namespace,
                    body: body?,
                    span: self.span()?,
                }
            }
            tag::BIN_OP => Expr::BinOp(Rc::new(BinOpExpr {
                op: *BIN_OPS.get(usize::from(self.byte()?))?,
                lhs: self.expr()?,
                rhs: self.expr()?,
                span: self.span()?,
                lhs_span: self.span()?,
                op_span: self.span()?,
            })),
            tag::NOT => Expr::Not {
                expr: self.expr()?,
                span: self.span()?,
            },
            tag::NEGATE => Expr::Negate {
                expr: self.expr()?,
                span: self.span()?,
            },
            tag::INTERPOLATE => {
                let kind = if self.flag()? {
                    InterpKind::Path
                } else {
                    InterpKind::String
                };
                let n = self.len()?;
                let mut parts = Vec::with_capacity(n);
                for _ in 0..n {
                    parts.push(if self.flag()? {
                        InterpPart::Expr(self.expr()?, self.span()?)
                    } else {
                        InterpPart::Lit(self.bytes()?.into())
                    });
                }
                Expr::Interpolate(Rc::new(InterpExpr {
                    parts: parts.into(),
                    kind,
                    span: self.span()?,
                }))
            }
            tag::SEARCH_PATH => Expr::SearchPath {
                name: self.text()?.into(),
                span: self.span()?,
            },
            tag::CUR_POS => Expr::CurPos(self.span()?),
            _ => return None,
        };
        Some(Rc::new(e))
    }
}
