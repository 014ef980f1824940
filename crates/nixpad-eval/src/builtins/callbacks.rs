//! Builtins that call a Nix function once per list element (`foldl'`, `filter`, `any`,
//! `all`, `concatMap`, `partition`, `groupBy`) or per comparison (`sort`). Each returns a
//! [`ListCalls`], a [`CallLoop`]: the machine makes every call as frames on its heap and
//! feeds the result back to [`CallLoop::advance`], so nesting through these builtins (a
//! callback that folds again) never deepens the native stack.

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::builtins::Args;
use crate::builtins::{attrs_of, want_bool, want_list, want_string_no_ctx};
use crate::error::EvalResult;
use crate::machine::{evaluated_lambda_span, Machine};
use crate::primop::{CallLoop, LoopStep};
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::*;

/// One of these builtins in progress: the function, the list, and what has been gathered.
pub struct ListCalls {
    f: Value,
    items: Rc<List>,
    /// The element whose call (or forcing) is outstanding, or the next one.
    index: usize,
    span: Span,
    gather: Gather,
}

/// What a builtin gathers from its calls.
enum Gather {
    /// `foldl'`: the accumulator.
    Fold(Value),
    /// `filter`: the elements kept.
    Filter(Vec<Value>),
    /// `any` (`stop_on` true) and `all` (false); `returned` is the frame of an error in
    /// what the function returns.
    AnyAll {
        stop_on: bool,
        returned: &'static str,
    },
    /// `concatMap`: the concatenation so far.
    ConcatMap(Vec<Value>),
    /// `partition`: `right` and `wrong`; `forced` says the element at `index` was forced
    /// (Nix forces each element before calling the predicate).
    Partition {
        right: Vec<Value>,
        wrong: Vec<Value>,
        forced: bool,
    },
    /// `groupBy`: the groups and the order their names first appeared in.
    GroupBy {
        groups: HashMap<Symbol, Vec<Value>>,
        order: Vec<Symbol>,
    },
    /// `sort`: the elements are forced in order first (`index`), then sorted (`None`
    /// until then).
    Sort(Option<Box<StableSort>>),
}

/// `builtins.sort`'s algorithm, one comparison at a time: Nix sorts with libstdc++'s
/// `std::stable_sort`, so this follows the same steps (insertion sorts of runs of 7, merges
/// through a buffer that double the runs, a last merge of the two halves) and makes the
/// same comparisons in the same order. A comparator that traces or fails, or that is not
/// an ordering, then behaves as in Nix.
struct StableSort {
    items: Vec<Value>,
    buffer: Vec<Value>,
    /// The steps, fixed by the list's length alone.
    steps: Vec<SortStep>,
    /// The step in progress and where it is.
    step: usize,
    cursor: Cursor,
}

/// A half-open range of indices.
type Run = (usize, usize);

/// One step of [`StableSort`].
#[derive(Clone, Copy)]
enum SortStep {
    /// Insertion sort of `items[run]`.
    Insertion(Run),
    /// Merges two sorted runs of one array (the buffer's, or the items') into the other at
    /// `out`, from the front; ties take the first run's element.
    Merge {
        from_buffer: bool,
        first: Run,
        second: Run,
        out: usize,
    },
    /// Moves `items[run]` to the buffer's front.
    ToBuffer(Run),
    /// Merges `buffer[..len]` with `items[second]` into `items` from `out`, from the front.
    MergeFromBuffer { len: usize, second: Run, out: usize },
    /// Merges `items[first]` with `buffer[..len]` into `items[..end]`, from the back.
    MergeBackward { first: Run, len: usize, end: usize },
}

/// Where a [`SortStep`] is.
enum Cursor {
    Start,
    /// Inserting `items[i]`; `moving`: the element being moved down, and its place.
    Insertion {
        i: usize,
        moving: Option<(Value, usize)>,
    },
    /// The next elements of each run, and the next place written.
    Merge {
        next1: usize,
        next2: usize,
        out: usize,
    },
    /// The last elements left of each run, and the place before which the next goes.
    Backward {
        last1: usize,
        last2: usize,
        out: usize,
    },
}

/// libstdc++'s `_S_chunk_size`: the runs sorted by insertion first.
const CHUNK: usize = 7;

