//! Interned names: attribute names and identifiers compare as integers.

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// Where the private-use characters standing for raw (non-UTF-8) bytes start.
const RAW_BYTE_BASE: u32 = 0x10FF00;

/// An interned string. Ordering is by interning order, not alphabetical.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Symbol(pub u32);

#[derive(Default)]
struct Interner {
    map: HashMap<Rc<str>, Symbol>,
    names: Vec<Rc<str>>,
    /// While [`Symbol::recording`] runs: every name interned, in order.
    recorded: Option<Vec<Symbol>>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::default());
}

impl Symbol {
    /// Interns `name`.
    pub fn new(name: &str) -> Symbol {
        INTERNER.with(|i| {
            let mut i = i.borrow_mut();
            let s = match i.map.get(name) {
                Some(s) => *s,
                None => {
                    let rc: Rc<str> = Rc::from(name);
                    let s = Symbol(i.names.len() as u32);
                    i.names.push(rc.clone());
                    i.map.insert(rc, s);
                    s
                }
            };
            if let Some(recorded) = &mut i.recorded {
                recorded.push(s);
            }
            s
        })
    }

    /// Runs `f`, returning with its result the names it interned (new or not), each once,
    /// in the order it first interned them. Interning them again in that order, as a
    /// cached lowering is decoded, leaves the symbols in the order `f` would: Nix's
    /// `--strict` forces a set's attributes in that order.
    pub fn recording<R>(f: impl FnOnce() -> R) -> (R, Vec<Symbol>) {
        let outer = INTERNER.with(|i| i.borrow_mut().recorded.replace(Vec::new()));
        let result = f();
        let recorded = INTERNER.with(|i| {
            let mut i = i.borrow_mut();
            let mine = i.recorded.take().unwrap_or_default();
            if let Some(mut outer) = outer {
                outer.extend_from_slice(&mine);
                i.recorded = Some(outer);
            }
            mine
        });
        let mut seen = std::collections::HashSet::new();
        let first_uses = recorded.into_iter().filter(|s| seen.insert(*s)).collect();
        (result, first_uses)
    }

    /// Interns a name given as bytes. Nix names are byte strings: bytes that are not
    /// UTF-8 are kept, each as a private-use character (U+10FF00 + byte), so that
    /// [`Symbol::to_bytes`] gives them back unchanged.
    pub fn from_bytes(bytes: &[u8]) -> Symbol {
        match std::str::from_utf8(bytes) {
            Ok(s) => Symbol::new(s),
            Err(_) => {
                let mut text = String::with_capacity(bytes.len() + 8);
                for chunk in bytes.utf8_chunks() {
                    text.push_str(chunk.valid());
                    for &b in chunk.invalid() {
                        text.push(
                            char::from_u32(RAW_BYTE_BASE + u32::from(b))
                                .expect("a private-use character"),
                        );
                    }
                }
                Symbol::new(&text)
            }
        }
    }

    /// The name's bytes (undoing [`Symbol::from_bytes`]'s encoding of non-UTF-8 bytes).
    pub fn to_bytes(self) -> Vec<u8> {
        self.with_name(|n| {
            if !n.chars().any(|c| c as u32 >= RAW_BYTE_BASE) {
                return n.as_bytes().to_vec();
            }
            let mut out = Vec::with_capacity(n.len());
            for c in n.chars() {
                if c as u32 >= RAW_BYTE_BASE {
                    out.push((c as u32 - RAW_BYTE_BASE) as u8);
                } else {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
            out
        })
    }

    /// The interned text.
    pub fn name(self) -> Rc<str> {
        INTERNER.with(|i| i.borrow().names[self.0 as usize].clone())
    }

    /// Calls `f` with the interned text without cloning it.
    pub fn with_name<R>(self, f: impl FnOnce(&str) -> R) -> R {
        INTERNER.with(|i| f(&i.borrow().names[self.0 as usize]))
    }
}

impl std::fmt::Display for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_name(|n| f.write_str(n))
    }
}
