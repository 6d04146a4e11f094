//! The generational copying collector (docs/internals/gc.md).
//!
//! - **Minor**: live young data (the young block and the fragments) is copied by Cheney's
//!   algorithm. Data below the high-water mark has survived a collection already and is
//!   promoted to the old generation; the rest goes to a fresh young block. The old
//!   generation is not looked at: nothing in it points to young data.
//! - **Major** (fullsweep): everything live, old and young, is copied into one fresh block
//!   that becomes the young generation; the old generation is freed. It runs when the old
//!   generation cannot take the promotions, after `fullsweep_after` minor ones, when old
//!   off-heap data has grown past its limit, or on request.
//! - After a major collection the heap is resized as the BEAM does: grown at once when the
//!   live data and the request do not fit, grown at the next collection when they take more
//!   than 75%, shrunk (to twice the need, at least `min_heap_size`) below 25%.
//! - Off-heap handles that were not copied are dead: their counts are released.
//! - Moved objects are marked in from-space: a boxed object's header is replaced by the
//!   boxed pointer to its copy; a cons cell's head by the non-value, its tail by the cons
//!   pointer to its copy.
//! - The cost is charged as `1 + live words / 10` reductions, as on the BEAM.

use super::block::Block;
use super::sizes::next_heap_size;
use super::{Heap, Roots};
use crate::offheap;
use crate::term::{Header, Term};
use std::sync::atomic::{AtomicU64, Ordering};

/// Which collection ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GcKind {
    /// Young generation only.
    Minor,
    /// Everything.
    Major,
}

/// What a collection did.
#[derive(Clone, Copy, Debug)]
pub struct GcOutcome {
    /// Minor or major.
    pub kind: GcKind,
    /// Words live after it (young and old).
    pub live_words: usize,
    /// Words of heap and fragments freed.
    pub reclaimed_words: usize,
    /// What it costs the process.
    pub reductions: usize,
}

/// Size of the object `t` points to, in words.
#[inline]
pub(super) fn object_words(t: Term) -> usize {
    if t.is_cons() {
        2
    } else {
        t.header().map_or(1, Header::words)
    }
}

/// Calls `f` on every term slot of the walkable area [start, end).
///
/// # Safety
/// The area holds whole objects, laid out as `term` describes.
pub(super) unsafe fn walk(start: *mut u64, end: *mut u64, f: &mut dyn FnMut(&mut Term)) {
    let mut p = start;
    while p < end {
        // SAFETY: `p` is inside the area, at an object boundary or inside a term object.
        unsafe {
            match Header::from_word(*p) {
                Some(h) => p = p.add(if h.kind().is_raw() { h.words() } else { 1 }),
                None => {
                    f(&mut *(p as *mut Term));
                    p = p.add(1);
                }
            }
        }
    }
}

/// A to-space being filled.
struct Space {
    top: *mut u64,
    end: *mut u64,
}

impl Space {
    const EMPTY: Space = Space {
        top: std::ptr::null_mut(),
        end: std::ptr::null_mut(),
    };

    #[inline]
    unsafe fn take(&mut self, words: usize) -> *mut u64 {
        let p = self.top;
        // SAFETY: to-spaces are sized for the worst case: everything in from-space live.
        unsafe { self.top = p.add(words) };
        debug_assert!(self.top <= self.end, "to-space overflow");
        p
    }
}

/// The copying engine of one collection.
struct Copier {
    lit: (usize, usize),
    /// Left in place (the old generation during a minor collection).
    keep: (usize, usize),
    /// Copied to `old` rather than `young` (young data below the high-water mark).
    promote: (usize, usize),
    young: Space,
    old: Space,
}

#[inline]
fn within(a: usize, (lo, hi): (usize, usize)) -> bool {
    a >= lo && a < hi
}

