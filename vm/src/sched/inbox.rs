//! A process's inbox: where other threads push signals (messages, exits, links, monitors,
//! timeouts, requests). Lock-free, many producers and one consumer.
//!
//! A Treiber stack of nodes: a push is one compare-and-swap on the head; the owner takes the
//! whole stack with one swap and reverses it. Pushes are linearised at their CAS, so the
//! reversed list is in push order, and in particular each sender's signals stay in the
//! order it sent them (the BEAM's per-pair ordering guarantee).
//!
//! A process that exits *closes* its inbox (the head becomes a sentinel): a push after that
//! fails and hands the signal back, so the sender knows the process is gone (a link or a
//! monitor then gets `:noproc`) and no signal is ever left behind in a dead process.
//!
//! Ordering: the wake-up handshake (the functions at the end, used by `sched`) is a
//! Dekker pair: a receiver stores `WAITING` then checks the inbox, a sender pushes then
//! reads the state; one of the two must see the other's write. All four accesses are
//! `SeqCst`, which guarantees it; `crate::sync::fence` marks the two points and is a real
//! fence only under loom, which models `SeqCst` accesses more weakly than the language.
//!
//! This file is also compiled into `vm/tests/loom_inbox.rs`, where `crate::sync` is
//! loom's: the model checker runs the inbox and the handshake through every interleaving
//! (no lost wake-up, no message lost or duplicated, no data race on the private part).

use std::ptr;

use crate::sync::{fence, AtomicPtr, AtomicU8, Ordering::SeqCst};

struct Node<T> {
    sig: T,
    next: *mut Node<T>,
}

/// The sentinel head of a closed inbox (never a node's address: nodes are aligned).
fn closed<T>() -> *mut Node<T> {
    1 as *mut Node<T>
}

/// A multi-producer, single-consumer queue of signals.
pub struct Inbox<T> {
    head: AtomicPtr<Node<T>>,
}

// SAFETY: nodes are owned by the list; signals are `Send`.
unsafe impl<T: Send> Send for Inbox<T> {}
// SAFETY: producers only CAS the head; only the owner takes the list.
unsafe impl<T: Send> Sync for Inbox<T> {}

impl<T> Default for Inbox<T> {
    fn default() -> Self {
        Inbox::new()
    }
}

impl<T> Inbox<T> {
    /// An empty, open inbox.
    pub fn new() -> Inbox<T> {
        Inbox {
            head: AtomicPtr::new(ptr::null_mut()),
        }
    }

    /// Pushes a signal; gives it back if the inbox is closed (its process exited).
    pub fn push(&self, sig: T) -> Result<(), T> {
        let node = Box::into_raw(Box::new(Node {
            sig,
            next: ptr::null_mut(),
        }));
        let mut head = self.head.load(SeqCst);
        loop {
            if head == closed() {
                // SAFETY: `node` was never shared.
                let n = unsafe { Box::from_raw(node) };
                return Err(n.sig);
            }
            // SAFETY: `node` is ours until the CAS publishes it.
            unsafe { (*node).next = head };
            match self.head.compare_exchange_weak(head, node, SeqCst, SeqCst) {
                Ok(_) => return Ok(()),
                Err(h) => head = h,
            }
        }
    }

    /// True when no signal is waiting (or the inbox is closed).
    pub fn is_empty(&self) -> bool {
        let h = self.head.load(SeqCst);
        h.is_null() || h == closed()
    }

    /// Takes every signal pushed so far, oldest first, appending them to `out`.
    /// Only the owner calls this.
    pub fn take_into(&self, out: &mut Vec<T>) {
        if self.is_empty() {
            return;
        }
        let list = self.head.swap(ptr::null_mut(), SeqCst);
        Self::collect(list, out);
    }

    /// Closes the inbox and returns the signals left in it, oldest first. Pushes after this
    /// fail.
    pub fn close(&self) -> Vec<T> {
        let list = self.head.swap(closed(), SeqCst);
        let mut out = Vec::new();
        Self::collect(list, &mut out);
        out
    }

    fn collect(mut list: *mut Node<T>, out: &mut Vec<T>) {
        if list == closed() {
            return;
        }
        let start = out.len();
        while !list.is_null() {
            // SAFETY: the swap gave us the whole list; each node is a leaked box.
            let n = unsafe { Box::from_raw(list) };
            list = n.next;
            out.push(n.sig);
        }
        out[start..].reverse();
    }
}

impl<T> Drop for Inbox<T> {
    fn drop(&mut self) {
        drop(self.close());
    }
}

// The run state of a process and the wake-up handshake (see `sched` for the diagram).

/// In a run queue (exactly once).
pub const RUNNABLE: u8 = 0;
/// A scheduler runs it and owns its private part.
pub const RUNNING: u8 = 1;
/// In a receive with nothing to take; the next signal queues it.
pub const WAITING: u8 = 2;
/// Gone.
pub const EXITED: u8 = 3;
/// A sender writes a message straight into its private part.
pub const DELIVERING: u8 = 4;

/// Sender side, after a push: takes a waiting process out of `WAITING`. True when the
/// caller must queue it (exactly one party does).
pub fn wake(state: &AtomicU8) -> bool {
    // The push before this and the receiver's store of WAITING are ordered by the two
    // fences (a Dekker pair): one side sees the other's write.
    fence(SeqCst);
    state
        .compare_exchange(WAITING, RUNNABLE, SeqCst, SeqCst)
        .is_ok()
}

/// Receiver side: a running process with nothing to do goes to `WAITING`. True when it
/// must go on running (a signal came in the meantime and nobody queued it); false when
/// it waits (the next signal, or one that came already, queues it).
pub fn wait<T>(state: &AtomicU8, inbox: &Inbox<T>) -> bool {
    state.store(WAITING, SeqCst);
    fence(SeqCst);
    if inbox.is_empty() {
        return false;
    }
    state
        .compare_exchange(WAITING, RUNNING, SeqCst, SeqCst)
        .is_ok()
}

/// Sender side, direct delivery: takes a waiting process whose inbox is empty for this
/// thread alone (`DELIVERING`); its private part may then be written until
/// [`delivered`], after which the caller must queue it.
pub fn try_deliver<T>(state: &AtomicU8, inbox: &Inbox<T>) -> bool {
    fence(SeqCst);
    inbox.is_empty()
        && state
            .compare_exchange(WAITING, DELIVERING, SeqCst, SeqCst)
            .is_ok()
}

/// Ends a direct delivery: the process is runnable (the caller queues it).
pub fn delivered(state: &AtomicU8) {
    state.store(RUNNABLE, SeqCst);
}
