//! Off-heap objects: reference-counted binary buffers and resources behind magic
//! references.
//!
//! Invariants (docs/internals/binaries.md says more):
//! - An off-heap object is shared by handles on process heaps (a `RefcBin` or `MagicRef`
//!   boxed object). Each handle owns one strong count of an `Arc`, created with
//!   `Arc::into_raw` and stored raw in the handle's payload.
//! - Every handle is listed in the off-heap list of the heap or fragment it lives on. A
//!   collection walks that list: a handle that was not copied is dead, and its count is
//!   released. So a buffer is freed soon after the last process holding it drops it.
//! - A buffer is *writable* while only its creating process can see it: that process may
//!   append in place. The first time a handle to it is copied to another heap (a send, an
//!   ETS insert) the buffer is frozen for good, so that no thread ever reads bytes another
//!   thread is moving.

use std::any::Any;
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use crate::term::{Header, Kind, Term};

/// An off-heap, reference-counted byte buffer.
pub struct RefcBuffer {
    frozen: AtomicBool,
    bytes: UnsafeCell<Vec<u8>>,
}

// SAFETY: the bytes are only mutated by the single process that owns the buffer while it
// is not frozen (see the module invariants); once frozen they are read-only.
unsafe impl Sync for RefcBuffer {}
// SAFETY: as above; the buffer is plain owned memory.
unsafe impl Send for RefcBuffer {}

/// Buffers alive in the runtime (`:erlang.memory(:binary)` and leak tests read it).
static LIVE_BUFFERS: AtomicUsize = AtomicUsize::new(0);
/// Bytes of capacity held by live buffers.
static LIVE_BUFFER_BYTES: AtomicUsize = AtomicUsize::new(0);

/// How many refc buffers are alive, and their capacity in bytes.
pub fn live_buffers() -> (usize, usize) {
    (
        LIVE_BUFFERS.load(Ordering::Relaxed),
        LIVE_BUFFER_BYTES.load(Ordering::Relaxed),
    )
}

impl RefcBuffer {
    /// A buffer holding `bytes`, with room to grow to `capacity`.
    pub fn new(bytes: &[u8], capacity: usize) -> Arc<RefcBuffer> {
        let mut v = Vec::with_capacity(capacity.max(bytes.len()));
        v.extend_from_slice(bytes);
        LIVE_BUFFERS.fetch_add(1, Ordering::Relaxed);
        LIVE_BUFFER_BYTES.fetch_add(v.capacity(), Ordering::Relaxed);
        Arc::new(RefcBuffer {
            frozen: AtomicBool::new(false),
            bytes: UnsafeCell::new(v),
        })
    }

    /// The first `len` bytes.
    ///
    /// # Safety
    /// `len` is at most the length of the buffer, and the caller is the owning process or
    /// the buffer is frozen.
    pub unsafe fn prefix(&self, len: usize) -> &[u8] {
        // SAFETY: per the contract nobody mutates the vector concurrently.
        let v = unsafe { &*self.bytes.get() };
        v.get(..len).unwrap_or(v)
    }

    /// True once a handle has been copied to another heap.
    pub fn is_frozen(&self) -> bool {
        self.frozen.load(Ordering::Acquire)
    }

    /// Forbids in-place appends from now on.
    pub fn freeze(&self) {
        self.frozen.store(true, Ordering::Release);
    }

    /// Appends in place if the buffer is writable and `expected_len` is its current length
    /// (the appender holds the newest version). Returns false when the caller must copy.
    ///
    /// # Safety
    /// The caller is the owning process.
    pub unsafe fn try_append(&self, expected_len: usize, more: &[u8]) -> bool {
        if self.is_frozen() {
            return false;
        }
        // `more` may be bytes of this very buffer (`acc <> acc`): growing the vector frees
        // them before they are copied, so such bytes are copied out first.
        let owned;
        let more = {
            // SAFETY: as below; a shared look at where the allocation lies.
            let v = unsafe { &*self.bytes.get() };
            let (start, end) = (v.as_ptr() as usize, v.as_ptr() as usize + v.capacity());
            let m = more.as_ptr() as usize;
            if !more.is_empty() && m < end && start < m + more.len() {
                owned = more.to_vec();
                &owned[..]
            } else {
                more
            }
        };
        // SAFETY: not frozen, so only the owning process (the caller) can see the buffer.
        let v = unsafe { &mut *self.bytes.get() };
        if v.len() != expected_len {
            return false;
        }
        let before = v.capacity();
        v.extend_from_slice(more);
        if v.capacity() != before {
            LIVE_BUFFER_BYTES.fetch_add(v.capacity() - before, Ordering::Relaxed);
        }
        true
    }
}

impl Drop for RefcBuffer {
    fn drop(&mut self) {
        LIVE_BUFFERS.fetch_sub(1, Ordering::Relaxed);
        LIVE_BUFFER_BYTES.fetch_sub(self.bytes.get_mut().capacity(), Ordering::Relaxed);
    }
}

