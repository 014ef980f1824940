//! `builtins.toXML`: the value as Nix's XML, forced as it is written, with the string
//! contexts of everything written.
//!
//! Shape (as Nix 2.26 prints it): two-space indentation, `<expr>` around the value,
//! `<attrs>`/`<attr name="...">` (names sorted), `<list>`, `<string value="..."/>`,
//! `<int>`, `<float>` (printed like `%g`), `<bool>`, `<null />`, `<path>`, `<function>`
//! with its pattern, `<unevaluated />` for builtins, and `<derivation drvPath outPath>`
//! for derivations (each derivation's attributes only the first time: then `<repeated />`).

use std::collections::HashSet;

use crate::error::{Error, EvalResult};
use crate::machine::Machine;
use crate::primop::Args;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::merge_context;
use crate::value::*;

/// How deep values may nest in `toXML`. The walk keeps its work on the heap, so this is
/// no stack limit: Nix goes deeper, but the document grows with the square of the depth
/// (about 200 MB at this one), and a value that contains itself must end somewhere.
const MAX_DEPTH: usize = 10_000;

/// One step of the XML walk, kept on a heap stack so that deep values do not recurse.
enum XmlWork {
    /// Write this value's element at this depth (forcing the value).
    Value(Value, usize),
    /// Open the element of this attribute of a set, at this depth.
    Attr(Attr, usize),
    /// Close the innermost open element, at this depth.
    Close(usize),
}

