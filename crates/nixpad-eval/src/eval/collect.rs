//! The cycle collector: values are reference counted, and a `rec` set, a `let`, a fixed
//! point or a function's default arguments make reference cycles that counting alone never
//! frees. This finds the cycles nothing outside them uses any more and breaks them.
//!
//! Which objects to look at: an object's references are set when it is made, to older
//! objects, except where the machine fills them in later — a `rec`/`let` level's slots, a
//! pattern function's level (defaults refer to it), a thunk's value, and the `builtins`
//! set's self-references. A cycle needs a reference to a newer object, so every cycle
//! goes through one of those, and the machine tracks them as it makes them ([`Collector::
//! track_env`], [`Collector::track_thunk`]).
//!
//! How (trial deletion, as CPython's collector does): take the tracked objects and
//! everything they reach; give each its reference count minus the references from inside
//! that graph. One with references left is used from outside (the host, the machine's
//! stack, a cache): it and what it reaches live. The tracked objects left over are garbage:
//! their slots or thunk states are emptied, which breaks the cycles and lets counting free
//! the rest. An object whose `RefCell` is borrowed at that moment counts as used from
//! outside. Collection runs between evaluations (at the evaluator's entry points, once the
//! objects tracked since the last run outnumber the survivors) and when an evaluator is
//! dropped.

use rustc_hash::FxHashMap as HashMap;
use std::rc::{Rc, Weak};

use crate::value::{Attrs, Closure, EnvFrame, List, PrimOpApp, Thunk, ThunkState, Value};

/// Collections run only once this many objects are tracked (fewer cost more than they free).
const MIN_TRACKED: usize = 4096;

/// The objects whose references were filled in after they were made.
pub struct Collector {
    envs: Vec<Weak<EnvFrame>>,
    thunks: Vec<Weak<Thunk>>,
    /// Collect when this many objects are tracked.
    threshold: usize,
    /// Forget the freed objects when this many are tracked (a `Weak` keeps the
    /// allocation of a freed object until it is dropped).
    compact_at: usize,
}

impl Default for Collector {
    fn default() -> Collector {
        Collector {
            envs: Vec::new(),
            thunks: Vec::new(),
            threshold: MIN_TRACKED,
            compact_at: MIN_TRACKED,
        }
    }
}

/// One object of the graph.
#[derive(Clone)]
enum Node {
    Env(Rc<EnvFrame>),
    Thunk(Rc<Thunk>),
    List(Rc<List>),
    Attrs(Rc<Attrs>),
    Closure(Rc<Closure>),
    PrimOp(Rc<PrimOpApp>),
}

struct Entry {
    node: Node,
    /// Its reference count minus the references from inside the graph (`isize::MAX`: in
    /// use, its `RefCell` was borrowed).
    outside: isize,
    tracked: bool,
    live: bool,
}

/// The graph of the tracked objects and what they reach, by allocation address.
#[derive(Default)]
struct Graph {
    entries: Vec<Entry>,
    index: HashMap<usize, usize>,
}

/// An allocation's address, which identifies an object in the graph.
fn address<T>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const u8 as usize
}

impl Graph {
    /// The entry of the object `rc` holds, added if new with its reference count less
    /// `ours` (references this collection holds).
    fn add<T>(&mut self, rc: &Rc<T>, ours: usize, node: impl FnOnce() -> Node) -> usize {
        let address = address(rc);
        if let Some(&i) = self.index.get(&address) {
            return i;
        }
        let i = self.entries.len();
        self.entries.push(Entry {
            outside: (Rc::strong_count(rc) - ours) as isize,
            node: node(),
            tracked: false,
            live: false,
        });
        self.index.insert(address, i);
        i
    }

    /// The entry of the object `v` holds, if it is one the graph follows.
    fn add_value(&mut self, v: &Value) -> Option<usize> {
        Some(match v {
            Value::Thunk(t) => self.add(t, 0, || Node::Thunk(t.clone())),
            Value::List(l) => self.add(l, 0, || Node::List(l.clone())),
            Value::Attrs(a) => self.add(a, 0, || Node::Attrs(a.clone())),
            Value::Lambda(c) => self.add(c, 0, || Node::Closure(c.clone())),
            Value::PrimOp(p) => self.add(p, 0, || Node::PrimOp(p.clone())),
            _ => return None,
        })
    }

    fn add_env(&mut self, env: &Rc<EnvFrame>) -> usize {
        self.add(env, 0, || Node::Env(env.clone()))
    }