impl StableSort {
    fn new(items: Vec<Value>) -> StableSort {
        let n = items.len();
        let mut steps = Vec::new();
        let middle = n.div_ceil(2);
        merge_sort_steps(&mut steps, (0, middle));
        merge_sort_steps(&mut steps, (middle, n));
        if middle <= n - middle {
            steps.push(SortStep::ToBuffer((0, middle)));
            steps.push(SortStep::MergeFromBuffer {
                len: middle,
                second: (middle, n),
                out: 0,
            });
        } else {
            steps.push(SortStep::ToBuffer((middle, n)));
            steps.push(SortStep::MergeBackward {
                first: (0, middle),
                len: n - middle,
                end: n,
            });
        }
        StableSort {
            buffer: vec![Value::Null; n],
            items,
            steps,
            step: 0,
            cursor: Cursor::Start,
        }
    }

    fn next_step(&mut self) {
        self.step += 1;
        self.cursor = Cursor::Start;
    }

    /// The next comparison `(a, b)` (is `a` less than `b`?), or `None` when sorted.
    fn next(&mut self) -> Option<(Value, Value)> {
        loop {
            let step = *self.steps.get(self.step)?;
            match (step, &mut self.cursor) {
                (SortStep::Insertion((start, end)), Cursor::Start) => {
                    self.cursor = Cursor::Insertion {
                        i: start + 1,
                        moving: None,
                    };
                    if end - start < 2 {
                        self.next_step();
                    }
                }
                (SortStep::Insertion((start, end)), Cursor::Insertion { i, moving }) => {
                    if *i >= end {
                        self.next_step();
                        continue;
                    }
                    return Some(match moving {
                        None => (self.items[*i].clone(), self.items[start].clone()),
                        Some((value, at)) => (value.clone(), self.items[*at - 1].clone()),
                    });
                }
                (
                    SortStep::Merge {
                        first, second, out, ..
                    },
                    Cursor::Start,
                ) => {
                    self.cursor = Cursor::Merge {
                        next1: first.0,
                        next2: second.0,
                        out,
                    }
                }
                (
                    SortStep::Merge {
                        from_buffer,
                        first,
                        second,
                        ..
                    },
                    Cursor::Merge { next1, next2, out },
                ) => {
                    let (src, dst) = if from_buffer {
                        (&self.buffer, &mut self.items)
                    } else {
                        (&self.items, &mut self.buffer)
                    };
                    if *next1 < first.1 && *next2 < second.1 {
                        return Some((src[*next2].clone(), src[*next1].clone()));
                    }
                    let rest = src[*next1..first.1].iter().chain(&src[*next2..second.1]);
                    for (place, v) in dst[*out..].iter_mut().zip(rest) {
                        *place = v.clone();
                    }
                    self.next_step();
                }
                (SortStep::ToBuffer((start, end)), _) => {
                    self.buffer[..end - start].clone_from_slice(&self.items[start..end]);
                    self.next_step();
                }
                (SortStep::MergeFromBuffer { second, out, .. }, Cursor::Start) => {
                    self.cursor = Cursor::Merge {
                        next1: 0,
                        next2: second.0,
                        out,
                    }
                }
                (
                    SortStep::MergeFromBuffer { len, second, .. },
                    Cursor::Merge { next1, next2, out },
                ) => {
                    if *next1 < len && *next2 < second.1 {
                        return Some((self.items[*next2].clone(), self.buffer[*next1].clone()));
                    }
                    // What is left of the second run is in place already.
                    let rest = *next1..len;
                    let at = *out;
                    self.items[at..at + rest.len()].clone_from_slice(&self.buffer[rest]);
                    self.next_step();
                }
                (SortStep::MergeBackward { first, len, end }, Cursor::Start) => {
                    if first.0 == first.1 {
                        self.items[end - len..end].clone_from_slice(&self.buffer[..len]);
                        self.next_step();
                    } else if len == 0 {
                        self.next_step();
                    } else {
                        self.cursor = Cursor::Backward {
                            last1: first.1 - 1,
                            last2: len - 1,
                            out: end,
                        };
                    }
                }
                (SortStep::MergeBackward { .. }, Cursor::Backward { last1, last2, .. }) => {
                    return Some((self.buffer[*last2].clone(), self.items[*last1].clone()));
                }
                _ => unreachable!("a cursor of another step"),
            }
        }
    }