impl Copier {
    /// The new address of the term `t`, copying its object if it is in from-space and not
    /// copied yet.
    #[inline]
    unsafe fn evacuate(&mut self, t: Term) -> Term {
        if !t.is_pointer() {
            return t;
        }
        let p = t.ptr();
        let a = p as usize;
        if within(a, self.lit) || within(a, self.keep) {
            return t;
        }
        // SAFETY: `t` points to a live object in from-space (a root or a field of a live
        // object), or to one already moved, marked as the module doc says.
        unsafe {
            if t.is_cons() {
                let head = *p;
                if head == Term::NON_VALUE.raw() {
                    return Term::from_raw(*p.add(1));
                }
                let space = if within(a, self.promote) {
                    &mut self.old
                } else {
                    &mut self.young
                };
                let q = space.take(2);
                q.write(head);
                q.add(1).write(*p.add(1));
                let moved = Term::cons_from_ptr(q);
                p.write(Term::NON_VALUE.raw());
                p.add(1).write(moved.raw());
                moved
            } else {
                let w = *p;
                let Some(h) = Header::from_word(w) else {
                    return Term::from_raw(w);
                };
                let n = h.words();
                let space = if within(a, self.promote) {
                    &mut self.old
                } else {
                    &mut self.young
                };
                let q = space.take(n);
                std::ptr::copy_nonoverlapping(p, q, n);
                let moved = Term::boxed_from_ptr(q);
                p.write(moved.raw());
                moved
            }
        }
    }

    /// Scans the object or slot at `p` in a to-space; returns the next position.
    #[inline]
    unsafe fn scan_one(&mut self, p: *mut u64) -> *mut u64 {
        // SAFETY: `p` is below the to-space's top, at an object boundary or a term slot.
        unsafe {
            let w = *p;
            match Header::from_word(w) {
                Some(h) => p.add(if h.kind().is_raw() { h.words() } else { 1 }),
                None => {
                    *p = self.evacuate(Term::from_raw(w)).raw();
                    p.add(1)
                }
            }
        }
    }

    /// Evacuates the roots, then scans both to-spaces until no new object appears.
    unsafe fn run(
        &mut self,
        roots: &mut dyn Roots,
        mut young_scan: *mut u64,
        mut old_scan: *mut u64,
    ) {
        // SAFETY: roots hold live terms; the to-spaces hold copied objects.
        unsafe {
            roots.each_root(&mut |slot| *slot = self.evacuate(*slot));
            loop {
                while young_scan < self.young.top {
                    young_scan = self.scan_one(young_scan);
                }
                while old_scan < self.old.top {
                    old_scan = self.scan_one(old_scan);
                }
                if young_scan == self.young.top {
                    break;
                }
            }
        }
    }
}

/// Where a moved off-heap handle went, or `None` if it was not moved (it is dead).
///
/// # Safety
/// `p` points to a from-space handle after a copy.
unsafe fn forwarded(p: *mut u64) -> Option<*mut u64> {
    // SAFETY: per the contract.
    let w = unsafe { *p };
    match Header::from_word(w) {
        Some(_) => None,
        // SAFETY: a moved object's header holds the boxed pointer to its copy.
        None => Some(unsafe { Term::from_raw(w) }.ptr()),
    }
}

fn literal_bounds() -> (usize, usize) {
    super::literal::bounds()
}

impl Heap {
    /// Collects the heap: a minor collection, or a major one when one is due. Afterwards at
    /// least `need` words can be allocated without overflow.
    ///
    /// # Safety
    /// `roots` names every slot outside the heap that holds a live term of this heap. Any
    /// other term of this heap held elsewhere is dangling afterwards.
    pub unsafe fn collect(&mut self, roots: &mut dyn Roots, need: usize) -> GcOutcome {
        let promote = (self.hwm as usize - self.young.start() as usize) / 8;
        let old_free = (self.old.as_ref().map_or(0, |b| b.end() as usize) as isize
            - self.old_top as isize)
            .max(0) as usize
            / 8;
        let major_due = self.config.fullsweep_after == 0
            || self.stats.minor_gcs >= self.config.fullsweep_after
            || (self.old.is_some() && promote > old_free)
            || self.old_vheap_bytes > self.old_vheap_limit;
        // SAFETY: forwarded contract.
        unsafe {
            if major_due {
                self.collect_major(roots, need)
            } else {
                self.collect_minor(roots, need)
            }
        }
    }

