//! Per-process heaps: a young generation with bump allocation, an old generation, heap
//! fragments, and the off-heap list.
//!
//! Invariants (docs/internals/gc.md says more):
//! - A process's terms point only into its young block, its old block, its fragments, or
//!   the literal area. Hence, during a minor collection, "not old and not literal" means
//!   "young" without looking at the fragments, as on the BEAM.
//! - No pointer goes from the old generation into the young one: terms are immutable, and a
//!   minor collection promotes everything below the high-water mark at once, together with
//!   everything it reaches below the mark.
//! - Allocation never fails and never collects: when the young block is full, the words come
//!   from an overflow fragment and [`Heap::should_gc`] turns true. The owner (the
//!   interpreter) collects at its next safepoint, where it can name every root. The
//!   allocator only reports; it never decides.
//! - Every `RefcBin` and `MagicRef` on the heap or its fragments is in exactly one of the
//!   two off-heap lists (young, old), so a collection can release the dead ones.
//! - A term read from this heap is valid until the next collection, which is `unsafe` for
//!   that reason: after it, only the roots it was given (and what they reach) are valid.

mod block;
mod build;
mod copy;
pub(crate) mod gc;
pub mod literal;
pub mod sizes;

pub use block::{pooled_bytes, Block};
pub(crate) use build::refc_handle;
pub use build::{LiteralAlloc, TermAlloc, HEAP_BIN_LIMIT};
pub use copy::{copy_into, size_of, Fragment};
pub use gc::{GcKind, GcOutcome};

use crate::offheap;

/// Words in an overflow fragment at the least: large enough that a full heap does not make
/// one fragment per allocation, small enough not to matter for a process that stops soon.
const OVERFLOW_FRAGMENT_WORDS: usize = 256;

/// Tuning of one heap, from the spawn options.
#[derive(Clone, Copy, Debug)]
pub struct HeapConfig {
    /// The smallest young generation, in words (`min_heap_size`).
    pub min_heap_size: usize,
    /// The smallest virtual binary heap, in words (`min_bin_vheap_size`).
    pub min_bin_vheap_size: usize,
    /// How many minor collections may run between two major ones (`fullsweep_after`).
    pub fullsweep_after: u32,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            min_heap_size: sizes::MIN_HEAP_SIZE,
            min_bin_vheap_size: sizes::MIN_BIN_VHEAP_SIZE,
            // The BEAM's default.
            fullsweep_after: 65_535,
        }
    }
}

/// What a heap has done, for `Process.info/2` and the tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct HeapStats {
    /// Minor collections since the last major one (`minor_gcs` in `garbage_collection`).
    pub minor_gcs: u32,
    /// Minor collections in the heap's life.
    pub total_minor_gcs: u64,
    /// Major collections in the heap's life.
    pub major_gcs: u64,
    /// Words reclaimed in the heap's life.
    pub words_reclaimed: u64,
}

/// A process heap.
pub struct Heap {
    young: Block,
    /// Next free word in `young`.
    htop: *mut u64,
    /// Words of `young` below this survived a collection already; the next minor
    /// collection promotes them.
    hwm: *mut u64,
    old: Option<Block>,
    /// Next free word in `old`.
    old_top: *mut u64,
    /// Overflow and message fragments: young data outside the young block.
    frags: Vec<Fragment>,
    frag_words: usize,
    /// Off-heap handles in the young generation and the fragments.
    off_young: Vec<*mut u64>,
    /// Off-heap handles in the old generation.
    off_old: Vec<*mut u64>,
    /// Off-heap bytes referenced from the young generation (the virtual binary heap).
    vheap_bytes: usize,
    /// When `vheap_bytes` passes this, a collection is due.
    vheap_limit: usize,
    /// Off-heap bytes referenced from the old generation.
    old_vheap_bytes: usize,
    /// When `old_vheap_bytes` passes this, the next collection is a major one.
    old_vheap_limit: usize,
    /// The young generation should grow at the next collection (it was more than 75%
    /// full after the last major one).
    grow_next: bool,
    overflowed: bool,
    /// [`Heap::needs_gc`], kept up to date where its inputs change (allocation past the
    /// young block, fragments, off-heap bytes, a collection), so that the check made at
    /// every call is one load.
    gc_due: bool,
    config: HeapConfig,
    stats: HeapStats,
}