    /// Calls `each` with the entry of every object entry `i` refers to (adding new ones);
    /// `false` if its `RefCell` is borrowed (nothing is visited).
    fn children(&mut self, i: usize, each: &mut impl FnMut(&mut Graph, usize)) -> bool {
        let node = self.entries[i].node.clone();
        let mut value = |g: &mut Graph, v: &Value| {
            if let Some(j) = g.add_value(v) {
                each(g, j);
            }
        };
        match &node {
            Node::Env(e) => {
                let Ok(values) = e.values.try_borrow() else {
                    return false;
                };
                for v in values.iter() {
                    value(self, v);
                }
                if let Some(parent) = &e.parent {
                    let j = self.add_env(parent);
                    each(self, j);
                }
            }
            Node::Thunk(t) => {
                let Ok(state) = t.0.try_borrow() else {
                    return false;
                };
                match &*state {
                    ThunkState::Expr(_, env) => {
                        let j = self.add_env(env);
                        each(self, j);
                    }
                    ThunkState::Apply(call) => {
                        value(self, &call.0);
                        for v in call.1.iter() {
                            value(self, v);
                        }
                    }
                    ThunkState::Done(v) | ThunkState::Eager(v) => value(self, v),
                    ThunkState::Blackhole => {}
                }
            }
            Node::List(l) => l.iter().for_each(|v| value(self, v)),
            Node::Attrs(a) => a.entries.iter().for_each(|a| value(self, &a.value)),
            Node::Closure(c) => {
                let j = self.add_env(&c.env);
                each(self, j);
            }
            Node::PrimOp(p) => p.args.iter().for_each(|v| value(self, v)),
        }
        true
    }
}

impl Collector {
    /// Tracks a level whose slots are filled after it is made.
    #[inline]
    pub fn track_env(&mut self, env: &Rc<EnvFrame>) {
        self.envs.push(Rc::downgrade(env));
        self.compact_if_full();
    }

    /// Tracks a thunk that was given a value that may refer to it.
    #[inline]
    pub fn track_thunk(&mut self, thunk: &Rc<Thunk>) {
        self.thunks.push(Rc::downgrade(thunk));
        self.compact_if_full();
    }

    /// During a long evaluation (collections run only between evaluations), forgets the
    /// tracked objects reference counting already freed, so that their memory goes back.
    #[inline]
    fn compact_if_full(&mut self) {
        if self.tracked() >= self.compact_at {
            self.envs.retain(|w| w.strong_count() > 0);
            self.thunks.retain(|w| w.strong_count() > 0);
            self.compact_at = MIN_TRACKED.max(2 * self.tracked());
        }
    }

    /// How many objects are tracked (freed ones included until the next collection).
    pub fn tracked(&self) -> usize {
        self.envs.len() + self.thunks.len()
    }

    /// Collects if enough objects were tracked since the last collection.
    pub fn collect_if_due(&mut self) {
        if self.tracked() >= self.threshold {
            self.collect();
        }
    }

    /// Breaks every cycle nothing outside uses; returns how many tracked objects were
    /// garbage.
    pub fn collect(&mut self) -> usize {
        let mut graph = Graph::default();
        // The tracked objects still alive (the upgrade's own reference is not counted).
        for weak in std::mem::take(&mut self.envs) {
            if let Some(env) = weak.upgrade() {
                let i = graph.add(&env, 1, || Node::Env(env.clone()));
                graph.entries[i].tracked = true;
            }
        }
        for weak in std::mem::take(&mut self.thunks) {
            if let Some(thunk) = weak.upgrade() {
                let i = graph.add(&thunk, 1, || Node::Thunk(thunk.clone()));
                graph.entries[i].tracked = true;
            }
        }
        // Every reference from inside the graph is not one from outside.
        let mut next = 0;
        while next < graph.entries.len() {
            let complete = graph.children(next, &mut |g, j| g.entries[j].outside -= 1);
            if !complete {
                graph.entries[next].outside = isize::MAX;
            }
            next += 1;
        }
        // What is used from outside lives, and so does what it reaches.
        let mut stack: Vec<usize> = (0..graph.entries.len())
            .filter(|&i| graph.entries[i].outside > 0)
            .collect();
        for &i in &stack {
            graph.entries[i].live = true;
        }
        while let Some(i) = stack.pop() {
            graph.children(i, &mut |g, j| {
                if !g.entries[j].live {
                    g.entries[j].live = true;
                    stack.push(j);
                }
            });
        }
        // The tracked garbage is emptied; the survivors stay tracked.
        let mut garbage = Vec::new();
        let mut freed = 0;
        for entry in &graph.entries {
            if !entry.tracked {
                continue;
            }
            match (&entry.node, entry.live) {
                (Node::Env(e), true) => self.envs.push(Rc::downgrade(e)),
                (Node::Thunk(t), true) => self.thunks.push(Rc::downgrade(t)),
                (Node::Env(e), false) => {
                    freed += 1;
                    garbage.extend(std::mem::take(&mut *e.values.borrow_mut()));
                }
                (Node::Thunk(t), false) => {
                    freed += 1;
                    let state = std::mem::replace(&mut *t.0.borrow_mut(), ThunkState::Blackhole);
                    if let ThunkState::Done(v) | ThunkState::Eager(v) = state {
                        garbage.push(v);
                    }
                }
                _ => {}
            }
        }
        drop(graph);
        drop(garbage);
        self.threshold = MIN_TRACKED.max(2 * self.tracked());
        self.compact_at = self.threshold;
        freed
    }
}
