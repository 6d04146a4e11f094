//! The literal area: constants of loaded modules, shared by every process and never copied
//! or collected.
//!
//! Invariants:
//! - The area is one address range reserved once (`mmap` with `MAP_NORESERVE`: pages are
//!   committed only when written), so "is this pointer a literal?" is two comparisons. The
//!   collector leaves literal pointers alone, and a copy between heaps (a send) shares them.
//! - Literals are immutable and immortal: the area only grows. Binaries built in it are
//!   heap binaries whatever their size; a refc handle copied into it keeps its count
//!   forever.
//! - Objects in the area point only to other literals or immediates.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// The reserved size of the literal area: 1 GiB of address space, of which only what is
/// used is ever backed by memory. Loading more literals than this is a `system_limit`.
pub const LITERAL_AREA_BYTES: usize = 1 << 30;

static START: AtomicUsize = AtomicUsize::new(0);
static END: AtomicUsize = AtomicUsize::new(0);

struct Area {
    /// Next free word.
    top: Mutex<usize>,
}

fn area() -> &'static Area {
    static AREA: OnceLock<Area> = OnceLock::new();
    AREA.get_or_init(|| {
        // SAFETY: an anonymous private mapping with no address hint; the result is checked.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                LITERAL_AREA_BYTES,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        assert!(p != libc::MAP_FAILED, "could not reserve the literal area");
        let start = p as usize;
        START.store(start, Ordering::Release);
        END.store(start + LITERAL_AREA_BYTES, Ordering::Release);
        Area {
            top: Mutex::new(start),
        }
    })
}

/// True when `p` points into the literal area.
#[inline]
pub fn is_literal(p: *const u64) -> bool {
    let p = p as usize;
    p >= START.load(Ordering::Relaxed) && p < END.load(Ordering::Relaxed)
}

/// The literal area's address range, [start, end); empty before the first literal.
#[inline]
pub fn bounds() -> (usize, usize) {
    (START.load(Ordering::Relaxed), END.load(Ordering::Relaxed))
}

/// Allocates `words` words in the literal area, or `None` when it is full.
pub fn alloc(words: usize) -> Option<*mut u64> {
    let area = area();
    let mut top = area.top.lock().unwrap_or_else(|e| e.into_inner());
    let bytes = words.checked_mul(8)?;
    let new_top = top.checked_add(bytes)?;
    if new_top > END.load(Ordering::Relaxed) {
        return None;
    }
    let p = *top as *mut u64;
    *top = new_top;
    Some(p)
}

/// Deep-copies `t` into the literal area; `None` when the area is full (a `system_limit`
/// for the loader).
pub fn make_literal(t: crate::term::Term) -> Option<crate::term::Term> {
    let mut a = super::build::LiteralAlloc::reserve(super::size_of(t))?;
    Some(super::copy_into(&mut a, t))
}

/// Bytes used in the literal area (`:erlang.memory(:code)` counts them).
pub fn used_bytes() -> usize {
    let area = area();
    let top = *area.top.lock().unwrap_or_else(|e| e.into_inner());
    top - START.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocations_are_literals() {
        let p = alloc(4).expect("room");
        assert!(is_literal(p));
        // SAFETY: four words were just allocated.
        unsafe { p.add(3).write(7) };
        assert!(!is_literal(&0u64 as *const u64));
        assert!(used_bytes() >= 32);
        assert!(alloc(usize::MAX / 4).is_none());
    }
}