    /// Applies the answer to the comparison [`StableSort::next`] asked.
    fn answer(&mut self, less: bool) {
        let step = self.steps[self.step];
        match (step, &mut self.cursor) {
            (SortStep::Insertion((start, _)), Cursor::Insertion { i, moving }) => {
                match moving.take() {
                    // Less than the first: it goes to the front.
                    None if less => {
                        self.items[start..=*i].rotate_right(1);
                        *i += 1;
                    }
                    None => *moving = Some((self.items[*i].clone(), *i)),
                    Some((value, at)) if less && at - 1 > start => {
                        self.items[at] = self.items[at - 1].clone();
                        *moving = Some((value, at - 1));
                    }
                    Some((value, at)) => {
                        // (A comparator that is no ordering can say less down to the
                        // front, where libstdc++ would read before the range: it stops.)
                        let at = if less {
                            self.items[at] = self.items[at - 1].clone();
                            at - 1
                        } else {
                            at
                        };
                        self.items[at] = value;
                        *i += 1;
                    }
                }
            }
            (SortStep::Merge { from_buffer, .. }, Cursor::Merge { next1, next2, out }) => {
                let (src, dst) = if from_buffer {
                    (&self.buffer, &mut self.items)
                } else {
                    (&self.items, &mut self.buffer)
                };
                dst[*out] = if less {
                    *next2 += 1;
                    src[*next2 - 1].clone()
                } else {
                    *next1 += 1;
                    src[*next1 - 1].clone()
                };
                *out += 1;
            }
            (SortStep::MergeFromBuffer { .. }, Cursor::Merge { next1, next2, out }) => {
                self.items[*out] = if less {
                    *next2 += 1;
                    self.items[*next2 - 1].clone()
                } else {
                    *next1 += 1;
                    self.buffer[*next1 - 1].clone()
                };
                *out += 1;
            }
            (SortStep::MergeBackward { first, .. }, Cursor::Backward { last1, last2, out }) => {
                *out -= 1;
                if less {
                    self.items[*out] = self.items[*last1].clone();
                    if *last1 == first.0 {
                        // The first run is used up: the buffer's rest goes before.
                        let rest = *last2 + 1;
                        let at = *out - rest;
                        self.items[at..*out].clone_from_slice(&self.buffer[..rest]);
                        self.next_step();
                    } else {
                        *last1 -= 1;
                    }
                } else {
                    self.items[*out] = self.buffer[*last2].clone();
                    if *last2 == 0 {
                        // The buffer is used up: the first run's rest is in place.
                        self.next_step();
                    } else {
                        *last2 -= 1;
                    }
                }
            }
            _ => unreachable!("an answer without a question"),
        }
    }
}

/// The steps of libstdc++'s `__merge_sort_with_buffer` on `items[run]`: insertion sorts of
/// runs of [`CHUNK`], then merge passes into the buffer and back, each doubling the runs.
fn merge_sort_steps(steps: &mut Vec<SortStep>, run: Run) {
    let (start, end) = run;
    let len = end - start;
    let mut at = start;
    while end - at >= CHUNK {
        steps.push(SortStep::Insertion((at, at + CHUNK)));
        at += CHUNK;
    }
    steps.push(SortStep::Insertion((at, end)));
    let mut width = CHUNK;
    while width < len {
        merge_pass(steps, false, run, 0, width);
        width *= 2;
        merge_pass(steps, true, (0, len), start, width);
        width *= 2;
    }
}

/// libstdc++'s `__merge_sort_loop`: merges pairs of runs of `width` of one array into the
/// other from `out` (the last pair may be short).
fn merge_pass(
    steps: &mut Vec<SortStep>,
    from_buffer: bool,
    run: Run,
    mut out: usize,
    width: usize,
) {
    let (mut at, end) = run;
    while end - at >= 2 * width {
        steps.push(SortStep::Merge {
            from_buffer,
            first: (at, at + width),
            second: (at + width, at + 2 * width),
            out,
        });
        at += 2 * width;
        out += 2 * width;
    }
    let width = width.min(end - at);
    steps.push(SortStep::Merge {
        from_buffer,
        first: (at, at + width),
        second: (at + width, end),
        out,
    });
}

impl CallLoop for ListCalls {
    fn span(&self) -> Span {
        self.span
    }