    /// A major collection (`:erlang.garbage_collect/0`).
    ///
    /// # Safety
    /// As for [`Heap::collect`].
    pub unsafe fn collect_major(&mut self, roots: &mut dyn Roots, need: usize) -> GcOutcome {
        let before = self.young_used() + self.old_used() + self.frag_words;
        let to = Block::new(next_heap_size(before + need).max(self.config.min_heap_size));
        let mut c = Copier {
            lit: literal_bounds(),
            keep: (0, 0),
            promote: (0, 0),
            young: Space {
                top: to.start(),
                end: to.end(),
            },
            old: Space::EMPTY,
        };
        // SAFETY: the from-space is the whole heap; `to` is sized for all of it.
        unsafe { c.run(roots, to.start(), std::ptr::null_mut()) };

        let mut live_off = Vec::with_capacity(self.off_young.len() + self.off_old.len());
        let mut vheap = 0;
        for p in self.off_young.drain(..).chain(self.off_old.drain(..)) {
            // SAFETY: listed handles are in from-space; moved ones were live.
            unsafe {
                match forwarded(p) {
                    Some(q) => {
                        vheap += offheap::handle_bytes(q);
                        live_off.push(q);
                    }
                    None => offheap::release(p),
                }
            }
        }
        self.off_young = live_off;
        self.vheap_bytes = vheap;
        self.vheap_limit = (self.config.min_bin_vheap_size * 8).max(2 * vheap);
        self.old_vheap_bytes = 0;
        self.old_vheap_limit = (self.config.min_bin_vheap_size * 8).max(2 * vheap);

        self.young = to;
        self.htop = c.young.top;
        self.hwm = self.htop;
        self.old = None;
        self.old_top = std::ptr::null_mut();
        self.frags.clear();
        self.frag_words = 0;
        self.overflowed = false;
        self.recheck_due();
        self.grow_next = false;
        self.stats.minor_gcs = 0;
        self.stats.major_gcs += 1;

        let live = self.young_used();
        // SAFETY: forwarded contract; the roots were just updated.
        unsafe { self.adjust_after_fullsweep(roots, need) };
        self.finish(GcKind::Major, before, live)
    }

    /// A minor collection.
    ///
    /// # Safety
    /// As for [`Heap::collect`]; in addition the old generation has room for the promoted
    /// words (checked by `collect`).
    unsafe fn collect_minor(&mut self, roots: &mut dyn Roots, need: usize) -> GcOutcome {
        let start = self.young.start();
        let promote = (self.hwm as usize - start as usize) / 8;
        let before = self.young_used() + self.frag_words;
        if promote > 0 && self.old.is_none() {
            let old = Block::new(next_heap_size(promote.max(self.young.words())));
            self.old_top = old.start();
            self.old = Some(old);
        }
        let survivors_max = (self.htop as usize - self.hwm as usize) / 8 + self.frag_words;
        let mut size = self.young.words().max(self.config.min_heap_size);
        if self.grow_next {
            size = next_heap_size(size + 1);
        }
        let to = Block::new(next_heap_size(size.max(survivors_max + need)));
        let (keep, old_space) = match &self.old {
            Some(b) => (
                (b.start() as usize, self.old_top as usize),
                Space {
                    top: self.old_top,
                    end: b.end(),
                },
            ),
            None => ((0, 0), Space::EMPTY),
        };
        let old_scan = self.old_top;
        let mut c = Copier {
            lit: literal_bounds(),
            keep,
            promote: (start as usize, self.hwm as usize),
            young: Space {
                top: to.start(),
                end: to.end(),
            },
            old: old_space,
        };
        // SAFETY: from-space is the young block and the fragments; the to-spaces are sized
        // for all of it.
        unsafe { c.run(roots, to.start(), old_scan) };

        let mut young_off = Vec::with_capacity(self.off_young.len());
        let mut vheap = 0;
        for p in std::mem::take(&mut self.off_young) {
            // SAFETY: as in the major collection.
            unsafe {
                match forwarded(p) {
                    Some(q) if within(q as usize, (old_scan as usize, c.old.top as usize)) => {
                        self.old_vheap_bytes += offheap::handle_bytes(q);
                        self.off_old.push(q);
                    }
                    Some(q) => {
                        vheap += offheap::handle_bytes(q);
                        young_off.push(q);
                    }
                    None => offheap::release(p),
                }
            }
        }
        self.off_young = young_off;
        self.vheap_bytes = vheap;
        self.vheap_limit = (self.config.min_bin_vheap_size * 8).max(2 * vheap);

        if self.old.is_some() {
            self.old_top = c.old.top;
        }
        self.young = to;
        self.htop = c.young.top;
        self.hwm = self.htop;
        self.frags.clear();
        self.frag_words = 0;
        self.overflowed = false;
        self.recheck_due();
        self.stats.minor_gcs += 1;
        self.stats.total_minor_gcs += 1;
        let young_live = self.young_used();
        self.grow_next = 4 * (young_live + need) > 3 * self.young.words();
        let promoted = (c.old.top as usize).saturating_sub(old_scan as usize) / 8;
        self.finish(GcKind::Minor, before, young_live + promoted)
    }

