//! Copying terms between heaps, and heap fragments.
//!
//! A send deep-copies the message into a [`Fragment`] of exactly the right size; the
//! receiver attaches the fragment to its heap, reads the message in place, and its next
//! collection moves the live part into the heap proper. Literals are shared, not copied;
//! off-heap handles are copied and take one more count on their buffer (the bytes are
//! shared, and the buffer is frozen so no one appends to it in place again).
//!
//! Neither sizing nor copying recurses: a list of ten million cells or a tuple nested a
//! million deep copies in constant Rust stack. Sharing inside the term is not preserved (a
//! term that reaches one subterm twice gets two copies), as with the BEAM's default
//! `copy_struct`; the copy is equal to the original.

use super::block::Block;
use super::build::TermAlloc;
use super::gc::object_words;
use super::literal::is_literal;
use crate::offheap;
use crate::term::{Header, Term};

#[inline]
fn in_range(p: *const u64, (lo, hi): (usize, usize)) -> bool {
    (p as usize) >= lo && (p as usize) < hi
}

/// Words a deep copy of `t` takes (literals and immediates take none).
pub fn size_of(t: Term) -> usize {
    let lit = super::literal::bounds();
    let needs_copy = |t: Term| t.is_pointer() && !in_range(t.ptr(), lit);
    if !needs_copy(t) {
        return 0;
    }
    let mut words = 0;
    // Messages are small: the work list stays on the stack.
    let mut stack: smallvec::SmallVec<[Term; 32]> = smallvec::smallvec![t];
    while let Some(mut t) = stack.pop() {
        // Walk along list tails without the work list; push only what needs copying.
        loop {
            if let Some((head, tail)) = t.cons() {
                words += 2;
                if needs_copy(head) {
                    stack.push(head);
                }
                if !needs_copy(tail) {
                    break;
                }
                t = tail;
                continue;
            }
            let Some(h) = t.header() else { break };
            words += h.words();
            if !h.kind().is_raw() {
                stack.extend(t.term_payload().iter().copied().filter(|x| needs_copy(*x)));
            }
            break;
        }
    }
    words
}

/// Deep-copies `t` onto `dst`.
pub fn copy_into<A: TermAlloc + ?Sized>(dst: &mut A, t: Term) -> Term {
    copy_sized(dst, t, size_of(t))
}

/// Deep-copies `t`, whose [`size_of`] is `words`, onto `dst`.
fn copy_sized<A: TermAlloc + ?Sized>(dst: &mut A, t: Term, words: usize) -> Term {
    if !t.is_pointer() || is_literal(t.ptr()) {
        return t;
    }
    let base = dst.alloc_words(words);
    // SAFETY: `words` words were allocated at `base`; `shallow` never writes past `limit`
    // because the total of the objects it copies is exactly `size_of(t)`.
    unsafe {
        let limit = base.add(words);
        let mut top = base;
        let root = shallow(t, &mut top, limit);
        let lit = super::literal::bounds();
        let mut scan = base;
        while scan < top {
            let w = *scan;
            if let Some(h) = Header::from_word(w) {
                let kind = h.kind();
                if kind.is_off_heap() {
                    offheap::retain(scan);
                    // SAFETY: the handle was just copied here, whole.
                    dst.register_off_heap(scan);
                }
                scan = scan.add(if kind.is_raw() { h.words() } else { 1 });
            } else {
                let slot = Term::from_raw(w);
                if slot.is_pointer() && !in_range(slot.ptr(), lit) {
                    *scan = shallow(slot, &mut top, limit).raw();
                }
                scan = scan.add(1);
            }
        }
        debug_assert_eq!(top, limit, "size_of and the copy disagree");
        root
    }
}

