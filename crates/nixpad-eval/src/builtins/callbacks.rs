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
    /// `any` (`stop_on` true) and `all` (false).
    AnyAll { stop_on: bool, name: &'static str },
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
    /// `sort`: the elements are forced in order first (`index`), then merged.
    Sort(Box<MergeSort>),
}

/// A stable bottom-up merge sort, one comparison at a time: runs of `width` elements of
/// `items` are merged pairwise into `merged`, then the widths double.
struct MergeSort {
    items: Vec<Value>,
    merged: Vec<Value>,
    width: usize,
    /// The pair of runs being merged: `items[i..mid]` and `items[j..end]`.
    i: usize,
    mid: usize,
    j: usize,
    end: usize,
    /// Whether the merging has started (before, elements are being forced).
    merging: bool,
}

impl MergeSort {
    /// Starts merging the runs that begin at `start`; `false` when the pass is over.
    fn segment(&mut self, start: usize) -> bool {
        let n = self.items.len();
        if start >= n {
            return false;
        }
        self.i = start;
        self.mid = (start + self.width).min(n);
        self.j = self.mid;
        self.end = (start + 2 * self.width).min(n);
        true
    }

    /// The next comparison `(right, left)` (is the right one less?), or the sorted list.
    fn next(&mut self) -> Result<(Value, Value), Vec<Value>> {
        loop {
            if self.i < self.mid && self.j < self.end {
                return Ok((self.items[self.j].clone(), self.items[self.i].clone()));
            }
            // One run is used up: the rest of the other follows, in order.
            self.merged.extend_from_slice(&self.items[self.i..self.mid]);
            self.merged.extend_from_slice(&self.items[self.j..self.end]);
            if !self.segment(self.end) {
                std::mem::swap(&mut self.items, &mut self.merged);
                self.merged.clear();
                self.width *= 2;
                if self.width >= self.items.len() {
                    return Err(std::mem::take(&mut self.items));
                }
                self.segment(0);
            }
        }
    }

    /// Takes the right element when the comparison said it is less (stability: ties keep
    /// the left one first).
    fn take(&mut self, right_is_less: bool) {
        if right_is_less {
            self.merged.push(self.items[self.j].clone());
            self.j += 1;
        } else {
            self.merged.push(self.items[self.i].clone());
            self.i += 1;
        }
    }
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
                Gather::AnyAll { stop_on, name } => {
                    let what = format!(
                        "while evaluating the return value of the function passed to builtins.{name}"
                    );
                    if want_bool(m, &r, span, &what)? == *stop_on {
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
                    return Ok(LoopStep::Call(self.f.clone(), vec![x]));
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
            Gather::Fold(acc) => LoopStep::Call(self.f.clone(), vec![acc.clone(), x]),
            Gather::Partition { .. } => LoopStep::Force(x),
            _ => LoopStep::Call(self.f.clone(), vec![x]),
        })
    }
}

impl ListCalls {
    /// `sort`: force the elements in order (as Nix does before comparing any), then merge.
    fn sort_step(&mut self, m: &mut Machine, last: Option<Value>) -> EvalResult<LoopStep> {
        let Gather::Sort(sort) = &mut self.gather else {
            unreachable!("called for sort only")
        };
        if !sort.merging {
            if last.is_some() {
                self.index += 1;
            }
            if let Some(x) = self.items.get(self.index) {
                return Ok(LoopStep::Force(x.clone()));
            }
            sort.merging = true;
            sort.items = self.items.to_vec();
            if sort.items.len() < 2 {
                return Ok(LoopStep::Done(Value::list(std::mem::take(&mut sort.items))));
            }
            sort.segment(0);
        } else if let Some(r) = last {
            let what =
                "while evaluating the return value of the sorting function passed to builtins.sort";
            sort.take(want_bool(m, &r, self.span, what)?);
        }
        // As Nix does, `builtins.lessThan` itself compares without being called.
        let bare_less_than =
            matches!(&self.f, Value::PrimOp(p) if p.op.name == "lessThan" && p.args.is_empty());
        loop {
            match sort.next() {
                Ok((right, left)) if bare_less_than => {
                    // The items were forced first: this only unwraps them.
                    let right = m.force(&right, Some(self.span))?;
                    let left = m.force(&left, Some(self.span))?;
                    let less = m.compare(&right, &left, self.span).map_err(|mut e| {
                        e.push_frame(
                            "while evaluating the ordering function passed to builtins.sort",
                            None,
                        );
                        e
                    })?;
                    sort.take(less);
                }
                Ok((right, left)) => return Ok(LoopStep::Call(self.f.clone(), vec![right, left])),
                Err(sorted) => return Ok(LoopStep::Done(Value::list(sorted))),
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
    name: &'static str,
) -> EvalResult<Box<dyn CallLoop>> {
    let f = args.function(m, 0, span)?;
    let l = args.list(m, 1, span)?;
    Ok(start(f, l, span, Gather::AnyAll { stop_on, name }))
}

/// `builtins.any f list`
pub fn prim_any(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    any_all(m, args, span, true, "any")
}

/// `builtins.all f list`
pub fn prim_all(m: &mut Machine, args: Args, span: Span) -> EvalResult<Box<dyn CallLoop>> {
    any_all(m, args, span, false, "all")
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
    let sort = Box::new(MergeSort {
        items: Vec::new(),
        merged: Vec::with_capacity(l.len()),
        width: 1,
        i: 0,
        mid: 0,
        j: 0,
        end: 0,
        merging: false,
    });
    if l.is_empty() {
        // Nothing to compare: the list itself, whatever the first argument is.
        return Ok(start(Value::Null, l, span, Gather::Filter(Vec::new())));
    }
    let f = args.function(m, 0, span)?;
    Ok(start(f, l, span, Gather::Sort(sort)))
}
