//! Heap blocks and the pool that recycles them.
//!
//! A [`Block`] is a word-aligned array of words owned by one heap (a young or old
//! generation, or a heap fragment). Blocks whose size is one of the BEAM's heap sizes go back
//! to a per-thread pool when dropped, so that a process spawned after another one exited, or
//! the to-space of the next collection, reuses memory that is already paged in: on these
//! machines the first touch of fresh memory costs about 3 µs per 4 KiB page, more than a
//! small collection. Other sizes (fragments, hibernated heaps) go back to the allocator.
//!
//! Invariant: a block is owned by exactly one heap or fragment at a time; its contents are
//! meaningless when it leaves the pool (debug builds fill it with a poison pattern when it
//! is released, so that a dangling pointer into it is caught quickly).

use std::alloc::{self, Layout};
use std::cell::RefCell;
use std::ptr::NonNull;

use super::sizes::{size_class, HEAP_SIZES};

/// How many free blocks of one size a thread keeps: enough for the to-spaces of a few
/// collections and the heaps of processes that come and go in bursts.
const POOL_BLOCKS_PER_CLASS: usize = 64;
/// The most memory a thread keeps in its pool; beyond it blocks go back to the allocator.
/// 16 MiB per scheduler thread bounds what a burst can leave behind.
const POOL_MAX_BYTES: usize = 16 << 20;
/// Blocks above this many words (1 MiB) are not pooled: a process that grew that big is
/// rare, and keeping its old blocks would keep its peak memory after it shrank or died.
const POOL_MAX_BLOCK_WORDS: usize = 1 << 17;
/// The word written over released blocks in debug builds.
#[cfg(debug_assertions)]
const POISON: u64 = 0xDEAD_BEEF_DEAD_BEEF & !0b11 | 0b10;

/// An owned, uninitialised array of words.
pub struct Block {
    ptr: NonNull<u64>,
    words: usize,
}

// SAFETY: a block is plain memory owned by one heap; moving it between threads moves the
// ownership with it.
unsafe impl Send for Block {}

impl Block {
    /// A block of `words` words (at least one), from the pool when it has one.
    pub fn new(words: usize) -> Block {
        let words = words.max(1);
        if let Some(class) = size_class(words) {
            if let Some(ptr) = POOL.with(|p| p.borrow_mut().take(class)) {
                return Block { ptr, words };
            }
        }
        let layout = Self::layout(words);
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc::alloc(layout) } as *mut u64;
        let Some(ptr) = NonNull::new(raw) else {
            alloc::handle_alloc_error(layout)
        };
        Block { ptr, words }
    }

    fn layout(words: usize) -> Layout {
        match Layout::array::<u64>(words) {
            Ok(l) => l,
            Err(_) => panic!("heap block of {words} words is larger than the address space"),
        }
    }

    /// The first word.
    #[inline]
    pub fn start(&self) -> *mut u64 {
        self.ptr.as_ptr()
    }

    /// One past the last word.
    #[inline]
    pub fn end(&self) -> *mut u64 {
        // SAFETY: one past the end of the allocation.
        unsafe { self.ptr.as_ptr().add(self.words) }
    }

    /// The size in words.
    #[inline]
    pub fn words(&self) -> usize {
        self.words
    }

    /// True when `p` points into this block.
    #[inline]
    pub fn contains(&self, p: *const u64) -> bool {
        let p = p as usize;
        p >= self.ptr.as_ptr() as usize && p < self.end() as usize
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        #[cfg(debug_assertions)]
        // SAFETY: the block owns `words` words.
        unsafe {
            std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.words).fill(POISON)
        };
        if let Some(class) = size_class(self.words) {
            let kept = POOL
                .try_with(|p| p.borrow_mut().put(class, self.ptr, self.words))
                .unwrap_or(false);
            if kept {
                return;
            }
        }
        // SAFETY: allocated in `new` with this layout.
        unsafe { alloc::dealloc(self.ptr.as_ptr() as *mut u8, Self::layout(self.words)) };
    }
}

/// Free blocks by size class.
struct Pool {
    free: Vec<Vec<NonNull<u64>>>,
    bytes: usize,
}

impl Pool {
    fn take(&mut self, class: usize) -> Option<NonNull<u64>> {
        let p = self.free.get_mut(class)?.pop()?;
        self.bytes -= HEAP_SIZES[class] * 8;
        Some(p)
    }

    fn put(&mut self, class: usize, ptr: NonNull<u64>, words: usize) -> bool {
        if self.free.len() <= class {
            self.free.resize_with(class + 1, Vec::new);
        }
        let list = &mut self.free[class];
        if list.len() >= POOL_BLOCKS_PER_CLASS
            || words > POOL_MAX_BLOCK_WORDS
            || self.bytes + words * 8 > POOL_MAX_BYTES
        {
            return false;
        }
        list.push(ptr);
        self.bytes += words * 8;
        true
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for (class, list) in self.free.iter().enumerate() {
            for p in list {
                // SAFETY: every pooled block was allocated with this class's layout.
                unsafe { alloc::dealloc(p.as_ptr() as *mut u8, Block::layout(HEAP_SIZES[class])) };
            }
        }
    }
}

thread_local! {
    static POOL: RefCell<Pool> = const { RefCell::new(Pool { free: Vec::new(), bytes: 0 }) };
}

/// Bytes this thread keeps in its block pool (for `:erlang.memory` and tests).
pub fn pooled_bytes() -> usize {
    POOL.with(|p| p.borrow().bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooled_blocks_are_reused() {
        let a = Block::new(610);
        let addr = a.start();
        drop(a);
        let b = Block::new(610);
        assert_eq!(b.start(), addr, "the freed block comes back");
        assert!(b.contains(addr));
        assert!(!b.contains(b.end()));
    }

    #[test]
    fn odd_sizes_are_not_pooled() {
        let before = pooled_bytes();
        drop(Block::new(1000));
        assert_eq!(pooled_bytes(), before);
    }
}