    /// Shrinks the heap to exactly its live data (hibernation): a major collection, then a
    /// young block of the live size. The next allocation overflows and the next collection
    /// grows the heap again.
    ///
    /// # Safety
    /// As for [`Heap::collect`].
    pub unsafe fn shrink_to_live(&mut self, roots: &mut dyn Roots) -> GcOutcome {
        // SAFETY: forwarded contract.
        unsafe {
            let mut out = self.collect_major(roots, 0);
            let live = self.young_used();
            if live < self.young.words() {
                self.relocate(roots, live);
            }
            out.reductions += live / 10;
            out
        }
    }

    /// The BEAM's `adjust_after_fullsweep`.
    unsafe fn adjust_after_fullsweep(&mut self, roots: &mut dyn Roots, need: usize) {
        let size = self.young.words();
        let need_after = self.young_used() + need;
        // SAFETY: forwarded contract.
        unsafe {
            if size < need_after {
                self.relocate(roots, next_heap_size(need_after));
            } else if 3 * size < 4 * need_after {
                self.grow_next = true;
            } else if 4 * need_after < size && size > self.config.min_heap_size {
                let wanted = 2 * need_after;
                let sz = if wanted < self.config.min_heap_size {
                    self.config.min_heap_size
                } else {
                    next_heap_size(wanted)
                };
                if sz < size {
                    self.relocate(roots, sz);
                }
            }
        }
    }

    /// Moves the young generation to a block of `words` words, fixing every pointer into
    /// it: in the block itself, in the roots and in the off-heap list. The old generation
    /// never points into the young one, so it needs no fixing.
    unsafe fn relocate(&mut self, roots: &mut dyn Roots, words: usize) {
        let used = self.young_used();
        debug_assert!(words >= used);
        debug_assert!(
            self.frags.is_empty(),
            "relocate runs right after a collection"
        );
        let to = Block::new(words.max(used).max(1));
        let from = (self.young.start() as usize, self.htop as usize);
        let delta = to.start() as isize - self.young.start() as isize;
        let fix = move |t: &mut Term| {
            if t.is_pointer() && within(t.ptr() as usize, from) {
                // SAFETY: the object moved by `delta` bytes with the whole young block.
                *t = unsafe { Term::from_raw((t.raw() as isize + delta) as u64) };
            }
        };
        // SAFETY: `to` holds at least `used` words; the copy is walkable like the original.
        unsafe {
            std::ptr::copy_nonoverlapping(self.young.start(), to.start(), used);
            let top = to.start().add(used);
            walk(to.start(), top, &mut { fix });
            roots.each_root(&mut { fix });
            for p in &mut self.off_young {
                *p = (*p as isize + delta) as *mut u64;
            }
            self.hwm = self.hwm.byte_offset(delta);
            self.htop = top;
        }
        self.young = to;
        self.recheck_due();
    }

    fn finish(&mut self, kind: GcKind, before: usize, live: usize) -> GcOutcome {
        let reclaimed = before.saturating_sub(live);
        self.stats.words_reclaimed += reclaimed as u64;
        GLOBAL_GCS.fetch_add(1, Ordering::Relaxed);
        GLOBAL_RECLAIMED.fetch_add(reclaimed as u64, Ordering::Relaxed);
        GcOutcome {
            kind,
            live_words: live,
            reclaimed_words: reclaimed,
            reductions: 1 + live / 10,
        }
    }
}

/// Collections of every heap since the VM started, and the words they reclaimed
/// (`:erlang.statistics(:garbage_collection)`).
static GLOBAL_GCS: AtomicU64 = AtomicU64::new(0);
static GLOBAL_RECLAIMED: AtomicU64 = AtomicU64::new(0);

/// The number of collections of every heap so far, and the words they reclaimed.
pub fn global_stats() -> (u64, u64) {
    (
        GLOBAL_GCS.load(Ordering::Relaxed),
        GLOBAL_RECLAIMED.load(Ordering::Relaxed),
    )
}
