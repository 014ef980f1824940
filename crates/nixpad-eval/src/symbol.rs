//! Interned names: attribute names and identifiers compare as integers.

use std::cell::RefCell;
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// An interned string. Ordering is by interning order, not alphabetical.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Symbol(pub u32);

#[derive(Default)]
struct Interner {
    map: HashMap<Rc<str>, Symbol>,
    names: Vec<Rc<str>>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::default());
}

impl Symbol {
    /// Interns `name`.
    pub fn new(name: &str) -> Symbol {
        INTERNER.with(|i| {
            let mut i = i.borrow_mut();
            if let Some(s) = i.map.get(name) {
                return *s;
            }
            let rc: Rc<str> = Rc::from(name);
            let s = Symbol(i.names.len() as u32);
            i.names.push(rc.clone());
            i.map.insert(rc, s);
            s
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