/// A resource held by a magic reference: a Rust value shared by every copy of the
/// reference (an ETS table, a native function's state).
pub struct Resource {
    serial: u64,
    value: Box<dyn Any + Send + Sync>,
}

static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

/// A fresh reference serial, unique in this runtime (shared by local and magic references).
pub fn next_ref_serial() -> u64 {
    NEXT_SERIAL.fetch_add(1, Ordering::Relaxed) & crate::term::MAX_REF
}

impl Resource {
    /// A resource around `value` with a fresh reference serial.
    pub fn new(value: Box<dyn Any + Send + Sync>) -> Arc<Resource> {
        Arc::new(Resource {
            serial: next_ref_serial(),
            value,
        })
    }

    /// The reference serial it prints with.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The value.
    pub fn value(&self) -> &(dyn Any + Send + Sync) {
        &*self.value
    }
}

/// Payload layout of a `RefcBin` handle.
pub(crate) mod refc {
    /// Byte size this handle sees.
    pub const SIZE: usize = 0;
    /// `Arc<RefcBuffer>` raw pointer.
    pub const BUF: usize = 1;
    /// Payload words.
    pub const ARITY: usize = 2;
}

/// Payload layout of a `MagicRef`.
pub(crate) mod magic {
    /// `Arc<Resource>` raw pointer.
    pub const RES: usize = 0;
}

/// The buffer of a `RefcBin` handle.
pub fn refc_buffer<'a>(handle: Term) -> Option<&'a RefcBuffer> {
    if handle.kind()? != Kind::RefcBin {
        return None;
    }
    let raw = *handle.payload().get(refc::BUF)? as *const RefcBuffer;
    // SAFETY: the handle owns a strong count of this Arc until its heap releases it.
    Some(unsafe { &*raw })
}

/// The resource of a magic reference.
pub fn magic_resource<'a>(r: Term) -> Option<&'a Resource> {
    if r.kind()? != Kind::MagicRef {
        return None;
    }
    let raw = *r.payload().get(magic::RES)? as *const Resource;
    // SAFETY: the handle owns a strong count of this Arc until its heap releases it.
    Some(unsafe { &*raw })
}

/// Off-heap bytes a handle accounts for (the virtual binary heap counts these).
///
/// # Safety
/// `p` points to a live `RefcBin` or `MagicRef` object.
pub unsafe fn handle_bytes(p: *const u64) -> usize {
    // SAFETY: per the contract.
    let h = unsafe { Header::from_word(*p) };
    match h.map(Header::kind) {
        // SAFETY: per the contract, the payload follows the header.
        Some(Kind::RefcBin) => unsafe { *p.add(1 + refc::SIZE) as usize },
        _ => 0,
    }
}

/// Takes one more strong count for a copy of the handle at `p` (a copy to another heap).
/// Refc buffers are frozen, since another process may now read them.
///
/// # Safety
/// `p` points to a live `RefcBin` or `MagicRef` object.
pub unsafe fn retain(p: *const u64) {
    // SAFETY: per the contract.
    let h = unsafe { Header::from_word(*p) };
    match h.map(Header::kind) {
        Some(Kind::RefcBin) => {
            // SAFETY: the payload holds an `Arc<RefcBuffer>` raw pointer with a count.
            let raw = unsafe { *p.add(1 + refc::BUF) } as *const RefcBuffer;
            // SAFETY: the count held by the handle keeps the Arc alive.
            unsafe {
                (*raw).freeze();
                Arc::increment_strong_count(raw);
            }
        }
        Some(Kind::MagicRef) => {
            // SAFETY: as above for `Arc<Resource>`.
            let raw = unsafe { *p.add(1 + magic::RES) } as *const Resource;
            // SAFETY: as above.
            unsafe { Arc::increment_strong_count(raw) };
        }
        _ => debug_assert!(false, "retain of a non-off-heap object"),
    }
}

/// Releases the strong count a dead handle at `p` owned.
///
/// # Safety
/// `p` points to a `RefcBin` or `MagicRef` object that is dead (no term reaches it) and
/// whose count has not been released yet.
pub unsafe fn release(p: *const u64) {
    // SAFETY: per the contract.
    let h = unsafe { Header::from_word(*p) };
    match h.map(Header::kind) {
        Some(Kind::RefcBin) => {
            // SAFETY: the handle owned one count of this Arc.
            unsafe { drop(Arc::from_raw(*p.add(1 + refc::BUF) as *const RefcBuffer)) }
        }
        Some(Kind::MagicRef) => {
            // SAFETY: as above.
            unsafe { drop(Arc::from_raw(*p.add(1 + magic::RES) as *const Resource)) }
        }
        _ => debug_assert!(false, "release of a non-off-heap object"),
    }
}
