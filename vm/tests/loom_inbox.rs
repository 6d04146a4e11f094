//! The inbox and the wake-up handshake of processes (`vm/src/sched/inbox.rs`) under the
//! loom model checker: every interleaving of a few threads, with loom's atomics and its
//! checked cells in place of std's.
//!
//! - No lost wake-up: a receiver that goes to wait while a signal is in its inbox is always
//!   queued by someone (the sender's `wake`, or its own second look).
//! - Exactly one party queues a waiting process.
//! - No signal is lost or duplicated, also when the inbox closes while senders push.
//! - Direct delivery (`try_deliver`) never writes the private part while its owner runs:
//!   loom's `UnsafeCell` reports any such race.

mod sync {
    pub use loom::sync::atomic::{fence, AtomicPtr, AtomicU8, Ordering};
}

#[allow(dead_code)]
#[path = "../src/sched/inbox.rs"]
mod inbox;

use inbox::{Inbox, RUNNING, WAITING};
use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicU8, AtomicUsize, Ordering::SeqCst};
use loom::sync::Arc;
use loom::thread;

/// A process as the handshake sees it: state, inbox, a private mailbox, and how many
/// times someone queued it.
struct Proc {
    state: AtomicU8,
    inbox: Inbox<u32>,
    private: UnsafeCell<Vec<u32>>,
    queued: AtomicUsize,
}

impl Proc {
    fn new() -> Proc {
        Proc {
            state: AtomicU8::new(RUNNING),
            inbox: Inbox::new(),
            private: UnsafeCell::new(Vec::new()),
            queued: AtomicUsize::new(0),
        }
    }

    /// A plain send: push, then wake.
    fn send(&self, m: u32) {
        self.inbox.push(m).expect("open inbox");
        if inbox::wake(&self.state) {
            self.queued.fetch_add(1, SeqCst);
        }
    }

    /// A send that writes straight into the private mailbox when it can.
    fn send_direct(&self, m: u32) {
        if inbox::try_deliver(&self.state, &self.inbox) {
            self.private.with_mut(|v| unsafe { (*v).push(m) });
            inbox::delivered(&self.state);
            self.queued.fetch_add(1, SeqCst);
        } else {
            self.send(m);
        }
    }

    /// The receiver running: take the inbox into the private mailbox until it has `n`
    /// messages or it goes to wait. Returns whether it waits.
    fn receive(&self, n: usize) -> bool {
        loop {
            let mut got = Vec::new();
            self.inbox.take_into(&mut got);
            let len = self.private.with_mut(|v| unsafe {
                (*v).extend(got);
                (*v).len()
            });
            if len == n {
                return false;
            }
            if !inbox::wait(&self.state, &self.inbox) {
                return true;
            }
        }
    }
}

/// After the model's threads end: a waiting receiver with signals left in its inbox
/// must have been queued (it will run and take them).
fn no_lost_wakeup(p: &Proc, waits: bool) {
    if waits && !p.inbox.is_empty() {
        assert_eq!(
            p.queued.load(SeqCst),
            1,
            "a waiting receiver with signals was not queued"
        );
    }
    assert!(p.queued.load(SeqCst) <= 1, "queued twice");
}

/// Loom with at most `n` preemptions per execution (the usual bound: bugs of this kind
/// show within 2 or 3; unbounded, this model takes minutes).
fn model(n: usize, f: impl Fn() + Sync + Send + 'static) {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(n);
    b.check(f);
}

#[test]
fn two_senders_and_a_waiting_receiver() {
    model(3, || {
        let p = Arc::new(Proc::new());
        let senders: Vec<_> = (0..2)
            .map(|i| {
                let p = p.clone();
                thread::spawn(move || p.send(i))
            })
            .collect();
        let waits = p.receive(2);
        for s in senders {
            s.join().unwrap();
        }
        no_lost_wakeup(&p, waits);
        // Nothing lost or duplicated: what the receiver took plus what is left is {0, 1}.
        let mut all = p.private.with_mut(|v| unsafe { (*v).clone() });
        p.inbox.take_into(&mut all);
        all.sort_unstable();
        assert_eq!(all, vec![0, 1]);
    });
}

#[test]
fn direct_delivery_races_with_the_owner() {
    loom::model(|| {
        let p = Arc::new(Proc::new());
        let p2 = p.clone();
        let sender = thread::spawn(move || {
            p2.send_direct(7);
            p2.send_direct(8);
        });
        let waits = p.receive(2);
        sender.join().unwrap();
        if waits {
            // Once a sender queued it, the owner would run again: it may read now.
            assert!(p.state.load(SeqCst) != WAITING || p.inbox.is_empty());
        }
        no_lost_wakeup(&p, waits);
        let mut all = p.private.with_mut(|v| unsafe { (*v).clone() });
        p.inbox.take_into(&mut all);
        // One sender: its messages in order.
        assert_eq!(all, vec![7, 8]);
    });
}

#[test]
fn closing_loses_nothing() {
    loom::model(|| {
        let inbox = Arc::new(Inbox::<u32>::new());
        let i2 = inbox.clone();
        let sender = thread::spawn(move || {
            let mut rejected = Vec::new();
            for m in [1, 2] {
                if let Err(m) = i2.push(m) {
                    rejected.push(m);
                }
            }
            rejected
        });
        let mut taken = Vec::new();
        inbox.take_into(&mut taken);
        let left = inbox.close();
        let rejected = sender.join().unwrap();
        let mut all: Vec<u32> = taken.into_iter().chain(left).chain(rejected).collect();
        all.sort_unstable();
        assert_eq!(
            all,
            vec![1, 2],
            "every signal is taken, left at close, or handed back"
        );
    });
}