    fn advance(&mut self, m: &mut Machine, last: Option<Value>) -> EvalResult<LoopStep> {
        let span = self.span;
        if matches!(self.gather, Gather::Sort(_)) {
            return self.sort_step(m, last);
        }
        if let Some(r) = last {
            let x = self.items[self.index].clone();
            match &mut self.gather {
                Gather::Fold(acc) => *acc = r,
                Gather::Filter(kept) => {
                    let what = "while evaluating the return value of the filtering function passed to builtins.filter";
                    if want_bool(m, &r, span, what)? {
                        kept.push(x);
                    }
                }
                Gather::AnyAll { stop_on, returned } => {
                    if want_bool(m, &r, span, *returned)? == *stop_on {
                        return Ok(LoopStep::Done(Value::Bool(*stop_on)));
                    }
                }
                Gather::ConcatMap(out) => {
                    let what = "while evaluating the return value of the function passed to builtins.concatMap";
                    let list = want_list(m, &r, span, what).map_err(|mut e| {
                        // Nix places this frame where the returned value, or else the
                        // function, was defined (its `determinePos`).
                        if let Some(frame) = e.trace.first_mut().filter(|f| f.message == what) {
                            frame.span = evaluated_lambda_span(&r)
                                .or_else(|| evaluated_lambda_span(&self.f));
                        }
                        e
                    })?;
                    out.extend_from_slice(&list);
                }
                Gather::Partition { forced, .. } if !*forced => {
                    *forced = true;
                    return Ok(LoopStep::Call(self.f.clone(), smallvec::smallvec![x]));
                }
                Gather::Partition {
                    right,
                    wrong,
                    forced,
                } => {
                    let what = "while evaluating the return value of the partition function passed to builtins.partition";
                    if want_bool(m, &r, span, what)? {
                        right.push(x);
                    } else {
                        wrong.push(x);
                    }
                    *forced = false;
                }
                Gather::Sort(_) => unreachable!("sort advances in sort_step"),
                Gather::GroupBy { groups, order } => {
                    let what = "while evaluating the return value of the grouping function passed to builtins.groupBy";
                    let key = want_string_no_ctx(m, &r, span, what)?;
                    let name = Symbol::from_bytes(&key.bytes);
                    groups
                        .entry(name)
                        .or_insert_with(|| {
                            order.push(name);
                            Vec::new()
                        })
                        .push(x);
                }
            }
            self.index += 1;
        }
        let Some(x) = self.items.get(self.index).cloned() else {
            return Ok(LoopStep::Done(self.finish()));
        };
        Ok(match &self.gather {
            Gather::Fold(acc) => {
                LoopStep::Call(self.f.clone(), smallvec::smallvec![acc.clone(), x])
            }
            Gather::Partition { .. } => LoopStep::Force(x),
            _ => LoopStep::Call(self.f.clone(), smallvec::smallvec![x]),
        })
    }
}

impl ListCalls {
    /// `sort`: force the elements in order (as Nix does before comparing any), then sort.
    fn sort_step(&mut self, m: &mut Machine, last: Option<Value>) -> EvalResult<LoopStep> {
        let Gather::Sort(sort) = &mut self.gather else {
            unreachable!("called for sort only")
        };
        let sort = match sort {
            Some(sort) => {
                if let Some(r) = last {
                    let what = "while evaluating the return value of the sorting function passed to builtins.sort";
                    sort.answer(want_bool(m, &r, self.span, what)?);
                }
                sort
            }
            None => {
                if last.is_some() {
                    self.index += 1;
                }
                if let Some(x) = self.items.get(self.index) {
                    return Ok(LoopStep::Force(x.clone()));
                }
                if self.items.len() < 2 {
                    return Ok(LoopStep::Done(Value::List(self.items.clone())));
                }
                sort.insert(Box::new(StableSort::new(self.items.to_vec())))
            }
        };
        // As Nix does, `builtins.lessThan` itself compares without being called.
        let bare_less_than =
            matches!(&self.f, Value::PrimOp(p) if p.op.name == "lessThan" && p.args.is_empty());
        loop {
            match sort.next() {
                Some((a, b)) if bare_less_than => {
                    // The items were forced first: this only unwraps them.
                    let a = m.force(&a, Some(self.span))?;
                    let b = m.force(&b, Some(self.span))?;
                    let less = m.compare(&a, &b, self.span).map_err(|mut e| {
                        e.push_frame(
                            "while evaluating the ordering function passed to builtins.sort",
                            None,
                        );
                        e
                    })?;
                    sort.answer(less);
                }
                Some((a, b)) => {
                    return Ok(LoopStep::Call(self.f.clone(), smallvec::smallvec![a, b]))
                }
                None => return Ok(LoopStep::Done(Value::list(std::mem::take(&mut sort.items)))),
            }
        }
    }

