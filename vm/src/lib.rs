//! # beamlet-vm
//!
//! The virtual machine: terms, atoms, per-process heaps with a generational copying
//! collector, off-heap binaries, and (in later issues) processes, schedulers, the
//! interpreter, the code server, ETS and the embedding API.
//!
//! Unsafe code lives in a few modules, each block with a `SAFETY:` comment: `term` (reading
//! through pointer terms), `heap` (allocation, collection, copying), `offheap` (reference
//! counts of shared buffers) and `binary` (bytes behind binary terms). The invariants each
//! one relies on are in its `//!` header and in `docs/internals/`.
#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

pub mod atom;
pub mod bif;
pub mod binary;
pub mod code;
pub mod embed;
pub mod exception;
pub mod heap;
pub mod inspect;
pub mod interp;
pub mod natives;
pub mod offheap;
pub mod process;
pub mod runtime;
pub mod sched;
/// The atomics the lock-free parts use (loom's in `tests/loom_inbox.rs`).
pub(crate) mod sync {
    pub use std::sync::atomic::{AtomicPtr, AtomicU8, Ordering};

    /// The wake-up handshake's fence: nothing here. Every access of the handshake is
    /// `SeqCst`, and `SeqCst` operations fall into one total order, which is all a Dekker
    /// pair needs. Loom models `SeqCst` accesses as acquire/release only, so under loom
    /// (`tests/loom_inbox.rs`) this is loom's `SeqCst` fence, which it does model.
    #[inline(always)]
    pub fn fence(_: Ordering) {}
}
pub mod term;

pub use atom::Atom;
pub use embed::{Host, Native, Runtime, Value};
pub use heap::{Heap, HeapConfig, Roots, TermAlloc};
pub use term::Term;
