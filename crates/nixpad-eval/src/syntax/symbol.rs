//! Interned names: attribute names and identifiers compare as integers.

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// Where the private-use characters standing for raw (non-UTF-8) bytes start.
const RAW_BYTE_BASE: u32 = 0x10FF00;

/// An interned string. Ordering is by interning order, not alphabetical.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Symbol(pub u32);

/// An interned text as the interner's key, looked up by its bytes: a name given as bytes
/// that are UTF-8 is found without checking them first ([`Symbol::from_bytes`]).
#[derive(PartialEq, Eq)]
struct Key(Rc<str>);

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As `[u8]` hashes, so that `Borrow<[u8]>` finds it.
        self.0.as_bytes().hash(state);
    }
}

impl std::borrow::Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

#[derive(Default)]
struct Interner {
    map: HashMap<Key, Symbol>,
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
        Symbol::find(name.as_bytes()).unwrap_or_else(|| Symbol::add(name))
    }

    /// The symbol of a text interned already, found by its bytes.
    fn find(bytes: &[u8]) -> Option<Symbol> {
        INTERNER.with(|i| {
            let mut i = i.borrow_mut();
            let s = *i.map.get(bytes)?;
            if let Some(recorded) = &mut i.recorded {
                recorded.push(s);
            }
            Some(s)
        })
    }

    /// Interns a text not interned yet.
    fn add(name: &str) -> Symbol {
        INTERNER.with(|i| {
            let mut i = i.borrow_mut();
            let rc: Rc<str> = Rc::from(name);
            let s = Symbol(i.names.len() as u32);
            i.names.push(rc.clone());
            i.map.insert(Key(rc), s);
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
        // Every key is UTF-8: bytes found among them are UTF-8 and mean that text.
        if let Some(s) = Symbol::find(bytes) {
            return s;
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => Symbol::add(s),
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
            // Characters from U+100000 on (raw bytes among them) begin with byte 0xF4.
            if !n.as_bytes().contains(&0xF4) {
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

#[cfg(test)]
mod tests {
    use super::Symbol;

    #[test]
    fn names_given_as_bytes_are_the_names_given_as_text() {
        let text = Symbol::new("fooBar-interned-first");
        assert_eq!(Symbol::from_bytes(b"fooBar-interned-first"), text);
        let bytes = Symbol::from_bytes("née-interned-second".as_bytes());
        assert_eq!(Symbol::new("née-interned-second"), bytes);
        assert_eq!(bytes.to_bytes(), "née-interned-second".as_bytes());
        assert_ne!(Symbol::from_bytes(b"fooBar-interned-firs"), text);
    }

    #[test]
    fn raw_bytes_come_back_unchanged_and_differ_from_text() {
        let raw: &[u8] = b"a\xff\xc3b";
        let sym = Symbol::from_bytes(raw);
        assert_eq!(sym.to_bytes(), raw);
        assert_eq!(Symbol::from_bytes(raw), sym);
        assert_ne!(Symbol::from_bytes(b"a\xc3\xbfb"), sym);
        // A character from U+100000 on that is not a raw byte is kept as it is.
        let high = Symbol::new("x\u{100001}y");
        assert_eq!(high.to_bytes(), "x\u{100001}y".as_bytes());
    }
}
