//! Stable sorting with one copy of the sorting code in the browser's build.
//!
//! The standard library's stable sort is generic: every element type and comparison it
//! sorts by adds a copy of the whole algorithm (several KB of wasm each). Natively that
//! buys speed; in the browser, whose first load has a size budget, [`sort_by`] sorts
//! positions with one merge sort that is not generic, then moves the elements there.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping equal elements in their order.
#[inline]
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        // Often sorted already (a set's names as written, a set rebuilt): nothing to move.
        if v.windows(2)
            .all(|w| compare(&w[0], &w[1]) != Ordering::Greater)
        {
            return;
        }
        let order = stable_order(v.len(), &mut |a, b| compare(&v[a], &v[b]) == Ordering::Less);
        permute(v, order);
    } else {
        v.sort_by(compare);
    }
}

/// Sorts `v` by the key `key` gives each element, keeping equal keys in their order.
#[inline]
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order a stable sort by `less` puts them (a bottom-up
/// merge sort).
#[inline(never)]
fn stable_order(len: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for lo in (0..len).step_by(2 * width) {
            let mid = (lo + width).min(len);
            let hi = (lo + 2 * width).min(len);
            let (mut left, mut right) = (lo, mid);
            for slot in &mut merged[lo..hi] {
                // The right run's element goes first only if it is strictly less.
                let take_right = right < hi && (left >= mid || less(order[right], order[left]));
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Moves the element at `order[i]` to position `i`, for every `i`, by following each
/// cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut here = start;
        while order[here] != DONE {
            let from = order[here];
            order[here] = DONE;
            if from == start {
                break;
            }
            v.swap(here, from);
            here = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merge sort and the permutation give what the standard library's stable sort
    /// gives, on lists with many equal keys.
    #[test]
    fn matches_the_standard_stable_sort() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..200 {
            let mut items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let order = stable_order(items.len(), &mut |a, b| items[a].0 < items[b].0);
            permute(&mut items, order);
            assert_eq!(items, expected, "length {len}");
        }
    }
}
