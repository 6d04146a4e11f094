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
//! Ordering: pushes, `is_empty` and `take` are `SeqCst`. The wake-up handshake (see
//! `sched::mod`) needs it: a receiver stores `WAITING` then checks the inbox, a sender
//! pushes then reads the state; one of the two must see the other's write.

use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering::SeqCst};

use super::Signal;

struct Node {
    sig: Signal,
    next: *mut Node,
}

/// The sentinel head of a closed inbox (never a node's address: nodes are aligned).
const CLOSED: *mut Node = 1 as *mut Node;

/// A multi-producer, single-consumer queue of signals.
pub struct Inbox {
    head: AtomicPtr<Node>,
}

// SAFETY: nodes are owned by the list; signals are `Send`.
unsafe impl Send for Inbox {}
// SAFETY: producers only CAS the head; only the owner takes the list.
unsafe impl Sync for Inbox {}

impl Default for Inbox {
    fn default() -> Self {
        Inbox::new()
    }
}

impl Inbox {
    /// An empty, open inbox.
    pub const fn new() -> Inbox {
        Inbox {
            head: AtomicPtr::new(ptr::null_mut()),
        }
    }

    /// Pushes a signal; gives it back if the inbox is closed (its process exited).
    pub fn push(&self, sig: Signal) -> Result<(), Signal> {
        let node = Box::into_raw(Box::new(Node {
            sig,
            next: ptr::null_mut(),
        }));
        let mut head = self.head.load(SeqCst);
        loop {
            if head == CLOSED {
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
        h.is_null() || h == CLOSED
    }

    /// Takes every signal pushed so far, oldest first, appending them to `out`.
    /// Only the owner calls this.
    pub fn take_into(&self, out: &mut Vec<Signal>) {
        if self.is_empty() {
            return;
        }
        let list = self.head.swap(ptr::null_mut(), SeqCst);
        Self::collect(list, out);
    }

    /// Closes the inbox and returns the signals left in it, oldest first. Pushes after this
    /// fail.
    pub fn close(&self) -> Vec<Signal> {
        let list = self.head.swap(CLOSED, SeqCst);
        let mut out = Vec::new();
        Self::collect(list, &mut out);
        out
    }

    fn collect(mut list: *mut Node, out: &mut Vec<Signal>) {
        if list == CLOSED {
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

impl Drop for Inbox {
    fn drop(&mut self) {
        drop(self.close());
    }
}