// SAFETY: a heap exclusively owns the blocks its pointers point into; literals and
// off-heap objects are immutable or synchronised. It moves between scheduler threads with
// its process, and is never shared.
unsafe impl Send for Heap {}

impl Default for Heap {
    fn default() -> Self {
        Heap::new(HeapConfig::default())
    }
}

impl Heap {
    /// An empty heap.
    pub fn new(config: HeapConfig) -> Heap {
        Heap::with_young(config, config.min_heap_size)
    }

    /// An empty heap whose first young block holds `words` (rounded up to a heap size):
    /// a spawned process starts small and grows by the usual rules at its first
    /// collections, so that a million idle processes do not take 2 KiB each.
    pub fn with_young(config: HeapConfig, words: usize) -> Heap {
        let size = sizes::next_heap_size(words);
        let young = Block::new(size);
        let start = young.start();
        Heap {
            young,
            htop: start,
            hwm: start,
            old: None,
            old_top: std::ptr::null_mut(),
            frags: Vec::new(),
            frag_words: 0,
            off_young: Vec::new(),
            off_old: Vec::new(),
            vheap_bytes: 0,
            vheap_limit: config.min_bin_vheap_size * 8,
            old_vheap_bytes: 0,
            old_vheap_limit: config.min_bin_vheap_size * 8,
            grow_next: false,
            overflowed: false,
            gc_due: false,
            config,
            stats: HeapStats::default(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> HeapConfig {
        self.config
    }

    /// Changes `fullsweep_after` (`Process.flag/2`).
    pub fn set_min_heap_size(&mut self, words: usize) {
        self.config.min_heap_size = words;
    }

    /// Sets `fullsweep_after` (`Process.flag/2`).
    pub fn set_fullsweep_after(&mut self, n: u32) {
        self.config.fullsweep_after = n;
    }

    /// Allocates `words` words. Never fails: when the young block is full the words come
    /// from an overflow fragment and a collection becomes due.
    #[inline]
    pub fn alloc(&mut self, words: usize) -> *mut u64 {
        let free = (self.young.end() as usize - self.htop as usize) / 8;
        if words <= free {
            let p = self.htop;
            // SAFETY: `words` fit before the end of the young block.
            self.htop = unsafe { p.add(words) };
            p
        } else {
            self.alloc_overflow(words)
        }
    }

    #[cold]
    fn alloc_overflow(&mut self, words: usize) -> *mut u64 {
        self.overflowed = true;
        self.gc_due = true;
        if let Some(p) = self.frags.last_mut().and_then(|f| f.bump(words)) {
            self.frag_words += words;
            return p;
        }
        let mut frag = Fragment::with_capacity(words.max(OVERFLOW_FRAGMENT_WORDS));
        let p = frag
            .bump(words)
            .unwrap_or_else(|| unreachable!("a new fragment has room"));
        self.frag_words += words;
        self.frags.push(frag);
        p
    }

    /// Registers the off-heap handle just built at `p` (a `RefcBin` or `MagicRef`).
    ///
    /// # Safety
    /// As for [`TermAlloc::register_off_heap`].
    pub unsafe fn add_off_heap(&mut self, p: *mut u64) {
        // SAFETY: the caller just wrote a complete handle at `p`.
        self.vheap_bytes += unsafe { offheap::handle_bytes(p) };
        self.off_young.push(p);
        self.recheck_due();
    }

    /// Counts `bytes` more off-heap bytes against the virtual binary heap (an in-place
    /// append grew a buffer).
    pub fn add_vheap_bytes(&mut self, bytes: usize) {
        self.vheap_bytes += bytes;
        self.recheck_due();
    }

    /// Counts `bytes` more off-heap bytes held by the old generation (an in-place append
    /// grew the buffer of a promoted handle): past the old limit the next collection is a
    /// major one, which releases the handle once it is dead.
    pub fn add_old_vheap_bytes(&mut self, bytes: usize) {
        self.old_vheap_bytes += bytes;
    }

    /// Attaches a fragment (a received message): its data becomes young data of this heap,
    /// and its off-heap handles join this heap's list. The next collection moves the live
    /// part into the heap proper.
    pub fn attach(&mut self, mut frag: Fragment) {
        self.frag_words += frag.used();
        self.vheap_bytes += frag.vheap_bytes;
        self.off_young.append(&mut frag.off_heap);
        frag.vheap_bytes = 0;
        frag.sealed = true;
        self.frags.push(frag);
        self.recheck_due();
    }

    /// True when the owner should collect at its next safepoint: the young block
    /// overflowed, attached fragments outgrew it, or the virtual binary heap is full.
    /// Always true with the `gc-stress` feature.
    #[inline]
    pub fn should_gc(&self) -> bool {
        cfg!(feature = "gc-stress") || self.needs_gc()
    }

    /// [`Heap::should_gc`] without the `gc-stress` feature: the heap itself needs a
    /// collection. (The interpreter applies its own stress schedule.)
    #[inline]
    pub fn needs_gc(&self) -> bool {
        debug_assert_eq!(
            self.gc_due,
            self.overflowed
                || self.frag_words > self.young.words()
                || self.vheap_bytes > self.vheap_limit
        );
        self.gc_due
    }

    /// Brings `gc_due` up to date after one of its inputs changed.
    pub(super) fn recheck_due(&mut self) {
        self.gc_due = self.overflowed
            || self.frag_words > self.young.words()
            || self.vheap_bytes > self.vheap_limit;
    }

    /// Words in use in the young block.
    pub fn young_used(&self) -> usize {
        (self.htop as usize - self.young.start() as usize) / 8
    }

    /// Size of the young block in words (`heap_size`).
    pub fn heap_size(&self) -> usize {
        self.young.words()
    }

    /// Words in use in the old generation.
    pub fn old_used(&self) -> usize {
        match &self.old {
            Some(b) => (self.old_top as usize - b.start() as usize) / 8,
            None => 0,
        }
    }

    /// Size of the old block in words.
    pub fn old_heap_size(&self) -> usize {
        self.old.as_ref().map_or(0, Block::words)
    }

    /// Young, old and fragment words (`total_heap_size`).
    pub fn total_heap_size(&self) -> usize {
        self.young.words() + self.old_heap_size() + self.frag_words
    }

    /// Words in fragments.
    pub fn fragment_words(&self) -> usize {
        self.frag_words
    }

    /// Off-heap bytes referenced from the young generation.
    pub fn vheap_bytes(&self) -> usize {
        self.vheap_bytes
    }

    /// How many off-heap handles the heap lists (young, old).
    pub fn off_heap_handles(&self) -> (usize, usize) {
        (self.off_young.len(), self.off_old.len())
    }

    /// Bytes this heap holds (`memory` in `Process.info/2`, less the process struct).
    pub fn memory_bytes(&self) -> usize {
        self.total_heap_size() * 8
    }

    /// Statistics.
    pub fn stats(&self) -> HeapStats {
        self.stats
    }

    /// True when `p` points into the old generation's used part.
    pub fn in_old(&self, p: *const u64) -> bool {
        match &self.old {
            Some(b) => (p as usize) >= b.start() as usize && (p as usize) < self.old_top as usize,
            None => false,
        }
    }

    /// True when `p` points into the young block's used part or a fragment.
    pub fn in_young(&self, p: *const u64) -> bool {
        let a = p as usize;
        (a >= self.young.start() as usize && a < self.htop as usize)
            || self.frags.iter().any(|f| f.contains(p))
    }

    /// Calls `f` for each word slot of the old generation that holds a term (the heap
    /// walker, for invariant checks).
    pub fn each_old_term(&self, f: &mut dyn FnMut(crate::term::Term)) {
        if let Some(b) = &self.old {
            // SAFETY: [start, old_top) is the old generation's initialised, walkable part.
            unsafe { gc::walk(b.start(), self.old_top, &mut |slot| f(*slot)) };
        }
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &p in self.off_young.iter().chain(self.off_old.iter()) {
            // SAFETY: the heap is going away with every term on it; each listed handle
            // still owns its count.
            unsafe { offheap::release(p) };
        }
    }
}

/// The roots of a collection: every slot outside the heap that may hold a pointer into it.
/// A collection updates each slot to the term's new address.
pub trait Roots {
    /// Calls `f` on every root slot.
    fn each_root(&mut self, f: &mut dyn FnMut(&mut crate::term::Term));
}

impl Roots for [crate::term::Term] {
    fn each_root(&mut self, f: &mut dyn FnMut(&mut crate::term::Term)) {
        self.iter_mut().for_each(f)
    }
}

impl Roots for Vec<crate::term::Term> {
    fn each_root(&mut self, f: &mut dyn FnMut(&mut crate::term::Term)) {
        self.iter_mut().for_each(f)
    }
}