    fn finish(&mut self) -> Value {
        match std::mem::replace(&mut self.gather, Gather::Fold(Value::Null)) {
            Gather::Fold(acc) => acc,
            Gather::Filter(kept) if kept.len() == self.items.len() => {
                Value::List(self.items.clone())
            }
            Gather::Filter(kept) => Value::list(kept),
            Gather::AnyAll { stop_on, .. } => Value::Bool(!stop_on),
            Gather::ConcatMap(out) => Value::list(out),
            Gather::Partition { right, wrong, .. } => attrs_of(vec![
                ("right", Value::list(right)),
                ("wrong", Value::list(wrong)),
            ]),
            Gather::Sort(_) => unreachable!("sort finishes in sort_step"),
            Gather::GroupBy { mut groups, order } => {
                let entries = order
                    .into_iter()
                    .map(|name| Attr {
                        name,
                        value: Value::list(groups.remove(&name).unwrap_or_default()),
                        pos: None,
                    })
                    .collect();
                Value::attrs(Attrs::from_unsorted(entries))
            }
        }
    }
}

fn start(f: Value, items: Rc<List>, span: Span, gather: Gather) -> Box<dyn CallLoop> {
    Box::new(ListCalls {
        f,
        items,
        index: 0,
        span,
        gather,
    })
}

/// `builtins.foldl' f acc list`
pub fn prim_foldl(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let l = args.list(m, 2, span)?;
    if l.is_empty() {
        // Nothing to call: the result is the initial accumulator (forced by the machine).
        return Ok(start(Value::Null, l, span, Gather::Fold(args[1].clone())));
    }
    let f = args.function(m, 0, span)?;
    Ok(start(f, l, span, Gather::Fold(args[1].clone())))
}

/// `builtins.filter f list`
pub fn prim_filter(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let l = args.list(m, 1, span)?;
    if l.is_empty() {
        return Ok(start(Value::Null, l, span, Gather::Filter(Vec::new())));
    }
    let f = args.function(m, 0, span)?;
    Ok(start(f, l, span, Gather::Filter(Vec::new())))
}

fn any_all(
    m: &mut Machine,
    args: Args,
    span: Span,
    stop_on: bool,
    returned: &'static str,
) -> EvalResult<Box<dyn CallLoop>> {
    let f = args.function(m, 0, span)?;
    let l = args.list(m, 1, span)?;
    Ok(start(f, l, span, Gather::AnyAll { stop_on, returned }))
}

/// `builtins.any f list`
pub fn prim_any(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let returned = "while evaluating the return value of the function passed to builtins.any";
    any_all(m, args, span, true, returned)
}

/// `builtins.all f list`
pub fn prim_all(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let returned = "while evaluating the return value of the function passed to builtins.all";
    any_all(m, args, span, false, returned)
}

/// `builtins.concatMap f list`
pub fn prim_concat_map(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let f = args.function(m, 0, span)?;
    let l = args.list(m, 1, span)?;
    Ok(start(f, l, span, Gather::ConcatMap(Vec::new())))
}

/// `builtins.partition f list`
pub fn prim_partition(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let f = args.function(m, 0, span)?;
    let l = args.list(m, 1, span)?;
    let gather = Gather::Partition {
        right: Vec::new(),
        wrong: Vec::new(),
        forced: false,
    };
    Ok(start(f, l, span, gather))
}

/// `builtins.groupBy f list`
pub fn prim_group_by(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let f = args.function(m, 0, span)?;
    let l = args.list(m, 1, span)?;
    let gather = Gather::GroupBy {
        groups: HashMap::default(),
        order: Vec::new(),
    };
    Ok(start(f, l, span, gather))
}

/// `builtins.sort f list`
pub fn prim_sort(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    let l = args.list(m, 1, span)?;
    if l.is_empty() {
        // Nothing to compare: the list itself, whatever the first argument is.
        return Ok(start(Value::Null, l, span, Gather::Filter(Vec::new())));
    }
    let f = args.function(m, 0, span)?;
    Ok(start(f, l, span, Gather::Sort(None)))
}
