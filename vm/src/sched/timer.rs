//! Timers: the timeout of `receive ... after`, `Process.send_after/3` and
//! `:erlang.start_timer/3`.
//!
//! One timer thread owns an ordered map of deadlines to actions. Adding and cancelling
//! a timer take a lock for O(log n); cancelling removes the deadline at once, so the map
//! holds only live timers (a million `GenServer.call`s a second, each arming and
//! cancelling a 5-second receive timer, would otherwise pile up five million dead
//! entries). A receive timer is cancelled by its key, deadline and number, which its
//! process keeps: no index by number, no clock read. Timers that are cancelled or read
//! by number (`send_after`, `start_timer`) are also indexed by it. The thread sleeps
//! until the earliest deadline, so an idle VM with no timers uses no CPU. When a timer
//! fires, its action runs on the timer thread: a receive timeout becomes a `Timeout`
//! signal to the waiting process, a message is sent like any other.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::Msg;
use crate::term::Term;

/// What a timer does when it fires.
#[allow(missing_docs)]
pub enum Action {
    /// The receive timer `id` of process `pid` ran out.
    Timeout { pid: Term },
    /// Send `msg` to `dest` (a pid or a registered name).
    Send { dest: Term, msg: Msg },
}

/// A timer's place in the queue: its deadline and its number.
pub type Key = (Instant, u64);

#[derive(Default)]
struct State {
    queue: BTreeMap<Key, Action>,
    /// When the timer thread wakes next (`None`: when a timer is added). A timer due
    /// later needs no wake-up: a `GenServer.call` arms and cancels a 5-second timer each
    /// time, and waking the thread for each would cost a context switch per call.
    wake_at: Option<Instant>,
    /// The deadlines of the live timers that are cancelled or read by number.
    by_id: crate::atom::AtomMap<u64, Instant>,
}

/// The timer service.
pub struct Timers {
    state: Mutex<State>,
    cv: Condvar,
    thread: OnceLock<()>,
}

impl Timers {
    /// No timers; the thread starts with the first one.
    pub fn new() -> Timers {
        Timers {
            state: Mutex::new(State::default()),
            cv: Condvar::new(),
            thread: OnceLock::new(),
        }
    }

    /// Starts timer `id` (a fresh reference number) firing `after` from now; its key.
    /// A `Send` timer can be cancelled and read by its number too.
    pub fn add(&'static self, id: u64, after: Duration, action: Action) -> Key {
        self.thread.get_or_init(|| {
            std::thread::Builder::new()
                .name("beamlet-timers".into())
                .spawn(move || self.run())
                .expect("cannot start the timer thread");
        });
        let at = Instant::now() + after;
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let earliest = s.wake_at.is_none_or(|w| at < w);
        if matches!(action, Action::Send { .. }) {
            s.by_id.insert(id, at);
        }
        s.queue.insert((at, id), action);
        drop(s);
        if earliest {
            self.cv.notify_one();
        }
        (at, id)
    }

    /// Cancels the timer of key `key` (a no-op if it already fired).
    pub fn cancel_key(&self, key: Key) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if s.queue.remove(&key).is_some() {
            s.by_id.remove(&key.1);
        }
    }

    /// Cancels timer `id`: the time it had left, or `None` if it already fired (or never was).
    pub fn cancel(&self, id: u64) -> Option<Duration> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let at = s.by_id.remove(&id)?;
        s.queue.remove(&(at, id));
        Some(at.saturating_duration_since(Instant::now()))
    }

    /// The time timer `id` has left, or `None` if it fired or was cancelled.
    pub fn read(&self, id: u64) -> Option<Duration> {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let at = s.by_id.get(&id)?;
        Some(at.saturating_duration_since(Instant::now()))
    }

    fn run(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = Instant::now();
            let mut due = Vec::new();
            while let Some(first) = s.queue.first_entry() {
                if first.key().0 > now {
                    break;
                }
                let ((_, id), action) = first.remove_entry();
                s.by_id.remove(&id);
                due.push((id, action));
            }
            if !due.is_empty() {
                drop(s);
                for (id, action) in due {
                    fire(id, action);
                }
                s = self.state.lock().unwrap_or_else(|e| e.into_inner());
                continue;
            }
            s.wake_at = s.queue.first_key_value().map(|(&(at, _), _)| at);
            s = match s.wake_at {
                Some(at) => {
                    let wait = at.saturating_duration_since(now);
                    self.cv
                        .wait_timeout(s, wait)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
                None => self.cv.wait(s).unwrap_or_else(|e| e.into_inner()),
            };
        }
    }
}

impl Default for Timers {
    fn default() -> Self {
        Timers::new()
    }
}

fn fire(id: u64, action: Action) {
    match action {
        Action::Timeout { pid } => {
            let _ = super::signal(pid, super::Signal::Timeout(id));
        }
        Action::Send { dest, msg } => {
            let pid = match dest.as_atom() {
                Some(name) => super::whereis(name),
                None => Some(dest),
            };
            if let Some(pid) = pid {
                let _ = super::signal(pid, super::Signal::Message(msg));
            }
        }
    }
}