/// Copies the one object `t` points to at `*top` and returns the term for the copy. Its
/// fields still point to the originals; the caller's scan fixes them.
///
/// # Safety
/// `t` is a pointer to a live object; `*top` has room for it below `limit`.
unsafe fn shallow(t: Term, top: &mut *mut u64, limit: *mut u64) -> Term {
    let src = t.ptr();
    // SAFETY: per the contract.
    unsafe {
        let n = object_words(t);
        debug_assert!(top.add(n) <= limit);
        let dst = *top;
        // Most objects are two or three words: a loop beats a call to memcpy.
        for i in 0..n {
            dst.add(i).write(*src.add(i));
        }
        *top = dst.add(n);
        if t.is_cons() {
            Term::cons_from_ptr(dst)
        } else {
            Term::boxed_from_ptr(dst)
        }
    }
}

/// Fragments up to this many words are allocated at their exact size (not pooled).
const SMALL_FRAGMENT_WORDS: usize = 64;

/// A heap fragment: words outside a heap's young block that belong to its young
/// generation once attached. Messages travel in fragments; a heap also makes overflow
/// fragments when its young block is full.
pub struct Fragment {
    block: Block,
    top: *mut u64,
    /// Off-heap handles on this fragment while it is not attached to a heap.
    pub(super) off_heap: Vec<*mut u64>,
    pub(super) vheap_bytes: usize,
    /// Attached fragments take no more allocations.
    pub(super) sealed: bool,
}

// SAFETY: a fragment exclusively owns its block; it moves from the sender to the receiver.
unsafe impl Send for Fragment {}

impl Fragment {
    /// An empty fragment with room for `words` words. Above 64 words the block is rounded
    /// up to a heap size so that it comes from, and returns to, the block pool: a fresh
    /// block costs a page fault per 4 KiB on first touch, more than the copy itself.
    pub fn with_capacity(words: usize) -> Fragment {
        // A small fragment (a typical message) is exactly its size, from the allocator: it
        // is usually made on the sender's thread and freed on the receiver's, where a
        // per-thread pool would only fill on one side and drain on the other.
        let size = if words <= SMALL_FRAGMENT_WORDS {
            words
        } else {
            super::sizes::next_heap_size(words)
        };
        let block = Block::new(size);
        let top = block.start();
        Fragment {
            block,
            top,
            off_heap: Vec::new(),
            vheap_bytes: 0,
            sealed: false,
        }
    }

    /// A fragment holding a deep copy of `t`, and the copy.
    pub fn copy_of(t: Term) -> (Fragment, Term) {
        Fragment::copy_of_sized(t, size_of(t))
    }

    /// [`Fragment::copy_of`] for a term whose [`size_of`] is `words`.
    pub fn copy_of_sized(t: Term, words: usize) -> (Fragment, Term) {
        let mut frag = Fragment::with_capacity(words);
        let copy = copy_sized(&mut frag, t, words);
        frag.sealed = true;
        (frag, copy)
    }

    /// Words in use.
    pub fn used(&self) -> usize {
        (self.top as usize - self.block.start() as usize) / 8
    }

    /// True when `p` points into the used part of this fragment.
    pub fn contains(&self, p: *const u64) -> bool {
        let a = p as usize;
        a >= self.block.start() as usize && a < self.top as usize
    }

    /// Bumps `words` words, if the fragment takes allocations and has room.
    pub(super) fn bump(&mut self, words: usize) -> Option<*mut u64> {
        let free = (self.block.end() as usize - self.top as usize) / 8;
        if self.sealed || words > free {
            return None;
        }
        let p = self.top;
        // SAFETY: checked to fit.
        self.top = unsafe { p.add(words) };
        Some(p)
    }
}

impl TermAlloc for Fragment {
    fn alloc_words(&mut self, words: usize) -> *mut u64 {
        match self.bump(words) {
            Some(p) => p,
            None => panic!("fragment overflow: a fragment is sized before it is written"),
        }
    }

    unsafe fn register_off_heap(&mut self, p: *mut u64) {
        // SAFETY: per the contract, a complete handle was just written at `p`.
        self.vheap_bytes += unsafe { offheap::handle_bytes(p) };
        self.off_heap.push(p);
    }
}

impl Drop for Fragment {
    fn drop(&mut self) {
        for &p in &self.off_heap {
            // SAFETY: an unattached fragment owns the counts of its handles; it is dropped
            // with every term on it.
            unsafe { offheap::release(p) };
        }
    }
}