/// Escapes text for an attribute value.
fn escape(out: &mut Vec<u8>, s: &[u8]) {
    for &c in s {
        match c {
            b'"' => out.extend_from_slice(b"&quot;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'\n' => out.extend_from_slice(b"&#xA;"),
            c => out.push(c),
        }
    }
}

struct XmlWriter {
    out: Vec<u8>,
    /// The elements open, outermost first.
    open: Vec<&'static str>,
    ctx: Context,
    drvs_seen: HashSet<Vec<u8>>,
    span: Span,
    /// `nix-instantiate --eval --xml`: attributes and functions carry `line`/`column`.
    positions: bool,
    /// Without `--strict`: what was never evaluated prints as `<unevaluated />`.
    lazy: bool,
}

impl XmlWriter {
    fn indent(&mut self, depth: usize) {
        self.out.extend(std::iter::repeat_n(b' ', 2 * depth));
    }

    /// `<tag a="v" ... />` (or an opening tag when `open`).
    fn tag(&mut self, depth: usize, name: &'static str, attrs: &[(&str, &[u8])], open: bool) {
        self.indent(depth);
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        for (k, v) in attrs {
            self.out.push(b' ');
            self.out.extend_from_slice(k.as_bytes());
            self.out.extend_from_slice(b"=\"");
            escape(&mut self.out, v);
            self.out.push(b'"');
        }
        self.out
            .extend_from_slice(if open { b">\n" } else { b" />\n" });
        if open {
            self.open.push(name);
        }
    }

    fn close(&mut self, depth: usize, name: &str) {
        self.open.pop();
        self.indent(depth);
        self.out
            .extend_from_slice(format!("</{name}>\n").as_bytes());
    }

    fn string_attr(&mut self, m: &mut Machine, v: Option<&Value>) -> EvalResult<Option<Vec<u8>>> {
        let Some(v) = v else { return Ok(None) };
        // Without `--strict`, Nix reads it only if something evaluated it already.
        if let (true, Value::Thunk(t)) = (self.lazy, v) {
            if !t.is_evaluated() {
                return Ok(None);
            }
        }
        match m.force(v, Some(self.span))? {
            Value::String(s) => {
                merge_context(&mut self.ctx, &s.context);
                Ok(Some(s.bytes.to_vec()))
            }
            _ => Ok(None),
        }
    }

    /// `column` and `line` attributes for a position, when positions are shown.
    fn position(&self, m: &Machine, pos: Option<Span>) -> Vec<(&'static str, Vec<u8>)> {
        match pos {
            Some(pos) if self.positions && pos.file.0 != 0 => {
                let lc = m.sources.line_col(pos.file, pos.start);
                let mut attrs = vec![
                    ("column", lc.col.to_string().into_bytes()),
                    ("line", lc.line.to_string().into_bytes()),
                ];
                // A position in a file also names the file.
                if let crate::source::Origin::File(path) = &m.sources.get(pos.file).origin {
                    attrs.push(("path", crate::corepkgs::as_string(path).as_bytes().to_vec()));
                }
                attrs
            }
            _ => Vec::new(),
        }
    }

    /// Writes `v` (nested `depth` deep), walking it with a heap stack of [`XmlWork`].
    fn value(&mut self, m: &mut Machine, v: &Value, depth: usize) -> EvalResult<()> {
        let mut work = vec![XmlWork::Value(v.clone(), depth)];
        while let Some(step) = work.pop() {
            match step {
                XmlWork::Close(depth) => {
                    let name = self.open.last().copied().unwrap_or("expr");
                    self.close(depth, name);
                }
                XmlWork::Attr(attr, depth) => {
                    let name = attr.name.to_bytes();
                    let pos = self.position(m, attr.pos);
                    let mut tag_attrs: Vec<(&str, &[u8])> =
                        pos.iter().map(|(k, v)| (*k, v.as_slice())).collect();
                    tag_attrs.push(("name", &name));
                    crate::sort::sort_by_key(&mut tag_attrs, |(k, _)| *k);
                    self.tag(depth, "attr", &tag_attrs, true);
                    work.push(XmlWork::Close(depth));
                    work.push(XmlWork::Value(attr.value, depth + 1));
                }
                XmlWork::Value(v, depth) => self.element(m, &v, depth, &mut work)?,
            }
        }
        Ok(())
    }

    /// Pushes the attributes of set `a` (elements at `depth`), to be written in order.
    fn push_attrs(work: &mut Vec<XmlWork>, a: &Attrs, depth: usize) {
        for attr in a.sorted_by_name().into_iter().rev() {
            work.push(XmlWork::Attr(attr.clone(), depth));
        }
    }

    /// Writes the element of value `v` at `depth`, or opens it and pushes what goes
    /// inside (and its closing) onto `work`.
    fn element(
        &mut self,
        m: &mut Machine,
        v: &Value,
        depth: usize,
        work: &mut Vec<XmlWork>,
    ) -> EvalResult<()> {
        if depth > MAX_DEPTH {
            return Err(Error::stack_exhausted());
        }
        if self.lazy {
            if let Value::Thunk(t) = v {
                if !t.is_evaluated() {
                    self.tag(depth, "unevaluated", &[], false);
                    return Ok(());
                }
            }
        }
        let v = m.force(v, Some(self.span))?;
        match &v {
            Value::Null => self.tag(depth, "null", &[], false),
            Value::Bool(b) => self.tag(
                depth,
                "bool",
                &[("value", if *b { b"true" } else { b"false" })],
                false,
            ),
            Value::Int(i) => self.tag(depth, "int", &[("value", i.to_string().as_bytes())], false),
            Value::Float(f) => self.tag(
                depth,
                "float",
                &[("value", crate::float::format_float(*f).as_bytes())],
                false,
            ),
            Value::String(s) => {
                merge_context(&mut self.ctx, &s.context);
                self.tag(depth, "string", &[("value", &s.bytes)], false)
            }
            Value::Path(p) => self.tag(depth, "path", &[("value", p.as_bytes())], false),
            Value::List(items) => {
                self.tag(depth, "list", &[], true);
                work.push(XmlWork::Close(depth));
                for item in items.iter().rev() {
                    work.push(XmlWork::Value(item.clone(), depth + 1));
                }
            }
            Value::Attrs(a) => {
                if m.is_derivation(a)? {
                    let drv_path = self.string_attr(m, a.get(Symbol::new("drvPath")))?;
                    let out_path = self.string_attr(m, a.get(Symbol::new("outPath")))?;
                    let mut attrs: Vec<(&str, &[u8])> = Vec::new();
                    if let Some(d) = &drv_path {
                        attrs.push(("drvPath", d));
                    }
                    if let Some(o) = &out_path {
                        attrs.push(("outPath", o));
                    }
                    self.tag(depth, "derivation", &attrs, true);
                    work.push(XmlWork::Close(depth));
                    match drv_path {
                        Some(d) if self.drvs_seen.insert(d.clone()) => {
                            Self::push_attrs(work, a, depth + 1)
                        }
                        _ => self.tag(depth + 1, "repeated", &[], false),
                    }
                } else {
                    self.tag(depth, "attrs", &[], true);
                    work.push(XmlWork::Close(depth));
                    Self::push_attrs(work, a, depth + 1);
                }
            }
            Value::Lambda(c) => {
                let pos = self.position(m, Some(c.def.span));
                let tag_attrs: Vec<(&str, &[u8])> =
                    pos.iter().map(|(k, v)| (*k, v.as_slice())).collect();
                self.tag(depth, "function", &tag_attrs, true);
                match &c.def.param {
                    crate::ir::Param::Ident(name) => self.tag(
                        depth + 1,
                        "varpat",
                        &[("name", name.name().as_bytes())],
                        false,
                    ),
                    crate::ir::Param::Pattern(p) => {
                        let at = p.at.map(|s| s.name());
                        let mut attrs: Vec<(&str, &[u8])> = Vec::new();
                        if p.ellipsis {
                            attrs.push(("ellipsis", b"1"));
                        }
                        if let Some(at) = &at {
                            attrs.push(("name", at.as_bytes()));
                        }
                        self.tag(depth + 1, "attrspat", &attrs, true);
                        let mut names: Vec<std::rc::Rc<str>> =
                            p.formals.iter().map(|f| f.name.name()).collect();
                        crate::sort::sort_by(&mut names, |a, b| a.as_bytes().cmp(b.as_bytes()));
                        for n in names {
                            self.tag(depth + 2, "attr", &[("name", n.as_bytes())], false);
                        }
                        self.close(depth + 1, "attrspat");
                    }
                }
                self.close(depth, "function");
            }
            Value::PrimOp(_) | Value::Thunk(_) => self.tag(depth, "unevaluated", &[], false),
        }
        Ok(())
    }
}

/// `builtins.toXML v`
pub fn prim_to_xml(m: &mut Machine, args: Args, span: Span) -> EvalResult<Value> {
    let (out, ctx) = write_xml(m, &args[0], span, false, false)?;
    Ok(Value::string_with_context(out, ctx))
}

/// The XML document for a value: `builtins.toXML` (no positions, forcing everything), or
/// `nix-instantiate --eval --xml` (with positions; `lazy` without `--strict`).
pub fn write_xml(
    m: &mut Machine,
    v: &Value,
    span: Span,
    positions: bool,
    lazy: bool,
) -> EvalResult<(Vec<u8>, Context)> {
    let (out, ctx, result) = xml_document(m, v, span, positions, lazy);
    result.map(|()| (out, ctx))
}

/// [`write_xml`] as Nix writes it to a stream: each value is forced when its element is
/// reached, and an error ends the document there, with every element still open closed.
pub fn xml_document(
    m: &mut Machine,
    v: &Value,
    span: Span,
    positions: bool,
    lazy: bool,
) -> (Vec<u8>, Context, EvalResult<()>) {
    let mut w = XmlWriter {
        out: Vec::new(),
        open: Vec::new(),
        ctx: None,
        drvs_seen: HashSet::new(),
        span,
        positions,
        lazy,
    };
    w.out
        .extend_from_slice(b"<?xml version='1.0' encoding='utf-8'?>\n");
    w.tag(0, "expr", &[], true);
    let result = w.value(m, v, 1);
    while let Some(&name) = w.open.last() {
        w.close(w.open.len() - 1, name);
    }
    (w.out, w.ctx, result)
}
