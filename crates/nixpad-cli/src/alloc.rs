//! The global allocator: mimalloc, called through its plain entry points. The evaluator
//! allocates many small objects, which mimalloc serves much faster than the system
//! allocator; its `mi_malloc` already aligns to 16 bytes, so the (slower) aligned entry
//! points are only needed for larger alignments. The browser build keeps Rust's default.
//! mimalloc is built without transparent huge pages (`no_thp`): asking for them made the
//! kernel zero a whole 2 MiB page at mimalloc's start and at each new part of the heap,
//! which cost a short evaluation more than it saved (the empty evaluation of
//! `scripts/bench-nixpkgs.sh` shows what a process costs before it evaluates anything).

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};

/// The alignment `mi_malloc` guarantees for every block.
const NATURAL_ALIGN: usize = 16;

/// mimalloc as Rust's global allocator.
pub struct Mimalloc;

// SAFETY: every method forwards to mimalloc with a size and alignment it supports; blocks
// are freed with `mi_free`, which accepts blocks from all of its allocation functions.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= NATURAL_ALIGN {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= NATURAL_ALIGN {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= NATURAL_ALIGN {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
